/**
 * `npm run bench`. Two tables, figures for the README (no test asserts a time):
 * 1. Core time of scoring and allocation (src/core) for 212, 2,000 and 20,000 applications over the
 *    seven sample excursions: median of 5 runs after a warm-up.
 * 2. The built bundle in the emulator, beside the same actions done row by row (bench/baseline.ts):
 *    Spreadsheet calls and wall time of a submission, scoring, allocation and sending, and the
 *    workbook's size after them (cells against the 10,000,000 limit, the longest cell against 50,000).
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Emulator } from '../emulator/src';
import { type AllocApplicant, allocate } from '../src/core/allocation';
import { DEFAULT_CRITERIA, SAMPLE_EXCURSIONS } from '../src/core/sample';
import { scoreApplication } from '../src/core/scoring';
import { BUILD_DIR, fillApplications, queueReceivedNotices, setUpWorkspace, validAnswer } from '../test/e2e/harness';
import { allocateRowByRow, scoreRowByRow, sendRowByRow, submitRowByRow } from './baseline';

const SIZES = [212, 2000, 20000];
const criteria = DEFAULT_CRITERIA.map((c) => ({ name: c.criterion, weight: c.weight }));

function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(run: () => void, repeats: number): number {
  run(); // warm up
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return median(times);
}

function coreFigures(n: number) {
  const random = seeded(n);
  const ids = SAMPLE_EXCURSIONS.map((e) => e.id);
  const facts = Array.from({ length: n }, () => ({
    englishLevel: random() < 0.5 ? 'Fluent' : 'Good working knowledge',
    sharesKnowledge: random() < 0.8 ? 'Yes' : 'No',
    contentScore: Math.floor(random() * 11),
    population: Math.floor(300 + random() * 60000),
    solutions: Math.floor(random() * 12),
    firstTime: random() < 0.9,
    manualAdjustment: 0,
  }));
  let scores: number[] = [];
  const scoringMs = time(() => {
    scores = facts.map((f) => scoreApplication(f, criteria, 'en').score);
  }, 5);
  const applicants: AllocApplicant[] = facts.map((f, i) => ({
    id: `APP-${i}`,
    municipality: `M${i}`,
    score: scores[i],
    submittedAt: i * 1000,
    newcomer: f.firstTime,
    requested: 1 + Math.floor(random() * 3),
    preferences: [...ids].sort(() => random() - 0.5).slice(0, 2 + Math.floor(random() * 4)),
  }));
  const excursions = SAMPLE_EXCURSIONS.map((e) => ({
    id: e.id,
    places: e.places,
    maxPerMunicipality: e.maxPerMunicipality,
  }));
  const allocationMs = time(() => {
    allocate({ applicants, excursions, marks: [], maxExcursionsPerMunicipality: 2, prioritizeNewcomers: true });
  }, 5);
  return { scoringMs, allocationMs };
}

/** A workspace with n applications taken in and n received notices queued. */
function workspace(n: number): Emulator {
  const emulator = setUpWorkspace({ language: 'en', mailQuota: 10 * n + 1000 });
  fillApplications(emulator, n);
  queueReceivedNotices(emulator, n);
  return emulator;
}

/** Every Spreadsheet call, the reads and writes among them (isSheetsIo), and wall time. */
function measure(emulator: Emulator, run: () => void): { calls: number; io: number; ms: number } {
  const before = emulator.env.calls.total('Spreadsheet.');
  const ioBefore = emulator.env.calls.ioTotal();
  const t0 = performance.now();
  run();
  return {
    calls: emulator.env.calls.total('Spreadsheet.') - before,
    io: emulator.env.calls.ioTotal() - ioBefore,
    ms: performance.now() - t0,
  };
}

function emulatorFigures(n: number) {
  const ours = workspace(n);
  ours.submit(validAnswer({ Municipality: 'Bohinj' })); // the municipality cache warms up, as on any later submission
  const submission = measure(ours, () => ours.submit(validAnswer({ Municipality: 'Bled' })));
  const scoring = measure(ours, () => ours.run('scoreApplicants'));
  const allocation = measure(ours, () => ours.run('allocatePlaces'));
  const sending = measure(ours, () => ours.run('sendNotices'));
  const sent = ours.mailApp.outbox.length;
  const wb = ours.workbook();
  const cells = wb.sheets.reduce((s, sh) => s + sh.maxRows * sh.maxColumns, 0);
  let longest = 0;
  for (const sh of wb.sheets)
    for (const row of sh.cells)
      for (const c of row ?? []) if (c && typeof c.value === 'string') longest = Math.max(longest, c.value.length);

  const base = workspace(n);
  const ss = base.spreadsheetApp.wrap(base.workbook()) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  const rbSubmission = measure(base, () => submitRowByRow(ss, 'Bled'));
  const rbScoring = measure(base, () => scoreRowByRow(ss));
  const rbAllocation = measure(base, () => allocateRowByRow(ss));
  let rbSent = 0;
  const rbSending = measure(base, () => {
    rbSent = sendRowByRow(ss, base.mailApp as unknown as GoogleAppsScript.Mail.MailApp);
  });
  return {
    n,
    rows: [
      ['submission (one answer)', submission, rbSubmission, 1, 1],
      ['scoring', scoring, rbScoring, n, n],
      ['allocation', allocation, rbAllocation, n, n],
      ['sending', sending, rbSending, sent, rbSent],
    ] as const,
    cells,
    longest,
  };
}

const fmt = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 1 });

console.log('Core time (src/core), median of 5:\n');
console.log('| applications | scoring, ms | allocation, ms |');
console.log('| ---: | ---: | ---: |');
const core = SIZES.map((n) => ({ n, ...coreFigures(n) }));
for (const r of core) console.log(`| ${fmt(r.n)} | ${r.scoringMs.toFixed(1)} | ${r.allocationMs.toFixed(1)} |`);
const ratio = (core[2].scoringMs + core[2].allocationMs) / Math.max(core[0].scoringMs + core[0].allocationMs, 0.001);
const nlogn = (20000 * Math.log2(20000)) / (212 * Math.log2(212));
console.log(`\n20,000 vs 212: core time x${ratio.toFixed(1)} (n log n would be x${nlogn.toFixed(1)}).\n`);

console.log(
  'The built bundle in the emulator beside the row-by-row way (reads and writes, all Spreadsheet calls; wall ms):\n',
);
console.log(
  '| applications | action | reads and writes | row by row | all calls | row by row | ratio (all) | ms | row by row, ms |',
);
console.log('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
const sizes: { n: number; cells: number; longest: number }[] = [];
for (const n of SIZES) {
  const f = emulatorFigures(n);
  sizes.push({ n, cells: f.cells, longest: f.longest });
  for (const [name, ours, base, oursItems, baseItems] of f.rows) {
    // Sending compares per notice: the bundle also sends the allocation's notices, the baseline only its queue.
    const oursPer = ours.calls / Math.max(oursItems, 1);
    const basePer = base.calls / Math.max(baseItems, 1);
    const sending = name === 'sending';
    const label = sending ? `sending, per notice (${fmt(oursItems)} / ${fmt(baseItems)} notices)` : name;
    const [a, b] = sending ? [oursPer, basePer] : [ours.calls, base.calls];
    const [ioA, ioB] = sending
      ? [ours.io / Math.max(oursItems, 1), base.io / Math.max(baseItems, 1)]
      : [ours.io, base.io];
    console.log(
      `| ${fmt(n)} | ${label} | ${fmt(ioA)} | ${fmt(ioB)} | ${fmt(a)} | ${fmt(b)} | ×${fmt(b / Math.max(a, 1))} | ${fmt(ours.ms)} | ${fmt(base.ms)} |`,
    );
  }
}
console.log('\nWorkbook after the season (limits: 10,000,000 cells, 50,000 characters a cell):\n');
for (const s of sizes)
  console.log(`- ${fmt(s.n)} applications: ${fmt(s.cells)} cells; longest cell ${fmt(s.longest)} characters`);
console.log(`\nbuild/Code.js: ${fmt(statSync(join(BUILD_DIR, 'Code.js')).size / 1024)} KB; node ${process.version}`);
