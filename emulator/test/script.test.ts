/**
 * ScriptApp fake and TriggerStore: trigger creation, the per-script limit, deletion and clock
 * triggers firing as the virtual clock passes them. Each quirk cites its reference.
 */
import { createEnv, type Env, InjectedFault } from '../src/env';
import { FakeScriptApp, MAX_TRIGGERS_PER_USER_PER_SCRIPT, TOO_MANY_TRIGGERS, TriggerStore } from '../src/script';

const MIN = 60_000;

function setup(start = new Date('2026-03-02T09:00:00Z')) {
  const env: Env = createEnv({ start, timeZone: 'Europe/Ljubljana' });
  const store = new TriggerStore();
  const ScriptApp = new FakeScriptApp(env, store) as unknown as GoogleAppsScript.Script.ScriptApp;
  const invoked: { fn: string; e: Record<string, unknown> }[] = [];
  env.invoke = (fn, e) => {
    invoked.push({ fn, e: e as Record<string, unknown> });
  };
  return { env, store, ScriptApp, invoked };
}

describe('ScriptApp triggers', () => {
  // https://developers.google.com/apps-script/reference/script/spreadsheet-trigger-builder#onFormSubmit()
  it('creates a spreadsheet form-submit trigger and lists it in getProjectTriggers', () => {
    const { ScriptApp, store } = setup();
    const t = ScriptApp.newTrigger('onIntake').forSpreadsheet('ss-1').onFormSubmit().create();
    expect(t.getHandlerFunction()).toBe('onIntake');
    expect(t.getEventType()).toBe(ScriptApp.EventType.ON_FORM_SUBMIT);
    expect(t.getTriggerSource()).toBe(ScriptApp.TriggerSource.SPREADSHEETS);
    expect(t.getTriggerSourceId()).toBe('ss-1');
    const listed = ScriptApp.getProjectTriggers();
    expect(listed.map((x) => x.getUniqueId())).toEqual([t.getUniqueId()]);
    expect(store.all()[0]).toMatchObject({ eventType: 'ON_FORM_SUBMIT', source: 'SPREADSHEETS', sourceId: 'ss-1' });
  });

  // https://developers.google.com/apps-script/reference/script/trigger-builder#forSpreadsheet(Spreadsheet)
  it('forSpreadsheet/forForm accept the object (by getId()) as well as the id', () => {
    const { ScriptApp } = setup();
    const ss = { getId: () => 'ss-9' } as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    const form = { getId: () => 'form-9' } as unknown as GoogleAppsScript.Forms.Form;
    ScriptApp.newTrigger('a').forSpreadsheet(ss).onEdit().create();
    ScriptApp.newTrigger('b').forForm(form).onFormSubmit().create();
    expect(ScriptApp.getUserTriggers(ss).map((t) => t.getHandlerFunction())).toEqual(['a']);
    expect(ScriptApp.getUserTriggers(form).map((t) => t.getTriggerSource())).toEqual(['FORMS']);
  });

  // https://developers.google.com/apps-script/guides/services/quotas: Triggers 20 / user / script
  it('refuses the 21st trigger with the real message', () => {
    const { ScriptApp } = setup();
    for (let i = 0; i < MAX_TRIGGERS_PER_USER_PER_SCRIPT; i++)
      ScriptApp.newTrigger(`f${i}`).forSpreadsheet('ss-1').onEdit().create();
    expect(MAX_TRIGGERS_PER_USER_PER_SCRIPT).toBe(20);
    expect(() => ScriptApp.newTrigger('one-too-many').timeBased().everyHours(1).create()).toThrow(TOO_MANY_TRIGGERS);
    expect(ScriptApp.getProjectTriggers()).toHaveLength(20);
  });

  // https://developers.google.com/apps-script/reference/script/script-app#deleteTrigger(Trigger)
  it('deleteTrigger removes the trigger and frees a place under the limit', () => {
    const { ScriptApp } = setup();
    const a = ScriptApp.newTrigger('a').forSpreadsheet('ss-1').onOpen().create();
    ScriptApp.newTrigger('b').forSpreadsheet('ss-1').onChange().create();
    const listed = ScriptApp.getProjectTriggers().find((t) => t.getHandlerFunction() === 'a');
    ScriptApp.deleteTrigger(listed as GoogleAppsScript.Script.Trigger);
    expect(ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['b']);
    expect(() => ScriptApp.deleteTrigger(a)).not.toThrow();
  });

  // https://developers.google.com/apps-script/reference/script/clock-trigger-builder#everyMinutes(Integer)
  it('everyMinutes accepts only 1, 5, 10, 15 or 30 and everyHours only 1, 2, 4, 6, 8 or 12', () => {
    const { ScriptApp } = setup();
    expect(() => ScriptApp.newTrigger('f').timeBased().everyMinutes(7)).toThrow(/1, 5, 10, 15 or 30/);
    expect(() => ScriptApp.newTrigger('f').timeBased().everyHours(3)).toThrow(/1, 2, 4, 6, 8 or 12/);
    expect(() => ScriptApp.newTrigger('f').timeBased().everyMinutes(15).create()).not.toThrow();
  });

  // https://developers.google.com/apps-script/reference/script/clock-trigger-builder#atHour(Integer): "Frequency is required"
  it('atHour without a frequency is refused on create', () => {
    const { ScriptApp } = setup();
    expect(() => ScriptApp.newTrigger('f').timeBased().atHour(5).create()).toThrow(/Frequency is required/);
  });

  // https://developers.google.com/apps-script/reference/script/trigger#getTriggerSourceId(): null for clock triggers
  it('a clock trigger has source CLOCK and a null source id', () => {
    const { ScriptApp } = setup();
    const t = ScriptApp.newTrigger('tick').timeBased().everyMinutes(5).create();
    expect(t.getTriggerSource()).toBe('CLOCK');
    expect(t.getEventType()).toBe('CLOCK');
    expect(t.getTriggerSourceId()).toBeNull();
  });
});

describe('clock triggers fire as the virtual clock passes them', () => {
  // https://developers.google.com/apps-script/reference/script/clock-trigger-builder#after(Integer)
  // A one-off trigger that ran stays in the project (disabled) until deleted; it does not run again.
  it('after(ms) fires once when the clock passes it and stays listed', () => {
    const { env, store, ScriptApp, invoked } = setup();
    ScriptApp.newTrigger('later')
      .timeBased()
      .after(10 * MIN)
      .create();
    env.clock.advance(9 * MIN);
    expect(store.fireDue(env)).toBe(0);
    env.clock.advance(1 * MIN);
    expect(store.due(env.clock.nowMs())).toHaveLength(1);
    expect(store.fireDue(env)).toBe(1);
    expect(invoked.map((i) => i.fn)).toEqual(['later']);
    env.clock.advance(60 * MIN);
    expect(store.fireDue(env)).toBe(0);
    expect(ScriptApp.getProjectTriggers()).toHaveLength(1);
    expect(store.all()[0].disabled).toBe(true);
  });

  // https://developers.google.com/apps-script/reference/script/clock-trigger-builder#at(Date)
  it('at(date) fires at that instant', () => {
    const { env, store, ScriptApp, invoked } = setup();
    ScriptApp.newTrigger('deadline').timeBased().at(new Date('2026-03-02T12:00:00Z')).create();
    env.clock.set(new Date('2026-03-02T11:59:59Z'));
    store.fireDue(env);
    expect(invoked).toHaveLength(0);
    env.clock.set(new Date('2026-03-02T12:00:00Z'));
    store.fireDue(env);
    expect(invoked).toHaveLength(1);
  });

  // https://developers.google.com/apps-script/reference/script/clock-trigger-builder#everyMinutes(Integer)
  it('everyMinutes(5) repeats; a long gap runs it once, not once per missed period', () => {
    const { env, store, ScriptApp, invoked } = setup();
    ScriptApp.newTrigger('tick').timeBased().everyMinutes(5).create();
    env.clock.advance(5 * MIN);
    store.fireDue(env);
    env.clock.advance(5 * MIN);
    store.fireDue(env);
    expect(invoked).toHaveLength(2);
    env.clock.advance(60 * MIN);
    store.fireDue(env);
    expect(invoked).toHaveLength(3);
    expect(store.all()[0].timing?.nextAt).toBeGreaterThan(env.clock.nowMs());
  });

  // https://developers.google.com/apps-script/reference/script/clock-trigger-builder#atHour(Integer) (script time zone)
  it('everyDays(1).atHour(6) runs at 06:00 in the script time zone each day', () => {
    const { env, store, ScriptApp, invoked } = setup(new Date('2026-03-02T09:00:00Z'));
    ScriptApp.newTrigger('daily').timeBased().atHour(6).everyDays(1).create();
    // 06:00 in Ljubljana (CET, UTC+1) on 3 March is 05:00Z
    expect(store.all()[0].timing?.nextAt).toBe(Date.parse('2026-03-03T05:00:00Z'));
    env.clock.set(new Date('2026-03-03T05:00:00Z'));
    store.fireDue(env);
    expect(invoked).toHaveLength(1);
    expect(store.all()[0].timing?.nextAt).toBe(Date.parse('2026-03-04T05:00:00Z'));
  });

  // https://developers.google.com/apps-script/guides/triggers/events#time-driven_events (UTC fields)
  it('the time-driven event carries authMode, triggerUid and UTC date fields', () => {
    const { env, store, ScriptApp, invoked } = setup(new Date('2026-03-02T09:00:00Z'));
    const t = ScriptApp.newTrigger('tick').timeBased().everyMinutes(1).create();
    env.clock.advance(MIN);
    store.fireDue(env);
    expect(invoked[0].e).toEqual({
      authMode: 'FULL',
      'day-of-month': 2,
      'day-of-week': 1,
      hour: 9,
      minute: 1,
      month: 3,
      second: 0,
      timezone: 'UTC',
      triggerUid: t.getUniqueId(),
      'week-of-year': 10,
      year: 2026,
    });
  });

  it('a handler that throws does not stop the other due triggers; the error is rethrown', () => {
    const { env, store, ScriptApp } = setup();
    ScriptApp.newTrigger('bad').timeBased().everyMinutes(1).create();
    ScriptApp.newTrigger('good').timeBased().everyMinutes(1).create();
    const ran: string[] = [];
    env.invoke = (fn) => {
      ran.push(fn);
      if (fn === 'bad') throw new Error('bad handler');
    };
    env.clock.advance(MIN);
    expect(() => store.fireDue(env)).toThrow('bad handler');
    expect(ran).toEqual(['bad', 'good']);
  });
});

describe('call counting and fault injection', () => {
  it('counts Script calls by class and method', () => {
    const { env, ScriptApp } = setup();
    ScriptApp.newTrigger('f').forSpreadsheet('ss-1').onFormSubmit().create();
    ScriptApp.getProjectTriggers();
    expect(env.calls.snapshot('Script.')).toEqual({
      'Script.ScriptApp.getProjectTriggers': 1,
      'Script.ScriptApp.newTrigger': 1,
      'Script.SpreadsheetTriggerBuilder.create': 1,
      'Script.SpreadsheetTriggerBuilder.onFormSubmit': 1,
      'Script.TriggerBuilder.forSpreadsheet': 1,
    });
  });

  it('an injected fault on create leaves no trigger behind', () => {
    const { env, ScriptApp } = setup();
    env.calls.failOn('Script.SpreadsheetTriggerBuilder.create', 1);
    expect(() => ScriptApp.newTrigger('f').forSpreadsheet('ss-1').onFormSubmit().create()).toThrow(InjectedFault);
    expect(ScriptApp.getProjectTriggers()).toHaveLength(0);
    ScriptApp.newTrigger('f').forSpreadsheet('ss-1').onFormSubmit().create();
    expect(ScriptApp.getProjectTriggers()).toHaveLength(1);
  });
});
