/**
 * The data behind an emulated spreadsheet: sheets of cells, with no call counting. The counted
 * Apps Script facade (FakeSpreadsheet, FakeSheet, FakeRange in spreadsheet.ts) reads and writes
 * through it; FormApp writes form responses through it (a form's own write is not a script call);
 * tests and the CLI inspect it. Indices here are 0-based; the facade converts from Apps Script's
 * 1-based ones.
 */
import { type FileContent, isDate } from './env';

/** What a cell can hold, as getValues() returns it. */
export type CellValue = string | number | boolean | Date;

export interface CellModel {
  value: CellValue;
  /** A formula such as "=SUM(A1:A3)", or '' for none. */
  formula: string;
  numberFormat: string;
  note: string;
  /** Data validation rule recorded for this cell (the facade's DataValidation object). */
  validation: unknown;
}

function emptyCell(): CellModel {
  return { value: '', formula: '', numberFormat: 'General', note: '', validation: null };
}

function cloneValue(v: CellValue): CellValue {
  return isDate(v) ? new Date(v.getTime()) : v;
}

/** One sheet (tab). Rows and columns grow on demand up to maxRows x maxColumns. */
export class SheetModel {
  /** cells[row][col], 0-based; rows may be shorter than maxColumns (missing cells are empty). */
  cells: CellModel[][] = [];
  maxRows = 1000;
  maxColumns = 26;
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  tabColor: string | null = null;
  columnWidths = new Map<number, number>();
  /** Protections, charts and anything else the facade records, kept as plain objects. */
  protections: unknown[] = [];
  charts: unknown[] = [];
  /** The form whose responses land in this sheet (Sheet.getFormUrl), or null. */
  formUrl: string | null = null;

  constructor(
    public name: string,
    readonly sheetId: number,
  ) {}

  /** The cell at (row, col), 0-based, created if needed (the facade writes through it). */
  cell(row: number, col: number): CellModel {
    if (pending.on) keepRow(this, row);
    let r = this.cells[row];
    if (!r) {
      r = [];
      this.cells[row] = r;
    }
    let c = r[col];
    if (!c) {
      c = emptyCell();
      r[col] = c;
    }
    return c;
  }

  /** The cell's value without creating it. */
  valueAt(row: number, col: number): CellValue {
    return this.cells[row]?.[col]?.value ?? '';
  }

  formulaAt(row: number, col: number): string {
    return this.cells[row]?.[col]?.formula ?? '';
  }

  private hasContent(c: CellModel | undefined): boolean {
    return !!c && (c.value !== '' || c.formula !== '');
  }

  /** 1-based number of the last row with content, 0 when the sheet is empty (Sheet.getLastRow). */
  lastRow(): number {
    for (let r = this.cells.length - 1; r >= 0; r--) {
      const row = this.cells[r];
      if (row?.some((c) => this.hasContent(c))) return r + 1;
    }
    return 0;
  }

  /** 1-based number of the last column with content, 0 when empty (Sheet.getLastColumn). */
  lastColumn(): number {
    let last = 0;
    for (const row of this.cells) {
      if (!row) continue;
      for (let c = row.length - 1; c >= last; c--) {
        if (this.hasContent(row[c])) {
          last = c + 1;
          break;
        }
      }
    }
    return last;
  }

  /** Stores a value as it is (no parsing: the facade interprets typed-in strings). */
  setValue(row: number, col: number, value: CellValue): void {
    if (pending.on) keepRow(this, row);
    this.ensureSize(row + 1, col + 1);
    const c = this.cell(row, col);
    c.formula = '';
    c.value = cloneValue(value);
  }

  /** Stores a formula; its computed value is not evaluated by the emulator and reads as ''. */
  setFormula(row: number, col: number, formula: string): void {
    if (pending.on) keepRow(this, row);
    this.ensureSize(row + 1, col + 1);
    const c = this.cell(row, col);
    c.formula = formula;
    c.value = '';
  }

  /** Grows maxRows/maxColumns so that (rows x cols) fits, as writing past the grid does. */
  ensureSize(rows: number, cols: number): void {
    if (rows > this.maxRows) this.maxRows = rows;
    if (cols > this.maxColumns) this.maxColumns = cols;
  }

  /** Writes a row after the last row with content; returns its 1-based number (Sheet.appendRow). */
  appendRow(values: CellValue[]): number {
    const row = this.lastRow();
    values.forEach((v, c) => {
      this.setValue(row, c, v);
    });
    return row + 1;
  }

  /** Values of rows x cols from (row, col), 0-based, '' for empty cells. Dates are copies. */
  values(row: number, col: number, rows: number, cols: number): CellValue[][] {
    const out: CellValue[][] = [];
    for (let r = 0; r < rows; r++) {
      const line: CellValue[] = [];
      for (let c = 0; c < cols; c++) line.push(cloneValue(this.valueAt(row + r, col + c)));
      out.push(line);
    }
    return out;
  }

  /** Everything from A1 to the last row and column with content (Sheet.getDataRange().getValues()). */
  dataValues(): CellValue[][] {
    return this.values(0, 0, this.lastRow(), this.lastColumn());
  }

  /** Removes rows [row, row+count), 0-based, shifting the rest up. */
  deleteRows(row: number, count: number): void {
    if (pending.on) keepSheet(this);
    this.cells.splice(row, count);
    this.maxRows = Math.max(1, this.maxRows - count);
  }

  /** Inserts `count` empty rows before `row`, 0-based. */
  insertRows(row: number, count: number): void {
    if (pending.on) keepSheet(this);
    const blanks: CellModel[][] = Array.from({ length: count }, () => []);
    while (this.cells.length < row) this.cells.push([]);
    this.cells.splice(row, 0, ...blanks);
    this.maxRows += count;
  }

  /** Inserts `count` empty columns before `col`, 0-based. */
  insertColumns(col: number, count: number): void {
    if (pending.on) keepSheet(this);
    for (const r of this.cells) {
      if (!r || r.length <= col) continue;
      r.splice(col, 0, ...Array.from({ length: count }, () => emptyCell()));
    }
    this.maxColumns += count;
  }

  /** Removes columns [col, col+count), 0-based. */
  deleteColumns(col: number, count: number): void {
    if (pending.on) keepSheet(this);
    for (const r of this.cells) if (r) r.splice(col, count);
    this.maxColumns = Math.max(1, this.maxColumns - count);
  }

  /** Empties every cell (Sheet.clear). */
  clear(): void {
    if (pending.on) keepSheet(this);
    this.cells = [];
  }

  clone(): SheetModel {
    const copy = new SheetModel(this.name, this.sheetId);
    copy.cells = this.cells.map((r) => (r ? r.map((c) => (c ? { ...c, value: cloneValue(c.value) } : c)) : r));
    copy.maxRows = this.maxRows;
    copy.maxColumns = this.maxColumns;
    copy.frozenRows = this.frozenRows;
    copy.frozenColumns = this.frozenColumns;
    copy.hidden = this.hidden;
    copy.tabColor = this.tabColor;
    copy.columnWidths = new Map(this.columnWidths);
    copy.protections = [...this.protections];
    copy.charts = [...this.charts];
    return copy;
  }
}

/** A spreadsheet file's content: its sheets in tab order. */
export class SpreadsheetModel implements FileContent {
  sheets: SheetModel[] = [];
  private nextSheetId = 0;
  timeZone: string;
  locale = 'en_US';
  /** Id of a form whose responses land here, if any. */
  formUrl: string | null = null;

  constructor(
    readonly id: string,
    timeZone: string,
  ) {
    this.timeZone = timeZone;
  }

  /** Adds a sheet at `index` (0-based, default last); throws on a duplicate name, as insertSheet does. */
  insertSheet(name: string, index?: number): SheetModel {
    if (pending.on) keepBook(this);
    if (this.sheetByName(name)) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const sheet = new SheetModel(name, this.nextSheetId++);
    const at = index === undefined ? this.sheets.length : Math.max(0, Math.min(index, this.sheets.length));
    this.sheets.splice(at, 0, sheet);
    return sheet;
  }

  sheetByName(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  sheetById(sheetId: number): SheetModel | undefined {
    return this.sheets.find((s) => s.sheetId === sheetId);
  }

  deleteSheet(sheet: SheetModel): void {
    if (pending.on) keepBook(this);
    if (this.sheets.length === 1) {
      throw new Error("You can't remove all the sheets in a document.");
    }
    this.sheets = this.sheets.filter((s) => s !== sheet);
  }

  /** A name that is not taken yet ("Sheet2", "Form Responses 2", ...). */
  freeName(stem: string): string {
    for (let i = 1; ; i++) {
      const name = `${stem} ${i}`;
      if (!this.sheetByName(name)) return name;
    }
  }

  clone(newId: string): SpreadsheetModel {
    const copy = new SpreadsheetModel(newId, this.timeZone);
    copy.locale = this.locale;
    copy.sheets = this.sheets.map((s) => s.clone());
    copy.nextSheetId = this.nextSheetId;
    return copy;
  }
}

export const SPREADSHEET_MIME = 'application/vnd.google-apps.spreadsheet';
export const FORM_MIME = 'application/vnd.google-apps.form';
export const DOCUMENT_MIME = 'application/vnd.google-apps.document';
export const FOLDER_MIME = 'application/vnd.google-apps.folder';

// ---------------------------------------------------------------------------------------------
// Writes not yet applied
//
// SpreadsheetApp.flush (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#flush):
// "Applies all pending Spreadsheet changes. Spreadsheet operations are sometimes bundled together
// to improve performance". The reference does not say what becomes of pending changes when
// Apps Script kills an execution; the emulator takes the stricter view: a script's writes are
// applied by flush() or by the execution's normal end, and an execution that is killed (the
// 6-minute limit, an injected kill) loses every write since its last flush. The emulator keeps
// the state before the first write of each row (or sheet, or sheet list) since the last flush, so
// a kill can put it back. Not kept: a sheet's name, colour, visibility, protections, charts and
// developer metadata (they stay as written).

interface KeptSheet {
  maxRows: number;
  maxColumns: number;
  /** Rows as they were, by 0-based index (undefined: the row did not exist). */
  rows: Map<number, KeptRow | undefined>;
  /** The whole sheet as it was, once a structural change (rows, columns, clear) made rows move. */
  whole: SheetModel | null;
}

const pending = {
  /** True while an execution runs (Emulator.run): only a script's writes can be lost. */
  on: false,
  sheets: new Map<SheetModel, KeptSheet>(),
  books: new Map<SpreadsheetModel, SheetModel[]>(),
};

function keptOf(sheet: SheetModel): KeptSheet {
  let kept = pending.sheets.get(sheet);
  if (!kept) {
    kept = { maxRows: sheet.maxRows, maxColumns: sheet.maxColumns, rows: new Map(), whole: null };
    pending.sheets.set(sheet, kept);
  }
  return kept;
}

/** A row's cell objects (the facade keys formats by them) and their contents at the time. */
interface KeptRow {
  cells: CellModel[];
  contents: (CellModel | undefined)[];
}

function copyRow(row: CellModel[] | undefined): KeptRow | undefined {
  return row
    ? { cells: [...row], contents: row.map((c) => (c ? { ...c, value: cloneValue(c.value) } : c)) }
    : undefined;
}

function restoreRow(kept: KeptRow | undefined): CellModel[] {
  if (!kept) return undefined as unknown as CellModel[];
  kept.cells.forEach((c, i) => {
    const was = kept.contents[i];
    if (c && was) Object.assign(c, was);
  });
  return kept.cells;
}

function keepRow(sheet: SheetModel, row: number): void {
  const kept = keptOf(sheet);
  if (kept.whole || kept.rows.has(row)) return;
  kept.rows.set(row, copyRow(sheet.cells[row]));
}

function keepSheet(sheet: SheetModel): void {
  const kept = keptOf(sheet);
  if (kept.whole) return;
  // The rows kept so far are where they were before any row moved: put them into the copy.
  const whole = sheet.clone();
  for (const [r, row] of kept.rows)
    whole.cells[r] = row ? row.contents.map((c) => c as CellModel) : (undefined as unknown as CellModel[]);
  whole.maxRows = kept.maxRows;
  whole.maxColumns = kept.maxColumns;
  kept.whole = whole;
}

function keepBook(book: SpreadsheetModel): void {
  if (!pending.books.has(book)) pending.books.set(book, [...book.sheets]);
}

/** A write the facade makes to a sheet's cells directly (Sheet.clear with options, clearContents). */
export function keepForWrite(sheet: SheetModel): void {
  if (pending.on) keepSheet(sheet);
}

/** Emulator-only: the writes of a running execution are pending from now on (Emulator.run). */
export function trackPendingWrites(on: boolean): void {
  pending.on = on;
}

/** Whether there are writes not yet applied (for tests). */
export function hasPendingWrites(): boolean {
  return pending.sheets.size > 0 || pending.books.size > 0;
}

/** flush() or a normal end: every pending write is applied. */
export function applyPendingWrites(): void {
  pending.sheets.clear();
  pending.books.clear();
}

/** A killed execution: every write since the last flush is lost. */
export function dropPendingWrites(): void {
  for (const [book, sheets] of pending.books) book.sheets = sheets;
  for (const [sheet, kept] of pending.sheets) {
    if (kept.whole) {
      sheet.cells = kept.whole.cells;
      sheet.frozenRows = kept.whole.frozenRows;
      sheet.frozenColumns = kept.whole.frozenColumns;
      sheet.columnWidths = kept.whole.columnWidths;
    } else {
      for (const [r, row] of kept.rows) sheet.cells[r] = restoreRow(row);
    }
    sheet.maxRows = kept.maxRows;
    sheet.maxColumns = kept.maxColumns;
  }
  applyPendingWrites();
}
