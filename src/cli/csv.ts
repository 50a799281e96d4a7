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
  const text = readText(file);
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (e) {
    throw csvSyntaxError(file, text, e as { code?: string; lines?: number; message: string });
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
      throw new InputError(
        file,
        row,
        `has ${fields.length} fields but the header has ${header.length}; check its commas and quotes`,
      );
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

/** The file's text, or an InputError in plain words: not found, a folder, not readable. */
export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(file, null, 'not found; check the name and the folder');
    if (code === 'EISDIR') throw new InputError(file, null, 'is a folder, not a file; give the CSV file inside it');
    if (code === 'EACCES' || code === 'EPERM')
      throw new InputError(file, null, 'cannot be opened: you are not allowed to read it');
    throw new InputError(file, null, `cannot be read: ${(e as Error).message}`);
  }
}

/**
 * The quoted field where the CSV goes wrong: one never closed, or one with text after its closing
 * quote (usually a stray or missing " earlier in it). Its row (1-based record, the header is row 1)
 * is where the field opens; a newline inside quotes belongs to the field, so rows and lines differ.
 */
function quoteTrouble(text: string): { kind: 'unclosed' | 'text-after'; row: number; line: number } | null {
  let row = 1;
  let line = 1;
  let quoted: { row: number; line: number } | null = null;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') i++;
      else if (c === '"') {
        const next = text[i + 1];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r')
          return { kind: 'text-after', ...quoted };
        quoted = null;
        fieldStart = false;
      } else if (c === '\n') line++;
      continue;
    }
    if (c === '"' && fieldStart) quoted = { row, line };
    if (c === '\n') {
      row++;
      line++;
    }
    fieldStart = c === ',' || c === '\n' || (c === '\r' && text[i + 1] === '\n');
  }
  return quoted ? { kind: 'unclosed', ...quoted } : null;
}

/** csv-parse's error as staff can act on it: the row, and what to check there. */
function csvSyntaxError(file: string, text: string, e: { code?: string; lines?: number; message: string }): InputError {
  const at = quoteTrouble(text.replace(/^\ufeff/, ''));
  if (at) {
    const where = at.line !== at.row ? ` (line ${at.line} of the file)` : '';
    return new InputError(
      file,
      at.row,
      at.kind === 'unclosed'
        ? `a quoted field opens here${where} and is never closed; check that every " that starts a field has its closing "`
        : `a quoted field opens here${where} and has text after its closing "; check for a missing or stray " (a " inside a quoted field is written twice: "")`,
    );
  }
  return new InputError(
    file,
    e.lines ?? null,
    `is not valid CSV (${e.message.replace(/^[^:]*: /, '').replace(/ at line \d+.*$/, '')}); check the quotes and commas there`,
  );
}
