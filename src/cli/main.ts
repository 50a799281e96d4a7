/**
 * The command line: `excursion-desk run …` and `excursion-desk demo`. Exit codes: 0 done,
 * 1 bad input (the message names the file, the row and the problem), 2 wrong usage, 3 a failure
 * of the program itself.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { InputError } from './csv';
import { describeDemo, runDemo } from './demo';
import { type Progress, runSeason } from './run';

const USAGE = `Usage:
  excursion-desk run --responses FILE.csv --excursions FILE.csv [--settings FILE.csv]
                     [--municipalities FILE.csv] [--out DIR] [--addon]
  excursion-desk demo [--out DIR] [--addon]

run   feeds a Google Forms responses export through the built add-on (build/Code.js) in the
      offline emulator and writes every sheet as DIR/<Sheet>.csv and every mail as DIR/outbox/*.eml.
demo  does the same on the bundled sample call (sample/).

--addon  runs the editor add-on build (build-addon/Code.js under appsscript.addon.json) installed
         in the spreadsheet, instead of the script bound to it (build/).`;

export function main(
  argv: string[],
  log: (s: string) => void = console.log,
  err: (s: string) => void = console.error,
): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    log(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command !== 'run' && command !== 'demo') {
    err(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  let values: {
    responses?: string;
    excursions?: string;
    settings?: string;
    municipalities?: string;
    out?: string;
    bundle?: string;
    addon?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        responses: { type: 'string' },
        excursions: { type: 'string' },
        settings: { type: 'string' },
        municipalities: { type: 'string' },
        out: { type: 'string' },
        bundle: { type: 'string' },
        addon: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (e) {
    err(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
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
      for (const line of describeDemo(summary, (sheet) => summary.emulator.sheetValues(sheet))) log(line);
      log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
      return 0;
    }
    if (!values.responses || !values.excursions) {
      err(`run needs --responses and --excursions.\n\n${USAGE}`);
      return 2;
    }
    const summary = runSeason(
      {
        responses: values.responses,
        excursions: values.excursions,
        settings: values.settings,
        municipalities: values.municipalities,
        out: values.out ?? 'out',
        bundleDir,
        deployment,
      },
      undefined,
      progress,
    );
    progress.done();
    log(`${summary.responses} responses submitted, ${summary.applications} applications taken in.`);
    if (summary.ignoredColumns.length > 0)
      log(`Columns that are no question of the form were left out: ${summary.ignoredColumns.join(', ')}`);
    log(`Wrote ${summary.sheets.length} sheets, report.html and ${summary.mails} mails to ${summary.out}:`);
    for (const s of summary.sheets) log(`  ${join(summary.out, `${s}.csv`)}`);
    log(`  ${join(summary.out, 'report.html')}`);
    log(`  ${join(summary.out, 'outbox')}/ (${summary.mails} .eml)`);
    return 0;
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
