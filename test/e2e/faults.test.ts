/**
 * Every entry point with a fault injected on each of its service calls, one at a time, and with the
 * script lock held elsewhere: it either finishes (the sheets as a clean run leaves them) or leaves
 * the sheets as they were, and its message says which. Set up and sending keep their own promises:
 * a second Set up finishes the work and makes nothing twice; a notice key is sent at most once.
 */
import type { Emulator } from '../../emulator/src';
import {
  CGN,
  fillApplications,
  freshWorkspace,
  queueReceivedNotices,
  records,
  replyCode,
  replyLink,
  setUpWorkspace,
  sheetsExceptLog,
  twoOffers,
  validAnswer,
} from './harness';

/** Each call an action makes, as (method, k-th call of it during the action), over every service. */
function callsOf(build: () => Emulator, act: (e: Emulator) => unknown): { method: string; k: number }[] {
  const probe = build();
  const before = probe.env.calls.snapshot();
  act(probe);
  const after = probe.env.calls.snapshot();
  return Object.entries(after).flatMap(([method, n]) =>
    Array.from({ length: n - (before[method] ?? 0) }, (_, i) => ({ method, k: i + 1 })),
  );
}

const UNCHANGED = /Nothing was changed|nothing was written|Nothing was written/;
const SAVED = /The work itself was finished and saved/;

/**
 * Runs `act` once per call with that call failing. Each run must end with the sheets exactly as a
 * clean run leaves them (and a success message, or one saying the work was saved) or exactly as
 * they were (and a message saying nothing was changed). Returns how many runs ended each way.
 */
function sweep(build: () => Emulator, act: (e: Emulator) => unknown) {
  const clean = build();
  const cleanResult = act(clean);
  const cleanSheets = sheetsExceptLog(clean);
  const points = callsOf(build, act);
  let finished = 0;
  let unchanged = 0;
  for (const { method, k } of points) {
    const emulator = build();
    const before = sheetsExceptLog(emulator);
    emulator.env.calls.failOn(method, emulator.env.calls.count(method) + k);
    let result: unknown;
    expect(() => {
      result = act(emulator);
    }).not.toThrow();
    const after = sheetsExceptLog(emulator);
    const message = String(result ?? emulator.ui.alerts.at(-1)?.prompt ?? '');
    if (after === before && after !== cleanSheets) {
      expect([method, k, message]).toEqual([method, k, expect.stringMatching(UNCHANGED)]);
      unchanged++;
    } else {
      expect([method, k, after === cleanSheets]).toEqual([method, k, true]);
      if (result !== cleanResult) expect([method, k, message]).toEqual([method, k, expect.stringMatching(SAVED)]);
      finished++;
    }
  }
  return { points: points.length, finished, unchanged };
}

/** Twelve applications taken in and scored, allocated once, then a decline and a staff lock recorded. */
function reallocation(): Emulator {
  const emulator = setUpWorkspace({ language: 'en' });
  fillApplications(emulator, 12);
  emulator.run('scoreApplicants');
  emulator.run('allocatePlaces');
  const sheet = emulator.workbook().sheetByName('Allocations')!;
  const header = sheet.dataValues()[0];
  sheet.setValue(1, header.indexOf('Response'), 'Declined');
  sheet.setValue(3, header.indexOf('Locked'), 'Accepted');
  const apps = emulator.workbook().sheetByName('Applications')!;
  apps.setValue(2, apps.dataValues()[0].indexOf('Content Score'), 9);
  emulator.ui.reset();
  return emulator;
}

describe('a fault on any one service call', () => {
  it('Score applicants: finishes, or leaves every sheet as it was and says so', () => {
    const outcome = sweep(reallocation, (e) => e.run('scoreApplicants'));
    expect(outcome.points).toBeGreaterThan(15);
    expect(outcome.unchanged).toBeGreaterThan(0);
    expect(outcome.finished).toBeGreaterThan(0);
  });

  it('Allocate places (a re-allocation with a decline and a lock): finishes, or undoes what it wrote and says so', () => {
    const outcome = sweep(reallocation, (e) => e.run('allocatePlaces'));
    expect(outcome.points).toBeGreaterThan(40);
    expect(outcome.unchanged).toBeGreaterThan(30);
  });

  it('the undo is real: a fault on the last write of an allocation puts back the writes before it', () => {
    const emulator = reallocation();
    const before = sheetsExceptLog(emulator);
    const calls = emulator.env.calls;
    // Allocation writes Notices, Allocations, then Summary (the Excursions are Allocated already):
    // the third setValues fails after two writes landed.
    calls.failOn('Spreadsheet.Range.setValues', calls.count('Spreadsheet.Range.setValues') + 2);
    const message = emulator.run('allocatePlaces');
    expect(message).toMatch(/what it had already written was undone/);
    expect(sheetsExceptLog(emulator)).toBe(before);
    expect(records(emulator, 'Log').at(-1)?.Details).toMatch(/^Undone: [1-9]\d* writes?;/);
  });

  it('Preview notices, the dashboard, Refresh form and onOpen change no sheet whatever fails', () => {
    const queued = () => {
      const emulator = reallocation();
      emulator.run('allocatePlaces');
      emulator.ui.reset();
      return emulator;
    };
    for (const name of ['previewNotices', 'showDashboard', 'getDashboardData', 'refreshForm', 'onOpen']) {
      const points = callsOf(queued, (e) => e.run(name));
      expect([name, points.length > 3]).toEqual([name, true]);
      for (const { method, k } of points) {
        const emulator = queued();
        const before = sheetsExceptLog(emulator);
        emulator.env.calls.failOn(method, emulator.env.calls.count(method) + k);
        try {
          emulator.run(name);
        } catch (e) {
          // getDashboardData reports a failure to its page by throwing a message; onOpen may throw
          // as any simple trigger does (Apps Script logs it). Neither changes a sheet.
          expect([name, method, name === 'getDashboardData' || name === 'onOpen']).toEqual([name, method, true]);
          expect(String(e)).not.toMatch(/^\s+at /m);
        }
        expect([name, method, k, sheetsExceptLog(emulator) === before]).toEqual([name, method, k, true]);
      }
    }
  });

  it('Set up: a second Set up after any fault ends as a clean one, with one form, one trigger, one template set', () => {
    const fresh = () => {
      const emulator = setUpWorkspace({ language: 'en' });
      return emulator;
    };
    const clean = fresh();
    const done = String(clean.run('setupWorkspace'));
    const shape = (e: Emulator) => ({
      sheets: sheetsExceptLog(e),
      forms: e.env.drive.all().filter((f) => f.mimeType === 'application/vnd.google-apps.form' && !f.trashed).length,
      docs: e.env.drive.all().filter((f) => f.mimeType === 'application/vnd.google-apps.document' && !f.trashed).length,
      triggers: e.triggers.all().length,
    });
    // Set up again on a set-up workspace (staff's values kept), with a fault on each of its calls.
    const expected = shape(clean);
    const points = callsOf(fresh, (e) => e.run('setupWorkspace'));
    expect(points.length).toBeGreaterThan(50);
    for (const { method, k } of points) {
      const emulator = fresh();
      emulator.env.calls.failOn(method, emulator.env.calls.count(method) + k);
      const result = String(emulator.run('setupWorkspace'));
      if (result !== done) expect([method, k, result]).toEqual([method, k, expect.stringMatching(/Run Set up again/)]);
      emulator.run('setupWorkspace');
      expect([method, k, shape(emulator)]).toEqual([method, k, expected]);
    }
  });

  it('Set up on a new spreadsheet: after any fault, a second Set up leaves the full workspace, nothing twice', () => {
    const clean = freshWorkspace();
    clean.run('setupWorkspace');
    const shape = (e: Emulator) => ({
      // Sheet names and header rows (ids in Settings differ with the order files were made in).
      sheets: e
        .workbook()
        .sheets.map((s) => [s.name, s.dataValues()[0] ?? [], s.name === 'Log' ? 0 : s.dataValues().length]),
      forms: e.env.drive.all().filter((f) => f.mimeType === 'application/vnd.google-apps.form' && !f.trashed).length,
      docs: e.env.drive.all().filter((f) => f.mimeType === 'application/vnd.google-apps.document' && !f.trashed).length,
      folders: e.env.drive.all().filter((f) => f.mimeType === 'application/vnd.google-apps.folder' && !f.trashed)
        .length,
      triggers: e.triggers.all().length,
    });
    const expected = shape(clean);
    const points = callsOf(freshWorkspace, (e) => e.run('setupWorkspace'));
    // Every 7th call keeps the test quick; the calls repeat per sheet and per template.
    const sample = points.filter((_, i) => i % Number(process.env.SETUP_STRIDE ?? 7) === 0);
    expect(sample.length).toBeGreaterThan(40);
    for (const { method, k } of sample) {
      const emulator = freshWorkspace();
      emulator.env.calls.failOn(method, emulator.env.calls.count(method) + k);
      emulator.run('setupWorkspace');
      emulator.run('setupWorkspace');
      expect([method, k, shape(emulator)]).toEqual([method, k, expected]);
    }
  });

  it('Send notices: every key at most once, and exactly once unless left Sending, whatever service call fails', () => {
    const build = () => {
      const emulator = setUpWorkspace({ language: 'en' });
      fillApplications(emulator, 6);
      queueReceivedNotices(emulator, 6);
      return emulator;
    };
    const points = callsOf(build, (e) => e.run('sendNotices'));
    expect(points.some((p) => p.method.startsWith('Document.'))).toBe(true);
    for (const { method, k } of points) {
      const emulator = build();
      emulator.env.calls.failOn(method, emulator.env.calls.count(method) + k);
      const result = String(emulator.run('sendNotices'));
      if (!/^Sent \d+, failed \d+/.test(result))
        expect([method, k, result]).toEqual([
          method,
          k,
          expect.stringMatching(/Sending stopped|nothing was|Nothing was/),
        ]);
      emulator.run('sendNotices');
      const sent = new Map<string, number>();
      for (const m of emulator.mailApp.outbox) for (const to of m.to) sent.set(to, (sent.get(to) ?? 0) + 1);
      for (const row of records(emulator, 'Notices')) {
        const count = sent.get(String(row.To)) ?? 0;
        expect([method, k, row['Notice Key'], count <= 1]).toEqual([method, k, row['Notice Key'], true]);
        if (row.Status !== 'Sending')
          expect([method, k, row['Notice Key'], count]).toEqual([method, k, row['Notice Key'], 1]);
      }
    }
  });

  it('a form submission: the answer is taken in once, by this run or the next, whatever service call fails', () => {
    const build = () => {
      const emulator = setUpWorkspace({ language: 'en' });
      emulator.submit(validAnswer());
      return emulator;
    };
    const points = callsOf(build, (e) =>
      e.submit(validAnswer({ Municipality: 'Bled', 'Email address': 'info@bled.si' })),
    );
    expect(points.some((p) => !p.method.startsWith('Spreadsheet.'))).toBe(true);
    for (const { method, k } of points) {
      const emulator = build();
      emulator.env.calls.failOn(method, emulator.env.calls.count(method) + k);
      expect(() =>
        emulator.submit(validAnswer({ Municipality: 'Bled', 'Email address': 'info@bled.si' })),
      ).not.toThrow();
      emulator.submit(validAnswer({ Municipality: 'Bohinj', 'Email address': 'info@bohinj.si' }));
      const ids = records(emulator, 'Applications').map((a) => a.Municipality);
      expect([method, k, ids]).toEqual([method, k, ['Ajdovščina', 'Bled', 'Bohinj']]);
      const keys = records(emulator, 'Notices').map((n) => n['Notice Key']);
      expect([method, k, keys]).toEqual([method, k, ['received:APP-0001', 'received:APP-0002', 'received:APP-0003']]);
    }
  });
});

describe('the script lock held by another run', () => {
  const menuActions = [
    'setupWorkspace',
    'refreshForm',
    'scoreApplicants',
    'allocatePlaces',
    'previewNotices',
    'sendNotices',
    'showDashboard',
  ];

  it.each(menuActions)('%s changes nothing and says another action is running', (name) => {
    const emulator = reallocation();
    const before = sheetsExceptLog(emulator);
    const sent = emulator.mailApp.outbox.length;
    emulator.locks.holdElsewhere('document', 60000);
    const result = emulator.run(name);
    expect(sheetsExceptLog(emulator)).toBe(before);
    expect(emulator.mailApp.outbox).toHaveLength(sent);
    expect(emulator.ui.alerts.at(-1)?.prompt).toBe(
      'Another Excursion Desk action is running right now. Please try again in a minute.',
    );
    if (result !== undefined) expect(result).toBe(emulator.ui.alerts.at(-1)?.prompt);
    expect(records(emulator, 'Log').at(-1)).toMatchObject({
      Action: name,
      Details: 'Not run: another action held the lock',
    });
  });

  it('runScheduledWork leaves, says so in Log, and tries again in a minute', () => {
    const emulator = reallocation();
    emulator.locks.holdElsewhere('document', 60000);
    const before = sheetsExceptLog(emulator);
    emulator.run('runScheduledWork', {}, { trigger: true });
    expect(sheetsExceptLog(emulator)).toBe(before);
    expect(records(emulator, 'Log').at(-1)?.Details).toBe('Another run holds the lock; trying again later');
  });

  it('a form submission waits, and if the lock stays taken the answer is taken in by the next one', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    emulator.locks.holdElsewhere('document', 10 * 60 * 1000);
    emulator.submit(validAnswer());
    expect(records(emulator, 'Applications')).toHaveLength(0);
    expect(records(emulator, 'Log').at(-1)?.Details).toMatch(/row 2 is not taken in yet/);
    emulator.advance(11 * 60 * 1000);
    emulator.submit(validAnswer({ Municipality: 'Bled', 'Email address': 'info@bled.si' }));
    expect(records(emulator, 'Applications').map((a) => a.Municipality)).toEqual(['Ajdovščina', 'Bled']);
  });

  it('getDashboardData and onOpen do not need the lock: they read while another run holds it', () => {
    const emulator = reallocation();
    emulator.locks.holdElsewhere('document', 60000);
    expect(() => emulator.run('getDashboardData')).not.toThrow();
    expect(() => emulator.open()).not.toThrow();
  });
});

describe('a reply with a fault on any one service call', () => {
  it('is taken in once, by this run or the next reply, its acknowledgement queued once; never taken for an application', () => {
    const reply = (e: Emulator, app: string, answer: string) =>
      e.submitPrefilled(replyLink(e, replyCode(e, app, CGN)), { 'Your answer': answer });
    const points = callsOf(twoOffers, (e) => reply(e, 'APP-0001', 'We confirm'));
    expect(points.some((p) => p.method.startsWith('Forms.'))).toBe(true);
    for (const { method, k } of points) {
      const e = twoOffers();
      e.env.calls.failOn(method, e.env.calls.count(method) + k);
      expect(() => reply(e, 'APP-0001', 'We confirm')).not.toThrow();
      reply(e, 'APP-0002', 'We decline');
      const answers = records(e, 'Allocations').map((r) => r.Response);
      expect([method, k, answers]).toEqual([method, k, ['Confirmed', 'Declined']]);
      const keys = records(e, 'Notices').map((n) => n['Notice Key']);
      expect([method, k, keys]).toEqual([
        method,
        k,
        [
          'received:APP-0001',
          'received:APP-0002',
          `accepted:APP-0001:${CGN}`,
          `accepted:APP-0002:${CGN}`,
          `reply:APP-0001:${CGN}`,
          `reply:APP-0002:${CGN}`,
        ],
      ]);
      expect([method, k, records(e, 'Applications').length]).toEqual([method, k, 2]);
    }
  });
});
