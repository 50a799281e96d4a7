/**
 * `excursion-desk run`: the season offline. Loads build/Code.js into a fresh emulator through
 * gas-local, puts the staff's files in the sheets, runs Set up, submits every response to the
 * form so that the trigger fires, runs the menu actions, and writes every sheet as CSV and every
 * mail as .eml. Input is checked whole before anything runs; output goes to a temporary folder
 * that replaces DIR only when everything is written.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Emulator } from '../../emulator/src';
import { formModel } from '../../emulator/src/forms';
import type { CellValue } from '../../emulator/src/spreadsheet-model';
import type { DashboardData } from '../core/dashboard';
import {
  EXCURSION_HEADERS,
  EXCURSION_STATUS,
  MUNICIPALITY_HEADERS,
  QUESTION,
  SETTINGS_HEADERS,
  SHEET,
  TIMESTAMP_HEADERS,
} from '../core/vocabulary';
import { renderReport } from '../ui/dashboard-view';
import { type CsvTable, InputError, isoInZone, readCsv, sheetCsv } from './csv';
import { toEml } from './eml';
import { parseDay, parseTimestamp } from './timestamps';

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
  responses: string;
  excursions: string;
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
  sheets: string[];
  mails: number;
  logLines: string[];
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
  excursions: CellValue[][];
  openLabels: Set<string>;
  settings: CellValue[][] | null;
  municipalities: CellValue[][] | null;
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

function checkResponses(table: CsvTable, openLabels: Set<string>): CheckedInput['responses'] {
  const tsHeader = timestampHeader(table);
  for (const h of table.header) {
    if (h.startsWith(GRID_PREFIX) && h.endsWith(']')) {
      const label = h.slice(GRID_PREFIX.length, -1);
      if (!openLabels.has(label))
        throw new InputError(table.file, 1, `column "${h}" names no Open excursion of the excursions file`);
    }
  }
  return table.rows.map(({ row, values }) => {
    const timestamp = parseTimestamp(values[tsHeader] ?? '', TIME_ZONE);
    if (!timestamp)
      throw new InputError(
        table.file,
        row,
        `"${tsHeader}" "${values[tsHeader]}" is not a time like 2017/02/20 10:15:32 AM GMT+1, 20. 2. 2017 10:15:32 or 2017-02-20T10:15:32+01:00`,
      );
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

function checkSettings(table: CsvTable): CellValue[][] {
  const seen = new Set<string>();
  const rows: CellValue[][] = [[...SETTINGS_HEADERS]];
  for (const { row, values } of table.rows) {
    const key = values.Key.trim();
    if (key === '') throw new InputError(table.file, row, '"Key" is empty');
    if (seen.has(key)) throw new InputError(table.file, row, `"Key" ${key} appears twice`);
    seen.add(key);
    let value: CellValue = values.Value;
    if (key === 'applicationDeadline' && value.trim() !== '') {
      const d = parseDay(value, TIME_ZONE);
      if (!d) throw new InputError(table.file, row, `applicationDeadline "${value}" is not a date`);
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

/** Reads and checks every input file; throws InputError naming the file, row and problem. */
export function checkInput(input: RunInput): CheckedInput {
  const excursions = checkExcursions(readCsv(input.excursions, EXCURSION_HEADERS));
  const responsesTable = readCsv(input.responses, ['Municipality']);
  const responses = checkResponses(responsesTable, excursions.openLabels);
  const locale = EXPORT_LOCALE[timestampHeader(responsesTable)];
  const settings = input.settings ? checkSettings(readCsv(input.settings, SETTINGS_HEADERS.slice(0, 2))) : null;
  const municipalities = input.municipalities
    ? checkMunicipalities(readCsv(input.municipalities, MUNICIPALITY_HEADERS.slice(0, 4)))
    : null;
  return {
    locale,
    responses,
    excursions: excursions.rows,
    openLabels: excursions.openLabels,
    settings,
    municipalities,
  };
}

/** Writes a grid into a new sheet of the bound spreadsheet, as staff pasting it would. */
function paste(emulator: Emulator, name: string, rows: CellValue[][]): void {
  const sheet = emulator.workbook().insertSheet(name);
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
    renderReport(data, `Excursion Desk — ${isoInZone(new Date(data.generatedAt), ss.timeZone).slice(0, 10)}`),
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

/** Replaces `out` with what `fill` writes into a temporary sibling folder, or leaves it untouched. */
export function writeAtomically<T>(out: string, fill: (dir: string) => T): T {
  const target = resolve(out);
  mkdirSync(dirname(target), { recursive: true });
  const tmp = join(dirname(target), `.${basename(target)}.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    const result = fill(tmp);
    rmSync(target, { recursive: true, force: true });
    renameSync(tmp, target);
    return result;
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
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
export function runSeason(input: RunInput, extra?: ExtraSteps, progress: Progress = () => {}): RunSummary {
  const checked = checkInput(input);
  const bundleDir = resolve(input.bundleDir ?? 'build');
  if (!existsSync(join(bundleDir, 'Code.js'))) {
    throw new InputError(join(bundleDir, 'Code.js'), null, 'does not exist; run `npm run build` first');
  }
  const first = checked.responses.reduce<number | null>(
    (min, r) => (min === null || r.timestamp.getTime() < min ? r.timestamp.getTime() : min),
    null,
  );
  const emulator = new Emulator({
    start: new Date((first ?? Date.now()) - 3600 * 1000),
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
  paste(emulator, SHEET.excursions, checked.excursions);
  if (checked.settings) paste(emulator, SHEET.settings, checked.settings);
  if (checked.municipalities) paste(emulator, SHEET.municipalities, checked.municipalities);
  emulator.load();
  emulator.open();
  emulator.run('setupWorkspace');

  // Columns that are not a question of the form (an export may carry extra ones) are left out.
  const titles = new Set(formModel(emulator.env, emulator.linkedFormId()).items.map((i) => i.title));
  const ignored = new Set<string>();
  let applications = 0;
  for (const response of checked.responses) {
    const before = emulator.sheetValues(SHEET.applications)?.length ?? 0;
    const answers: typeof response.answers = {};
    for (const [title, value] of Object.entries(response.answers)) {
      if (titles.has(title)) answers[title] = value;
      else ignored.add(title);
    }
    emulator.env.clock.set(response.timestamp);
    emulator.submit(answers, { timestamp: response.timestamp, validate: false });
    progress('submissions', applications + 1, checked.responses.length);
    const after = emulator.sheetValues(SHEET.applications) ?? [];
    if (after.length > before) {
      applications++;
      if (response.contentScore !== null) setContentScore(emulator, after.length - 1, response.contentScore);
    }
  }
  // The menu actions, as staff would choose them (each confirmation answered Yes). Mail is not sent
  // anywhere: the emulator's outbox is written as .eml files.
  emulator.env.clock.advance(3600 * 1000);
  emulator.run('scoreApplicants');
  emulator.run('allocatePlaces');
  sendWithProgress(emulator, progress);
  extra?.(emulator, progress);
  const written = writeAtomically(input.out, (dir) => writeOutput(emulator, dir));
  return {
    emulator,
    ignoredColumns: [...ignored],
    out: resolve(input.out),
    responses: checked.responses.length,
    applications,
    sheets: written.sheets,
    mails: written.mails,
    logLines: (emulator.sheetValues(SHEET.log) ?? []).slice(1).map((r) => `${r[2]}: ${r[3]}`),
  };
}

/** Staff typing a Content Score into an Applications row (0-based data row of the sheet). */
function setContentScore(emulator: Emulator, sheetRow: number, score: number): void {
  const sheet = emulator.workbook().sheetByName(SHEET.applications)!;
  const header = sheet.values(0, 0, 1, sheet.lastColumn())[0].map(String);
  const col = header.indexOf('Content Score');
  if (col >= 0) sheet.setValue(sheetRow, col, score);
}
