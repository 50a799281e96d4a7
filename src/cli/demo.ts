/**
 * `npm run demo`: one whole season of the sample call, offline, on the built bundle. Set-up, every
 * answer submitted to the form, content scores given, scoring, allocation, notices; a week later a
 * round of responses (most accepted municipalities confirm, a few decline), re-allocation, and the
 * notices that changed. Writes out/ and says what happened and where to look.
 */
import { join, resolve } from 'node:path';
import type { Emulator } from '../../emulator/src';
import { type ALLOCATION_HEADERS, SHEET } from '../core/vocabulary';
import { type Progress, type RunSummary, runSeason, sendWithProgress } from './run';

const DAY = 24 * 3600 * 1000;

/** Staff record the municipalities' answers: every fifth accepted one declines, the others confirm. */
export function recordResponses(emulator: Emulator): { confirmed: number; declined: number } {
  const sheet = emulator.workbook().sheetByName(SHEET.allocations)!;
  const rows = sheet.dataValues();
  const h = rows[0].map(String);
  const col = (name: (typeof ALLOCATION_HEADERS)[number]) => h.indexOf(name);
  let accepted = 0;
  let confirmed = 0;
  let declined = 0;
  rows.slice(1).forEach((r, i) => {
    if (r[col('Decision')] !== 'Accepted') return;
    accepted++;
    const answer = accepted % 5 === 0 ? 'Declined' : 'Confirmed';
    sheet.setValue(i + 1, col('Response'), answer);
    if (answer === 'Declined') declined++;
    else confirmed++;
  });
  return { confirmed, declined };
}

function count(rows: unknown[][] | null, header: string): Map<string, number> {
  const out = new Map<string, number>();
  if (!rows || rows.length === 0) return out;
  const at = rows[0].indexOf(header);
  for (const r of rows.slice(1)) out.set(String(r[at]), (out.get(String(r[at])) ?? 0) + 1);
  return out;
}

const list = (m: Map<string, number>) =>
  [...m.entries()]
    .filter(([k]) => k !== '')
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');

/** Plays the season into `out`; `say` prints what it did. */
export function runDemo(options: {
  out: string;
  bundleDir: string;
  deployment?: 'bound' | 'addon';
  progress: Progress;
  say: (s: string) => void;
}): RunSummary {
  const root = resolve(__dirname, '..', '..');
  let responses = { confirmed: 0, declined: 0 };
  let firstRound = new Map<string, number>();
  const summary = runSeason(
    {
      responses: join(root, 'sample/responses.csv'),
      excursions: join(root, 'sample/excursions.csv'),
      settings: join(root, 'sample/settings.csv'),
      out: options.out,
      bundleDir: options.bundleDir,
      deployment: options.deployment,
    },
    (emulator, progress) => {
      firstRound = count(emulator.sheetValues(SHEET.allocations), 'Decision');
      emulator.env.clock.advance(7 * DAY);
      responses = recordResponses(emulator);
      emulator.env.clock.advance(DAY);
      emulator.run('allocatePlaces');
      sendWithProgress(emulator, progress);
    },
    options.progress,
  );
  return Object.assign(summary, { demo: { responses, firstRound } });
}

/** The demo's closing words: what happened and where to look. */
export function describeDemo(
  summary: RunSummary & {
    demo?: { responses: { confirmed: number; declined: number }; firstRound: Map<string, number> };
  },
  read: (sheet: string) => unknown[][] | null,
): string[] {
  const apps = read(SHEET.applications);
  const notices = read(SHEET.notices);
  const sent = new Map<string, number>();
  if (notices && notices.length > 0) {
    const h = notices[0];
    for (const r of notices.slice(1))
      if (r[h.indexOf('Status')] === 'Sent')
        sent.set(String(r[h.indexOf('Type')]), (sent.get(String(r[h.indexOf('Type')])) ?? 0) + 1);
  }
  const d = summary.demo;
  return [
    'Excursion Desk demo: one season of the SOS GrowSmarter call (sample data), run offline on build/Code.js.',
    `  Set up: the sheets, the form, the form-submit trigger and 12 notice templates.`,
    `  ${summary.responses} answers submitted to the form; taken in as ${list(count(apps, 'Status'))}.`,
    d ? `  Scored and allocated: ${list(d.firstRound)}.` : '',
    d
      ? `  A week later: ${d.responses.confirmed} places confirmed, ${d.responses.declined} declined; re-allocated: ${list(count(read(SHEET.allocations), 'Decision'))}.`
      : '',
    `  Notices sent: ${list(sent)} (${summary.mails} mails in the outbox).`,
    '',
    `Look at ${join(summary.out, 'report.html')} (the dashboard), and in ${summary.out}/:`,
    '  Applications.csv, Allocations.csv, Notices.csv, Log.csv, every other sheet as CSV, outbox/*.eml.',
  ].filter((line) => line !== '');
}
