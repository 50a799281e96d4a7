/**
 * The two deployments the emulator runs a bundle in. Bound: one spreadsheet. Add-on: one script
 * project installed by several users in several spreadsheets, where each execution has its user
 * and its document, and the services scope their stores, caches, locks and triggers the way their
 * reference pages say. A tiny bundle stands in for the product.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Emulator, notPermittedInNone } from '../src';
import { ADDON_TRIGGER_TOO_FREQUENT, TOO_MANY_TRIGGERS, tooManyAddonTriggers } from '../src/script';
import { NO_ACCESS } from '../src/spreadsheet';

const LOCK_SERVICE = 'https://developers.google.com/apps-script/reference/lock/lock-service';
const PROPERTIES_SERVICE = 'https://developers.google.com/apps-script/reference/properties/properties-service';
const CACHE_SERVICE = 'https://developers.google.com/apps-script/reference/cache/cache-service';
const SCRIPT_APP = 'https://developers.google.com/apps-script/reference/script/script-app';
const EDITOR_TRIGGERS = 'https://developers.google.com/workspace/add-ons/concepts/editor-triggers';
const AUTH_MODE = 'https://developers.google.com/apps-script/reference/script/auth-mode';
const DEVELOPER_METADATA = 'https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata';

const ANA = 'ana@a.example';
const BOR = 'bor@b.example';

/** A bundle whose functions report what they see; `probe` runs a body sent through a global. */
const BUNDLE = `
var seen = [];
function probe(e) { return globalThis.__body(e); }
function onOpen(e) { SpreadsheetApp.getUi().createAddonMenu().addItem('Go', 'probe').addToUi(); seen.push(e && e.authMode); }
function onInstall(e) { onOpen(e); }
function tick(e) {
  seen.push({
    user: Session.getActiveUser().getEmail(),
    active: SpreadsheetApp.getActiveSpreadsheet(),
    docProps: PropertiesService.getDocumentProperties(),
    docCache: CacheService.getDocumentCache(),
    docLock: LockService.getDocumentLock(),
    uid: e.triggerUid,
  });
}
`;

function bundleDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-deployments-'));
  writeFileSync(join(dir, 'Code.js'), BUNDLE);
  writeFileSync(join(dir, 'appsscript.json'), JSON.stringify({ timeZone: 'Europe/Ljubljana', runtimeVersion: 'V8' }));
  return dir;
}

function addon() {
  const emulator = new Emulator({
    start: new Date('2017-02-06T08:00:00Z'),
    bundleDir: bundleDir(),
    deployment: 'addon',
  });
  emulator.load();
  const a = emulator.createSpreadsheet(ANA, 'A').id;
  const b = emulator.createSpreadsheet(BOR, 'B').id;
  emulator.installAddon(ANA, a);
  emulator.installAddon(BOR, b);
  return { emulator, a, b };
}

/** Runs `body` as a menu item of `user` in `doc`, through the bundle, and returns what it returns. */
function inside<T>(emulator: Emulator, user: string, doc: string | null, body: () => T, trigger = false): T {
  const ctx = (emulator as unknown as { context: Record<string, unknown> }).context;
  ctx.__body = body;
  return emulator.as(user, doc).run('probe', undefined, { trigger }) as T;
}

function globals(emulator: Emulator) {
  return {
    Properties: emulator.propertiesService as unknown as GoogleAppsScript.Properties.PropertiesService,
    Cache: emulator.cacheService as unknown as GoogleAppsScript.Cache.CacheService,
    Lock: emulator.lockService as unknown as GoogleAppsScript.Lock.LockService,
    Script: emulator.scriptApp as unknown as GoogleAppsScript.Script.ScriptApp,
    Sheets: emulator.spreadsheetApp as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp,
  };
}

describe('add-on: what each service shares and what it keeps apart', () => {
  it(`script properties are one store for everyone; user properties per user; document properties per document — ${PROPERTIES_SERVICE}`, () => {
    const { emulator, a, b } = addon();
    const { Properties } = globals(emulator);
    inside(emulator, ANA, a, () => {
      Properties.getScriptProperties().setProperty('k', 'ana');
      Properties.getUserProperties().setProperty('k', 'ana');
      Properties.getDocumentProperties().setProperty('k', 'A');
    });
    const seenByBor = inside(emulator, BOR, b, () => [
      Properties.getScriptProperties().getProperty('k'),
      Properties.getUserProperties().getProperty('k'),
      Properties.getDocumentProperties().getProperty('k'),
    ]);
    expect(seenByBor).toEqual(['ana', null, null]);
    emulator.share(a, BOR);
    expect(inside(emulator, BOR, a, () => Properties.getDocumentProperties().getProperty('k'))).toBe('A');
    // "When document properties are not available this method returns null."
    expect(inside(emulator, ANA, null, () => Properties.getDocumentProperties())).toBeNull();
  });

  it(`the script cache is common to all users; user and document caches are not, and there is no document cache outside a document — ${CACHE_SERVICE}`, () => {
    const { emulator, a, b } = addon();
    const { Cache } = globals(emulator);
    inside(emulator, ANA, a, () => {
      Cache.getScriptCache().put('k', 'ana');
      Cache.getUserCache().put('k', 'ana');
      Cache.getDocumentCache()!.put('k', 'A');
    });
    const seenByBor = inside(emulator, BOR, b, () => [
      Cache.getScriptCache().get('k'),
      Cache.getUserCache().get('k'),
      Cache.getDocumentCache()!.get('k'),
    ]);
    expect(seenByBor).toEqual(['ana', null, null]);
    expect(inside(emulator, ANA, null, () => Cache.getDocumentCache())).toBeNull();
  });

  it(`a script lock held in one document blocks every document; a document lock only its own; a user lock only its user — ${LOCK_SERVICE}`, () => {
    const { emulator, a, b } = addon();
    const { Lock } = globals(emulator);
    const tryIn = (user: string, doc: string, kind: 'script' | 'document' | 'user') =>
      inside(emulator, user, doc, () => {
        const lock =
          kind === 'script' ? Lock.getScriptLock() : kind === 'user' ? Lock.getUserLock() : Lock.getDocumentLock();
        return lock!.tryLock(0);
      });
    const nested = (kind: 'script' | 'document' | 'user', user: string, doc: string) =>
      inside(emulator, ANA, a, () => {
        const mine =
          kind === 'script' ? Lock.getScriptLock() : kind === 'user' ? Lock.getUserLock() : Lock.getDocumentLock();
        mine!.waitLock(0);
        return tryIn(user, doc, kind);
      });
    expect(nested('script', BOR, b)).toBe(false);
    expect(nested('document', BOR, b)).toBe(true);
    emulator.share(a, BOR);
    expect(nested('document', BOR, a)).toBe(false);
    expect(nested('user', BOR, b)).toBe(true);
    expect(nested('user', ANA, b)).toBe(false);
    expect(inside(emulator, ANA, null, () => Lock.getDocumentLock())).toBeNull();
  });
});

describe('add-on triggers', () => {
  it(`getProjectTriggers: the user's triggers of every document; getUserTriggers: of one document; never another user's — ${SCRIPT_APP}`, () => {
    const { emulator, a, b } = addon();
    const { Script, Sheets } = globals(emulator);
    const second = emulator.createSpreadsheet(ANA, 'A2').id;
    for (const doc of [a, second]) {
      inside(emulator, ANA, doc, () => {
        Script.newTrigger('tick').forSpreadsheet(Sheets.getActiveSpreadsheet()).onFormSubmit().create();
        Script.newTrigger('tick').timeBased().everyHours(1).create();
      });
    }
    inside(emulator, BOR, b, () => Script.newTrigger('tick').timeBased().everyHours(1).create());
    const project = inside(emulator, ANA, a, () => Script.getProjectTriggers().length);
    const ofA = inside(emulator, ANA, a, () => Script.getUserTriggers(Sheets.getActiveSpreadsheet()).length);
    expect([project, ofA]).toEqual([4, 2]);
    // Deleting another user's trigger does nothing.
    const borsUid = emulator.triggers.all().find((t) => t.owner === BOR)!.uid;
    inside(emulator, ANA, a, () => {
      const fake = { getUniqueId: () => borsUid } as unknown as GoogleAppsScript.Script.Trigger;
      Script.deleteTrigger(fake);
    });
    expect(emulator.triggers.get(borsUid)).toBeDefined();
  });

  it(`one trigger of each type per user per document, named in the error — ${EDITOR_TRIGGERS}`, () => {
    const { emulator, a, b } = addon();
    const { Script } = globals(emulator);
    inside(emulator, ANA, a, () => Script.newTrigger('tick').timeBased().everyHours(1).create());
    expect(() => inside(emulator, ANA, a, () => Script.newTrigger('tick').timeBased().everyHours(2).create())).toThrow(
      tooManyAddonTriggers('CLOCK'),
    );
    expect(tooManyAddonTriggers('CLOCK')).toBe(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
    expect(() =>
      inside(emulator, BOR, b, () => Script.newTrigger('tick').timeBased().everyHours(1).create()),
    ).not.toThrow();
  });

  it(`time-driven triggers no more often than hourly, one-off ones included (the stricter reading) — ${EDITOR_TRIGGERS}`, () => {
    const { emulator, a } = addon();
    const { Script } = globals(emulator);
    const make =
      (build: (b: GoogleAppsScript.Script.ClockTriggerBuilder) => GoogleAppsScript.Script.ClockTriggerBuilder) => () =>
        inside(emulator, ANA, a, () => build(Script.newTrigger('tick').timeBased()).create());
    expect(make((t) => t.everyMinutes(30))).toThrow(ADDON_TRIGGER_TOO_FREQUENT);
    expect(make((t) => t.after(60 * 1000))).toThrow(ADDON_TRIGGER_TOO_FREQUENT);
    expect(make((t) => t.after(3600 * 1000))).not.toThrow();
  });

  it('bound, the same calls are allowed; the 20-trigger quota counts per user', () => {
    const emulator = new Emulator({ start: new Date('2017-02-06T08:00:00Z'), bundleDir: bundleDir() }).load();
    emulator.createBoundSpreadsheet();
    const { Script } = globals(emulator);
    inside(emulator, ANA, emulator.workbook().id, () => {
      Script.newTrigger('tick').timeBased().everyMinutes(1).create();
      for (let i = 1; i < 20; i++)
        Script.newTrigger('tick')
          .timeBased()
          .after(60 * 1000)
          .create();
    });
    expect(() =>
      inside(emulator, ANA, emulator.workbook().id, () => Script.newTrigger('tick').timeBased().after(1).create()),
    ).toThrow(TOO_MANY_TRIGGERS);
    expect(() =>
      inside(emulator, BOR, emulator.workbook().id, () => Script.newTrigger('tick').timeBased().after(1).create()),
    ).not.toThrow();
  });

  it("an add-on's time-driven trigger runs as its owner with no active document and carries triggerUid", () => {
    const { emulator, a } = addon();
    const { Script } = globals(emulator);
    inside(emulator, ANA, a, () => Script.newTrigger('tick').timeBased().everyHours(1).create());
    emulator.advance(3600 * 1000 + 1);
    const seen = (emulator as unknown as { context: { seen: Record<string, unknown>[] } }).context.seen;
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ user: ANA, active: null, docProps: null, docCache: null, docLock: null });
    expect(last.uid).toBe(emulator.triggers.all()[0].uid);
  });

  it('bound, a time-driven trigger runs in the bound spreadsheet', () => {
    const emulator = new Emulator({ start: new Date('2017-02-06T08:00:00Z'), bundleDir: bundleDir() }).load();
    const ss = emulator.createBoundSpreadsheet();
    const { Script } = globals(emulator);
    inside(emulator, ANA, ss.id, () => Script.newTrigger('tick').timeBased().after(1000).create());
    emulator.advance(2000);
    const seen = (emulator as unknown as { context: { seen: Record<string, unknown>[] } }).context.seen;
    const last = seen.at(-1)! as { active: GoogleAppsScript.Spreadsheet.Spreadsheet; user: string };
    expect([last.user, last.active.getId()]).toEqual([ANA, ss.id]);
  });
});

describe('add-on authorization', () => {
  it(`onOpen runs in NONE where the user installed the add-on elsewhere but has not used it here; only the menu works — ${AUTH_MODE}`, () => {
    const { emulator } = addon();
    const fresh = emulator.createSpreadsheet(ANA, 'C').id;
    emulator.as(ANA, fresh).open();
    const seen = (emulator as unknown as { context: { seen: unknown[] } }).context.seen;
    expect(seen.at(-1)).toBe('NONE');
    expect(emulator.ui.shownTo(ANA, fresh).menus).toHaveLength(1);
    expect(() => emulator.as(ANA, fresh).run('tick', { triggerUid: 'x' }, { authMode: 'NONE' })).toThrow(
      notPermittedInNone('Base.Session.getActiveUser'),
    );
    expect(notPermittedInNone('Spreadsheet.SpreadsheetApp.getActiveSpreadsheet')).toBe(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet',
    );
    // Used there once (a menu item), later opens run in LIMITED.
    inside(emulator, ANA, fresh, () => null);
    emulator.as(ANA, fresh).open();
    expect(seen.at(-1)).toBe('LIMITED');
  });

  it('SpreadsheetApp.openById opens what the user may open, and refuses the rest', () => {
    const { emulator, a, b } = addon();
    const { Sheets } = globals(emulator);
    expect(inside(emulator, ANA, null, () => Sheets.openById(a).getId())).toBe(a);
    expect(() => inside(emulator, ANA, null, () => Sheets.openById(b))).toThrow(NO_ACCESS);
    emulator.share(b, ANA);
    expect(inside(emulator, ANA, null, () => Sheets.openById(b).getId())).toBe(b);
  });
});

describe('Spreadsheet developer metadata', () => {
  it(`adds, lists, reads and removes spreadsheet-level metadata — ${DEVELOPER_METADATA}`, () => {
    const { emulator, a } = addon();
    const { Sheets } = globals(emulator);
    const out = inside(emulator, ANA, a, () => {
      const ss = Sheets.getActiveSpreadsheet();
      ss.addDeveloperMetadata('lease', '{"holder":"x"}').addDeveloperMetadata('flag');
      const listed = ss.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue()]);
      ss.getDeveloperMetadata()[0].remove();
      return { listed, after: ss.getDeveloperMetadata().map((m) => m.getKey()) };
    });
    expect(out).toEqual({
      listed: [
        ['lease', '{"holder":"x"}'],
        ['flag', null],
      ],
      after: ['flag'],
    });
    expect(emulator.env.calls.count('Spreadsheet.DeveloperMetadata.remove')).toBe(1);
  });
});
