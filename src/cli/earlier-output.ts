/**
 * `run --from DIR`: the spreadsheet as an earlier run left it (and as staff then edited its CSVs),
 * read back cell by cell the way the runner wrote it (SPEC section 8): ISO 8601 dates, TRUE and
 * FALSE, numbers, formulas, and text behind an apostrophe. What the sheets cannot carry (the reply
 * forms' secret, the clock the season stood at, which sheets were a form's responses) is in a small
 * state file the runner writes beside them.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { CarriedForm } from '../../emulator/src/carry';
import type { CellValue } from '../../emulator/src/spreadsheet-model';
import { InputError, readText } from './csv';

/** Written by every run beside the sheets; read by `--from`. */
export const STATE_FILE = '.excursion-desk-state.json';

export interface SeasonState {
  /** The format of this file. */
  version: 1;
  /** The season's clock when the run ended (ISO 8601). */
  clock: string;
  /** The time of the latest answer or reply any run of the season was fed (ISO 8601), or null: a later export's rows up to it were fed already. */
  lastInput: string | null;
  /** The season's forms (questions, answers, the sheet each answers into): on Google they would still be there, so a later run puts them back. */
  forms: CarriedForm[];
  /** The document's properties (the reply secret, the forms' ids, how far answers were taken in), but not the earlier run's triggers, which a new run makes anew. */
  documentProperties: Record<string, string>;
}

/** A sheet read back: its name and its grid (header row first). */
export interface LoadedSheet {
  name: string;
  rows: CellValue[][];
  /** Formulas by [row, column], for the cells written as a formula. */
  formulas: { row: number; column: number; formula: string }[];
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:\d{2})$/;
/** A number as the runner writes one (no leading zeros, which would be text such as a code). */
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** One CSV field as the cell it was: the inverse of csvCell. */
export function cellFromCsv(text: string): { value: CellValue; formula: string | null } {
  if (text.startsWith("'")) return { value: text.slice(1), formula: null };
  if (text.startsWith('=')) return { value: '', formula: text };
  if (text === 'TRUE' || text === 'FALSE') return { value: text === 'TRUE', formula: null };
  if (ISO_DATE_TIME.test(text)) {
    const d = new Date(text);
    if (!Number.isNaN(d.getTime())) return { value: d, formula: null };
  }
  if (NUMBER.test(text) && Number.isFinite(Number(text))) return { value: Number(text), formula: null };
  return { value: text, formula: null };
}

/** Reads an earlier output folder whole; an InputError names what is wrong with it. */
export function readEarlierOutput(dir: string, outputMark: string): { sheets: LoadedSheet[]; state: SeasonState } {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new InputError(dir, null, '--from needs the folder an earlier run wrote (its --out); this is not a folder');
  if (!existsSync(join(dir, outputMark)) || !existsSync(join(dir, STATE_FILE)))
    throw new InputError(
      dir,
      null,
      `is not the output of an earlier run of this version (it has no ${STATE_FILE}); run the season once without --from first`,
    );
  let state: SeasonState;
  try {
    state = JSON.parse(readFileSync(join(dir, STATE_FILE), 'utf8')) as SeasonState;
  } catch (e) {
    throw new InputError(join(dir, STATE_FILE), null, `cannot be read: ${(e as Error).message}`);
  }
  if (state.version !== 1 || Number.isNaN(new Date(state.clock).getTime()))
    throw new InputError(join(dir, STATE_FILE), null, 'is not a state file this version can read');
  if (!Array.isArray(state.forms) || typeof state.documentProperties !== 'object')
    throw new InputError(join(dir, STATE_FILE), null, 'is not a state file this version can read');
  const sheets: LoadedSheet[] = [];
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.csv')) continue;
    const name = file.slice(0, -'.csv'.length);
    const path = join(dir, file);
    let records: string[][];
    try {
      records = parse(readText(path), { bom: true, relax_column_count: true }) as string[][];
    } catch (e) {
      throw new InputError(path, null, `is not CSV any more: ${(e as Error).message}`);
    }
    const width = Math.max(0, ...records.map((r) => r.length));
    const formulas: LoadedSheet['formulas'] = [];
    const rows = records.map((r, row) =>
      Array.from({ length: width }, (_, column) => {
        const cell = cellFromCsv(r[column] ?? '');
        if (cell.formula) formulas.push({ row, column, formula: cell.formula });
        return cell.value;
      }),
    );
    sheets.push({ name, rows, formulas });
  }
  return { sheets, state };
}
