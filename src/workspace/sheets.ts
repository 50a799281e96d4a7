/**
 * Typed tables over SpreadsheetApp, read and written in whole blocks: a read is one getValues of
 * the data range, a write is one setValues per run of adjacent columns or one per appended block,
 * so an action's number of calls does not depend on the number of rows.
 */
import { StaffError } from '../core/errors';
import { type Columns, columnRuns, findColumns } from '../core/table';

export type Cell = string | number | boolean | Date;
export type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
export type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A sheet read in one block: its header row, data rows (sheet row = index + 2) and columns found. */
export interface Table<H extends string> {
  name: string;
  sheet: Sheet;
  header: string[];
  rows: Cell[][];
  cols: Columns<H>;
  /** Width of the block read (the last column with content). */
  width: number;
}

/** The sheet, or a message to run Set up. */
export function requireSheet(ss: Spreadsheet, name: string): Sheet {
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new StaffError('error.missingSheet', { sheet: name });
  return sheet;
}

/** Reads a whole sheet in one getValues; stops with a message naming a missing required header. */
export function readTable<H extends string>(sheet: Sheet, required: readonly H[], name = sheet.getName()): Table<H> {
  const values = sheet.getDataRange().getValues() as Cell[][];
  const header = (values[0] ?? []).map((h) => String(h ?? '').trim());
  const cols = findColumns(name, header, required);
  const width = Math.max(header.length, 1);
  return { name, sheet, header, rows: values.slice(1), cols, width };
}

/** Reads the named sheet of `ss` as a table (the sheet must exist). */
export function readSheet<H extends string>(ss: Spreadsheet, name: string, required: readonly H[]): Table<H> {
  return readTable(requireSheet(ss, name), required, name);
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
  table.rows.push(...rows);
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
    table.sheet.getRange(2, run.start + 1, block.length, run.columns.length).setValues(block);
    block.forEach((cells, r) => {
      run.columns.forEach((c, i) => {
        table.rows[r][c] = cells[i];
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
    table.sheet.getRange(rowIndex + 2, run.start + 1, 1, cells.length).setValues([cells]);
    run.columns.forEach((c, i) => {
      table.rows[rowIndex][c] = cells[i];
    });
  }
}

/**
 * Writes rows from sheet row `first` on: one appendRow for a single row (it grows a full sheet by
 * itself), else one setValues after making room.
 */
export function appendBlock(sheet: Sheet, first: number, rows: Cell[][]): void {
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

/** The cell as trimmed text ('' for empty). */
export function text(cell: Cell | undefined): string {
  return cell === undefined || cell === null ? '' : String(cell).trim();
}

/** True for a Date from any realm. */
export function isDateCell(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}
