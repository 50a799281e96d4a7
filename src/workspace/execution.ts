/**
 * One execution's work on the spreadsheet.
 *
 * - Each sheet is looked up once and read once: a later read of the same sheet gets the same rows,
 *   which the write helpers of sheets.ts keep up to date. So an action that needs Settings in three
 *   places reads it once, and the Summary is built from what was just written, not read again.
 * - Every write made through those helpers is journaled with the cells it replaced. An action that
 *   fails before it commits puts them back (newest first), so the sheets are as they were.
 *
 * Apps Script starts every execution with fresh globals; the emulator keeps one loaded bundle, so
 * an execution is opened and closed explicitly by each entry point.
 */
import type { Cell, Sheet, Spreadsheet } from './types';

/** The cells a write replaced: writing `values` at (row, column) undoes it. */
interface Undo {
  sheet: Sheet;
  row: number;
  column: number;
  values: Cell[][];
}

/** A sheet as read in one block: the header row and the data rows (shared by every reader). */
export interface SheetData {
  sheet: Sheet;
  header: Cell[];
  rows: Cell[][];
  /**
   * Where only some columns were read (sheets.ts, readSheetColumns): per column, whether every
   * row is read; a cell not read yet is undefined. Absent when the whole sheet was read.
   */
  complete?: boolean[];
  /** With `complete`: the data rows the sheet had when read (rows appended after are whole). */
  readRows?: number;
}

interface Execution {
  ss: Spreadsheet;
  /** Whether writes are journaled (not for Set up or sending, whose every step stands on its own). */
  undoable: boolean;
  sheets: Map<string, Sheet | null>;
  data: Map<string, SheetData>;
  timeZone: string | null;
  memos: Map<string, unknown>;
  journal: Undo[];
  committed: boolean;
}

let current: Execution | null = null;

/** What became of the writes of an execution that failed. */
export type Rollback =
  | { kind: 'nothing' } // nothing had been written
  | { kind: 'restored'; writes: number } // every write was undone
  | { kind: 'committed' } // the work was complete and saved before the failure
  | { kind: 'partial'; left: number; error: unknown }; // undoing failed: `left` writes remain

/**
 * Opens an execution on `ss` (nested calls join the open one). Returns a function that closes it.
 * With `cache: false` (Set up, which rebuilds sheets and headers) every read goes to the sheet.
 */
export function openExecution(ss: Spreadsheet, options: { undoable: boolean; cache?: boolean }): () => void {
  if (current && current.ss === ss) return () => {};
  const outer = current;
  if (options.cache === false) {
    current = null;
    return () => {
      current = outer;
    };
  }
  current = {
    ss,
    undoable: options.undoable,
    sheets: new Map(),
    data: new Map(),
    timeZone: null,
    memos: new Map(),
    journal: [],
    committed: false,
  };
  return () => {
    current = outer;
  };
}

function of(ss: Spreadsheet | null | undefined): Execution | null {
  return current && ss && current.ss === ss ? current : null;
}

/** `ss.getSheetByName(name)`, asked once per execution. */
export function lookUpSheet(ss: Spreadsheet, name: string): Sheet | null {
  const exec = of(ss);
  if (!exec) return ss.getSheetByName(name);
  const known = exec.sheets.get(name);
  if (known) return known;
  // A missing sheet is asked again: Set up may add it later in the same execution.
  const sheet = ss.getSheetByName(name);
  if (sheet) exec.sheets.set(name, sheet);
  return sheet;
}

/**
 * The sheet's data range, read once per execution (`name` is the key; the rows are shared). `read`
 * makes the first read (sheets.ts passes one that reads the header row alone).
 */
export function sheetData(
  ss: Spreadsheet | null,
  name: string,
  sheet: Sheet,
  read: (sheet: Sheet) => SheetData = readWhole,
): SheetData {
  const exec = of(ss);
  const cached = exec?.data.get(name);
  if (cached) return cached;
  const data = read(sheet);
  exec?.data.set(name, data);
  return data;
}

function readWhole(sheet: Sheet): SheetData {
  const values = sheet.getDataRange().getValues() as Cell[][];
  return { sheet, header: values[0] ?? [], rows: values.slice(1) };
}

/** `ss.getSpreadsheetTimeZone()`, asked once per execution. */
export function timeZoneOf(ss: Spreadsheet): string {
  const exec = of(ss);
  if (!exec) return ss.getSpreadsheetTimeZone();
  exec.timeZone ??= ss.getSpreadsheetTimeZone();
  return exec.timeZone;
}

/** `make()`, once per execution under `key` (e.g. the Log's header row). */
export function memo<T>(ss: Spreadsheet | null, key: string, make: () => T): T {
  const exec = of(ss);
  if (!exec) return make();
  if (!exec.memos.has(key)) exec.memos.set(key, make());
  return exec.memos.get(key) as T;
}

/**
 * Records the cells a write is about to replace, as getValues gave them (called by the write
 * helpers, before writing). Text is put back behind an apostrophe, so it stays text exactly.
 */
export function journal(sheet: Sheet, row: number, column: number, values: Cell[][]): void {
  if (!current?.undoable || current.committed || values.length === 0) return;
  const asTyped = (v: Cell): Cell => (typeof v === 'string' && v !== '' ? `'${v}` : v);
  current.journal.push({ sheet, row, column, values: values.map((r) => r.map(asTyped)) });
}

/** The action's work is complete and saved: a later failure (a dialog, the log) undoes nothing. */
export function commit(ss: Spreadsheet): void {
  const exec = of(ss);
  if (!exec) return;
  exec.committed = true;
  exec.journal = [];
}

/** After a failure: puts back every journaled write of the open execution, newest first. */
export function rollBack(ss: Spreadsheet | null): Rollback {
  const exec = of(ss);
  if (!exec) return { kind: 'nothing' };
  if (exec.committed) return { kind: 'committed' };
  const writes = exec.journal.length;
  exec.data.clear();
  if (writes === 0) return { kind: 'nothing' };
  while (exec.journal.length > 0) {
    const undo = exec.journal[exec.journal.length - 1];
    try {
      undo.sheet.getRange(undo.row, undo.column, undo.values.length, undo.values[0].length).setValues(undo.values);
    } catch (error) {
      return { kind: 'partial', left: exec.journal.length, error };
    }
    exec.journal.pop();
  }
  return { kind: 'restored', writes };
}
