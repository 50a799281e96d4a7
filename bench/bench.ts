/**
 * `npm run bench`: core time of scoring and allocation for 212, 2,000 and 20,000 applications over
 * the seven sample excursions, and the Spreadsheet calls of both actions in the emulator (the
 * built bundle, as it runs on Apps Script). Figures go in the README; no test asserts a time.
 */
import { performance } from 'node:perf_hooks';
import { type AllocApplicant, allocate } from '../src/core/allocation';
import { DEFAULT_CRITERIA, SAMPLE_EXCURSIONS } from '../src/core/sample';
import { scoreApplication } from '../src/core/scoring';
import { fillApplications, setUpWorkspace } from '../test/e2e/harness';

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

function emulatorCalls(n: number) {
  const emulator = setUpWorkspace({ language: 'en' });
  fillApplications(emulator, n);
  const calls = emulator.env.calls;
  const a = calls.total('Spreadsheet.');
  emulator.run('scoreApplicants');
  const b = calls.total('Spreadsheet.');
  emulator.run('allocatePlaces');
  const c = calls.total('Spreadsheet.');
  return { scoring: b - a, allocation: c - b };
}

const rows = SIZES.map((n) => ({ n, ...coreFigures(n), calls: emulatorCalls(n) }));
console.log(
  '| applications | scoring, core ms | allocation, core ms | Spreadsheet calls: score | Spreadsheet calls: allocate |',
);
console.log('| ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  console.log(
    `| ${r.n.toLocaleString('en-US')} | ${r.scoringMs.toFixed(1)} | ${r.allocationMs.toFixed(1)} | ${r.calls.scoring} | ${r.calls.allocation} |`,
  );
}
const [small, , large] = rows;
const ratio = (large.scoringMs + large.allocationMs) / Math.max(small.scoringMs + small.allocationMs, 0.001);
const nlogn = (20000 * Math.log2(20000)) / (212 * Math.log2(212));
console.log(
  `\n20,000 vs 212: core time x${ratio.toFixed(1)} (n log n would be x${nlogn.toFixed(1)}); node ${process.version}`,
);
