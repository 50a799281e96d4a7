/**
 * Whole random seasons through the allocation core (issue 12, item 1): several rounds of replies,
 * lapses, staff locks, score changes and late applications, re-allocated after each, with SPEC 6
 * properties 1–9 checked after every round (test/core/season-model.ts quotes each).
 *
 * A failure names its seed; `SEASON_SEED=<seed> npx jest test/core/seasons.test.ts` replays that one
 * season alone and prints every violation of it.
 */
import {
  type AllocApplicant,
  type AllocationInput,
  type AllocationResult,
  type AllocExcursion,
  allocate,
  type PriorRow,
} from '../../src/core/allocation';
import {
  checkAllocation,
  FULL_SEASONS,
  lawfulOutcomes,
  type Outcome,
  outcomeOf,
  pair,
  playSeason,
  type RoundContext,
  RoundModel,
  type SeasonReport,
  TINY_SEASONS,
} from './season-model';

const ONLY = process.env.SEASON_SEED === undefined ? null : Number(process.env.SEASON_SEED);

function seeds(from: number, count: number): number[] {
  return ONLY === null ? Array.from({ length: count }, (_, i) => from + i) : [ONLY];
}

/**
 * What broke, grouped by property (the tag a violation starts with), with how often, in how many
 * seasons, and the first few instances with the seed and round that replay them.
 */
function describeFailures(reports: SeasonReport[]): string {
  const byRule = new Map<string, { count: number; seeds: Set<number>; examples: string[] }>();
  for (const r of reports) {
    for (const v of r.violations) {
      const rule = /round \d+: (\S+)/.exec(v)?.[1] ?? v;
      const entry = byRule.get(rule) ?? { count: 0, seeds: new Set<number>(), examples: [] };
      entry.count++;
      entry.seeds.add(r.seed);
      if (entry.examples.length < 3) entry.examples.push(v);
      byRule.set(rule, entry);
    }
  }
  return [...byRule]
    .map(([rule, e]) => `${rule}: ${e.count} violations in ${e.seeds.size} seasons, e.g.\n  ${e.examples.join('\n  ')}`)
    .join('\n');
}

describe('whole seasons of allocation', () => {
  it('keeps properties 1 to 9 after every round of 200 random seasons', () => {
    const seen = new Set<string>();
    const reports = seeds(1, 200).map((seed) =>
      playSeason(seed, FULL_SEASONS, allocate, (ctx, result) => {
        const m = new RoundModel(ctx);
        if (m.confirmed.size) seen.add('confirmed');
        if (m.keptOffer.size) seen.add('kept offer');
        if (m.released.size) seen.add('released');
        if (m.locked.size) seen.add('locked');
        for (const [, r] of m.refusal) seen.add(r);
        for (const r of result.rows) seen.add(r.reason.kind);
        return [];
      }),
    );
    expect(describeFailures(reports)).toBe('');
    // Guards the generator: seasons that never reached these states would prove little.
    if (ONLY === null) {
      for (const state of ['confirmed', 'kept offer', 'released', 'locked', 'rejected', 'declined', 'lapsed'])
        expect(seen).toContain(state);
      for (const kind of ['granted', 'kept', 'offer', 'promoted', 'full', 'released']) expect(seen).toContain(kind);
    }
  });

  it('gives, on tiny seasons, the outcome the rules determine wherever they determine it (brute force)', () => {
    let rounds = 0;
    let determined = 0;
    const reports = seeds(10_001, 60).map((seed) =>
      playSeason(seed, TINY_SEASONS, allocate, (ctx, result) => {
        const survivors = lawfulOutcomes(new RoundModel(ctx));
        rounds++;
        if (survivors.length === 1) determined++;
        if (survivors.length === 0) return ['brute force: no outcome keeps every rule (an earlier round broke one)'];
        return disagreements(outcomeOf(result), survivors);
      }),
    );
    expect(describeFailures(reports)).toBe('');
    // The cross-check has teeth only where the rules leave one outcome: most rounds must be such.
    if (ONLY === null) expect(determined).toBeGreaterThan(0.8 * rounds);
  });
});

/** Pairs every lawful outcome grants (or none does) that the product decided otherwise. */
function disagreements(ours: Outcome, survivors: Outcome[]): string[] {
  const keys = new Set<string>([...ours.keys()]);
  for (const s of survivors) for (const k of s.keys()) keys.add(k);
  const out: string[] = [];
  for (const k of keys) {
    const granted = survivors.filter((s) => s.has(k)).length;
    if (granted === survivors.length && !ours.has(k))
      out.push(`brute force: every lawful outcome seats ${k}, ours does not`);
    if (granted === 0 && ours.has(k)) out.push(`brute force: no lawful outcome seats ${k}, ours does`);
  }
  return out;
}

// ---------------------------------------------------------------- the smallest seasons that broke a rule

function applicant(id: string, preferences: string[], score: number): AllocApplicant {
  return { id, municipality: `M ${id}`, score, submittedAt: 0, newcomer: false, requested: 1, preferences };
}

function row(applicationId: string, excursionId: string, more: Partial<PriorRow>): PriorRow {
  return { applicationId, excursionId, locked: '', response: '', placesGranted: 0, toldPlaces: 0, ...more };
}

/** One allocation of a hand-written sheet, judged by the same checker as the seasons. */
function judge(input: AllocationInput, context: Partial<RoundContext> = {}): string[] {
  const ctx: RoundContext = { input, previousWaitlisted: new Set(), ...context };
  return checkAllocation(ctx, allocate(input));
}

const ONE_PLACE_EACH: AllocExcursion[] = [
  { id: 'X1', places: 1, maxPerMunicipality: 1 },
  { id: 'X2', places: 1, maxPerMunicipality: 1 },
];

describe('the smallest seasons that broke a rule', () => {
  it('keeps an offer when staff lock a place ranked above it: a lock is not the applicant’s answer (6, 7)', () => {
    // A was told it has X2; staff then locked A at X1, which A ranks higher. A has not answered.
    const input: AllocationInput = {
      applicants: [applicant('A', ['X1', 'X2'], 5), applicant('B', ['X2'], 1)],
      excursions: ONE_PLACE_EACH,
      prior: [
        row('A', 'X2', { placesGranted: 1, toldPlaces: 1 }),
        row('A', 'X1', { locked: 'Accepted', placesGranted: 1 }),
        row('B', 'X2', {}),
      ],
      maxExcursionsPerMunicipality: 1,
      prioritizeNewcomers: false,
    };
    expect(judge(input)).toEqual([]);
  });

  it('keeps a place released by a confirmation released when staff later reject the confirmed place (1, 7)', () => {
    // A confirmed its promotion to X1, which released X2 (no notice: A gave it up), and X2 went to B.
    // Staff then rejected A at X1. X2 is B's now; it must not come back to A past Places.
    const input: AllocationInput = {
      applicants: [applicant('A', ['X1', 'X2'], 5), applicant('B', ['X2'], 1)],
      excursions: ONE_PLACE_EACH,
      prior: [
        row('A', 'X1', { locked: 'Rejected', response: 'Confirmed', placesGranted: 1, toldPlaces: 1 }),
        row('A', 'X2', { placesGranted: 0, toldPlaces: 1 }),
        row('B', 'X2', { placesGranted: 1, toldPlaces: 1 }),
      ],
      maxExcursionsPerMunicipality: 1,
      prioritizeNewcomers: false,
    };
    expect(judge(input, { releasedBefore: new Set([pair('A', 'X2')]) })).toEqual([]);
  });

  it('waitlists and offers an applicant that holds a staff-locked place on excursions it ranked higher (3, 5)', () => {
    // Staff locked A at X2; A ranked X1 first and comes before B there.
    const input: AllocationInput = {
      applicants: [applicant('A', ['X1', 'X2'], 5), applicant('B', ['X1'], 1)],
      excursions: ONE_PLACE_EACH,
      prior: [row('A', 'X2', { locked: 'Accepted', placesGranted: 1 })],
      maxExcursionsPerMunicipality: 1,
      prioritizeNewcomers: false,
    };
    expect(judge(input)).toEqual([]);
  });

  it('says in a waitlisted applicant’s Reason what holds every seat it waits for (9)', () => {
    // Two excursions each: A gets X1 in round 1 while B, after A, takes X2 as its first choice;
    // A waits at X2 with no one ahead of it and no offer kept over it.
    const input: AllocationInput = {
      applicants: [applicant('A', ['X1', 'X2'], 5), applicant('B', ['X2'], 1)],
      excursions: ONE_PLACE_EACH,
      prior: [],
      maxExcursionsPerMunicipality: 2,
      prioritizeNewcomers: false,
    };
    expect(judge(input)).toEqual([]);
  });
});

// ---------------------------------------------------------------- the checker fails where it must

describe('the season checker', () => {
  const input: AllocationInput = {
    applicants: [applicant('A', ['X1', 'X2'], 5), applicant('B', ['X1', 'X2'], 3), applicant('C', ['X1'], 1)],
    excursions: ONE_PLACE_EACH,
    prior: [row('B', 'X2', { placesGranted: 1, toldPlaces: 1 }), row('C', 'X1', { response: 'Declined' })],
    maxExcursionsPerMunicipality: 1,
    prioritizeNewcomers: false,
  };
  const ctx: RoundContext = { input, previousWaitlisted: new Set() };
  const good = allocate(input);
  const broken = (change: (rows: AllocationResult['rows']) => void): string[] => {
    const copy: AllocationResult = JSON.parse(JSON.stringify(good));
    change(copy.rows);
    return checkAllocation(ctx, copy);
  };
  const at = (rows: AllocationResult['rows'], a: string, x: string) =>
    rows.find((r) => r.applicationId === a && r.excursionId === x)!;

  it('finds nothing wrong with the core’s allocation of a small sheet', () => {
    expect(checkAllocation(ctx, good)).toEqual([]);
  });

  it('names property 6 when a told offer is taken back', () => {
    const v = broken((rows) => Object.assign(at(rows, 'B', 'X2'), { decision: 'Not selected', placesGranted: 0 }));
    expect(v.join('\n')).toMatch(/^P6 B@X2/m);
  });

  it('names property 2 when a declined excursion is granted', () => {
    const v = broken((rows) => Object.assign(at(rows, 'C', 'X1'), { decision: 'Accepted', placesGranted: 1 }));
    expect(v.join('\n')).toMatch(/^P2 C@X1/m);
  });

  it('names property 3 when a later priority takes a seat an earlier one wanted', () => {
    const v = broken((rows) => {
      Object.assign(at(rows, 'A', 'X1'), { decision: 'Waitlisted', placesGranted: 0, waitlistPosition: 1 });
      rows.push({
        ...at(rows, 'A', 'X1'),
        applicationId: 'B',
        decision: 'Accepted',
        placesGranted: 1,
        waitlistPosition: null,
      });
    });
    expect(v.join('\n')).toMatch(/^P3 X1/m);
  });

  it('names property 9 when a waitlisted applicant’s Reason hides what holds it back', () => {
    const v = broken((rows) => {
      const waiting = rows.find((r) => r.decision === 'Waitlisted')!;
      waiting.reason = { ...waiting.reason, seatsTaken: 0, ahead: 0 };
    });
    expect(v.join('\n')).toMatch(/^P9 /m);
  });
});
