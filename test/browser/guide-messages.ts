/**
 * The staff guide's table "If you see this message, do this": which catalogue keys are staff
 * messages, how a row quotes one, and how the rows are found and brought up to date.
 *
 * A row is one message: `| <!-- error.busy --> the message as the catalogue words it | what to do |`.
 * The key in the HTML comment ties the row to `src/core/i18n.ts`; the quote is the catalogue's text
 * with each `{placeholder}` shown as "…". `UPDATE_GUIDE=1 npx jest test/browser/guide.test.ts`
 * rewrites every quote from the catalogue and adds a row, with an empty second cell, for each staff
 * message the table lacks (before the line `<!-- messages:end -->`): then only "what to do" is
 * left to write, and the test fails until it is written.
 */
import { catalogue, type Language, type MessageKey } from '../../src/core/i18n';

/**
 * Staff messages: what a dialog, the `Error` column of `Notices` or the `Issues` column of
 * `Applications` says to staff, and what they may have to act on. Menu captions, titles, dashboard
 * labels, setting and criterion descriptions, score lines and allocation reasons are not: they
 * name things, they ask nothing of staff.
 */
export const STAFF_MESSAGE_PREFIXES = [
  'error.',
  'outcome.',
  'confirm.',
  'send.',
  'refresh.',
  'issue.',
  'template.',
  'settingProblem.',
  'action.',
  'call.',
  'invitations.',
] as const;

/** Staff messages under prefixes that also hold labels. */
export const STAFF_MESSAGE_KEYS = [
  'score.done',
  'allocate.confirm',
  'allocate.done',
  'allocate.unmatched',
  'allocate.freed',
  'preview.none',
  'dash.failed',
  'setup.columns',
  'setup.triggerDuplicates',
  'setup.noOpenExcursion',
  'setup.formPublished',
  'setup.formClosed',
  'setup.formNoOpen',
  'setup.replyFormLinked',
  'setup.formLinked',
  'setup.replyFormPublished',
  'setup.replyFormClosed',
] as const;

/** A dialog's title names the dialog its message stands in; it is not a message of its own. */
const isTitle = (key: string) => key.endsWith('.title');

export function staffMessageKeys(lang: Language): MessageKey[] {
  return (Object.keys(catalogue(lang)) as MessageKey[]).filter(
    (key) =>
      !isTitle(key) &&
      (STAFF_MESSAGE_PREFIXES.some((p) => key.startsWith(p)) ||
        (STAFF_MESSAGE_KEYS as readonly string[]).includes(key)),
  );
}

/** The catalogue's text as the guide quotes it: placeholders as "…", on one line, safe in a table cell. */
export function quote(lang: Language, key: MessageKey): string {
  return (
    catalogue(lang)
      // A plural choice ({n:one|two|few|other}) is quoted by its last form, as most counts read it.
      [key].replace(/\{\w+:([^{}]*)\}/g, (_m, forms: string) => forms.split('|').at(-1) ?? '')
      .replace(/\{+\w+\}+/g, '…')
      .replace(/…+/g, '…')
      .replace(/\s*\n+\s*/g, ' ')
      .replace(/\|/g, '\\|')
      .trim()
  );
}

export interface MessageRow {
  key: string;
  /** Index of the row's line in the guide. */
  line: number;
  quoted: string;
  todo: string;
}

const ROW = /^\|\s*<!--\s*(\S+)\s*-->\s*(.*?)\s*\|\s*(.*?)\s*\|\s*$/;
export const END_MARK = '<!-- messages:end -->';

/** The rows of the guide's message table, by their key comment. */
export function messageRows(markdown: string): MessageRow[] {
  const rows: MessageRow[] = [];
  markdown.split('\n').forEach((text, line) => {
    const m = ROW.exec(text);
    if (m) rows.push({ key: m[1], line, quoted: m[2], todo: m[3] });
  });
  return rows;
}

/** The guide with every row's quote taken from the catalogue and a row added for each missing message. */
export function updatedGuide(markdown: string, lang: Language): string {
  const lines = markdown.split('\n');
  const known = catalogue(lang) as Record<string, string>;
  const rows = messageRows(markdown);
  for (const row of rows) {
    if (!(row.key in known)) continue;
    lines[row.line] = `| <!-- ${row.key} --> ${quote(lang, row.key as MessageKey)} | ${row.todo} |`;
  }
  const have = new Set(rows.map((r) => r.key));
  const missing = staffMessageKeys(lang).filter((k) => !have.has(k));
  const end = lines.indexOf(END_MARK);
  if (missing.length > 0 && end >= 0) {
    // The table ends on the line before the mark's blank line.
    let at = end;
    while (at > 0 && lines[at - 1].trim() === '') at--;
    lines.splice(at, 0, ...missing.map((k) => `| <!-- ${k} --> ${quote(lang, k)} |  |`));
  }
  return lines.join('\n');
}

/** Every image a guide links, by its path as written (relative to docs/). */
export function linkedImages(markdown: string): string[] {
  // An image inside an HTML comment is not shown (the guide keeps one there until it is drawn).
  const shown = markdown.replace(/<!--[\s\S]*?-->/g, '');
  return [...shown.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)|<img[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1] ?? m[2]);
}
