/**
 * DriveApp for the emulator: folders, files, iterators, copies and exports over env.drive (the
 * store every fake shares). Every public API method records "Drive.<Class>.<method>" first.
 * A copy of a Google file copies its model through FileContent.clone(newId); a Doc exports to PDF
 * through the document model. Never bundled into build/Code.js.
 */
import { convertBlob, FakeBlob, gas, renderPdf, replaceExtension, toBytes } from './blob';
import { DocumentModel, documentAs } from './document';
import { type Env, isDate, type StoredFile } from './env';
import { DOCUMENT_MIME, FOLDER_MIME, FORM_MIME, SPREADSHEET_MIME, SpreadsheetModel } from './spreadsheet-model';

type GDriveApp = GoogleAppsScript.Drive.DriveApp;
type GFolder = GoogleAppsScript.Drive.Folder;
type GFile = GoogleAppsScript.Drive.File;
type GFileIterator = GoogleAppsScript.Drive.FileIterator;
type GFolderIterator = GoogleAppsScript.Drive.FolderIterator;
type GUser = GoogleAppsScript.Drive.User;
type GBlob = GoogleAppsScript.Base.Blob;
type GBlobSource = GoogleAppsScript.Base.BlobSource;

const ERR = {
  notFound:
    'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.',
  iteratorEnd: 'Cannot retrieve the next object: iterator has reached the end.',
  conversion: (from: string, to: string) => `Converting from ${from} to ${to} is not supported.`,
  signature: (args: unknown[], method: string) =>
    `The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`,
  token: 'Invalid argument: continuationToken',
  rootTrash: 'Cannot trash the root folder.',
};

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return 'Object[]';
  if (isDate(v)) return 'Date';
  if (typeof v === 'object') return folderOf.has(v) ? 'DriveApp.Folder' : fileOf.has(v) ? 'DriveApp.File' : 'Object';
  return typeof v === 'string' ? 'String' : typeof v === 'number' ? 'number' : typeof v;
}

/** The file id behind a facade (facades are made here, so the lookup is realm-safe). */
const folderOf = new WeakMap<object, string>();
const fileOf = new WeakMap<object, string>();

function folderId(x: unknown, method: string, args: unknown[]): string {
  const id = typeof x === 'object' && x !== null ? folderOf.get(x) : undefined;
  if (!id) throw new Error(ERR.signature(args, method));
  return id;
}

function isGoogleType(mimeType: string): boolean {
  return mimeType.startsWith('application/vnd.google-apps.');
}

/** Opens a URL by type, as getUrl() gives it. */
function urlOf(f: StoredFile): string {
  switch (f.mimeType) {
    case FOLDER_MIME:
      return `https://drive.google.com/drive/folders/${f.id}`;
    case DOCUMENT_MIME:
      return `https://docs.google.com/document/d/${f.id}/edit?usp=drivesdk`;
    case SPREADSHEET_MIME:
      return `https://docs.google.com/spreadsheets/d/${f.id}/edit?usp=drivesdk`;
    case FORM_MIME:
      return `https://docs.google.com/forms/d/${f.id}/edit?usp=drivesdk`;
    default:
      return `https://drive.google.com/file/d/${f.id}/view?usp=drivesdk`;
  }
}

/** A file's data as a blob, converted to `contentType` (or its natural export when none is given). */
function exportFile(env: Env, f: StoredFile, contentType?: string): FakeBlob {
  if (f.mimeType === FOLDER_MIME) throw new Error(ERR.conversion(f.mimeType, contentType ?? 'application/pdf'));
  if (f.content instanceof DocumentModel) return documentAs(env, f.content, f.name, contentType ?? 'application/pdf');
  if (f.content instanceof SpreadsheetModel) {
    const to = contentType ?? 'application/pdf';
    if (to !== 'application/pdf') throw new Error(ERR.conversion(f.mimeType, to));
    const lines: string[] = [];
    for (const sheet of f.content.sheets) {
      if (lines.length > 0) lines.push('');
      lines.push(sheet.name, ...sheet.dataValues().map((row) => row.map((v) => String(v)).join('\t')));
    }
    return new FakeBlob(env, renderPdf(lines), 'application/pdf', replaceExtension(f.name, 'pdf'));
  }
  if (isGoogleType(f.mimeType)) throw new Error(ERR.conversion(f.mimeType, contentType ?? 'application/pdf'));
  const blob = new FakeBlob(env, f.bytes ?? new Uint8Array(0), f.mimeType, f.name);
  return contentType === undefined ? blob : convertBlob(env, blob, contentType);
}

/** Kind of a listing, and the ids it walks; the continuation token carries both. */
interface Listing {
  kind: 'file' | 'folder';
  ids: string[];
  pos: number;
}

abstract class FakeIteratorBase {
  constructor(
    protected readonly env: Env,
    protected readonly app: FakeDriveApp,
    protected readonly listing: Listing,
  ) {}

  protected abstract readonly cls: string;

  /** Skips ids that were removed from the store since the listing was made. */
  private skipGone(): void {
    while (this.listing.pos < this.listing.ids.length && !this.env.drive.find(this.listing.ids[this.listing.pos])) {
      this.listing.pos++;
    }
  }

  hasNext(): boolean {
    this.env.calls.record(`Drive.${this.cls}.hasNext`);
    this.skipGone();
    return this.listing.pos < this.listing.ids.length;
  }

  protected nextRecord(): StoredFile {
    this.env.calls.record(`Drive.${this.cls}.next`);
    this.skipGone();
    if (this.listing.pos >= this.listing.ids.length) throw new Error(ERR.iteratorEnd);
    return this.env.drive.find(this.listing.ids[this.listing.pos++]) as StoredFile;
  }

  /** Opaque to the script; DriveApp.continueFileIterator / continueFolderIterator resume from it. */
  getContinuationToken(): string {
    this.env.calls.record(`Drive.${this.cls}.getContinuationToken`);
    return Buffer.from(JSON.stringify(this.listing), 'utf8').toString('base64');
  }
}

// https://developers.google.com/apps-script/reference/drive/file-iterator
export class FakeFileIterator
  extends FakeIteratorBase
  implements Pick<GFileIterator, 'hasNext' | 'next' | 'getContinuationToken'>
{
  protected readonly cls = 'FileIterator';

  next(): GFile {
    return gas<GFile>(this.app.file(this.nextRecord()));
  }
}

// https://developers.google.com/apps-script/reference/drive/folder-iterator
export class FakeFolderIterator
  extends FakeIteratorBase
  implements Pick<GFolderIterator, 'hasNext' | 'next' | 'getContinuationToken'>
{
  protected readonly cls = 'FolderIterator';

  next(): GFolder {
    return gas<GFolder>(this.app.folder(this.nextRecord()));
  }
}

// https://developers.google.com/apps-script/reference/drive/user
export class FakeDriveUser implements Pick<GUser, 'getEmail' | 'getName' | 'getDomain' | 'getPhotoUrl'> {
  constructor(
    private readonly env: Env,
    private readonly email: string,
  ) {}

  getEmail(): string {
    this.env.calls.record('Drive.User.getEmail');
    return this.email;
  }

  getName(): string {
    this.env.calls.record('Drive.User.getName');
    return this.email.split('@')[0];
  }

  getDomain(): string {
    this.env.calls.record('Drive.User.getDomain');
    return this.email.split('@')[1] ?? '';
  }

  getPhotoUrl(): string {
    this.env.calls.record('Drive.User.getPhotoUrl');
    return '';
  }
}

/** Methods Folder and File share, over one stored record. */
abstract class FakeDriveItem {
  constructor(
    protected readonly env: Env,
    protected readonly app: FakeDriveApp,
    /** The stored file's id (emulator-only). */
    readonly id: string,
  ) {}

  protected abstract readonly cls: string;

  protected call(method: string): StoredFile {
    this.env.calls.record(`Drive.${this.cls}.${method}`);
    return this.record();
  }

  /** The stored record; a file removed from the store can no longer be used. */
  record(): StoredFile {
    const f = this.env.drive.find(this.id);
    if (!f) throw new Error(ERR.notFound);
    return f;
  }

  getId(): string {
    this.call('getId');
    return this.id;
  }

  getName(): string {
    return this.call('getName').name;
  }

  getUrl(): string {
    return urlOf(this.call('getUrl'));
  }

  getDateCreated(): GoogleAppsScript.Base.Date {
    return new Date(this.call('getDateCreated').createdAt.getTime());
  }

  getLastUpdated(): GoogleAppsScript.Base.Date {
    return new Date(this.call('getLastUpdated').updatedAt.getTime());
  }

  getDescription(): string | null {
    return this.call('getDescription').description ?? null;
  }

  isTrashed(): boolean {
    return this.call('isTrashed').trashed;
  }

  getOwner(): GUser {
    return gas<GUser>(new FakeDriveUser(this.env, this.call('getOwner').owner));
  }

  getParents(): GFolderIterator {
    const f = this.call('getParents');
    return gas<GFolderIterator>(this.app.iterate('folder', [...f.parents]));
  }
}

// https://developers.google.com/apps-script/reference/drive/folder
export class FakeFolder
  extends FakeDriveItem
  implements
    Pick<
      GFolder,
      | 'getId'
      | 'getName'
      | 'setName'
      | 'getUrl'
      | 'createFolder'
      | 'createFile'
      | 'addFile'
      | 'removeFile'
      | 'addFolder'
      | 'removeFolder'
      | 'getFiles'
      | 'getFilesByName'
      | 'getFilesByType'
      | 'getFolders'
      | 'getFoldersByName'
      | 'getParents'
      | 'setTrashed'
      | 'isTrashed'
      | 'getDateCreated'
      | 'getLastUpdated'
      | 'getDescription'
      | 'setDescription'
      | 'getOwner'
      | 'getSize'
      | 'moveTo'
    >
{
  protected readonly cls = 'Folder';

  constructor(env: Env, app: FakeDriveApp, id: string) {
    super(env, app, id);
    folderOf.set(this, id);
  }

  setName(name: string): GFolder {
    const f = this.call('setName');
    f.name = String(name);
    this.env.drive.touch(f.id);
    return gas<GFolder>(this);
  }

  setDescription(description: string): GFolder {
    const f = this.call('setDescription');
    f.description = String(description);
    return gas<GFolder>(this);
  }

  getSize(): number {
    this.call('getSize');
    return 0;
  }

  createFolder(name: string): GFolder {
    this.call('createFolder');
    return gas<GFolder>(this.app.makeFolder(String(name), this.id));
  }

  createFile(...args: [GBlobSource] | [string, string] | [string, string, string]): GFile {
    this.call('createFile');
    return gas<GFile>(this.app.makeFile(args, this.id, 'Folder.createFile'));
  }

  /** Adds the file to this folder; it stays in its other folders too. */
  addFile(child: GFile): GFolder {
    this.call('addFile');
    const f = this.app.fileRecord(child, 'Folder.addFile');
    if (!f.parents.includes(this.id)) f.parents.push(this.id);
    return gas<GFolder>(this);
  }

  removeFile(child: GFile): GFolder {
    this.call('removeFile');
    const f = this.app.fileRecord(child, 'Folder.removeFile');
    f.parents = f.parents.filter((p) => p !== this.id);
    return gas<GFolder>(this);
  }

  addFolder(child: GFolder): GFolder {
    this.call('addFolder');
    const f = this.app.record(folderId(child, 'Folder.addFolder', [child]));
    if (!f.parents.includes(this.id)) f.parents.push(this.id);
    return gas<GFolder>(this);
  }

  removeFolder(child: GFolder): GFolder {
    this.call('removeFolder');
    const f = this.app.record(folderId(child, 'Folder.removeFolder', [child]));
    f.parents = f.parents.filter((p) => p !== this.id);
    return gas<GFolder>(this);
  }

  private children(kind: 'file' | 'folder', filter: (f: StoredFile) => boolean = () => true): string[] {
    return this.env.drive
      .all()
      .filter((f) => f.parents.includes(this.id) && (f.mimeType === FOLDER_MIME) === (kind === 'folder') && filter(f))
      .map((f) => f.id);
  }

  /** Trashed children are listed too, as Drive's files.list does unless asked for "trashed = false". */
  getFiles(): GFileIterator {
    this.call('getFiles');
    return gas<GFileIterator>(this.app.iterate('file', this.children('file')));
  }

  getFilesByName(name: string): GFileIterator {
    this.call('getFilesByName');
    return gas<GFileIterator>(
      this.app.iterate(
        'file',
        this.children('file', (f) => f.name === String(name)),
      ),
    );
  }

  getFilesByType(mimeType: string): GFileIterator {
    this.call('getFilesByType');
    return gas<GFileIterator>(
      this.app.iterate(
        'file',
        this.children('file', (f) => f.mimeType === String(mimeType)),
      ),
    );
  }

  getFolders(): GFolderIterator {
    this.call('getFolders');
    return gas<GFolderIterator>(this.app.iterate('folder', this.children('folder')));
  }

  getFoldersByName(name: string): GFolderIterator {
    this.call('getFoldersByName');
    return gas<GFolderIterator>(
      this.app.iterate(
        'folder',
        this.children('folder', (f) => f.name === String(name)),
      ),
    );
  }

  setTrashed(trashed: boolean): GFolder {
    const f = this.call('setTrashed');
    if (f.id === this.env.drive.rootId && trashed) throw new Error(ERR.rootTrash);
    f.trashed = !!trashed;
    this.env.drive.touch(f.id);
    return gas<GFolder>(this);
  }

  moveTo(destination: GFolder): GFolder {
    const f = this.call('moveTo');
    f.parents = [folderId(destination, 'Folder.moveTo', [destination])];
    return gas<GFolder>(this);
  }
}

// https://developers.google.com/apps-script/reference/drive/file
export class FakeFile
  extends FakeDriveItem
  implements
    Pick<
      GFile,
      | 'getId'
      | 'getName'
      | 'setName'
      | 'getMimeType'
      | 'getUrl'
      | 'getSize'
      | 'makeCopy'
      | 'getAs'
      | 'getBlob'
      | 'moveTo'
      | 'getParents'
      | 'setTrashed'
      | 'isTrashed'
      | 'getDateCreated'
      | 'getLastUpdated'
      | 'getDescription'
      | 'setDescription'
      | 'getOwner'
      | 'setContent'
      | 'getDownloadUrl'
    >
{
  protected readonly cls = 'File';

  constructor(env: Env, app: FakeDriveApp, id: string) {
    super(env, app, id);
    fileOf.set(this, id);
  }

  setName(name: string): GFile {
    const f = this.call('setName');
    f.name = String(name);
    this.env.drive.touch(f.id);
    return gas<GFile>(this);
  }

  getMimeType(): string {
    return this.call('getMimeType').mimeType;
  }

  /** Bytes of an uploaded file; Google files take no storage and report 0. */
  getSize(): number {
    return this.call('getSize').bytes?.length ?? 0;
  }

  setDescription(description: string): GFile {
    const f = this.call('setDescription');
    f.description = String(description);
    return gas<GFile>(this);
  }

  getDownloadUrl(): string {
    const f = this.call('getDownloadUrl');
    return `https://drive.google.com/uc?id=${f.id}&export=download`;
  }

  /** Overwrites an uploaded file's content (not a Google file's). */
  setContent(content: string): GFile {
    const f = this.call('setContent');
    if (isGoogleType(f.mimeType)) throw new Error(ERR.conversion('text/plain', f.mimeType));
    f.bytes = toBytes(String(content));
    this.env.drive.touch(f.id);
    return gas<GFile>(this);
  }

  /**
   * makeCopy(), (name), (destination), (name, destination). Without a name the copy is
   * "Copy of <name>"; without a destination it goes where the original is. A Google file's
   * content is copied through clone(newId), so the copy is independent.
   */
  makeCopy(nameOrDestination?: string | GFolder, destination?: GFolder): GFile {
    const f = this.call('makeCopy');
    const args = [nameOrDestination, destination].filter((a) => a !== undefined);
    let name = `Copy of ${f.name}`;
    let parents = [...f.parents];
    if (typeof nameOrDestination === 'string') {
      name = nameOrDestination;
      if (destination !== undefined) parents = [folderId(destination, 'File.makeCopy', args)];
    } else if (nameOrDestination !== undefined) {
      if (destination !== undefined) throw new Error(ERR.signature(args, 'File.makeCopy'));
      parents = [folderId(nameOrDestination, 'File.makeCopy', args)];
    }
    const id = this.env.newId(f.mimeType === DOCUMENT_MIME ? 'document' : 'file');
    const copy = this.env.drive.add({
      id,
      name,
      mimeType: f.mimeType,
      parents,
      content: f.content ? f.content.clone(id) : null,
      bytes: f.bytes ? f.bytes.slice() : undefined,
    });
    if (f.description !== undefined) copy.description = f.description;
    return gas<GFile>(this.app.file(copy));
  }

  /** Docs export to PDF (or Markdown), spreadsheets to PDF; other Google types cannot be converted. */
  getAs(contentType: string): GBlob {
    const f = this.call('getAs');
    return gas<GBlob>(exportFile(this.env, f, String(contentType)));
  }

  /** A Google file's blob is its PDF export; an uploaded file's is its bytes. */
  getBlob(): GBlob {
    const f = this.call('getBlob');
    return gas<GBlob>(exportFile(this.env, f));
  }

  /** Moves the file into `destination`, out of every other folder. */
  moveTo(destination: GFolder): GFile {
    const f = this.call('moveTo');
    f.parents = [folderId(destination, 'File.moveTo', [destination])];
    this.env.drive.touch(f.id);
    return gas<GFile>(this);
  }

  /** A trashed file still opens by id (DocumentApp.openById too) and is still listed. */
  setTrashed(trashed: boolean): GFile {
    const f = this.call('setTrashed');
    f.trashed = !!trashed;
    this.env.drive.touch(f.id);
    return gas<GFile>(this);
  }
}

// https://developers.google.com/apps-script/reference/drive/drive-app
export class FakeDriveApp
  implements
    Pick<
      GDriveApp,
      | 'createFolder'
      | 'createFile'
      | 'getFolderById'
      | 'getFileById'
      | 'getFiles'
      | 'getFilesByName'
      | 'getFilesByType'
      | 'getFolders'
      | 'getFoldersByName'
      | 'getRootFolder'
      | 'getTrashedFiles'
      | 'getTrashedFolders'
      | 'continueFileIterator'
      | 'continueFolderIterator'
      | 'addFile'
      | 'removeFile'
    >
{
  constructor(private readonly env: Env) {}

  // --- emulator-only helpers (uncounted) ---

  /** The stored record of `id`; throws Drive's "No item with the given ID" when there is none. */
  record(id: string): StoredFile {
    const f = this.env.drive.find(String(id));
    if (!f) throw new Error(ERR.notFound);
    return f;
  }

  file(f: StoredFile): FakeFile {
    return new FakeFile(this.env, this, f.id);
  }

  folder(f: StoredFile): FakeFolder {
    return new FakeFolder(this.env, this, f.id);
  }

  iterate(kind: 'file', ids: string[]): FakeFileIterator;
  iterate(kind: 'folder', ids: string[]): FakeFolderIterator;
  iterate(kind: 'file' | 'folder', ids: string[]): FakeFileIterator | FakeFolderIterator {
    const listing: Listing = { kind, ids, pos: 0 };
    return kind === 'file'
      ? new FakeFileIterator(this.env, this, listing)
      : new FakeFolderIterator(this.env, this, listing);
  }

  /** The record behind a File facade from the script. */
  fileRecord(x: unknown, method: string): StoredFile {
    const id = typeof x === 'object' && x !== null ? fileOf.get(x) : undefined;
    if (!id) throw new Error(ERR.signature([x], method));
    return this.record(id);
  }

  makeFolder(name: string, parent: string): FakeFolder {
    return this.folder(this.env.drive.add({ name, mimeType: FOLDER_MIME, parents: [parent] }));
  }

  /** createFile(blob) or createFile(name, content[, mimeType]) into folder `parent`. */
  makeFile(args: unknown[], parent: string, method: string): FakeFile {
    const [a, b, c] = args;
    if (typeof a === 'string') {
      if (typeof b !== 'string' && typeof b !== 'number') throw new Error(ERR.signature(args, method));
      const mimeType = c === undefined || c === null ? 'text/plain' : String(c);
      if (isGoogleType(mimeType)) throw new Error(`Invalid argument: mimeType (${mimeType})`);
      return this.file(this.env.drive.add({ name: a, mimeType, parents: [parent], bytes: toBytes(String(b)) }));
    }
    let blob: FakeBlob | null = null;
    if (a instanceof FakeBlob) blob = a;
    else if (typeof a === 'object' && a !== null && typeof (a as GBlobSource).getBlob === 'function') {
      const got: unknown = (a as GBlobSource).getBlob();
      if (got instanceof FakeBlob) blob = got;
    }
    if (!blob || args.length !== 1) throw new Error(ERR.signature(args, method));
    return this.file(
      this.env.drive.add({
        name: blob.name ?? 'Untitled',
        mimeType: blob.contentType ?? 'application/octet-stream',
        parents: [parent],
        bytes: blob.bytes.slice(),
      }),
    );
  }

  private all(kind: 'file' | 'folder', filter: (f: StoredFile) => boolean = () => true): string[] {
    return this.env.drive
      .all()
      .filter(
        (f) =>
          f.id !== this.env.drive.rootId &&
          f.owner === this.env.user.email &&
          (f.mimeType === FOLDER_MIME) === (kind === 'folder') &&
          filter(f),
      )
      .map((f) => f.id);
  }

  // --- the API ---

  /** A new folder in the root ("My Drive"). */
  createFolder(name: string): GFolder {
    this.env.calls.record('Drive.DriveApp.createFolder');
    return gas<GFolder>(this.makeFolder(String(name), this.env.drive.rootId));
  }

  createFile(...args: [GBlobSource] | [string, string] | [string, string, string]): GFile {
    this.env.calls.record('Drive.DriveApp.createFile');
    return gas<GFile>(this.makeFile(args, this.env.drive.rootId, 'DriveApp.createFile'));
  }

  /** Trashed folders open; a removed id or a file that is not a folder throws "No item with the given ID". */
  getFolderById(id: string): GFolder {
    this.env.calls.record('Drive.DriveApp.getFolderById');
    const f = this.record(id);
    if (f.mimeType !== FOLDER_MIME) throw new Error(ERR.notFound);
    return gas<GFolder>(this.folder(f));
  }

  /** Any item, trashed or not; a removed id throws "No item with the given ID". */
  getFileById(id: string): GFile {
    this.env.calls.record('Drive.DriveApp.getFileById');
    return gas<GFile>(this.file(this.record(id)));
  }

  getRootFolder(): GFolder {
    this.env.calls.record('Drive.DriveApp.getRootFolder');
    return gas<GFolder>(this.folder(this.record(this.env.drive.rootId)));
  }

  /** Every file of the user's Drive, trashed ones included (check isTrashed()). */
  getFiles(): GFileIterator {
    this.env.calls.record('Drive.DriveApp.getFiles');
    return gas<GFileIterator>(this.iterate('file', this.all('file')));
  }

  getFilesByName(name: string): GFileIterator {
    this.env.calls.record('Drive.DriveApp.getFilesByName');
    return gas<GFileIterator>(
      this.iterate(
        'file',
        this.all('file', (f) => f.name === String(name)),
      ),
    );
  }

  getFilesByType(mimeType: string): GFileIterator {
    this.env.calls.record('Drive.DriveApp.getFilesByType');
    return gas<GFileIterator>(
      this.iterate(
        'file',
        this.all('file', (f) => f.mimeType === String(mimeType)),
      ),
    );
  }

  getFolders(): GFolderIterator {
    this.env.calls.record('Drive.DriveApp.getFolders');
    return gas<GFolderIterator>(this.iterate('folder', this.all('folder')));
  }

  getFoldersByName(name: string): GFolderIterator {
    this.env.calls.record('Drive.DriveApp.getFoldersByName');
    return gas<GFolderIterator>(
      this.iterate(
        'folder',
        this.all('folder', (f) => f.name === String(name)),
      ),
    );
  }

  getTrashedFiles(): GFileIterator {
    this.env.calls.record('Drive.DriveApp.getTrashedFiles');
    return gas<GFileIterator>(
      this.iterate(
        'file',
        this.all('file', (f) => f.trashed),
      ),
    );
  }

  getTrashedFolders(): GFolderIterator {
    this.env.calls.record('Drive.DriveApp.getTrashedFolders');
    return gas<GFolderIterator>(
      this.iterate(
        'folder',
        this.all('folder', (f) => f.trashed),
      ),
    );
  }

  continueFileIterator(continuationToken: string): GFileIterator {
    this.env.calls.record('Drive.DriveApp.continueFileIterator');
    return gas<GFileIterator>(new FakeFileIterator(this.env, this, parseToken(continuationToken, 'file')));
  }

  continueFolderIterator(continuationToken: string): GFolderIterator {
    this.env.calls.record('Drive.DriveApp.continueFolderIterator');
    return gas<GFolderIterator>(new FakeFolderIterator(this.env, this, parseToken(continuationToken, 'folder')));
  }

  /** Adds the file to the root folder. */
  addFile(child: GFile): GFolder {
    this.env.calls.record('Drive.DriveApp.addFile');
    const f = this.fileRecord(child, 'DriveApp.addFile');
    if (!f.parents.includes(this.env.drive.rootId)) f.parents.push(this.env.drive.rootId);
    return gas<GFolder>(this.folder(this.record(this.env.drive.rootId)));
  }

  removeFile(child: GFile): GFolder {
    this.env.calls.record('Drive.DriveApp.removeFile');
    const f = this.fileRecord(child, 'DriveApp.removeFile');
    f.parents = f.parents.filter((p) => p !== this.env.drive.rootId);
    return gas<GFolder>(this.folder(this.record(this.env.drive.rootId)));
  }
}

function parseToken(token: string, kind: 'file' | 'folder'): Listing {
  try {
    const v = JSON.parse(Buffer.from(String(token), 'base64').toString('utf8')) as Partial<Listing>;
    if (v.kind !== kind || !Array.isArray(v.ids) || typeof v.pos !== 'number') throw new Error(ERR.token);
    return { kind, ids: v.ids.map(String), pos: v.pos };
  } catch {
    throw new Error(ERR.token);
  }
}
