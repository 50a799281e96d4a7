/**
 * Every Apps Script member the pushed bundle calls has a row in the emulator's scopes table
 * (emulator/src/scopes.ts), and every service global it names is one the table covers: a call the
 * table does not know could need a scope the manifest lacks, and the offline suite would not see it.
 * Apps Script's method names come from @types/google-apps-script (every class and interface, and the
 * Drive API v3 of the Advanced Drive service).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCOPE_ROWS, SERVICE_GLOBALS } from '../../emulator/src/scopes';
import { BUILD_DIR } from './harness';

const TYPES = join(__dirname, '../../node_modules/@types/google-apps-script');
const TYPE_FILES = [
  ...readdirSync(TYPES)
    .filter((f) => f.endsWith('.d.ts'))
    .map((f) => join(TYPES, f)),
  join(TYPES, 'apis/drive_v3.d.ts'),
];

/**
 * Names that are Apps Script methods of some class the table has no row for, and that the bundle
 * calls as plain JavaScript; each with where it comes from.
 */
const PLAIN_JAVASCRIPT: Record<string, string> = {
  UTC: 'Date.UTC',
  find: 'Array.prototype.find',
  getTime: 'Date.prototype.getTime',
  error: 'console.error (the English account of a stopped action, src/workspace/actions.ts)',
  info: 'console.info',
  now: 'Date.now',
  parse: 'JSON.parse and Date.parse',
  replace: 'String.prototype.replace',
  reply: "the personal reply link of src/workspace/links.ts (Links.reply), not GmailMessage's",
  sort: 'Array.prototype.sort',
  toISOString: 'Date.prototype.toISOString',
  toLocaleString: 'Number.prototype.toLocaleString',
  toString: 'Object.prototype.toString',
};

const typeSources = TYPE_FILES.map((f) => readFileSync(f, 'utf8'));
/** Every method name any Apps Script class or interface declares. */
const APPS_SCRIPT_METHODS = new Set(
  typeSources.flatMap((s) => [...s.matchAll(/^\s+(\w+)\s*(?:<[^>]*>)?\(/gm)].map((m) => m[1])),
);
/** Every global Apps Script declares as a service object ("declare var SpreadsheetApp: ..."). */
const APPS_SCRIPT_GLOBALS = new Set(
  typeSources.flatMap((s) => [...s.matchAll(/^declare var (\w+): GoogleAppsScript\./gm)].map((m) => m[1])),
);
/** Enums: globals with constants only, so no member of theirs is called. */
const ENUM_GLOBALS = new Set(['MimeType', 'Charset', 'DigestAlgorithm', 'MacAlgorithm', 'RsaAlgorithm']);
const ROW_METHODS = new Set(SCOPE_ROWS.map((r) => r.member.slice(r.member.lastIndexOf('.') + 1)));

/** The Apps Script methods and service globals `code` uses that the scopes table does not cover. */
function unknownMembers(code: string): { methods: string[]; services: string[] } {
  const called = new Set([...code.matchAll(/\.\s*(\w+)\s*\(/g)].map((m) => m[1]));
  const methods = [...called]
    .filter((n) => APPS_SCRIPT_METHODS.has(n) && !ROW_METHODS.has(n) && !(n in PLAIN_JAVASCRIPT))
    .sort();
  const services = [...APPS_SCRIPT_GLOBALS]
    .filter((g) => !ENUM_GLOBALS.has(g) && !SERVICE_GLOBALS.includes(g))
    .filter((g) => new RegExp(`(?<![.\\w$])${g}\\s*\\.|typeof ${g}\\b`).test(code))
    .sort();
  return { methods, services };
}

describe('the scopes table covers the bundle', () => {
  it('has a row for every Apps Script method build/Code.js calls, and every service it names', () => {
    const code = readFileSync(join(BUILD_DIR, 'Code.js'), 'utf8');
    expect(unknownMembers(code)).toEqual({ methods: [], services: [] });
    // The check looks at real calls: these are in the bundle and known.
    expect(code).toMatch(/\.getValues\(/);
    expect(code).toMatch(/\.Files\.create\(/);
  });

  it('keeps the plain-JavaScript list honest: each name is an Apps Script method with no row', () => {
    for (const name of Object.keys(PLAIN_JAVASCRIPT))
      expect([name, APPS_SCRIPT_METHODS.has(name), ROW_METHODS.has(name)]).toEqual([name, true, false]);
  });

  it('fails, naming them, for a bundle that calls a member or a service the table lacks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'members-'));
    const entry = join(dir, 'entry.ts');
    writeFileSync(
      entry,
      [
        'export function probe() {',
        "  SpreadsheetApp.getActiveSpreadsheet().getRange('A1').createTextFinder('x');",
        '  DriveApp.getStorageUsed();',
        "  GmailApp.sendEmail('a@example.org', 's', 'b');",
        '}',
      ].join('\n'),
    );
    execFileSync(
      process.execPath,
      [join(__dirname, '../../scripts/build.mjs'), '--entry', entry, '--out', join(dir, 'out')],
      {
        stdio: 'pipe',
      },
    );
    const code = readFileSync(join(dir, 'out/Code.js'), 'utf8');
    expect(unknownMembers(code)).toEqual({ methods: ['createTextFinder', 'getStorageUsed'], services: ['GmailApp'] });
  });
});
