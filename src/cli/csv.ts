/**
 * CSV in and out for the offline runner. Reading names the file, the row and the problem on any
 * error; writing follows SPEC section 8 (UTF-8, header row, ISO 8601 dates, formulas as formulas,
 * text that would read as a formula behind an apostrophe, as a person types it into Sheets).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { offsetAt, zonedParts } from '../../emulator/src/zone';

/** A bad input file: which file, which row (1-based, the header is row 1), what is wrong. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly row: number | null,
    readonly problem: string,
  ) {
    super(row === null ? `${file}: ${problem}` : `${file}, row ${row}: ${problem}`);
    this.name = 'InputError';
  }
}

export interface CsvTable {
  file: string;
  header: string[];
  /** Each data row with its 1-based row number in the file (the header is row 1). */
  rows: { row: number; values: Record<string, string> }[];
}

/** Reads a CSV with a header row; every record must have as many fields as the header. */
export function readCsv(file: string, required: readonly string[] = []): CsvTable {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(file, null, `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (e) {
    const err = e as { lines?: number; message: string };
    throw new InputError(file, err.lines ?? null, `is not valid CSV: ${err.message.replace(/^Invalid [^:]*: /, '')}`);
  }
  if (records.length === 0) throw new InputError(file, null, 'is empty; it needs a header row');
  const header = records[0].map((h) => h.trim());
  const seen = new Set<string>();
  for (const h of header) {
    if (h !== '' && seen.has(h)) throw new InputError(file, 1, `the column "${h}" appears twice`);
    seen.add(h);
  }
  for (const name of required) {
    if (!seen.has(name)) throw new InputError(file, 1, `has no column "${name}"`);
  }
  const rows: CsvTable['rows'] = [];
  records.slice(1).forEach((fields, i) => {
    const row = i + 2;
    if (fields.length === 1 && fields[0].trim() === '') return; // a blank line
    if (fields.length !== header.length) {
      throw new InputError(file, row, `has ${fields.length} fields but the header has ${header.length}`);
    }
    const values: Record<string, string> = {};
    header.forEach((h, c) => {
      if (h !== '') values[h] = fields[c];
    });
    rows.push({ row, values });
  });
  return { file, header, rows };
}

/** `2017-02-20T10:15:32+01:00`: the instant in ISO 8601 with the offset of `timeZone`. */
export function isoInZone(date: Date, timeZone: string): string {
  const ms = date.getTime();
  const p = zonedParts(ms, timeZone);
  const offsetMin = Math.round(offsetAt(ms, timeZone) / 60000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const abs = Math.abs(offsetMin);
  const offset = `${offsetMin < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${offset}`;
}

function isDateValue(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** One cell as SPEC section 8 writes it. */
export function csvCell(value: unknown, formula: string, timeZone: string): string {
  if (formula) return formula;
  if (isDateValue(value)) return isoInZone(value, timeZone);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const s = String(value ?? '');
  return /^[=+\-@]/.test(s) ? `'${s}` : s;
}

/** A sheet's grid (values and formulas of the same shape) as CSV text. */
export function sheetCsv(values: unknown[][], formulas: string[][], timeZone: string): string {
  const rows = values.map((row, r) => row.map((v, c) => csvCell(v, formulas[r]?.[c] ?? '', timeZone)));
  return stringify(rows, { record_delimiter: '\n' });
}
