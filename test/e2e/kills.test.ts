/**
 * Sending when Apps Script kills the run at any service call (the emulator then drops the writes
 * not flushed, and the script's catch and finally reach no service): every notice key is sent at
 * most once, in every context, and after the next runs exactly once unless left Sending. Blocks
 * with a document-property record (staff, bound) and a flush per notice (one notice; an add-on's
 * hourly run, which has no document properties) are both swept; a submission's confirmation, queued
 * Sending and made durable by the sending lease's flush, by the submission sweep.
 */
import { type Emulator, ExecutionKilled, type UserInDocument } from '../../emulator/src';
import {
  addonWorkspaces,
  CGN,
  fillApplications,
  queueReceivedNotices,
  records,
  recordsIn,
  replyCode,
  replyLink,
  setSetting,
  setSettingIn,
  setUpWorkspace,
  sheetsExceptLog,
  twoOffers,
  validAnswer,
} from './harness';

const HOUR = 60 * 60 * 1000;

/** Each call `act` makes, as (method, k-th call during the act). */
function callsOf(build: () => Emulator, act: (e: Emulator) => unknown): { method: string; k: number }[] {
  const probe = build();
  const before = probe.env.calls.snapshot();
  act(probe);
  const after = probe.env.calls.snapshot();
  return Object.entries(after).flatMap(([method, n]) =>
    Array.from({ length: n - (before[method] ?? 0) }, (_, i) => ({ method, k: i + 1 })),
  );
}

function deliveries(emulator: Emulator): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of emulator.mailApp.outbox) for (const to of m.to) out.set(to, (out.get(to) ?? 0) + 1);
  return out;
}

/** Every key at most once; every row not Sending sent exactly once; at most `sending` rows left Sending. */
function expectAtMostOnce(
  label: unknown[],
  emulator: Emulator,
  rows: Record<string, unknown>[],
  sending: number,
  exactly = true,
) {
  const sent = deliveries(emulator);
  for (const row of rows) {
    const count = sent.get(String(row.To)) ?? 0;
    expect([...label, row['Notice Key'], count <= 1]).toEqual([...label, row['Notice Key'], true]);
    if (exactly && row.Status !== 'Sending')
      expect([...label, row['Notice Key'], row.Status, count]).toEqual([...label, row['Notice Key'], 'Sent', 1]);
  }
  expect([...label, rows.filter((r) => r.Status === 'Sending').length <= sending]).toEqual([...label, true]);
}

/**
 * Bled's answer submitted by `submit`, its run killed as it lets go of the sending lease: the mail
 * left, the writes after the lease's flush were lost.
 */
function submitKilledAfterMail(emulator: Emulator, submit: (answer: ReturnType<typeof validAnswer>) => unknown): void {
  emulator.env.calls.killOn(
    'Spreadsheet.DeveloperMetadata.remove',
    emulator.env.calls.count('Spreadsheet.DeveloperMetadata.remove') + 1,
  );
  expect(() => submit(validAnswer({ Municipality: 'Bled', 'Email address': 'info@bled.si' }))).toThrow(ExecutionKilled);
  emulator.env.calls.clearFaults();
}

function queued(n: number): () => Emulator {
  return () => {
    const emulator = setUpWorkspace({ language: 'en', mailQuota: 1000 });
    fillApplications(emulator, n);
    queueReceivedNotices(emulator, n);
    return emulator;
  };
}

/**
 * Runs `act` killed at the k-th call of `method`; true when the kill came (the run ended there).
 * Then 8 minutes pass: a killed run's sending lease (src/workspace/lease.ts) lasts 7.
 */
function killedAt(emulator: Emulator, method: string, k: number, act: () => unknown): boolean {
  emulator.env.calls.killOn(method, emulator.env.calls.count(method) + k);
  try {
    act();
    return false;
  } catch (e) {
    expect(e).toBeInstanceOf(ExecutionKilled);
    return true;
  } finally {
    emulator.env.calls.clearFaults();
    emulator.env.clock.advance(8 * 60 * 1000);
  }
}

describe('a run killed at any service call', () => {
  it('Send notices in blocks (51 notices, two blocks): every key at most once; the next run sends the rest, one left Sending at most', () => {
    const build = queued(51);
    const points = callsOf(build, (e) => e.run('sendNotices'));
    expect(points.filter((p) => p.method === 'Properties.Properties.setProperty').length).toBeGreaterThanOrEqual(53);
    // The calls repeated per notice (each mail, its record, its merge) are tried at the first three,
    // every 7th and the last three of each method, to stay quick; KILL_ALL=1 tries every call.
    const last = new Map<string, number>();
    for (const p of points) last.set(p.method, Math.max(last.get(p.method) ?? 0, p.k));
    const sample = points.filter(
      ({ method, k }) => process.env.KILL_ALL === '1' || k <= 3 || k % 7 === 0 || k > (last.get(method) ?? 0) - 3,
    );
    let kills = 0;
    for (const { method, k } of sample) {
      const emulator = build();
      if (killedAt(emulator, method, k, () => emulator.run('sendNotices'))) kills++;
      emulator.run('sendNotices');
      expectAtMostOnce([method, k], emulator, records(emulator, 'Notices'), 1);
      expect([method, k, emulator.propertiesService.peek('document')['excursionDesk.sendingRecord']]).toEqual([
        method,
        k,
        undefined,
      ]);
    }
    expect(kills).toBe(sample.length);
  });

  it('one notice with its own flush (a single Send): at most once, and sent by the next run unless left Sending', () => {
    const build = queued(1);
    const points = callsOf(build, (e) => e.run('sendNotices'));
    expect(points.some((p) => p.method === 'Mail.MailApp.sendEmail')).toBe(true);
    for (const { method, k } of points) {
      const emulator = build();
      killedAt(emulator, method, k, () => emulator.run('sendNotices'));
      emulator.run('sendNotices');
      expectAtMostOnce([method, k], emulator, records(emulator, 'Notices'), 1);
    }
  });
});

describe("a confirmation sent at once (issue 16: queued Sending, made durable by the sending lease's flush)", () => {
  it('costs no flush of its own: the answer and its Sending are kept by the one flush the lease needs', () => {
    const e = setUpWorkspace({ language: 'en' });
    const first = e.executionLog.length;
    e.submit(validAnswer({ Municipality: 'Bled', 'Email address': 'info@bled.si' }));
    const run = e.executionLog.slice(first).find((r) => r.functionName === 'onFormSubmit')!;
    expect(run.calls['Spreadsheet.SpreadsheetApp.flush']).toBe(1);
    expect(records(e, 'Notices').map((r) => [r.To, r.Status])).toEqual([['info@bled.si', 'Sent']]);
    // No record is left for a later run to settle.
    expect(e.propertiesService.peek('document')['excursionDesk.sendingRecord']).toBeUndefined();
  });

  it('its run killed after the mail: Sending, never sent again by the next submission or by Send notices', () => {
    const e = setUpWorkspace({ language: 'en' });
    submitKilledAfterMail(e, (answer) => e.submit(answer));
    e.env.clock.advance(8 * 60 * 1000);
    e.submit(validAnswer({ Municipality: 'Bohinj', 'Email address': 'info@bohinj.si' }));
    e.run('sendNotices');
    expect(deliveries(e).get('info@bled.si')).toBe(1);
    expect(records(e, 'Notices').find((r) => r.To === 'info@bled.si')?.Status).toBe('Sending');
  });

  it('another run holds the sending lease: back to Queued, and sent once by Send notices', () => {
    const e = setUpWorkspace({ language: 'en' });
    const ss = e.spreadsheetApp.wrap(e.workbook()) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    ss.addDeveloperMetadata(
      'excursionDesk.sendingLease',
      JSON.stringify({ holder: 'another run', until: e.env.clock.nowMs() + 5 * 60 * 1000 }),
    );
    e.submit(validAnswer({ Municipality: 'Bled', 'Email address': 'info@bled.si' }));
    expect(e.mailApp.outbox).toHaveLength(0);
    expect(records(e, 'Notices').map((r) => [r.To, r.Status])).toEqual([['info@bled.si', 'Queued']]);
    expect(String(records(e, 'Log').at(-1)?.Details)).toMatch(/queued/i);
    for (const m of ss.getDeveloperMetadata()) if (String(m.getValue()).includes('another run')) m.remove();
    e.run('sendNotices');
    e.run('sendNotices');
    expect(deliveries(e).get('info@bled.si')).toBe(1);
    expect(records(e, 'Notices')[0].Status).toBe('Sent');
  });
});

describe('the 6-minute limit', () => {
  it('kills a run whose mail took 7 minutes: nothing after it happens, and the next run settles the block and sends the rest once', () => {
    const emulator = queued(12)();
    // The mails' own time is the point here: the received notices go without their PDF (issue 15).
    setSetting(emulator, 'attachApplicationPdf', false);
    const limit = emulator.env.calls.beforeCall;
    let mails = 0;
    emulator.env.calls.beforeCall = (m) => {
      limit?.(m);
      if (m === 'Mail.MailApp.sendEmail' && ++mails === 5) emulator.env.clock.advance(7 * 60 * 1000);
    };
    expect(() => emulator.run('sendNotices')).toThrow('Exceeded maximum execution time');
    expect(emulator.lastExecution()?.killed).toBe('Exceeded maximum execution time');
    expect(emulator.mailApp.outbox).toHaveLength(5);
    expect(records(emulator, 'Notices').map((r) => r.Status)).toEqual(Array(12).fill('Sending'));
    emulator.env.calls.beforeCall = limit;
    emulator.env.clock.advance(8 * 60 * 1000);
    emulator.run('sendNotices');
    const rows = records(emulator, 'Notices');
    expectAtMostOnce(['after the limit'], emulator, rows, 1);
    expect(rows.map((r) => r.Status)).toEqual([...Array(4).fill('Sent'), 'Sending', ...Array(7).fill('Sent')]);
    expect(emulator.mailApp.outbox).toHaveLength(12);
  });
});

describe('an editor add-on: staff runs and the hourly run (no document properties) never send a key twice', () => {
  const ANA = 'ana@a.example';

  function seat(n: number): { emulator: Emulator; A: UserInDocument } {
    const { emulator, seats } = addonWorkspaces([ANA]);
    const [A] = seats;
    A.run('setupWorkspace');
    setSettingIn(A, 'language', 'en');
    setSettingIn(A, 'quotaReserve', 0);
    emulator.within(A.user, A.spreadsheetId, () => {
      fillApplications(emulator, n);
      queueReceivedNotices(emulator, n);
    });
    emulator.ui.reset();
    return { emulator, A };
  }

  /** Staff sent until the time budget (each mail 25 s), so the hourly trigger carries on. */
  function hourlyPending(): Emulator {
    const { emulator, A } = seat(20);
    const before = emulator.env.calls.beforeCall;
    emulator.env.calls.beforeCall = (m) => {
      before?.(m);
      if (m === 'Mail.MailApp.sendEmail') emulator.env.clock.advance(25000);
    };
    A.run('sendNotices');
    emulator.env.calls.beforeCall = before;
    return emulator;
  }

  it('the hourly run killed at any call, then the next hourly run: at most once, one left Sending at most', () => {
    const probe = hourlyPending();
    const left = 20 - probe.mailApp.outbox.length;
    expect(left).toBeGreaterThan(2);
    const points = callsOf(hourlyPending, (e) => e.advance(HOUR + 1000));
    expect(points.filter((p) => p.method === 'Mail.MailApp.sendEmail')).toHaveLength(left);
    for (const { method, k } of points) {
      const emulator = hourlyPending();
      const A = emulator.as(ANA, emulator.files()[0].id);
      killedAt(emulator, method, k, () => emulator.advance(HOUR + 1000));
      emulator.advance(2 * HOUR);
      expectAtMostOnce([method, k], emulator, recordsIn(A, 'Notices'), 1);
    }
  });

  it('a confirmation sent at once, its run killed after the mail: Sending already in the sheet, so the hourly run (no document properties) sends it not again', () => {
    const emulator = hourlyPending();
    const A = emulator.as(ANA, emulator.files()[0].id);
    const waiting = 20 - emulator.mailApp.outbox.length;
    expect(waiting).toBeGreaterThan(0);
    // A submission's confirmation is queued Sending (kept by the lease's flush).
    submitKilledAfterMail(emulator, (answer) => A.submit(answer));
    expect(deliveries(emulator).get('info@bled.si')).toBe(1);
    // The hourly trigger fires: it sends what waited, and the confirmation not again.
    emulator.advance(HOUR + 1000);
    expect(deliveries(emulator).get('info@bled.si')).toBe(1);
    const rows = recordsIn(A, 'Notices');
    expect(rows.filter((r) => r.Status === 'Sent')).toHaveLength(20);
    expect(rows.find((r) => r.To === 'info@bled.si')?.Status).toBe('Sending');
    A.run('sendNotices');
    expectAtMostOnce(['the hourly run after a lone send'], emulator, recordsIn(A, 'Notices'), 1);
  });

  it('staff sending killed mid-block: the hourly run sends none of its block; staff pressing Send again settle it', () => {
    const { emulator, A } = seat(12);
    emulator.env.calls.killOn('Mail.MailApp.sendEmail', emulator.env.calls.count('Mail.MailApp.sendEmail') + 5);
    expect(() => A.run('sendNotices')).toThrow(ExecutionKilled);
    expect(emulator.mailApp.outbox).toHaveLength(4);
    emulator.env.clock.advance(8 * 60 * 1000); // the killed run's sending lease lasts 7 minutes
    // The block is marked Sending (flushed before its first mail); nothing else of the run survived.
    expect(recordsIn(A, 'Notices').map((r) => r.Status)).toEqual(Array(12).fill('Sending'));
    // A time-driven run in this spreadsheet (as the hourly one would be) has no document properties: it sends nothing of the block.
    emulator.run('runScheduledWork', {}, { trigger: true, user: ANA, documentId: null });
    expect(emulator.mailApp.outbox).toHaveLength(4);
    A.run('sendNotices');
    const rows = recordsIn(A, 'Notices');
    expectAtMostOnce(['staff again'], emulator, rows, 1);
    expect(rows.filter((r) => r.Status === 'Sent')).toHaveLength(11);
    expect(rows[4].Status).toBe('Sending');
  });
});

describe('Score applicants and Allocate places killed at any service call', () => {
  /** A scored call of 12 applications, ready for the action. */
  function ready(): Emulator {
    const emulator = setUpWorkspace({ language: 'en' });
    fillApplications(emulator, 12);
    return emulator;
  }
  const prepared: Record<string, (e: Emulator) => void> = {
    scoreApplicants: () => {},
    allocatePlaces: (e) => e.run('scoreApplicants'),
  };

  it.each(Object.keys(prepared))('leaves the sheets as before or as a whole run leaves them: %s', (action) => {
    const build = () => {
      const e = ready();
      prepared[action](e);
      return e;
    };
    const clean = build();
    const before = sheetsExceptLog(clean);
    clean.run(action);
    const after = sheetsExceptLog(clean);
    expect(after).not.toBe(before);
    const calls = callsOf(build, (e) => e.run(action));
    expect(calls.length).toBeGreaterThan(10);
    for (const { method, k } of calls) {
      const e = build();
      e.env.calls.killOn(method, e.env.calls.count(method) + k);
      try {
        e.run(action);
      } catch (err) {
        expect(err).toBeInstanceOf(ExecutionKilled);
      }
      const seen = sheetsExceptLog(e);
      expect([action, method, k, seen === before || seen === after]).toEqual([action, method, k, true]);
    }
  });
});

describe('a form submission killed at any service call', () => {
  it('loses no answer and takes none twice: the next submission takes both in', () => {
    const build = () => {
      const e = setUpWorkspace({ language: 'en' });
      e.submit(validAnswer());
      return e;
    };
    const second = validAnswer({ Municipality: 'Bled', 'Email address': 'info@bled.si' });
    const third = validAnswer({ Municipality: 'Bohinj', 'Email address': 'info@bohinj.si' });
    const calls = callsOf(build, (e) => e.submit(second));
    expect(calls.length).toBeGreaterThan(10);
    for (const { method, k } of calls) {
      const e = build();
      e.env.calls.killOn(method, e.env.calls.count(method) + k);
      try {
        e.submit(second);
      } catch (err) {
        expect(err).toBeInstanceOf(ExecutionKilled);
      }
      e.env.clock.advance(60 * 1000);
      e.submit(third);
      const municipalities = records(e, 'Applications').map((r) => r.Municipality);
      expect([method, k, municipalities]).toEqual([method, k, ['Ajdovščina', 'Bled', 'Bohinj']]);
      // The mark of progress waits for the sending lease's flush: each answer's confirmation is
      // queued once and sent at most once, whatever call the kill came at.
      const keys = records(e, 'Notices').map((r) => String(r['Notice Key']));
      expect([method, k, new Set(keys).size]).toEqual([method, k, keys.length]);
      expect([method, k, (deliveries(e).get('info@bled.si') ?? 0) <= 1]).toEqual([method, k, true]);
    }
  });
});

describe('a reply killed at any service call', () => {
  it('loses no reply and takes none twice: the next reply takes both in, each acknowledgement queued once', () => {
    const reply = (e: Emulator, app: string, answer: string) =>
      e.submitPrefilled(replyLink(e, replyCode(e, app, CGN)), { 'Your answer': answer, Delegates: 'Ana Novak' });
    const calls = callsOf(twoOffers, (e) => reply(e, 'APP-0001', 'We confirm'));
    expect(calls.length).toBeGreaterThan(10);
    for (const { method, k } of calls) {
      const e = twoOffers();
      e.env.calls.killOn(method, e.env.calls.count(method) + k);
      try {
        reply(e, 'APP-0001', 'We confirm');
      } catch (err) {
        expect(err).toBeInstanceOf(ExecutionKilled);
      }
      e.env.clock.advance(8 * 60 * 1000);
      reply(e, 'APP-0002', 'We decline');
      const answers = records(e, 'Allocations').map((r) => [r['Application ID'], r.Response, r['Delegates Named']]);
      expect([method, k, answers]).toEqual([
        method,
        k,
        [
          ['APP-0001', 'Confirmed', 'Ana Novak'],
          ['APP-0002', 'Declined', ''],
        ],
      ]);
      const keys = records(e, 'Notices')
        .filter((n) => n.Type === 'reply')
        .map((n) => n['Notice Key']);
      expect([method, k, keys]).toEqual([method, k, [`reply:APP-0001:${CGN}`, `reply:APP-0002:${CGN}`]]);
      // Each address gets its confirmation and, now sent, its acknowledgement: at most one mail of each.
      const mails = new Map<string, number>();
      for (const m of e.mailApp.outbox)
        for (const to of m.to) mails.set(`${to} ${m.subject}`, (mails.get(`${to} ${m.subject}`) ?? 0) + 1);
      expect([method, k, [...mails].filter(([, n]) => n > 1)]).toEqual([method, k, []]);
      expect([method, k, records(e, 'Notices').filter((r) => r.Status === 'Sending').length <= 1]).toEqual([
        method,
        k,
        true,
      ]);
    }
  });
});
