/** Writes the default notice templates as Google Docs (first line `Subject: …`, then the body). */
import type { TemplateText } from '../core/default-templates';
import { isGone, trashQuietly } from './drive-files';

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
