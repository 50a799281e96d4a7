/**
 * ScriptApp for the emulator: installable triggers (spreadsheet, form and clock) kept in a
 * TriggerStore the other fakes and the emulator read to fire them. Every public Apps Script method
 * records "Script.<Class>.<method>" in env.calls; TriggerStore itself is emulator-only and uncounted.
 * Never bundled into build/Code.js.
 */
import type { Env } from './env';
import { invokeAll, isDate } from './env';

export type TriggerEventType = 'ON_FORM_SUBMIT' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'CLOCK';
export type TriggerSourceName = 'SPREADSHEETS' | 'FORMS' | 'CLOCK';

/** Wall-clock schedule of a day/week/month clock trigger (atHour, onWeekDay, onMonthDay). */
export interface CalendarSchedule {
  everyDays?: number;
  everyWeeks?: number;
  /** 1 (Monday) .. 7 (Sunday), as ScriptApp.WeekDay. */
  weekDay?: number;
  monthDay?: number;
  hour: number;
  minute: number;
  timeZone: string;
}

export interface ClockTiming {
  /** One-off trigger (after/at): when it runs, in ms. */
  at?: number;
  /** Repeating trigger without a wall-clock schedule (everyMinutes/everyHours/everyDays): the period. */
  everyMs?: number;
  calendar?: CalendarSchedule;
  /** When the trigger runs next, in ms. */
  nextAt: number;
}

/** One installable trigger of the project. */
export interface TriggerRecord {
  uid: string;
  /** The user who created it; it runs as them, and only they see it (getProjectTriggers, getUserTriggers). */
  owner: string;
  /**
   * The document it was created for: the spreadsheet or form of a spreadsheet/form trigger, the
   * active document when a clock trigger was created (null when there was none).
   */
  documentId: string | null;
  handlerFunction: string;
  eventType: TriggerEventType;
  source: TriggerSourceName;
  /** Spreadsheet or form id; '' for clock triggers (Trigger.getTriggerSourceId returns null for them). */
  sourceId: string;
  timing?: ClockTiming;
  /** A one-off clock trigger that has run: still listed, never runs again. */
  disabled?: boolean;
  /** How many times it fired (emulator bookkeeping). */
  fired: number;
}

/** The installable-trigger limit: https://developers.google.com/apps-script/guides/services/quotas (20 / user / script). */
export const MAX_TRIGGERS_PER_USER_PER_SCRIPT = 20;
export const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
/**
 * Editor add-on triggers page (developers.google.com/workspace/add-ons/concepts/editor-triggers):
 * "Each add-on can only have one trigger of each type, per user, per document." The page gives no
 * wording; this is the message a public report shows for time-based triggers (ljay79/jira-tools
 * issue 53), with the type named for the other kinds.
 */
export function tooManyAddonTriggers(eventType: TriggerEventType): string {
  const kind = eventType === 'CLOCK' ? 'time-based' : eventType.toLowerCase().replace(/^on_/, '').replace(/_/g, '-');
  return `This add-on has created too many ${kind} triggers in this document for this Google user account.`;
}
/**
 * Same page: "Time-driven triggers cannot run more frequently than once per hour." Wording from a
 * public report (ttsukagoshi/mail-merge-for-gmail issue 165); the page is silent on one-off
 * triggers, and the emulator holds them to the same hour (the stricter reading).
 */
export const ADDON_TRIGGER_TOO_FREQUENT = 'The recurrence interval for an Add-on trigger must be at least one hour.';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// ---------------------------------------------------------------------------------------------
// Time-zone helpers (also used by forms.ts for the 'M/d/yyyy H:mm:ss' display string).

export { wallTimeToMs, type ZonedParts, zonedParts } from './zone';

import { wallTimeToMs, zonedParts } from './zone';

/** 'M/d/yyyy H:mm:ss', the way Sheets shows a form timestamp (and e.values[0] carries it). */
export function formatTimestamp(ms: number, timeZone: string): string {
  const p = zonedParts(ms, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.month}/${p.day}/${p.year} ${p.hour}:${two(p.minute)}:${two(p.second)}`;
}

/** ISO 8601 week number of a UTC date. */
function isoWeek(d: Date): number {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const dow = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - dow);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return Math.ceil(((t.getTime() - yearStart) / DAY + 1) / 7);
}

/** The first wall-clock occurrence of `cal` strictly after `afterMs`. */
function nextCalendarOccurrence(cal: CalendarSchedule, afterMs: number): number {
  const start = zonedParts(afterMs, cal.timeZone);
  const base = Date.UTC(start.year, start.month - 1, start.day);
  for (let i = 0; i < 400; i++) {
    const local = new Date(base + i * DAY);
    const dow = local.getUTCDay() || 7;
    if (cal.weekDay !== undefined && dow !== cal.weekDay) continue;
    if (cal.monthDay !== undefined && local.getUTCDate() !== cal.monthDay) continue;
    const at = wallTimeToMs(
      local.getUTCFullYear(),
      local.getUTCMonth() + 1,
      local.getUTCDate(),
      cal.hour,
      cal.minute,
      cal.timeZone,
    );
    if (at > afterMs) return at;
  }
  throw new Error('Emulator: no occurrence of the clock trigger schedule within a year');
}

/** After a calendar trigger ran at `ranAt`, when it runs next (everyDays(n)/everyWeeks(n) skip n-1 periods). */
function followingCalendarOccurrence(cal: CalendarSchedule, ranAt: number): number {
  if (cal.monthDay !== undefined) return nextCalendarOccurrence(cal, ranAt);
  const periodDays = cal.everyWeeks !== undefined ? cal.everyWeeks * 7 : (cal.everyDays ?? 1);
  // Start the search just before the wall-clock time `periodDays` later (DST-safe: a day is 23-25 h).
  return nextCalendarOccurrence(cal, ranAt + (periodDays - 1) * DAY + 12 * HOUR);
}

// ---------------------------------------------------------------------------------------------

/**
 * The project's installable triggers (emulator-only, uncounted). ScriptApp adds and deletes them;
 * FormResponder fires form-submit ones; fireDue() runs clock triggers when env.clock passes them.
 */
export class TriggerStore {
  private readonly records: TriggerRecord[] = [];
  private counter = 0;
  /** 'addon' applies the editor add-on limits (Emulator sets it from its deployment). */
  deployment: 'bound' | 'addon' = 'bound';

  /**
   * Adds a trigger; throws the real message past 20 triggers per user per script and, for an
   * add-on, past one trigger of a type per user per document or for a clock more often than hourly.
   */
  add(init: Omit<TriggerRecord, 'uid' | 'fired'>, nowMs = 0): TriggerRecord {
    const owned = this.records.filter((r) => r.owner === init.owner);
    if (owned.length >= MAX_TRIGGERS_PER_USER_PER_SCRIPT) throw new Error(TOO_MANY_TRIGGERS);
    if (this.deployment === 'addon') {
      if (owned.some((r) => r.eventType === init.eventType && r.documentId === init.documentId)) {
        throw new Error(tooManyAddonTriggers(init.eventType));
      }
      const t = init.timing;
      if (t && ((t.everyMs !== undefined && t.everyMs < HOUR) || (t.at !== undefined && t.at - nowMs < HOUR))) {
        throw new Error(ADDON_TRIGGER_TOO_FREQUENT);
      }
    }
    // Real trigger uids are long decimal strings such as "4034124084959907503".
    const uid = `40341240849599${String(++this.counter).padStart(5, '0')}`;
    const rec: TriggerRecord = { ...init, uid, fired: 0 };
    this.records.push(rec);
    return rec;
  }

  /** Removes a trigger; false if it was not there. */
  remove(uid: string): boolean {
    const i = this.records.findIndex((r) => r.uid === uid);
    if (i < 0) return false;
    this.records.splice(i, 1);
    return true;
  }

  get(uid: string): TriggerRecord | undefined {
    return this.records.find((r) => r.uid === uid);
  }

  all(): TriggerRecord[] {
    return [...this.records];
  }

  /** The triggers `owner` created (ScriptApp.getProjectTriggers). */
  ownedBy(owner: string): TriggerRecord[] {
    return this.records.filter((r) => r.owner === owner);
  }

  /** Triggers of `eventType` whose source is the document `sourceId`. */
  forSource(sourceId: string, eventType: TriggerEventType): TriggerRecord[] {
    return this.records.filter((r) => r.sourceId === sourceId && r.eventType === eventType);
  }

  clear(): void {
    this.records.length = 0;
  }

  /** Clock triggers that should have run by `nowMs` and have not, earliest first. */
  due(nowMs: number): TriggerRecord[] {
    return this.records
      .filter((r) => r.eventType === 'CLOCK' && !r.disabled && r.timing && r.timing.nextAt <= nowMs)
      .sort((a, b) => (a.timing?.nextAt ?? 0) - (b.timing?.nextAt ?? 0));
  }

  /**
   * Runs every due clock trigger once through env.invoke with a time-driven event, then
   * reschedules repeating ones past now (missed periods are not caught up) and disables one-off
   * ones (they stay in getProjectTriggers, as on the real service, until deleted). All due
   * triggers run even if one throws; the first error is rethrown afterwards. Returns how many ran.
   */
  fireDue(env: Env): number {
    const now = env.clock.nowMs();
    const due = this.due(now);
    const calls: { handler: string; event: unknown }[] = [];
    for (const rec of due) {
      const timing = rec.timing as ClockTiming;
      if (timing.at !== undefined) rec.disabled = true;
      else {
        let next = timing.nextAt;
        while (next <= now) {
          next = timing.calendar ? followingCalendarOccurrence(timing.calendar, next) : next + (timing.everyMs ?? DAY);
        }
        timing.nextAt = next;
      }
      rec.fired++;
      calls.push({ handler: rec.handlerFunction, event: timeDrivenEvent(now, rec.uid) });
    }
    invokeAll(env, calls);
    return due.length;
  }
}

/** The time-driven event object: fields in UTC, "timezone": "UTC" (guides/triggers/events). */
export function timeDrivenEvent(nowMs: number, triggerUid: string): GoogleAppsScript.Events.TimeDriven {
  const d = new Date(nowMs);
  const event = {
    authMode: 'FULL',
    'day-of-month': d.getUTCDate(),
    'day-of-week': d.getUTCDay() || 7,
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    month: d.getUTCMonth() + 1,
    second: d.getUTCSeconds(),
    timezone: 'UTC',
    triggerUid,
    'week-of-year': isoWeek(d),
    year: d.getUTCFullYear(),
  };
  return event as unknown as GoogleAppsScript.Events.TimeDriven;
}

function enumOf<T>(names: string[]): T {
  const out: Record<string, string> = {};
  for (const n of names) out[n] = n;
  return Object.freeze(out) as unknown as T;
}

/** A spreadsheet, form or document given as an object (duck-typed by getId()) or as its id. */
function idOf(docOrId: unknown, what: string): string {
  if (typeof docOrId === 'string') return docOrId;
  if (docOrId && typeof (docOrId as { getId?: unknown }).getId === 'function') {
    return String((docOrId as { getId: () => unknown }).getId());
  }
  throw new Error(`Invalid argument: ${what}`);
}

// https://developers.google.com/apps-script/reference/script/trigger
export class FakeTrigger
  implements
    Pick<
      GoogleAppsScript.Script.Trigger,
      'getUniqueId' | 'getHandlerFunction' | 'getEventType' | 'getTriggerSource' | 'getTriggerSourceId'
    >
{
  private readonly snapshot: TriggerRecord;

  constructor(
    private readonly env: Env,
    record: TriggerRecord,
  ) {
    this.snapshot = { ...record };
  }

  getUniqueId(): string {
    this.env.calls.record('Script.Trigger.getUniqueId');
    return this.snapshot.uid;
  }

  getHandlerFunction(): string {
    this.env.calls.record('Script.Trigger.getHandlerFunction');
    return this.snapshot.handlerFunction;
  }

  getEventType(): GoogleAppsScript.Script.EventType {
    this.env.calls.record('Script.Trigger.getEventType');
    return this.snapshot.eventType as unknown as GoogleAppsScript.Script.EventType;
  }

  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    this.env.calls.record('Script.Trigger.getTriggerSource');
    return this.snapshot.source as unknown as GoogleAppsScript.Script.TriggerSource;
  }

  /** The spreadsheet or form id; null for a clock trigger, as documented. */
  getTriggerSourceId(): string {
    this.env.calls.record('Script.Trigger.getTriggerSourceId');
    return (this.snapshot.source === 'CLOCK' ? null : this.snapshot.sourceId) as string;
  }

  /** Emulator-only: the uid without counting a call. */
  get uid(): string {
    return this.snapshot.uid;
  }
}

// https://developers.google.com/apps-script/reference/script/spreadsheet-trigger-builder
export class FakeSpreadsheetTriggerBuilder
  implements
    Pick<
      GoogleAppsScript.Script.SpreadsheetTriggerBuilder,
      'onFormSubmit' | 'onOpen' | 'onEdit' | 'onChange' | 'create'
    >
{
  private eventType: TriggerEventType | null = null;

  constructor(
    private readonly env: Env,
    private readonly store: TriggerStore,
    private readonly handler: string,
    private readonly spreadsheetId: string,
  ) {}

  private on(method: string, type: TriggerEventType): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    this.env.calls.record(`Script.SpreadsheetTriggerBuilder.${method}`);
    this.eventType = type;
    return this as unknown as GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
  }

  onFormSubmit(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this.on('onFormSubmit', 'ON_FORM_SUBMIT');
  }

  onOpen(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this.on('onOpen', 'ON_OPEN');
  }

  onEdit(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this.on('onEdit', 'ON_EDIT');
  }

  onChange(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this.on('onChange', 'ON_CHANGE');
  }

  create(): GoogleAppsScript.Script.Trigger {
    this.env.calls.record('Script.SpreadsheetTriggerBuilder.create');
    if (!this.eventType) throw new Error('Trigger event type is required (onOpen, onEdit, onChange or onFormSubmit).');
    const rec = this.store.add(
      {
        handlerFunction: this.handler,
        eventType: this.eventType,
        source: 'SPREADSHEETS',
        sourceId: this.spreadsheetId,
        owner: this.env.user.email,
        documentId: this.spreadsheetId,
      },
      this.env.clock.nowMs(),
    );
    return new FakeTrigger(this.env, rec) as unknown as GoogleAppsScript.Script.Trigger;
  }
}

// https://developers.google.com/apps-script/reference/script/form-trigger-builder
export class FakeFormTriggerBuilder
  implements Pick<GoogleAppsScript.Script.FormTriggerBuilder, 'onFormSubmit' | 'onOpen' | 'create'>
{
  private eventType: TriggerEventType | null = null;

  constructor(
    private readonly env: Env,
    private readonly store: TriggerStore,
    private readonly handler: string,
    private readonly formId: string,
  ) {}

  onFormSubmit(): GoogleAppsScript.Script.FormTriggerBuilder {
    this.env.calls.record('Script.FormTriggerBuilder.onFormSubmit');
    this.eventType = 'ON_FORM_SUBMIT';
    return this as unknown as GoogleAppsScript.Script.FormTriggerBuilder;
  }

  onOpen(): GoogleAppsScript.Script.FormTriggerBuilder {
    this.env.calls.record('Script.FormTriggerBuilder.onOpen');
    this.eventType = 'ON_OPEN';
    return this as unknown as GoogleAppsScript.Script.FormTriggerBuilder;
  }

  create(): GoogleAppsScript.Script.Trigger {
    this.env.calls.record('Script.FormTriggerBuilder.create');
    if (!this.eventType) throw new Error('Trigger event type is required (onOpen or onFormSubmit).');
    const rec = this.store.add(
      {
        handlerFunction: this.handler,
        eventType: this.eventType,
        source: 'FORMS',
        sourceId: this.formId,
        owner: this.env.user.email,
        documentId: this.formId,
      },
      this.env.clock.nowMs(),
    );
    return new FakeTrigger(this.env, rec) as unknown as GoogleAppsScript.Script.Trigger;
  }
}

const VALID_MINUTES = [1, 5, 10, 15, 30];
const VALID_HOURS = [1, 2, 4, 6, 8, 12];

// https://developers.google.com/apps-script/reference/script/clock-trigger-builder
export class FakeClockTriggerBuilder
  implements
    Pick<
      GoogleAppsScript.Script.ClockTriggerBuilder,
      | 'after'
      | 'at'
      | 'atDate'
      | 'atHour'
      | 'nearMinute'
      | 'everyMinutes'
      | 'everyHours'
      | 'everyDays'
      | 'everyWeeks'
      | 'onWeekDay'
      | 'onMonthDay'
      | 'inTimezone'
      | 'create'
    >
{
  private atMs: number | null = null;
  private everyMs: number | null = null;
  private days: number | null = null;
  private weeks: number | null = null;
  private hour: number | null = null;
  private minute: number | null = null;
  private weekDay: number | null = null;
  private monthDay: number | null = null;
  private timeZone: string;

  constructor(
    private readonly env: Env,
    private readonly store: TriggerStore,
    private readonly handler: string,
  ) {
    this.timeZone = env.timeZone;
  }

  private self(method: string): GoogleAppsScript.Script.ClockTriggerBuilder {
    this.env.calls.record(`Script.ClockTriggerBuilder.${method}`);
    return this as unknown as GoogleAppsScript.Script.ClockTriggerBuilder;
  }

  private intArg(n: unknown, name: string): number {
    if (typeof n !== 'number' || !Number.isInteger(n)) throw new Error(`Invalid argument: ${name}`);
    return n;
  }

  /** One-off: runs once, at least `durationMilliseconds` from now. */
  after(durationMilliseconds: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    const b = this.self('after');
    this.atMs = this.env.clock.nowMs() + this.intArg(durationMilliseconds, 'durationMilliseconds');
    return b;
  }

  /** One-off: runs once at `date`. */
  at(date: GoogleAppsScript.Base.Date): GoogleAppsScript.Script.ClockTriggerBuilder {
    const b = this.self('at');
    if (!isDate(date)) throw new Error('Invalid argument: date');
    this.atMs = (date as Date).getTime();
    return b;
  }

  /** One-off: runs on the given date near midnight (the emulator uses 00:00 in the trigger's time zone). */
  atDate(year: number, month: number, day: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    const b = this.self('atDate');
    this.atMs = wallTimeToMs(year, month, day, 0, 0, this.timeZone);
    return b;
  }

  atHour(hour: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    const b = this.self('atHour');
    const h = this.intArg(hour, 'hour');
    if (h < 0 || h > 23) throw new Error('Invalid argument: hour');
    this.hour = h;
    return b;
  }

  /** The minute the trigger runs at (real: +/- 15 minutes; the emulator uses it exactly). */
  nearMinute(minute: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    const b = this.self('nearMinute');
    const m = this.intArg(minute, 'minute');
    if (m < 0 || m > 59) throw new Error('Invalid argument: minute');
    this.minute = m;
    return b;
  }

  /** Only 1, 5, 10, 15 or 30 are accepted. */
  everyMinutes(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    const b = this.self('everyMinutes');
    if (!VALID_MINUTES.includes(n)) throw new Error('Invalid argument: minutes. Must be 1, 5, 10, 15 or 30.');
    this.everyMs = n * MINUTE;
    return b;
  }

  /** Only 1, 2, 4, 6, 8 or 12 are accepted. */
  everyHours(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    const b = this.self('everyHours');
    if (!VALID_HOURS.includes(n)) throw new Error('Invalid argument: hours. Must be 1, 2, 4, 6, 8 or 12.');
    this.everyMs = n * HOUR;
    return b;
  }

  everyDays(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    const b = this.self('everyDays');
    const d = this.intArg(n, 'days');
    if (d < 1) throw new Error('Invalid argument: days');
    this.days = d;
    return b;
  }

  everyWeeks(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    const b = this.self('everyWeeks');
    const w = this.intArg(n, 'weeks');
    if (w < 1) throw new Error('Invalid argument: weeks');
    this.weeks = w;
    return b;
  }

  /** `day` is a ScriptApp.WeekDay value ('MONDAY'...) or 1 (Monday) .. 7 (Sunday). */
  onWeekDay(day: GoogleAppsScript.Base.Weekday): GoogleAppsScript.Script.ClockTriggerBuilder {
    const b = this.self('onWeekDay');
    const names = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
    const v: unknown = day;
    const i = typeof v === 'number' ? v : names.indexOf(String(v)) + 1;
    if (!(i >= 1 && i <= 7)) throw new Error('Invalid argument: day');
    this.weekDay = i;
    return b;
  }

  onMonthDay(day: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    const b = this.self('onMonthDay');
    const d = this.intArg(day, 'day');
    if (d < 1 || d > 31) throw new Error('Invalid argument: day');
    this.monthDay = d;
    return b;
  }

  inTimezone(timezone: string): GoogleAppsScript.Script.ClockTriggerBuilder {
    const b = this.self('inTimezone');
    try {
      zonedParts(0, timezone);
    } catch {
      throw new Error(`Invalid argument: timezone`);
    }
    this.timeZone = timezone;
    return b;
  }

  create(): GoogleAppsScript.Script.Trigger {
    this.env.calls.record('Script.ClockTriggerBuilder.create');
    const now = this.env.clock.nowMs();
    let timing: ClockTiming;
    const calendarWanted =
      this.hour !== null || this.minute !== null || this.weekDay !== null || this.monthDay !== null;
    if (this.atMs !== null) {
      timing = { at: this.atMs, nextAt: this.atMs };
    } else if (this.everyMs !== null && this.days === null && this.weeks === null && this.monthDay === null) {
      timing = { everyMs: this.everyMs, nextAt: now + this.everyMs };
    } else if (this.days !== null || this.weeks !== null || this.monthDay !== null) {
      if (this.weekDay !== null && this.weeks === null) {
        throw new Error('onWeekDay() requires everyWeeks().');
      }
      if (!calendarWanted && this.days !== null) {
        timing = { everyMs: this.days * DAY, nextAt: now + this.days * DAY };
      } else {
        const calendar: CalendarSchedule = {
          hour: this.hour ?? zonedParts(now, this.timeZone).hour,
          minute: this.minute ?? 0,
          timeZone: this.timeZone,
        };
        if (this.days !== null) calendar.everyDays = this.days;
        if (this.weeks !== null) calendar.everyWeeks = this.weeks;
        if (this.weekDay !== null) calendar.weekDay = this.weekDay;
        if (this.monthDay !== null) calendar.monthDay = this.monthDay;
        timing = { calendar, nextAt: nextCalendarOccurrence(calendar, now) };
      }
    } else if (calendarWanted) {
      throw new Error('Frequency is required if you are using atHour() or nearMinute().');
    } else {
      throw new Error(
        'Clock triggers need a time: after(), at(), atDate() or a frequency (everyMinutes(), everyHours(), ...).',
      );
    }
    const rec = this.store.add(
      {
        handlerFunction: this.handler,
        eventType: 'CLOCK',
        source: 'CLOCK',
        sourceId: '',
        timing,
        owner: this.env.user.email,
        documentId: this.env.activeSpreadsheetId,
      },
      now,
    );
    return new FakeTrigger(this.env, rec) as unknown as GoogleAppsScript.Script.Trigger;
  }
}

// https://developers.google.com/apps-script/reference/script/trigger-builder
export class FakeTriggerBuilder
  implements Pick<GoogleAppsScript.Script.TriggerBuilder, 'forSpreadsheet' | 'forForm' | 'timeBased'>
{
  constructor(
    private readonly env: Env,
    private readonly store: TriggerStore,
    private readonly handler: string,
  ) {}

  forSpreadsheet(
    sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string,
  ): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    this.env.calls.record('Script.TriggerBuilder.forSpreadsheet');
    const id = idOf(sheet, 'spreadsheet');
    return new FakeSpreadsheetTriggerBuilder(
      this.env,
      this.store,
      this.handler,
      id,
    ) as unknown as GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
  }

  forForm(form: GoogleAppsScript.Forms.Form | string): GoogleAppsScript.Script.FormTriggerBuilder {
    this.env.calls.record('Script.TriggerBuilder.forForm');
    const id = idOf(form, 'form');
    return new FakeFormTriggerBuilder(
      this.env,
      this.store,
      this.handler,
      id,
    ) as unknown as GoogleAppsScript.Script.FormTriggerBuilder;
  }

  timeBased(): GoogleAppsScript.Script.ClockTriggerBuilder {
    this.env.calls.record('Script.TriggerBuilder.timeBased');
    return new FakeClockTriggerBuilder(
      this.env,
      this.store,
      this.handler,
    ) as unknown as GoogleAppsScript.Script.ClockTriggerBuilder;
  }
}

// https://developers.google.com/apps-script/reference/script/script-app
export class FakeScriptApp
  implements
    Pick<
      GoogleAppsScript.Script.ScriptApp,
      | 'AuthMode'
      | 'EventType'
      | 'TriggerSource'
      | 'WeekDay'
      | 'newTrigger'
      | 'getProjectTriggers'
      | 'getUserTriggers'
      | 'deleteTrigger'
      | 'getScriptId'
    >
{
  readonly AuthMode = enumOf<typeof GoogleAppsScript.Script.AuthMode>(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
  readonly EventType = enumOf<typeof GoogleAppsScript.Script.EventType>([
    'CLOCK',
    'ON_OPEN',
    'ON_EDIT',
    'ON_FORM_SUBMIT',
    'ON_CHANGE',
    'ON_EVENT_UPDATED',
  ]);
  readonly TriggerSource = enumOf<typeof GoogleAppsScript.Script.TriggerSource>([
    'SPREADSHEETS',
    'CLOCK',
    'FORMS',
    'DOCUMENTS',
    'CALENDAR',
  ]);
  readonly WeekDay = enumOf<typeof GoogleAppsScript.Base.Weekday>([
    'SUNDAY',
    'MONDAY',
    'TUESDAY',
    'WEDNESDAY',
    'THURSDAY',
    'FRIDAY',
    'SATURDAY',
  ]);
  private readonly scriptId: string;

  constructor(
    private readonly env: Env,
    readonly store: TriggerStore,
    scriptId?: string,
  ) {
    this.scriptId = scriptId ?? '1EmulatedScriptProjectId0000000000000000000000000000000';
  }

  newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    this.env.calls.record('Script.ScriptApp.newTrigger');
    if (typeof functionName !== 'string' || functionName === '') throw new Error('Invalid argument: functionName');
    return new FakeTriggerBuilder(
      this.env,
      this.store,
      functionName,
    ) as unknown as GoogleAppsScript.Script.TriggerBuilder;
  }

  /**
   * "Gets all installable triggers associated with the current project and current user": every
   * document's, one-off clock triggers that already ran included; never another user's.
   */
  getProjectTriggers(): GoogleAppsScript.Script.Trigger[] {
    this.env.calls.record('Script.ScriptApp.getProjectTriggers');
    return this.store
      .ownedBy(this.env.user.email)
      .map((r) => new FakeTrigger(this.env, r) as unknown as GoogleAppsScript.Script.Trigger);
  }

  /**
   * "Gets all installable triggers owned by this user in the given document, for this script or
   * add-on only" (duck-typed by getId()): its spreadsheet or form triggers and the clock triggers
   * created while it was the active document.
   */
  getUserTriggers(doc: GoogleAppsScript.Spreadsheet.Spreadsheet): GoogleAppsScript.Script.Trigger[];
  getUserTriggers(doc: GoogleAppsScript.Forms.Form): GoogleAppsScript.Script.Trigger[];
  getUserTriggers(doc: GoogleAppsScript.Document.Document): GoogleAppsScript.Script.Trigger[];
  getUserTriggers(doc: unknown): GoogleAppsScript.Script.Trigger[] {
    this.env.calls.record('Script.ScriptApp.getUserTriggers');
    const id = idOf(doc, 'document');
    return this.store
      .ownedBy(this.env.user.email)
      .filter((r) => r.sourceId === id || r.documentId === id)
      .map((r) => new FakeTrigger(this.env, r) as unknown as GoogleAppsScript.Script.Trigger);
  }

  /** Removes the trigger; a trigger that is already gone (or another user's) is ignored. */
  deleteTrigger(trigger: GoogleAppsScript.Script.Trigger): void {
    this.env.calls.record('Script.ScriptApp.deleteTrigger');
    const t: unknown = trigger;
    let uid: string;
    if (t instanceof FakeTrigger) uid = t.uid;
    else if (t && typeof (t as { getUniqueId?: unknown }).getUniqueId === 'function') {
      uid = String((t as { getUniqueId: () => unknown }).getUniqueId());
    } else throw new Error('Invalid argument: trigger');
    if (this.store.get(uid)?.owner === this.env.user.email) this.store.remove(uid);
  }

  getScriptId(): string {
    this.env.calls.record('Script.ScriptApp.getScriptId');
    return this.scriptId;
  }
}
