/** Writes the default notice templates as Google Docs (first line `Subject: …`, then the body). */
import type { TemplateText } from '../core/default-templates';
import { createDriveFile, DOCUMENT_MIME, liveFileName, trashQuietly } from './drive-files';

/**
 * Creates one Doc in the folder `folderId` from a template text and returns its id. The Doc is
 * made in its folder by the Drive API (drive.file), then written through DocumentApp.
 */
export function createTemplateDoc(folderId: string, name: string, template: TemplateText): string {
  const id = createDriveFile(name, DOCUMENT_MIME, folderId);
  try {
    writeTemplate(DocumentApp.openById(id), template);
  } catch (e) {
    // A half-written Doc is not left behind: the next Set up makes this template again.
    trashQuietly(() => id);
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

/** True when the Doc with this id still exists outside the trash; false when it is gone; other failures are thrown. */
export function docExists(id: string): boolean {
  return liveFileName(id) !== null;
}
