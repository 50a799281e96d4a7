/**
 * DocumentApp for the emulator: the document model (a Body of paragraphs and list items, each
 * holding Text runs with per-character bold/italic/underline/link) and the counted facade
 * (DocumentApp, Document, Body, Paragraph, ListItem, Text, HorizontalRule, RangeElement). Every
 * public API method records "Document.<Class>.<method>" before it does anything. Documents live
 * in env.drive with DOCUMENT_MIME; DriveApp copies them through DocumentModel.clone().
 * Never bundled into build/Code.js.
 */
import { FakeBlob, gas, renderPdf, replaceExtension } from './blob';
import type { Env, FileContent } from './env';
import { DOCUMENT_MIME } from './spreadsheet-model';

type GDocument = GoogleAppsScript.Document.Document;
type GBody = GoogleAppsScript.Document.Body;
type GParagraph = GoogleAppsScript.Document.Paragraph;
type GListItem = GoogleAppsScript.Document.ListItem;
type GText = GoogleAppsScript.Document.Text;
type GElement = GoogleAppsScript.Document.Element;
type GContainer = GoogleAppsScript.Document.ContainerElement;
type GRangeElement = GoogleAppsScript.Document.RangeElement;
type GHorizontalRule = GoogleAppsScript.Document.HorizontalRule;
type GBlob = GoogleAppsScript.Base.Blob;
type GElementType = GoogleAppsScript.Document.ElementType;
type GHeading = GoogleAppsScript.Document.ParagraphHeading;
type GGlyph = GoogleAppsScript.Document.GlyphType;
type GHAlign = GoogleAppsScript.Document.HorizontalAlignment;
type GDocumentApp = GoogleAppsScript.Document.DocumentApp;

// ---------------------------------------------------------------------------------------------
// Enums (plain objects whose values print as their names, like the real ones)

function enumOf<T extends string>(names: readonly T[]): Readonly<Record<T, T>> {
  const out = {} as Record<T, T>;
  for (const n of names) out[n] = n;
  return Object.freeze(out);
}

/** https://developers.google.com/apps-script/reference/document/paragraph-heading */
export const ParagraphHeading = enumOf([
  'NORMAL',
  'HEADING1',
  'HEADING2',
  'HEADING3',
  'HEADING4',
  'HEADING5',
  'HEADING6',
  'TITLE',
  'SUBTITLE',
] as const);
/** https://developers.google.com/apps-script/reference/document/glyph-type */
export const GlyphType = enumOf([
  'BULLET',
  'HOLLOW_BULLET',
  'SQUARE_BULLET',
  'NUMBER',
  'LATIN_UPPER',
  'LATIN_LOWER',
  'ROMAN_UPPER',
  'ROMAN_LOWER',
] as const);
/** https://developers.google.com/apps-script/reference/document/element-type */
export const ElementType = enumOf([
  'BODY_SECTION',
  'COMMENT_SECTION',
  'DATE',
  'DOCUMENT',
  'EQUATION',
  'EQUATION_FUNCTION',
  'EQUATION_FUNCTION_ARGUMENT_SEPARATOR',
  'EQUATION_SYMBOL',
  'FOOTER_SECTION',
  'FOOTNOTE',
  'FOOTNOTE_SECTION',
  'HEADER_SECTION',
  'HORIZONTAL_RULE',
  'INLINE_DRAWING',
  'INLINE_IMAGE',
  'LIST_ITEM',
  'PAGE_BREAK',
  'PARAGRAPH',
  'PERSON',
  'RICH_LINK',
  'TABLE',
  'TABLE_CELL',
  'TABLE_OF_CONTENTS',
  'TABLE_ROW',
  'TEXT',
  'UNSUPPORTED',
] as const);
/** https://developers.google.com/apps-script/reference/document/attribute */
export const Attribute = enumOf([
  'BACKGROUND_COLOR',
  'BOLD',
  'BORDER_COLOR',
  'BORDER_WIDTH',
  'CODE',
  'FONT_FAMILY',
  'FONT_SIZE',
  'FOREGROUND_COLOR',
  'HEADING',
  'HEIGHT',
  'HORIZONTAL_ALIGNMENT',
  'INDENT_END',
  'INDENT_FIRST_LINE',
  'INDENT_START',
  'ITALIC',
  'GLYPH_TYPE',
  'LEFT_TO_RIGHT',
  'LINE_SPACING',
  'LINK_URL',
  'LIST_ID',
  'MARGIN_BOTTOM',
  'MARGIN_LEFT',
  'MARGIN_RIGHT',
  'MARGIN_TOP',
  'NESTING_LEVEL',
  'MINIMUM_HEIGHT',
  'PADDING_BOTTOM',
  'PADDING_LEFT',
  'PADDING_RIGHT',
  'PADDING_TOP',
  'PAGE_HEIGHT',
  'PAGE_WIDTH',
  'SPACING_AFTER',
  'SPACING_BEFORE',
  'STRIKETHROUGH',
  'UNDERLINE',
  'VERTICAL_ALIGNMENT',
  'WIDTH',
] as const);
/** https://developers.google.com/apps-script/reference/document/horizontal-alignment */
export const HorizontalAlignment = enumOf(['LEFT', 'CENTER', 'RIGHT', 'JUSTIFY'] as const);
/** https://developers.google.com/apps-script/reference/document/text-alignment */
export const TextAlignment = enumOf(['NORMAL', 'SUPERSCRIPT', 'SUBSCRIPT'] as const);
/** https://developers.google.com/apps-script/reference/document/vertical-alignment */
export const VerticalAlignment = enumOf(['BOTTOM', 'CENTER', 'TOP'] as const);
/** https://developers.google.com/apps-script/reference/document/positioned-layout */
export const PositionedLayout = enumOf(['ABOVE_TEXT', 'BREAK_BOTH', 'BREAK_LEFT', 'BREAK_RIGHT', 'WRAP_TEXT'] as const);

const ERR = {
  missing: 'Document is missing (perhaps it was deleted, or you don\u2019t have read access?)',
  closed: 'Document is closed, its contents cannot be updated.',
  lastParagraph: "Can't remove the last paragraph in a document section.",
  childIndex: (i: number, n: number) => `Child index (${i}) must be less than the number of child elements (${n}).`,
  insertIndex: (i: number, n: number) =>
    `Child index (${i}) must be less than or equal to the number of child elements (${n}).`,
  offset: (i: number, n: number) => `Index (${i}) must be less than the content length (${n}).`,
  insertOffset: (i: number, n: number) => `Index (${i}) must be less than or equal to the content length (${n}).`,
  startEnd: 'The start offset must be less than or equal to the end offset.',
  notChild: 'Element does not contain the specified child element.',
  detached: 'Element must be detached.',
  invalid: (name: string) => `Invalid argument: ${name}`,
  conversion: (from: string, to: string) => `Converting from ${from} to ${to} is not supported.`,
};

// ---------------------------------------------------------------------------------------------
// The model (no call counting)

/** Formatting of one character; null means "not set" (getAttributes() reports null). */
export interface CharAttrs {
  bold: boolean | null;
  italic: boolean | null;
  underline: boolean | null;
  linkUrl: string | null;
}

export const PLAIN: Readonly<CharAttrs> = Object.freeze({ bold: null, italic: null, underline: null, linkUrl: null });

/** A Text element: characters with their formatting, one CharAttrs per UTF-16 unit. */
export class TextNode {
  readonly kind = 'text' as const;
  parent: ParagraphNode | null = null;
  chars: string;
  attrs: CharAttrs[];

  constructor(text = '', attrs: CharAttrs = PLAIN) {
    this.chars = text;
    this.attrs = Array.from({ length: text.length }, () => ({ ...attrs }));
  }

  clone(): TextNode {
    const t = new TextNode();
    t.chars = this.chars;
    t.attrs = this.attrs.map((a) => ({ ...a }));
    return t;
  }

  /** Formatting runs [start, end) with their attributes. */
  runs(): { start: number; end: number; attrs: CharAttrs }[] {
    const out: { start: number; end: number; attrs: CharAttrs }[] = [];
    for (let i = 0; i < this.chars.length; i++) {
      const last = out[out.length - 1];
      if (last && sameAttrs(last.attrs, this.attrs[i])) last.end = i + 1;
      else out.push({ start: i, end: i + 1, attrs: this.attrs[i] });
    }
    return out;
  }
}

/** A HorizontalRule; it always sits inside a paragraph. */
export class RuleNode {
  readonly kind = 'rule' as const;
  parent: ParagraphNode | null = null;

  clone(): RuleNode {
    return new RuleNode();
  }
}

export type InlineNode = TextNode | RuleNode;

/** A Paragraph or a ListItem. */
export class ParagraphNode {
  children: InlineNode[] = [];
  parent: BodyNode | null = null;
  heading: string = ParagraphHeading.NORMAL;
  alignment: string | null = null;
  glyphType: string = GlyphType.BULLET;
  nestingLevel = 0;
  listId = '';
  /** Other attributes set through setAttributes, kept as given. */
  extra: Record<string, unknown> = {};

  constructor(readonly kind: 'paragraph' | 'listItem') {}

  text(): string {
    let s = '';
    for (const c of this.children) if (c.kind === 'text') s += c.chars;
    return s;
  }

  textNodes(): TextNode[] {
    return this.children.filter((c): c is TextNode => c.kind === 'text');
  }

  append(child: InlineNode, at = this.children.length): void {
    child.parent = this;
    this.children.splice(at, 0, child);
  }

  clone(): ParagraphNode {
    const p = new ParagraphNode(this.kind);
    p.heading = this.heading;
    p.alignment = this.alignment;
    p.glyphType = this.glyphType;
    p.nestingLevel = this.nestingLevel;
    p.listId = this.listId;
    p.extra = { ...this.extra };
    for (const c of this.children) p.append(c.clone());
    return p;
  }
}

export class BodyNode {
  readonly kind = 'body' as const;
  children: ParagraphNode[] = [];

  insert(p: ParagraphNode, at = this.children.length): void {
    p.parent = this;
    this.children.splice(at, 0, p);
  }

  text(): string {
    return this.children.map((p) => p.text()).join('\n');
  }
}

export type DocNode = TextNode | RuleNode | ParagraphNode | BodyNode;

function sameAttrs(a: CharAttrs, b: CharAttrs): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.linkUrl === b.linkUrl;
}

/** Paragraph text may not hold "\n": the reference says new-line characters are converted to "\r". */
function paragraphSafe(text: string): string {
  return text.replace(/\r\n|\n/g, '\r');
}

/** One Google Doc: a body of paragraphs and list items. */
export class DocumentModel implements FileContent {
  body = new BodyNode();
  private listCounter = 0;

  /** A new document holds one empty paragraph, as DocumentApp.create() makes. */
  constructor(readonly id: string) {
    this.body.insert(new ParagraphNode('paragraph'));
  }

  clone(newId: string): DocumentModel {
    const d = new DocumentModel(newId);
    d.body.children = [];
    for (const p of this.body.children) d.body.insert(p.clone());
    d.listCounter = this.listCounter;
    return d;
  }

  /** A fresh list id, like the real "kix.xxxx" ones. */
  newListId(): string {
    this.listCounter++;
    return `kix.${this.id.replace(/[^A-Za-z0-9]/g, '').slice(-6)}l${this.listCounter}`;
  }

  /** The body's plain text, paragraphs separated by "\n" (Body.getText). */
  plainText(): string {
    return this.body.text();
  }

  /** Paragraphs and list items, top level (emulator-only convenience). */
  paragraphs(): ParagraphNode[] {
    return [...this.body.children];
  }

  /** Merges adjacent Text elements and drops empty ones, as a saved and reopened document shows them. */
  normalize(): void {
    for (const p of this.body.children) {
      const out: InlineNode[] = [];
      for (const c of p.children) {
        const last = out[out.length - 1];
        if (c.kind === 'text' && c.chars === '') continue;
        if (c.kind === 'text' && last?.kind === 'text') {
          last.chars += c.chars;
          last.attrs.push(...c.attrs);
        } else out.push(c);
      }
      p.children = [];
      for (const c of out) p.append(c);
    }
  }

  /** Lines of text as the PDF export shows them: list markers, indents, rules. */
  renderLines(): string[] {
    const lines: string[] = [];
    const counters = new Map<string, number>();
    for (const p of this.body.children) {
      if (p.children.some((c) => c.kind === 'rule') && p.text() === '') {
        lines.push('-'.repeat(60));
        continue;
      }
      const text = p.text().split('\r');
      if (p.kind === 'listItem') {
        const key = `${p.listId}/${p.nestingLevel}`;
        const n = (counters.get(key) ?? 0) + 1;
        counters.set(key, n);
        const marker = listMarker(p.glyphType, n);
        const indent = '    '.repeat(p.nestingLevel);
        lines.push(`${indent}${marker} ${text[0]}`, ...text.slice(1).map((t) => `${indent}   ${t}`));
      } else lines.push(...text);
    }
    return lines;
  }

  /** The document as Markdown (Blob.getAs('text/markdown') for Docs). */
  toMarkdown(): string {
    const out: string[] = [];
    const counters = new Map<string, number>();
    const hashes: Record<string, string> = {
      TITLE: '#',
      HEADING1: '#',
      SUBTITLE: '##',
      HEADING2: '##',
      HEADING3: '###',
      HEADING4: '####',
      HEADING5: '#####',
      HEADING6: '######',
    };
    for (const p of this.body.children) {
      let line = '';
      for (const c of p.children) {
        if (c.kind === 'rule') {
          line += '\n---\n';
          continue;
        }
        for (const r of c.runs()) {
          let t = c.chars.slice(r.start, r.end).replace(/\r/g, '  \n');
          if (r.attrs.bold) t = `**${t}**`;
          if (r.attrs.italic) t = `*${t}*`;
          if (r.attrs.linkUrl) t = `[${t}](${r.attrs.linkUrl})`;
          line += t;
        }
      }
      if (p.kind === 'listItem') {
        const key = `${p.listId}/${p.nestingLevel}`;
        const n = (counters.get(key) ?? 0) + 1;
        counters.set(key, n);
        const ordered = p.glyphType !== 'BULLET' && p.glyphType !== 'HOLLOW_BULLET' && p.glyphType !== 'SQUARE_BULLET';
        line = `${'   '.repeat(p.nestingLevel)}${ordered ? `${n}.` : '-'} ${line}`;
      } else if (hashes[p.heading]) line = `${hashes[p.heading]} ${line}`;
      out.push(line);
    }
    return `${out.join('\n\n')}\n`;
  }
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let s = '';
  for (const [v, r] of table) {
    while (n >= v) {
      s += r;
      n -= v;
    }
  }
  return s;
}

function latin(n: number): string {
  let s = '';
  while (n > 0) {
    n--;
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26);
  }
  return s;
}

function listMarker(glyph: string, n: number): string {
  switch (glyph) {
    case 'NUMBER':
      return `${n}.`;
    case 'LATIN_UPPER':
      return `${latin(n).toUpperCase()}.`;
    case 'LATIN_LOWER':
      return `${latin(n)}.`;
    case 'ROMAN_UPPER':
      return `${roman(n).toUpperCase()}.`;
    case 'ROMAN_LOWER':
      return `${roman(n)}.`;
    case 'HOLLOW_BULLET':
      return 'o';
    case 'SQUARE_BULLET':
      return '-';
    default:
      return '\u2022';
  }
}

/** A PDF of the document (Document.getAs / File.getAs), named like Blob.getAs names it. */
export function documentPdf(env: Env, model: DocumentModel, name: string): FakeBlob {
  return new FakeBlob(env, renderPdf(model.renderLines()), 'application/pdf', replaceExtension(name, 'pdf'));
}

/** Document conversions: 'application/pdf' and (as the Blob reference allows for Docs) 'text/markdown'. */
export function documentAs(env: Env, model: DocumentModel, name: string, contentType: string): FakeBlob {
  if (contentType === 'application/pdf') return documentPdf(env, model, name);
  if (contentType === 'text/markdown') {
    return new FakeBlob(env, model.toMarkdown(), 'text/markdown', replaceExtension(name, 'md'));
  }
  throw new Error(ERR.conversion(DOCUMENT_MIME, contentType));
}

// ---------------------------------------------------------------------------------------------
// RE2-style patterns (replaceText / findText)

/**
 * Compiles a search pattern as Docs does: a string in RE2 syntax, not a JS RegExp. JS (without the
 * u flag) reads the common subset the same way, including a brace that does not start a repetition
 * as a literal ("{{Name}}" matches itself). RE2's \Q...\E quoting, (?i) and (?P<name>) are
 * translated; look-around and back-references, which RE2 lacks, are rejected.
 */
export function compilePattern(pattern: string, argName = 'searchPattern'): RegExp {
  let src = String(pattern).replace(/\\Q([\s\S]*?)(?:\\E|$)/g, (_, lit: string) =>
    lit.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'),
  );
  let flags = 'g';
  const m = /^\(\?([imsU]+)\)/.exec(src);
  if (m) {
    if (m[1].includes('i')) flags += 'i';
    if (m[1].includes('s')) flags += 's';
    if (m[1].includes('m')) flags += 'm';
    src = src.slice(m[0].length);
  }
  src = src.replace(/\(\?P</g, '(?<');
  if (/\(\?<?[=!]/.test(src) || /(^|[^\\])(\\\\)*\\[1-9]/.test(src)) throw new Error(ERR.invalid(argName));
  try {
    return new RegExp(src, flags);
  } catch {
    throw new Error(ERR.invalid(argName));
  }
}

/** Non-empty matches of `re` in `s`, as [start, endExclusive, the match with its groups]. */
function matchesOf(re: RegExp, s: string, from = 0): [number, number, RegExpExecArray][] {
  const out: [number, number, RegExpExecArray][] = [];
  re.lastIndex = from;
  for (;;) {
    const m = re.exec(s);
    if (!m) break;
    if (m[0].length === 0) {
      re.lastIndex = m.index + 1;
      if (re.lastIndex > s.length) break;
      continue;
    }
    out.push([m.index, m.index + m[0].length, m]);
  }
  return out;
}

/**
 * The replacement text for one match. The reference (body#replaceText) says only that the pattern
 * is a regular expression and is silent on the replacement; the emulator takes the stricter
 * reading of a regex replacement (as java.util.regex.Matcher does on the server): `$n` and
 * `${name}` insert a group, `\x` inserts x, and a `$` that names no group or a trailing `\`
 * throws, so a literal `$` or `\` must be escaped (`\$`, `\\`) offline as online.
 */
export function expandReplacement(replacement: string, m: RegExpExecArray): string {
  const groups = m.length - 1;
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const ch = replacement[i];
    if (ch === '\\') {
      if (i + 1 >= replacement.length)
        throw new Error(`${ERR.invalid('replacement')}: character to be escaped is missing`);
      out += replacement[++i];
    } else if (ch === '$') {
      const rest = replacement.slice(i + 1);
      const named = /^\{([A-Za-z][A-Za-z0-9]*)\}/.exec(rest);
      if (named) {
        if (!m.groups || !Object.hasOwn(m.groups, named[1]))
          throw new Error(`${ERR.invalid('replacement')}: no group with name {${named[1]}}`);
        out += m.groups[named[1]] ?? '';
        i += named[0].length;
        continue;
      }
      if (!/^[0-9]/.test(rest)) throw new Error(`${ERR.invalid('replacement')}: illegal group reference`);
      // The longest run of digits that still names a group, as Matcher reads "$12".
      let n = Number(rest[0]);
      if (n > groups) throw new Error(`${ERR.invalid('replacement')}: no group ${n}`);
      let used = 1;
      while (used < rest.length && /[0-9]/.test(rest[used]) && n * 10 + Number(rest[used]) <= groups) {
        n = n * 10 + Number(rest[used]);
        used++;
      }
      out += m[n] ?? '';
      i += used;
    } else out += ch;
  }
  return out;
}

/**
 * Replaces every match in one Text element; each replacement takes the formatting of the first
 * character it replaces.
 */
function replaceInNode(node: TextNode, re: RegExp, replacement: string): number {
  const found = matchesOf(re, node.chars);
  if (found.length === 0) return 0;
  let chars = '';
  const attrs: CharAttrs[] = [];
  let pos = 0;
  for (const [s, e, m] of found) {
    chars += node.chars.slice(pos, s);
    attrs.push(...node.attrs.slice(pos, s));
    const a = node.attrs[s] ?? PLAIN;
    const text = paragraphSafe(expandReplacement(replacement, m));
    chars += text;
    for (let i = 0; i < text.length; i++) attrs.push({ ...a });
    pos = e;
  }
  chars += node.chars.slice(pos);
  attrs.push(...node.attrs.slice(pos));
  node.chars = chars;
  node.attrs = attrs;
  return found.length;
}

// ---------------------------------------------------------------------------------------------
// Flat text views: a Text element, or editAsText() of a paragraph or the body

type TextTarget = TextNode | ParagraphNode | BodyNode;

interface Piece {
  node: TextNode | null;
  start: number;
  len: number;
  /** For a separator between paragraphs: the paragraph after it. */
  next?: ParagraphNode;
}

function piecesOf(target: TextTarget): Piece[] {
  const out: Piece[] = [];
  let pos = 0;
  const addPara = (p: ParagraphNode) => {
    for (const t of p.textNodes()) {
      out.push({ node: t, start: pos, len: t.chars.length });
      pos += t.chars.length;
    }
  };
  if (target.kind === 'text') out.push({ node: target, start: 0, len: target.chars.length });
  else if (target.kind === 'body') {
    target.children.forEach((p, i) => {
      if (i > 0) {
        out.push({ node: null, start: pos, len: 1, next: p });
        pos += 1;
      }
      addPara(p);
    });
  } else addPara(target);
  return out;
}

function viewText(target: TextTarget): string {
  if (target.kind === 'text') return target.chars;
  return target.text();
}

function textNodesOf(target: TextTarget): TextNode[] {
  if (target.kind === 'text') return [target];
  if (target.kind === 'body') return target.children.flatMap((p) => p.textNodes());
  return target.textNodes();
}

function attrAt(target: TextTarget, offset: number): CharAttrs {
  for (const p of piecesOf(target)) {
    if (offset >= p.start && offset < p.start + p.len) return p.node ? p.node.attrs[offset - p.start] : PLAIN;
  }
  return PLAIN;
}

function checkOffset(target: TextTarget, offset: number): number {
  const n = viewText(target).length;
  const o = Math.trunc(Number(offset));
  if (!Number.isFinite(o) || o < 0 || o >= n) throw new Error(ERR.offset(o, n));
  return o;
}

function checkRange(target: TextTarget, start: number, endInclusive: number): [number, number] {
  const s = checkOffset(target, start);
  const e = checkOffset(target, endInclusive);
  if (s > e) throw new Error(ERR.startEnd);
  return [s, e];
}

function setRange(target: TextTarget, start: number, endInclusive: number, patch: Partial<CharAttrs>): void {
  for (const p of piecesOf(target)) {
    if (!p.node) continue;
    const from = Math.max(start, p.start);
    const to = Math.min(endInclusive, p.start + p.len - 1);
    for (let i = from; i <= to; i++) Object.assign(p.node.attrs[i - p.start], patch);
  }
}

function setAll(target: TextTarget, patch: Partial<CharAttrs>): void {
  for (const t of textNodesOf(target)) for (const a of t.attrs) Object.assign(a, patch);
}

/** The value of one attribute over the whole target, or null when it differs between characters. */
function uniform<K extends keyof CharAttrs>(target: TextTarget, key: K): CharAttrs[K] | null {
  let value: CharAttrs[K] | null | undefined;
  for (const t of textNodesOf(target)) {
    for (const a of t.attrs) {
      if (value === undefined) value = a[key];
      else if (value !== a[key]) return null;
    }
  }
  return value ?? null;
}

function insertIntoNode(node: TextNode, at: number, text: string): void {
  const a = node.attrs[at - 1] ?? node.attrs[at] ?? PLAIN;
  node.chars = node.chars.slice(0, at) + text + node.chars.slice(at);
  node.attrs.splice(at, 0, ...Array.from({ length: text.length }, () => ({ ...a })));
}

/** Inserts text at a flat offset; new characters take the formatting of the one before them. */
function insertAt(target: TextTarget, offset: number, text: string): TextNode {
  const pieces = piecesOf(target);
  const total = viewText(target).length;
  if (offset < 0 || offset > total) throw new Error(ERR.insertOffset(offset, total));
  // Prefer the text piece that ends at the offset (typing at the end of a run), then one that contains it.
  let hit = pieces.find((p) => p.node && offset > p.start && offset <= p.start + p.len);
  hit ??= pieces.find((p) => p.node && offset === p.start);
  if (hit?.node) {
    insertIntoNode(hit.node, offset - hit.start, text);
    return hit.node;
  }
  // No text element there yet: create one in the paragraph that owns the offset.
  let para: ParagraphNode;
  if (target.kind === 'paragraph' || target.kind === 'listItem') para = target;
  else if (target.kind === 'body') {
    const sep = pieces.find((p) => !p.node && p.start === offset - 1);
    para = sep?.next ?? target.children[0];
  } else throw new Error(ERR.insertOffset(offset, total));
  const node = new TextNode(text);
  para.append(node, 0);
  return node;
}

function deleteRange(target: TextTarget, start: number, endInclusive: number): void {
  for (const p of piecesOf(target).reverse()) {
    if (!p.node) continue;
    const from = Math.max(start, p.start) - p.start;
    const to = Math.min(endInclusive, p.start + p.len - 1) - p.start;
    if (from > to) continue;
    p.node.chars = p.node.chars.slice(0, from) + p.node.chars.slice(to + 1);
    p.node.attrs.splice(from, to - from + 1);
  }
}

function textIndices(target: TextTarget): number[] {
  const out: number[] = [0];
  let prev: CharAttrs | null = null;
  let pos = 0;
  for (const p of piecesOf(target)) {
    for (let i = 0; i < p.len; i++, pos++) {
      const a = p.node ? p.node.attrs[i] : PLAIN;
      if (prev && pos > 0 && !sameAttrs(prev, a)) out.push(pos);
      prev = a;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The facade

/** One opened document: the env, the model, and whether saveAndClose() was called. */
class DocContext {
  closed = false;
  /** The execution that opened it (null outside Emulator.run). */
  readonly executionId: number | null;

  constructor(
    readonly env: Env,
    readonly model: DocumentModel,
  ) {
    this.executionId = env.execution?.id ?? null;
    const list = openContexts.get(model) ?? [];
    list.push(this);
    openContexts.set(
      model,
      list.filter((c) => !c.closed),
    );
  }

  /** Records a call and refuses it on a closed document. */
  call(method: string): void {
    this.env.calls.record(`Document.${method}`);
    if (this.closed) throw new Error(ERR.closed);
  }

  changed(): void {
    this.env.drive.touch(this.model.id);
  }
}

/** Contexts opened on each model, so opening again can tell whether the document was saved meanwhile. */
const openContexts = new WeakMap<DocumentModel, DocContext[]>();

/**
 * Opening a document shows it as saved: adjacent Text elements merged. Not while the same
 * execution still has it open (its element objects must keep working).
 */
function normalizeOnOpen(env: Env, model: DocumentModel): void {
  const current = env.execution?.id ?? null;
  const live = (openContexts.get(model) ?? []).filter((c) => !c.closed && c.executionId === current);
  if (live.length === 0) model.normalize();
}

/** The model node behind a facade (facades are created here, so a WeakMap lookup is realm-safe). */
const nodeOf = new WeakMap<object, DocNode>();

function unwrapNode(x: unknown): DocNode | undefined {
  return typeof x === 'object' && x !== null ? nodeOf.get(x) : undefined;
}

function wrap(ctx: DocContext, node: DocNode): FakeElementBase {
  switch (node.kind) {
    case 'text':
      return new FakeText(ctx, node);
    case 'rule':
      return new FakeHorizontalRule(ctx, node);
    case 'paragraph':
      return new FakeParagraph(ctx, node);
    case 'listItem':
      return new FakeListItem(ctx, node);
    default:
      return new FakeBody(ctx, node);
  }
}

function typeOf(node: DocNode): string {
  switch (node.kind) {
    case 'text':
      return ElementType.TEXT;
    case 'rule':
      return ElementType.HORIZONTAL_RULE;
    case 'paragraph':
      return ElementType.PARAGRAPH;
    case 'listItem':
      return ElementType.LIST_ITEM;
    default:
      return ElementType.BODY_SECTION;
  }
}

function siblingsOf(node: DocNode): DocNode[] | null {
  if (node.kind === 'body' || !node.parent) return null;
  return node.parent.children;
}

/** Every element in document order (for findElement). */
function walk(body: BodyNode): DocNode[] {
  const out: DocNode[] = [];
  for (const p of body.children) {
    out.push(p);
    out.push(...p.children);
  }
  return out;
}

/** Attribute object of an element: every DocumentApp.Attribute key, null where unset or mixed. */
function attributesOf(node: DocNode, offset?: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(Attribute)) out[k] = null;
  if (node.kind === 'rule') return out;
  const target: TextTarget = node;
  if (offset !== undefined && offset !== null) {
    const a = attrAt(target, checkOffset(target, offset));
    out.BOLD = a.bold;
    out.ITALIC = a.italic;
    out.UNDERLINE = a.underline;
    out.LINK_URL = a.linkUrl;
  } else {
    out.BOLD = uniform(target, 'bold');
    out.ITALIC = uniform(target, 'italic');
    out.UNDERLINE = uniform(target, 'underline');
    out.LINK_URL = uniform(target, 'linkUrl');
  }
  if (node.kind === 'paragraph' || node.kind === 'listItem') {
    Object.assign(out, node.extra);
    out.HEADING = node.heading;
    out.HORIZONTAL_ALIGNMENT = node.alignment;
    if (node.kind === 'listItem') {
      out.GLYPH_TYPE = node.glyphType;
      out.NESTING_LEVEL = node.nestingLevel;
      out.LIST_ID = node.listId;
    }
  }
  return out;
}

function applyAttributes(node: DocNode, attrs: unknown, range?: [number, number]): void {
  if (typeof attrs !== 'object' || attrs === null) throw new Error(ERR.invalid('attributes'));
  const a = attrs as Record<string, unknown>;
  const patch: Partial<CharAttrs> = {};
  if ('BOLD' in a) patch.bold = a.BOLD === null ? null : !!a.BOLD;
  if ('ITALIC' in a) patch.italic = a.ITALIC === null ? null : !!a.ITALIC;
  if ('UNDERLINE' in a) patch.underline = a.UNDERLINE === null ? null : !!a.UNDERLINE;
  if ('LINK_URL' in a) patch.linkUrl = a.LINK_URL === null || a.LINK_URL === '' ? null : String(a.LINK_URL);
  if (node.kind !== 'rule') {
    if (range) setRange(node, range[0], range[1], patch);
    else setAll(node, patch);
  }
  if (node.kind === 'paragraph' || node.kind === 'listItem') {
    for (const [k, v] of Object.entries(a)) {
      if (k === 'HEADING') node.heading = checkEnum(ParagraphHeading, v, 'heading');
      else if (k === 'HORIZONTAL_ALIGNMENT')
        node.alignment = v === null ? null : checkEnum(HorizontalAlignment, v, 'alignment');
      else if (k === 'GLYPH_TYPE' && node.kind === 'listItem') node.glyphType = checkEnum(GlyphType, v, 'glyphType');
      else if (k === 'NESTING_LEVEL' && node.kind === 'listItem') node.nestingLevel = Math.trunc(Number(v));
      else if (!['BOLD', 'ITALIC', 'UNDERLINE', 'LINK_URL', 'LIST_ID'].includes(k)) node.extra[k] = v;
    }
  }
}

function checkEnum(e: Readonly<Record<string, string>>, v: unknown, name: string): string {
  const s = String(v);
  if (v === null || v === undefined || !(s in e)) throw new Error(ERR.invalid(name));
  return s;
}

function checkIndex(i: unknown, n: number, inclusive: boolean): number {
  const k = Math.trunc(Number(i));
  if (!Number.isFinite(k) || k < 0 || (inclusive ? k > n : k >= n)) {
    throw new Error(inclusive ? ERR.insertIndex(k, n) : ERR.childIndex(k, n));
  }
  return k;
}

/** Removes a paragraph from the body, refusing the section's last paragraph as Docs does. */
function detachParagraph(p: ParagraphNode): void {
  const body = p.parent;
  if (!body) return;
  const i = body.children.indexOf(p);
  if (i === body.children.length - 1) throw new Error(ERR.lastParagraph);
  body.children.splice(i, 1);
  p.parent = null;
}

/** Shared by every element facade. */
abstract class FakeElementBase {
  constructor(
    protected readonly ctx: DocContext,
    readonly node: DocNode,
  ) {
    nodeOf.set(this, node);
  }

  protected abstract readonly cls: string;

  protected call(method: string): void {
    this.ctx.call(`${this.cls}.${method}`);
  }

  protected get env(): Env {
    return this.ctx.env;
  }

  getType(): GElementType {
    this.call('getType');
    return gas<GElementType>(typeOf(this.node));
  }

  getParent(): GContainer {
    this.call('getParent');
    const n = this.node;
    return gas<GContainer>(n.kind !== 'body' && n.parent ? wrap(this.ctx, n.parent) : null);
  }

  getNextSibling(): GElement {
    this.call('getNextSibling');
    const sibs = siblingsOf(this.node);
    const i = sibs ? sibs.indexOf(this.node) : -1;
    return gas<GElement>(sibs && i >= 0 && i + 1 < sibs.length ? wrap(this.ctx, sibs[i + 1]) : null);
  }

  getPreviousSibling(): GElement {
    this.call('getPreviousSibling');
    const sibs = siblingsOf(this.node);
    const i = sibs ? sibs.indexOf(this.node) : -1;
    return gas<GElement>(sibs && i > 0 ? wrap(this.ctx, sibs[i - 1]) : null);
  }

  isAtDocumentEnd(): boolean {
    this.call('isAtDocumentEnd');
    let n: DocNode = this.node;
    while (n.kind !== 'body') {
      const sibs = siblingsOf(n);
      if (!sibs || sibs[sibs.length - 1] !== n || !n.parent) return false;
      n = n.parent;
    }
    return true;
  }

  private as<T>(method: string, ...kinds: DocNode['kind'][]): T {
    this.call(method);
    if (!kinds.includes(this.node.kind)) {
      throw new Error(`Cannot convert element of type ${typeOf(this.node)} with ${method}().`);
    }
    return gas<T>(this);
  }

  asParagraph(): GParagraph {
    return this.as<GParagraph>('asParagraph', 'paragraph', 'listItem');
  }

  asListItem(): GListItem {
    return this.as<GListItem>('asListItem', 'listItem');
  }

  asText(): GText {
    return this.as<GText>('asText', 'text');
  }

  asBody(): GBody {
    return this.as<GBody>('asBody', 'body');
  }

  asHorizontalRule(): GHorizontalRule {
    return this.as<GHorizontalRule>('asHorizontalRule', 'rule');
  }
}

// https://developers.google.com/apps-script/reference/document/range-element
export class FakeRangeElement
  implements Pick<GRangeElement, 'getElement' | 'getStartOffset' | 'getEndOffsetInclusive' | 'isPartial'>
{
  constructor(
    private readonly env: Env,
    /** The element facade (emulator-only access). */
    readonly element: FakeElementBase,
    readonly start: number,
    readonly endInclusive: number,
    readonly partial: boolean,
  ) {}

  getElement(): GElement {
    this.env.calls.record('Document.RangeElement.getElement');
    return gas<GElement>(this.element);
  }

  /** -1 unless the range is a partial range of a Text element, as the reference says. */
  getStartOffset(): number {
    this.env.calls.record('Document.RangeElement.getStartOffset');
    return this.partial ? this.start : -1;
  }

  getEndOffsetInclusive(): number {
    this.env.calls.record('Document.RangeElement.getEndOffsetInclusive');
    return this.partial ? this.endInclusive : -1;
  }

  isPartial(): boolean {
    this.env.calls.record('Document.RangeElement.isPartial');
    return this.partial;
  }
}

/** findText over the Text elements of `target`, each matched on its own, after `from` if given. */
function findIn(ctx: DocContext, target: TextTarget, pattern: string, from: unknown): FakeRangeElement | null {
  const re = compilePattern(pattern);
  const nodes = textNodesOf(target);
  let startNode = 0;
  let startAt = 0;
  if (from !== null && from !== undefined) {
    if (!(from instanceof FakeRangeElement)) throw new Error(ERR.invalid('from'));
    const fromNode = from.element.node;
    const i = nodes.indexOf(fromNode as TextNode);
    if (i < 0) throw new Error(ERR.invalid('from'));
    startNode = i;
    startAt = from.endInclusive + 1;
  }
  for (let i = startNode; i < nodes.length; i++) {
    const t = nodes[i];
    const [hit] = matchesOf(re, t.chars, i === startNode ? startAt : 0);
    if (hit) {
      const whole = hit[0] === 0 && hit[1] === t.chars.length;
      return new FakeRangeElement(ctx.env, new FakeText(ctx, t), hit[0], hit[1] - 1, !whole);
    }
  }
  return null;
}

// https://developers.google.com/apps-script/reference/document/text
export class FakeText
  extends FakeElementBase
  implements
    Pick<
      GText,
      | 'getText'
      | 'setText'
      | 'getType'
      | 'isBold'
      | 'setBold'
      | 'isItalic'
      | 'setItalic'
      | 'isUnderline'
      | 'setUnderline'
      | 'getLinkUrl'
      | 'setLinkUrl'
      | 'getTextAttributeIndices'
      | 'getAttributes'
      | 'setAttributes'
      | 'insertText'
      | 'appendText'
      | 'deleteText'
      | 'replaceText'
      | 'findText'
      | 'editAsText'
      | 'copy'
      | 'removeFromParent'
      | 'getParent'
      | 'getNextSibling'
      | 'getPreviousSibling'
      | 'isAtDocumentEnd'
    >
{
  protected readonly cls = 'Text';
  private readonly target: TextTarget;

  constructor(ctx: DocContext, target: TextTarget) {
    super(ctx, target);
    this.target = target;
  }

  getText(): string {
    this.call('getText');
    return viewText(this.target);
  }

  /** The new text takes the formatting of the old first character. */
  setText(text: string): GText {
    this.call('setText');
    const t = this.target;
    if (t.kind === 'text') {
      const a = t.attrs[0] ?? PLAIN;
      const s = paragraphSafe(String(text));
      t.chars = s;
      t.attrs = Array.from({ length: s.length }, () => ({ ...a }));
    } else if (t.kind === 'body') setBodyText(t, String(text));
    else setParagraphText(t, String(text));
    this.ctx.changed();
    return gas<GText>(this);
  }

  private getFlag(method: string, key: 'bold' | 'italic' | 'underline', offset?: number | null): boolean {
    this.call(method);
    const v =
      offset === undefined || offset === null
        ? uniform(this.target, key)
        : attrAt(this.target, checkOffset(this.target, offset))[key];
    return gas<boolean>(v);
  }

  private setFlag(
    method: string,
    key: 'bold' | 'italic' | 'underline',
    a: number | boolean,
    end?: number,
    value?: boolean,
  ): GText {
    this.call(method);
    if (end === undefined) setAll(this.target, { [key]: a === null ? null : !!a });
    else {
      const [s, e] = checkRange(this.target, Number(a), end);
      setRange(this.target, s, e, { [key]: value === null ? null : !!value });
    }
    this.ctx.changed();
    return gas<GText>(this);
  }

  /** true/false where set, null where never set or (without an offset) mixed. */
  isBold(offset?: number | null): boolean {
    return this.getFlag('isBold', 'bold', offset);
  }

  setBold(boldOrStart: boolean | number, endOffsetInclusive?: number, bold?: boolean): GText {
    return this.setFlag('setBold', 'bold', boldOrStart, endOffsetInclusive, bold);
  }

  isItalic(offset?: number | null): boolean {
    return this.getFlag('isItalic', 'italic', offset);
  }

  setItalic(italicOrStart: boolean | number, endOffsetInclusive?: number, italic?: boolean): GText {
    return this.setFlag('setItalic', 'italic', italicOrStart, endOffsetInclusive, italic);
  }

  isUnderline(offset?: number | null): boolean {
    return this.getFlag('isUnderline', 'underline', offset);
  }

  setUnderline(underlineOrStart: boolean | number, endOffsetInclusive?: number, underline?: boolean): GText {
    return this.setFlag('setUnderline', 'underline', underlineOrStart, endOffsetInclusive, underline);
  }

  getLinkUrl(offset?: number | null): string {
    this.call('getLinkUrl');
    const v =
      offset === undefined || offset === null
        ? uniform(this.target, 'linkUrl')
        : attrAt(this.target, checkOffset(this.target, offset)).linkUrl;
    return gas<string>(v);
  }

  /** A null or empty URL removes the link. */
  setLinkUrl(urlOrStart: string | number, endOffsetInclusive?: number, url?: string): GText {
    this.call('setLinkUrl');
    const norm = (u: unknown) => (u === null || u === undefined || u === '' ? null : String(u));
    if (endOffsetInclusive === undefined) setAll(this.target, { linkUrl: norm(urlOrStart) });
    else {
      const [s, e] = checkRange(this.target, Number(urlOrStart), endOffsetInclusive);
      setRange(this.target, s, e, { linkUrl: norm(url) });
    }
    this.ctx.changed();
    return gas<GText>(this);
  }

  /** Offsets where a formatting run starts; always includes 0. */
  getTextAttributeIndices(): number[] {
    this.call('getTextAttributeIndices');
    return textIndices(this.target);
  }

  getAttributes(offset?: number | null): Record<string, unknown> {
    this.call('getAttributes');
    return attributesOf(this.target, offset ?? undefined);
  }

  setAttributes(startOrAttributes: number | object, endOffsetInclusive?: number, attributes?: object): GText {
    this.call('setAttributes');
    if (endOffsetInclusive === undefined) applyAttributes(this.target, startOrAttributes);
    else {
      const range = checkRange(this.target, Number(startOrAttributes), endOffsetInclusive);
      applyAttributes(this.target, attributes, range);
    }
    this.ctx.changed();
    return gas<GText>(this);
  }

  /** Inserted characters take the formatting of the character before them. */
  insertText(offset: number, text: string): GText {
    this.call('insertText');
    insertAt(this.target, Math.trunc(Number(offset)), paragraphSafe(String(text)));
    this.ctx.changed();
    return gas<GText>(this);
  }

  appendText(text: string): GText {
    this.call('appendText');
    insertAt(this.target, viewText(this.target).length, paragraphSafe(String(text)));
    this.ctx.changed();
    return gas<GText>(this);
  }

  deleteText(startOffset: number, endOffsetInclusive: number): GText {
    this.call('deleteText');
    const [s, e] = checkRange(this.target, startOffset, endOffsetInclusive);
    deleteRange(this.target, s, e);
    this.ctx.changed();
    return gas<GText>(this);
  }

  replaceText(searchPattern: string, replacement: string): GElement {
    this.call('replaceText');
    replaceAll(this.ctx, this.target, searchPattern, replacement);
    return gas<GElement>(this);
  }

  findText(searchPattern: string, from?: GRangeElement | null): GRangeElement {
    this.call('findText');
    return gas<GRangeElement>(findIn(this.ctx, this.target, searchPattern, from));
  }

  editAsText(): GText {
    this.call('editAsText');
    return gas<GText>(this);
  }

  /** A detached copy. */
  copy(): GText {
    this.call('copy');
    const t = this.target;
    const n = t.kind === 'text' ? t.clone() : new TextNode();
    if (t.kind !== 'text') {
      for (const x of textNodesOf(t)) {
        n.chars += x.chars;
        n.attrs.push(...x.attrs.map((a) => ({ ...a })));
      }
    }
    return gas<GText>(new FakeText(this.ctx, n));
  }

  removeFromParent(): GText {
    this.call('removeFromParent');
    const t = this.target;
    if (t.kind === 'text' && t.parent) {
      t.parent.children.splice(t.parent.children.indexOf(t), 1);
      t.parent = null;
      this.ctx.changed();
    }
    return gas<GText>(this);
  }
}

function replaceAll(ctx: DocContext, target: TextTarget, searchPattern: string, replacement: string): number {
  const re = compilePattern(searchPattern);
  const rep = String(replacement);
  let n = 0;
  for (const t of textNodesOf(target)) n += replaceInNode(t, re, rep);
  if (n > 0) ctx.changed();
  return n;
}

/** Paragraph.setText: one Text element holding the text, formatted like the old first character. */
function setParagraphText(p: ParagraphNode, text: string): void {
  const first = p.textNodes()[0]?.attrs[0] ?? PLAIN;
  p.children = [];
  const s = paragraphSafe(text);
  if (s !== '') p.append(new TextNode(s, first));
}

/** Body.setText: one paragraph per line, all formatting dropped. */
function setBodyText(body: BodyNode, text: string): void {
  body.children = [];
  for (const line of String(text).split(/\r\n|\n/)) {
    const p = new ParagraphNode('paragraph');
    if (line !== '') p.append(new TextNode(line));
    body.insert(p);
  }
}

// https://developers.google.com/apps-script/reference/document/horizontal-rule
export class FakeHorizontalRule
  extends FakeElementBase
  implements
    Pick<
      GHorizontalRule,
      | 'getType'
      | 'getParent'
      | 'getNextSibling'
      | 'getPreviousSibling'
      | 'removeFromParent'
      | 'copy'
      | 'getAttributes'
      | 'isAtDocumentEnd'
    >
{
  protected readonly cls = 'HorizontalRule';

  getAttributes(): Record<string, unknown> {
    this.call('getAttributes');
    return attributesOf(this.node);
  }

  copy(): GHorizontalRule {
    this.call('copy');
    return gas<GHorizontalRule>(new FakeHorizontalRule(this.ctx, new RuleNode()));
  }

  removeFromParent(): GHorizontalRule {
    this.call('removeFromParent');
    const n = this.node as RuleNode;
    if (n.parent) {
      n.parent.children.splice(n.parent.children.indexOf(n), 1);
      n.parent = null;
      this.ctx.changed();
    }
    return gas<GHorizontalRule>(this);
  }
}

/** What Paragraph and ListItem share; G is the Apps Script type the chained methods return. */
abstract class FakeParagraphBase<G> extends FakeElementBase {
  protected get para(): ParagraphNode {
    return this.node as ParagraphNode;
  }

  getText(): string {
    this.call('getText');
    return this.para.text();
  }

  /** "\n" becomes "\r" (a paragraph holds no new-line); the text keeps the old first character's format. */
  setText(text: string): void {
    this.call('setText');
    setParagraphText(this.para, String(text));
    this.ctx.changed();
  }

  /**
   * Creates and appends a new Text element (so getNumChildren() grows until the document is saved
   * and reopened); the new text takes the formatting of the paragraph's last character.
   */
  appendText(text: string | GText): GText {
    this.call('appendText');
    let node: TextNode;
    const given = unwrapNode(text);
    if (given) {
      if (given.kind !== 'text') throw new Error(ERR.invalid('text'));
      if (given.parent) throw new Error(ERR.detached);
      node = given;
    } else {
      const last = this.para.textNodes().pop();
      const a = last?.attrs[last.attrs.length - 1] ?? PLAIN;
      node = new TextNode(paragraphSafe(String(text)), a);
    }
    this.para.append(node);
    this.ctx.changed();
    return gas<GText>(new FakeText(this.ctx, node));
  }

  insertText(childIndex: number, text: string | GText): GText {
    this.call('insertText');
    const i = checkIndex(childIndex, this.para.children.length, true);
    const given = unwrapNode(text);
    let node: TextNode;
    if (given) {
      if (given.kind !== 'text') throw new Error(ERR.invalid('text'));
      if (given.parent) throw new Error(ERR.detached);
      node = given;
    } else node = new TextNode(paragraphSafe(String(text)));
    this.para.append(node, i);
    this.ctx.changed();
    return gas<GText>(new FakeText(this.ctx, node));
  }

  appendHorizontalRule(): GHorizontalRule {
    this.call('appendHorizontalRule');
    const r = new RuleNode();
    this.para.append(r);
    this.ctx.changed();
    return gas<GHorizontalRule>(new FakeHorizontalRule(this.ctx, r));
  }

  getNumChildren(): number {
    this.call('getNumChildren');
    return this.para.children.length;
  }

  getChild(childIndex: number): GElement {
    this.call('getChild');
    const i = checkIndex(childIndex, this.para.children.length, false);
    return gas<GElement>(wrap(this.ctx, this.para.children[i]));
  }

  getChildIndex(child: GElement): number {
    this.call('getChildIndex');
    const n = unwrapNode(child);
    const i = n ? this.para.children.indexOf(n as InlineNode) : -1;
    if (i < 0) throw new Error(ERR.notChild);
    return i;
  }

  removeChild(child: GElement): G {
    this.call('removeChild');
    const n = unwrapNode(child);
    const i = n ? this.para.children.indexOf(n as InlineNode) : -1;
    if (i < 0) throw new Error(ERR.notChild);
    this.para.children.splice(i, 1);
    (n as InlineNode).parent = null;
    this.ctx.changed();
    return gas<G>(this);
  }

  clear(): G {
    this.call('clear');
    this.para.children = [];
    this.ctx.changed();
    return gas<G>(this);
  }

  getHeading(): GHeading {
    this.call('getHeading');
    return gas<GHeading>(this.para.heading);
  }

  setHeading(heading: GHeading): G {
    this.call('setHeading');
    this.para.heading = checkEnum(ParagraphHeading, heading, 'heading');
    this.ctx.changed();
    return gas<G>(this);
  }

  /** null until an alignment is set. */
  getAlignment(): GHAlign {
    this.call('getAlignment');
    return gas<GHAlign>(this.para.alignment);
  }

  setAlignment(alignment: GHAlign): G {
    this.call('setAlignment');
    this.para.alignment = alignment === null ? null : checkEnum(HorizontalAlignment, alignment, 'alignment');
    this.ctx.changed();
    return gas<G>(this);
  }

  getLinkUrl(): string {
    this.call('getLinkUrl');
    return gas<string>(uniform(this.para, 'linkUrl'));
  }

  setLinkUrl(url: string): G {
    this.call('setLinkUrl');
    setAll(this.para, { linkUrl: url === null || url === '' ? null : String(url) });
    this.ctx.changed();
    return gas<G>(this);
  }

  getAttributes(): Record<string, unknown> {
    this.call('getAttributes');
    return attributesOf(this.para);
  }

  setAttributes(attributes: object): G {
    this.call('setAttributes');
    applyAttributes(this.para, attributes);
    this.ctx.changed();
    return gas<G>(this);
  }

  editAsText(): GText {
    this.call('editAsText');
    return gas<GText>(new FakeText(this.ctx, this.para));
  }

  /** Matched against each Text element on its own (RE2 syntax, literal replacement). */
  replaceText(searchPattern: string, replacement: string): GElement {
    this.call('replaceText');
    replaceAll(this.ctx, this.para, searchPattern, replacement);
    return gas<GElement>(this);
  }

  findText(searchPattern: string, from?: GRangeElement | null): GRangeElement {
    this.call('findText');
    return gas<GRangeElement>(findIn(this.ctx, this.para, searchPattern, from));
  }

  findElement(elementType: GElementType, from?: GRangeElement | null): GRangeElement {
    this.call('findElement');
    return gas<GRangeElement>(findElementIn(this.ctx, this.para.children, elementType, from));
  }

  /** A detached copy, for appendParagraph(copy) / appendListItem(copy). */
  copy(): G {
    this.call('copy');
    return gas<G>(wrap(this.ctx, this.para.clone()));
  }

  /** Refuses the last paragraph of the body: "Can't remove the last paragraph in a document section." */
  removeFromParent(): G {
    this.call('removeFromParent');
    detachParagraph(this.para);
    this.ctx.changed();
    return gas<G>(this);
  }
}

function findElementIn(
  ctx: DocContext,
  nodes: DocNode[],
  elementType: unknown,
  from: unknown,
): FakeRangeElement | null {
  const type = checkEnum(ElementType, elementType, 'elementType');
  let start = 0;
  if (from !== null && from !== undefined) {
    if (!(from instanceof FakeRangeElement)) throw new Error(ERR.invalid('from'));
    start = nodes.indexOf(from.element.node) + 1;
  }
  for (let i = start; i < nodes.length; i++) {
    if (typeOf(nodes[i]) === type) return new FakeRangeElement(ctx.env, wrap(ctx, nodes[i]), -1, -1, false);
  }
  return null;
}

const PARAGRAPH_METHODS = [
  'getText',
  'setText',
  'appendText',
  'insertText',
  'appendHorizontalRule',
  'getNumChildren',
  'getChild',
  'getChildIndex',
  'removeChild',
  'clear',
  'getHeading',
  'setHeading',
  'getAlignment',
  'setAlignment',
  'getLinkUrl',
  'setLinkUrl',
  'getType',
  'editAsText',
  'replaceText',
  'findText',
  'findElement',
  'getAttributes',
  'setAttributes',
  'copy',
  'removeFromParent',
  'getParent',
  'getNextSibling',
  'getPreviousSibling',
  'isAtDocumentEnd',
] as const;
type ParagraphMethod = (typeof PARAGRAPH_METHODS)[number];

// https://developers.google.com/apps-script/reference/document/paragraph
export class FakeParagraph extends FakeParagraphBase<GParagraph> implements Pick<GParagraph, ParagraphMethod> {
  protected readonly cls = 'Paragraph';
}

// https://developers.google.com/apps-script/reference/document/list-item
export class FakeListItem
  extends FakeParagraphBase<GListItem>
  implements
    Pick<
      GListItem,
      | ParagraphMethod
      | 'getGlyphType'
      | 'setGlyphType'
      | 'getNestingLevel'
      | 'setNestingLevel'
      | 'getListId'
      | 'setListId'
    >
{
  protected readonly cls = 'ListItem';

  getGlyphType(): GGlyph {
    this.call('getGlyphType');
    return gas<GGlyph>(this.para.glyphType);
  }

  setGlyphType(glyphType: GGlyph): GListItem {
    this.call('setGlyphType');
    this.para.glyphType = checkEnum(GlyphType, glyphType, 'glyphType');
    this.ctx.changed();
    return gas<GListItem>(this);
  }

  /** 0 for a top-level item. */
  getNestingLevel(): number {
    this.call('getNestingLevel');
    return this.para.nestingLevel;
  }

  setNestingLevel(nestingLevel: number): GListItem {
    this.call('setNestingLevel');
    const n = Math.trunc(Number(nestingLevel));
    if (!Number.isFinite(n) || n < 0 || n > 8) throw new Error(ERR.invalid('nestingLevel'));
    this.para.nestingLevel = n;
    this.ctx.changed();
    return gas<GListItem>(this);
  }

  getListId(): string {
    this.call('getListId');
    return this.para.listId;
  }

  /** Takes another ListItem, as the reference does, and joins its list. */
  setListId(listItem: GListItem): GListItem {
    this.call('setListId');
    const other = unwrapNode(listItem);
    if (other?.kind !== 'listItem') throw new Error(ERR.invalid('listItem'));
    this.para.listId = other.listId;
    this.ctx.changed();
    return gas<GListItem>(this);
  }
}

// https://developers.google.com/apps-script/reference/document/body
export class FakeBody
  extends FakeElementBase
  implements
    Pick<
      GBody,
      | 'getNumChildren'
      | 'getChild'
      | 'getChildIndex'
      | 'getParagraphs'
      | 'getListItems'
      | 'appendParagraph'
      | 'appendListItem'
      | 'appendHorizontalRule'
      | 'insertParagraph'
      | 'insertListItem'
      | 'insertHorizontalRule'
      | 'removeChild'
      | 'clear'
      | 'getText'
      | 'setText'
      | 'editAsText'
      | 'replaceText'
      | 'findText'
      | 'findElement'
      | 'getType'
      | 'getParent'
      | 'getAttributes'
    >
{
  protected readonly cls = 'Body';

  private get body(): BodyNode {
    return this.node as BodyNode;
  }

  getNumChildren(): number {
    this.call('getNumChildren');
    return this.body.children.length;
  }

  getChild(childIndex: number): GElement {
    this.call('getChild');
    const i = checkIndex(childIndex, this.body.children.length, false);
    return gas<GElement>(wrap(this.ctx, this.body.children[i]));
  }

  getChildIndex(child: GElement): number {
    this.call('getChildIndex');
    const n = unwrapNode(child);
    const i = n ? this.body.children.indexOf(n as ParagraphNode) : -1;
    if (i < 0) throw new Error(ERR.notChild);
    return i;
  }

  /** All paragraphs, list items included, as the reference says. */
  getParagraphs(): GParagraph[] {
    this.call('getParagraphs');
    return this.body.children.map((p) => gas<GParagraph>(wrap(this.ctx, p)));
  }

  getListItems(): GListItem[] {
    this.call('getListItems');
    return this.body.children.filter((p) => p.kind === 'listItem').map((p) => gas<GListItem>(wrap(this.ctx, p)));
  }

  private place(at: number, kind: 'paragraph' | 'listItem', content: unknown): ParagraphNode {
    let p: ParagraphNode;
    const given = unwrapNode(content);
    if (given) {
      if (given.kind !== kind) throw new Error(ERR.invalid(kind === 'paragraph' ? 'paragraph' : 'listItem'));
      if (given.parent) throw new Error(ERR.detached);
      p = given;
    } else {
      p = new ParagraphNode(kind);
      const s = paragraphSafe(String(content));
      if (s !== '') p.append(new TextNode(s));
    }
    if (kind === 'listItem' && (!given || !p.listId)) {
      // "Consecutive list items are added as part of the same list."
      const prev = this.body.children[at - 1];
      const next = this.body.children[at];
      if (prev?.kind === 'listItem') p.listId = prev.listId;
      else if (next?.kind === 'listItem') p.listId = next.listId;
      else p.listId = this.ctx.model.newListId();
      const neighbour = prev?.kind === 'listItem' ? prev : next?.kind === 'listItem' ? next : null;
      if (neighbour && !given) {
        p.glyphType = neighbour.glyphType;
        p.nestingLevel = neighbour.nestingLevel;
      }
    }
    this.body.insert(p, at);
    this.ctx.changed();
    return p;
  }

  appendParagraph(text: string | GParagraph): GParagraph {
    this.call('appendParagraph');
    return gas<GParagraph>(wrap(this.ctx, this.place(this.body.children.length, 'paragraph', text)));
  }

  insertParagraph(childIndex: number, text: string | GParagraph): GParagraph {
    this.call('insertParagraph');
    const i = checkIndex(childIndex, this.body.children.length, true);
    return gas<GParagraph>(wrap(this.ctx, this.place(i, 'paragraph', text)));
  }

  appendListItem(text: string | GListItem): GListItem {
    this.call('appendListItem');
    return gas<GListItem>(wrap(this.ctx, this.place(this.body.children.length, 'listItem', text)));
  }

  insertListItem(childIndex: number, text: string | GListItem): GListItem {
    this.call('insertListItem');
    const i = checkIndex(childIndex, this.body.children.length, true);
    return gas<GListItem>(wrap(this.ctx, this.place(i, 'listItem', text)));
  }

  /** The rule goes into a new paragraph of its own, as in the real Docs. */
  appendHorizontalRule(): GHorizontalRule {
    this.call('appendHorizontalRule');
    return this.rule(this.body.children.length);
  }

  insertHorizontalRule(childIndex: number): GHorizontalRule {
    this.call('insertHorizontalRule');
    return this.rule(checkIndex(childIndex, this.body.children.length, true));
  }

  private rule(at: number): GHorizontalRule {
    const p = new ParagraphNode('paragraph');
    const r = new RuleNode();
    p.append(r);
    this.body.insert(p, at);
    this.ctx.changed();
    return gas<GHorizontalRule>(new FakeHorizontalRule(this.ctx, r));
  }

  removeChild(child: GElement): GBody {
    this.call('removeChild');
    const n = unwrapNode(child);
    if (!n || (n.kind !== 'paragraph' && n.kind !== 'listItem') || n.parent !== this.body)
      throw new Error(ERR.notChild);
    detachParagraph(n);
    this.ctx.changed();
    return gas<GBody>(this);
  }

  /** Leaves one empty paragraph: a document section always has one. */
  clear(): GBody {
    this.call('clear');
    this.body.children = [];
    this.body.insert(new ParagraphNode('paragraph'));
    this.ctx.changed();
    return gas<GBody>(this);
  }

  /** Paragraphs joined with "\n". */
  getText(): string {
    this.call('getText');
    return this.body.text();
  }

  setText(text: string): GBody {
    this.call('setText');
    setBodyText(this.body, String(text));
    this.ctx.changed();
    return gas<GBody>(this);
  }

  editAsText(): GText {
    this.call('editAsText');
    return gas<GText>(new FakeText(this.ctx, this.body));
  }

  /** Each Text element is matched on its own (RE2 syntax; the replacement is literal). */
  replaceText(searchPattern: string, replacement: string): GElement {
    this.call('replaceText');
    replaceAll(this.ctx, this.body, searchPattern, replacement);
    return gas<GElement>(this);
  }

  findText(searchPattern: string, from?: GRangeElement | null): GRangeElement {
    this.call('findText');
    return gas<GRangeElement>(findIn(this.ctx, this.body, searchPattern, from));
  }

  findElement(elementType: GElementType, from?: GRangeElement | null): GRangeElement {
    this.call('findElement');
    return gas<GRangeElement>(findElementIn(this.ctx, walk(this.body), elementType, from));
  }

  getAttributes(): Record<string, unknown> {
    this.call('getAttributes');
    return attributesOf(this.body);
  }
}

// https://developers.google.com/apps-script/reference/document/document
export class FakeDocument
  implements
    Pick<GDocument, 'getId' | 'getName' | 'setName' | 'getUrl' | 'getBody' | 'saveAndClose' | 'getAs' | 'getBlob'>
{
  constructor(private readonly ctx: DocContext) {}

  private get env(): Env {
    return this.ctx.env;
  }

  /** The model (emulator-only). */
  get model(): DocumentModel {
    return this.ctx.model;
  }

  /** True once saveAndClose() ran (emulator-only). */
  get closed(): boolean {
    return this.ctx.closed;
  }

  getId(): string {
    this.env.calls.record('Document.Document.getId');
    return this.model.id;
  }

  getName(): string {
    this.env.calls.record('Document.Document.getName');
    return this.env.drive.find(this.model.id)?.name ?? 'Untitled document';
  }

  setName(name: string): GDocument {
    this.ctx.call('Document.setName');
    const f = this.env.drive.find(this.model.id);
    if (f) {
      f.name = String(name);
      this.env.drive.touch(f.id);
    }
    return gas<GDocument>(this);
  }

  getUrl(): string {
    this.env.calls.record('Document.Document.getUrl');
    return `https://docs.google.com/open?id=${this.model.id}`;
  }

  getBody(): GBody {
    this.ctx.call('Document.getBody');
    return gas<GBody>(new FakeBody(this.ctx, this.model.body));
  }

  /** Saves; the document's element objects then refuse further use. */
  saveAndClose(): void {
    this.ctx.call('Document.saveAndClose');
    this.model.normalize();
    this.ctx.closed = true;
  }

  /** 'application/pdf' (named "<name>.pdf") or 'text/markdown'; anything else throws. */
  getAs(contentType: string): GBlob {
    this.env.calls.record('Document.Document.getAs');
    const name = this.env.drive.find(this.model.id)?.name ?? 'Untitled document';
    return gas<GBlob>(documentAs(this.env, this.model, name, String(contentType)));
  }

  /** A Google Doc's blob is its PDF export. */
  getBlob(): GBlob {
    this.env.calls.record('Document.Document.getBlob');
    const name = this.env.drive.find(this.model.id)?.name ?? 'Untitled document';
    return gas<GBlob>(documentPdf(this.env, this.model, name));
  }
}

// https://developers.google.com/apps-script/reference/document/document-app
export class FakeDocumentApp
  implements
    Pick<
      GDocumentApp,
      | 'create'
      | 'openById'
      | 'openByUrl'
      | 'getActiveDocument'
      | 'ParagraphHeading'
      | 'GlyphType'
      | 'ElementType'
      | 'Attribute'
      | 'HorizontalAlignment'
      | 'TextAlignment'
      | 'VerticalAlignment'
      | 'PositionedLayout'
    >
{
  readonly ParagraphHeading = gas<typeof GoogleAppsScript.Document.ParagraphHeading>(ParagraphHeading);
  readonly GlyphType = gas<typeof GoogleAppsScript.Document.GlyphType>(GlyphType);
  readonly ElementType = gas<typeof GoogleAppsScript.Document.ElementType>(ElementType);
  readonly Attribute = gas<typeof GoogleAppsScript.Document.Attribute>(Attribute);
  readonly HorizontalAlignment = gas<typeof GoogleAppsScript.Document.HorizontalAlignment>(HorizontalAlignment);
  readonly TextAlignment = gas<typeof GoogleAppsScript.Document.TextAlignment>(TextAlignment);
  readonly VerticalAlignment = gas<typeof GoogleAppsScript.Document.VerticalAlignment>(VerticalAlignment);
  readonly PositionedLayout = gas<typeof GoogleAppsScript.Document.PositionedLayout>(PositionedLayout);

  constructor(private readonly env: Env) {}

  /** The model of document `id` (uncounted, for tests and the CLI). */
  model(id: string): DocumentModel {
    const f = this.env.drive.find(id);
    if (!f || !(f.content instanceof DocumentModel)) throw new Error(`No document with id ${id}`);
    return f.content;
  }

  /** A fresh facade over a model (uncounted). */
  wrap(model: DocumentModel): FakeDocument {
    return new FakeDocument(new DocContext(this.env, model));
  }

  private lookup(id: string): DocumentModel {
    const f = this.env.drive.find(String(id));
    if (!f || f.mimeType !== DOCUMENT_MIME || !(f.content instanceof DocumentModel)) throw new Error(ERR.missing);
    return f.content;
  }

  /** A new document in the root folder, holding one empty paragraph. */
  create(name: string): GDocument {
    this.env.calls.record('Document.DocumentApp.create');
    const id = this.env.newId('document');
    const model = new DocumentModel(id);
    this.env.drive.add({ id, name: String(name), mimeType: DOCUMENT_MIME, content: model });
    return gas<GDocument>(this.wrap(model));
  }

  /** Trashed documents still open; removed ones and non-documents throw "Document is missing". */
  openById(id: string): GDocument {
    this.env.calls.record('Document.DocumentApp.openById');
    const model = this.lookup(id);
    normalizeOnOpen(this.env, model);
    return gas<GDocument>(this.wrap(model));
  }

  openByUrl(url: string): GDocument {
    this.env.calls.record('Document.DocumentApp.openByUrl');
    const s = String(url);
    const m = /\/document\/d\/([A-Za-z0-9_-]+)/.exec(s) ?? /[?&]id=([A-Za-z0-9_-]+)/.exec(s);
    if (!m) throw new Error(ERR.invalid('url'));
    const model = this.lookup(m[1]);
    normalizeOnOpen(this.env, model);
    return gas<GDocument>(this.wrap(model));
  }

  /** The add-on is bound to a spreadsheet, so there is no active document. */
  getActiveDocument(): GDocument {
    this.env.calls.record('Document.DocumentApp.getActiveDocument');
    return gas<GDocument>(null);
  }
}
