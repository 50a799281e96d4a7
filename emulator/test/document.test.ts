/**
 * DocumentApp fake: structure, formatting runs, replaceText, editAsText, PDF export, call counting
 * and fault injection. Each quirk cites the Apps Script reference it copies.
 */
import type { FakeBlob } from '../src/blob';
import { compilePattern, DocumentModel, FakeDocumentApp, type FakeRangeElement, type FakeText } from '../src/document';
import { FakeDriveApp } from '../src/drive';
import { createEnv, type Env, InjectedFault } from '../src/env';
import { DOCUMENT_MIME } from '../src/spreadsheet-model';

type Paragraph = GoogleAppsScript.Document.Paragraph;
type ListItem = GoogleAppsScript.Document.ListItem;

function setup(): { env: Env; app: FakeDocumentApp } {
  const env = createEnv({ start: new Date('2017-02-20T10:00:00Z') });
  return { env, app: new FakeDocumentApp(env) };
}

function pdfText(blob: GoogleAppsScript.Base.Blob): string {
  return Buffer.from((blob as unknown as FakeBlob).bytes).toString('latin1');
}

describe('DocumentApp: documents in the Drive store', () => {
  // https://developers.google.com/apps-script/reference/document/document-app#create(String)
  it('create() stores a Google Doc in env.drive that holds one empty paragraph', () => {
    const { env, app } = setup();
    const doc = app.create('Notice (en)');
    const f = env.drive.find(doc.getId());
    expect(f?.mimeType).toBe(DOCUMENT_MIME);
    expect(f?.name).toBe('Notice (en)');
    expect(f?.content).toBeInstanceOf(DocumentModel);
    const body = doc.getBody();
    expect(body.getNumChildren()).toBe(1);
    expect(body.getParagraphs()[0].getText()).toBe('');
  });

  // https://developers.google.com/apps-script/reference/document/document-app#openById(String)
  it('openById opens the same content; openByUrl takes the document URL', () => {
    const { app } = setup();
    const doc = app.create('T');
    doc.getBody().appendParagraph('Hello');
    const again = app.openById(doc.getId());
    expect(again.getBody().getText()).toBe('\nHello');
    expect(app.openByUrl(doc.getUrl()).getId()).toBe(doc.getId());
    expect(app.openByUrl(`https://docs.google.com/document/d/${doc.getId()}/edit`).getName()).toBe('T');
  });

  // Apps Script: "Document is missing (perhaps it was deleted, or you don't have read access?)"
  it('a document removed from Drive cannot be opened', () => {
    const { env, app } = setup();
    const doc = app.create('Gone');
    env.drive.remove(doc.getId());
    expect(() => app.openById(doc.getId())).toThrow(/Document is missing/);
  });

  it('a file that is not a document cannot be opened with DocumentApp', () => {
    const { env, app } = setup();
    const f = env.drive.add({ name: 'x.txt', mimeType: 'text/plain', bytes: new Uint8Array([65]) });
    expect(() => app.openById(f.id)).toThrow(/Document is missing/);
  });

  // https://developers.google.com/apps-script/reference/drive/file#setTrashed(Boolean)
  it('a trashed document still opens by id', () => {
    const { env, app } = setup();
    const doc = app.create('Trashed');
    const f = env.drive.find(doc.getId());
    if (f) f.trashed = true;
    expect(app.openById(doc.getId()).getName()).toBe('Trashed');
  });

  it('getActiveDocument() is null for a spreadsheet-bound add-on', () => {
    const { app } = setup();
    expect(app.getActiveDocument()).toBeNull();
  });

  it('setName renames the Drive file', () => {
    const { env, app } = setup();
    const doc = app.create('Old');
    doc.setName('New');
    expect(env.drive.find(doc.getId())?.name).toBe('New');
    expect(doc.getName()).toBe('New');
  });

  // https://developers.google.com/apps-script/reference/document/document#saveAndClose()
  it('after saveAndClose() the elements refuse further edits', () => {
    const { app } = setup();
    const doc = app.create('Closed');
    const body = doc.getBody();
    doc.saveAndClose();
    expect(() => body.appendParagraph('late')).toThrow('Document is closed, its contents cannot be updated.');
    expect(doc.getId()).toMatch(/^document-/);
  });
});

describe('Body structure: paragraphs, headings, list items', () => {
  // https://developers.google.com/apps-script/reference/document/paragraph-heading
  it('paragraphs carry headings; the enum values print as their names', () => {
    const { app } = setup();
    const body = app.create('H').getBody();
    const h = body.appendParagraph('Title').setHeading(app.ParagraphHeading.HEADING1);
    expect(h.getHeading()).toBe(app.ParagraphHeading.HEADING1);
    expect(String(h.getHeading())).toBe('HEADING1');
    expect(body.appendParagraph('text').getHeading()).toBe(app.ParagraphHeading.NORMAL);
    expect(h.getType()).toBe(app.ElementType.PARAGRAPH);
    expect(body.getType()).toBe(app.ElementType.BODY_SECTION);
  });

  // https://developers.google.com/apps-script/reference/document/body#getParagraphs()
  it('getParagraphs() includes list items; getListItems() only the list items', () => {
    const { app } = setup();
    const body = app.create('L').getBody();
    body.appendParagraph('Intro');
    body.appendListItem('one');
    body.appendListItem('two');
    expect(body.getParagraphs().map((p) => p.getText())).toEqual(['', 'Intro', 'one', 'two']);
    expect(body.getListItems().map((p) => p.getText())).toEqual(['one', 'two']);
    expect(body.getChild(2).getType()).toBe(app.ElementType.LIST_ITEM);
  });

  // https://developers.google.com/apps-script/reference/document/body#appendListItem(String)
  it('consecutive list items share a list id; a list after a paragraph starts a new one', () => {
    const { app } = setup();
    const body = app.create('L').getBody();
    const a = body.appendListItem('a');
    const b = body.appendListItem('b');
    body.appendParagraph('between');
    const c = body.appendListItem('c');
    expect(a.getListId()).toBe(b.getListId());
    expect(c.getListId()).not.toBe(a.getListId());
    c.setListId(a);
    expect(c.getListId()).toBe(a.getListId());
  });

  // https://developers.google.com/apps-script/reference/document/list-item#setGlyphType(GlyphType)
  it('list items have glyph types and nesting levels', () => {
    const { app } = setup();
    const body = app.create('L').getBody();
    const item = body.appendListItem('first');
    expect(item.getGlyphType()).toBe(app.GlyphType.BULLET);
    expect(item.getNestingLevel()).toBe(0);
    item.setGlyphType(app.GlyphType.NUMBER).setNestingLevel(1);
    expect(item.getGlyphType()).toBe(app.GlyphType.NUMBER);
    expect(item.getNestingLevel()).toBe(1);
    expect(() => item.setGlyphType('STAR' as unknown as GoogleAppsScript.Document.GlyphType)).toThrow(
      /Invalid argument/,
    );
  });

  // https://developers.google.com/apps-script/reference/document/paragraph ("New-line characters are converted to line-break characters")
  it('"\\n" in a paragraph becomes "\\r"', () => {
    const { app } = setup();
    const p = app.create('N').getBody().appendParagraph('line 1\nline 2');
    expect(p.getText()).toBe('line 1\rline 2');
  });

  it('insertParagraph, getChildIndex, removeChild, siblings', () => {
    const { app } = setup();
    const body = app.create('S').getBody();
    const b = body.appendParagraph('b');
    const a = body.insertParagraph(1, 'a');
    body.appendParagraph('c');
    expect(body.getChildIndex(a)).toBe(1);
    expect(body.getChildIndex(b)).toBe(2);
    expect((a.getNextSibling() as Paragraph).getText()).toBe('b');
    expect(body.removeChild(b).getText()).toBe('\na\nc');
    expect(() => body.insertParagraph(9, 'x')).toThrow(
      'Child index (9) must be less than or equal to the number of child elements (3).',
    );
    expect(() => body.getChild(3)).toThrow('Child index (3) must be less than the number of child elements (3).');
  });

  // Docs keeps a final paragraph in every section: "Can't remove the last paragraph in a document section."
  it('the last paragraph of the body cannot be removed; clear() leaves one empty paragraph', () => {
    const { app } = setup();
    const body = app.create('R').getBody();
    const first = body.getParagraphs()[0];
    expect(() => first.removeFromParent()).toThrow("Can't remove the last paragraph in a document section.");
    body.appendParagraph('x');
    first.removeFromParent();
    expect(body.getNumChildren()).toBe(1);
    body.clear();
    expect(body.getNumChildren()).toBe(1);
    expect(body.getText()).toBe('');
  });

  // https://developers.google.com/apps-script/reference/document/body#appendHorizontalRule()
  it('a horizontal rule sits in a paragraph of its own', () => {
    const { app } = setup();
    const body = app.create('HR').getBody();
    const hr = body.appendHorizontalRule();
    expect(hr.getType()).toBe(app.ElementType.HORIZONTAL_RULE);
    expect(hr.getParent().getType()).toBe(app.ElementType.PARAGRAPH);
    expect(body.getNumChildren()).toBe(2);
  });

  // https://developers.google.com/apps-script/reference/document/body#setText(String)
  it('Body.setText makes a paragraph per line and getText joins them with "\\n"', () => {
    const { app } = setup();
    const body = app.create('T').getBody();
    body.setText('Subject: Hi\nDear {{ContactName}},');
    expect(body.getNumChildren()).toBe(2);
    expect(body.getText()).toBe('Subject: Hi\nDear {{ContactName}},');
  });

  it('a detached copy of a paragraph can be appended (and an attached one cannot)', () => {
    const { app } = setup();
    const body = app.create('C').getBody();
    const p = body.appendParagraph('Heading').setHeading(app.ParagraphHeading.HEADING2);
    const copy = p.copy();
    body.appendParagraph(copy);
    expect(body.getParagraphs()[2].getHeading()).toBe(app.ParagraphHeading.HEADING2);
    expect(() => body.appendParagraph(p)).toThrow('Element must be detached.');
  });
});

describe('Text: per-character formatting runs', () => {
  // https://developers.google.com/apps-script/reference/document/paragraph#appendText(String)
  it('Paragraph.appendText creates a new Text element; saving merges adjacent ones', () => {
    const { app } = setup();
    const doc = app.create('A');
    const p = doc.getBody().appendParagraph('Hello');
    p.appendText(', world');
    expect(p.getNumChildren()).toBe(2);
    expect(p.getText()).toBe('Hello, world');
    doc.saveAndClose();
    const reopened = app.openById(doc.getId()).getBody().getParagraphs()[1];
    expect(reopened.getNumChildren()).toBe(1);
    expect(reopened.getChild(0).getType()).toBe(app.ElementType.TEXT);
  });

  it('opening again in the same execution keeps the open elements working; a later execution sees merged text', () => {
    const { env, app } = setup();
    const doc = app.create('Twice');
    const p = doc.getBody().appendParagraph('a');
    const tail = p.appendText('b');
    expect(app.openById(doc.getId()).getBody().getParagraphs()[1].getNumChildren()).toBe(2);
    tail.setBold(true);
    expect(app.model(doc.getId()).plainText()).toBe('\nab');
    env.execution = { id: 7, startedAt: 0, functionName: 'later', authMode: 'FULL', fromTrigger: false };
    expect(app.openById(doc.getId()).getBody().getParagraphs()[1].getNumChildren()).toBe(1);
  });

  // https://developers.google.com/apps-script/reference/document/text#setBold(Integer,Integer,Boolean)
  it('setBold/setItalic/setUnderline over a range; isBold(offset) reads one character', () => {
    const { app } = setup();
    const t = app.create('B').getBody().appendParagraph('Dear friend').editAsText();
    t.setBold(0, 3, true).setItalic(5, 10, true).setUnderline(0, 0, true);
    expect(t.isBold(0)).toBe(true);
    expect(t.isBold(5)).toBeNull(); // never set: null, as getAttributes() reports unset attributes
    expect(t.isItalic(5)).toBe(true);
    expect(t.isUnderline(0)).toBe(true);
    expect(t.isUnderline(1)).toBeNull();
    // Without an offset: null when the characters differ.
    expect(t.isBold()).toBeNull();
  });

  // https://developers.google.com/apps-script/reference/document/text#getTextAttributeIndices()
  it('getTextAttributeIndices gives the offsets where runs start', () => {
    const { app } = setup();
    const t = app.create('I').getBody().appendParagraph('plain bold link').editAsText();
    t.setBold(6, 9, true);
    t.setLinkUrl(11, 14, 'https://example.org');
    expect(t.getTextAttributeIndices()).toEqual([0, 6, 10, 11]);
    expect(t.getLinkUrl(12)).toBe('https://example.org');
    expect(t.getLinkUrl(0)).toBeNull();
    expect(t.getAttributes(7)[app.Attribute.BOLD]).toBe(true);
  });

  // Observed behaviour (not in the reference): text appended to a paragraph takes the formatting
  // of its last character, so plain text after a bold run must be set back with setBold(false).
  it('appendText continues the formatting of the last character', () => {
    const { app } = setup();
    const p = app.create('F').getBody().appendParagraph('');
    p.appendText('Bold').setBold(true);
    const after = p.appendText(' then plain');
    expect(after.isBold()).toBe(true);
    after.setBold(false);
    expect(p.editAsText().getTextAttributeIndices()).toEqual([0, 4]);
  });

  // https://developers.google.com/apps-script/reference/document/text#setLinkUrl(String)
  it('setLinkUrl(null) removes a link', () => {
    const { app } = setup();
    const t = app.create('L').getBody().appendParagraph('site').editAsText();
    t.setLinkUrl('https://example.org');
    expect(t.getLinkUrl()).toBe('https://example.org');
    t.setLinkUrl(null as unknown as string);
    expect(t.getLinkUrl()).toBeNull();
  });

  // https://developers.google.com/apps-script/reference/document/text#insertText(Integer,String)
  it('insertText, appendText and deleteText keep the runs in step with the characters', () => {
    const { app } = setup();
    const t = app.create('E').getBody().appendParagraph('ab').editAsText();
    t.setBold(1, 1, true);
    t.insertText(1, 'XY');
    expect(t.getText()).toBe('aXYb');
    expect(t.isBold(1)).toBeNull(); // inserted text takes the formatting of the character before it
    expect(t.isBold(3)).toBe(true);
    t.appendText('!');
    expect(t.isBold(4)).toBe(true);
    t.deleteText(0, 2);
    expect(t.getText()).toBe('b!');
    expect(t.getTextAttributeIndices()).toEqual([0]);
  });

  // Apps Script: "Index (x) must be less than the content length (y)."
  it('offsets outside the text throw', () => {
    const { app } = setup();
    const t = app.create('O').getBody().appendParagraph('abc').editAsText();
    expect(() => t.setBold(0, 3, true)).toThrow('Index (3) must be less than the content length (3).');
    expect(() => t.deleteText(2, 1)).toThrow(/start offset/);
  });

  // https://developers.google.com/apps-script/reference/document/body#editAsText()
  it('Body.editAsText() edits the whole body as one text, paragraphs joined by "\\n"', () => {
    const { app } = setup();
    const body = app.create('E').getBody();
    body.getParagraphs()[0].setText('Subject: X');
    body.appendParagraph('Body text');
    const all = body.editAsText();
    expect(all.getText()).toBe('Subject: X\nBody text');
    all.setBold(11, 14, true); // "Body" in the second paragraph
    const second = body.getParagraphs()[1].editAsText();
    expect(second.isBold(0)).toBe(true);
    expect(second.isBold(4)).toBeNull();
    all.insertText(11, '> ');
    expect(body.getParagraphs()[1].getText()).toBe('> Body text');
  });
});

describe('replaceText and findText', () => {
  // https://developers.google.com/apps-script/reference/document/body#replaceText(String,String)
  it('replaceText finds a placeholder that a formatting run splits, and keeps the first character’s format', () => {
    const { app } = setup();
    const p = app.create('R').getBody().appendParagraph('Dear {{Municipality}} team');
    const t = p.editAsText();
    t.setBold(11, 20, true); // "{{Muni" plain + "cipality}}" bold
    expect(t.getTextAttributeIndices()).toEqual([0, 11, 21]);
    p.replaceText('{{Municipality}}', 'Ljubljana');
    expect(p.getText()).toBe('Dear Ljubljana team');
    expect(t.isBold(5)).toBeNull();
    expect(t.isBold(13)).toBeNull();
    expect(t.getTextAttributeIndices()).toEqual([0]);
  });

  it('a bold placeholder gives a bold value', () => {
    const { app } = setup();
    const body = app.create('R').getBody();
    const t = body.appendParagraph('Seats: {{PlacesGranted}}.').editAsText();
    t.setBold(7, 23, true);
    body.replaceText('\\{\\{PlacesGranted\\}\\}', '2');
    expect(t.getText()).toBe('Seats: 2.');
    expect(t.isBold(7)).toBe(true);
    expect(t.isBold(8)).toBeNull();
  });

  // RE2 (https://github.com/google/re2/wiki/Syntax): a brace that does not start a repetition is a literal.
  it('"{{X}}" matches itself; the escaped form "\\\\{\\\\{X\\\\}\\\\}" is the safe one', () => {
    const { app } = setup();
    const body = app.create('R').getBody();
    body.appendParagraph('A {{X}} B {{X}}');
    body.replaceText('{{X}}', 'x');
    expect(body.getText()).toBe('\nA x B x');
    body.appendParagraph('{{Y}}');
    body.replaceText('\\{\\{Y\\}\\}', 'y');
    expect(body.getText()).toBe('\nA x B x\ny');
  });

  // The search pattern is a regular expression: ".", "(", "$" and friends must be escaped by the caller.
  it('regex special characters in a placeholder must be escaped by the caller', () => {
    const { app } = setup();
    const body = app.create('R').getBody();
    body.appendParagraph('Cost (EUR): {{Price (EUR)}} / a.c abc');
    body.replaceText('{{Price (EUR)}}', 'X'); // "(EUR)" is a group: matches "{{Price EUR}}", not the text
    expect(body.getText()).toContain('{{Price (EUR)}}');
    body.replaceText('\\{\\{Price \\(EUR\\)\\}\\}', '12');
    expect(body.getText()).toContain('Cost (EUR): 12');
    body.replaceText('a.c', 'Z'); // "." is any character
    expect(body.getText()).toContain('/ Z Z');
  });

  // RE2 has no back-references: the replacement is inserted literally ("$1", "$&" stay as they are).
  // https://developers.google.com/apps-script/reference/document/body#replaceText(String,String): the
  // pattern is a regular expression; the reference is silent on the replacement, so the emulator reads
  // it as a regex replacement (java.util.regex), the stricter choice: "$" and "\\" are special.
  it('the search pattern is a regular expression', () => {
    const { app } = setup();
    const body = app.create('R').getBody();
    body.appendParagraph('Ljubljana 2017, Maribor 2018');
    body.replaceText('\\d{4}', 'YYYY');
    expect(body.getText()).toBe('\nLjubljana YYYY, Maribor YYYY');
  });

  it('the replacement inserts groups with $n and named groups; \\$ and \\\\ are a literal $ and \\', () => {
    const { app } = setup();
    const body = app.create('R').getBody();
    body.appendParagraph('Kranj-Bled');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a regex replacement's named group, not a template
    body.replaceText('(\\w+)-(?P<second>\\w+)', '${second} & $1 cost \\$12 \\\\ $0');
    expect(body.getText()).toBe('\nBled & Kranj cost $12 \\ Kranj-Bled');
  });

  it.each([
    ['a "$" not followed by a group', 'costs $ 5', /illegal group reference/],
    ['a group the pattern does not have', 'costs $1', /no group 1/],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a regex replacement's named group, not a template
    ['a name the pattern does not have', '${price}', /no group with name \{price\}/],
    ['a trailing backslash', 'C:\\', /character to be escaped is missing/],
  ])('a replacement with %s throws and the text is unchanged', (_what, replacement, message) => {
    const { app } = setup();
    const body = app.create('R').getBody();
    body.appendParagraph('{{Price}}');
    expect(() => body.replaceText('\\{\\{Price\\}\\}', replacement)).toThrow(message);
    expect(body.getText()).toBe('\n{{Price}}');
    // No match, no replacement read: an invalid replacement passes unnoticed.
    expect(() => body.replaceText('nowhere', replacement)).not.toThrow();
  });

  it('RE2 syntax: \\Q...\\E quotes, (?i) ignores case, look-ahead is refused', () => {
    expect(compilePattern('\\Q{{Price (EUR)}}\\E').test('{{Price (EUR)}}')).toBe(true);
    expect(compilePattern('(?i)deadline').test('DEADLINE')).toBe(true);
    expect(() => compilePattern('a(?=b)')).toThrow('Invalid argument: searchPattern');
  });

  // https://developers.google.com/apps-script/reference/document/body#replaceText(String,String):
  // "The provided regular expression pattern is independently matched against each text block".
  it('each Text element is matched on its own until the document is saved', () => {
    const { app } = setup();
    const doc = app.create('Split');
    const p = doc.getBody().appendParagraph('{{Muni');
    p.appendText('cipality}}');
    p.replaceText('\\{\\{Municipality\\}\\}', 'Kranj');
    expect(p.getText()).toBe('{{Municipality}}');
    doc.saveAndClose();
    const body = app.openById(doc.getId()).getBody();
    body.replaceText('\\{\\{Municipality\\}\\}', 'Kranj');
    expect(body.getText()).toBe('\nKranj');
  });

  it('replaceText reaches list items and keeps them list items', () => {
    const { app } = setup();
    const body = app.create('R').getBody();
    body.appendListItem('Deadline: {{Deadline}}');
    body.replaceText('\\{\\{Deadline\\}\\}', '1 March 2017');
    const item = body.getListItems()[0];
    expect(item.getText()).toBe('Deadline: 1 March 2017');
    expect(item.getType()).toBe(app.ElementType.LIST_ITEM);
  });

  // https://developers.google.com/apps-script/reference/document/range-element#getStartOffset()
  it('findText returns a RangeElement (start offset -1 unless partial), then null', () => {
    const { app } = setup();
    const body = app.create('F').getBody();
    body.appendParagraph('a {{X}} b {{Y}}');
    const r1 = body.findText('\\{\\{[A-Z]\\}\\}') as unknown as FakeRangeElement;
    expect(r1.isPartial()).toBe(true);
    expect(r1.getStartOffset()).toBe(2);
    expect(r1.getEndOffsetInclusive()).toBe(6);
    expect((r1.getElement() as unknown as FakeText).getText()).toBe('a {{X}} b {{Y}}');
    const r2 = body.findText('\\{\\{[A-Z]\\}\\}', r1 as unknown as GoogleAppsScript.Document.RangeElement);
    expect(r2.getStartOffset()).toBe(10);
    expect(body.findText('\\{\\{[A-Z]\\}\\}', r2)).toBeNull();
    body.appendParagraph('whole');
    const whole = body.findText('whole');
    expect(whole.isPartial()).toBe(false);
    expect(whole.getStartOffset()).toBe(-1);
  });
});

describe('exports and copies', () => {
  // https://developers.google.com/apps-script/reference/document/document#getAs(String)
  it('getAs("application/pdf") is a valid PDF named "<name>.pdf" with the text', () => {
    const { app } = setup();
    const doc = app.create('Notice (sl)');
    const body = doc.getBody();
    body.getParagraphs()[0].setText('Subject: Obvestilo (Škofja Loka)');
    body.appendListItem('first point');
    const blob = doc.getAs('application/pdf');
    expect(blob.getContentType()).toBe('application/pdf');
    expect(blob.getName()).toBe('Notice (sl).pdf');
    const text = pdfText(blob);
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.endsWith('%%EOF')).toBe(true);
    expect(text).toContain('/BaseFont /Helvetica');
    // WinAnsiEncoding: "Š" is byte 0x8A, the bullet 0x95; parentheses are escaped.
    expect(text).toContain('(Subject: Obvestilo \\(\x8Akofja Loka\\))');
    expect(text).toContain('(\x95 first point)');
  });

  it('the xref table gives the true byte offset of every object', () => {
    const { app } = setup();
    const doc = app.create('X');
    for (let i = 0; i < 120; i++) doc.getBody().appendParagraph(`Line ${i}`);
    const text = pdfText(doc.getBlob());
    const startxref = Number(/startxref\n(\d+)\n%%EOF$/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const entries = text.slice(startxref).split('\n').slice(3);
    const objects = Number(/xref\n0 (\d+)/.exec(text)?.[1]);
    for (let n = 1; n < objects; n++) {
      const offset = Number(entries[n - 1].slice(0, 10));
      expect(text.slice(offset, offset + `${n} 0 obj`.length)).toBe(`${n} 0 obj`);
    }
    // 121 lines at 50 a page: 3 pages.
    expect(text).toContain('/Count 3');
  });

  // Blob.getAs: "ShoppingList.12.25.2014" becomes "ShoppingList.12.25.pdf".
  it('the PDF name replaces what follows the last period', () => {
    const { app } = setup();
    expect(app.create('Notice v1.2').getAs('application/pdf').getName()).toBe('Notice v1.pdf');
  });

  it('other conversions are refused', () => {
    const { app } = setup();
    expect(() => app.create('D').getAs('image/png')).toThrow(
      'Converting from application/vnd.google-apps.document to image/png is not supported.',
    );
  });

  it('text/markdown export keeps headings, lists, bold and links', () => {
    const { app } = setup();
    const doc = app.create('M');
    const body = doc.getBody();
    body.appendParagraph('Result').setHeading(app.ParagraphHeading.HEADING2);
    body.appendListItem('one').setGlyphType(app.GlyphType.NUMBER);
    body.appendParagraph('see ').appendText('site').setLinkUrl('https://e.org');
    const md = (doc.getAs('text/markdown') as unknown as FakeBlob).text();
    expect(md).toContain('## Result');
    expect(md).toContain('1. one');
    expect(md).toContain('see [site](https://e.org)');
  });

  // https://developers.google.com/apps-script/reference/drive/file#makeCopy(String)
  it('DriveApp.makeCopy of a document is an independent document', () => {
    const { env, app } = setup();
    const drive = new FakeDriveApp(env);
    const doc = app.create('Template');
    doc.getBody().appendParagraph('Dear {{ContactName}}').editAsText().setBold(0, 3, true);
    const copyId = drive.getFileById(doc.getId()).makeCopy('Notice 1').getId();
    const copy = app.openById(copyId);
    copy.getBody().replaceText('\\{\\{ContactName\\}\\}', 'Ana');
    expect(copy.getBody().getText()).toBe('\nDear Ana');
    expect(copy.getBody().getParagraphs()[1].editAsText().isBold(0)).toBe(true);
    expect(app.openById(doc.getId()).getBody().getText()).toBe('\nDear {{ContactName}}');
  });
});

describe('call counting and fault injection', () => {
  it('every API call is counted under Document.<Class>.<method>', () => {
    const { env, app } = setup();
    const doc = app.create('C');
    const body = doc.getBody();
    body.appendParagraph('a');
    body.appendParagraph('b').editAsText().setBold(true);
    expect(env.calls.count('Document.DocumentApp.create')).toBe(1);
    expect(env.calls.count('Document.Body.appendParagraph')).toBe(2);
    expect(env.calls.count('Document.Paragraph.editAsText')).toBe(1);
    expect(env.calls.count('Document.Text.setBold')).toBe(1);
    expect(env.calls.total('Document.')).toBe(6);
  });

  it('failOn makes the k-th call throw InjectedFault', () => {
    const { env, app } = setup();
    const doc = app.create('F');
    env.calls.failOn('Document.DocumentApp.openById', 1);
    expect(() => app.openById(doc.getId())).toThrow(InjectedFault);
    expect(app.openById(doc.getId()).getId()).toBe(doc.getId());
    env.calls.failNext('Document.Body.replaceText');
    expect(() => doc.getBody().replaceText('a', 'b')).toThrow(InjectedFault);
  });
});

describe('the project’s own use (src/workspace/template-docs.ts)', () => {
  it('builds a template: subject in the first paragraph, heading, bullets with inline runs', () => {
    const { app } = setup();
    const doc = app.create('granted (en)');
    const body = doc.getBody();
    body.getParagraphs()[0].setText('Subject: Your places');
    const h = body.appendParagraph('');
    h.setHeading(app.ParagraphHeading.HEADING2);
    h.appendText('Result');
    const item = body.appendListItem('') as ListItem;
    item.setGlyphType(app.GlyphType.BULLET);
    item.appendText('Places: ');
    item.appendText('{{PlacesGranted}}').setBold(true);
    doc.saveAndClose();
    const reopened = app.openById(doc.getId()).getBody();
    expect(reopened.getText()).toBe('Subject: Your places\nResult\nPlaces: {{PlacesGranted}}');
    const text = reopened.getListItems()[0].editAsText();
    expect(text.getTextAttributeIndices()).toEqual([0, 8]);
    reopened.replaceText('\\{\\{PlacesGranted\\}\\}', '2');
    expect(text.isBold(8)).toBe(true);
  });
});
