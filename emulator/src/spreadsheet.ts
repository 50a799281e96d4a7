/**
 * The counted Apps Script facade over spreadsheet-model.ts: SpreadsheetApp, Spreadsheet, Sheet,
 * Range, data validation, protections and embedded charts. Every public API method records one
 * call ("Spreadsheet.<Class>.<method>") before it does anything, so tests can count calls and
 * inject faults. Indices are 1-based here and 0-based in the model. Values that come from the
 * script live in another vm realm: dates are recognised with isDate() and copied both ways.
 * Never bundled into build/Code.js.
 */
import { type Env, isDate } from './env';
import {
  applyPendingWrites,
  type CellModel,
  type CellValue,
  keepForWrite,
  type SheetModel,
  SPREADSHEET_MIME,
  SpreadsheetModel,
} from './spreadsheet-model';
import type { FakeUi } from './ui';
import { MONTHS, WEEKDAYS, type ZonedParts, zonedParts } from './zone';

type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;
type GDataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type GDataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type GDataValidationCriteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;
type GProtection = GoogleAppsScript.Spreadsheet.Protection;
type GProtectionType = GoogleAppsScript.Spreadsheet.ProtectionType;
type GChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type GChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type GChartType = GoogleAppsScript.Charts.ChartType;
type GContainerInfo = GoogleAppsScript.Spreadsheet.ContainerInfo;
type GUser = GoogleAppsScript.Base.User;
type GFontWeight = GoogleAppsScript.Spreadsheet.FontWeight;
type GHAlign = 'left' | 'center' | 'normal' | 'right' | null;

/** The facade returns its fakes where the real API returns real objects; the fakes only implement a Pick. */
function gas<T>(x: unknown): T {
  return x as T;
}

/** Most cells a workbook may hold (all sheets, max rows x max columns). */
export const WORKBOOK_CELL_LIMIT = 10_000_000;
/** Most characters one cell may hold. */
export const CELL_CHARACTER_LIMIT = 50_000;
/** What getNumberFormat() reports for a cell that was never formatted ("General"). */
export const DEFAULT_NUMBER_FORMAT = '0.###############';
/** How a Date shows when its cell has no date format. */
export const DEFAULT_DATE_FORMAT = 'M/d/yyyy H:mm:ss';

const ERR = {
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  colsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  rowTooSmall: 'The starting row of the range is too small.',
  colTooSmall: 'The starting column of the range is too small.',
  numRows: 'The number of rows in the range must be at least 1.',
  numCols: 'The number of columns in the range must be at least 1.',
  outside: 'The coordinates of the range are outside the dimensions of the sheet.',
  cellLimit: `This action would increase the number of cells in the workbook above the limit of ${WORKBOOK_CELL_LIMIT} cells.`,
  charLimit: `Your input contains more than the maximum of ${CELL_CHARACTER_LIMIT} characters in a single cell.`,
  rangeNotFound: 'Range not found',
  duplicateSheet: (name: string) => `A sheet with the name "${name}" already exists. Please enter another name.`,
  signature: (args: unknown[], method: string) =>
    `The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`,
};

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return v.length > 0 && Array.isArray(v[0]) ? `${typeName(v[0][0])}[][]` : `${typeName(v[0])}[]`;
  if (isDate(v)) return 'Date';
  if (typeof v === 'object') return 'Object';
  return typeof v === 'string' ? 'String' : typeof v;
}

// ---------------------------------------------------------------------------------------------
// Enums (plain objects whose values print as their names, like the real ones)

function enumOf<T extends string>(names: readonly T[]): Readonly<Record<T, T>> {
  const out = {} as Record<T, T>;
  for (const n of names) out[n] = n;
  return Object.freeze(out);
}

/** https://developers.google.com/apps-script/reference/spreadsheet/protection-type */
export const ProtectionType = enumOf(['RANGE', 'SHEET'] as const);
/** https://developers.google.com/apps-script/reference/spreadsheet/data-validation-criteria */
export const DataValidationCriteria = enumOf([
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
] as const);
/** https://developers.google.com/apps-script/reference/charts/chart-type */
export const ChartType = enumOf([
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
] as const);
/** https://developers.google.com/apps-script/reference/spreadsheet/wrap-strategy */
export const WrapStrategy = enumOf(['WRAP', 'OVERFLOW', 'CLIP'] as const);
/** https://developers.google.com/apps-script/reference/spreadsheet/border-style */
export const BorderStyle = enumOf(['DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE'] as const);

// ---------------------------------------------------------------------------------------------
// Time zones and display formats

export interface WallClock extends ZonedParts {
  /** 0 = Sunday */
  weekday: number;
}

/** The wall-clock reading of `d` in time zone `tz`. */
export function wallClock(d: Date, tz: string): WallClock {
  const p = zonedParts(d.getTime(), tz);
  return { ...p, weekday: new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay() };
}

/** The instant whose wall-clock reading in `tz` is the given one. */
export function zonedDate(
  year: number,
  month: number,
  day: number,
  tz: string,
  hour = 0,
  minute = 0,
  second = 0,
): Date {
  const target = Date.UTC(year, month - 1, day, hour, minute, second);
  let t = target;
  for (let i = 0; i < 4; i++) {
    const w = wallClock(new Date(t), tz);
    const diff = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - target;
    if (diff === 0) break;
    t -= diff;
  }
  return new Date(t);
}

function isGeneralFormat(fmt: string): boolean {
  return fmt === '' || fmt === 'General' || fmt === DEFAULT_NUMBER_FORMAT;
}

const NUMBER_FORMAT = /^([^#0?]*?)([#,0]*0[,0]*|#[#,]*)(?:\.(0*)(#*))?(%?)([^#0%]*)$/;

function stripLiteral(s: string): string {
  return s.replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1');
}

/** A number as a cell with number format `fmt` shows it (plain patterns such as 0, 0.00, #,##0.00, 0%). */
export function formatNumber(n: number, fmt: string): string {
  if (isGeneralFormat(fmt) || fmt === '@') return String(n);
  const m = NUMBER_FORMAT.exec(fmt);
  if (!m || !Number.isFinite(n)) return String(n);
  const [, prefix, intPart, zeros = '', hashes = '', pct, suffix] = m;
  const v = pct ? n * 100 : n;
  let s = Math.abs(v).toFixed(zeros.length + hashes.length);
  if (hashes.length > 0) {
    const [i, f = ''] = s.split('.');
    let frac = f;
    while (frac.length > zeros.length && frac.endsWith('0')) frac = frac.slice(0, -1);
    s = frac ? `${i}.${frac}` : i;
  }
  let [intDigits, frac = ''] = s.split('.');
  const minInt = (intPart.match(/0/g) ?? []).length;
  if (minInt === 0 && intDigits === '0') intDigits = '';
  intDigits = intDigits.padStart(minInt, '0');
  if (intPart.includes(',')) intDigits = intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = v < 0 && Number(s) !== 0 ? '-' : '';
  return `${sign}${stripLiteral(prefix)}${intDigits}${frac ? `.${frac}` : ''}${pct}${stripLiteral(suffix)}`;
}

/** True when `fmt` formats dates or times (has y, m, d, h or s outside quotes) rather than numbers. */
export function isDateFormat(fmt: string): boolean {
  if (isGeneralFormat(fmt) || fmt === '@' || NUMBER_FORMAT.test(fmt)) return false;
  return /[ymdhs]/i.test(fmt.replace(/"[^"]*"/g, '').replace(/\\./g, ''));
}

const DATE_TOKEN = /"[^"]*"|\\.|yyyy|yy|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|a\/p|[\s\S]/gi;

/**
 * A date as Sheets shows it with number format `fmt` in time zone `tz`. Tokens are case-insensitive;
 * m/mm mean minutes right after an hour token or right before a seconds token, months otherwise.
 */
export function formatDate(d: Date, fmt: string, tz: string): string {
  const tokens = fmt.match(DATE_TOKEN) ?? [];
  const kinds = tokens.map((t) => {
    const l = t.toLowerCase();
    if (/^y+$/.test(l)) return 'y';
    if (/^m+$/.test(l)) return 'm';
    if (/^d+$/.test(l)) return 'd';
    if (/^h+$/.test(l)) return 'h';
    if (/^s+$/.test(l)) return 's';
    if (l === 'am/pm' || l === 'a/p') return 'ampm';
    return 'lit';
  });
  const twelveHour = kinds.includes('ampm');
  const w = wallClock(d, tz);
  const pad = (n: number, len: number) => String(n).padStart(len, '0');
  const neighbour = (i: number, step: number): string => {
    for (let j = i + step; j >= 0 && j < kinds.length; j += step) if (kinds[j] !== 'lit') return kinds[j];
    return '';
  };
  let out = '';
  tokens.forEach((t, i) => {
    const l = t.toLowerCase();
    switch (kinds[i]) {
      case 'y':
        out += l.length >= 3 ? pad(w.year, 4) : pad(w.year % 100, 2);
        break;
      case 'm':
        if (l.length <= 2 && (neighbour(i, -1) === 'h' || neighbour(i, 1) === 's')) {
          out += l.length === 2 ? pad(w.minute, 2) : String(w.minute);
        } else if (l.length === 1) out += String(w.month);
        else if (l.length === 2) out += pad(w.month, 2);
        else if (l.length === 3) out += MONTHS[w.month - 1].slice(0, 3);
        else if (l.length === 4) out += MONTHS[w.month - 1];
        else out += MONTHS[w.month - 1][0];
        break;
      case 'd':
        if (l.length === 1) out += String(w.day);
        else if (l.length === 2) out += pad(w.day, 2);
        else if (l.length === 3) out += WEEKDAYS[w.weekday].slice(0, 3);
        else out += WEEKDAYS[w.weekday];
        break;
      case 'h': {
        const h = twelveHour ? w.hour % 12 || 12 : w.hour;
        out += l.length === 2 ? pad(h, 2) : String(h);
        break;
      }
      case 's':
        out += l.length === 2 ? pad(w.second, 2) : String(w.second);
        break;
      case 'ampm': {
        const pm = w.hour >= 12;
        const text = l === 'a/p' ? (pm ? 'P' : 'A') : pm ? 'PM' : 'AM';
        out += t === t.toLowerCase() ? text.toLowerCase() : text;
        break;
      }
      default:
        out += t.startsWith('"') ? t.slice(1, -1) : t.startsWith('\\') ? t.slice(1) : t;
    }
  });
  return out;
}

/** A value as getDisplayValues() shows it. */
export function displayValue(value: CellValue, numberFormat: string, tz: string): string {
  if (value === '') return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return formatNumber(value, numberFormat);
  if (isDate(value)) return formatDate(value, isDateFormat(numberFormat) ? numberFormat : DEFAULT_DATE_FORMAT, tz);
  return String(value);
}

// ---------------------------------------------------------------------------------------------
// Typed-in values

interface Typed {
  value: CellValue;
  formula: string;
  /** A number format the typed value brings along (an ISO date gets yyyy-mm-dd). */
  numberFormat?: string;
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const ISO_DATE_TEXT = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

function checkLength(text: string): void {
  if (text.length > CELL_CHARACTER_LIMIT) throw new Error(ERR.charLimit);
}

/**
 * What a value written by setValue/setValues/appendRow becomes: numbers, booleans and dates as
 * given; strings as if typed into the cell, unless the cell's number format is '@' (plain text).
 */
export function interpretTyped(input: unknown, numberFormat: string, tz: string): Typed {
  if (input === null || input === undefined) return { value: '', formula: '' };
  if (isDate(input)) return { value: new Date(input.getTime()), formula: '' };
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input, formula: '' };
  const text = typeof input === 'string' ? input : String(input);
  checkLength(text);
  if (numberFormat === '@') return { value: text, formula: '' };
  if (text.startsWith("'")) return { value: text.slice(1), formula: '' };
  if (text.startsWith('=') && text.length > 1) return { value: '', formula: text };
  const trimmed = text.trim();
  if (NUMBER_TEXT.test(trimmed)) return { value: Number(trimmed), formula: '' };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true', formula: '' };
  const iso = ISO_DATE_TEXT.exec(trimmed);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
    if (m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth) {
      return { value: zonedDate(y, m, d, tz), formula: '', numberFormat: 'yyyy-mm-dd' };
    }
  }
  if ((text.startsWith('+') || text.startsWith('-')) && text.length > 1) return { value: '', formula: `=${text}` };
  return { value: text, formula: '' };
}

// ---------------------------------------------------------------------------------------------
// State the model does not hold: formats, active sheets, chart ids

/** Formatting the facade records per cell (the model only keeps values, formulas, number formats, notes). */
export interface CellFormat {
  fontWeight: string;
  background: string;
  wrap: boolean;
  horizontalAlignment: string;
}

const formats = new WeakMap<CellModel, CellFormat>();
const activeSheets = new WeakMap<SpreadsheetModel, SheetModel>();
const chartCounters = new WeakMap<SpreadsheetModel, number>();

function defaultFormat(): CellFormat {
  return { fontWeight: 'normal', background: '#ffffff', wrap: false, horizontalAlignment: 'general' };
}

/** The recorded formatting of a cell (1-based), for tests; uncounted. */
export function cellFormat(sheet: SheetModel, row: number, column: number): CellFormat {
  const c = sheet.cells[row - 1]?.[column - 1];
  return { ...defaultFormat(), ...(c ? formats.get(c) : undefined) };
}

function formatOf(cell: CellModel): CellFormat {
  let f = formats.get(cell);
  if (!f) {
    f = defaultFormat();
    formats.set(cell, f);
  }
  return f;
}

/** The selection staff made (emulator-only `select`), per spreadsheet. */
const activeRanges = new WeakMap<
  SpreadsheetModel,
  { sheet: SheetModel; row: number; col: number; rows: number; cols: number }
>();

function activeSheetModel(ss: SpreadsheetModel): SheetModel {
  const s = activeSheets.get(ss);
  return s && ss.sheets.includes(s) ? s : ss.sheets[0];
}

function workbookCells(ss: SpreadsheetModel, sheet?: SheetModel, rows = 0, cols = 0): number {
  let total = 0;
  for (const s of ss.sheets) {
    total += s === sheet ? Math.max(s.maxRows, rows) * Math.max(s.maxColumns, cols) : s.maxRows * s.maxColumns;
  }
  return total;
}

/** Throws when growing `sheet` to rows x cols would pass the workbook cell limit. */
function ensureFits(ss: SpreadsheetModel, sheet: SheetModel, rows: number, cols: number): void {
  if (rows <= sheet.maxRows && cols <= sheet.maxColumns) return;
  if (workbookCells(ss, sheet, rows, cols) > WORKBOOK_CELL_LIMIT) throw new Error(ERR.cellLimit);
}

function ensureExtraFits(ss: SpreadsheetModel, extraCells: number): void {
  if (workbookCells(ss) + extraCells > WORKBOOK_CELL_LIMIT) throw new Error(ERR.cellLimit);
}

// ---------------------------------------------------------------------------------------------
// A1 notation

/** 1 -> "A", 27 -> "AA". */
export function columnLetter(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

interface A1Parsed {
  sheetName: string | null;
  /** null = open (whole column / whole row). */
  r1: number | null;
  c1: number | null;
  r2: number | null;
  c2: number | null;
}

/** Parses "A1", "A1:C10", "A:C", "2:5", "A2:C", "'My sheet'!B2:C3". */
export function parseA1(a1: string): A1Parsed {
  let ref = String(a1).trim();
  let sheetName: string | null = null;
  if (ref.startsWith("'")) {
    const m = /^'((?:[^']|'')*)'!(.*)$/.exec(ref);
    if (!m) throw new Error(ERR.rangeNotFound);
    sheetName = m[1].replace(/''/g, "'");
    ref = m[2];
  } else {
    const i = ref.lastIndexOf('!');
    if (i >= 0) {
      sheetName = ref.slice(0, i);
      ref = ref.slice(i + 1);
    }
  }
  const parts = ref.split(':');
  if (parts.length < 1 || parts.length > 2) throw new Error(ERR.rangeNotFound);
  const cells = parts.map((p) => {
    const m = /^\$?([A-Za-z]*)\$?(\d*)$/.exec(p);
    if (!m || (!m[1] && !m[2])) throw new Error(ERR.rangeNotFound);
    const row = m[2] ? Number(m[2]) : null;
    if (row === 0) throw new Error(ERR.rangeNotFound);
    return { col: m[1] ? columnNumber(m[1]) : null, row };
  });
  if (cells.length === 1) {
    const [c] = cells;
    if (c.col === null || c.row === null) throw new Error(ERR.rangeNotFound);
    return { sheetName, r1: c.row, c1: c.col, r2: c.row, c2: c.col };
  }
  const [a, b] = cells;
  const r1 = a.row ?? (b.row === null ? null : 1);
  const c1 = a.col ?? (b.col === null ? null : 1);
  return { sheetName, r1, c1, r2: b.row, c2: b.col };
}

/** A1 notation of a rectangle, 1-based. */
export function a1Notation(row: number, col: number, numRows: number, numCols: number): string {
  const start = `${columnLetter(col)}${row}`;
  if (numRows === 1 && numCols === 1) return start;
  return `${start}:${columnLetter(col + numCols - 1)}${row + numRows - 1}`;
}

// ---------------------------------------------------------------------------------------------
// SpreadsheetApp

// https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app
export class FakeSpreadsheetApp
  implements
    Pick<
      GoogleAppsScript.Spreadsheet.SpreadsheetApp,
      | 'create'
      | 'openById'
      | 'openByUrl'
      | 'getActiveSpreadsheet'
      | 'getActive'
      | 'getActiveSheet'
      | 'setActiveSheet'
      | 'getUi'
      | 'flush'
      | 'newDataValidation'
      | 'ProtectionType'
      | 'DataValidationCriteria'
      | 'WrapStrategy'
      | 'BorderStyle'
    >
{
  readonly ProtectionType = gas<typeof GoogleAppsScript.Spreadsheet.ProtectionType>(ProtectionType);
  readonly DataValidationCriteria =
    gas<typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria>(DataValidationCriteria);
  readonly WrapStrategy = gas<typeof GoogleAppsScript.Spreadsheet.WrapStrategy>(WrapStrategy);
  readonly BorderStyle = gas<typeof GoogleAppsScript.Spreadsheet.BorderStyle>(BorderStyle);
  /** Charts.ChartType, offered here too for convenience. */
  readonly ChartType = gas<typeof GoogleAppsScript.Charts.ChartType>(ChartType);

  private readonly spreadsheets = new WeakMap<SpreadsheetModel, FakeSpreadsheet>();
  private readonly sheetFacades = new WeakMap<SheetModel, FakeSheet>();

  constructor(
    private readonly env: Env,
    readonly ui: FakeUi,
  ) {}

  /** The model of spreadsheet `id` (uncounted, for tests and the CLI). */
  model(id: string): SpreadsheetModel {
    const f = this.env.drive.find(id);
    if (!f || !(f.content instanceof SpreadsheetModel)) throw new Error(`No spreadsheet with id ${id}`);
    return f.content;
  }

  /** The facade of a model (uncounted). */
  wrap(model: SpreadsheetModel): FakeSpreadsheet {
    let s = this.spreadsheets.get(model);
    if (!s) {
      s = new FakeSpreadsheet(this.env, this, model);
      this.spreadsheets.set(model, s);
    }
    return s;
  }

  /** The facade of one sheet (uncounted). */
  sheetFacade(ss: SpreadsheetModel, sheet: SheetModel): FakeSheet {
    let s = this.sheetFacades.get(sheet);
    if (!s) {
      s = new FakeSheet(this.env, this, ss, sheet);
      this.sheetFacades.set(sheet, s);
    }
    return s;
  }

  private lookup(id: string, method: string): SpreadsheetModel {
    const f = this.env.drive.find(String(id));
    if (!f || f.mimeType !== SPREADSHEET_MIME || !(f.content instanceof SpreadsheetModel)) {
      throw new Error(`Unexpected error while getting the method or property ${method} on object SpreadsheetApp.`);
    }
    return f.content;
  }

  private active(): FakeSpreadsheet | null {
    const id = this.env.activeSpreadsheetId;
    if (!id) return null;
    const f = this.env.drive.find(id);
    return f && f.content instanceof SpreadsheetModel ? this.wrap(f.content) : null;
  }

  create(name: string, rows?: number, columns?: number): GSpreadsheet {
    this.env.calls.record('Spreadsheet.SpreadsheetApp.create');
    if (rows !== undefined && (rows < 1 || columns === undefined || columns < 1)) {
      throw new Error('Invalid argument: rows and columns must be at least 1');
    }
    if (rows !== undefined && columns !== undefined && rows * columns > WORKBOOK_CELL_LIMIT) {
      throw new Error(ERR.cellLimit);
    }
    const id = this.env.newId('spreadsheet');
    const model = new SpreadsheetModel(id, this.env.timeZone);
    const sheet = model.insertSheet(firstSheetName(this.env.user.locale));
    if (rows !== undefined && columns !== undefined) {
      sheet.maxRows = Math.trunc(rows);
      sheet.maxColumns = Math.trunc(columns);
    }
    this.env.drive.add({ id, name: String(name), mimeType: SPREADSHEET_MIME, content: model });
    return gas<GSpreadsheet>(this.wrap(model));
  }

  /**
   * Any spreadsheet the running user may open (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#openbyidid);
   * `canOpen` (set by the emulator in the add-on deployment) says who may.
   */
  openById(id: string): GSpreadsheet {
    this.env.calls.record('Spreadsheet.SpreadsheetApp.openById');
    const model = this.lookup(id, 'openById');
    if (this.canOpen && !this.canOpen(model.id, this.env.user.email)) throw new Error(NO_ACCESS);
    return gas<GSpreadsheet>(this.wrap(model));
  }

  /** Who may open which spreadsheet by id (emulator-only; null: everyone may open every one). */
  canOpen: ((spreadsheetId: string, email: string) => boolean) | null = null;

  openByUrl(url: string): GSpreadsheet {
    this.env.calls.record('Spreadsheet.SpreadsheetApp.openByUrl');
    const m = /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(String(url));
    if (!m) throw new Error('Invalid argument: url');
    return gas<GSpreadsheet>(this.wrap(this.lookup(m[1], 'openByUrl')));
  }

  /** The spreadsheet the script is bound to (env.activeSpreadsheetId), or null. */
  getActiveSpreadsheet(): GSpreadsheet {
    this.env.calls.record('Spreadsheet.SpreadsheetApp.getActiveSpreadsheet');
    return gas<GSpreadsheet>(this.active());
  }

  getActive(): GSpreadsheet {
    this.env.calls.record('Spreadsheet.SpreadsheetApp.getActive');
    return gas<GSpreadsheet>(this.active());
  }

  getActiveSheet(): GSheet {
    this.env.calls.record('Spreadsheet.SpreadsheetApp.getActiveSheet');
    const ss = this.active();
    return gas<GSheet>(ss ? ss.activeSheetFacade() : null);
  }

  setActiveSheet(sheet: GSheet): GSheet {
    this.env.calls.record('Spreadsheet.SpreadsheetApp.setActiveSheet');
    const s = unwrapSheet(sheet);
    activeSheets.set(s.ssModel, s.sheetModel);
    return sheet;
  }

  getUi(): GoogleAppsScript.Base.Ui {
    this.env.calls.record('Spreadsheet.SpreadsheetApp.getUi');
    if (this.env.execution?.fromTrigger) throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
    return gas<GoogleAppsScript.Base.Ui>(this.ui);
  }

  /**
   * "Applies all pending Spreadsheet changes" (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#flush):
   * from here the writes survive a killed execution (spreadsheet-model.ts, "Writes not yet applied").
   */
  flush(): void {
    this.env.calls.record('Spreadsheet.SpreadsheetApp.flush');
    applyPendingWrites();
  }

  newDataValidation(): GDataValidationBuilder {
    this.env.calls.record('Spreadsheet.SpreadsheetApp.newDataValidation');
    return gas<GDataValidationBuilder>(new FakeDataValidationBuilder(this.env));
  }
}

function unwrapSheet(sheet: unknown): FakeSheet {
  if (sheet instanceof FakeSheet) return sheet;
  throw new Error(ERR.signature([sheet], 'SpreadsheetApp.Spreadsheet.setActiveSheet'));
}

function unwrapRange(range: unknown, method: string): FakeRange {
  if (range instanceof FakeRange) return range;
  throw new Error(ERR.signature([range], method));
}

// ---------------------------------------------------------------------------------------------
// Spreadsheet

type InsertOptions = { template?: GSheet | undefined };

// https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet
export class FakeSpreadsheet
  implements
    Pick<
      GSpreadsheet,
      | 'getId'
      | 'getName'
      | 'rename'
      | 'getUrl'
      | 'getSheets'
      | 'getSheetByName'
      | 'getSheetById'
      | 'insertSheet'
      | 'deleteSheet'
      | 'getActiveSheet'
      | 'setActiveSheet'
      | 'getActiveRange'
      | 'getSpreadsheetTimeZone'
      | 'setSpreadsheetTimeZone'
      | 'getSpreadsheetLocale'
      | 'setSpreadsheetLocale'
      | 'toast'
      | 'getFormUrl'
      | 'getRange'
      | 'getProtections'
      | 'getNumSheets'
      | 'addDeveloperMetadata'
      | 'getDeveloperMetadata'
    >
{
  constructor(
    private readonly env: Env,
    private readonly app: FakeSpreadsheetApp,
    readonly model: SpreadsheetModel,
  ) {}

  /**
   * addDeveloperMetadata(key) / (key, value): spreadsheet-level metadata, visible to this project
   * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#adddevelopermetadatakey,-value).
   * The visibility overloads are not emulated; a key must be a non-empty string.
   */
  addDeveloperMetadata(key: string, value?: unknown): GSpreadsheet {
    this.env.calls.record('Spreadsheet.Spreadsheet.addDeveloperMetadata');
    if (typeof key !== 'string' || key === '')
      throw new Error(ERR.signature([key], 'SpreadsheetApp.Spreadsheet.addDeveloperMetadata'));
    if (value !== undefined && value !== null && typeof value !== 'string') {
      throw new Error(ERR.signature([key, value], 'SpreadsheetApp.Spreadsheet.addDeveloperMetadata'));
    }
    const list = developerMetadataOf(this.model);
    list.push({ id: nextMetadataId++, key, value: typeof value === 'string' ? value : null });
    return gas<GSpreadsheet>(this);
  }

  /** The spreadsheet-level developer metadata, oldest first (.../spreadsheet#getdevelopermetadata). */
  getDeveloperMetadata(): GDeveloperMetadata[] {
    this.env.calls.record('Spreadsheet.Spreadsheet.getDeveloperMetadata');
    const list = developerMetadataOf(this.model);
    return list.map((m) => gas<GDeveloperMetadata>(new FakeDeveloperMetadata(this.env, list, m)));
  }

  /** Uncounted: the facade of the active sheet. */
  activeSheetFacade(): FakeSheet {
    return this.app.sheetFacade(this.model, activeSheetModel(this.model));
  }

  private facade(sheet: SheetModel): GSheet {
    return gas<GSheet>(this.app.sheetFacade(this.model, sheet));
  }

  getId(): string {
    this.env.calls.record('Spreadsheet.Spreadsheet.getId');
    return this.model.id;
  }

  getName(): string {
    this.env.calls.record('Spreadsheet.Spreadsheet.getName');
    return this.env.drive.find(this.model.id)?.name ?? 'Untitled spreadsheet';
  }

  rename(newName: string): void {
    this.env.calls.record('Spreadsheet.Spreadsheet.rename');
    const f = this.env.drive.find(this.model.id);
    if (f) {
      f.name = String(newName);
      this.env.drive.touch(f.id);
    }
  }

  getUrl(): string {
    this.env.calls.record('Spreadsheet.Spreadsheet.getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.model.id}/edit`;
  }

  getSheets(): GSheet[] {
    this.env.calls.record('Spreadsheet.Spreadsheet.getSheets');
    return this.model.sheets.map((s) => this.facade(s));
  }

  getNumSheets(): number {
    this.env.calls.record('Spreadsheet.Spreadsheet.getNumSheets');
    return this.model.sheets.length;
  }

  getSheetByName(name: string): GSheet | null {
    this.env.calls.record('Spreadsheet.Spreadsheet.getSheetByName');
    const s = this.model.sheetByName(String(name));
    return s ? this.facade(s) : null;
  }

  getSheetById(id: number): GSheet | null {
    this.env.calls.record('Spreadsheet.Spreadsheet.getSheetById');
    const s = this.model.sheetById(Number(id));
    return s ? this.facade(s) : null;
  }

  insertSheet(a?: string | number | InsertOptions, b?: number | InsertOptions, c?: InsertOptions): GSheet {
    this.env.calls.record('Spreadsheet.Spreadsheet.insertSheet');
    let name: string | undefined;
    let index: number | undefined;
    let options: InsertOptions | undefined;
    if (typeof a === 'string') {
      name = a;
      if (typeof b === 'number') {
        index = b;
        options = c;
      } else options = b;
    } else if (typeof a === 'number') {
      index = a;
      options = typeof b === 'object' ? b : undefined;
    } else options = a;
    const template = options?.template ? unwrapSheet(options.template).sheetModel : null;
    if (name === undefined) {
      let n = this.model.sheets.length + 1;
      while (this.model.sheetByName(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    if (this.model.sheetByName(name)) throw new Error(ERR.duplicateSheet(name));
    ensureExtraFits(this.model, template ? template.maxRows * template.maxColumns : 1000 * 26);
    const sheet = this.model.insertSheet(name, index);
    if (template) {
      const copy = template.clone();
      sheet.cells = copy.cells;
      sheet.maxRows = copy.maxRows;
      sheet.maxColumns = copy.maxColumns;
      sheet.frozenRows = copy.frozenRows;
      sheet.frozenColumns = copy.frozenColumns;
      sheet.columnWidths = copy.columnWidths;
    }
    activeSheets.set(this.model, sheet);
    this.env.drive.touch(this.model.id);
    return this.facade(sheet);
  }

  deleteSheet(sheet: GSheet): void {
    this.env.calls.record('Spreadsheet.Spreadsheet.deleteSheet');
    const s = unwrapSheet(sheet).sheetModel;
    if (!this.model.sheets.includes(s)) throw new Error('Sheet not found');
    this.model.deleteSheet(s);
    this.env.drive.touch(this.model.id);
  }

  getActiveSheet(): GSheet {
    this.env.calls.record('Spreadsheet.Spreadsheet.getActiveSheet');
    return this.facade(activeSheetModel(this.model));
  }

  /** Emulator-only: staff select rows (1-based) of a sheet, which also becomes the active sheet. */
  select(sheetName: string, row: number, numRows = 1, col = 1, numCols = 1): void {
    const sheet = this.model.sheetByName(sheetName);
    if (!sheet) throw new Error(`No sheet "${sheetName}"`);
    activeSheets.set(this.model, sheet);
    activeRanges.set(this.model, { sheet, row, col, rows: numRows, cols: numCols });
  }

  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getActiveRange()
  // The selected range of the active sheet; with nothing selected, its current cell (A1).
  getActiveRange(): GRange {
    this.env.calls.record('Spreadsheet.Spreadsheet.getActiveRange');
    const sheet = activeSheetModel(this.model);
    const sel = activeRanges.get(this.model);
    const r = sel && sel.sheet === sheet ? sel : { row: 1, col: 1, rows: 1, cols: 1 };
    return gas<GRange>(this.app.sheetFacade(this.model, sheet).range(r.row, r.col, r.rows, r.cols));
  }

  setActiveSheet(sheet: GSheet): GSheet {
    this.env.calls.record('Spreadsheet.Spreadsheet.setActiveSheet');
    activeSheets.set(this.model, unwrapSheet(sheet).sheetModel);
    return sheet;
  }

  getSpreadsheetTimeZone(): string {
    this.env.calls.record('Spreadsheet.Spreadsheet.getSpreadsheetTimeZone');
    return this.model.timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    this.env.calls.record('Spreadsheet.Spreadsheet.setSpreadsheetTimeZone');
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: String(timezone) });
    } catch {
      throw new Error(`Invalid argument: ${timezone}`);
    }
    this.model.timeZone = String(timezone);
  }

  getSpreadsheetLocale(): string {
    this.env.calls.record('Spreadsheet.Spreadsheet.getSpreadsheetLocale');
    return this.model.locale;
  }

  setSpreadsheetLocale(locale: string): void {
    this.env.calls.record('Spreadsheet.Spreadsheet.setSpreadsheetLocale');
    this.model.locale = String(locale);
  }

  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.env.calls.record('Spreadsheet.Spreadsheet.toast');
    this.app.ui.toasts.push({
      message: String(msg),
      title: title === undefined || title === null ? '' : String(title),
      timeoutSeconds: timeoutSeconds === undefined ? 5 : timeoutSeconds,
    });
  }

  /**
   * The form that sends its responses here, or null
   * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getFormUrl()):
   * "If multiple forms send responses to this spreadsheet, the form URL returned is
   * indeterminate." The emulator returns the most recently linked one (after an unlink, another
   * still linked): code that must tell forms apart asks each sheet (Sheet.getFormUrl) instead.
   */
  getFormUrl(): string | null {
    this.env.calls.record('Spreadsheet.Spreadsheet.getFormUrl');
    return this.model.formUrl;
  }

  getRange(a1Notation: string): GRange {
    this.env.calls.record('Spreadsheet.Spreadsheet.getRange');
    const p = parseA1(a1Notation);
    const sheet = p.sheetName === null ? activeSheetModel(this.model) : this.model.sheetByName(p.sheetName);
    if (!sheet) throw new Error(ERR.rangeNotFound);
    return gas<GRange>(this.app.sheetFacade(this.model, sheet).rangeFromA1(p));
  }

  getProtections(type: GProtectionType): GProtection[] {
    this.env.calls.record('Spreadsheet.Spreadsheet.getProtections');
    return this.model.sheets.flatMap((s) => protectionsOf(s, String(type)));
  }
}

function protectionsOf(sheet: SheetModel, type: string): GProtection[] {
  return sheet.protections.filter((p): p is FakeProtection => p instanceof FakeProtection && p.type === type) as never;
}

// ---------------------------------------------------------------------------------------------
// Sheet

// https://developers.google.com/apps-script/reference/spreadsheet/sheet
export class FakeSheet
  implements
    Pick<
      GSheet,
      | 'getName'
      | 'getFormUrl'
      | 'setName'
      | 'getSheetId'
      | 'getIndex'
      | 'getParent'
      | 'getRange'
      | 'getDataRange'
      | 'getLastRow'
      | 'getLastColumn'
      | 'getMaxRows'
      | 'getMaxColumns'
      | 'appendRow'
      | 'clear'
      | 'clearContents'
      | 'setFrozenRows'
      | 'getFrozenRows'
      | 'setFrozenColumns'
      | 'getFrozenColumns'
      | 'insertRowsAfter'
      | 'insertRowAfter'
      | 'insertRowsBefore'
      | 'insertRowBefore'
      | 'insertColumnsAfter'
      | 'insertColumnAfter'
      | 'insertColumnsBefore'
      | 'insertColumnBefore'
      | 'deleteRow'
      | 'deleteRows'
      | 'deleteColumn'
      | 'deleteColumns'
      | 'setColumnWidth'
      | 'getColumnWidth'
      | 'autoResizeColumn'
      | 'autoResizeColumns'
      | 'hideSheet'
      | 'showSheet'
      | 'isSheetHidden'
      | 'setTabColor'
      | 'activate'
      | 'protect'
      | 'getProtections'
      | 'newChart'
      | 'insertChart'
      | 'getCharts'
      | 'removeChart'
      | 'updateChart'
    >
{
  constructor(
    private readonly env: Env,
    private readonly app: FakeSpreadsheetApp,
    readonly ssModel: SpreadsheetModel,
    readonly sheetModel: SheetModel,
  ) {}

  /** Uncounted: a range of this sheet, 1-based, checked as getRange checks it. */
  range(row: number, col: number, numRows = 1, numCols = 1): FakeRange {
    checkRange(this.sheetModel, row, col, numRows, numCols);
    return new FakeRange(this.env, this.app, this.ssModel, this.sheetModel, row, col, numRows, numCols);
  }

  /** Uncounted: a range from parsed A1 notation (open ends run to the sheet's edge). */
  rangeFromA1(p: A1Parsed): FakeRange {
    const s = this.sheetModel;
    const r1 = p.r1 ?? 1;
    const c1 = p.c1 ?? 1;
    const r2 = p.r2 ?? s.maxRows;
    const c2 = p.c2 ?? s.maxColumns;
    const top = Math.min(r1, r2);
    const left = Math.min(c1, c2);
    return this.range(top, left, Math.abs(r2 - r1) + 1, Math.abs(c2 - c1) + 1);
  }

  private touch(): void {
    this.env.drive.touch(this.ssModel.id);
  }

  getName(): string {
    this.env.calls.record('Spreadsheet.Sheet.getName');
    return this.sheetModel.name;
  }

  /**
   * The form that sends its responses to this sheet, or null
   * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#getFormUrl()). A sheet
   * keeps the link under any name staff give it; unlinking the form clears it.
   */
  getFormUrl(): string | null {
    this.env.calls.record('Spreadsheet.Sheet.getFormUrl');
    return this.sheetModel.formUrl;
  }

  setName(name: string): GSheet {
    this.env.calls.record('Spreadsheet.Sheet.setName');
    const n = String(name);
    const other = this.ssModel.sheetByName(n);
    if (other && other !== this.sheetModel) throw new Error(ERR.duplicateSheet(n));
    this.sheetModel.name = n;
    this.touch();
    return gas<GSheet>(this);
  }

  getSheetId(): number {
    this.env.calls.record('Spreadsheet.Sheet.getSheetId');
    return this.sheetModel.sheetId;
  }

  getIndex(): number {
    this.env.calls.record('Spreadsheet.Sheet.getIndex');
    return this.ssModel.sheets.indexOf(this.sheetModel) + 1;
  }

  getParent(): GSpreadsheet {
    this.env.calls.record('Spreadsheet.Sheet.getParent');
    return gas<GSpreadsheet>(this.app.wrap(this.ssModel));
  }

  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): GRange {
    this.env.calls.record('Spreadsheet.Sheet.getRange');
    if (typeof a === 'string') {
      const p = parseA1(a);
      if (p.sheetName !== null && p.sheetName !== this.sheetModel.name) {
        const other = this.ssModel.sheetByName(p.sheetName);
        if (!other) throw new Error(ERR.rangeNotFound);
        return gas<GRange>(this.app.sheetFacade(this.ssModel, other).rangeFromA1(p));
      }
      return gas<GRange>(this.rangeFromA1(p));
    }
    if (typeof a !== 'number' || typeof column !== 'number') {
      throw new Error(
        ERR.signature(
          [a, column].filter((x) => x !== undefined),
          'SpreadsheetApp.Sheet.getRange',
        ),
      );
    }
    return gas<GRange>(this.range(a, column, numRows ?? 1, numColumns ?? 1));
  }

  getDataRange(): GRange {
    this.env.calls.record('Spreadsheet.Sheet.getDataRange');
    const rows = Math.max(1, this.sheetModel.lastRow());
    const cols = Math.max(1, this.sheetModel.lastColumn());
    return gas<GRange>(this.range(1, 1, rows, cols));
  }

  getLastRow(): number {
    this.env.calls.record('Spreadsheet.Sheet.getLastRow');
    return this.sheetModel.lastRow();
  }

  getLastColumn(): number {
    this.env.calls.record('Spreadsheet.Sheet.getLastColumn');
    return this.sheetModel.lastColumn();
  }

  getMaxRows(): number {
    this.env.calls.record('Spreadsheet.Sheet.getMaxRows');
    return this.sheetModel.maxRows;
  }

  getMaxColumns(): number {
    this.env.calls.record('Spreadsheet.Sheet.getMaxColumns');
    return this.sheetModel.maxColumns;
  }

  appendRow(rowContents: unknown[]): GSheet {
    this.env.calls.record('Spreadsheet.Sheet.appendRow');
    if (!Array.isArray(rowContents)) {
      throw new Error(ERR.signature([rowContents], 'SpreadsheetApp.Sheet.appendRow'));
    }
    const s = this.sheetModel;
    const row = s.lastRow();
    const typed = rowContents.map((v, c) =>
      interpretTyped(v, s.cells[row]?.[c]?.numberFormat ?? 'General', this.ssModel.timeZone),
    );
    ensureFits(this.ssModel, s, row + 1, typed.length);
    checkStrict(s, row, 0, [typed]);
    typed.forEach((t, c) => {
      writeTyped(s, row, c, t);
    });
    this.touch();
    return gas<GSheet>(this);
  }

  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): GSheet {
    this.env.calls.record('Spreadsheet.Sheet.clear');
    const s = this.sheetModel;
    keepForWrite(s);
    if (options?.contentsOnly || options?.formatOnly) {
      for (const row of s.cells) {
        for (const cell of row ?? []) {
          if (!cell) continue;
          if (options.contentsOnly) {
            cell.value = '';
            cell.formula = '';
          }
          if (options.formatOnly) {
            cell.numberFormat = 'General';
            formats.delete(cell);
          }
        }
      }
    } else s.clear();
    this.touch();
    return gas<GSheet>(this);
  }

  clearContents(): GSheet {
    this.env.calls.record('Spreadsheet.Sheet.clearContents');
    keepForWrite(this.sheetModel);
    for (const row of this.sheetModel.cells) {
      for (const cell of row ?? []) {
        if (!cell) continue;
        cell.value = '';
        cell.formula = '';
      }
    }
    this.touch();
    return gas<GSheet>(this);
  }

  setFrozenRows(rows: number): void {
    this.env.calls.record('Spreadsheet.Sheet.setFrozenRows');
    if (rows < 0 || rows > this.sheetModel.maxRows) throw new Error('Invalid argument: rows');
    this.sheetModel.frozenRows = rows;
  }

  getFrozenRows(): number {
    this.env.calls.record('Spreadsheet.Sheet.getFrozenRows');
    return this.sheetModel.frozenRows;
  }

  setFrozenColumns(columns: number): void {
    this.env.calls.record('Spreadsheet.Sheet.setFrozenColumns');
    if (columns < 0 || columns > this.sheetModel.maxColumns) throw new Error('Invalid argument: columns');
    this.sheetModel.frozenColumns = columns;
  }

  getFrozenColumns(): number {
    this.env.calls.record('Spreadsheet.Sheet.getFrozenColumns');
    return this.sheetModel.frozenColumns;
  }

  private insertRowsAt(before0: number, howMany: number): void {
    const s = this.sheetModel;
    if (before0 < 0 || before0 > s.maxRows) throw new Error('Those rows are out of bounds.');
    if (howMany < 1) throw new Error('The number of rows to insert must be at least 1.');
    ensureFits(this.ssModel, s, s.maxRows + howMany, s.maxColumns);
    s.insertRows(before0, howMany);
    this.touch();
  }

  private insertColumnsAt(before0: number, howMany: number): void {
    const s = this.sheetModel;
    if (before0 < 0 || before0 > s.maxColumns) throw new Error('Those columns are out of bounds.');
    if (howMany < 1) throw new Error('The number of columns to insert must be at least 1.');
    ensureFits(this.ssModel, s, s.maxRows, s.maxColumns + howMany);
    s.insertColumns(before0, howMany);
    this.touch();
  }

  insertRowsAfter(afterPosition: number, howMany: number): GSheet {
    this.env.calls.record('Spreadsheet.Sheet.insertRowsAfter');
    this.insertRowsAt(afterPosition, howMany);
    return gas<GSheet>(this);
  }

  insertRowAfter(afterPosition: number): GSheet {
    this.env.calls.record('Spreadsheet.Sheet.insertRowAfter');
    this.insertRowsAt(afterPosition, 1);
    return gas<GSheet>(this);
  }

  insertRowsBefore(beforePosition: number, howMany: number): GSheet {
    this.env.calls.record('Spreadsheet.Sheet.insertRowsBefore');
    if (beforePosition < 1) throw new Error('Those rows are out of bounds.');
    this.insertRowsAt(beforePosition - 1, howMany);
    return gas<GSheet>(this);
  }

  insertRowBefore(beforePosition: number): GSheet {
    this.env.calls.record('Spreadsheet.Sheet.insertRowBefore');
    if (beforePosition < 1) throw new Error('Those rows are out of bounds.');
    this.insertRowsAt(beforePosition - 1, 1);
    return gas<GSheet>(this);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): GSheet {
    this.env.calls.record('Spreadsheet.Sheet.insertColumnsAfter');
    this.insertColumnsAt(afterPosition, howMany);
    return gas<GSheet>(this);
  }

  insertColumnAfter(afterPosition: number): GSheet {
    this.env.calls.record('Spreadsheet.Sheet.insertColumnAfter');
    this.insertColumnsAt(afterPosition, 1);
    return gas<GSheet>(this);
  }

  insertColumnsBefore(beforePosition: number, howMany: number): GSheet {
    this.env.calls.record('Spreadsheet.Sheet.insertColumnsBefore');
    if (beforePosition < 1) throw new Error('Those columns are out of bounds.');
    this.insertColumnsAt(beforePosition - 1, howMany);
    return gas<GSheet>(this);
  }

  insertColumnBefore(beforePosition: number): GSheet {
    this.env.calls.record('Spreadsheet.Sheet.insertColumnBefore');
    if (beforePosition < 1) throw new Error('Those columns are out of bounds.');
    this.insertColumnsAt(beforePosition - 1, 1);
    return gas<GSheet>(this);
  }

  private removeRows(position: number, howMany: number): void {
    const s = this.sheetModel;
    if (position < 1 || howMany < 1 || position + howMany - 1 > s.maxRows) {
      throw new Error('Those rows are out of bounds.');
    }
    if (howMany >= s.maxRows - s.frozenRows)
      throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
    s.deleteRows(position - 1, howMany);
    this.touch();
  }

  private removeColumns(position: number, howMany: number): void {
    const s = this.sheetModel;
    if (position < 1 || howMany < 1 || position + howMany - 1 > s.maxColumns) {
      throw new Error('Those columns are out of bounds.');
    }
    if (howMany >= s.maxColumns - s.frozenColumns)
      throw new Error('Sorry, it is not possible to delete all non-frozen columns.');
    s.deleteColumns(position - 1, howMany);
    this.touch();
  }

  deleteRow(rowPosition: number): GSheet {
    this.env.calls.record('Spreadsheet.Sheet.deleteRow');
    this.removeRows(rowPosition, 1);
    return gas<GSheet>(this);
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.env.calls.record('Spreadsheet.Sheet.deleteRows');
    this.removeRows(rowPosition, howMany);
  }

  deleteColumn(columnPosition: number): GSheet {
    this.env.calls.record('Spreadsheet.Sheet.deleteColumn');
    this.removeColumns(columnPosition, 1);
    return gas<GSheet>(this);
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.env.calls.record('Spreadsheet.Sheet.deleteColumns');
    this.removeColumns(columnPosition, howMany);
  }

  setColumnWidth(columnPosition: number, width: number): GSheet {
    this.env.calls.record('Spreadsheet.Sheet.setColumnWidth');
    this.sheetModel.columnWidths.set(columnPosition, width);
    return gas<GSheet>(this);
  }

  getColumnWidth(columnPosition: number): number {
    this.env.calls.record('Spreadsheet.Sheet.getColumnWidth');
    return this.sheetModel.columnWidths.get(columnPosition) ?? 100;
  }

  private autoResize(start: number, count: number): void {
    const s = this.sheetModel;
    for (let c = start; c < start + count; c++) {
      let longest = 0;
      for (let r = 0; r < s.cells.length; r++) {
        const cell = s.cells[r]?.[c - 1];
        if (!cell) continue;
        longest = Math.max(longest, displayValue(cell.value, cell.numberFormat, this.ssModel.timeZone).length);
      }
      s.columnWidths.set(c, Math.max(21, longest * 7 + 10));
    }
  }

  autoResizeColumn(columnPosition: number): GSheet {
    this.env.calls.record('Spreadsheet.Sheet.autoResizeColumn');
    this.autoResize(columnPosition, 1);
    return gas<GSheet>(this);
  }

  autoResizeColumns(startColumn: number, numColumns: number): GSheet {
    this.env.calls.record('Spreadsheet.Sheet.autoResizeColumns');
    this.autoResize(startColumn, numColumns);
    return gas<GSheet>(this);
  }

  hideSheet(): GSheet {
    this.env.calls.record('Spreadsheet.Sheet.hideSheet');
    const visible = this.ssModel.sheets.filter((s) => !s.hidden && s !== this.sheetModel);
    if (visible.length === 0) throw new Error("You can't hide all the sheets in a document.");
    this.sheetModel.hidden = true;
    return gas<GSheet>(this);
  }

  showSheet(): GSheet {
    this.env.calls.record('Spreadsheet.Sheet.showSheet');
    this.sheetModel.hidden = false;
    return gas<GSheet>(this);
  }

  isSheetHidden(): boolean {
    this.env.calls.record('Spreadsheet.Sheet.isSheetHidden');
    return this.sheetModel.hidden;
  }

  setTabColor(color: string | null): GSheet {
    this.env.calls.record('Spreadsheet.Sheet.setTabColor');
    this.sheetModel.tabColor = color;
    return gas<GSheet>(this);
  }

  activate(): GSheet {
    this.env.calls.record('Spreadsheet.Sheet.activate');
    activeSheets.set(this.ssModel, this.sheetModel);
    return gas<GSheet>(this);
  }

  protect(): GProtection {
    this.env.calls.record('Spreadsheet.Sheet.protect');
    const existing = this.sheetModel.protections.find(
      (p): p is FakeProtection => p instanceof FakeProtection && p.type === 'SHEET',
    );
    if (existing) return gas<GProtection>(existing);
    const p = new FakeProtection(this.env, this.app, this.ssModel, this.sheetModel, 'SHEET', null);
    this.sheetModel.protections.push(p);
    return gas<GProtection>(p);
  }

  getProtections(type: GProtectionType): GProtection[] {
    this.env.calls.record('Spreadsheet.Sheet.getProtections');
    return protectionsOf(this.sheetModel, String(type));
  }

  newChart(): GChartBuilder {
    this.env.calls.record('Spreadsheet.Sheet.newChart');
    return gas<GChartBuilder>(new FakeEmbeddedChartBuilder(this.env, this.app, this.ssModel, this.sheetModel));
  }

  insertChart(chart: GChart): void {
    this.env.calls.record('Spreadsheet.Sheet.insertChart');
    if (!(chart instanceof FakeEmbeddedChart))
      throw new Error(ERR.signature([chart], 'SpreadsheetApp.Sheet.insertChart'));
    const id = (chartCounters.get(this.ssModel) ?? 0) + 1;
    chartCounters.set(this.ssModel, id);
    const stored = new FakeEmbeddedChart(this.env, this.app, this.ssModel, this.sheetModel, {
      ...cloneChartState(chart.state),
      chartId: id,
    });
    this.sheetModel.charts.push(stored);
    this.touch();
  }

  getCharts(): GChart[] {
    this.env.calls.record('Spreadsheet.Sheet.getCharts');
    return this.sheetModel.charts.filter((c) => c instanceof FakeEmbeddedChart) as never;
  }

  private chartIndex(chart: unknown): number {
    if (!(chart instanceof FakeEmbeddedChart) || chart.state.chartId === null) return -1;
    const id = chart.state.chartId;
    return this.sheetModel.charts.findIndex((c) => c instanceof FakeEmbeddedChart && c.state.chartId === id);
  }

  removeChart(chart: GChart): void {
    this.env.calls.record('Spreadsheet.Sheet.removeChart');
    const i = this.chartIndex(chart);
    if (i < 0) throw new Error('The chart could not be found on this sheet.');
    this.sheetModel.charts.splice(i, 1);
    this.touch();
  }

  updateChart(chart: GChart): void {
    this.env.calls.record('Spreadsheet.Sheet.updateChart');
    const i = this.chartIndex(chart);
    if (i < 0) throw new Error('The chart could not be found on this sheet.');
    const c = chart as unknown as FakeEmbeddedChart;
    this.sheetModel.charts[i] = new FakeEmbeddedChart(
      this.env,
      this.app,
      this.ssModel,
      this.sheetModel,
      cloneChartState(c.state),
    );
    this.touch();
  }
}

function checkRange(sheet: SheetModel, row: number, col: number, numRows: number, numCols: number): void {
  if (row < 1) throw new Error(ERR.rowTooSmall);
  if (col < 1) throw new Error(ERR.colTooSmall);
  if (numRows < 1) throw new Error(ERR.numRows);
  if (numCols < 1) throw new Error(ERR.numCols);
  if (row + numRows - 1 > sheet.maxRows || col + numCols - 1 > sheet.maxColumns) throw new Error(ERR.outside);
}

const STRICT_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const STRICT_URL = /^(https?:\/\/)?[^\s/.]+(\.[^\s/.]+)+(\/\S*)?$/i;

/**
 * Whether `value` passes a data-validation rule. A blank cell passes every rule (a rule only
 * constrains what is entered; requireCheckbox(checkedValue) says "the specified value or blank").
 * Criteria the emulator cannot evaluate (custom formulas, text and date comparisons) pass.
 * https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder
 */
export function passesValidation(rule: RuleState, value: CellValue): boolean {
  if (value === '') return true;
  const args = rule.values;
  const num = typeof value === 'number' ? value : null;
  switch (rule.criteria) {
    case 'VALUE_IN_LIST':
      return ((args[0] as string[]) ?? []).includes(isDate(value) ? '' : String(value));
    case 'VALUE_IN_RANGE': {
      const source = args[0] as FakeRange | undefined;
      if (!(source instanceof FakeRange)) return true;
      const cells = source.sheetModel.values(source.row - 1, source.column - 1, source.numRows, source.numColumns);
      return cells.some((line) => line.some((v) => v !== '' && String(v) === String(value)));
    }
    case 'CHECKBOX':
      if (args.length === 0) return typeof value === 'boolean';
      return args.some((a) => String(a) === String(value));
    case 'NUMBER_BETWEEN':
      return num !== null && num >= Number(args[0]) && num <= Number(args[1]);
    case 'NUMBER_NOT_BETWEEN':
      return num !== null && (num < Number(args[0]) || num > Number(args[1]));
    case 'NUMBER_GREATER_THAN':
      return num !== null && num > Number(args[0]);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return num !== null && num >= Number(args[0]);
    case 'NUMBER_LESS_THAN':
      return num !== null && num < Number(args[0]);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return num !== null && num <= Number(args[0]);
    case 'NUMBER_EQUAL_TO':
      return num !== null && num === Number(args[0]);
    case 'NUMBER_NOT_EQUAL_TO':
      return num !== null && num !== Number(args[0]);
    case 'TEXT_IS_VALID_EMAIL':
      return typeof value === 'string' && STRICT_EMAIL.test(value);
    case 'TEXT_IS_VALID_URL':
      return typeof value === 'string' && STRICT_URL.test(value);
    case 'DATE_IS_VALID_DATE':
      return isDate(value);
    default:
      return true;
  }
}

/**
 * A script write into a cell whose rule rejects invalid data (setAllowInvalid(false)) fails as a
 * person's entry does, in Sheets' words ("The data you entered in cell U2 violates the data
 * validation rules set on this cell.", quoted from public reports: the reference is silent). The
 * whole call is refused before anything is written. A formula's result is not evaluated, so a
 * formula passes.
 */
function checkStrict(sheet: SheetModel, r0: number, c0: number, typed: Typed[][]): void {
  typed.forEach((line, r) => {
    line.forEach((t, c) => {
      const rule = sheet.cells[r0 + r]?.[c0 + c]?.validation;
      if (!(rule instanceof FakeDataValidation) || rule.rule.allowInvalid || t.formula) return;
      if (!passesValidation(rule.rule, t.value)) {
        throw new Error(
          `The data you entered in cell ${columnLetter(c0 + c + 1)}${r0 + r + 1} violates the data validation rules set on this cell.`,
        );
      }
    });
  });
}

function writeTyped(sheet: SheetModel, r0: number, c0: number, t: Typed): void {
  if (t.formula) sheet.setFormula(r0, c0, t.formula);
  else sheet.setValue(r0, c0, t.value);
  if (t.numberFormat) {
    const cell = sheet.cell(r0, c0);
    if (isGeneralFormat(cell.numberFormat)) cell.numberFormat = t.numberFormat;
  }
}

// ---------------------------------------------------------------------------------------------
// Range

// https://developers.google.com/apps-script/reference/spreadsheet/range
export class FakeRange
  implements
    Pick<
      GRange,
      | 'getValues'
      | 'setValues'
      | 'getValue'
      | 'setValue'
      | 'getDisplayValues'
      | 'getDisplayValue'
      | 'getFormulas'
      | 'getFormula'
      | 'setFormulas'
      | 'setFormula'
      | 'getRow'
      | 'getColumn'
      | 'getNumRows'
      | 'getNumColumns'
      | 'getLastRow'
      | 'getLastColumn'
      | 'getA1Notation'
      | 'getSheet'
      | 'getCell'
      | 'offset'
      | 'setNumberFormat'
      | 'setNumberFormats'
      | 'getNumberFormat'
      | 'getNumberFormats'
      | 'setDataValidation'
      | 'setDataValidations'
      | 'getDataValidation'
      | 'getDataValidations'
      | 'clearDataValidations'
      | 'insertCheckboxes'
      | 'clear'
      | 'clearContent'
      | 'clearFormat'
      | 'clearNote'
      | 'setFontWeight'
      | 'setFontWeights'
      | 'getFontWeight'
      | 'setBackground'
      | 'getBackground'
      | 'setWrap'
      | 'setNote'
      | 'getNote'
      | 'getNotes'
      | 'setHorizontalAlignment'
      | 'protect'
      | 'activate'
    >
{
  constructor(
    private readonly env: Env,
    private readonly app: FakeSpreadsheetApp,
    readonly ssModel: SpreadsheetModel,
    readonly sheetModel: SheetModel,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
  ) {}

  private get tz(): string {
    return this.ssModel.timeZone;
  }

  private existing(r: number, c: number): CellModel | undefined {
    return this.sheetModel.cells[this.row - 1 + r]?.[this.column - 1 + c];
  }

  private grid<T>(f: (r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const line: T[] = [];
      for (let c = 0; c < this.numColumns; c++) line.push(f(r, c));
      out.push(line);
    }
    return out;
  }

  private eachCell(f: (cell: CellModel, r: number, c: number) => void): void {
    this.ensureGrid();
    for (let r = 0; r < this.numRows; r++) {
      for (let c = 0; c < this.numColumns; c++) {
        f(this.sheetModel.cell(this.row - 1 + r, this.column - 1 + c), r, c);
      }
    }
  }

  private ensureGrid(): void {
    ensureFits(this.ssModel, this.sheetModel, this.row + this.numRows - 1, this.column + this.numColumns - 1);
    this.sheetModel.ensureSize(this.row + this.numRows - 1, this.column + this.numColumns - 1);
  }

  /** Checks that `data` is a grid of exactly this range's shape (rows first, then every row). */
  private checkShape(data: unknown, method: string): unknown[][] {
    if (!Array.isArray(data) || !data.every((r) => Array.isArray(r))) {
      throw new Error(ERR.signature([data], `SpreadsheetApp.Range.${method}`));
    }
    if (data.length !== this.numRows) throw new Error(ERR.rowsMismatch(data.length, this.numRows));
    for (const r of data as unknown[][]) {
      if (r.length !== this.numColumns) throw new Error(ERR.colsMismatch(r.length, this.numColumns));
    }
    return data as unknown[][];
  }

  private writeTypedGrid(typed: Typed[][]): void {
    checkStrict(this.sheetModel, this.row - 1, this.column - 1, typed);
    this.ensureGrid();
    typed.forEach((line, r) => {
      line.forEach((t, c) => {
        writeTyped(this.sheetModel, this.row - 1 + r, this.column - 1 + c, t);
      });
    });
    this.env.drive.touch(this.ssModel.id);
  }

  private typeGrid(data: unknown[][]): Typed[][] {
    return data.map((line, r) =>
      line.map((v, c) => interpretTyped(v, this.existing(r, c)?.numberFormat ?? 'General', this.tz)),
    );
  }

  private self(): GRange {
    return gas<GRange>(this);
  }

  private sub(row: number, col: number, numRows: number, numCols: number): GRange {
    checkRange(this.sheetModel, row, col, numRows, numCols);
    return gas<GRange>(new FakeRange(this.env, this.app, this.ssModel, this.sheetModel, row, col, numRows, numCols));
  }

  private noteRead(method: string): void {
    this.env.calls.read({
      method,
      sheet: this.sheetModel.name,
      row: this.row,
      column: this.column,
      numRows: this.numRows,
      numColumns: this.numColumns,
    });
  }

  getValues(): CellValue[][] {
    this.env.calls.record('Spreadsheet.Range.getValues');
    this.env.calls.cells('Spreadsheet.Range.getValues', this.numRows * this.numColumns);
    this.noteRead('Spreadsheet.Range.getValues');
    return this.sheetModel.values(this.row - 1, this.column - 1, this.numRows, this.numColumns);
  }

  getValue(): CellValue {
    this.env.calls.record('Spreadsheet.Range.getValue');
    return this.sheetModel.values(this.row - 1, this.column - 1, 1, 1)[0][0];
  }

  setValues(values: unknown[][]): GRange {
    this.env.calls.record('Spreadsheet.Range.setValues');
    const data = this.checkShape(values, 'setValues');
    this.env.calls.cells('Spreadsheet.Range.setValues', this.numRows * this.numColumns);
    this.writeTypedGrid(this.typeGrid(data));
    return this.self();
  }

  setValue(value: unknown): GRange {
    this.env.calls.record('Spreadsheet.Range.setValue');
    this.writeTypedGrid(
      this.grid((r, c) => interpretTyped(value, this.existing(r, c)?.numberFormat ?? 'General', this.tz)),
    );
    return this.self();
  }

  getDisplayValues(): string[][] {
    this.env.calls.record('Spreadsheet.Range.getDisplayValues');
    this.env.calls.cells('Spreadsheet.Range.getDisplayValues', this.numRows * this.numColumns);
    this.noteRead('Spreadsheet.Range.getDisplayValues');
    return this.grid((r, c) => {
      const cell = this.existing(r, c);
      return cell ? displayValue(cell.value, cell.numberFormat, this.tz) : '';
    });
  }

  getDisplayValue(): string {
    this.env.calls.record('Spreadsheet.Range.getDisplayValue');
    const cell = this.existing(0, 0);
    return cell ? displayValue(cell.value, cell.numberFormat, this.tz) : '';
  }

  getFormulas(): string[][] {
    this.env.calls.record('Spreadsheet.Range.getFormulas');
    this.env.calls.cells('Spreadsheet.Range.getFormulas', this.numRows * this.numColumns);
    this.noteRead('Spreadsheet.Range.getFormulas');
    return this.grid((r, c) => this.existing(r, c)?.formula ?? '');
  }

  getFormula(): string {
    this.env.calls.record('Spreadsheet.Range.getFormula');
    return this.existing(0, 0)?.formula ?? '';
  }

  private formulaTyped(f: unknown, r: number, c: number): Typed {
    const text = f === null || f === undefined ? '' : String(f);
    checkLength(text);
    if (text.startsWith('=') && text.length > 1) return { value: '', formula: text };
    return interpretTyped(text, this.existing(r, c)?.numberFormat ?? 'General', this.tz);
  }

  setFormulas(formulas: string[][]): GRange {
    this.env.calls.record('Spreadsheet.Range.setFormulas');
    const data = this.checkShape(formulas, 'setFormulas');
    this.env.calls.cells('Spreadsheet.Range.setFormulas', this.numRows * this.numColumns);
    this.writeTypedGrid(data.map((line, r) => line.map((f, c) => this.formulaTyped(f, r, c))));
    return this.self();
  }

  setFormula(formula: string): GRange {
    this.env.calls.record('Spreadsheet.Range.setFormula');
    this.writeTypedGrid(this.grid((r, c) => this.formulaTyped(formula, r, c)));
    return this.self();
  }

  getRow(): number {
    this.env.calls.record('Spreadsheet.Range.getRow');
    return this.row;
  }

  getColumn(): number {
    this.env.calls.record('Spreadsheet.Range.getColumn');
    return this.column;
  }

  getNumRows(): number {
    this.env.calls.record('Spreadsheet.Range.getNumRows');
    return this.numRows;
  }

  getNumColumns(): number {
    this.env.calls.record('Spreadsheet.Range.getNumColumns');
    return this.numColumns;
  }

  getLastRow(): number {
    this.env.calls.record('Spreadsheet.Range.getLastRow');
    return this.row + this.numRows - 1;
  }

  getLastColumn(): number {
    this.env.calls.record('Spreadsheet.Range.getLastColumn');
    return this.column + this.numColumns - 1;
  }

  getA1Notation(): string {
    this.env.calls.record('Spreadsheet.Range.getA1Notation');
    return a1Notation(this.row, this.column, this.numRows, this.numColumns);
  }

  getSheet(): GSheet {
    this.env.calls.record('Spreadsheet.Range.getSheet');
    return gas<GSheet>(this.app.sheetFacade(this.ssModel, this.sheetModel));
  }

  getCell(row: number, column: number): GRange {
    this.env.calls.record('Spreadsheet.Range.getCell');
    if (row < 1 || column < 1 || row > this.numRows || column > this.numColumns) {
      throw new Error('Cell reference out of range');
    }
    return this.sub(this.row + row - 1, this.column + column - 1, 1, 1);
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GRange {
    this.env.calls.record('Spreadsheet.Range.offset');
    return this.sub(
      this.row + rowOffset,
      this.column + columnOffset,
      numRows ?? this.numRows,
      numColumns ?? this.numColumns,
    );
  }

  setNumberFormat(numberFormat: string): GRange {
    this.env.calls.record('Spreadsheet.Range.setNumberFormat');
    this.eachCell((cell) => {
      cell.numberFormat = String(numberFormat);
    });
    return this.self();
  }

  setNumberFormats(numberFormats: string[][]): GRange {
    this.env.calls.record('Spreadsheet.Range.setNumberFormats');
    const data = this.checkShape(numberFormats, 'setNumberFormats');
    this.eachCell((cell, r, c) => {
      cell.numberFormat = String(data[r][c]);
    });
    return this.self();
  }

  private numberFormatAt(r: number, c: number): string {
    const f = this.existing(r, c)?.numberFormat ?? 'General';
    return isGeneralFormat(f) ? DEFAULT_NUMBER_FORMAT : f;
  }

  getNumberFormat(): string {
    this.env.calls.record('Spreadsheet.Range.getNumberFormat');
    return this.numberFormatAt(0, 0);
  }

  getNumberFormats(): string[][] {
    this.env.calls.record('Spreadsheet.Range.getNumberFormats');
    return this.grid((r, c) => this.numberFormatAt(r, c));
  }

  setDataValidation(rule: GDataValidation | null): GRange {
    this.env.calls.record('Spreadsheet.Range.setDataValidation');
    const v = unwrapValidation(rule);
    this.eachCell((cell) => {
      cell.validation = v;
    });
    return this.self();
  }

  setDataValidations(rules: Array<Array<GDataValidation | null>>): GRange {
    this.env.calls.record('Spreadsheet.Range.setDataValidations');
    const data = this.checkShape(rules, 'setDataValidations');
    const unwrapped = data.map((line) => line.map((v) => unwrapValidation(v)));
    this.eachCell((cell, r, c) => {
      cell.validation = unwrapped[r][c];
    });
    return this.self();
  }

  getDataValidation(): GDataValidation | null {
    this.env.calls.record('Spreadsheet.Range.getDataValidation');
    return gas<GDataValidation | null>(this.existing(0, 0)?.validation ?? null);
  }

  getDataValidations(): Array<Array<GDataValidation | null>> {
    this.env.calls.record('Spreadsheet.Range.getDataValidations');
    return this.grid((r, c) => gas<GDataValidation | null>(this.existing(r, c)?.validation ?? null));
  }

  clearDataValidations(): GRange {
    this.env.calls.record('Spreadsheet.Range.clearDataValidations');
    this.eachCell((cell) => {
      cell.validation = null;
    });
    return this.self();
  }

  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): GRange {
    this.env.calls.record('Spreadsheet.Range.insertCheckboxes');
    const args =
      checkedValue === undefined ? [] : uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue];
    const rule = new FakeDataValidation(this.env, {
      ...emptyRule(),
      criteria: 'CHECKBOX',
      values: args.map(copyArg),
      allowInvalid: false,
    });
    // Per the reference: the cells become false (default), '' (custom checked value only) or the unchecked value.
    const initial: CellValue = args.length === 0 ? false : args.length === 1 ? '' : (copyArg(args[1]) as CellValue);
    this.eachCell((cell, r, c) => {
      cell.validation = rule;
      this.sheetModel.setValue(this.row - 1 + r, this.column - 1 + c, initial);
    });
    this.env.drive.touch(this.ssModel.id);
    return this.self();
  }

  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): GRange {
    this.env.calls.record('Spreadsheet.Range.clear');
    const selective = !!(
      options?.commentsOnly ||
      options?.contentsOnly ||
      options?.formatOnly ||
      options?.validationsOnly
    );
    this.eachCell((cell) => {
      if (!selective || options?.contentsOnly) {
        cell.value = '';
        cell.formula = '';
      }
      if (!selective || options?.formatOnly) {
        cell.numberFormat = 'General';
        formats.delete(cell);
      }
      if (!selective || options?.validationsOnly) cell.validation = null;
      if (options?.commentsOnly) cell.note = '';
    });
    return this.self();
  }

  clearContent(): GRange {
    this.env.calls.record('Spreadsheet.Range.clearContent');
    this.eachCell((cell) => {
      cell.value = '';
      cell.formula = '';
    });
    return this.self();
  }

  clearFormat(): GRange {
    this.env.calls.record('Spreadsheet.Range.clearFormat');
    this.eachCell((cell) => {
      cell.numberFormat = 'General';
      formats.delete(cell);
    });
    return this.self();
  }

  clearNote(): GRange {
    this.env.calls.record('Spreadsheet.Range.clearNote');
    this.eachCell((cell) => {
      cell.note = '';
    });
    return this.self();
  }

  setFontWeight(fontWeight: GFontWeight | null): GRange {
    this.env.calls.record('Spreadsheet.Range.setFontWeight');
    this.eachCell((cell) => {
      formatOf(cell).fontWeight = fontWeight ?? 'normal';
    });
    return this.self();
  }

  setFontWeights(fontWeights: Array<Array<GFontWeight | null>>): GRange {
    this.env.calls.record('Spreadsheet.Range.setFontWeights');
    const data = this.checkShape(fontWeights, 'setFontWeights');
    this.eachCell((cell, r, c) => {
      formatOf(cell).fontWeight = (data[r][c] as string | null) ?? 'normal';
    });
    return this.self();
  }

  getFontWeight(): GFontWeight {
    this.env.calls.record('Spreadsheet.Range.getFontWeight');
    const cell = this.existing(0, 0);
    return ((cell && formats.get(cell)?.fontWeight) || 'normal') as GFontWeight;
  }

  setBackground(color: string | null): GRange {
    this.env.calls.record('Spreadsheet.Range.setBackground');
    this.eachCell((cell) => {
      formatOf(cell).background = color ?? '#ffffff';
    });
    return this.self();
  }

  getBackground(): string {
    this.env.calls.record('Spreadsheet.Range.getBackground');
    const cell = this.existing(0, 0);
    return (cell && formats.get(cell)?.background) || '#ffffff';
  }

  setWrap(isWrapEnabled: boolean): GRange {
    this.env.calls.record('Spreadsheet.Range.setWrap');
    this.eachCell((cell) => {
      formatOf(cell).wrap = !!isWrapEnabled;
    });
    return this.self();
  }

  setNote(note: string | null): GRange {
    this.env.calls.record('Spreadsheet.Range.setNote');
    this.eachCell((cell) => {
      cell.note = note === null || note === undefined ? '' : String(note);
    });
    return this.self();
  }

  getNote(): string {
    this.env.calls.record('Spreadsheet.Range.getNote');
    return this.existing(0, 0)?.note ?? '';
  }

  /**
   * The note of every cell, '' where a cell has none
   * (https://developers.google.com/apps-script/reference/spreadsheet/range#getnotes).
   */
  getNotes(): string[][] {
    this.env.calls.record('Spreadsheet.Range.getNotes');
    this.env.calls.cells('Spreadsheet.Range.getNotes', this.numRows * this.numColumns);
    return this.grid((r, c) => this.existing(r, c)?.note ?? '');
  }

  setHorizontalAlignment(alignment: GHAlign): GRange {
    this.env.calls.record('Spreadsheet.Range.setHorizontalAlignment');
    this.eachCell((cell) => {
      formatOf(cell).horizontalAlignment = alignment ?? 'general';
    });
    return this.self();
  }

  protect(): GProtection {
    this.env.calls.record('Spreadsheet.Range.protect');
    const p = new FakeProtection(this.env, this.app, this.ssModel, this.sheetModel, 'RANGE', {
      row: this.row,
      column: this.column,
      numRows: this.numRows,
      numColumns: this.numColumns,
    });
    this.sheetModel.protections.push(p);
    return gas<GProtection>(p);
  }

  activate(): GRange {
    this.env.calls.record('Spreadsheet.Range.activate');
    activeSheets.set(this.ssModel, this.sheetModel);
    return this.self();
  }
}

// ---------------------------------------------------------------------------------------------
// Data validation

interface RuleState {
  criteria: string | null;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

function emptyRule(): RuleState {
  return { criteria: null, values: [], allowInvalid: true, helpText: null };
}

function copyArg(v: unknown): unknown {
  if (isDate(v)) return new Date(v.getTime());
  if (Array.isArray(v)) return v.map(copyArg);
  return v;
}

function unwrapValidation(rule: unknown): FakeDataValidation | null {
  if (rule === null || rule === undefined) return null;
  if (rule instanceof FakeDataValidation) return rule;
  throw new Error(ERR.signature([rule], 'SpreadsheetApp.Range.setDataValidation'));
}

// https://developers.google.com/apps-script/reference/spreadsheet/data-validation
export class FakeDataValidation
  implements Pick<GDataValidation, 'copy' | 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText'>
{
  constructor(
    private readonly env: Env,
    /** The rule as built (uncounted access for tests). */
    readonly rule: RuleState,
  ) {}

  copy(): GDataValidationBuilder {
    this.env.calls.record('Spreadsheet.DataValidation.copy');
    return gas<GDataValidationBuilder>(new FakeDataValidationBuilder(this.env, this.rule));
  }

  getAllowInvalid(): boolean {
    this.env.calls.record('Spreadsheet.DataValidation.getAllowInvalid');
    return this.rule.allowInvalid;
  }

  getCriteriaType(): GDataValidationCriteria {
    this.env.calls.record('Spreadsheet.DataValidation.getCriteriaType');
    return gas<GDataValidationCriteria>(this.rule.criteria);
  }

  getCriteriaValues(): unknown[] {
    this.env.calls.record('Spreadsheet.DataValidation.getCriteriaValues');
    return this.rule.values.map(copyArg);
  }

  getHelpText(): string {
    this.env.calls.record('Spreadsheet.DataValidation.getHelpText');
    return gas<string>(this.rule.helpText);
  }
}

// https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder
export class FakeDataValidationBuilder
  implements
    Pick<
      GDataValidationBuilder,
      | 'build'
      | 'copy'
      | 'getAllowInvalid'
      | 'getCriteriaType'
      | 'getCriteriaValues'
      | 'getHelpText'
      | 'requireValueInList'
      | 'requireValueInRange'
      | 'requireCheckbox'
      | 'requireTextIsEmail'
      | 'requireTextIsUrl'
      | 'requireNumberBetween'
      | 'requireNumberGreaterThan'
      | 'requireNumberGreaterThanOrEqualTo'
      | 'requireNumberLessThan'
      | 'requireNumberLessThanOrEqualTo'
      | 'requireNumberEqualTo'
      | 'requireDate'
      | 'requireFormulaSatisfied'
      | 'setAllowInvalid'
      | 'setHelpText'
      | 'withCriteria'
    >
{
  private rule: RuleState;

  constructor(
    private readonly env: Env,
    from?: RuleState,
  ) {
    this.rule = from ? { ...from, values: from.values.map(copyArg) } : emptyRule();
  }

  private set(criteria: string, values: unknown[]): GDataValidationBuilder {
    this.rule.criteria = criteria;
    this.rule.values = values.map(copyArg);
    return gas<GDataValidationBuilder>(this);
  }

  build(): GDataValidation {
    this.env.calls.record('Spreadsheet.DataValidationBuilder.build');
    if (this.rule.criteria === null) throw new Error('You must specify a criteria for the data validation rule.');
    return gas<GDataValidation>(
      new FakeDataValidation(this.env, { ...this.rule, values: this.rule.values.map(copyArg) }),
    );
  }

  copy(): GDataValidationBuilder {
    this.env.calls.record('Spreadsheet.DataValidationBuilder.copy');
    return gas<GDataValidationBuilder>(new FakeDataValidationBuilder(this.env, this.rule));
  }

  getAllowInvalid(): boolean {
    this.env.calls.record('Spreadsheet.DataValidationBuilder.getAllowInvalid');
    return this.rule.allowInvalid;
  }

  getCriteriaType(): GDataValidationCriteria {
    this.env.calls.record('Spreadsheet.DataValidationBuilder.getCriteriaType');
    return gas<GDataValidationCriteria>(this.rule.criteria);
  }

  getCriteriaValues(): unknown[] {
    this.env.calls.record('Spreadsheet.DataValidationBuilder.getCriteriaValues');
    return this.rule.values.map(copyArg);
  }

  getHelpText(): string | null {
    this.env.calls.record('Spreadsheet.DataValidationBuilder.getHelpText');
    return this.rule.helpText;
  }

  requireValueInList(values: string[], showDropdown?: boolean): GDataValidationBuilder {
    this.env.calls.record('Spreadsheet.DataValidationBuilder.requireValueInList');
    if (!Array.isArray(values))
      throw new Error(ERR.signature([values], 'SpreadsheetApp.DataValidationBuilder.requireValueInList'));
    return this.set('VALUE_IN_LIST', [values.map((v) => String(v)), showDropdown ?? true]);
  }

  requireValueInRange(range: GRange, showDropdown?: boolean): GDataValidationBuilder {
    this.env.calls.record('Spreadsheet.DataValidationBuilder.requireValueInRange');
    unwrapRange(range, 'SpreadsheetApp.DataValidationBuilder.requireValueInRange');
    return this.set('VALUE_IN_RANGE', [range, showDropdown ?? true]);
  }

  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): GDataValidationBuilder {
    this.env.calls.record('Spreadsheet.DataValidationBuilder.requireCheckbox');
    const args =
      checkedValue === undefined ? [] : uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue];
    return this.set('CHECKBOX', args);
  }

  requireTextIsEmail(): GDataValidationBuilder {
    this.env.calls.record('Spreadsheet.DataValidationBuilder.requireTextIsEmail');
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }

  requireTextIsUrl(): GDataValidationBuilder {
    this.env.calls.record('Spreadsheet.DataValidationBuilder.requireTextIsUrl');
    return this.set('TEXT_IS_VALID_URL', []);
  }

  requireNumberBetween(start: number, end: number): GDataValidationBuilder {
    this.env.calls.record('Spreadsheet.DataValidationBuilder.requireNumberBetween');
    return this.set('NUMBER_BETWEEN', [start, end]);
  }

  requireNumberGreaterThan(number: number): GDataValidationBuilder {
    this.env.calls.record('Spreadsheet.DataValidationBuilder.requireNumberGreaterThan');
    return this.set('NUMBER_GREATER_THAN', [number]);
  }

  requireNumberGreaterThanOrEqualTo(number: number): GDataValidationBuilder {
    this.env.calls.record('Spreadsheet.DataValidationBuilder.requireNumberGreaterThanOrEqualTo');
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }

  requireNumberLessThan(number: number): GDataValidationBuilder {
    this.env.calls.record('Spreadsheet.DataValidationBuilder.requireNumberLessThan');
    return this.set('NUMBER_LESS_THAN', [number]);
  }

  requireNumberLessThanOrEqualTo(number: number): GDataValidationBuilder {
    this.env.calls.record('Spreadsheet.DataValidationBuilder.requireNumberLessThanOrEqualTo');
    return this.set('NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }

  requireNumberEqualTo(number: number): GDataValidationBuilder {
    this.env.calls.record('Spreadsheet.DataValidationBuilder.requireNumberEqualTo');
    return this.set('NUMBER_EQUAL_TO', [number]);
  }

  requireDate(): GDataValidationBuilder {
    this.env.calls.record('Spreadsheet.DataValidationBuilder.requireDate');
    return this.set('DATE_IS_VALID_DATE', []);
  }

  requireFormulaSatisfied(formula: string): GDataValidationBuilder {
    this.env.calls.record('Spreadsheet.DataValidationBuilder.requireFormulaSatisfied');
    return this.set('CUSTOM_FORMULA', [String(formula)]);
  }

  setAllowInvalid(allowInvalidData: boolean): GDataValidationBuilder {
    this.env.calls.record('Spreadsheet.DataValidationBuilder.setAllowInvalid');
    this.rule.allowInvalid = !!allowInvalidData;
    return gas<GDataValidationBuilder>(this);
  }

  setHelpText(helpText: string): GDataValidationBuilder {
    this.env.calls.record('Spreadsheet.DataValidationBuilder.setHelpText');
    this.rule.helpText = String(helpText);
    return gas<GDataValidationBuilder>(this);
  }

  withCriteria(criteria: GDataValidationCriteria, args: unknown[]): GDataValidationBuilder {
    this.env.calls.record('Spreadsheet.DataValidationBuilder.withCriteria');
    return this.set(String(criteria), Array.isArray(args) ? args : []);
  }
}

// ---------------------------------------------------------------------------------------------
// Protection

interface RangeRef {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

function fakeUser(env: Env, email: string): GUser {
  return gas<GUser>({
    getEmail: () => {
      env.calls.record('Base.User.getEmail');
      return email;
    },
    toString: () => email,
  });
}

// https://developers.google.com/apps-script/reference/spreadsheet/protection
export class FakeProtection
  implements
    Pick<
      GProtection,
      | 'setDescription'
      | 'getDescription'
      | 'setWarningOnly'
      | 'isWarningOnly'
      | 'getRange'
      | 'remove'
      | 'getProtectionType'
      | 'canEdit'
      | 'canDomainEdit'
      | 'setDomainEdit'
      | 'getEditors'
      | 'addEditor'
      | 'addEditors'
      | 'removeEditor'
      | 'removeEditors'
    >
{
  description = '';
  warningOnly = false;
  domainEdit = true;
  editors: string[];

  constructor(
    private readonly env: Env,
    private readonly app: FakeSpreadsheetApp,
    private readonly ssModel: SpreadsheetModel,
    private readonly sheetModel: SheetModel,
    readonly type: 'RANGE' | 'SHEET',
    readonly range: RangeRef | null,
  ) {
    this.editors = [env.user.email];
  }

  setDescription(description: string): GProtection {
    this.env.calls.record('Spreadsheet.Protection.setDescription');
    this.description = String(description);
    return gas<GProtection>(this);
  }

  getDescription(): string {
    this.env.calls.record('Spreadsheet.Protection.getDescription');
    return this.description;
  }

  setWarningOnly(warningOnly: boolean): GProtection {
    this.env.calls.record('Spreadsheet.Protection.setWarningOnly');
    this.warningOnly = !!warningOnly;
    return gas<GProtection>(this);
  }

  isWarningOnly(): boolean {
    this.env.calls.record('Spreadsheet.Protection.isWarningOnly');
    return this.warningOnly;
  }

  getRange(): GRange {
    this.env.calls.record('Spreadsheet.Protection.getRange');
    const r = this.range ?? {
      row: 1,
      column: 1,
      numRows: this.sheetModel.maxRows,
      numColumns: this.sheetModel.maxColumns,
    };
    return gas<GRange>(
      new FakeRange(this.env, this.app, this.ssModel, this.sheetModel, r.row, r.column, r.numRows, r.numColumns),
    );
  }

  remove(): void {
    this.env.calls.record('Spreadsheet.Protection.remove');
    const i = this.sheetModel.protections.indexOf(this);
    if (i >= 0) this.sheetModel.protections.splice(i, 1);
  }

  getProtectionType(): GProtectionType {
    this.env.calls.record('Spreadsheet.Protection.getProtectionType');
    return gas<GProtectionType>(this.type);
  }

  /** The script runs as the owner, who can always edit. */
  canEdit(): boolean {
    this.env.calls.record('Spreadsheet.Protection.canEdit');
    return true;
  }

  canDomainEdit(): boolean {
    this.env.calls.record('Spreadsheet.Protection.canDomainEdit');
    return this.domainEdit;
  }

  setDomainEdit(editable: boolean): GProtection {
    this.env.calls.record('Spreadsheet.Protection.setDomainEdit');
    this.domainEdit = !!editable;
    return gas<GProtection>(this);
  }

  getEditors(): GUser[] {
    this.env.calls.record('Spreadsheet.Protection.getEditors');
    return this.editors.map((e) => fakeUser(this.env, e));
  }

  private emailOf(x: unknown): string {
    if (typeof x === 'string') return x;
    const o = x as { getEmail?: () => unknown } | null;
    if (o && typeof o.getEmail === 'function') return String(o.getEmail());
    throw new Error(ERR.signature([x], 'SpreadsheetApp.Protection.addEditor'));
  }

  private add(emails: string[]): void {
    for (const e of emails) if (!this.editors.includes(e)) this.editors.push(e);
  }

  /** The owner (the script's user) cannot be removed, as in Sheets. */
  private drop(emails: string[]): void {
    this.editors = this.editors.filter((e) => e === this.env.user.email || !emails.includes(e));
  }

  addEditor(user: string | GUser): GProtection {
    this.env.calls.record('Spreadsheet.Protection.addEditor');
    this.add([this.emailOf(user)]);
    return gas<GProtection>(this);
  }

  addEditors(emailAddresses: string[]): GProtection {
    this.env.calls.record('Spreadsheet.Protection.addEditors');
    this.add(emailAddresses.map((e) => this.emailOf(e)));
    return gas<GProtection>(this);
  }

  removeEditor(user: string | GUser): GProtection {
    this.env.calls.record('Spreadsheet.Protection.removeEditor');
    this.drop([this.emailOf(user)]);
    return gas<GProtection>(this);
  }

  removeEditors(users: string[] | GUser[]): GProtection {
    this.env.calls.record('Spreadsheet.Protection.removeEditors');
    this.drop((users as unknown[]).map((u) => this.emailOf(u)));
    return gas<GProtection>(this);
  }
}

// ---------------------------------------------------------------------------------------------
// Embedded charts

export interface ChartState {
  chartId: number | null;
  chartType: string | null;
  ranges: FakeRange[];
  options: Map<string, unknown>;
  position: { anchorRow: number; anchorColumn: number; offsetX: number; offsetY: number };
}

function cloneChartState(s: ChartState): ChartState {
  return {
    chartId: s.chartId,
    chartType: s.chartType,
    ranges: [...s.ranges],
    options: new Map([...s.options].map(([k, v]) => [k, copyArg(v)])),
    position: { ...s.position },
  };
}

function containerInfo(env: Env, p: ChartState['position']): GContainerInfo {
  const info = {
    getAnchorColumn: () => {
      env.calls.record('Spreadsheet.ContainerInfo.getAnchorColumn');
      return p.anchorColumn;
    },
    getAnchorRow: () => {
      env.calls.record('Spreadsheet.ContainerInfo.getAnchorRow');
      return p.anchorRow;
    },
    getOffsetX: () => {
      env.calls.record('Spreadsheet.ContainerInfo.getOffsetX');
      return p.offsetX;
    },
    getOffsetY: () => {
      env.calls.record('Spreadsheet.ContainerInfo.getOffsetY');
      return p.offsetY;
    },
  };
  return info;
}

// https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
export class FakeEmbeddedChartBuilder
  implements
    Pick<
      GChartBuilder,
      | 'addRange'
      | 'removeRange'
      | 'clearRanges'
      | 'getRanges'
      | 'setChartType'
      | 'getChartType'
      | 'asColumnChart'
      | 'asBarChart'
      | 'asPieChart'
      | 'asLineChart'
      | 'asAreaChart'
      | 'asTableChart'
      | 'setPosition'
      | 'getContainer'
      | 'setOption'
      | 'setNumHeaders'
      | 'build'
    >
{
  readonly state: ChartState;

  constructor(
    private readonly env: Env,
    private readonly app: FakeSpreadsheetApp,
    private readonly ssModel: SpreadsheetModel,
    private readonly sheetModel: SheetModel,
    from?: ChartState,
  ) {
    this.state = from
      ? cloneChartState(from)
      : {
          chartId: null,
          chartType: null,
          ranges: [],
          options: new Map(),
          position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 },
        };
  }

  private self<T = GChartBuilder>(): T {
    return gas<T>(this);
  }

  private as<T>(type: string, method: string): T {
    this.env.calls.record(`Spreadsheet.EmbeddedChartBuilder.${method}`);
    this.state.chartType = type;
    return this.self<T>();
  }

  addRange(range: GRange): GChartBuilder {
    this.env.calls.record('Spreadsheet.EmbeddedChartBuilder.addRange');
    this.state.ranges.push(unwrapRange(range, 'SpreadsheetApp.EmbeddedChartBuilder.addRange'));
    return this.self();
  }

  removeRange(range: GRange): GChartBuilder {
    this.env.calls.record('Spreadsheet.EmbeddedChartBuilder.removeRange');
    const r = unwrapRange(range, 'SpreadsheetApp.EmbeddedChartBuilder.removeRange');
    const key = a1Notation(r.row, r.column, r.numRows, r.numColumns);
    this.state.ranges = this.state.ranges.filter(
      (x) => x.sheetModel !== r.sheetModel || a1Notation(x.row, x.column, x.numRows, x.numColumns) !== key,
    );
    return this.self();
  }

  clearRanges(): GChartBuilder {
    this.env.calls.record('Spreadsheet.EmbeddedChartBuilder.clearRanges');
    this.state.ranges = [];
    return this.self();
  }

  getRanges(): GRange[] {
    this.env.calls.record('Spreadsheet.EmbeddedChartBuilder.getRanges');
    return gas<GRange[]>([...this.state.ranges]);
  }

  setChartType(type: GChartType): GChartBuilder {
    this.env.calls.record('Spreadsheet.EmbeddedChartBuilder.setChartType');
    this.state.chartType = String(type);
    return this.self();
  }

  getChartType(): GChartType {
    this.env.calls.record('Spreadsheet.EmbeddedChartBuilder.getChartType');
    return gas<GChartType>(this.state.chartType);
  }

  asColumnChart(): GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder {
    return this.as('COLUMN', 'asColumnChart');
  }

  asBarChart(): GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder {
    return this.as('BAR', 'asBarChart');
  }

  asPieChart(): GoogleAppsScript.Spreadsheet.EmbeddedPieChartBuilder {
    return this.as('PIE', 'asPieChart');
  }

  asLineChart(): GoogleAppsScript.Spreadsheet.EmbeddedLineChartBuilder {
    return this.as('LINE', 'asLineChart');
  }

  asAreaChart(): GoogleAppsScript.Spreadsheet.EmbeddedAreaChartBuilder {
    return this.as('AREA', 'asAreaChart');
  }

  asTableChart(): GoogleAppsScript.Spreadsheet.EmbeddedTableChartBuilder {
    return this.as('TABLE', 'asTableChart');
  }

  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): GChartBuilder {
    this.env.calls.record('Spreadsheet.EmbeddedChartBuilder.setPosition');
    this.state.position = { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY };
    return this.self();
  }

  getContainer(): GContainerInfo {
    this.env.calls.record('Spreadsheet.EmbeddedChartBuilder.getContainer');
    return containerInfo(this.env, { ...this.state.position });
  }

  setOption(option: string, value: unknown): GChartBuilder {
    this.env.calls.record('Spreadsheet.EmbeddedChartBuilder.setOption');
    this.state.options.set(String(option), copyArg(value));
    return this.self();
  }

  setNumHeaders(headers: number): GChartBuilder {
    this.env.calls.record('Spreadsheet.EmbeddedChartBuilder.setNumHeaders');
    this.state.options.set('numHeaders', headers);
    return this.self();
  }

  // Methods of the typed builders (asColumnChart() and friends return this same builder).

  private option(method: string, name: string, value: unknown): GChartBuilder {
    this.env.calls.record(`Spreadsheet.EmbeddedChartBuilder.${method}`);
    this.state.options.set(name, copyArg(value));
    return this.self();
  }

  setTitle(chartTitle: string): GChartBuilder {
    return this.option('setTitle', 'title', String(chartTitle));
  }

  setXAxisTitle(title: string): GChartBuilder {
    return this.option('setXAxisTitle', 'hAxis.title', String(title));
  }

  setYAxisTitle(title: string): GChartBuilder {
    return this.option('setYAxisTitle', 'vAxis.title', String(title));
  }

  setLegendPosition(position: unknown): GChartBuilder {
    return this.option('setLegendPosition', 'legend.position', String(position));
  }

  setColors(cssValues: string[]): GChartBuilder {
    return this.option('setColors', 'colors', cssValues);
  }

  setBackgroundColor(cssValue: string): GChartBuilder {
    return this.option('setBackgroundColor', 'backgroundColor', String(cssValue));
  }

  setStacked(): GChartBuilder {
    return this.option('setStacked', 'isStacked', true);
  }

  set3D(): GChartBuilder {
    return this.option('set3D', 'is3D', true);
  }

  build(): GChart {
    this.env.calls.record('Spreadsheet.EmbeddedChartBuilder.build');
    return gas<GChart>(
      new FakeEmbeddedChart(this.env, this.app, this.ssModel, this.sheetModel, cloneChartState(this.state)),
    );
  }
}

// https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart
export class FakeEmbeddedChart
  implements Pick<GChart, 'getChartId' | 'getRanges' | 'getOptions' | 'getContainerInfo' | 'modify'>
{
  constructor(
    private readonly env: Env,
    private readonly app: FakeSpreadsheetApp,
    private readonly ssModel: SpreadsheetModel,
    private readonly sheetModel: SheetModel,
    readonly state: ChartState,
  ) {}

  /** Uncounted: a plain description for tests. */
  snapshot(): { chartId: number | null; chartType: string | null; ranges: string[]; options: Record<string, unknown> } {
    return {
      chartId: this.state.chartId,
      chartType: this.state.chartType,
      ranges: this.state.ranges.map(
        (r) => `${r.sheetModel.name}!${a1Notation(r.row, r.column, r.numRows, r.numColumns)}`,
      ),
      options: Object.fromEntries(this.state.options),
    };
  }

  /** Null until the chart is inserted into a sheet, as in Apps Script. */
  getChartId(): number | null {
    this.env.calls.record('Spreadsheet.EmbeddedChart.getChartId');
    return this.state.chartId;
  }

  getRanges(): GRange[] {
    this.env.calls.record('Spreadsheet.EmbeddedChart.getRanges');
    return gas<GRange[]>([...this.state.ranges]);
  }

  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    this.env.calls.record('Spreadsheet.EmbeddedChart.getOptions');
    const options = new Map(this.state.options);
    return {
      get: (option: string) => {
        this.env.calls.record('Charts.ChartOptions.get');
        return copyArg(options.get(String(option)) ?? null);
      },
    };
  }

  getContainerInfo(): GContainerInfo {
    this.env.calls.record('Spreadsheet.EmbeddedChart.getContainerInfo');
    return containerInfo(this.env, { ...this.state.position });
  }

  modify(): GChartBuilder {
    this.env.calls.record('Spreadsheet.EmbeddedChart.modify');
    return gas<GChartBuilder>(
      new FakeEmbeddedChartBuilder(this.env, this.app, this.ssModel, this.sheetModel, this.state),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Developer metadata (spreadsheet level only)

type GDeveloperMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

/** What SpreadsheetApp.openById throws for a spreadsheet the user may not open (public reports of the message). */
export const NO_ACCESS = 'You do not have permission to access the requested document.';

interface MetadataEntry {
  id: number;
  key: string;
  value: string | null;
}

const developerMetadata = new WeakMap<SpreadsheetModel, MetadataEntry[]>();
let nextMetadataId = 1;

function developerMetadataOf(model: SpreadsheetModel): MetadataEntry[] {
  let list = developerMetadata.get(model);
  if (!list) {
    list = [];
    developerMetadata.set(model, list);
  }
  return list;
}

// https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata
export class FakeDeveloperMetadata
  implements Pick<GDeveloperMetadata, 'getId' | 'getKey' | 'getValue' | 'setValue' | 'remove'>
{
  constructor(
    private readonly env: Env,
    private readonly list: MetadataEntry[],
    private readonly entry: MetadataEntry,
  ) {}

  getId(): number {
    this.env.calls.record('Spreadsheet.DeveloperMetadata.getId');
    return this.entry.id;
  }

  getKey(): string {
    this.env.calls.record('Spreadsheet.DeveloperMetadata.getKey');
    return this.entry.key;
  }

  /** The value, or null when it was added without one. */
  getValue(): string {
    this.env.calls.record('Spreadsheet.DeveloperMetadata.getValue');
    return this.entry.value as string;
  }

  setValue(value: string): GDeveloperMetadata {
    this.env.calls.record('Spreadsheet.DeveloperMetadata.setValue');
    this.entry.value = String(value);
    return gas<GDeveloperMetadata>(this);
  }

  /** Deletes the metadata; removing one already removed is ignored (the reference is silent). */
  remove(): void {
    this.env.calls.record('Spreadsheet.DeveloperMetadata.remove');
    const i = this.list.indexOf(this.entry);
    if (i >= 0) this.list.splice(i, 1);
  }
}

/**
 * The name Sheets gives the one sheet of a new spreadsheet, in the language of the user who makes
 * it: "Sheet1" in English, "List1" in Slovenian (the name the Slovenian Sheets UI shows). The
 * reference (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#createname)
 * does not name it; other languages fall back to English.
 */
export function firstSheetName(locale: string): string {
  const language = String(locale).toLowerCase().split(/[_-]/)[0];
  return language === 'sl' ? 'List1' : 'Sheet1';
}
