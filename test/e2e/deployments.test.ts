/**
 * Both deployments of the same bundle, end to end: bound to one spreadsheet (build/), and as an
 * editor add-on that several staff users install in several spreadsheets (build-addon/). As an
 * add-on, one script project serves every customer: nothing of one spreadsheet (a value, a cache
 * entry, a lock wait, a trigger) may reach another.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Emulator, UserInDocument } from '../../emulator/src';
import {
  addonWorkspaces,
  fillApplications,
  freshWorkspace,
  queueReceivedNotices,
  records,
  recordsIn,
  setSetting,
  setSettingIn,
  validAnswer,
} from './harness';

const ANA = 'ana@obcina-a.si';
const BOR = 'bor@obcina-b.si';
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

/** Two staff users of the add-on, each set up in their own spreadsheet, staff UI in English. */
function twoCustomers(options: Parameters<typeof addonWorkspaces>[1] = {}) {
  const { emulator, seats } = addonWorkspaces([ANA, BOR], options);
  const [A, B] = seats;
  for (const seat of seats) {
    seat.run('setupWorkspace');
    setSettingIn(seat, 'language', 'en');
    setSettingIn(seat, 'quotaReserve', 0);
  }
  emulator.ui.reset();
  return { emulator, A, B };
}

/** Staff add a municipality of their own to a spreadsheet's Municipalities sheet. */
function addMunicipality(seat: UserInDocument, name: string): void {
  const sheet = seat.workbook().sheetByName('Municipalities')!;
  const header = sheet.dataValues()[0].map(String);
  const row = header.map((h) => ({ Name: name, Population: 1200, Region: 'Gorenjska', Urban: false })[h] ?? '');
  sheet.appendRow(row);
}

/** Every trigger of the project (uncounted), with whose and which document's it is. */
function triggersOf(emulator: Emulator, handler: string) {
  return emulator.triggers.all().filter((t) => t.handlerFunction === handler);
}

/** Mails per recipient. */
/** Each address's Sent notices, by type, from the Notices sheets given: what the outbox must hold. */
function sentTypes(...sheets: Record<string, unknown>[][]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const n of sheets.flat())
    if (n.Status === 'Sent') out.set(String(n.To), [...(out.get(String(n.To)) ?? []), String(n.Type)].sort());
  return out;
}

function deliveries(emulator: Emulator): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of emulator.mailApp.outbox) for (const to of m.to) out.set(to, (out.get(to) ?? 0) + 1);
  return out;
}

/** Makes each sendEmail take 10 s of virtual time, so a long queue stops at the time budget. */
function slowMail(emulator: Emulator): void {
  const before = emulator.env.calls.beforeCall;
  emulator.env.calls.beforeCall = (method) => {
    before?.(method);
    if (method === 'Mail.MailApp.sendEmail') emulator.env.clock.advance(10000);
  };
}

/** Runs `body` once, at the first call of `method` (another process acting at that moment). */
function atFirst(emulator: Emulator, method: string, body: () => void): void {
  const before = emulator.env.calls.beforeCall;
  let done = false;
  emulator.env.calls.beforeCall = (m) => {
    before?.(m);
    if (m === method && !done) {
      done = true;
      body();
    }
  };
}

/** `n` received notices queued in a user's spreadsheet (as in the sending tests). */
function queuedIn(seat: UserInDocument, n: number): void {
  seat.emulator.within(seat.user, seat.spreadsheetId, () => {
    fillApplications(seat.emulator, n);
    queueReceivedNotices(seat.emulator, n);
  });
}

describe('an editor add-on used by two customers', () => {
  it("matches each spreadsheet against its own Municipalities: A's cached list is never used in B", () => {
    const { emulator, A, B } = twoCustomers();
    addMunicipality(B, 'Testna vas');
    A.submit(validAnswer());
    B.submit(validAnswer({ Municipality: 'Testna vas', 'Email address': 'info@testna-vas.si' }));
    A.submit(validAnswer({ Municipality: 'Testna vas', 'Email address': 'info@testna-vas.si' }));
    const inB = recordsIn(B, 'Applications');
    const inA = recordsIn(A, 'Applications');
    expect(inB.map((r) => [r.Municipality, r.Issues])).toEqual([['Testna vas', '']]);
    expect(inA.map((r) => r.Municipality)).toEqual(['Ajdovščina', inA[1].Municipality]);
    expect(inA[1].Issues).not.toBe('');
    // The list lives in each document's cache; the script cache (shared by every customer) holds nothing.
    expect(emulator.cacheService.peek('script')).toEqual({});
    const cachedB = emulator.within(BOR, B.spreadsheetId, () => emulator.cacheService.peek('document'));
    expect(Object.values(cachedB)[0].value).toContain('Testna vas');
    const cachedA = emulator.within(ANA, A.spreadsheetId, () => emulator.cacheService.peek('document'));
    expect(Object.values(cachedA)[0].value).not.toContain('Testna vas');
  });

  it('keeps each customer to its own sheets, properties, mails and triggers', () => {
    const { emulator, A, B } = twoCustomers();
    A.submit(validAnswer());
    B.submit(validAnswer({ Municipality: 'Bled', 'Email address': 'info@bled.si' }));
    expect(recordsIn(A, 'Applications').map((r) => r.Municipality)).toEqual(['Ajdovščina']);
    expect(recordsIn(B, 'Applications').map((r) => r.Municipality)).toEqual(['Bled']);
    expect(emulator.mailApp.outbox.map((m) => [m.from, m.to[0]])).toEqual([
      [ANA, 'spela.kovacic@ajdovscina.si'],
      [BOR, 'info@bled.si'],
    ]);
    const props = (seat: UserInDocument) =>
      emulator.within(seat.user, seat.spreadsheetId, () => emulator.propertiesService.peek('document'));
    expect(props(A)).not.toEqual(props(B));
    expect(emulator.propertiesService.peek('script')).toEqual({});
    // Each user's form-submit trigger is theirs and their spreadsheet's; each runs as its owner.
    expect(triggersOf(emulator, 'onFormSubmit').map((t) => [t.owner, t.sourceId])).toEqual([
      [ANA, A.spreadsheetId],
      [BOR, B.spreadsheetId],
    ]);
    expect(
      recordsIn(B, 'Log')
        .filter((r) => r.Action === 'onFormSubmit')
        .map((r) => r.User),
    ).toEqual([BOR, BOR]);
  });

  it('an action running in A does not make B wait', () => {
    const { emulator, A, B } = twoCustomers();
    queuedIn(A, 3);
    let scoredInB: unknown = null;
    atFirst(emulator, 'Mail.MailApp.sendEmail', () => {
      scoredInB = B.run('scoreApplicants');
    });
    A.run('sendNotices');
    expect(scoredInB).toBe('Scored 0 applications.');
    expect(recordsIn(A, 'Notices').map((n) => n.Status)).toEqual(['Sent', 'Sent', 'Sent']);
    // While A's action holds A's document lock, A's own second action does wait.
    let again: unknown = null;
    queuedIn(A, 4);
    atFirst(emulator, 'Mail.MailApp.sendEmail', () => {
      again = A.run('scoreApplicants');
    });
    A.run('sendNotices');
    expect(again).toBe('Another Excursion Desk action is running right now. Please try again in a minute.');
  });

  it("resuming one spreadsheet never deletes another's trigger (one user, two spreadsheets)", () => {
    const { emulator, seats } = addonWorkspaces([ANA]);
    const [A1] = seats;
    const second = emulator.createSpreadsheet(ANA, 'Second desk');
    const A2 = emulator.as(ANA, second.id);
    for (const seat of [A1, A2]) {
      seat.run('setupWorkspace');
      setSettingIn(seat, 'language', 'en');
      setSettingIn(seat, 'quotaReserve', 0);
      queuedIn(seat, 4);
    }
    emulator.mailApp.setRemainingQuota(2);
    A1.run('sendNotices');
    emulator.env.clock.advance(HOUR);
    A2.run('sendNotices');
    const resume = () => triggersOf(emulator, 'runScheduledWork');
    expect(resume().map((t) => t.documentId)).toEqual([A1.spreadsheetId, A2.spreadsheetId]);
    emulator.advance(DAY - HOUR + 1000);
    expect(recordsIn(A1, 'Notices').filter((n) => n.Status === 'Sent')).toHaveLength(4);
    expect(resume().map((t) => t.documentId)).toEqual([A2.spreadsheetId]);
    emulator.advance(HOUR);
    expect(recordsIn(A2, 'Notices').filter((n) => n.Status === 'Sent')).toHaveLength(4);
    expect(resume()).toEqual([]);
  });

  it('runs its time-driven trigger at most hourly, with no active spreadsheet, and removes it when done', () => {
    const { emulator, A } = twoCustomers();
    queuedIn(A, 40);
    slowMail(emulator);
    A.run('sendNotices');
    const first = emulator.mailApp.outbox.length;
    expect(first).toBeLessThan(40);
    const [trigger] = triggersOf(emulator, 'runScheduledWork');
    expect(trigger.timing).toMatchObject({ everyMs: HOUR });
    expect(trigger.owner).toBe(ANA);
    emulator.advance(61 * 1000);
    expect(emulator.mailApp.outbox).toHaveLength(first);
    emulator.advance(HOUR);
    expect(emulator.mailApp.outbox).toHaveLength(40);
    expect(new Set(emulator.mailApp.outbox.map((m) => m.to[0])).size).toBe(40);
    expect(triggersOf(emulator, 'runScheduledWork')).toEqual([]);
    expect(recordsIn(A, 'Log').at(-1)).toMatchObject({ Action: 'runScheduledWork', User: ANA });
    // Its user properties no longer name a trigger; its spreadsheet was opened by id.
    const userProps = emulator.within(ANA, null, () => emulator.propertiesService.peek('user'));
    expect(Object.values(userProps).filter((v) => v.includes('runScheduledWork'))).toEqual([]);
    expect(emulator.env.calls.count('Spreadsheet.SpreadsheetApp.openById')).toBeGreaterThan(0);
  });

  it('needs the spreadsheets scope for its hourly run: under spreadsheets.currentonly the run cannot open its spreadsheet', () => {
    const { emulator, A } = twoCustomers();
    const shipped = emulator.manifest!;
    emulator.manifest = {
      ...shipped,
      oauthScopes: shipped.oauthScopes!.map((s) => s.replace('/auth/spreadsheets', '/auth/spreadsheets.currentonly')),
    };
    emulator.load();
    queuedIn(A, 40);
    slowMail(emulator);
    A.run('sendNotices');
    const first = emulator.mailApp.outbox.length;
    expect(first).toBeLessThan(40);
    emulator.advance(HOUR + 61 * 1000);
    // Staff actions in the open spreadsheet still work; the hourly run, with no active spreadsheet, does not.
    expect(emulator.mailApp.outbox).toHaveLength(first);
    expect(emulator.logs.join('\n')).toMatch(
      /Specified permissions are not sufficient to call SpreadsheetApp\.openById/,
    );
  });

  it('ends its hourly trigger, with nothing sent, once its spreadsheet is deleted', () => {
    const { emulator, A } = twoCustomers();
    queuedIn(A, 40);
    slowMail(emulator);
    A.run('sendNotices');
    const first = emulator.mailApp.outbox.length;
    expect(triggersOf(emulator, 'runScheduledWork')).toHaveLength(1);
    emulator.env.drive.remove(A.spreadsheetId!);
    emulator.advance(HOUR + 61 * 1000);
    expect(emulator.mailApp.outbox).toHaveLength(first);
    expect(triggersOf(emulator, 'runScheduledWork')).toEqual([]);
    expect(emulator.logs.join('\n')).toMatch(/stopped: it cannot be opened/);
  });

  it('never sends a notice twice when staff press Send notices while the hourly run is sending', () => {
    const { emulator, A } = twoCustomers();
    queuedIn(A, 40);
    slowMail(emulator);
    A.run('sendNotices');
    let staff: unknown = null;
    atFirst(emulator, 'Mail.MailApp.sendEmail', () => {
      staff = A.run('sendNotices');
    });
    emulator.advance(HOUR + 1000);
    expect(staff).toBe('Another Excursion Desk action is running right now. Please try again in a minute.');
    expect([...deliveries(emulator).values()].every((n) => n === 1)).toBe(true);
    emulator.advance(HOUR);
    expect(deliveries(emulator).size).toBe(40);
    expect([...deliveries(emulator).values()].every((n) => n === 1)).toBe(true);
  });

  it('never sends a notice twice when the hourly run fires while staff are sending', () => {
    const { emulator, A } = twoCustomers();
    queuedIn(A, 40);
    slowMail(emulator);
    A.run('sendNotices');
    const sentBefore = emulator.mailApp.outbox.length;
    emulator.env.clock.advance(HOUR - 1000);
    atFirst(emulator, 'Mail.MailApp.sendEmail', () => {
      emulator.advance(2000);
    });
    A.run('sendNotices');
    expect(recordsIn(A, 'Log').some((r) => r.Details === 'Another run is sending; trying again later')).toBe(true);
    expect(emulator.mailApp.outbox.length).toBeGreaterThan(sentBefore);
    expect([...deliveries(emulator).values()].every((n) => n === 1)).toBe(true);
    emulator.advance(HOUR);
    expect(deliveries(emulator).size).toBe(40);
    expect([...deliveries(emulator).values()].every((n) => n === 1)).toBe(true);
    expect(triggersOf(emulator, 'runScheduledWork')).toEqual([]);
  });

  it('a confirmation queued while the hourly run sends is sent by a later run, once', () => {
    const { emulator, A } = twoCustomers();
    queuedIn(A, 40);
    slowMail(emulator);
    A.run('sendNotices');
    atFirst(emulator, 'Mail.MailApp.sendEmail', () => {
      A.submit(validAnswer({ 'Email address': 'late@ajdovscina.si' }));
    });
    emulator.advance(HOUR + 1000);
    expect(recordsIn(A, 'Log').some((r) => String(r.Details).startsWith('Confirmation left Queued'))).toBe(true);
    emulator.advance(2 * HOUR);
    expect(deliveries(emulator).get('late@ajdovscina.si')).toBe(1);
    expect(triggersOf(emulator, 'runScheduledWork')).toEqual([]);
  });
});

describe('onOpen of the add-on', () => {
  it('in a spreadsheet where the add-on is not used yet runs in AuthMode.NONE: the menu, and nothing else', () => {
    const { emulator } = addonWorkspaces([ANA]);
    const fresh = emulator.createSpreadsheet(ANA, 'Another file');
    const there = emulator.as(ANA, fresh.id);
    emulator.ui.reset();
    const before = emulator.env.calls.snapshot();
    there.open();
    const after = emulator.env.calls.snapshot();
    const called = Object.keys(after).filter((m) => after[m] !== before[m]);
    expect(called.every((m) => /^Spreadsheet\.(SpreadsheetApp\.getUi|Ui\.createAddonMenu|Menu\.)/.test(m))).toBe(true);
    const { menus } = emulator.ui.shownTo(ANA, fresh.id);
    expect(menus).toHaveLength(1);
    expect(menus[0].items.map((i) => (i.kind === 'item' ? i.functionName : i.kind))).toContain('setupWorkspace');
    expect(emulator.isEnabledIn(fresh.id)).toBe(false);
  });

  it('once used in the spreadsheet, opens in LIMITED and reads the staff language from Settings', () => {
    const { emulator } = addonWorkspaces([ANA]);
    const fresh = emulator.createSpreadsheet(ANA, 'Another file');
    const there = emulator.as(ANA, fresh.id);
    there.run('setupWorkspace');
    setSettingIn(there, 'language', 'sl');
    emulator.ui.reset();
    const reads = emulator.env.calls.count('Spreadsheet.SpreadsheetApp.getActiveSpreadsheet');
    there.open();
    expect(emulator.env.calls.count('Spreadsheet.SpreadsheetApp.getActiveSpreadsheet')).toBeGreaterThan(reads);
    const { menus } = emulator.ui.shownTo(ANA, fresh.id);
    expect(menus[0].items.find((i) => i.kind === 'item' && i.functionName === 'setupWorkspace')).toMatchObject({
      caption: 'Nastavitev',
    });
  });
});

describe('the whole season', () => {
  /** Submissions, scoring, allocation and sending with a quota of 5 a day, in one spreadsheet. */
  function season(seat: { run: UserInDocument['run']; submit: UserInDocument['submit'] }, n: number, tag: string) {
    for (let i = 0; i < n; i++) {
      seat.submit(
        validAnswer({
          Municipality: ['Bled', 'Kranj', 'Piran', 'Celje', 'Koper', 'Ptuj'][i],
          'Email address': `${tag}${i}@example.si`,
        }),
      );
    }
    seat.run('scoreApplicants');
    seat.run('allocatePlaces');
    return seat.run('sendNotices');
  }

  it('passes for two interleaved customers of the add-on under build-addon/', () => {
    const { emulator, A, B } = twoCustomers({ mailQuota: 5 });
    expect(emulator.manifest?.oauthScopes).toContain('https://www.googleapis.com/auth/spreadsheets');
    expect(emulator.manifest?.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets.currentonly');
    season(A, 4, 'a');
    season(B, 5, 'b');
    expect(triggersOf(emulator, 'runScheduledWork').map((t) => [t.owner, t.documentId])).toEqual(
      expect.arrayContaining([[ANA, A.spreadsheetId]]),
    );
    // Nobody answers: the hourly trigger sends what the quota held back, reminds each offer once
    // and lapses it after its Reply By, then removes itself.
    for (let day = 0; day < 14; day++) emulator.advance(DAY);
    for (const seat of [A, B]) {
      const notices = recordsIn(seat, 'Notices');
      expect(notices.length).toBeGreaterThan(4);
      expect(notices.filter((n) => n.Status !== 'Sent')).toEqual([]);
    }
    const told = sentTypes(recordsIn(A, 'Notices'), recordsIn(B, 'Notices'));
    expect(new Map([...deliveries(emulator)].map(([to, n]) => [to, n]))).toEqual(
      new Map([...told].map(([to, types]) => [to, types.length])),
    );
    for (const types of told.values()) expect(types).toEqual(['accepted', 'lapsed', 'received', 'reminder']);
    expect(triggersOf(emulator, 'runScheduledWork')).toEqual([]);
    expect([...deliveries(emulator).keys()].filter((to) => to.startsWith('a')).length).toBe(4);
  });

  it('passes bound under build/, resuming by itself', () => {
    const emulator = freshWorkspace({ mailQuota: 5 });
    emulator.run('setupWorkspace');
    setSetting(emulator, 'language', 'en');
    setSetting(emulator, 'quotaReserve', 0);
    expect(emulator.manifest?.oauthScopes).toContain('https://www.googleapis.com/auth/spreadsheets.currentonly');
    season(emulator, 6, 'x');
    expect(triggersOf(emulator, 'runScheduledWork')).toHaveLength(1);
    for (let day = 0; day < 14; day++) emulator.advance(DAY);
    expect(records(emulator, 'Notices').filter((n) => n.Status !== 'Sent')).toEqual([]);
    const told = sentTypes(records(emulator, 'Notices'));
    expect(deliveries(emulator)).toEqual(new Map([...told].map(([to, types]) => [to, types.length])));
    for (const types of told.values()) expect(types).toEqual(['accepted', 'lapsed', 'received', 'reminder']);
    expect(triggersOf(emulator, 'runScheduledWork')).toEqual([]);
  });
});

describe('the two manifests', () => {
  it('differ only in the spreadsheets scope', () => {
    const root = join(__dirname, '../..');
    const bound = JSON.parse(readFileSync(join(root, 'appsscript.json'), 'utf8'));
    const addon = JSON.parse(readFileSync(join(root, 'appsscript.addon.json'), 'utf8'));
    const swap = (scopes: string[]) =>
      scopes.map((s) => s.replace('/auth/spreadsheets.currentonly', '/auth/spreadsheets')).sort();
    expect({ ...addon, oauthScopes: [...addon.oauthScopes].sort() }).toEqual({
      ...bound,
      oauthScopes: swap(bound.oauthScopes),
    });
    expect(bound.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets');
  });
});
