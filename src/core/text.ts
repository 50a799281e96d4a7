/** Text helpers every layer shares: comparison keys, the formula guard, escaping. */

/** Lowercase, no diacritics (č→c, š→s, ž→z, ć→c, đ→d), punctuation as spaces, spaces collapsed. */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Trims, turns any run of whitespace (tabs, newlines, non-breaking spaces) into one space. */
export function cleanLine(value: unknown): string {
  return String(value ?? '')
    .replace(/[\s\u00a0\u200b\ufeff]+/g, ' ')
    .trim();
}

/** Trims and normalises line ends, keeping paragraphs (for free text such as Motivation). */
export function cleanText(value: unknown): string {
  return String(value ?? '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b\ufeff]/g, '')
    .replace(/[ \t\u00a0]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Sheets keeps at most 50,000 characters in a cell; longer answers are cut with a marker. */
export const CELL_LIMIT = 50000;

/**
 * A value for a cell that the sheet must show as text, exactly: a leading apostrophe makes Sheets
 * store the rest as text, so an answer beginning with `=`, `+`, `-` or `@` (or one that looks like
 * a number or a date) never becomes a formula or changes type. Empty stays empty.
 */
export function asText(value: string): string {
  if (value === '') return '';
  const cut = value.length > CELL_LIMIT - 1 ? `${value.slice(0, CELL_LIMIT - 2)}…` : value;
  return `'${cut}`;
}

/** HTML-escapes text for an HTML mail part or page. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Damerau–Levenshtein distance (optimal string alignment), stopping early above `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev2: number[] = new Array(b.length + 1).fill(0);
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur: number[] = new Array(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    for (let j = 0; j <= b.length; j++) prev2[j] = prev[j];
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[b.length];
}
