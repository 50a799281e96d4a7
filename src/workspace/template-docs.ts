/** Writes the default notice templates as Google Docs (first line `Subject: …`, then the body). */
import type { TemplateText } from '../core/default-templates';

/** Creates one Doc in `folder` from a template text and returns its id. */
export function createTemplateDoc(folder: GoogleAppsScript.Drive.Folder, name: string, template: TemplateText): string {
  const doc = DocumentApp.create(name);
  let id = '';
  try {
    id = doc.getId();
    writeTemplate(doc, template);
    DriveApp.getFileById(id).moveTo(folder);
  } catch (e) {
    // A half-written Doc is not left behind: the next Set up makes this template again.
    trashQuietly(() => id || doc.getId());
    throw e;
  }
  return id;
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

function writeTemplate(doc: GoogleAppsScript.Document.Document, template: TemplateText): void {
  const body = doc.getBody();
  const paragraphs = body.getParagraphs();
  const subjectLine = `Subject: ${template.subject}`;
  if (paragraphs.length > 0) paragraphs[0].setText(subjectLine);
  else body.appendParagraph(subjectLine);
  for (const block of template.blocks) {
    const element =
      block.kind === 'bullet' || block.kind === 'number' ? body.appendListItem('') : body.appendParagraph('');
    if (block.kind === 'heading')
      (element as GoogleAppsScript.Document.Paragraph).setHeading(DocumentApp.ParagraphHeading.HEADING2);
    if (block.kind === 'bullet')
      (element as GoogleAppsScript.Document.ListItem).setGlyphType(DocumentApp.GlyphType.BULLET);
    if (block.kind === 'number')
      (element as GoogleAppsScript.Document.ListItem).setGlyphType(DocumentApp.GlyphType.NUMBER);
    for (const inline of block.inlines) {
      // Appended text takes the formatting of the text before it, so every run sets all of its own.
      const text = element.appendText(inline.text);
      text.setBold(inline.bold === true);
      text.setItalic(inline.italic === true);
      // The reference takes null to remove a link; the type definitions only say string.
      text.setLinkUrl(inline.link ?? (null as unknown as string));
    }
  }
  doc.saveAndClose();
}

/**
 * Whether Apps Script's error says the item is gone (deleted, or out of reach), as Docs ("Document
 * is missing") and Drive ("No item with the given ID could be found") word it. Any other error is a
 * failure of the call itself, and must not be taken for a missing file (Set up would make a second).
 */
export function isGone(e: unknown): boolean {
  return /Document is missing|No item with the given ID/i.test(e instanceof Error ? e.message : String(e));
}

/** True when a Doc with this id can still be opened; false when it is gone; other failures are thrown. */
export function docExists(id: string): boolean {
  if (!id) return false;
  try {
    DocumentApp.openById(id);
    return true;
  } catch (e) {
    if (isGone(e)) return false;
    throw e;
  }
}
