/**
 * Typed tables over SpreadsheetApp, read and written in whole blocks: a read is one getValues of
 * the data range, a write is one setValues per run of adjacent columns or one per appended block,
 * so an action's number of calls does not depend on the number of rows.
 */
import { StaffError } from '../core/errors';
import { type Columns, columnRuns, findColumns } from '../core/table';
import { journal, lookUpSheet, type SheetData, sheetData } from './execution';

export type { Cell, Sheet, Spreadsheet } from './types';

import type { Cell, Sheet, Spreadsheet } from './types';

/** A sheet read in one block: its header row, data rows (sheet row = index + 2) and columns found. */
export interface Table<H extends string> {
  name: string;
  sheet: Sheet;
  header: string[];
  rows: Cell[][];
  cols: Columns<H>;
  /** Width of the block read (the last column with content). */
  width: number;
  /** The rows as this execution shares them; where only some columns were read, what fills the rest (loadRows). */
  source?: SheetData;
}

/** The sheet, or a message to run Set up. */
export function requireSheet(ss: Spreadsheet, name: string): Sheet {
  const sheet = lookUpSheet(ss, name);
  if (!sheet) throw new StaffError('error.missingSheet', { sheet: name });
  return sheet;
}

/**
 * Reads a whole sheet in one getValues; stops with a message naming a missing required header.
 * Given the spreadsheet, a sheet already read in this execution is not read again (see execution.ts):
 * every table of it shares the same rows.
 */
export function readTable<H extends string>(
  sheet: Sheet,
  required: readonly H[],
  name = sheet.getName(),
  ss: Spreadsheet | null = null,
  needed?: readonly H[],
): Table<H> {
  const data = sheetData(ss, name, sheet, needed ? readHeaderRow : undefined);
  const header = data.header.map((h) => String(h ?? '').trim());
  const cols = findColumns(name, header, required);
  const width = Math.max(header.length, 1);
  const table: Table<H> = { name, sheet: data.sheet, header, rows: data.rows, cols, width, source: data };
  if (needed) fillCells(data, [...new Set(needed.map((h) => cols[h]))], 0, data.rows.length - 1);
  else if (data.complete)
    fillCells(
      data,
      header.map((_, c) => c),
      0,
      data.rows.length - 1,
    );
  return table;
}

/**
 * Reads the named sheet of `ss` as a table (the sheet must exist), once per execution. With
 * `needed`, only the header row and those columns are read (readSheetColumns); without, the whole
 * sheet (what an earlier read of some columns left unread is read now).
 */
export function readSheet<H extends string>(
  ss: Spreadsheet,
  name: string,
  required: readonly H[],
  needed?: readonly H[],
): Table<H> {
  return readTable(requireSheet(ss, name), required, name, ss, needed);
}

/** A row of the table's width from named values (other columns left blank). */
export function rowFrom<H extends string>(table: Table<H>, values: Partial<Record<H, Cell>>): Cell[] {
  const row: Cell[] = new Array(table.width).fill('');
  for (const key of Object.keys(values) as H[]) {
    const v = values[key];
    if (v !== undefined) row[table.cols[key]] = v;
  }
  return row;
}

/** Appends rows after the table's last row in one setValues. Returns the first new sheet row. */
export function appendRows<H extends string>(table: Table<H>, rows: Cell[][]): number {
  const first = table.rows.length + 2;
  if (rows.length === 0) return first;
  appendBlock(table.sheet, first, rows);
  table.rows.push(...rows.map((r) => r.map(stored)));
  return first;
}

/**
 * Writes some columns of every data row: one setValues per run of adjacent columns, so staff
 * columns between them are never touched. `value(row, header)` gives the new cell.
 */
export function writeColumns<H extends string>(
  table: Table<H>,
  headers: readonly H[],
  value: (rowIndex: number, header: H) => Cell,
): void {
  if (table.rows.length === 0) return;
  const byPosition = new Map(headers.map((h) => [table.cols[h], h]));
  for (const run of columnRuns([...byPosition.keys()])) {
    const block = table.rows.map((_, r) => run.columns.map((c) => value(r, byPosition.get(c)!)));
    journal(
      table.sheet,
      2,
      run.start + 1,
      table.rows.map((row) => run.columns.map((c) => row[c] ?? '')),
    );
    table.sheet.getRange(2, run.start + 1, block.length, run.columns.length).setValues(block);
    block.forEach((cells, r) => {
      run.columns.forEach((c, i) => {
        table.rows[r][c] = stored(cells[i]);
      });
    });
  }
}

/** Writes some columns of one data row (by index), one setValues per run of adjacent columns. */
export function writeRowCells<H extends string>(
  table: Table<H>,
  rowIndex: number,
  values: Partial<Record<H, Cell>>,
): void {
  const entries = (Object.keys(values) as H[]).map((h) => [table.cols[h], values[h] as Cell] as const);
  const byPosition = new Map(entries);
  for (const run of columnRuns([...byPosition.keys()])) {
    const cells = run.columns.map((c) => byPosition.get(c)!);
    journal(table.sheet, rowIndex + 2, run.start + 1, [run.columns.map((c) => table.rows[rowIndex][c] ?? '')]);
    table.sheet.getRange(rowIndex + 2, run.start + 1, 1, cells.length).setValues([cells]);
    run.columns.forEach((c, i) => {
      table.rows[rowIndex][c] = stored(cells[i]);
    });
  }
}

/**
 * Rewrites the table's data rows from the top with `rows` (full width) in one setValues, growing the
 * sheet when needed; rows below them are left as they are. Journaled, and the table follows.
 */
export function rewriteRows<H extends string>(table: Table<H>, rows: Cell[][]): void {
  if (rows.length === 0) return;
  ensureRows(table.sheet, rows.length + 1);
  journal(
    table.sheet,
    2,
    1,
    rows.map((_, i) => Array.from({ length: table.width }, (_, c) => table.rows[i]?.[c] ?? '')),
  );
  table.sheet.getRange(2, 1, rows.length, table.width).setValues(rows);
  table.rows.splice(0, rows.length, ...rows.map((r) => r.map(stored)));
}

/**
 * Writes rows from sheet row `first` on: one appendRow for a single row (it grows a full sheet by
 * itself; it lands after the last row with content, which `first` names when it is known), else one
 * setValues after making room. The rows are journaled as blank unless `undoable` is false (Log).
 */
export function appendBlock(sheet: Sheet, first: number, rows: Cell[][], undoable = true): void {
  if (rows.length === 0) return;
  if (undoable && first > 0)
    journal(
      sheet,
      first,
      1,
      rows.map((r) => new Array(r.length).fill('')),
    );
  if (rows.length === 1) {
    sheet.appendRow(rows[0]);
    return;
  }
  ensureRows(sheet, first + rows.length - 1);
  sheet.getRange(first, 1, rows.length, rows[0].length).setValues(rows);
}

/** Grows the sheet so that row `lastRow` exists (a range past the last row is an error in Sheets). */
export function ensureRows(sheet: Sheet, lastRow: number): void {
  const max = sheet.getMaxRows();
  if (lastRow > max) sheet.insertRowsAfter(max, lastRow - max);
}

/**
 * The value Sheets keeps for a cell written as `value`, as getValues would give it back: text
 * written behind an apostrophe (asText) is kept without it. Everything the add-on writes is either
 * such text, a vocabulary word, a number, a Date or a boolean, so this is the whole conversion.
 */
export function stored(value: Cell): Cell {
  return typeof value === 'string' && value.startsWith("'") ? value.slice(1) : value;
}

/** The cell as trimmed text ('' for empty). */
export function text(cell: Cell | undefined): string {
  return cell === undefined || cell === null ? '' : String(cell).trim();
}

/** True for a Date from any realm. */
export function isDateCell(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/**
 * Column-limited reads. A submission at 2,000 applications read the whole Applications and Notices
 * sheets (64,000 cells, 3.2 s by the cost model) to use five columns of one and two of the other.
 * readSheet with `needed` reads the header row (the columns are found by name: staff may move
 * them), then each run of adjacent needed columns over every data row, one getValues per run; the
 * other cells stay undefined until a reader asks for them (loadRows, loadColumns, a whole read).
 *
 * Why a read per run and not one read of the span between the first and last needed column: by the
 * cost model (emulator/src/cost.ts: a getValues 0.03 s and 0.05 ms a cell, its range 0.002 s) a
 * second read costs 0.032 s, the same as 640 cells read through the gap. The intake's gap
 * (Municipality to Status, 13 columns) passes 640 cells from 50 rows on, the notices' (Notice Key
 * to Status, 5 columns) from 128: below that a span saves at most 0.03 s, above it the runs save
 * more with every row (1.3 s at 2,000 applications). Choosing by the row count would also make the
 * number of calls depend on the size of the sheet, which test/e2e/calls.test.ts holds fixed.
 */
function readHeaderRow(sheet: Sheet): SheetData {
  // "The position of the last row/column that has content" (reference/spreadsheet/sheet#getlastrow,
  // #getlastcolumn): the block getDataRange gives, so both ways see the same rows and width.
  const lastRow = sheet.getLastRow();
  const width = sheet.getLastColumn();
  if (width === 0) return { sheet, header: [], rows: [] };
  const header = sheet.getRange(1, 1, 1, width).getValues()[0] as Cell[];
  const count = Math.max(lastRow - 1, 0);
  const rows = Array.from({ length: count }, () => new Array<Cell>(width).fill(NOT_READ));
  return { sheet, header, rows, complete: new Array<boolean>(width).fill(count === 0), readRows: count };
}

/** A cell not read yet (getValues never gives undefined: an empty cell is ''). */
const NOT_READ = undefined as unknown as Cell;

/**
 * Reads what is not read yet of `columns` in the data rows `from`..`to` (0-based; rows appended in
 * this execution are whole already): one getValues per run of adjacent columns over those rows.
 * Cells already held are kept (they are what this execution wrote, which a read would give back).
 */
function fillCells(data: SheetData, columns: readonly number[], from: number, to: number): void {
  const complete = data.complete;
  if (!complete) return;
  const last = Math.min(to, (data.readRows ?? 0) - 1);
  const first = Math.max(from, 0);
  if (last < first) return;
  const missing = columns.filter((c) => c >= 0 && c < complete.length && !complete[c]);
  for (const run of columnRuns(missing)) {
    const values = data.sheet.getRange(first + 2, run.start + 1, last - first + 1, run.columns.length).getValues();
    values.forEach((cells, i) => {
      const row = data.rows[first + i];
      run.columns.forEach((c, k) => {
        if (row[c] === NOT_READ) row[c] = cells[k] as Cell;
      });
    });
  }
  if (first === 0 && last === (data.readRows ?? 0) - 1) for (const c of missing) complete[c] = true;
}

/**
 * Makes every cell of the rows `indices` (0-based data rows) of `table` read: one getValues per
 * run of columns not read yet, over the rows from the first index to the last (so every row
 * between them is whole too, as a block write over them needs). Nothing is read for rows whole
 * already, such as those appended in this execution.
 */
export function loadRows<H extends string>(table: Table<H>, indices: readonly number[]): void {
  const data = table.source;
  if (!data?.complete || indices.length === 0) return;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const i of indices) {
    if (i < (data.readRows ?? 0) && data.rows[i]?.includes(NOT_READ)) {
      lo = Math.min(lo, i);
      hi = Math.max(hi, i);
    }
  }
  if (lo > hi) return;
  fillCells(
    data,
    table.header.map((_, c) => c),
    lo,
    hi,
  );
}

/** Makes the cells of `headers` read in the rows `indices` (and those between them): one getValues per run of columns. */
export function loadCells<H extends string>(table: Table<H>, indices: readonly number[], headers: readonly H[]): void {
  const data = table.source;
  if (!data?.complete || indices.length === 0) return;
  const columns = headers.map((h) => table.cols[h]);
  const unread = indices.filter((i) => i < (data.readRows ?? 0) && columns.some((c) => data.rows[i]?.[c] === NOT_READ));
  if (unread.length === 0) return;
  fillCells(data, columns, Math.min(...unread), Math.max(...unread));
}

/** Makes the columns `headers` of `table` read in every row (one getValues per run of adjacent columns not read yet). */
export function loadColumns<H extends string>(table: Table<H>, headers: readonly H[]): void {
  const data = table.source;
  if (!data?.complete) return;
  fillCells(
    data,
    headers.map((h) => table.cols[h]),
    0,
    data.rows.length - 1,
  );
}
