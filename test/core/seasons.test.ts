/**
 * Whole random seasons through the allocation core (issue 12, item 1): several rounds of replies,
 * lapses, staff locks, score changes and late applications, re-allocated after each, with SPEC 6
 * properties 1–9 checked after every round (test/core/season-model.ts quotes each).
 *
 * A failure names its seed; `SEASON_SEED=<seed> npx jest test/core/seasons.test.ts` replays that one
 * season alone and prints every violation of it.
 */
import { allocate } from '../../src/core/allocation';
import {
  FULL_SEASONS,
  lawfulOutcomes,
  type Outcome,
  outcomeOf,
  playSeason,
  RoundModel,
  type SeasonReport,
  TINY_SEASONS,
} from './season-model';

const ONLY = process.env.SEASON_SEED === undefined ? null : Number(process.env.SEASON_SEED);

function seeds(from: number, count: number): number[] {
  return ONLY === null ? Array.from({ length: count }, (_, i) => from + i) : [ONLY];
}

/** The first few failing seasons in full, so that a red run says what broke and how to replay it. */
function describeFailures(reports: SeasonReport[]): string {
  const failing = reports.filter((r) => r.violations.length > 0);
  return failing
    .slice(0, 5)
    .map((r) => `seed ${r.seed} (${r.violations.length} violations):\n  ${r.violations.slice(0, 8).join('\n  ')}`)
    .join('\n');
}

describe('whole seasons of allocation', () => {
  it('keeps properties 1 to 9 after every round of 200 random seasons', () => {
    const reports = seeds(1, 200).map((seed) => playSeason(seed, FULL_SEASONS, allocate));
    expect(describeFailures(reports)).toBe('');
  });

  it('gives, on tiny seasons, the outcome the rules determine wherever they determine it (brute force)', () => {
    const reports = seeds(10_001, 60).map((seed) =>
      playSeason(seed, TINY_SEASONS, allocate, (ctx, result) => {
        const survivors = lawfulOutcomes(new RoundModel(ctx));
        if (survivors.length === 0) return ['brute force: no outcome keeps every rule'];
        return disagreements(outcomeOf(result), survivors);
      }),
    );
    expect(describeFailures(reports)).toBe('');
  });

  it('plays seasons in which things happen: offers, replies, promotions, releases and waiting lists', () => {
    // Guards the generator, not the core: a season that never reached these states would prove little.
    const seen = new Set<string>();
    for (const seed of seeds(1, 200)) {
      playSeason(seed, FULL_SEASONS, allocate, (ctx, result) => {
        const m = new RoundModel(ctx);
        if (m.confirmed.size) seen.add('confirmed');
        if (m.keptOffer.size) seen.add('kept offer');
        if (m.released.size) seen.add('released');
        if (m.locked.size) seen.add('locked');
        for (const [, r] of m.refusal) seen.add(r);
        for (const r of result.rows) seen.add(r.reason.kind);
        return [];
      });
    }
    for (const state of ['confirmed', 'kept offer', 'released', 'locked', 'rejected', 'declined', 'lapsed']) {
      expect(seen).toContain(state);
    }
    for (const kind of ['granted', 'kept', 'offer', 'promoted', 'full', 'released']) expect(seen).toContain(kind);
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
