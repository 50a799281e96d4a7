/**
 * The command line: `excursion-desk run …` and `excursion-desk demo`. Exit codes: 0 done,
 * 1 bad input (the message names the file, the row and the problem), 2 wrong usage, 3 a failure
 * of the program itself.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { InputError } from './csv';
import { runSeason } from './run';

const USAGE = `Usage:
  excursion-desk run --responses FILE.csv --excursions FILE.csv [--settings FILE.csv]
                     [--municipalities FILE.csv] [--out DIR]
  excursion-desk demo [--out DIR]

run   feeds a Google Forms responses export through the built add-on (build/Code.js) in the
      offline emulator and writes every sheet as DIR/<Sheet>.csv and every mail as DIR/outbox/*.eml.
demo  does the same on the bundled sample call (sample/).`;

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
  let values: Record<string, string | undefined>;
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
      },
      strict: true,
    }));
  } catch (e) {
    err(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const root = resolve(__dirname, '..', '..');
  const input =
    command === 'demo'
      ? {
          responses: join(root, 'sample/responses.csv'),
          excursions: join(root, 'sample/excursions.csv'),
          settings: join(root, 'sample/settings.csv'),
          out: values.out ?? 'out',
          bundleDir: values.bundle ?? join(root, 'build'),
        }
      : {
          responses: values.responses ?? '',
          excursions: values.excursions ?? '',
          settings: values.settings,
          municipalities: values.municipalities,
          out: values.out ?? 'out',
          bundleDir: values.bundle,
        };
  if (!input.responses || !input.excursions) {
    err(`run needs --responses and --excursions.\n\n${USAGE}`);
    return 2;
  }
  try {
    const summary = runSeason(input);
    log(`${summary.responses} responses submitted, ${summary.applications} applications taken in.`);
    if (summary.ignoredColumns.length > 0)
      log(`Columns that are no question of the form were left out: ${summary.ignoredColumns.join(', ')}`);
    log(`Wrote ${summary.sheets.length} sheets and ${summary.mails} mails to ${summary.out}:`);
    for (const s of summary.sheets) log(`  ${join(summary.out, `${s}.csv`)}`);
    log(`  ${join(summary.out, 'outbox')}/ (${summary.mails} .eml)`);
    return 0;
  } catch (e) {
    if (e instanceof InputError) {
      err(`Bad input: ${e.message}`);
      err('Nothing was written.');
      return 1;
    }
    err(`excursion-desk failed: ${(e as Error).stack ?? String(e)}`);
    return 3;
  }
}
