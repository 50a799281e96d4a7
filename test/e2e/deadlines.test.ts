/**
 * Reply deadlines through the built bundle (issue 12, item 3): `runScheduledWork` queues one
 * `reminder` per offer revision from `reminderDays` before `Reply By`, lapses an offer once its
 * `Reply By` day has ended (spreadsheet time zone) with one `lapsed` notice, offers the freed place
 * with `autoReallocate`, and keeps its trigger while offers are open, bound and as an add-on.
 *
 * Until sending writes `Told` and `Reply By` (the notices work), each test writes them by hand on
 * the Accepted rows just before staff press Send notices, as sending will in the same block; the
 * `accepted` notices themselves are really sent. The `reminder` and `lapsed` templates come with
 * the notices work too, so these notices are asserted by key (Queued here, Sent once they exist).
 */
import { type Emulator, ExecutionKilled, type UserInDocument } from '../../emulator/src';
import { addonWorkspaces, records, recordsIn, setSetting, setSettingIn, setUpWorkspace, validAnswer } from './harness';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const COLOGNE = 'Cologne, 25–27 April 2017';
const STOCKHOLM = 'Stockholm, October 2017 (sample dates)';

/** Midnight of a day in Ljubljana (the spreadsheet's zone; UTC+1 in February), as Sheets holds a date cell. */
function day(iso: string): Date {
  return new Date(`${iso}T00:00:00+01:00`);
}

/** Anything that runs the bundle in one spreadsheet: the bound emulator, or a user of the add-on in theirs. */
type Desk = {
  run: Emulator['run'];
  submit: Emulator['submit'];
  sheet(name: string): Record<string, unknown>[];
  edit(body: (e: Emulator) => void): void;
};

function boundDesk(emulator: Emulator): Desk {
  return {
    run: (...a) => emulator.run(...a),
    submit: (...a) => emulator.submit(...a),
    sheet: (name) => records(emulator, name),
    edit: (body) => body(emulator),
  };
}

function addonDesk(seat: UserInDocument): Desk {
  return {
    run: (...a) => seat.run(...a),
    submit: (...a) => seat.submit(...a),
    sheet: (name) => recordsIn(seat, name),
    edit: (body) => seat.emulator.within(seat.user, seat.spreadsheetId, () => body(seat.emulator)),
  };
}

/** Staff typing into the Allocations cell of (application, excursion). */
function mark(desk: Desk, applicationId: string, excursionId: string, header: string, value: unknown) {
  desk.edit((e) => {
    const sheet = e.workbook().sheetByName('Allocations')!;
    const rows = sheet.dataValues();
    const h = rows[0];
    const r = rows.findIndex(
      (row) => row[h.indexOf('Application ID')] === applicationId && row[h.indexOf('Excursion ID')] === excursionId,
    );
    if (r < 0) throw new Error(`no Allocations row ${applicationId} ${excursionId}`);
    sheet.setValue(r, h.indexOf(header), value as string);
  });
}

/** Appends a Notices row by hand (a notice sent by a run these tests stand in for). */
function addNotice(desk: Desk, values: Record<string, unknown>) {
  desk.edit((e) => {
    const sheet = e.workbook().sheetByName('Notices')!;
    const header = sheet.dataValues()[0].map(String);
    sheet.appendRow(header.map((h) => (values[h] ?? '') as string));
  });
}

/**
 * Cologne has one place: APP-0001 (Ajdovščina) is offered it; APP-0002 (Bled) is first on its
 * waitlist and offered Stockholm; APP-0003 (Ljubljana) waits second. Staff send the notices on
 * 6 February 2017 with Reply By 13 February (replyDays 7): the reminder is due from 11 February
 * (reminderDays 2), the lapse from 14 February 00:00 in Ljubljana.
 */
function offersSent(desk: Desk, settings: (key: string, value: string | boolean) => void) {
  desk.edit((e) => {
    const excursions = e.workbook().sheetByName('Excursions')!;
    const h = excursions.dataValues()[0];
    excursions.setValue(1, h.indexOf('Places'), 1);
    excursions.setValue(1, h.indexOf('Max Per Municipality'), 1);
  });
  settings('quotaReserve', '0');
  desk.submit(
    validAnswer({
      Municipality: 'Ajdovščina',
      'Email address': 'a@ajdovscina.si',
      'Excursion preferences': { [COLOGNE]: '1st choice' },
    }),
  );
  desk.submit(
    validAnswer({
      Municipality: 'Bled',
      'Email address': 'b@bled.si',
      'Excursion preferences': { [COLOGNE]: '1st choice', [STOCKHOLM]: '2nd choice' },
    }),
  );
  desk.submit(
    validAnswer({
      Municipality: 'Ljubljana',
      'English proficiency': 'Good working knowledge',
      'Email address': 'c@ljubljana.si',
      'Excursion preferences': { [COLOGNE]: '1st choice' },
    }),
  );
  desk.run('scoreApplicants');
  desk.run('allocatePlaces');
  for (const row of desk.sheet('Allocations').filter((r) => r.Decision === 'Accepted')) {
    mark(desk, String(row['Application ID']), String(row['Excursion ID']), 'Told', `Accepted ${row['Places Granted']}`);
    mark(desk, String(row['Application ID']), String(row['Excursion ID']), 'Reply By', day('2017-02-13'));
  }
  desk.run('sendNotices');
}

function boundOffers(): Emulator {
  const emulator = setUpWorkspace({ language: 'en' });
  offersSent(boundDesk(emulator), (k, v) => setSetting(emulator, k, v));
  return emulator;
}

/** Moves the clock to `iso` (UTC) and fires the triggers that came due on the way. */
function advanceTo(emulator: Emulator, iso: string): void {
  const ms = new Date(iso).getTime() - emulator.env.clock.nowMs();
  if (ms < 0) throw new Error(`the clock is past ${iso}`);
  emulator.advance(ms);
}

/** Moves the clock to `iso` without firing anything (a test then runs the scheduled work itself). */
function clockTo(emulator: Emulator, iso: string): void {
  emulator.env.clock.advance(new Date(iso).getTime() - emulator.env.clock.nowMs());
}

const scheduledRun = (emulator: Emulator) => emulator.run('runScheduledWork', {}, { trigger: true });
const keysOf = (rows: Record<string, unknown>[], type: string) =>
  rows.filter((n) => n.Type === type).map((n) => String(n['Notice Key']));
const row = (rows: Record<string, unknown>[], app: string, exc: string) =>
  rows.find((r) => r['Application ID'] === app && r['Excursion ID'] === exc) as Record<string, unknown>;
const resumeTriggers = (emulator: Emulator) =>
  emulator.triggers.all().filter((t) => t.handlerFunction === 'runScheduledWork' && !t.disabled);

describe('reply reminders', () => {
  it('queues one reminder per open offer from reminderDays before Reply By, not before and not twice', () => {
    const emulator = boundOffers();
    expect(keysOf(records(emulator, 'Notices'), 'accepted')).toEqual([
      'accepted:APP-0001:CGN-2017-04',
      'accepted:APP-0002:STO-2017-10',
    ]);
    clockTo(emulator, '2017-02-10T22:59:00Z'); // 10 February 23:59 in Ljubljana
    scheduledRun(emulator);
    expect(keysOf(records(emulator, 'Notices'), 'reminder')).toEqual([]);
    clockTo(emulator, '2017-02-10T23:00:00Z'); // 11 February begins
    scheduledRun(emulator);
    expect(keysOf(records(emulator, 'Notices'), 'reminder')).toEqual([
      'reminder:APP-0001:CGN-2017-04',
      'reminder:APP-0002:STO-2017-10',
    ]);
    const reminder = records(emulator, 'Notices').find((n) => n.Type === 'reminder')!;
    expect(reminder).toMatchObject({
      'Application ID': 'APP-0001',
      'Excursion ID': 'CGN-2017-04',
      To: 'a@ajdovscina.si',
    });
    clockTo(emulator, '2017-02-12T10:00:00Z');
    scheduledRun(emulator);
    expect(keysOf(records(emulator, 'Notices'), 'reminder')).toHaveLength(2);
  });

  it('gives a second revision of an offer its own reminder', () => {
    const emulator = boundOffers();
    const desk = boundDesk(emulator);
    clockTo(emulator, '2017-02-11T08:00:00Z');
    scheduledRun(emulator);
    expect(keysOf(records(emulator, 'Notices'), 'reminder')).toContain('reminder:APP-0001:CGN-2017-04');
    // The offer is made again (a new revision, as after a staff lock moved it away and back).
    addNotice(desk, {
      'Notice Key': 'accepted:APP-0001:CGN-2017-04#2',
      'Application ID': 'APP-0001',
      'Excursion ID': 'CGN-2017-04',
      Type: 'accepted',
      To: 'a@ajdovscina.si',
      Status: 'Sent',
      'Sent At': new Date('2017-02-12T08:00:00Z'),
    });
    mark(desk, 'APP-0001', 'CGN-2017-04', 'Reply By', day('2017-02-19'));
    clockTo(emulator, '2017-02-16T08:00:00Z');
    scheduledRun(emulator);
    expect(keysOf(records(emulator, 'Notices'), 'reminder')).not.toContain('reminder:APP-0001:CGN-2017-04#2');
    clockTo(emulator, '2017-02-17T08:00:00Z');
    scheduledRun(emulator);
    expect(keysOf(records(emulator, 'Notices'), 'reminder').filter((k) => k.startsWith('reminder:APP-0001'))).toEqual([
      'reminder:APP-0001:CGN-2017-04',
      'reminder:APP-0001:CGN-2017-04#2',
    ]);
  });
});

describe('lapses', () => {
  it('lapses an unanswered offer once its Reply By day has ended, not during it, with one lapsed notice', () => {
    const emulator = boundOffers();
    clockTo(emulator, '2017-02-13T22:59:00Z'); // 13 February 23:59 in Ljubljana: still the Reply By day
    scheduledRun(emulator);
    expect(row(records(emulator, 'Allocations'), 'APP-0001', 'CGN-2017-04').Response).toBe('');
    expect(keysOf(records(emulator, 'Notices'), 'lapsed')).toEqual([]);
    clockTo(emulator, '2017-02-13T23:00:00Z');
    scheduledRun(emulator);
    const lapsed = row(records(emulator, 'Allocations'), 'APP-0001', 'CGN-2017-04');
    expect(lapsed.Response).toBe('Lapsed');
    expect((lapsed['Updated At'] as Date).toISOString()).toBe('2017-02-13T23:00:00.000Z');
    expect(keysOf(records(emulator, 'Notices'), 'lapsed')).toEqual([
      'lapsed:APP-0001:CGN-2017-04',
      'lapsed:APP-0002:STO-2017-10',
    ]);
    clockTo(emulator, '2017-02-15T08:00:00Z');
    scheduledRun(emulator);
    expect(keysOf(records(emulator, 'Notices'), 'lapsed')).toHaveLength(2);
    expect(records(emulator, 'Log').map((r) => r.Details)).toContain(
      'Lapsed (Reply By passed): APP-0001 at CGN-2017-04, APP-0002 at STO-2017-10',
    );
  });

  it('respects a Reply By that staff extended', () => {
    const emulator = boundOffers();
    const desk = boundDesk(emulator);
    mark(desk, 'APP-0001', 'CGN-2017-04', 'Reply By', day('2017-02-20'));
    advanceTo(emulator, '2017-02-15T08:00:00Z');
    const rows = records(emulator, 'Allocations');
    expect(row(rows, 'APP-0001', 'CGN-2017-04').Response).toBe('');
    expect(row(rows, 'APP-0002', 'STO-2017-10').Response).toBe('Lapsed');
    advanceTo(emulator, '2017-02-20T22:00:00Z');
    expect(row(records(emulator, 'Allocations'), 'APP-0001', 'CGN-2017-04').Response).toBe('');
    advanceTo(emulator, '2017-02-20T23:30:00Z');
    expect(row(records(emulator, 'Allocations'), 'APP-0001', 'CGN-2017-04').Response).toBe('Lapsed');
    // Reminded once for its revision: the extension does not remind again.
    expect(keysOf(records(emulator, 'Notices'), 'reminder').filter((k) => k.includes('APP-0001'))).toHaveLength(1);
  });

  it('never reminds or lapses an offer that was confirmed or declined, and then removes its trigger', () => {
    const emulator = boundOffers();
    const desk = boundDesk(emulator);
    expect(resumeTriggers(emulator)).toHaveLength(1);
    mark(desk, 'APP-0001', 'CGN-2017-04', 'Response', 'Confirmed');
    mark(desk, 'APP-0001', 'CGN-2017-04', 'Told', 'Confirmed 1');
    mark(desk, 'APP-0002', 'STO-2017-10', 'Response', 'Declined');
    advanceTo(emulator, '2017-02-25T08:00:00Z');
    const notices = records(emulator, 'Notices');
    expect(keysOf(notices, 'reminder')).toEqual([]);
    expect(keysOf(notices, 'lapsed')).toEqual([]);
    const rows = records(emulator, 'Allocations');
    expect(row(rows, 'APP-0001', 'CGN-2017-04').Response).toBe('Confirmed');
    expect(row(rows, 'APP-0002', 'STO-2017-10').Response).toBe('Declined');
    expect(resumeTriggers(emulator)).toEqual([]);
  });
});

describe('freed places', () => {
  it('without autoReallocate, wait for staff: the first on the waitlist is not offered the lapsed place', () => {
    const emulator = boundOffers();
    advanceTo(emulator, '2017-02-14T08:00:00Z');
    const rows = records(emulator, 'Allocations');
    expect(row(rows, 'APP-0001', 'CGN-2017-04').Response).toBe('Lapsed');
    expect(row(rows, 'APP-0002', 'CGN-2017-04').Decision).toBe('Waitlisted');
    expect(keysOf(records(emulator, 'Notices'), 'accepted')).not.toContain('accepted:APP-0002:CGN-2017-04');
  });

  it('with autoReallocate, offers the lapsed place to the first on the waitlist at once', () => {
    const emulator = boundOffers();
    setSetting(emulator, 'autoReallocate', true);
    advanceTo(emulator, '2017-02-14T08:00:00Z');
    const rows = records(emulator, 'Allocations');
    expect(row(rows, 'APP-0001', 'CGN-2017-04').Response).toBe('Lapsed');
    expect(row(rows, 'APP-0002', 'CGN-2017-04').Decision).toBe('Accepted');
    expect(keysOf(records(emulator, 'Notices'), 'accepted')).toContain('accepted:APP-0002:CGN-2017-04');
  });

  it('with autoReallocate, runs the allocation after a lapse (logged), and not without one', () => {
    const emulator = boundOffers();
    setSetting(emulator, 'autoReallocate', true);
    advanceTo(emulator, '2017-02-12T08:00:00Z');
    const log = () => records(emulator, 'Log').filter((r) => r.Action === 'runScheduledWork');
    expect(log().some((r) => String(r.Details).includes('Freed places offered again'))).toBe(false);
    advanceTo(emulator, '2017-02-14T08:00:00Z');
    expect(log().some((r) => String(r.Details).includes('Freed places offered again'))).toBe(true);
  });
});

describe('the trigger', () => {
  it('bound: sending the offers leaves one one-off trigger at the reminder day, then the lapse; none when nothing is left', () => {
    const emulator = boundOffers();
    const [first] = resumeTriggers(emulator);
    expect(first.timing?.at).toBe(new Date('2017-02-10T23:00:00Z').getTime());
    advanceTo(emulator, '2017-02-11T08:00:00Z');
    expect(keysOf(records(emulator, 'Notices'), 'reminder')).toHaveLength(2);
    // The reminders wait for their template here: sending is retried within the hour, then the lapse.
    expect(resumeTriggers(emulator)).toHaveLength(1);
    advanceTo(emulator, '2017-02-14T08:00:00Z');
    expect(keysOf(records(emulator, 'Notices'), 'lapsed')).toHaveLength(2);
    // No offer is open now: the trigger stays only while notices wait to be sent (here for want of the
    // reminder and lapsed templates until the notices work brings them), and never more than one.
    const waiting = records(emulator, 'Notices').some((n) => n.Status === 'Queued' || n.Status === 'Failed');
    expect(emulator.triggers.all().filter((t) => t.handlerFunction === 'runScheduledWork')).toHaveLength(
      waiting ? 1 : 0,
    );
  });

  it('wakes at the start of the day in the spreadsheet zone, across the change to summer time', () => {
    const emulator = boundOffers();
    const desk = boundDesk(emulator);
    mark(desk, 'APP-0001', 'CGN-2017-04', 'Reply By', day('2017-03-28'));
    mark(desk, 'APP-0002', 'STO-2017-10', 'Response', 'Confirmed');
    scheduledRun(emulator);
    // 26 March 2017 (clocks go forward at 02:00) begins at 23:00 UTC the day before; 29 March at 22:00 UTC.
    expect(resumeTriggers(emulator).map((t) => t.timing?.at)).toEqual([new Date('2017-03-25T23:00:00Z').getTime()]);
    advanceTo(emulator, '2017-03-26T08:00:00Z');
    expect(keysOf(records(emulator, 'Notices'), 'reminder')).toEqual(['reminder:APP-0001:CGN-2017-04']);
    // The reminder waits for its template here, so sending is tried again within the hour; then the lapse.
    advanceTo(emulator, '2017-03-28T21:00:00Z');
    expect(keysOf(records(emulator, 'Notices'), 'reminder')).toHaveLength(1);
    advanceTo(emulator, '2017-03-28T21:59:00Z');
    expect(row(records(emulator, 'Allocations'), 'APP-0001', 'CGN-2017-04').Response).toBe('');
    advanceTo(emulator, '2017-03-28T22:01:00Z');
    expect(row(records(emulator, 'Allocations'), 'APP-0001', 'CGN-2017-04').Response).toBe('Lapsed');
  });

  it('logs an open offer whose Reply By is not a date, and never lapses it', () => {
    const emulator = boundOffers();
    mark(boundDesk(emulator), 'APP-0001', 'CGN-2017-04', 'Reply By', 'next Friday');
    clockTo(emulator, '2017-02-20T08:00:00Z');
    scheduledRun(emulator);
    expect(row(records(emulator, 'Allocations'), 'APP-0001', 'CGN-2017-04').Response).toBe('');
    expect(row(records(emulator, 'Allocations'), 'APP-0002', 'STO-2017-10').Response).toBe('Lapsed');
    expect(records(emulator, 'Log').map((r) => r.Details)).toContain(
      'APP-0001 at CGN-2017-04 (Allocations row 2): Reply By "next Friday" is not a date, so this offer gets no reminder and does not lapse until it is corrected',
    );
  });

  it('bound: no open offer and nothing to send leaves no trigger', () => {
    const emulator = boundOffers();
    const desk = boundDesk(emulator);
    mark(desk, 'APP-0001', 'CGN-2017-04', 'Response', 'Declined');
    mark(desk, 'APP-0002', 'STO-2017-10', 'Response', 'Declined');
    scheduledRun(emulator);
    expect(emulator.triggers.all().filter((t) => t.handlerFunction === 'runScheduledWork')).toEqual([]);
  });

  it('as an add-on: the offers sent keep a trigger of the user in that document, which reminds and lapses them', () => {
    const ANA = 'ana@obcina-a.si';
    const { emulator, seats } = addonWorkspaces([ANA]);
    const [A] = seats;
    A.run('setupWorkspace');
    setSettingIn(A, 'language', 'en');
    emulator.ui.reset();
    offersSent(addonDesk(A), (k, v) => setSettingIn(A, k, v));
    const triggers = () => emulator.triggers.all().filter((t) => t.handlerFunction === 'runScheduledWork');
    expect(triggers().map((t) => [t.owner, t.documentId])).toEqual([[ANA, A.spreadsheetId]]);
    for (let i = 0; i < 10; i++) emulator.advance(DAY);
    const notices = recordsIn(A, 'Notices');
    expect(keysOf(notices, 'reminder')).toEqual(['reminder:APP-0001:CGN-2017-04', 'reminder:APP-0002:STO-2017-10']);
    expect(keysOf(notices, 'lapsed')).toEqual(['lapsed:APP-0001:CGN-2017-04', 'lapsed:APP-0002:STO-2017-10']);
    expect(row(recordsIn(A, 'Allocations'), 'APP-0001', 'CGN-2017-04').Response).toBe('Lapsed');
    expect(triggers().length).toBeLessThanOrEqual(1);
  });
});

describe('runScheduledWork killed at any service call', () => {
  it('leaves a trigger that carries the work on within the hour', () => {
    const emulator = boundOffers();
    clockTo(emulator, '2017-02-14T07:59:59Z');
    emulator.env.calls.killOn(
      'Spreadsheet.Range.setValues',
      emulator.env.calls.count('Spreadsheet.Range.setValues') + 1,
    );
    expect(() => advanceTo(emulator, '2017-02-14T08:00:00Z')).toThrow(ExecutionKilled);
    emulator.env.calls.clearFaults();
    expect(row(records(emulator, 'Allocations'), 'APP-0001', 'CGN-2017-04').Response).toBe('');
    advanceTo(emulator, '2017-02-14T09:00:01Z');
    expect(row(records(emulator, 'Allocations'), 'APP-0001', 'CGN-2017-04').Response).toBe('Lapsed');
    expect(keysOf(records(emulator, 'Notices'), 'lapsed')).toHaveLength(2);
  });

  /** Each call the lapse run makes, as (method, k-th call during it). */
  function callsOf(build: () => Emulator, act: (e: Emulator) => unknown): { method: string; k: number }[] {
    const probe = build();
    const before = probe.env.calls.snapshot();
    act(probe);
    const after = probe.env.calls.snapshot();
    return Object.entries(after).flatMap(([method, n]) =>
      Array.from({ length: n - (before[method] ?? 0) }, (_, i) => ({ method, k: i + 1 })),
    );
  }

  /** The calls repeated per row are tried at the first three, every 7th and the last three; KILL_ALL=1 tries each. */
  function sample(calls: { method: string; k: number }[]) {
    const last = new Map<string, number>();
    for (const p of calls) last.set(p.method, Math.max(last.get(p.method) ?? 0, p.k));
    return calls.filter(
      ({ method, k }) => process.env.KILL_ALL === '1' || k <= 3 || k % 7 === 0 || k > (last.get(method) ?? 0) - 3,
    );
  }

  const moments = [
    { at: '2017-02-11T08:00:00Z', auto: false, reminders: 2, lapses: 0 },
    { at: '2017-02-14T08:00:00Z', auto: false, reminders: 0, lapses: 2 },
    { at: '2017-02-14T08:00:00Z', auto: true, reminders: 0, lapses: 2 },
  ];
  it.each(moments)(
    'at $at (autoReallocate $auto): no lapse without its lapsed notice; the next runs queue no key twice',
    ({ at, auto, reminders, lapses }) => {
      const build = () => {
        const e = boundOffers();
        if (auto) setSetting(e, 'autoReallocate', true);
        clockTo(e, at);
        return e;
      };
      const calls = sample(callsOf(build, scheduledRun));
      expect(calls.length).toBeGreaterThan(10);
      const offers = ['APP-0001:CGN-2017-04', 'APP-0002:STO-2017-10'];
      for (const { method, k } of calls) {
        const e = build();
        e.env.calls.killOn(method, e.env.calls.count(method) + k);
        try {
          scheduledRun(e);
        } catch (err) {
          expect(err).toBeInstanceOf(ExecutionKilled);
        } finally {
          e.env.calls.clearFaults();
        }
        const lapsedRows = () =>
          records(e, 'Allocations')
            .filter((r) => r.Response === 'Lapsed')
            .map((r) => `lapsed:${r['Application ID']}:${r['Excursion ID']}`);
        const told = keysOf(records(e, 'Notices'), 'lapsed');
        expect([method, k, lapsedRows().filter((key) => !told.includes(key))]).toEqual([method, k, []]);
        e.env.clock.advance(8 * MINUTE); // a killed run's sending lease lasts 7 minutes
        scheduledRun(e);
        scheduledRun(e);
        const keys = records(e, 'Notices').map((n) => String(n['Notice Key']));
        expect([method, k, keys.length]).toEqual([method, k, new Set(keys).size]);
        expect([method, k, keysOf(records(e, 'Notices'), 'lapsed')]).toEqual([
          method,
          k,
          offers.slice(0, lapses).map((o) => `lapsed:${o}`),
        ]);
        expect([method, k, lapsedRows()]).toEqual([method, k, offers.slice(0, lapses).map((o) => `lapsed:${o}`)]);
        // Past the Reply By day an offer lapses without a reminder first.
        expect([method, k, keysOf(records(e, 'Notices'), 'reminder')]).toEqual([
          method,
          k,
          offers.slice(0, reminders).map((o) => `reminder:${o}`),
        ]);
      }
    },
  );
});
