/**
 * DriveApp fake: folders, files, iterators, copies, trash, exports, blobs, call counting and
 * fault injection. Each quirk cites the Apps Script reference it copies.
 */
import { FakeAdvancedDrive } from '../src/advanced-drive';
import { FakeBlob, renderPdf } from '../src/blob';
import { FakeDocumentApp } from '../src/document';
import { FakeDriveApp, type FakeFile } from '../src/drive';
import { createEnv, type Env, InjectedFault } from '../src/env';
import { Emulator } from '../src/index';
import { DOCUMENT_MIME, FOLDER_MIME, FORM_MIME, SPREADSHEET_MIME, SpreadsheetModel } from '../src/spreadsheet-model';

type Blob = GoogleAppsScript.Base.Blob;

function setup(): { env: Env; drive: FakeDriveApp; docs: FakeDocumentApp } {
  const env = createEnv({ start: new Date('2017-02-20T10:00:00Z') });
  return { env, drive: new FakeDriveApp(env), docs: new FakeDocumentApp(env) };
}

function names(it: GoogleAppsScript.Drive.FileIterator | GoogleAppsScript.Drive.FolderIterator): string[] {
  const out: string[] = [];
  while (it.hasNext()) out.push(it.next().getName());
  return out;
}

describe('folders', () => {
  // https://developers.google.com/apps-script/reference/drive/drive-app#createFolder(String)
  it('createFolder makes a folder in the root; getFolderById opens it', () => {
    const { env, drive } = setup();
    const folder = drive.createFolder('Excursion Desk — notice templates');
    const f = env.drive.find(folder.getId());
    expect(f?.mimeType).toBe(FOLDER_MIME);
    expect(f?.parents).toEqual([env.drive.rootId]);
    expect(drive.getFolderById(folder.getId()).getName()).toBe('Excursion Desk — notice templates');
    expect(folder.getUrl()).toBe(`https://drive.google.com/drive/folders/${folder.getId()}`);
    expect(names(folder.getParents())).toEqual(['My Drive']);
    expect(drive.getRootFolder().getId()).toBe(env.drive.rootId);
  });

  it('subfolders, getFolders and getFoldersByName', () => {
    const { drive } = setup();
    const top = drive.createFolder('Top');
    top.createFolder('A');
    top.createFolder('B');
    drive.createFolder('A');
    expect(names(top.getFolders())).toEqual(['A', 'B']);
    expect(names(top.getFoldersByName('A'))).toEqual(['A']);
    expect(names(drive.getFoldersByName('A'))).toEqual(['A', 'A']);
    expect(names(drive.getFolders())).toEqual(['Top', 'A', 'B', 'A']);
  });

  // Drive: "No item with the given ID could be found. Possibly because you have not edited this item ..."
  it('an unknown or removed id throws "No item with the given ID could be found"', () => {
    const { env, drive } = setup();
    const folder = drive.createFolder('Gone');
    env.drive.remove(folder.getId());
    expect(() => drive.getFolderById(folder.getId())).toThrow(/^No item with the given ID could be found/);
    expect(() => drive.getFileById('nope')).toThrow(/^No item with the given ID could be found/);
  });

  it('getFolderById refuses an id that is not a folder', () => {
    const { drive } = setup();
    const file = drive.createFile('a.txt', 'a');
    expect(() => drive.getFolderById(file.getId())).toThrow(/No item with the given ID/);
  });

  it('setName, setDescription, dates', () => {
    const { env, drive } = setup();
    const folder = drive.createFolder('x');
    env.clock.advance(60_000);
    folder.setName('y').setDescription('templates');
    expect(folder.getName()).toBe('y');
    expect(folder.getDescription()).toBe('templates');
    expect(folder.getDateCreated().toISOString()).toBe('2017-02-20T10:00:00.000Z');
    expect(folder.getLastUpdated().toISOString()).toBe('2017-02-20T10:01:00.000Z');
  });
});

describe('files', () => {
  // https://developers.google.com/apps-script/reference/drive/drive-app#createFile(String,String,String)
  it('createFile(name, content[, mimeType]) stores bytes; text/plain by default', () => {
    const { drive } = setup();
    const f = drive.createFile('notes.txt', 'Živjo');
    expect(f.getMimeType()).toBe('text/plain');
    expect(f.getSize()).toBe(6); // UTF-8 bytes, not characters
    expect(f.getBlob().getDataAsString()).toBe('Živjo');
    const h = drive.createFile('page.html', '<b>x</b>', 'text/html');
    expect(h.getMimeType()).toBe('text/html');
    expect(h.getUrl()).toBe(`https://drive.google.com/file/d/${h.getId()}/view?usp=drivesdk`);
  });

  // https://developers.google.com/apps-script/reference/drive/folder#createFile(BlobSource)
  it('createFile(blob) in a folder takes the blob’s name and type', () => {
    const { env, drive } = setup();
    const folder = drive.createFolder('Out');
    const blob = new FakeBlob(env, 'a,b\n1,2', 'text/csv', 'x.csv') as unknown as Blob;
    const f = folder.createFile(blob);
    expect(f.getName()).toBe('x.csv');
    expect(f.getMimeType()).toBe('text/csv');
    expect(names(folder.getFiles())).toEqual(['x.csv']);
    expect(names(folder.getFilesByName('x.csv'))).toEqual(['x.csv']);
    expect(names(drive.getFilesByType('text/csv'))).toEqual(['x.csv']);
  });

  it('createFile with bad arguments throws the signature error', () => {
    const { drive } = setup();
    expect(() => (drive.createFile as unknown as (x: unknown) => unknown)(42)).toThrow(
      "The parameters (number) don't match the method signature for DriveApp.createFile.",
    );
  });

  // https://developers.google.com/apps-script/reference/drive/file#moveTo(Folder)
  it('moveTo puts the file in one folder; addFile/removeFile add and drop parents', () => {
    const { env, drive, docs } = setup();
    const folder = drive.createFolder('Templates');
    const other = drive.createFolder('Other');
    const doc = docs.create('granted (en)');
    const file = drive.getFileById(doc.getId());
    file.moveTo(folder);
    expect(env.drive.find(doc.getId())?.parents).toEqual([folder.getId()]);
    other.addFile(file);
    expect(names(file.getParents()).sort()).toEqual(['Other', 'Templates']);
    other.removeFile(file);
    expect(names(file.getParents())).toEqual(['Templates']);
    expect(file.getMimeType()).toBe(DOCUMENT_MIME);
    expect(file.getUrl()).toBe(`https://docs.google.com/document/d/${doc.getId()}/edit?usp=drivesdk`);
  });

  // https://developers.google.com/apps-script/reference/drive/file#makeCopy()
  it('makeCopy variants: "Copy of <name>" in the same folder, a name, a destination', () => {
    const { env, drive } = setup();
    const src = drive.createFolder('Src');
    const dst = drive.createFolder('Dst');
    const f = src.createFile('t.txt', 'hello');
    const c1 = f.makeCopy();
    expect(c1.getName()).toBe('Copy of t.txt');
    expect(env.drive.find(c1.getId())?.parents).toEqual([src.getId()]);
    expect(f.makeCopy('named').getName()).toBe('named');
    const c3 = f.makeCopy(dst);
    expect(c3.getName()).toBe('Copy of t.txt');
    expect(env.drive.find(c3.getId())?.parents).toEqual([dst.getId()]);
    const c4 = f.makeCopy('n4', dst);
    expect(env.drive.find(c4.getId())?.parents).toEqual([dst.getId()]);
    expect(c4.getBlob().getDataAsString()).toBe('hello');
  });

  it('makeCopy of a document copies its model: editing the copy leaves the original alone', () => {
    const { drive, docs } = setup();
    const doc = docs.create('Template');
    doc.getBody().appendParagraph('{{ContactName}}');
    const copy = drive.getFileById(doc.getId()).makeCopy('Notice');
    expect(copy.getMimeType()).toBe(DOCUMENT_MIME);
    docs.openById(copy.getId()).getBody().replaceText('\\{\\{ContactName\\}\\}', 'Ana');
    expect(docs.model(copy.getId()).plainText()).toBe('\nAna');
    expect(docs.model(doc.getId()).plainText()).toBe('\n{{ContactName}}');
  });

  it('makeCopy of a spreadsheet clones the spreadsheet model', () => {
    const { env, drive } = setup();
    const model = new SpreadsheetModel('ss-1', env.timeZone);
    model.insertSheet('Sheet1').setValue(0, 0, 'kept');
    env.drive.add({ id: 'ss-1', name: 'Book', mimeType: SPREADSHEET_MIME, content: model });
    const copy = drive.getFileById('ss-1').makeCopy();
    const copied = env.drive.find(copy.getId())?.content as SpreadsheetModel;
    expect(copied).not.toBe(model);
    expect(copied.sheets[0].valueAt(0, 0)).toBe('kept');
  });
});

describe('trash', () => {
  // https://developers.google.com/apps-script/reference/drive/file#setTrashed(Boolean)
  it('a trashed file still opens by id and reports isTrashed()', () => {
    const { drive, docs } = setup();
    const doc = docs.create('Old template');
    const file = drive.getFileById(doc.getId());
    file.setTrashed(true);
    expect(drive.getFileById(doc.getId()).isTrashed()).toBe(true);
    expect(docs.openById(doc.getId()).getName()).toBe('Old template');
    file.setTrashed(false);
    expect(file.isTrashed()).toBe(false);
  });

  // Drive's files.list returns trashed files unless the query says "trashed = false"; DriveApp's
  // getFiles/getFilesByName are built on it, so callers filter with isTrashed().
  it('listings include trashed files; getTrashedFiles lists only those', () => {
    const { drive } = setup();
    const folder = drive.createFolder('F');
    folder.createFile('a.txt', 'a');
    const b = folder.createFile('b.txt', 'b');
    b.setTrashed(true);
    expect(names(folder.getFiles())).toEqual(['a.txt', 'b.txt']);
    expect(names(drive.getFilesByName('b.txt'))).toEqual(['b.txt']);
    expect(names(drive.getTrashedFiles())).toEqual(['b.txt']);
    const live: string[] = [];
    const it = drive.getFiles();
    while (it.hasNext()) {
      const f = it.next();
      if (!f.isTrashed()) live.push(f.getName());
    }
    expect(live).toEqual(['a.txt']);
  });

  it('the root folder cannot be trashed; other folders can', () => {
    const { drive } = setup();
    expect(() => drive.getRootFolder().setTrashed(true)).toThrow(/root/);
    const f = drive.createFolder('x').setTrashed(true);
    expect(f.isTrashed()).toBe(true);
    expect(names(drive.getTrashedFolders())).toEqual(['x']);
  });

  it('a file removed from the store for good can no longer be used', () => {
    const { env, drive } = setup();
    const f = drive.createFile('a.txt', 'a');
    env.drive.remove(f.getId());
    expect(() => f.getName()).toThrow(/No item with the given ID/);
  });
});

describe('iterators', () => {
  // https://developers.google.com/apps-script/reference/drive/file-iterator#next()
  it('next() past the end throws', () => {
    const { drive } = setup();
    drive.createFile('only.txt', 'x');
    const it = drive.getFiles();
    expect(it.next().getName()).toBe('only.txt');
    expect(it.hasNext()).toBe(false);
    expect(() => it.next()).toThrow('Cannot retrieve the next object: iterator has reached the end.');
  });

  // https://developers.google.com/apps-script/reference/drive/drive-app#continueFileIterator(String)
  it('a continuation token resumes where the iterator stopped', () => {
    const { drive } = setup();
    for (const n of ['1', '2', '3']) drive.createFile(`${n}.txt`, n);
    const it = drive.getFiles();
    it.next();
    const resumed = drive.continueFileIterator(it.getContinuationToken());
    expect(names(resumed)).toEqual(['2.txt', '3.txt']);
    expect(() => drive.continueFolderIterator(it.getContinuationToken())).toThrow(/continuationToken/);
  });

  it('a file removed while iterating is skipped', () => {
    const { env, drive } = setup();
    const a = drive.createFile('a.txt', 'a');
    drive.createFile('b.txt', 'b');
    const it = drive.getFiles();
    env.drive.remove(a.getId());
    expect(names(it)).toEqual(['b.txt']);
  });
});

describe('exports', () => {
  // https://developers.google.com/apps-script/reference/drive/file#getAs(String)
  it('a document exports to a PDF that starts with %PDF- and ends with %%EOF', () => {
    const { drive, docs } = setup();
    const doc = docs.create('Notice');
    doc.getBody().appendParagraph('Dear Ana');
    const blob = drive.getFileById(doc.getId()).getAs('application/pdf') as unknown as FakeBlob;
    const text = Buffer.from(blob.bytes).toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.endsWith('%%EOF')).toBe(true);
    expect(text).toContain('(Dear Ana)');
    expect(blob.name).toBe('Notice.pdf');
    // A Google file's blob is its PDF.
    expect(drive.getFileById(doc.getId()).getBlob().getContentType()).toBe('application/pdf');
  });

  it('a form cannot be converted; a folder has no blob', () => {
    const { env, drive } = setup();
    const form = env.drive.add({ name: 'Form', mimeType: FORM_MIME });
    expect(() => drive.getFileById(form.id).getAs('application/pdf')).toThrow(
      'Converting from application/vnd.google-apps.form to application/pdf is not supported.',
    );
    const folder = drive.createFolder('F');
    expect(() => (drive.getFileById(folder.getId()) as unknown as FakeFile).getBlob()).toThrow(/not supported/);
  });

  it('a text file converts to PDF; an unknown conversion throws', () => {
    const { drive } = setup();
    const f = drive.createFile('report.2017.txt', 'hello');
    const pdf = f.getAs('application/pdf');
    expect(pdf.getName()).toBe('report.2017.pdf');
    expect(() => f.getAs('image/png')).toThrow('Converting from text/plain to image/png is not supported.');
  });
});

describe('Blob', () => {
  // https://developers.google.com/apps-script/reference/base/blob#getBytes() — Java bytes are signed.
  it('getBytes() returns a plain array of signed bytes', () => {
    const { env } = setup();
    const blob = new FakeBlob(env, 'é€', 'text/plain', 'x.txt');
    const bytes = blob.getBytes();
    expect(Array.isArray(bytes)).toBe(true);
    expect(bytes).toEqual([-61, -87, -30, -126, -84]);
    expect(new FakeBlob(env, bytes).getDataAsString()).toBe('é€');
  });

  it('setDataFromString / getDataAsString with a charset', () => {
    const { env } = setup();
    const blob = new FakeBlob(env);
    blob.setDataFromString('čšž', 'UTF-8');
    expect(blob.getBytes().length).toBe(6);
    blob.setDataFromString('é', 'ISO-8859-1');
    expect(blob.getBytes()).toEqual([-23]);
    expect(blob.getDataAsString('ISO-8859-1')).toBe('é');
  });

  it('copyBlob is independent; setName/setContentType chain; isGoogleType is false', () => {
    const { env } = setup();
    const blob = new FakeBlob(env, 'a', 'text/plain', 'a.txt');
    const copy = blob.copyBlob().setName('b.txt');
    expect(blob.getName()).toBe('a.txt');
    expect(copy.getName()).toBe('b.txt');
    expect(copy.setContentType('text/csv').getContentType()).toBe('text/csv');
    expect(blob.isGoogleType()).toBe(false);
    expect(new FakeBlob(env, '', null, 'x.pdf').setContentTypeFromExtension().getContentType()).toBe('application/pdf');
  });

  it('accepts bytes from another realm (plain arrays, Uint8Array-like objects)', () => {
    const { env } = setup();
    const like = { length: 2, 0: 72, 1: -1 };
    expect(new FakeBlob(env, like).getBytes()).toEqual([72, -1]);
  });

  it('renderPdf pages every 50 lines', () => {
    const pdf = Buffer.from(renderPdf(Array.from({ length: 101 }, (_, i) => `l${i}`))).toString('latin1');
    expect(pdf).toContain('/Count 3');
    expect(renderPdf([]).length).toBeGreaterThan(100);
  });
});

describe('call counting and fault injection', () => {
  it('every API call is counted under Drive.<Class>.<method> and Base.Blob.<method>', () => {
    const { env, drive } = setup();
    const folder = drive.createFolder('F');
    const f = folder.createFile('a.txt', 'a');
    f.getBlob().getBytes();
    expect(env.calls.count('Drive.DriveApp.createFolder')).toBe(1);
    expect(env.calls.count('Drive.Folder.createFile')).toBe(1);
    expect(env.calls.count('Drive.File.getBlob')).toBe(1);
    expect(env.calls.count('Base.Blob.getBytes')).toBe(1);
  });

  it('failOn makes the k-th call throw InjectedFault', () => {
    const { env, drive } = setup();
    env.calls.failOn('Drive.DriveApp.createFolder', 2);
    drive.createFolder('one');
    expect(() => drive.createFolder('two')).toThrow(InjectedFault);
    expect(names(drive.getFolders())).toEqual(['one']);
    const f = drive.createFile('a.txt', 'a');
    env.calls.failNext('Drive.File.makeCopy');
    expect(() => f.makeCopy()).toThrow(InjectedFault);
    expect(names(drive.getFiles())).toEqual(['a.txt']);
  });
});

describe('the Advanced Drive service (Drive API v3) under drive.file', () => {
  const DRIVE_FILE = 'https://www.googleapis.com/auth/drive.file';
  const FULL = 'https://www.googleapis.com/auth/drive';

  /** A kernel inside an execution of the script (files made now are the script's), and Drive under `scopes`. */
  function api(scopes: string[] = [DRIVE_FILE]) {
    const env = createEnv({ start: new Date('2017-02-20T10:00:00Z') });
    env.execution = { id: 1, startedAt: 0, functionName: 'setupWorkspace', authMode: 'FULL', fromTrigger: false };
    const Drive = new FakeAdvancedDrive(env, () => new Set(scopes));
    return { env, Drive, docs: new FakeDocumentApp(env) };
  }

  function thrown(f: () => unknown): Error {
    try {
      f();
    } catch (e) {
      return e as Error;
    }
    throw new Error('did not throw');
  }

  // https://developers.google.com/workspace/drive/api/reference/rest/v3/files/create
  it('creates a folder and a Doc in it; the Doc opens in DocumentApp; the default fields come back', () => {
    const { env, Drive, docs } = api();
    const folder = Drive.Files.create({ name: 'Templates', mimeType: FOLDER_MIME });
    expect(folder).toEqual({ kind: 'drive#file', id: folder.id, name: 'Templates', mimeType: FOLDER_MIME });
    const doc = Drive.Files.create({ name: 'accepted (en)', mimeType: DOCUMENT_MIME, parents: [folder.id!] });
    expect(env.drive.find(doc.id!)?.parents).toEqual([folder.id]);
    const opened = docs.openById(doc.id!);
    opened.getBody().appendParagraph('Dear {{Municipality}},');
    expect(opened.getBody().getText()).toBe('\nDear {{Municipality}},');
    expect(Drive.Files.create({}).name).toBe('Untitled');
    expect(env.calls.count('Drive.Files.create')).toBe(3);
  });

  // drive.file: "files that the app created or opened"; the API answers any other id with 404.
  it('answers "File not found: ID." for a file the script did not make, unless the full drive scope is granted', () => {
    const { env, Drive } = api();
    env.execution = null;
    const users = env.drive.add({ name: "The user's sheet", mimeType: SPREADSHEET_MIME });
    env.execution = { id: 2, startedAt: 0, functionName: 'x', authMode: 'FULL', fromTrigger: false };
    const e = thrown(() => Drive.Files.get(users.id, { fields: 'id,trashed' }));
    expect(e.name).toBe('GoogleJsonResponseException');
    expect(e.message).toBe(`API call to drive.files.get failed with error: File not found: ${users.id}.`);
    expect((e as Error & { details: { code: number } }).details.code).toBe(404);
    expect(() => Drive.Files.update({ trashed: true }, users.id)).toThrow(`File not found: ${users.id}.`);
    expect(() => Drive.Files.create({ name: 'x', parents: [users.id] })).toThrow(`File not found: ${users.id}.`);
    const full = new FakeAdvancedDrive(env, () => new Set([FULL]));
    expect(full.Files.get(users.id, { fields: 'id,trashed' })).toEqual({ id: users.id, trashed: false });
  });

  it("counts files made by any service during the script's execution as the app's", () => {
    const { Drive, docs } = api();
    const doc = docs.create('Made by DocumentApp');
    expect(Drive.Files.get(doc.getId(), { fields: 'id,name' })).toEqual({
      id: doc.getId(),
      name: 'Made by DocumentApp',
    });
  });

  // https://developers.google.com/workspace/drive/api/reference/rest/v3/files/update
  it('trashes through update({trashed: true}); a trashed file is still found, a deleted one is not', () => {
    const { env, Drive } = api();
    const folder = Drive.Files.create({ name: 'F', mimeType: FOLDER_MIME });
    const doc = Drive.Files.create({ name: 'D', mimeType: DOCUMENT_MIME, parents: [folder.id!] });
    Drive.Files.update({ trashed: true }, folder.id!);
    expect(Drive.Files.get(folder.id!, { fields: 'id,trashed' })).toEqual({ id: folder.id, trashed: true });
    // Drive's `trashed`: "either explicitly or from a trashed parent folder".
    expect(Drive.Files.get(doc.id!, { fields: 'trashed' })).toEqual({ trashed: true });
    env.drive.remove(doc.id!);
    expect(() => Drive.Files.get(doc.id!)).toThrow(
      `API call to drive.files.get failed with error: File not found: ${doc.id}.`,
    );
  });

  it('refuses a field the File resource lacks, and parents written through the resource', () => {
    const { Drive } = api();
    const f = Drive.Files.create({ name: 'x' });
    expect(() => Drive.Files.get(f.id!, { fields: 'id,colour' })).toThrow(
      'API call to drive.files.get failed with error: Invalid field selection colour',
    );
    expect(() => Drive.Files.update({ parents: ['y'] }, f.id!)).toThrow(/parents field is not directly writable/);
  });

  it('is a global only where the manifest enables it, under its userSymbol', () => {
    const off = new Emulator({ manifest: { oauthScopes: [DRIVE_FILE] } });
    expect('Drive' in off.globals()).toBe(false);
    const on = new Emulator({
      manifest: {
        oauthScopes: [DRIVE_FILE],
        dependencies: { enabledAdvancedServices: [{ userSymbol: 'DriveV3', serviceId: 'drive', version: 'v3' }] },
      },
    });
    expect(on.globals().DriveV3).toBeInstanceOf(FakeAdvancedDrive);
  });
});

describe('Blob.getAs from HTML', () => {
  // https://developers.google.com/apps-script/reference/base/blob#getAs(String): "For most blobs,
  // 'application/pdf' is the only valid option."
  it('converts a text/html blob to a PDF of its visible text, renamed .pdf', () => {
    const env = createEnv();
    const html =
      '<!DOCTYPE html><html><head><style>@page { size: A4 }</style></head><body><p>Dear <b>Bled</b>,</p><p>2&nbsp;places</p></body></html>';
    const pdf = new FakeBlob(env, html, 'text/html', 'APP-0001.html').getAs('application/pdf') as unknown as FakeBlob;
    expect(pdf.getContentType()).toBe('application/pdf');
    expect(pdf.getName()).toBe('APP-0001.pdf');
    const text = Buffer.from(pdf.bytes).toString('latin1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text).toContain('(Dear Bled,)');
    expect(text).toContain('(2 places)');
    expect(text).not.toContain('@page');
    expect(text).not.toContain('<b>');
  });
});
