/**
 * The Advanced Drive service (Drive API v3) over the emulator's DriveStore: Drive.Files.create,
 * get and update, with the reach of the scopes the manifest grants. Under drive.file alone a
 * script reaches only the files it made (any service, during an execution: StoredFile.byScript);
 * any other file, the user's bound spreadsheet included, is "File not found" (404), as the API
 * answers for a file the app may not see. Emulator.globals() exposes it under the manifest's
 * userSymbol only when the manifest enables it. Never bundled.
 *
 * Reference: https://developers.google.com/apps-script/advanced/drive (the service, v3 method
 * signatures), https://developers.google.com/workspace/drive/api/reference/rest/v3/files/create,
 * .../files/get, .../files/update (parameters, defaults, Authorization scopes), and
 * https://developers.google.com/workspace/drive/api/guides/about-auth (drive.file: files the app
 * created or the user opened with it).
 */
import { FakeBlob } from './blob';
import { DocumentModel } from './document';
import type { Env, StoredFile } from './env';
import { SCOPE } from './scopes';
import { DOCUMENT_MIME, FOLDER_MIME } from './spreadsheet-model';

type GFile = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
type GFiles = GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection;

/** The fields files.get and files.create return when the request names none. */
const DEFAULT_FIELDS = ['kind', 'id', 'name', 'mimeType'];
const KNOWN_FIELDS = [
  'kind',
  'id',
  'name',
  'mimeType',
  'trashed',
  'explicitlyTrashed',
  'parents',
  'createdTime',
  'modifiedTime',
  'description',
  'webViewLink',
  'size',
];

/**
 * An error as Apps Script raises it from an advanced service: "GoogleJsonResponseException: API
 * call to drive.files.get failed with error: File not found: ID." (public reports quoting the
 * runtime), with the HTTP status in `details.code`.
 */
export function apiError(rest: string, code: number, message: string): Error {
  const e = new Error(`API call to ${rest} failed with error: ${message}`) as Error & {
    details: { code: number; message: string };
  };
  e.name = 'GoogleJsonResponseException';
  e.details = { code, message };
  return e;
}

/** Drive.Files: create, get and update of the Drive API v3. */
export class FakeDriveFiles implements Pick<GFiles, 'create' | 'get' | 'update'> {
  constructor(
    private readonly env: Env,
    /** The scopes the manifest grants, read at each call ('all' when it lists none). */
    private readonly granted: () => ReadonlySet<string> | 'all',
  ) {}

  /** Whether the granted scopes reach every file for this method, not only the app's own. */
  private reachesAll(method: 'create' | 'get' | 'update'): boolean {
    const g = this.granted();
    if (g === 'all' || g.has(SCOPE.drive)) return true;
    if (method === 'get')
      return [SCOPE.driveReadonly, SCOPE.driveMetadata, SCOPE.driveMetadataReadonly].some((s) => g.has(s));
    if (method === 'update') return g.has(SCOPE.driveMetadata);
    return false;
  }

  /** The file, or "File not found: ID." (404) when it is gone or out of the app's reach. */
  private reach(id: unknown, method: 'create' | 'get' | 'update'): StoredFile {
    const rest = `drive.files.${method}`;
    const f = this.env.drive.find(String(id));
    if (!f || (!f.byScript && !this.reachesAll(method)) || (f.id === this.env.drive.rootId && method !== 'get'))
      throw apiError(rest, 404, `File not found: ${String(id)}.`);
    return f;
  }

  /** The resource with the fields asked for (`fields` is a comma-separated list, or "*"). */
  private resource(f: StoredFile, rest: string, fields: unknown): GFile {
    const asked =
      fields === undefined || fields === null || fields === ''
        ? DEFAULT_FIELDS
        : String(fields).trim() === '*'
          ? KNOWN_FIELDS
          : String(fields)
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean);
    const all: Record<string, unknown> = {
      kind: 'drive#file',
      id: f.id,
      name: f.name,
      mimeType: f.mimeType,
      trashed: f.trashed,
      explicitlyTrashed: f.trashed,
      parents: [...f.parents],
      createdTime: f.createdAt.toISOString(),
      modifiedTime: f.updatedAt.toISOString(),
      description: f.description,
      webViewLink:
        f.mimeType === FOLDER_MIME
          ? `https://drive.google.com/drive/folders/${f.id}`
          : `https://drive.google.com/file/d/${f.id}/view?usp=drivesdk`,
      size: f.bytes ? String(f.bytes.length) : undefined,
    };
    const out: Record<string, unknown> = {};
    for (const name of asked) {
      // Drive answers 400 for a field the File resource does not have (the emulator knows fewer).
      if (!KNOWN_FIELDS.includes(name)) throw apiError(rest, 400, `Invalid field selection ${name}`);
      if (all[name] !== undefined) out[name] = all[name];
    }
    return out as GFile;
  }

  /**
   * A new file: `name` (default "Untitled"), `mimeType` (default the media's type, else
   * application/octet-stream), `parents` (default My Drive; each must be a folder the app
   * reaches). A Google Doc starts empty (DocumentApp opens it); a folder has no content.
   */
  create(resource: GFile, mediaData?: GoogleAppsScript.Base.Blob, optionalArgs?: Record<string, unknown>): GFile {
    this.env.calls.record('Drive.Files.create');
    const rest = 'drive.files.create';
    const r = (resource ?? {}) as GFile;
    const media = mediaData instanceof FakeBlob ? mediaData : null;
    const mimeType = r.mimeType ?? media?.contentType ?? 'application/octet-stream';
    const parents = r.parents ?? [this.env.drive.rootId];
    for (const p of parents) {
      const parent = p === 'root' ? this.env.drive.find(this.env.drive.rootId) : this.env.drive.find(String(p));
      if (!parent || (parent.id !== this.env.drive.rootId && !parent.byScript && !this.reachesAll('create')))
        throw apiError(rest, 404, `File not found: ${String(p)}.`);
      if (parent.mimeType !== FOLDER_MIME) throw apiError(rest, 400, 'The specified parent is not a folder.');
    }
    const id = this.env.newId(mimeType === FOLDER_MIME ? 'folder' : mimeType === DOCUMENT_MIME ? 'document' : 'file');
    let content = null;
    if (mimeType === DOCUMENT_MIME) content = new DocumentModel(id);
    else if (mimeType.startsWith('application/vnd.google-apps.') && mimeType !== FOLDER_MIME)
      throw new Error(`The emulator's Drive.Files.create makes folders, Docs and plain files, not ${mimeType}`);
    const f = this.env.drive.add({
      id,
      name: r.name ?? 'Untitled',
      mimeType,
      parents: parents.map((p) => (p === 'root' ? this.env.drive.rootId : String(p))),
      content,
      bytes: media ? media.bytes.slice() : undefined,
    });
    if (r.description !== undefined) f.description = String(r.description);
    return this.resource(f, rest, optionalArgs?.fields);
  }

  /** The file's metadata; a trashed file is still found (trashed: true), a deleted one is not. */
  get(fileId: string): GFile;
  get(fileId: string, optionalArgs: Record<string, unknown> & { alt: 'media' }): string;
  get(fileId: string, optionalArgs: Record<string, unknown>): GFile;
  get(fileId: string, optionalArgs?: Record<string, unknown>): GFile | string {
    this.env.calls.record('Drive.Files.get');
    const f = this.reach(fileId, 'get');
    if (optionalArgs?.alt === 'media')
      throw new Error("The emulator's Drive.Files.get does not download content (alt: 'media')");
    return this.resource(f, 'drive.files.get', optionalArgs?.fields);
  }

  /**
   * Changes name, description or trashed (a folder's trash state reaches what it holds, as Drive's
   * `trashed` says: "either explicitly or from a trashed parent folder"); parents move through
   * addParents/removeParents, not the resource ("The parents field is not directly writable").
   */
  update(
    resource: GFile,
    fileId: string,
    mediaData?: GoogleAppsScript.Base.Blob,
    optionalArgs?: Record<string, unknown>,
  ): GFile {
    this.env.calls.record('Drive.Files.update');
    const rest = 'drive.files.update';
    const f = this.reach(fileId, 'update');
    const r = (resource ?? {}) as GFile;
    if (r.parents !== undefined)
      throw apiError(
        rest,
        403,
        'The parents field is not directly writable in update requests. Use the addParents and removeParents parameters instead.',
      );
    if (r.name !== undefined) f.name = String(r.name);
    if (r.description !== undefined) f.description = String(r.description);
    if (r.trashed !== undefined) this.setTrashed(f, r.trashed === true);
    if (mediaData instanceof FakeBlob) f.bytes = mediaData.bytes.slice();
    const add = optionalArgs?.addParents ? String(optionalArgs.addParents).split(',') : [];
    const remove = optionalArgs?.removeParents ? String(optionalArgs.removeParents).split(',') : [];
    for (const p of add) {
      const parent = this.reach(p.trim(), 'update');
      if (parent.mimeType !== FOLDER_MIME) throw apiError(rest, 400, 'The specified parent is not a folder.');
      if (!f.parents.includes(parent.id)) f.parents.push(parent.id);
    }
    f.parents = f.parents.filter((p) => !remove.map((x) => x.trim()).includes(p));
    this.env.drive.touch(f.id);
    return this.resource(f, rest, optionalArgs?.fields);
  }

  private setTrashed(f: StoredFile, trashed: boolean): void {
    f.trashed = trashed;
    if (f.mimeType !== FOLDER_MIME) return;
    for (const child of this.env.drive.all()) if (child.parents.includes(f.id)) this.setTrashed(child, trashed);
  }
}

/** The `Drive` global of the Advanced Drive service (v3): its Files collection. */
export class FakeAdvancedDrive implements Pick<GoogleAppsScript.Drive, 'Files'> {
  readonly Files: GFiles;

  constructor(env: Env, granted: () => ReadonlySet<string> | 'all') {
    this.Files = new FakeDriveFiles(env, granted) as unknown as GFiles;
  }
}
