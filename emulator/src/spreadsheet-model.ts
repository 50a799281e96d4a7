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

  /** The cell at (row, col), 0-based, created if needed. */
  cell(row: number, col: number): CellModel {
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
    this.ensureSize(row + 1, col + 1);
    const c = this.cell(row, col);
    c.formula = '';
    c.value = cloneValue(value);
  }

  /** Stores a formula; its computed value is not evaluated by the emulator and reads as ''. */
  setFormula(row: number, col: number, formula: string): void {
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
    this.cells.splice(row, count);
    this.maxRows = Math.max(1, this.maxRows - count);
  }

  /** Inserts `count` empty rows before `row`, 0-based. */
  insertRows(row: number, count: number): void {
    const blanks: CellModel[][] = Array.from({ length: count }, () => []);
    while (this.cells.length < row) this.cells.push([]);
    this.cells.splice(row, 0, ...blanks);
    this.maxRows += count;
  }

  /** Inserts `count` empty columns before `col`, 0-based. */
  insertColumns(col: number, count: number): void {
    for (const r of this.cells) {
      if (!r || r.length <= col) continue;
      r.splice(col, 0, ...Array.from({ length: count }, () => emptyCell()));
    }
    this.maxColumns += count;
  }

  /** Removes columns [col, col+count), 0-based. */
  deleteColumns(col: number, count: number): void {
    for (const r of this.cells) if (r) r.splice(col, count);
    this.maxColumns = Math.max(1, this.maxColumns - count);
  }

  /** Empties every cell (Sheet.clear). */
  clear(): void {
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
