/**
 * `excursion-desk run`: the season offline. Loads build/Code.js into a fresh emulator through
 * gas-local, puts the staff's files in the sheets, runs Set up, submits every response to the
 * form so that the trigger fires, runs the menu actions, and writes every sheet as CSV and every
 * mail as .eml. Input is checked whole before anything runs; output goes to a temporary folder
 * that replaces DIR only when everything is written.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Emulator } from '../../emulator/src';
import { exportForms, importForms } from '../../emulator/src/carry';
import { formModel } from '../../emulator/src/forms';
import type { CellValue } from '../../emulator/src/spreadsheet-model';
import type { DashboardData } from '../core/dashboard';
import { LANGUAGES, type MessageKey, t } from '../core/i18n';
import { settingDefinitions } from '../core/settings';
import {
  ENGLISH_LEVELS,
  EXCURSION_HEADERS,
  EXCURSION_STATUS,
  MUNICIPALITY_HEADERS,
  QUESTION,
  REPLY_ANSWERS,
  REPLY_QUESTION,
  SETTINGS_HEADERS,
  SHEET,
  TIMESTAMP_HEADERS,
} from '../core/vocabulary';
import { renderReport } from '../ui/dashboard-view';
import { type CsvTable, InputError, readCsv, sheetCsv } from './csv';
import { readEarlierOutput, type SeasonState, STATE_FILE } from './earlier-output';
import { toEml } from './eml';
import { parseDay, readTimestamp, settleDayOrder } from './timestamps';

export const TIME_ZONE = 'Europe/Ljubljana';

// Only the vocabulary's names come from src/core: every decision about the data is the bundle's.
const GRID_PREFIX = `${QUESTION.preferences} [`;

/** The account language a responses export comes from, told by its Timestamp header. */
const EXPORT_LOCALE: Record<(typeof TIMESTAMP_HEADERS)[number], string> = {
  Timestamp: 'en',
  'Časovni žig': 'sl',
  'Časovna oznaka': 'sl',
  'Marca temporal': 'es',
};

export interface RunInput {
  /** The application form's responses export; with `from` it may be left out, or be the whole export again. */
  responses?: string;
  /** The Excursions CSV; with `from` it may be left out (the earlier Excursions stand). */
  excursions?: string;
  /** The reply form's responses export. */
  replies?: string;
  /** An earlier run's output folder to continue from. */
  from?: string;
  /** The run's clock (ISO 8601) for reply deadlines and reminders. */
  at?: string;
  settings?: string;
  municipalities?: string;
  out: string;
  bundleDir?: string;
  /** Run as a script bound to the spreadsheet (default) or as the editor add-on installed in it (bundleDir then holds the add-on build). */
  deployment?: 'bound' | 'addon';
}

export interface RunSummary {
  /** The emulator the season ran in, for a caller that wants to read more of it. */
  emulator: Emulator;
  /** Columns of the responses file that are no question of the form. */
  ignoredColumns: string[];
  out: string;
  responses: number;
  applications: number;
  /** Answers and replies of the input that an earlier run had taken in already (with `from`), skipped. */
  alreadyTakenIn: number;
  /** Replies submitted to the reply form. */
  replies: number;
  sheets: string[];
  mails: number;
  logLines: string[];
  /** The steps that stopped, each with the message staff would have seen; empty when every step ran. */
  stopped: StoppedStep[];
}

/** A step of the season that stopped, as staff would have been told. */
export interface StoppedStep {
  /** The entry point, e.g. `allocatePlaces` (or `onFormSubmit` for an answer not taken in). */
  action: string;
  /** What staff saw, in the spreadsheet's language. */
  message: string;
  /** What the Log says of it (in English), when it says more than or other than `message`. */
  english: string | null;
}

interface CheckedInput {
  /** The locale of the account the responses were exported from (the season runs in it). */
  locale: string;
  responses: {
    row: number;
    timestamp: Date;
    answers: Record<string, string | Record<string, string>>;
    contentScore: number | null;
  }[];
  /** Null with `from` and no --excursions: the earlier Excursions stand. */
  excursions: CellValue[][] | null;
  openLabels: Set<string>;
  settings: CellValue[][] | null;
  municipalities: CellValue[][] | null;
  replies: { row: number; timestamp: Date; answers: Record<string, string> }[];
  earlier: ReturnType<typeof readEarlierOutput> | null;
  at: Date | null;
}

function checkExcursions(table: CsvTable): { rows: CellValue[][]; openLabels: Set<string> } {
  const ids = new Set<string>();
  const openLabels = new Set<string>();
  const rows: CellValue[][] = [table.header];
  for (const { row, values } of table.rows) {
    const id = values['Excursion ID'].trim();
    if (id === '') throw new InputError(table.file, row, '"Excursion ID" is empty');
    if (ids.has(id)) throw new InputError(table.file, row, `"Excursion ID" ${id} appears twice`);
    ids.add(id);
    const out: CellValue[] = table.header.map((h) => values[h] ?? '');
    for (const h of ['Start Date', 'End Date']) {
      const v = values[h].trim();
      if (v === '') continue;
      const d = parseDay(v, TIME_ZONE);
      if (!d) throw new InputError(table.file, row, `"${h}" "${v}" is not a date (use 2017-04-25)`);
      out[table.header.indexOf(h)] = d;
    }
    for (const [h, min] of [
      ['Places', 0],
      ['Max Per Municipality', 1],
    ] as const) {
      const v = values[h].trim();
      const n = Number(v);
      if (v === '' || !Number.isInteger(n) || n < min)
        throw new InputError(table.file, row, `"${h}" "${v}" is not a whole number of at least ${min}`);
      out[table.header.indexOf(h)] = n;
    }
    const status = values.Status.trim();
    if (!(EXCURSION_STATUS as readonly string[]).includes(status))
      throw new InputError(table.file, row, `"Status" "${status}" is not one of ${EXCURSION_STATUS.join(', ')}`);
    if (status === 'Open') openLabels.add(values.Label.trim() || id);
    rows.push(out);
  }
  return { rows, openLabels };
}

/** The Timestamp column of an export, under its name in the account's language; Forms writes it first. */
function timestampHeader(table: CsvTable): (typeof TIMESTAMP_HEADERS)[number] {
  const known = (h: string): h is (typeof TIMESTAMP_HEADERS)[number] =>
    (TIMESTAMP_HEADERS as readonly string[]).includes(h);
  const found = known(table.header[0]) ? table.header[0] : table.header.find(known);
  if (!found)
    throw new InputError(
      table.file,
      1,
      `has no column "Timestamp" (or its name in another language: ${TIMESTAMP_HEADERS.slice(1).join(', ')})`,
    );
  return found;
}

/** The questions the application form always has (SPEC section 4); the preference grid has a column per Open excursion. */
const ALWAYS_ASKED = Object.values(QUESTION).filter((q) => q !== QUESTION.timestamp && q !== QUESTION.preferences);

function checkResponses(table: CsvTable, openLabels: Set<string>): CheckedInput['responses'] {
  const tsHeader = timestampHeader(table);
  const missing = ALWAYS_ASKED.filter((q) => !table.header.includes(q));
  if (missing.length > 0)
    throw new InputError(
      table.file,
      1,
      `has no column ${missing.map((q) => `"${q}"`).join(', ')}, a question the application form always has; ` +
        'export the responses again from the form (Responses, then Download responses (.csv)), with the column titles as Forms writes them',
    );
  for (const h of table.header) {
    if (h.startsWith(GRID_PREFIX) && h.endsWith(']')) {
      const label = h.slice(GRID_PREFIX.length, -1);
      if (!openLabels.has(label))
        throw new InputError(table.file, 1, `column "${h}" names no Open excursion of the excursions file`);
    }
  }
  // A slash date's day/month order is settled by the file as a whole, never guessed.
  const settled = settleDayOrder(table.rows.map(({ row, values }) => ({ row, text: values[tsHeader] ?? '' })));
  if ('conflict' in settled) {
    const [dayRow, monthRow] = settled.conflict;
    const at = (row: number) => table.rows.find((r) => r.row === row)?.values[tsHeader] ?? '';
    throw new InputError(
      table.file,
      monthRow,
      `"${tsHeader}" "${at(monthRow)}" puts the month first, but row ${dayRow} ("${at(dayRow)}") puts the day first; one file keeps one order, so one of them is wrong`,
    );
  }
  return table.rows.map(({ row, values }) => {
    const read = readTimestamp(values[tsHeader] ?? '', TIME_ZONE, settled.order);
    if ('problem' in read)
      throw new InputError(table.file, row, `"${tsHeader}" "${values[tsHeader]}" cannot be read: ${read.problem}`);
    const timestamp = read.date;
    let contentScore: number | null = null;
    const cs = (values['Content Score'] ?? '').trim();
    if (cs !== '') {
      contentScore = Number(cs.replace(',', '.'));
      if (!Number.isFinite(contentScore) || contentScore < 0 || contentScore > 10)
        throw new InputError(table.file, row, `"Content Score" "${cs}" is not a number from 0 to 10`);
    }
    const answers: Record<string, string | Record<string, string>> = {};
    const grid: Record<string, string> = {};
    for (const [h, v] of Object.entries(values)) {
      if (h === tsHeader || h === 'Content Score') continue;
      if (h.startsWith(GRID_PREFIX) && h.endsWith(']')) {
        if (v.trim() !== '') grid[h.slice(GRID_PREFIX.length, -1)] = v;
      } else answers[h] = v;
    }
    if (Object.keys(grid).length > 0) answers['Excursion preferences'] = grid;
    return { row, timestamp, answers, contentScore };
  });
}

/** The settings Set up knows, and the values each may take where the set is closed. */
function knownSettings(): Map<string, readonly string[] | null> {
  const known = new Map<string, readonly string[] | null>();
  for (const d of settingDefinitions()) {
    if (typeof d.value === 'boolean') known.set(d.key, ['TRUE', 'FALSE']);
    else if (d.key === 'language') known.set(d.key, LANGUAGES);
    else if (d.key === 'minEnglishLevel') known.set(d.key, ENGLISH_LEVELS);
    else known.set(d.key, null);
  }
  return known;
}

/** Edit distance (insert, delete, replace), ignoring case: how far a typed key is from a known one. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length];
}

/** The known key a misspelt one most likely meant, or null when none is close. */
export function nearestKey(key: string, known: readonly string[]): string | null {
  const lower = key.toLowerCase();
  const containing = known.filter((k) => k.toLowerCase().includes(lower) || lower.includes(k.toLowerCase()));
  if (lower.length >= 4 && containing.length === 1) return containing[0];
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const k of known) {
    const d = distance(key, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : null;
}

function checkSettings(table: CsvTable): CellValue[][] {
  const known = knownSettings();
  const seen = new Set<string>();
  const rows: CellValue[][] = [[...SETTINGS_HEADERS]];
  for (const { row, values } of table.rows) {
    const key = values.Key.trim();
    if (key === '') throw new InputError(table.file, row, '"Key" is empty');
    if (seen.has(key)) throw new InputError(table.file, row, `"Key" ${key} appears twice`);
    seen.add(key);
    if (!known.has(key)) {
      const near = nearestKey(key, [...known.keys()]);
      throw new InputError(
        table.file,
        row,
        `"${key}" is no setting of Excursion Desk${near ? `; did you mean "${near}"?` : ''} (the settings are listed in the README)`,
      );
    }
    const text = values.Value;
    let value: CellValue = text;
    const allowed = known.get(key);
    if (allowed && text.trim() !== '') {
      const match = allowed.find((a) => a.toLowerCase() === text.trim().toLowerCase());
      if (!match)
        throw new InputError(
          table.file,
          row,
          `${key} "${value}" is not one of ${allowed.map((a) => `"${a}"`).join(', ')}`,
        );
      value = match;
    }
    if (key === 'applicationDeadline' && text.trim() !== '') {
      const d = parseDay(text, TIME_ZONE);
      if (!d) throw new InputError(table.file, row, `applicationDeadline "${text}" is not a date (use 2017-02-22)`);
      value = d;
    }
    rows.push([key, value, values.Description ?? '']);
  }
  return rows;
}

function checkMunicipalities(table: CsvTable): CellValue[][] {
  const rows: CellValue[][] = [[...MUNICIPALITY_HEADERS]];
  for (const { row, values } of table.rows) {
    const name = values.Name.trim();
    if (name === '') throw new InputError(table.file, row, '"Name" is empty');
    const pop = values.Population.trim();
    if (pop !== '' && !/^\d+$/.test(pop))
      throw new InputError(table.file, row, `"Population" "${pop}" is not a whole number`);
    rows.push([
      name,
      pop === '' ? '' : Number(pop),
      values.Region ?? '',
      /^(true|1|yes)$/i.test(values.Urban ?? ''),
      values.Aliases ?? '',
    ]);
  }
  return rows;
}

/** The excursions the earlier run's application form asks about (its grid's rows): the columns of a later export. */
function askedLabels(state: SeasonState): Set<string> {
  const labels = new Set<string>();
  for (const form of state.forms) {
    const items = (form.fields.items ?? []) as { type: string; title: string; rows: string[] }[];
    for (const item of items) if (item.title === QUESTION.preferences) for (const row of item.rows) labels.add(row);
  }
  return labels;
}

/** The reply form's export (SPEC section 4): each row's time and answers, checked. */
function checkReplies(table: CsvTable): CheckedInput['replies'] {
  const tsHeader = timestampHeader(table);
  const settled = settleDayOrder(table.rows.map(({ row, values }) => ({ row, text: values[tsHeader] ?? '' })));
  if ('conflict' in settled)
    throw new InputError(
      table.file,
      settled.conflict[1],
      `"${tsHeader}" puts the month first here but the day first in row ${settled.conflict[0]}; one file keeps one order`,
    );
  const asked = new Set<string>(Object.values(REPLY_QUESTION));
  return table.rows.map(({ row, values }) => {
    const read = readTimestamp(values[tsHeader] ?? '', TIME_ZONE, settled.order);
    if ('problem' in read)
      throw new InputError(table.file, row, `"${tsHeader}" "${values[tsHeader]}" cannot be read: ${read.problem}`);
    const answer = (values[REPLY_QUESTION.answer] ?? '').trim();
    if (!(REPLY_ANSWERS as readonly string[]).includes(answer))
      throw new InputError(
        table.file,
        row,
        `"${REPLY_QUESTION.answer}" "${answer}" is not one of ${REPLY_ANSWERS.map((a) => `"${a}"`).join(', ')}`,
      );
    const answers: Record<string, string> = {};
    for (const [h, v] of Object.entries(values)) if (asked.has(h) && v !== '') answers[h] = v;
    return { row, timestamp: read.date, answers };
  });
}

/** `--at`: ISO 8601 only (a date alone is the start of that day in the spreadsheet's zone). */
function checkAt(at: string): Date {
  const text = at.trim();
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? parseDay(text, TIME_ZONE) : null;
  if (day) return day;
  const read = /^\d{4}-\d{2}-\d{2}T/.test(text) ? readTimestamp(text, TIME_ZONE) : null;
  if (!read || 'problem' in read)
    throw new InputError(
      '--at',
      null,
      `"${at}" is not a date and time in ISO 8601 (e.g. 2017-03-10T09:00 or 2017-03-10)`,
    );
  return read.date;
}

/** Reads and checks every input file; throws InputError naming the file, row and problem. */
export function checkInput(input: RunInput): CheckedInput {
  const earlier = input.from ? readEarlierOutput(resolve(input.from), OUTPUT_MARK) : null;
  if (!earlier && (!input.responses || !input.excursions))
    throw new InputError('run', null, 'needs --responses and --excursions (or --from an earlier output)');
  const excursions = input.excursions ? checkExcursions(readCsv(input.excursions, EXCURSION_HEADERS)) : null;
  const openLabels = new Set([...(excursions?.openLabels ?? []), ...(earlier ? askedLabels(earlier.state) : [])]);
  const responsesTable = input.responses ? readCsv(input.responses, ['Municipality']) : null;
  const responses = responsesTable ? checkResponses(responsesTable, openLabels) : [];
  const locale = responsesTable ? EXPORT_LOCALE[timestampHeader(responsesTable)] : 'en';
  const settings = input.settings ? checkSettings(readCsv(input.settings, SETTINGS_HEADERS.slice(0, 2))) : null;
  const municipalities = input.municipalities
    ? checkMunicipalities(readCsv(input.municipalities, MUNICIPALITY_HEADERS.slice(0, 4)))
    : null;
  const replies = input.replies
    ? checkReplies(readCsv(input.replies, [REPLY_QUESTION.code, REPLY_QUESTION.answer]))
    : [];
  const at = input.at !== undefined ? checkAt(input.at) : null;
  return {
    locale,
    responses,
    excursions: excursions?.rows ?? null,
    openLabels,
    settings,
    municipalities,
    replies,
    earlier,
    at,
  };
}

/** Writes a grid into a sheet of the bound spreadsheet (a new one, or the new spreadsheet's empty first sheet), as staff pasting it would. */
function paste(emulator: Emulator, name: string, rows: CellValue[][]): void {
  const book = emulator.workbook();
  const existing = book.sheetByName(name);
  const sheet = existing && existing.lastRow() === 0 ? existing : book.insertSheet(name);
  rows.forEach((r, i) => {
    r.forEach((v, c) => {
      sheet.setValue(i, c, v);
    });
  });
}

/** Every sheet as CSV and every mail as .eml into `dir`. */
export function writeOutput(emulator: Emulator, dir: string): { sheets: string[]; mails: number } {
  mkdirSync(join(dir, 'outbox'), { recursive: true });
  const ss = emulator.workbook();
  const sheets: string[] = [];
  for (const sheet of ss.sheets) {
    const rows = sheet.lastRow();
    const cols = sheet.lastColumn();
    const values = sheet.values(0, 0, rows, cols);
    const formulas = Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => sheet.formulaAt(r, c)),
    );
    writeFileSync(join(dir, `${sheet.name}.csv`), sheetCsv(values, formulas, ss.timeZone));
    sheets.push(sheet.name);
  }
  const data = emulator.run('getDashboardData') as DashboardData;
  writeFileSync(
    join(dir, 'report.html'),
    // The time on the spreadsheet's clock, in the call's language, as the page itself gives it.
    renderReport(data, `Excursion Desk — ${data.generatedAtText}`),
  );
  emulator.mailApp.outbox.forEach((mail, i) => {
    const slug = `${String(i + 1).padStart(4, '0')}-${mail.to
      .join('_')
      .replace(/[^A-Za-z0-9.@_-]+/g, '_')
      .slice(0, 60)}`;
    writeFileSync(join(dir, 'outbox', `${slug}.eml`), toEml(mail, `${slug}.${i + 1}`));
  });
  return { sheets, mails: emulator.mailApp.outbox.length };
}

/**
 * The file that marks a folder as the runner's output and lists every file the runner wrote
 * there: `--out` replaces only such a folder (or an empty one), and only while it holds nothing
 * else, so a file of the user's is never deleted.
 */
export const OUTPUT_MARK = '.excursion-desk-output';

/** Every file under `dir`, as paths relative to it with `/` between folders. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

/** Why `target` may not be replaced by the runner's output, or null when it may. */
function refuseOut(target: string): string | null {
  if (!existsSync(target)) return null;
  if (!statSync(target).isDirectory()) return 'is a file, not a folder; give --out a folder name';
  const files = filesUnder(target);
  if (files.length === 0) return null;
  const written = files.includes(OUTPUT_MARK)
    ? new Set(readFileSync(join(target, OUTPUT_MARK), 'utf8').split('\n').slice(1))
    : new Set<string>();
  const others = files.filter((f) => f !== OUTPUT_MARK && !written.has(f));
  if (others.length === 0) return null;
  const shown = others.slice(0, 3).join(', ') + (others.length > 3 ? ', …' : '');
  return (
    `already holds files that Excursion Desk did not write (${shown}), and --out replaces the whole folder; ` +
    'give --out a new folder, or move those files out of an earlier output first'
  );
}

/** Checks before the run that `out` may be written, so a refused folder costs no work. */
export function checkOut(out: string): void {
  const problem = refuseOut(resolve(out));
  if (problem) throw new InputError(resolve(out), null, problem);
}

/**
 * Replaces `out` with what `fill` writes into a temporary sibling folder, or leaves it untouched.
 * Only a missing or empty folder, or an earlier output (marked with OUTPUT_MARK), is replaced: the
 * earlier output is moved aside, the new one moved in, and the old one removed last, so a failure
 * at any point leaves one whole output in place.
 */
export function writeAtomically<T>(out: string, fill: (dir: string) => T): T {
  const target = resolve(out);
  checkOut(target);
  mkdirSync(dirname(target), { recursive: true });
  const tmp = join(dirname(target), `.${basename(target)}.tmp-${process.pid}`);
  const old = join(dirname(target), `.${basename(target)}.old-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  let result: T;
  try {
    result = fill(tmp);
    const mark = 'Written by excursion-desk; a later run with this --out replaces these files:';
    writeFileSync(join(tmp, OUTPUT_MARK), [mark, ...filesUnder(tmp)].join('\n'));
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  const replacing = existsSync(target);
  if (replacing) renameSync(target, old);
  try {
    renameSync(tmp, target);
  } catch (e) {
    if (replacing) renameSync(old, target);
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  if (replacing) rmSync(old, { recursive: true, force: true });
  return result;
}

/** Steps a caller (the demo) can add after the first round of notices, given the loaded emulator. */
export type ExtraSteps = (emulator: Emulator, progress: Progress) => void;

/** Reports progress over the submissions and the notices (a bar on a terminal, nothing otherwise). */
export type Progress = (stage: 'submissions' | 'notices', done: number, total: number) => void;

/** Runs Send notices as staff would, reporting each mail as it goes into the outbox. */
export function sendWithProgress(emulator: Emulator, progress: Progress): void {
  const waiting = (emulator.sheetValues(SHEET.notices) ?? []).filter(
    (r) => r.includes('Queued') || r.includes('Failed'),
  ).length;
  const before = emulator.env.calls.beforeCall;
  let sent = 0;
  emulator.env.calls.beforeCall = (method) => {
    before?.(method);
    if (method === 'Mail.MailApp.sendEmail') progress('notices', ++sent, waiting);
  };
  try {
    emulator.run('sendNotices');
  } finally {
    emulator.env.calls.beforeCall = before;
  }
}

/** Runs the season on the input files and writes DIR. */
/** Steps of a season the demo plays differently (issue 15: the call before the answers, answers through the links). */
export interface SeasonHooks {
  /** After Set up, before the first answer. */
  afterSetup?: (emulator: Emulator) => void;
  /** Submits one answer (at its time, the clock already set); by default as typed into the form. */
  submit?: (
    emulator: Emulator,
    answers: Record<string, string | string[] | Record<string, string>>,
    timestamp: Date,
  ) => void;
}

export function runSeason(
  input: RunInput,
  extra?: ExtraSteps,
  progress: Progress = () => {},
  hooks: SeasonHooks = {},
): RunSummary {
  const checked = checkInput(input);
  checkOut(input.out);
  const bundleDir = resolve(input.bundleDir ?? 'build');
  if (!existsSync(join(bundleDir, 'Code.js'))) {
    throw new InputError(join(bundleDir, 'Code.js'), null, 'not found; run `npm run build` first');
  }
  const earlier = checked.earlier;
  const earlierClock = earlier ? new Date(earlier.state.clock).getTime() : null;
  const earlierInput = earlier?.state.lastInput ? new Date(earlier.state.lastInput).getTime() : null;
  // With --from, what an earlier run was fed (the export's rows up to the latest one it saw) is not fed again.
  const isNew = (t: Date) => earlierInput === null || t.getTime() > earlierInput;
  const responses = checked.responses.filter((r) => isNew(r.timestamp));
  const replies = checked.replies.filter((r) => isNew(r.timestamp));
  const alreadyTakenIn = checked.responses.length - responses.length + checked.replies.length - replies.length;
  const times = [...responses, ...replies].map((r) => r.timestamp.getTime());
  const first = times.length > 0 ? Math.min(...times) : null;
  const last = times.length > 0 ? Math.max(...times) : null;
  if (checked.at && last !== null && checked.at.getTime() < last)
    throw new InputError(
      '--at',
      null,
      `${input.at} is before the last answer or reply of the input; the clock cannot go back`,
    );
  if (checked.at && earlierClock !== null && checked.at.getTime() < earlierClock)
    throw new InputError(
      '--at',
      null,
      `${input.at} is before the clock the earlier run ended at (${earlier?.state.clock})`,
    );
  const emulator = new Emulator({
    start: new Date(earlierClock ?? (first ?? checked.at?.getTime() ?? Date.now()) - 3600 * 1000),
    timeZone: TIME_ZONE,
    locale: checked.locale,
    bundleDir,
    mailQuota: 1500,
    deployment: input.deployment ?? 'bound',
  });
  if (input.deployment === 'addon') {
    // The staff user installs the add-on in a spreadsheet of theirs and works there from now on.
    const staff = emulator.env.context.user.email;
    const ss = emulator.createSpreadsheet(staff, 'Excursion Desk');
    emulator.installAddon(staff, ss.id);
    emulator.enter(staff, ss.id);
  } else emulator.createBoundSpreadsheet('Excursion Desk');
  if (earlier) {
    // The spreadsheet as the earlier run left it, with the staff's edits; its forms are made anew by Set up.
    for (const sheet of earlier.sheets) {
      if (sheet.name === SHEET.excursions && checked.excursions) continue;
      if (sheet.name === SHEET.settings && checked.settings) continue;
      if (sheet.name === SHEET.municipalities && checked.municipalities) continue;
      paste(emulator, sheet.name, sheet.rows);
      const model = emulator.workbook().sheetByName(sheet.name)!;
      for (const f of sheet.formulas) model.setFormula(f.row, f.column, f.formula);
    }
    importForms(emulator.env, emulator.workbook(), earlier.state.forms);
    emulator.propertiesService.seed('document', earlier.state.documentProperties);
  }
  if (checked.excursions) paste(emulator, SHEET.excursions, checked.excursions);
  if (checked.settings) paste(emulator, SHEET.settings, checked.settings);
  if (checked.municipalities) paste(emulator, SHEET.municipalities, checked.municipalities);
  emulator.load();
  emulator.open();
  const stopped: StoppedStep[] = [];
  const step = (action: string) => {
    const stop = runStep(emulator, action);
    if (stop) stopped.push(stop);
    return stop === null;
  };

  const ignored = new Set<string>();
  let applications = 0;
  let submitted = 0;
  let replied = 0;
  if (step('setupWorkspace')) {
    hooks.afterSetup?.(emulator);
    // Columns that are not a question of the form (an export may carry extra ones) are left out.
    const titles = new Set(formModel(emulator.env, emulator.linkedFormId()).items.map((i) => i.title));
    // Answers and replies in the order they were given, each through its own form.
    const inputs = [
      ...responses.map((r) => ({ kind: 'response' as const, r })),
      ...replies.map((r) => ({ kind: 'reply' as const, r })),
    ].sort((a, b) => a.r.timestamp.getTime() - b.r.timestamp.getTime());
    for (const item of inputs) {
      emulator.env.clock.set(item.r.timestamp);
      if (item.kind === 'reply') {
        submitReply(emulator, item.r.answers, item.r.timestamp);
        replied++;
        continue;
      }
      const response = item.r;
      const before = emulator.sheetValues(SHEET.applications)?.length ?? 0;
      const logBefore = emulator.sheetValues(SHEET.log)?.length ?? 0;
      const answers: typeof response.answers = {};
      for (const [title, value] of Object.entries(response.answers)) {
        if (titles.has(title)) answers[title] = value;
        else ignored.add(title);
      }
      if (hooks.submit) hooks.submit(emulator, answers, response.timestamp);
      else emulator.submit(answers, { timestamp: response.timestamp, validate: false });
      progress('submissions', ++submitted, responses.length);
      const after = emulator.sheetValues(SHEET.applications) ?? [];
      if (after.length > before) {
        applications++;
        if (response.contentScore !== null) setContentScore(emulator, after.length - 1, response.contentScore);
      } else {
        // The trigger never throws: an answer it could not take in is only in the Log.
        const notTaken = (emulator.sheetValues(SHEET.log) ?? [])
          .slice(logBefore)
          .map((r) => String(r[3]))
          .find((d) => d.includes('not taken in'));
        if (notTaken)
          stopped.push({
            action: 'onFormSubmit',
            message: `${input.responses}, row ${response.row}: ${notTaken}`,
            english: null,
          });
      }
    }
    // The menu actions, as staff would choose them (each confirmation answered Yes). Mail is not sent
    // anywhere: the emulator's outbox is written as .eml files.
    if (checked.at) emulator.env.clock.set(checked.at);
    else emulator.env.clock.advance(3600 * 1000);
    // What the time-driven trigger would have done by now: lapses and reply reminders.
    if (earlier) emulator.run('runScheduledWork');
    if (step('scoreApplicants') && step('allocatePlaces')) {
      const stop = watchStep(emulator, 'sendNotices', () => sendWithProgress(emulator, progress));
      if (stop) stopped.push(stop);
      else extra?.(emulator, progress);
    }
  }
  const state = seasonState(emulator, last ?? earlierInput);
  const written = writeAtomically(input.out, (dir) => {
    const out = writeOutput(emulator, dir);
    writeFileSync(join(dir, STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
    return out;
  });
  return {
    emulator,
    ignoredColumns: [...ignored],
    out: resolve(input.out),
    responses: submitted,
    applications,
    alreadyTakenIn,
    replies: replied,
    sheets: written.sheets,
    mails: written.mails,
    logLines: (emulator.sheetValues(SHEET.log) ?? []).slice(1).map((r) => `${r[2]}: ${r[3]}`),
    stopped,
  };
}

/** The triggers of this run are not carried: a later run's Set up and sending make their own. */
const NOT_CARRIED = ['excursionDesk.triggers'];

/** What `--from` needs beyond the sheets. */
function seasonState(emulator: Emulator, lastInput: number | null): SeasonState {
  const props = emulator.propertiesService.peek('document');
  return {
    version: 1,
    clock: new Date(emulator.env.clock.nowMs()).toISOString(),
    lastInput: lastInput === null ? null : new Date(lastInput).toISOString(),
    forms: exportForms(emulator.env, emulator.workbook()),
    documentProperties: Object.fromEntries(Object.entries(props).filter(([k]) => !NOT_CARRIED.includes(k))),
  };
}

/** The reply form linked to the spreadsheet (its id is kept in the document's properties by Set up). */
export function replyFormId(emulator: Emulator): string | null {
  return emulator.propertiesService.peek('document')['excursionDesk.replyFormId'] ?? null;
}

/** One reply, submitted to the reply form as the municipality would; the form-submit trigger fires. */
function submitReply(emulator: Emulator, answers: Record<string, string>, timestamp: Date): void {
  const id = replyFormId(emulator);
  if (!id) throw new Error('Set up made no reply form, so the replies cannot be submitted');
  emulator.responder.submit(id, answers, { timestamp, validate: false });
}

/** The menu item staff choose for each step, to name a stopped one as they know it. */
const MENU_ITEM: Record<string, MessageKey> = {
  setupWorkspace: 'menu.setup',
  scoreApplicants: 'menu.score',
  allocatePlaces: 'menu.allocate',
  sendNotices: 'menu.send',
};

/** "Allocate places (allocatePlaces)", or the entry point alone when no menu item runs it. */
export function stepName(action: string): string {
  const key = MENU_ITEM[action];
  return key ? `${t('en', key)} (${action})` : action;
}

/** The titles of the alert a menu action shows when it stops, in every language of the add-on. */
const STOP_TITLES = new Set(LANGUAGES.map((lang) => t(lang, 'error.title')));

/** Runs one menu action; returns how it stopped, or null when it ran. */
function runStep(emulator: Emulator, action: string): StoppedStep | null {
  return watchStep(emulator, action, () => emulator.run(action));
}

/**
 * Runs `body` (one menu action) and reads what staff would have seen: an alert under the "could
 * not finish" title is a stop. The execution log's "<action> stopped:" line is its English account
 * (the Log sheet speaks the staff's language).
 */
function watchStep(emulator: Emulator, action: string, body: () => void): StoppedStep | null {
  const alertsBefore = emulator.ui.alerts.length;
  const logsBefore = emulator.logs.length;
  body();
  const alert = emulator.ui.alerts.slice(alertsBefore).find((a) => STOP_TITLES.has(a.title));
  if (!alert) return null;
  const prefix = `[error] ${action} stopped: `;
  const logged = emulator.logs.slice(logsBefore).find((line) => line.startsWith(prefix));
  const english = logged ? logged.slice(prefix.length) : null;
  return { action, message: alert.prompt, english: english && !alert.prompt.startsWith(english) ? english : null };
}

/** Staff typing a Content Score into an Applications row (0-based data row of the sheet). */
function setContentScore(emulator: Emulator, sheetRow: number, score: number): void {
  const sheet = emulator.workbook().sheetByName(SHEET.applications)!;
  const header = sheet.values(0, 0, 1, sheet.lastColumn())[0].map(String);
  const col = header.indexOf('Content Score');
  if (col >= 0) sheet.setValue(sheetRow, col, score);
}
