/**
 * The shipped manifest's scopes, each one needed and none missing: every entry point runs under the
 * full manifest without a single refused call, and with any one scope removed at least one entry
 * point ends differently (a message, a Log line, a blank where a value was), with the Apps Script
 * refusal as the cause. The emulator refuses calls from emulator/src/scopes.ts.
 */
import type { Emulator } from '../../emulator/src';
import type { Manifest } from '../../emulator/src/manifest';
import { freshWorkspace, setSetting, setUpWorkspace, shippedManifest, underManifest, validAnswer } from './harness';

type State = 'fresh' | 'setUp' | 'applied' | 'scored' | 'allocated';

/** The entry points (SPEC section 2), each from the state it needs, run as Apps Script runs it. */
const ENTRY_POINTS: { name: string; from: State; run?: (e: Emulator, name: string) => unknown }[] = [
  { name: 'setupWorkspace', from: 'fresh' },
  { name: 'onOpen', from: 'setUp', run: (e) => e.open() },
  { name: 'onFormSubmit', from: 'setUp', run: (e) => e.submit(validAnswer({ Municipality: 'Bohinj' })) },
  { name: 'scoreApplicants', from: 'applied' },
  { name: 'allocatePlaces', from: 'scored' },
  { name: 'previewNotices', from: 'allocated' },
  { name: 'sendNotices', from: 'allocated' },
  { name: 'resumeSending', from: 'allocated', run: (e, name) => e.run(name, undefined, { trigger: true }) },
  { name: 'showDashboard', from: 'allocated' },
  { name: 'getDashboardData', from: 'allocated' },
];

const REFUSAL = /Specified permissions are not sufficient to call [^\n"]*|insufficient authentication scopes/;

/** A workspace in `state`, made under the full manifest. */
function prepare(state: State): Emulator {
  if (state === 'fresh') return freshWorkspace({ start: new Date('2017-02-06T08:00:00Z') });
  const e = setUpWorkspace({ language: 'en' });
  setSetting(e, 'attachPdf', true);
  if (state === 'setUp') return e;
  e.submit(validAnswer());
  if (state === 'applied') return e;
  e.run('scoreApplicants');
  if (state === 'scored') return e;
  e.run('allocatePlaces');
  return e;
}

/** Everything staff and applicants could see after a run: its result, the sheets, the UI, mail, Drive, triggers. */
function visible(e: Emulator, result: unknown): string {
  // Each workspace's reply secret is random (Utilities.getUuid): a Reply code's signature is not compared.
  return JSON.stringify({
    result,
    sheets: e.workbook().sheets.map((s) => [s.name, s.dataValues()]),
    ui: [e.ui.alerts, e.ui.dialogs, e.ui.sidebars, e.ui.menus.map((m) => m.items)],
    mail: e.mailApp.outbox.map((m) => [m.to, m.subject, m.attachments.length]),
    drive: e.env.drive.all().map((f) => [f.name, f.mimeType, f.trashed]),
    triggers: e.triggers.all().map((t) => [t.handlerFunction, t.eventType, t.disabled === true]),
  }).replace(/(\.\d+\.)[A-Za-z0-9_-]{16}(?![A-Za-z0-9_-])/g, '$1<signature>');
}

/** Runs one entry point under `manifest`: what it left visible, and the calls the emulator refused. */
function outcome(entry: (typeof ENTRY_POINTS)[number], manifest: Manifest): { seen: string; refused: string[] } {
  const e = underManifest(prepare(entry.from), manifest);
  e.ui.reset();
  const refused: string[] = [];
  const check = e.env.calls.authorize;
  e.env.calls.authorize = (member) => {
    try {
      check?.(member);
    } catch (err) {
      refused.push(`${(err as Error).name}: ${(err as Error).message}`);
      throw err;
    }
  };
  let result: unknown;
  try {
    result = (entry.run ?? ((em, name) => em.run(name)))(e, entry.name);
  } catch (err) {
    result = `threw ${String(err)}`;
  }
  return { seen: visible(e, result), refused };
}

const shipped = shippedManifest();
const scopes = shipped.oauthScopes ?? [];
const baseline = new Map(ENTRY_POINTS.map((entry) => [entry.name, outcome(entry, shipped)]));

describe('the shipped manifest', () => {
  it('lists scopes explicitly', () => {
    expect(scopes.length).toBeGreaterThan(0);
  });

  it.each(ENTRY_POINTS.map((e) => e.name))('lets %s run without a refused call (no missing scope)', (name) => {
    const run = baseline.get(name)!;
    expect(run.refused).toEqual([]);
    expect(run.seen).not.toMatch(REFUSAL);
  });

  it('runs each entry point the same way twice (the comparison below is fair)', () => {
    for (const entry of ENTRY_POINTS)
      expect([entry.name, outcome(entry, shipped).seen]).toEqual([entry.name, baseline.get(entry.name)!.seen]);
  });
});

describe('each scope of the shipped manifest', () => {
  it.each(scopes)('is needed: without %s, an entry point fails with the Apps Script refusal', (scope) => {
    const reduced: Manifest = { ...shipped, oauthScopes: scopes.filter((s) => s !== scope) };
    const failures: Record<string, string> = {};
    for (const entry of ENTRY_POINTS) {
      const run = outcome(entry, reduced);
      if (run.seen !== baseline.get(entry.name)!.seen) {
        // Whatever changed, a refused call is its cause, and it names the scope taken away.
        expect([entry.name, run.refused.length > 0]).toEqual([entry.name, true]);
        failures[entry.name] = run.refused[0];
      }
    }
    expect(Object.keys(failures).length).toBeGreaterThan(0);
    for (const message of Object.values(failures))
      expect(message).toMatch(/^(Exception|GoogleJsonResponseException): /);
    expect(
      Object.values(failures).some((m) => m.includes(scope) || m.includes('insufficient authentication scopes')),
    ).toBe(true);
  });
});
