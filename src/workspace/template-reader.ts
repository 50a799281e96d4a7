/** Reads a notice template Doc with DocumentApp into blocks of formatted runs (no export URL, no extra scope). */
import type { DocBlock, TextRun } from '../core/templates';

const ORDERED_GLYPHS = ['NUMBER', 'LATIN_UPPER', 'LATIN_LOWER', 'ROMAN_UPPER', 'ROMAN_LOWER'];
const HEADINGS: Record<string, number> = {
  TITLE: 1,
  SUBTITLE: 2,
  HEADING1: 1,
  HEADING2: 2,
  HEADING3: 3,
  HEADING4: 4,
  HEADING5: 5,
  HEADING6: 6,
};

/** The runs of one element's text, split where its formatting changes. */
function runsOf(text: GoogleAppsScript.Document.Text): TextRun[] {
  const s = text.getText();
  if (s === '') return [];
  const starts = text.getTextAttributeIndices();
  return starts.map((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1] : s.length;
    return {
      text: s.slice(start, end),
      bold: text.isBold(start) === true,
      italic: text.isItalic(start) === true,
      underline: text.isUnderline(start) === true,
      link: text.getLinkUrl(start),
    };
  });
}

/** The Doc's body as blocks: paragraphs (with their heading level) and list items; other elements are skipped. */
export function readTemplateDoc(doc: GoogleAppsScript.Document.Document): DocBlock[] {
  const body = doc.getBody();
  const blocks: DocBlock[] = [];
  const n = body.getNumChildren();
  for (let i = 0; i < n; i++) {
    const child = body.getChild(i);
    const type = String(child.getType());
    if (type === 'PARAGRAPH') {
      const p = child.asParagraph();
      const level = HEADINGS[String(p.getHeading())];
      blocks.push(
        level
          ? { kind: 'heading', level, runs: runsOf(p.editAsText()) }
          : { kind: 'paragraph', runs: runsOf(p.editAsText()) },
      );
    } else if (type === 'LIST_ITEM') {
      const li = child.asListItem();
      blocks.push({
        kind: 'listItem',
        ordered: ORDERED_GLYPHS.includes(String(li.getGlyphType())),
        nesting: li.getNestingLevel(),
        runs: runsOf(li.editAsText()),
      });
    }
  }
  return blocks;
}
