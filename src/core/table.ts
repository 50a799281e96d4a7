/** Tables found by header name (SPEC section 3): staff may move columns and add their own. */
import { StaffError } from './errors';

/** Column positions (0-based) by header, for the headers an action needs. */
export type Columns<H extends string> = Record<H, number>;

/**
 * Finds each required header in the header row. A missing or doubled required header stops the
 * action with a message naming the sheet and the header.
 */
export function findColumns<H extends string>(
  sheet: string,
  headerRow: readonly unknown[],
  required: readonly H[],
): Columns<H> {
  const names = headerRow.map((h) => String(h ?? '').trim());
  const out = {} as Columns<H>;
  for (const header of required) {
    const at = names.indexOf(header);
    if (at < 0) throw new StaffError('error.missingHeader', { sheet, header });
    if (names.indexOf(header, at + 1) >= 0) throw new StaffError('error.duplicateHeader', { sheet, header });
    out[header] = at;
  }
  return out;
}

/** The required headers missing from a header row, in the required order. */
export function missingHeaders(headerRow: readonly unknown[], required: readonly string[]): string[] {
  const names = new Set(headerRow.map((h) => String(h ?? '').trim()));
  return required.filter((h) => !names.has(h));
}

/** True for a row with nothing in it (blank rows between data are skipped, never an error). */
export function isBlankRow(row: readonly unknown[]): boolean {
  return row.every((v) => v === '' || v === null || v === undefined);
}

/**
 * Groups column positions into runs of adjacent columns, so that writing a few columns to every
 * row costs one range write per run, whatever the number of rows.
 */
export function columnRuns(positions: readonly number[]): { start: number; columns: number[] }[] {
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  const runs: { start: number; columns: number[] }[] = [];
  for (const p of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.start + last.columns.length === p) last.columns.push(p);
    else runs.push({ start: p, columns: [p] });
  }
  return runs;
}

/** "Applications!S12" for data row `rowIndex` (0-based, below the header) and column `col` (0-based). */
export function cellName(sheet: string, rowIndex: number, col: number): string {
  let letters = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${sheet}!${letters}${rowIndex + 2}`;
}
