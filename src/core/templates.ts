/**
 * Notice templates: a Google Doc read as blocks of formatted runs, its `Subject:` line, the
 * placeholder check, and the merge into a subject, an HTML part and a plain-text part.
 * Every merged value is plain text: it is escaped in the HTML part and never merged again.
 */
import { escapeHtml } from './text';

/** One run of text with the same formatting, as read from a Google Doc (Text.getTextAttributeIndices). */
export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  link?: string | null;
}

/** One body element of the Doc. heading: 1..6 (Doc HEADING1..6; TITLE maps to 1, SUBTITLE to 2); list items carry ordered and nesting (0-based). */
export interface DocBlock {
  kind: 'paragraph' | 'heading' | 'listItem';
  level?: number;
  ordered?: boolean;
  nesting?: number;
  runs: TextRun[];
}

export const PLACEHOLDERS = [
  'Municipality',
  'ContactName',
  'ApplicationId',
  'ExcursionCity',
  'ExcursionDates',
  'ExcursionLabel',
  'PlacesGranted',
  'WaitlistPosition',
  'Issues',
  'Deadline',
  'SenderName',
  'ReplyLink',
  'ReplyBy',
  'FormLink',
  'Changes',
  'Excursions',
  'ReplyTo',
  'NextStep',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export interface Template {
  subject: string;
  blocks: DocBlock[];
}

export type TemplateProblem = { kind: 'noSubject' } | { kind: 'unknownPlaceholder'; name: string } | { kind: 'empty' };

export interface RenderedNotice {
  subject: string;
  html: string;
  text: string;
}

// A Doc gives a soft line break inside a paragraph as \r or a vertical tab; values come with \n or \r\n.
const LINE_BREAK = /\r\n|[\r\n\v\u2028\u2029]/;
const LINE_BREAKS = /\r\n|[\r\n\v\u2028\u2029]/g;
const PLACEHOLDER = /\{\{\s*([^{}\r\n\v\u2028\u2029]+?)\s*\}\}/g;
const SUBJECT_LINE = /^\s*subject\s*:/i;
const SAFE_LINK = /^(https?:|mailto:)/i;

function isPlaceholder(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

function blockText(block: DocBlock): string {
  return block.runs.map((r) => r.text).join('');
}

/** The runs of a block between two offsets of its text. */
function sliceRuns(runs: TextRun[], from: number, to: number): TextRun[] {
  const out: TextRun[] = [];
  let offset = 0;
  for (const run of runs) {
    const start = Math.max(from, offset);
    const end = Math.min(to, offset + run.text.length);
    if (end > start) out.push({ ...run, text: run.text.slice(start - offset, end - offset) });
    offset += run.text.length;
  }
  return out;
}

/** The first non-empty block must be `Subject: …` (case-insensitive "Subject:", any spacing); the rest is the body. */
export function parseTemplate(blocks: DocBlock[]): { template: Template; problems: TemplateProblem[] } {
  const problems: TemplateProblem[] = [];
  const first = blocks.findIndex((b) => blockText(b).trim() !== '');
  let subject = '';
  let body = blocks;
  if (first >= 0) {
    const text = blockText(blocks[first]);
    const label = SUBJECT_LINE.exec(text);
    if (label) {
      const rest = text.slice(label[0].length);
      const lineEnd = LINE_BREAK.exec(rest);
      subject = (lineEnd ? rest.slice(0, lineEnd.index) : rest).trim();
      body = blocks.slice(first + 1);
      // Text after a soft line break in the subject paragraph belongs to the body.
      if (lineEnd) {
        const from = label[0].length + lineEnd.index + lineEnd[0].length;
        const runs = sliceRuns(blocks[first].runs, from, text.length);
        if (runs.some((r) => r.text.trim() !== '')) body = [{ ...blocks[first], runs }, ...body];
      }
    }
  }
  if (subject === '') problems.push({ kind: 'noSubject' });
  // A notice without a body is a mistake in the Doc, not a short mail: refuse it.
  if (!body.some((b) => blockText(b).trim() !== '')) problems.push({ kind: 'empty' });
  const template: Template = { subject, blocks: body };
  for (const name of placeholdersOf(template).unknown) problems.push({ kind: 'unknownPlaceholder', name });
  return { template, problems };
}

/** Every `{{Name}}` used in the subject and body — found even when formatting runs split it (e.g. "{{Munic" + bold "ipality}}") — known and unknown. Whitespace inside braces is tolerated: `{{ Municipality }}`. */
export function placeholdersOf(template: Template): { known: Placeholder[]; unknown: string[] } {
  const known: Placeholder[] = [];
  const unknown: string[] = [];
  for (const text of [template.subject, ...template.blocks.map(blockText)]) {
    for (const m of text.matchAll(PLACEHOLDER)) {
      const name = m[1];
      if (isPlaceholder(name)) {
        if (!known.includes(name)) known.push(name);
      } else if (!unknown.includes(name)) unknown.push(name);
    }
  }
  return { known, unknown };
}

type Values = Partial<Record<Placeholder, string>>;

interface Format {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  link: string | null;
}

/** A piece of merged text; line breaks in it are `\n`. */
interface Segment extends Format {
  text: string;
}

interface MergedBlock {
  kind: DocBlock['kind'];
  level: number;
  ordered: boolean;
  nesting: number;
  segments: Segment[];
}

/** Only web and mail links survive; anything else (javascript:, data:, file:) becomes plain text. */
function safeLink(link: string | null | undefined): string | null {
  const url = (link ?? '').trim();
  return SAFE_LINK.test(url) ? url : null;
}

function formatOf(run: TextRun | undefined): Format {
  return {
    bold: run?.bold === true,
    italic: run?.italic === true,
    underline: run?.underline === true,
    link: safeLink(run?.link),
  };
}

function sameFormat(a: Format, b: Format): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.link === b.link;
}

function valueFor(values: Values, name: Placeholder): string {
  return values[name] ?? '';
}

function mergeString(text: string, values: Values): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (isPlaceholder(name) ? valueFor(values, name) : whole));
}

function pushSegment(segments: Segment[], text: string, format: Format): void {
  if (text === '') return;
  const t = text.replace(LINE_BREAKS, '\n');
  const last = segments[segments.length - 1];
  if (last && sameFormat(last, format)) last.text += t;
  else segments.push({ ...format, text: t });
}

function runAt(runs: TextRun[], index: number): TextRun | undefined {
  let offset = 0;
  for (const run of runs) {
    if (index < offset + run.text.length) return run;
    offset += run.text.length;
  }
  return undefined;
}

/** Merges one block in a single pass over the template's text, so a value is never merged again. */
function mergeSegments(runs: TextRun[], values: Values): Segment[] {
  const text = runs.map((r) => r.text).join('');
  const segments: Segment[] = [];
  const emitTemplate = (from: number, to: number) => {
    for (const run of sliceRuns(runs, from, to)) pushSegment(segments, run.text, formatOf(run));
  };
  let pos = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const name = m[1];
    if (!isPlaceholder(name)) continue;
    const start = m.index ?? 0;
    emitTemplate(pos, start);
    pushSegment(segments, valueFor(values, name), formatOf(runAt(runs, start)));
    pos = start + m[0].length;
  }
  emitTemplate(pos, text.length);
  return segments;
}

function mergeBlocks(blocks: DocBlock[], values: Values): MergedBlock[] {
  const out: MergedBlock[] = [];
  for (const block of blocks) {
    const shape = {
      kind: block.kind,
      level: Math.min(6, Math.max(1, Math.round(block.level ?? 1))),
      ordered: block.ordered === true,
      nesting: Math.max(0, Math.round(block.nesting ?? 0)),
    };
    const text = blockText(block);
    const whole = new RegExp(`^\\s*${PLACEHOLDER.source}\\s*$`).exec(text);
    if (block.kind === 'listItem' && whole && isPlaceholder(whole[1])) {
      // `{{Issues}}` alone in a list item: one item per line of the value.
      const format = formatOf(runAt(block.runs, text.indexOf('{{')));
      for (const line of valueFor(values, whole[1]).split(LINE_BREAK)) {
        if (line.trim() !== '') out.push({ ...shape, segments: [{ ...format, text: line.trim() }] });
      }
      continue;
    }
    const segments = mergeSegments(block.runs, values);
    if (segments.some((s) => s.text.trim() !== '')) out.push({ ...shape, segments });
  }
  return out;
}

const HEADING_SIZES = [0, 24, 20, 17, 15, 14, 13];
const LINK_STYLE = 'color:#1155cc';
const BODY_STYLE = 'font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#202124';

function htmlText(text: string): string {
  return text.split('\n').map(escapeHtml).join('<br>');
}

function htmlSegments(segments: Segment[]): string {
  return segments
    .map((s) => {
      let h = htmlText(s.text);
      if (s.underline) h = `<u>${h}</u>`;
      if (s.italic) h = `<em>${h}</em>`;
      if (s.bold) h = `<strong>${h}</strong>`;
      if (s.link !== null) h = `<a href="${escapeHtml(s.link)}" style="${LINK_STYLE}">${h}</a>`;
      return h;
    })
    .join('');
}

function listTag(ordered: boolean, nested: boolean): string {
  return `<${ordered ? 'ol' : 'ul'} style="margin:${nested ? '0' : '0 0 12px'};padding-left:24px">`;
}

/** Consecutive list items as nested `<ul>`/`<ol>`; a level deeper than the next one is opened inside the last item. */
function htmlList(items: MergedBlock[]): string {
  const open: boolean[] = []; // ordered flag of each open list; every open list has an open <li>
  const close = () => `</li></${open.pop() ? 'ol' : 'ul'}>`;
  let html = '';
  for (const item of items) {
    const depth = Math.min(item.nesting, open.length);
    while (open.length > depth + 1) html += close();
    if (open.length === depth + 1) {
      if (open[depth] === item.ordered) html += '</li>';
      else {
        html += close();
        html += listTag(item.ordered, depth > 0);
        open.push(item.ordered);
      }
    } else {
      html += listTag(item.ordered, depth > 0);
      open.push(item.ordered);
    }
    html += `<li style="margin:0 0 4px">${htmlSegments(item.segments)}`;
  }
  while (open.length > 0) html += close();
  return html;
}

function renderHtml(blocks: MergedBlock[]): string {
  let body = '';
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (block.kind === 'listItem') {
      let j = i;
      while (j < blocks.length && blocks[j].kind === 'listItem') j++;
      body += htmlList(blocks.slice(i, j));
      i = j - 1;
    } else if (block.kind === 'heading') {
      const n = block.level;
      body += `<h${n} style="font-size:${HEADING_SIZES[n]}px;margin:16px 0 8px">${htmlSegments(block.segments)}</h${n}>`;
    } else {
      body += `<p style="margin:0 0 12px">${htmlSegments(block.segments)}</p>`;
    }
  }
  return `<!DOCTYPE html><html><body style="${BODY_STYLE}">${body}</body></html>`;
}

/** Plain text of segments; a link reads `text (url)` unless the text already is the url. */
function plainSegments(segments: Segment[]): string {
  let out = '';
  for (let i = 0; i < segments.length; i++) {
    const link = segments[i].link;
    let text = segments[i].text;
    while (i + 1 < segments.length && segments[i + 1].link === link) text += segments[++i].text;
    const shown = text.trim();
    if (link !== null && shown !== link && `mailto:${shown}` !== link && shown !== '') out += `${text} (${link})`;
    else out += text;
  }
  return out;
}

function plainList(items: MergedBlock[]): string {
  const counters: number[] = [];
  const kinds: boolean[] = [];
  const lines: string[] = [];
  for (const item of items) {
    const depth = Math.min(item.nesting, counters.length);
    counters.length = depth + 1;
    kinds.length = depth + 1;
    if (kinds[depth] !== item.ordered || counters[depth] === undefined) counters[depth] = 0;
    kinds[depth] = item.ordered;
    counters[depth]++;
    const indent = '  '.repeat(depth);
    const marker = item.ordered ? `${counters[depth]}. ` : '- ';
    const [first, ...more] = plainSegments(item.segments).trim().split('\n');
    lines.push(indent + marker + first);
    for (const line of more) lines.push(indent + ' '.repeat(marker.length) + line);
  }
  return lines.join('\n');
}

function renderText(blocks: MergedBlock[]): string {
  const parts: string[] = [];
  for (let i = 0; i < blocks.length; i++) {
    if (blocks[i].kind === 'listItem') {
      let j = i;
      while (j < blocks.length && blocks[j].kind === 'listItem') j++;
      parts.push(plainList(blocks.slice(i, j)));
      i = j - 1;
    } else {
      parts.push(plainSegments(blocks[i].segments));
    }
  }
  return parts
    .map((part) => part.replace(/^\n+|\s+$/g, ''))
    .join('\n\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
}

/** Merges the values (missing ones become '') into the subject, an HTML part and a plain-text part. */
export function renderNotice(template: Template, values: Partial<Record<Placeholder, string>>): RenderedNotice {
  const blocks = mergeBlocks(template.blocks, values);
  const subject = mergeString(template.subject, values)
    .replace(/\s*(?:\r\n|[\r\n\v\u2028\u2029])\s*/g, ' ')
    .trim();
  return { subject, html: renderHtml(blocks), text: renderText(blocks) };
}
