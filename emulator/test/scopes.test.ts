/**
 * The scopes table and its enforcement: every member a fake records has a row citing its
 * reference page, and a call the manifest does not authorize throws what Apps Script throws.
 */
import { join } from 'node:path';
import { FakeAdvancedDrive } from '../src/advanced-drive';
import { FakeDriveApp } from '../src/drive';
import { createEnv } from '../src/env';
import { Emulator } from '../src/index';
import { grantedScopes, type Manifest } from '../src/manifest';
import { SCOPE, SCOPE_ROWS, SCOPES_TABLE, scopeCheck } from '../src/scopes';
import { FakeSpreadsheetApp } from '../src/spreadsheet';
import { FakeUi } from '../src/ui';
import { membersIn, recordedMembers } from './recorded-members';

const BUILD_DIR = join(__dirname, '../../build');

describe('the scopes table', () => {
  it('has a row for every member any fake records', () => {
    const names = recordedMembers();
    expect(names.length).toBeGreaterThan(700);
    expect(names.filter((n) => !SCOPES_TABLE.has(n))).toEqual([]);
  });

  it('reads the names a class builds from its class name, not only the literal ones', () => {
    const names = recordedMembers();
    for (const n of [
      'Forms.TextItem.setTitle',
      'Forms.TextValidationBuilder.build',
      'Document.Paragraph.appendText',
      'Document.Text.setBold',
      'Drive.File.makeCopy',
      'Drive.FileIterator.next',
      'Script.ClockTriggerBuilder.everyHours',
      'Drive.Files.create',
    ])
      expect([n, names.includes(n)]).toEqual([n, true]);
    const src = `abstract class Base { protected abstract readonly cls: string;
      protected rec(method: string) { this.env.calls.record(\`Forms.\${this.cls}.\${method}\`); }
      getId() { this.rec('getId'); } }
    class Thing extends Base { protected readonly cls = 'Thing'; frob() { this.rec('frob'); this.other('nope'); } }`;
    expect([...membersIn(src)].sort()).toEqual(['Forms.Thing.frob', 'Forms.Thing.getId']);
  });

  it('cites a reference page on every row, and lists only known scope URLs', () => {
    const known = new Set<string>(Object.values(SCOPE));
    for (const row of SCOPE_ROWS) {
      expect([row.member, row.page]).toEqual([
        row.member,
        expect.stringMatching(/^https:\/\/developers\.google\.com\//),
      ]);
      for (const s of row.scopes) expect([row.member, known.has(s)]).toEqual([row.member, true]);
    }
    expect(new Set(SCOPE_ROWS.map((r) => r.member)).size).toBe(SCOPE_ROWS.length);
  });

  it('follows the pages: currentonly for the bound file, the full scope to open another, drive for every DriveApp call', () => {
    expect(SCOPES_TABLE.get('Spreadsheet.Range.getValues')?.scopes).toEqual([
      SCOPE.spreadsheetsCurrentOnly,
      SCOPE.spreadsheets,
    ]);
    expect(SCOPES_TABLE.get('Spreadsheet.SpreadsheetApp.openById')?.scopes).toEqual([SCOPE.spreadsheets]);
    expect(SCOPES_TABLE.get('Forms.FormApp.create')?.scopes).toEqual([SCOPE.forms]);
    expect(SCOPES_TABLE.get('Document.DocumentApp.openById')?.scopes).toEqual([SCOPE.documents]);
    expect(SCOPES_TABLE.get('Drive.DriveApp.createFolder')?.scopes).toEqual([SCOPE.drive]);
    expect(SCOPES_TABLE.get('Drive.DriveApp.getFileById')?.scopes).toEqual([SCOPE.driveReadonly, SCOPE.drive]);
    expect(SCOPES_TABLE.get('Drive.Files.create')?.scopes).toContain(SCOPE.driveFile);
    expect(SCOPES_TABLE.get('Spreadsheet.Ui.showSidebar')?.scopes).toEqual([SCOPE.containerUi]);
    expect(SCOPES_TABLE.get('Spreadsheet.Ui.alert')?.scopes).toEqual([]);
    expect(SCOPES_TABLE.get('Mail.MailApp.sendEmail')?.scopes).toEqual([SCOPE.sendMail]);
    expect(SCOPES_TABLE.get('Base.Session.getActiveUser')?.scopes).toEqual([SCOPE.userinfoEmail]);
    expect(SCOPES_TABLE.get('Base.Session.getScriptTimeZone')?.scopes).toEqual([]);
    expect(SCOPES_TABLE.get('Utilities.Utilities.newBlob')?.scopes).toEqual([]);
  });
});

describe('enforcement', () => {
  const manifest = (oauthScopes?: string[]): Manifest => ({ runtimeVersion: 'V8', oauthScopes });

  /** Fakes over a kernel whose calls are checked against `scopes`. */
  function checked(scopes?: string[]) {
    const env = createEnv();
    env.calls.authorize = scopeCheck(grantedScopes(manifest(scopes)));
    const ui = new FakeUi(env);
    return { env, ui, sheets: new FakeSpreadsheetApp(env, ui), drive: new FakeDriveApp(env) };
  }

  // "Specified permissions are not sufficient to call DriveApp.createFolder. Required permissions:
  // https://www.googleapis.com/auth/drive" (public reports of the runtime's message).
  it('refuses a DriveApp call under drive.file, as an Exception naming the call and the scope', () => {
    const { drive } = checked([SCOPE.driveFile]);
    let error: Error | null = null;
    try {
      drive.createFolder('Templates');
    } catch (e) {
      error = e as Error;
    }
    expect(error?.name).toBe('Exception');
    expect(String(error)).toBe(
      'Exception: Specified permissions are not sufficient to call DriveApp.createFolder. Required permissions: https://www.googleapis.com/auth/drive',
    );
  });

  it('writes alternative scopes as (A || B), and names a class method by its class', () => {
    const { sheets } = checked([SCOPE.forms]);
    expect(() => sheets.getActiveSpreadsheet()).toThrow(
      'Specified permissions are not sufficient to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)',
    );
    const { ui } = checked([SCOPE.spreadsheetsCurrentOnly]);
    expect(() => ui.showSidebar({} as GoogleAppsScript.HTML.HtmlOutput)).toThrow(
      /^Specified permissions are not sufficient to call Ui\.showSidebar\. Required permissions: https:\/\/www\.googleapis\.com\/auth\/script\.container\.ui$/,
    );
  });

  it('lets a call run when any one of its scopes is granted, and a call that needs none always', () => {
    const { sheets, env } = checked([SCOPE.spreadsheets]);
    const ss = sheets.create('x');
    env.activeSpreadsheetId = ss.getId();
    expect(sheets.getActiveSpreadsheet().getId()).toBe(ss.getId());
    expect(() => sheets.getUi()).not.toThrow();
  });

  it('refuses SpreadsheetApp.create and openById under spreadsheets.currentonly', () => {
    const { sheets, env } = checked([SCOPE.spreadsheetsCurrentOnly]);
    expect(() => sheets.create('x')).toThrow(
      /call SpreadsheetApp\.create\. Required permissions: .*auth\/spreadsheets$/,
    );
    expect(() => sheets.openById('x')).toThrow(/call SpreadsheetApp\.openById\./);
    expect(() => sheets.newDataValidation()).not.toThrow();
    // A refused call is not counted: it never ran.
    expect(env.calls.count('Spreadsheet.SpreadsheetApp.create')).toBe(0);
  });

  it('refuses a member the table lacks, naming it, whatever the scopes', () => {
    const env = createEnv();
    env.calls.authorize = scopeCheck('all');
    expect(() => env.calls.record('Spreadsheet.Range.frobnicate')).toThrow(
      /no scopes row for Spreadsheet\.Range\.frobnicate: add the scopes its reference page lists/,
    );
  });

  it('grants every scope when the manifest lists none (Apps Script infers them), and checks nothing without an Emulator', () => {
    const { drive } = checked(undefined);
    expect(() => drive.createFolder('a')).not.toThrow();
    const bare = new FakeDriveApp(createEnv());
    expect(() => bare.createFolder('b')).not.toThrow();
  });

  it('answers an advanced service call without its scope as the API does (403 insufficient scopes)', () => {
    const env = createEnv();
    env.calls.authorize = scopeCheck(grantedScopes(manifest([SCOPE.documents])));
    const drive = new FakeAdvancedDrive(env, () => grantedScopes(manifest([SCOPE.documents])));
    expect(() => drive.Files.create({ name: 'x' })).toThrow(
      'API call to drive.files.create failed with error: Request had insufficient authentication scopes.',
    );
  });

  it('is installed by Emulator.load() from the manifest the bundle runs under', () => {
    const emulator = new Emulator({ bundleDir: BUILD_DIR, manifest: manifest([SCOPE.driveFile]) });
    emulator.createBoundSpreadsheet();
    emulator.load();
    expect(() => emulator.driveApp.getRootFolder()).toThrow(/call DriveApp\.getRootFolder\. Required permissions: \(/);
    expect(() => emulator.spreadsheetApp.getActiveSpreadsheet()).toThrow(/call SpreadsheetApp\.getActiveSpreadsheet/);
  });
});
