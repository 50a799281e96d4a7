/** Files the add-on makes in Drive: telling a deleted one from a failed call, and tidying up a half-made one. */

/**
 * Whether Apps Script's error says the item is gone (deleted, or out of reach), as Docs ("Document
 * is missing") and Drive ("No item with the given ID could be found") word it. Any other error is a
 * failure of the call itself, and must not be taken for a missing file (Set up would make a second).
 */
export function isGone(e: unknown): boolean {
  return /Document is missing|No item with the given ID/i.test(e instanceof Error ? e.message : String(e));
}

/** Moves a file or folder the add-on just made to the trash; if that fails too, it stays (named, harmless). */
export function trashQuietly(id: () => string, folder = false): void {
  try {
    if (folder) DriveApp.getFolderById(id()).setTrashed(true);
    else DriveApp.getFileById(id()).setTrashed(true);
  } catch (_e) {
    // Out of reach: it stays in My Drive under its own name.
  }
}
