/**
 * Files the add-on makes in Drive, through the Advanced Drive service (Drive API v3): DriveApp
 * needs the full `drive` scope for every call, while files.create, get and update work under
 * `drive.file` on the files this script created (SPEC section 9). Also: telling a deleted file
 * from a failed call, and tidying up a half-made one.
 */

export const FOLDER_MIME = 'application/vnd.google-apps.folder';
export const DOCUMENT_MIME = 'application/vnd.google-apps.document';

/** The `Drive` advanced service; appsscript.json enables it (dependencies.enabledAdvancedServices). */
function driveApi(): NonNullable<typeof Drive> {
  if (typeof Drive === 'undefined' || !Drive)
    throw new Error('The Drive API advanced service is not enabled in appsscript.json (userSymbol "Drive", v3)');
  return Drive;
}

/**
 * Whether Apps Script's error says the item is gone (deleted, or out of reach), as Docs ("Document
 * is missing"), DriveApp ("No item with the given ID could be found") and the Drive API ("File not
 * found: ID.") word it. Any other error is a failure of the call itself, and must not be taken for a
 * missing file (Set up would make a second).
 */
export function isGone(e: unknown): boolean {
  return /Document is missing|No item with the given ID|File not found/i.test(
    e instanceof Error ? e.message : String(e),
  );
}

/** Makes a folder (in My Drive) or a Doc (in `parentId`) and returns its id. */
export function createDriveFile(name: string, mimeType: string, parentId?: string): string {
  const resource: GoogleAppsScript.Drive_v3.Drive.V3.Schema.File = { name, mimeType };
  if (parentId) resource.parents = [parentId];
  const id = driveApi().Files.create(resource).id;
  if (!id) throw new Error(`Drive made "${name}" but gave no id`);
  return id;
}

/**
 * The name of a file the add-on made, or null when it is gone or in the trash (a trashed template
 * would be used by nobody who looks for it); any other failure is thrown.
 */
export function liveFileName(id: string): string | null {
  if (!id) return null;
  try {
    const file = driveApi().Files.get(id, { fields: 'id,name,trashed' });
    return file.trashed ? null : (file.name ?? '');
  } catch (e) {
    if (isGone(e)) return null;
    throw e;
  }
}

/** Moves a file or folder the add-on just made to the trash; if that fails too, it stays (named, harmless). */
export function trashQuietly(id: () => string): void {
  try {
    driveApi().Files.update({ trashed: true }, id());
  } catch (_e) {
    // Out of reach: it stays in My Drive under its own name.
  }
}
