/**
 * The pushed bundle as Apps Script sees it: one file of top-level functions, the manifest, and the
 * menu. Loaded through gas-local into the emulator, as the CLI does.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILD_DIR, freshWorkspace, setSetting, setUpWorkspace } from './harness';

const ENTRY_POINTS = [
  'onOpen',
  'onInstall',
  'onFormSubmit',
  'setupWorkspace',
  'refreshForm',
  'sendInvitations',
  'scoreApplicants',
  'allocatePlaces',
  'previewNotices',
  'sendNotices',
  'runScheduledWork',
  'showDashboard',
  'getDashboardData',
];
const code = readFileSync(join(BUILD_DIR, 'Code.js'), 'utf8');

describe('build/Code.js', () => {
  it.each(ENTRY_POINTS)('declares %s as a top-level function', (name) => {
    expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    expect(freshWorkspace().globalFunctions()).toContain(name);
  });

  it('declares no other top-level function and no ES module syntax clasp push would refuse', () => {
    const declared = [...code.matchAll(/^function (\w+)\(/gm)].map((m) => m[1]).sort();
    expect(declared).toEqual([...ENTRY_POINTS].sort());
    expect(code).not.toMatch(/^(export|import)\s/m);
  });

  it('sends mail through MailApp only, never GmailApp', () => {
    expect(code).not.toContain('GmailApp');
  });

  it('keeps č, š and ž readable in the bundle', () => {
    expect(code).toContain('Nadzorna plošča');
  });
});

describe('the build script', () => {
  const dir = mkdtempSync(join(tmpdir(), 'build-'));
  const build = (source: string) => {
    const entry = join(dir, `entry-${Math.random().toString(36).slice(2)}.ts`);
    writeFileSync(entry, source);
    try {
      execFileSync(
        process.execPath,
        [join(__dirname, '../../scripts/build.mjs'), '--entry', entry, '--out', join(dir, 'out')],
        {
          encoding: 'utf8',
          stdio: 'pipe',
        },
      );
      return { ok: true, message: readFileSync(join(dir, 'out/Code.js'), 'utf8') };
    } catch (e) {
      return { ok: false, message: String((e as { stderr: string }).stderr) };
    }
  };

  it('fails with a clear message when an export is not a function', () => {
    const result = build('export const VERSION = "1";\nexport function onOpen() {}\n');
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/exports "VERSION", which is not a function/);
  });

  it('writes one forwarder per exported function, so the list follows the exports', () => {
    const result = build('export function a() { return 1; }\nexport function b(x: number) { return x; }\n');
    expect(result.ok).toBe(true);
    expect([...result.message.matchAll(/^function (\w+)\(/gm)].map((m) => m[1])).toEqual(['a', 'b']);
  });
});

describe('the manifest', () => {
  const manifest = JSON.parse(readFileSync(join(BUILD_DIR, 'appsscript.json'), 'utf8'));

  it('runs on V8 in Europe/Ljubljana', () => {
    expect(manifest).toMatchObject({ runtimeVersion: 'V8', timeZone: 'Europe/Ljubljana' });
    expect(manifest.addOns).toBeUndefined();
  });

  it('asks for least-privilege scopes only: MailApp sending, drive.file, no Gmail, no full Drive', () => {
    const scopes: string[] = manifest.oauthScopes;
    expect([...scopes].sort()).toEqual(
      [
        'https://www.googleapis.com/auth/spreadsheets.currentonly',
        'https://www.googleapis.com/auth/forms',
        'https://www.googleapis.com/auth/documents',
        'https://www.googleapis.com/auth/drive.file',
        'https://www.googleapis.com/auth/script.send_mail',
        'https://www.googleapis.com/auth/script.scriptapp',
        'https://www.googleapis.com/auth/script.container.ui',
        'https://www.googleapis.com/auth/userinfo.email',
      ].sort(),
    );
    expect(scopes.some((s) => s.includes('gmail') || s.includes('mail.google.com'))).toBe(false);
    expect(new Set(scopes).size).toBe(scopes.length);
  });

  it('enables the Advanced Drive service (v3) as "Drive", and the bundle never calls DriveApp, which needs the full drive scope', () => {
    expect(manifest.dependencies).toEqual({
      enabledAdvancedServices: [{ userSymbol: 'Drive', serviceId: 'drive', version: 'v3' }],
    });
    expect(code).not.toMatch(/\bDriveApp\b/);
  });
});

describe('the menu', () => {
  const captions = (emulator: ReturnType<typeof freshWorkspace>) =>
    emulator.ui.menus[0].items.map((i) => ('caption' in i ? `${i.caption}=${i.functionName}` : '---'));

  it('is built in English for an English user before Set up', () => {
    const emulator = freshWorkspace({ locale: 'en_GB' });
    emulator.open();
    expect(captions(emulator)).toEqual([
      'Set up=setupWorkspace',
      'Refresh form from Excursions=refreshForm',
      'Send the call=sendInvitations',
      '---',
      'Score applicants=scoreApplicants',
      'Allocate places=allocatePlaces',
      '---',
      'Preview notices=previewNotices',
      'Send notices=sendNotices',
      '---',
      'Dashboard=showDashboard',
    ]);
  });

  it('is built in Slovenian when Settings say sl', () => {
    const emulator = setUpWorkspace({ locale: 'en_GB' });
    setSetting(emulator, 'language', 'sl');
    emulator.open();
    expect(captions(emulator)).toEqual([
      'Nastavitev=setupWorkspace',
      'Osveži obrazec iz ekskurzij=refreshForm',
      'Pošlji poziv občinam=sendInvitations',
      '---',
      'Točkuj prijavitelje=scoreApplicants',
      'Razporedi mesta=allocatePlaces',
      '---',
      'Predogled obvestil=previewNotices',
      'Pošlji obvestila=sendNotices',
      '---',
      'Nadzorna plošča=showDashboard',
    ]);
  });

  it('follows the user locale when the add-on may not read the sheet yet (AuthMode.NONE)', () => {
    const emulator = setUpWorkspace({ locale: 'sl_SI' });
    setSetting(emulator, 'language', 'en');
    emulator.run('onOpen', { authMode: 'NONE' });
    expect(captions(emulator)[0]).toBe('Nastavitev=setupWorkspace');
  });

  it('is built by onInstall too, without reopening the file', () => {
    const emulator = freshWorkspace({ locale: 'en' });
    emulator.run('onInstall', { authMode: 'FULL' });
    expect(emulator.ui.menus).toHaveLength(1);
  });
});
