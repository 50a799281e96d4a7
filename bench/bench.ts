/**
 * `npm run bench`. Figures for the README (no test asserts a time):
 * 1. Core time of scoring and allocation (src/core) for 212, 2,000 and 20,000 applications over the
 *    seven sample excursions: median of 5 runs after a warm-up.
 * 2. The built bundle in the emulator, beside the same actions done row by row (bench/baseline.ts):
 *    the estimated seconds on real Apps Script of each action (the emulator's cost model,
 *    emulator/src/cost.ts, with the virtual clock moved by it) and its Spreadsheet calls.
 * 3. Sending: the estimated cost per notice, notices per execution, and the executions and days a
 *    queue takes under a daily quota of 100 and of 1,500.
 * 4. The targets of issue 16, each met or not, and the workbook's size after the season.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { COSTS, costOf, type Emulator, RUN_OPEN_SECONDS } from '../emulator/src';
import { type AllocApplicant, allocate } from '../src/core/allocation';
import { DEFAULT_CRITERIA, SAMPLE_EXCURSIONS } from '../src/core/sample';
import { scoreApplication } from '../src/core/scoring';
import { TIME_BUDGET_MS } from '../src/workspace/sending';
import {
  BUILD_DIR,
  fillApplications,
  queueReceivedNotices,
  records,
  registerNumberedMunicipalities,
  setSetting,
  setUpWorkspace,
  validAnswer,
} from '../test/e2e/harness';
import { allocateRowByRow, previewRowByRow, scoreRowByRow, sendRowByRow, submitRowByRow } from './baseline';

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
    allocate({ applicants, excursions, prior: [], maxExcursionsPerMunicipality: 2, prioritizeNewcomers: true });
  }, 5);
  return { scoringMs, allocationMs };
}

/**
 * A workspace with n applications taken in and n received notices queued; the clock moves by the
 * cost model. `pdf` false: the letters go without the application PDF (setting attachApplicationPdf).
 */
function workspace(n: number, mailQuota = 10 * n + 1000, pdf = true): Emulator {
  const emulator = setUpWorkspace({ language: 'en', mailQuota, costClock: true });
  fillApplications(emulator, n);
  queueReceivedNotices(emulator, n);
  if (!pdf) setSetting(emulator, 'attachApplicationPdf', false);
  emulator.ui.reset();
  return emulator;
}

interface Estimate {
  /** Estimated Apps Script seconds (every execution the act ran, each with its opening). */
  seconds: number;
  /** Spreadsheet calls. */
  calls: number;
  executions: number;
}

/** The executions `act` runs (a menu click, a submission's trigger), summed from the emulator's reports. */
function estimate(emulator: Emulator, act: () => void): Estimate {
  const first = emulator.executionLog.length;
  act();
  const runs = emulator.executionLog.slice(first);
  return {
    seconds: runs.reduce((s, r) => s + r.seconds, 0),
    calls: runs.reduce(
      (s, r) => s + Object.entries(r.calls).reduce((t, [m, k]) => t + (m.startsWith('Spreadsheet.') ? k : 0), 0),
      0,
    ),
    executions: runs.length,
  };
}

/** The same for the row-by-row functions, which run outside an execution: they are charged one opening. */
function estimateBaseline(emulator: Emulator, act: () => void): Estimate {
  const seconds = emulator.env.calls.seconds();
  const calls = emulator.env.calls.total('Spreadsheet.');
  act();
  return {
    seconds: emulator.env.calls.seconds() - seconds + RUN_OPEN_SECONDS,
    calls: emulator.env.calls.total('Spreadsheet.') - calls,
    executions: 1,
  };
}

function templateId(emulator: Emulator): string {
  const row = records(emulator, 'Settings').find((r) => r.Key === 'template.received.en');
  return String(row?.Value ?? '');
}

function emulatorFigures(n: number) {
  const ours = workspace(n);
  ours.submit(validAnswer({ Municipality: 'Bohinj' })); // the municipality cache warms up, as on any later submission
  const submission = estimate(ours, () => ours.submit(validAnswer({ Municipality: 'Bled' })));
  const scoring = estimate(ours, () => ours.run('scoreApplicants'));
  // Only municipalities of the register take part (issue 12); registered after the submissions were measured.
  registerNumberedMunicipalities(ours, n);
  const allocation = estimate(ours, () => ours.run('allocatePlaces'));
  const preview = estimate(ours, () => ours.run('previewNotices'));
  const dashboard = estimate(ours, () => ours.run('getDashboardData'));
  const refresh = estimate(ours, () => ours.run('refreshForm'));
  const setup = estimate(ours, () => ours.run('setupWorkspace'));
  const outbox = ours.mailApp.outbox.length;
  const sending = estimate(ours, () => ours.run('sendNotices'));
  const sent = ours.mailApp.outbox.length - outbox;
  // The same run for letters without an attachment: what sending itself costs above each mail.
  const plain = workspace(n, undefined, false);
  const plainOutbox = plain.mailApp.outbox.length;
  const plainSending = estimate(plain, () => plain.run('sendNotices'));
  const plainSent = plain.mailApp.outbox.length - plainOutbox;
  const wb = ours.workbook();
  const cells = wb.sheets.reduce((s, sh) => s + sh.maxRows * sh.maxColumns, 0);
  let longest = 0;
  for (const sh of wb.sheets)
    for (const row of sh.cells)
      for (const c of row ?? []) if (c && typeof c.value === 'string') longest = Math.max(longest, c.value.length);

  const base = workspace(n);
  const ss = base.spreadsheetApp.wrap(base.workbook()) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  const docs = base.documentApp as unknown as GoogleAppsScript.Document.DocumentApp;
  const id = templateId(base);
  const rbSubmission = estimateBaseline(base, () => submitRowByRow(ss, 'Bled'));
  const rbScoring = estimateBaseline(base, () => scoreRowByRow(ss));
  const rbAllocation = estimateBaseline(base, () => allocateRowByRow(ss));
  const rbPreview = estimateBaseline(base, () => previewRowByRow(ss, docs, id));
  // The row-by-row sending of 100 notices (it has no time budget: per notice is what compares).
  const limited = workspace(Math.min(n, 100));
  const lss = limited.spreadsheetApp.wrap(limited.workbook()) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  let rbSent = 0;
  const rbSending = estimateBaseline(limited, () => {
    rbSent = sendRowByRow(lss, limited.mailApp as unknown as GoogleAppsScript.Mail.MailApp);
  });
  return {
    n,
    rows: [
      ['submission (one answer, its confirmation sent)', submission, rbSubmission],
      ['scoring', scoring, rbScoring],
      ['allocation', allocation, rbAllocation],
      ['preview (three notices)', preview, rbPreview],
      ['dashboard (its figures)', dashboard, null],
      ['refresh form', refresh, null],
      ['Set up again', setup, null],
    ] as const,
    sending: { ...sending, sent },
    plainSending: { ...plainSending, sent: plainSent },
    rbSending: { ...rbSending, sent: rbSent },
    cells,
    longest,
  };
}

const fmt = (x: number, digits = 1) => x.toLocaleString('en-US', { maximumFractionDigits: digits });
const s2 = (x: number) => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

console.log('Core time (src/core), median of 5:\n');
console.log('| applications | scoring, ms | allocation, ms |');
console.log('| ---: | ---: | ---: |');
const core = SIZES.map((n) => ({ n, ...coreFigures(n) }));
for (const r of core) console.log(`| ${fmt(r.n)} | ${r.scoringMs.toFixed(1)} | ${r.allocationMs.toFixed(1)} |`);
const ratio = (core[2].scoringMs + core[2].allocationMs) / Math.max(core[0].scoringMs + core[0].allocationMs, 0.001);
const nlogn = (20000 * Math.log2(20000)) / (212 * Math.log2(212));
console.log(`\n20,000 vs 212: core time x${ratio.toFixed(1)} (n log n would be x${nlogn.toFixed(1)}).\n`);

console.log(
  'Estimated seconds on Apps Script (emulator/src/cost.ts), the built bundle beside the row-by-row way, and Spreadsheet calls:\n',
);
console.log('| applications | action | estimated s | row by row, s | Spreadsheet calls | row by row |');
console.log('| ---: | --- | ---: | ---: | ---: | ---: |');
const all: ReturnType<typeof emulatorFigures>[] = [];
const wall0 = performance.now();
for (const n of SIZES) {
  const f = emulatorFigures(n);
  all.push(f);
  for (const [name, ours, base] of f.rows) {
    console.log(
      `| ${fmt(n)} | ${name} | ${s2(ours.seconds)} | ${base ? s2(base.seconds) : '—'} | ${fmt(ours.calls)} | ${base ? fmt(base.calls) : '—'} |`,
    );
  }
}

const MAIL = COSTS['Mail.MailApp.sendEmail'].perCall;
const PDF = COSTS['Base.Blob.getAs'].perCall;
const LIMIT_S = 6 * 60;
console.log('\nSending (one Send notices run; the bundle stops at its time budget and a trigger carries on):\n');
console.log(
  '| applications | letters | notices sent by one run | run, estimated s | per notice, s | above sendEmail, s | row by row, per notice, s |',
);
console.log('| ---: | --- | ---: | ---: | ---: | ---: | ---: |');
for (const f of all) {
  const rbPer = f.rbSending.seconds / Math.max(f.rbSending.sent, 1);
  for (const [what, run, rb] of [
    ['without attachment', f.plainSending, s2(rbPer)],
    ['with the application PDF', f.sending, '—'],
  ] as const) {
    const per = run.seconds / Math.max(run.sent, 1);
    console.log(
      `| ${fmt(f.n)} | ${what} | ${fmt(run.sent)} | ${s2(run.seconds)} | ${s2(per)} | ${s2(per - MAIL)} | ${rb} |`,
    );
  }
}

// A day's quota: how many runs it takes, measured (one run per quota-sized queue), against the
// fewest the 6-minute limit allows at the measured cost per notice.
console.log('\nA queue of N notices under a daily quota (measured runs at 2,000 applications; each run ≤ 6 min):\n');
console.log(
  '| letters | daily quota | notices per run | runs per day | fewest the 6-minute limit allows | N | runs | days |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
const quotaRows: { pdf: boolean; quota: number; perRun: number; runsPerDay: number; fewest: number }[] = [];
for (const pdf of [false, true]) {
  for (const quota of [100, 1500]) {
    const e = workspace(2000, quota, pdf);
    setSetting(e, 'quotaReserve', 0);
    const perRunSent: number[] = [];
    const perRunSeconds: number[] = [];
    // Staff press Send notices; the resume trigger carries on a minute after each run, until the day's quota is spent.
    for (let run = 0; run < 20; run++) {
      const before = e.mailApp.outbox.length;
      const r = estimate(e, () =>
        run === 0 ? e.run('sendNotices') : e.run('runScheduledWork', {}, { trigger: true }),
      );
      if (e.mailApp.outbox.length === before) break;
      perRunSent.push(e.mailApp.outbox.length - before);
      perRunSeconds.push(r.seconds);
      e.env.clock.advance(61 * 1000);
    }
    const runsPerDay = perRunSent.length;
    const perRun = Math.max(...perRunSent);
    const perNotice =
      perRunSeconds.reduce((a, b) => a + b, 0) /
      Math.max(
        perRunSent.reduce((a, b) => a + b, 0),
        1,
      );
    const fewest = Math.ceil((quota * perNotice) / LIMIT_S);
    quotaRows.push({ pdf, quota, perRun, runsPerDay, fewest });
    for (const n of SIZES) {
      const days = Math.ceil(n / quota);
      const full = Math.floor(n / quota);
      const rest = n - full * quota;
      const runs = full * runsPerDay + (rest > 0 ? Math.ceil(rest / perRun) : 0);
      console.log(
        `| ${pdf ? 'with the application PDF' : 'without attachment'} | ${fmt(quota)} | ${fmt(perRun)} | ${runsPerDay} | ${fewest} | ${fmt(n)} | ${fmt(runs)} | ${fmt(days)} |`,
      );
    }
  }
}

// The design before issue 16 (still the path of an add-on's hourly run, which has
// no document properties): per notice its row's range, Sending written, a flush, the mail, Sent written.
const flushPerNotice =
  MAIL +
  costOf('Spreadsheet.Sheet.getRange') +
  2 * costOf('Spreadsheet.Range.setValues', 4) +
  costOf('Spreadsheet.SpreadsheetApp.flush');
console.log(
  `\nA flush per notice (an add-on's hourly run, which has no document properties): ${s2(flushPerNotice)} s per notice by the model, ${s2(flushPerNotice - MAIL)} s above sendEmail; ${fmt(Math.floor(TIME_BUDGET_MS / 1000 / flushPerNotice))} notices at most in one run's budget.`,
);

console.log('\nTargets of issue 16 (estimates at 2,000 applications):\n');
const at2000 = all[1];
const check = (ok: boolean, text: string) => console.log(`- ${ok ? 'met' : 'NOT met'}: ${text}`);
for (const [name, ours] of at2000.rows) check(ours.seconds < 30, `${name} under 30 s (${s2(ours.seconds)} s)`);
const submission = at2000.rows[0][1];
check(submission.seconds < 5, `a submission under 5 s (${s2(submission.seconds)} s)`);
const plainPer = at2000.plainSending.seconds / Math.max(at2000.plainSending.sent, 1);
check(
  plainPer - MAIL <= 0.15,
  `sending at most 0.15 s per notice above MailApp.sendEmail's ${s2(MAIL)} s (${s2(plainPer - MAIL)} s; the run itself is bounded by its ${fmt(TIME_BUDGET_MS / 60000, 2)}-minute budget, not 30 s)`,
);
const pdfPer = at2000.sending.seconds / Math.max(at2000.sending.sent, 1);
console.log(
  `  - with the application PDF on each letter (a received notice, attachApplicationPdf TRUE): ${s2(pdfPer - MAIL)} s above sendEmail, of which ${s2(PDF)} s is making the PDF (Blob.getAs, the model's estimate), so ${s2(pdfPer - MAIL - PDF)} s is sending's own`,
);
for (const q of quotaRows)
  check(
    q.runsPerDay <= q.fewest,
    `a day's quota of ${fmt(q.quota)} ${q.pdf ? 'with the application PDF' : 'without attachment'} in ${q.runsPerDay} run(s); the 6-minute limit allows no fewer than ${q.fewest}`,
  );

console.log('\nWorkbook after the season (limits: 10,000,000 cells, 50,000 characters a cell):\n');
for (const f of all)
  console.log(`- ${fmt(f.n)} applications: ${fmt(f.cells)} cells; longest cell ${fmt(f.longest)} characters`);
console.log(
  `\nbuild/Code.js: ${fmt(statSync(join(BUILD_DIR, 'Code.js')).size / 1024)} KB; node ${process.version}; emulator wall time ${fmt((performance.now() - wall0) / 1000)} s`,
);
