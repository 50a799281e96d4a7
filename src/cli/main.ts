/**
 * The command line: `excursion-desk run …` and `excursion-desk demo`. Exit codes: 0 every step
 * ran, 1 bad input (the message names the file, the row and the problem), 2 wrong usage, 3 a
 * failure of the program itself, 4 a step of the season stopped (the message is the one staff
 * would have seen; the output is written so that its Log can be read).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SHEET } from '../core/vocabulary';
import { InputError } from './csv';
import { describeDemo, runDemo } from './demo';
import { type Progress, type RunSummary, runSeason, stepName } from './run';

const RUN_USAGE = `Usage: excursion-desk run --responses FILE.csv --excursions FILE.csv [--settings FILE.csv]
                          [--municipalities FILE.csv] [--replies FILE.csv] [--out DIR] [--addon]
       excursion-desk run --from DIR [--responses FILE.csv] [--replies FILE.csv] [--at DATETIME]
                          [--excursions FILE.csv] [--settings FILE.csv] [--out DIR] [--addon]

Feeds a Google Forms responses export through the built add-on (build/Code.js) in the offline
emulator: Set up, every answer submitted to the form, Score applicants, Allocate places, Send
notices (into DIR/outbox, nothing leaves the machine). With --from it continues a season from an
earlier run's output: the sheets as you edited them (Response, Locked, Content Score, Status, …),
then the new answers and replies, lapses and reminders due by the clock, scoring, allocation, and
only the notices about what changed.

  --responses FILE.csv       the application form's responses, as Forms downloads them
                             (Responses, then Download responses (.csv)); required without --from;
                             with --from it may be the whole export again (answers taken in
                             before are skipped)
  --excursions FILE.csv      the Excursions sheet: Excursion ID, City, Label, Start Date,
                             End Date, Places, Max Per Municipality, Themes, Status; required
                             without --from (with it, the earlier Excursions stand unless given)
  --settings FILE.csv        Key,Value rows for the Settings sheet (unknown keys are refused)
  --municipalities FILE.csv  Name,Population,Region,Urban[,Aliases]: replaces the bundled list
  --replies FILE.csv         the reply form's responses (Reply code, Your answer, Delegates,
                             Message), fed before the allocation so the places freed are offered
  --from DIR                 continue from an earlier run's output (DIR may also be the --out)
  --at DATETIME              the run's clock, ISO 8601 (2017-03-10T09:00 or 2017-03-10), for
                             reply deadlines and reminders; default: the last answer or reply
  --out DIR                  where to write (default: out); a folder of other files is refused
  --addon                    run the editor add-on build (build-addon/) instead of the bound script
  -h, --help                 show this help

Writes DIR/<Sheet>.csv for every sheet, DIR/report.html and DIR/outbox/*.eml.
Exit status: 0 every step ran, 1 bad input, 2 wrong usage, 3 program failure, 4 a step stopped.`;

const DEMO_USAGE = `Usage: excursion-desk demo [--out DIR] [--addon]

Runs one whole season of the sample call (sample/) offline: set-up, every answer, scoring,
allocation, a round of replies, re-allocation and notices. Writes DIR (default: out).

  --out DIR   where to write (default: out); a folder of other files is refused
  --addon     run the editor add-on build (build-addon/) instead of the bound script
  -h, --help  show this help`;

const USAGE = `Usage: excursion-desk <command> [options]

Commands:
  run    run a season on your own files (a Forms responses export and an Excursions CSV)
  demo   run one whole season of the bundled sample call

Options:
  -h, --help     show help (also: excursion-desk <command> --help)
  -v, --version  show the version

Every sheet is written as DIR/<Sheet>.csv, every mail as DIR/outbox/*.eml, the dashboard as
DIR/report.html.`;

function version(): string {
  const pkg = JSON.parse(readFileSync(resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  return `excursion-desk ${pkg.version}`;
}

export function main(
  argv: string[],
  log: (s: string) => void = console.log,
  err: (s: string) => void = console.error,
): number {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    log(USAGE);
    return 0;
  }
  if (command === '--version' || command === '-v') {
    log(version());
    return 0;
  }
  if (command === undefined) {
    err(USAGE);
    return 2;
  }
  if (command !== 'run' && command !== 'demo') {
    err(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  const usage = command === 'run' ? RUN_USAGE : DEMO_USAGE;
  let values: {
    responses?: string;
    excursions?: string;
    settings?: string;
    municipalities?: string;
    replies?: string;
    from?: string;
    at?: string;
    out?: string;
    bundle?: string;
    addon?: boolean;
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        ...(command === 'run'
          ? {
              responses: { type: 'string' },
              excursions: { type: 'string' },
              settings: { type: 'string' },
              municipalities: { type: 'string' },
              replies: { type: 'string' },
              from: { type: 'string' },
              at: { type: 'string' },
            }
          : {}),
        out: { type: 'string' },
        bundle: { type: 'string' },
        addon: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }) as { values: typeof values });
  } catch (e) {
    err(`${(e as Error).message}\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    log(usage);
    return 0;
  }
  const root = resolve(__dirname, '..', '..');
  // The add-on build is written beside the bound one: build/ and build-addon/.
  const boundDir = values.bundle ?? join(root, 'build');
  const deployment = values.addon ? 'addon' : 'bound';
  const bundleDir = values.addon ? `${boundDir}-addon` : boundDir;
  const progress = progressBar(process.stderr);
  try {
    if (command === 'demo') {
      const started = Date.now();
      const summary = runDemo({ out: values.out ?? 'out', bundleDir, deployment, progress, say: log });
      progress.done();
      if (summary.stopped.length > 0) return reportStops(summary, err);
      for (const line of describeDemo(summary, (sheet) => summary.emulator.sheetValues(sheet))) log(line);
      log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
      return 0;
    }
    if (!values.from && (!values.responses || !values.excursions)) {
      err(`run needs --responses and --excursions (or --from an earlier output).\n\n${usage}`);
      return 2;
    }
    const summary = runSeason(
      {
        responses: values.responses,
        excursions: values.excursions,
        settings: values.settings,
        municipalities: values.municipalities,
        replies: values.replies,
        from: values.from,
        at: values.at,
        out: values.out ?? 'out',
        bundleDir,
        deployment,
      },
      undefined,
      progress,
    );
    progress.done();
    for (const line of describeRun(summary)) log(line);
    return summary.stopped.length > 0 ? reportStops(summary, err) : 0;
  } catch (e) {
    progress.done();
    if (e instanceof InputError) {
      err(`Bad input: ${e.message}`);
      err('Nothing was written.');
      return 1;
    }
    err(`excursion-desk failed: ${(e as Error).stack ?? String(e)}`);
    return 3;
  }
}

/** Each stopped step as staff were told (and in English after it, when that differs); exit 4. */
function reportStops(summary: RunSummary, err: (s: string) => void): number {
  for (const stop of summary.stopped) {
    err(`${stepName(stop.action)} stopped: ${stop.message}`);
    if (stop.english) err(`  (in English: ${stop.english})`);
  }
  err(`Not every step ran. The sheets as they stand are in ${summary.out}; Log.csv there has the details.`);
  return 4;
}

/** How many rows of `sheet` hold each value of `column`, as "Received 40, Late 2". */
function tally(summary: RunSummary, sheet: string, column: string, where?: (r: Record<string, unknown>) => boolean) {
  const rows = summary.emulator.sheetValues(sheet) ?? [];
  const header = (rows[0] ?? []).map(String);
  const counts = new Map<string, number>();
  for (const r of rows.slice(1)) {
    const record = Object.fromEntries(header.map((h, i) => [h, r[i]]));
    if (where && !where(record)) continue;
    const v = String(record[column] ?? '');
    if (v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts.entries()].map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
}

/** The run's closing words: what came out, and where. */
export function describeRun(summary: RunSummary): string[] {
  const notices = summary.emulator.sheetValues(SHEET.notices) ?? [];
  const h = (notices[0] ?? []).map(String);
  const skipped = notices
    .slice(1)
    .filter((r) => r[h.indexOf('Status')] === 'Skipped')
    .map(
      (r) =>
        `  skipped: ${r[h.indexOf('Type')]} to ${r[h.indexOf('To')] || '(no address)'}: ${r[h.indexOf('Error')] || 'no reason given'}`,
    );
  const lines = [
    `${summary.responses} responses submitted, ${summary.applications} applications taken in${summary.replies > 0 ? `; ${summary.replies} replies submitted` : ''}${summary.alreadyTakenIn > 0 ? `; ${summary.alreadyTakenIn} answers and replies taken in by the earlier run, skipped` : ''}.`,
    `Applications: ${tally(summary, SHEET.applications, 'Status')}.`,
    `Decisions: ${tally(summary, SHEET.allocations, 'Decision')}.`,
    `Notices sent: ${tally(summary, SHEET.notices, 'Type', (r) => r.Status === 'Sent')}; skipped ${skipped.length}.`,
    ...skipped,
  ];
  if (summary.ignoredColumns.length > 0)
    lines.push(`Columns that are no question of the form were left out: ${summary.ignoredColumns.join(', ')}`);
  lines.push(`Wrote ${summary.sheets.length} sheets, report.html and ${summary.mails} mails to ${summary.out}:`);
  for (const s of summary.sheets) lines.push(`  ${join(summary.out, `${s}.csv`)}`);
  lines.push(`  ${join(summary.out, 'report.html')}`);
  lines.push(`  ${join(summary.out, 'outbox')}/ (${summary.mails} .eml)`);
  return lines;
}

/** A one-line progress bar on a terminal; silent when the output is a file or a pipe. */
export function progressBar(stream: NodeJS.WriteStream): Progress & { done(): void } {
  let shown = false;
  const update = ((stage: string, done: number, total: number) => {
    if (!stream.isTTY) return;
    const width = 30;
    const filled = total > 0 ? Math.round((done / total) * width) : width;
    stream.write(`\r${stage.padEnd(12)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}  `);
    shown = true;
  }) as Progress & { done(): void };
  update.done = () => {
    if (shown) stream.write('\n');
    shown = false;
  };
  return update;
}
