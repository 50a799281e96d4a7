/**
 * Whole seasons of allocation, played on a model of the Allocations sheet, and a checker of SPEC
 * section 6 properties 1–9 written apart from the product (issue 12, item 1).
 *
 * A season: allocate, "send" (write `Told` as sending would), let things happen (replies, lapses,
 * staff locks, score changes, late applications), allocate again with the sheet as `prior`, and so
 * on. After every allocation each property is checked in the SPEC's own words, quoted above each
 * check, so that a failure names the property and the seed that replays it.
 *
 * Nothing here calls the product except through the `allocate` function a season is given.
 */
import type {
  AllocApplicant,
  AllocationInput,
  AllocationResult,
  AllocationRow,
  AllocExcursion,
  PriorRow,
} from '../../src/core/allocation';

// ---------------------------------------------------------------- a small seeded PRNG

/** mulberry32: 32-bit state, good enough to draw seasons and small enough to read. */
export class Rng {
  private state: number;
  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** A whole number in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}

// ---------------------------------------------------------------- words shared with the product (design of issue 12)

export function pair(applicationId: string, excursionId: string): string {
  return `${applicationId}@${excursionId}`;
}

/** `toldPlaces(told)` of the design: N for `Accepted N` / `Confirmed N`, else 0. */
export function toldPlaces(told: string): number {
  const m = /^\s*(Accepted|Confirmed)\s+(\d+)\s*$/.exec(told);
  return m ? Number(m[2]) : 0;
}

/**
 * The priority order of SPEC section 6 written again (not the product's comparator): newcomers
 * first (when on), higher score, earlier submission, Application ID by code unit.
 */
export function referencePriority(a: AllocApplicant, b: AllocApplicant, newcomersFirst: boolean): number {
  const key = (x: AllocApplicant): (number | string)[] => [
    newcomersFirst && !x.newcomer ? 1 : 0,
    -x.score,
    x.submittedAt,
    x.id,
  ];
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
  return 0;
}

// ---------------------------------------------------------------- what one allocation is judged against

/** One allocation to judge: its input, and what the allocation before it waitlisted (for property 8). */
export interface RoundContext {
  input: AllocationInput;
  /** Pairs `applicant@excursion` that the previous allocation of the season left Waitlisted. */
  previousWaitlisted: ReadonlySet<string>;
  /**
   * Pairs an earlier allocation of the season released by property 7 and that hold nothing since.
   * The sheet shows them as `Places Granted` 0 under a `Told` of `Accepted N` (no notice is sent for
   * a place the applicant gave up); a release stays a release even if staff later reject the
   * confirmed place that caused it.
   */
  releasedBefore?: ReadonlySet<string>;
}

type Refusal = 'rejected' | 'declined' | 'lapsed';

/** What the prior rows and the applicants' lists mean, derived without the product. */
export class RoundModel {
  readonly maxExcursions: number;
  readonly applicants = new Map<string, AllocApplicant>();
  readonly excursions = new Map<string, AllocExcursion>();
  /** 1-based rank of each known excursion in each applicant's preferences. */
  readonly rank = new Map<string, Map<string, number>>();
  readonly refusal = new Map<string, Refusal>();
  readonly locked = new Set<string>();
  readonly confirmed = new Set<string>();
  /** Offers told (toldPlaces > 0) that were not refused and that staff or a confirmation did not make firm. */
  readonly keptOffer = new Set<string>();
  readonly told = new Map<string, number>();
  readonly granted = new Map<string, number>();
  /** Holdings given up by property 7 (confirmed places ranked above, as many as the maximum). */
  readonly released = new Set<string>();
  /** Holdings fixed before any round: locks, confirmations and kept offers, not refused, not released. */
  readonly fixed = new Set<string>();

  constructor(readonly ctx: RoundContext) {
    const { input } = ctx;
    this.maxExcursions = input.maxExcursionsPerMunicipality;
    for (const x of input.excursions) this.excursions.set(x.id, x);
    for (const a of input.applicants) {
      this.applicants.set(a.id, a);
      const ranks = new Map<string, number>();
      a.preferences.forEach((id, i) => {
        if (this.excursions.has(id) && !ranks.has(id)) ranks.set(id, i + 1);
      });
      this.rank.set(a.id, ranks);
    }
    for (const p of input.prior) {
      if (!this.applicants.has(p.applicationId) || !this.excursions.has(p.excursionId)) continue;
      const key = pair(p.applicationId, p.excursionId);
      // A refusal wins over a keep on the same pair: nobody is seated against a "no".
      const refusal: Refusal | null =
        p.locked === 'Rejected'
          ? 'rejected'
          : p.response === 'Declined'
            ? 'declined'
            : p.response === 'Lapsed'
              ? 'lapsed'
              : null;
      if (refusal) this.refusal.set(key, refusal);
      if (p.locked === 'Accepted') this.locked.add(key);
      if (p.response === 'Confirmed') this.confirmed.add(key);
      this.told.set(key, Math.max(this.told.get(key) ?? 0, p.toldPlaces));
      this.granted.set(key, Math.max(this.granted.get(key) ?? 0, p.placesGranted));
    }
    for (const key of this.refusal.keys()) {
      this.locked.delete(key);
      this.confirmed.delete(key);
    }
    for (const [key, n] of this.told) {
      if (n > 0 && !this.refusal.has(key) && !this.locked.has(key) && !this.confirmed.has(key)) this.keptOffer.add(key);
    }
    // 7. "confirming the new one releases the old one": a holding is given up once the applicant has
    // confirmed as many places ranked above it as it may hold. The design counts a staff lock as a
    // confirmation; the SPEC does not ("keeps both until it answers": a lock is staff's word, not the
    // applicant's answer), and this follows the SPEC. A staff lock itself is never released (2).
    const firm = new Set([...this.locked, ...this.confirmed]);
    for (const key of [...this.confirmed, ...this.keptOffer]) {
      if (this.locked.has(key)) continue;
      const [a, x] = split(key);
      // A confirmation of a place given up earlier is spent: it releases nothing more.
      const confirmedAbove = [...this.confirmed].filter((k) => {
        const [b, y] = split(k);
        return b === a && this.rankOf(a, y) < this.rankOf(a, x) && !ctx.releasedBefore?.has(k);
      }).length;
      if (confirmedAbove >= this.maxExcursions || ctx.releasedBefore?.has(key)) this.released.add(key);
    }
    for (const key of new Set([...firm, ...this.keptOffer])) {
      if (!this.released.has(key)) this.fixed.add(key);
    }
  }

  /** An excursion an applicant did not list ranks below all it listed. */
  rankOf(applicationId: string, excursionId: string): number {
    return this.rank.get(applicationId)?.get(excursionId) ?? Number.POSITIVE_INFINITY;
  }

  /** -1 when a comes before b at every excursion (one priority order serves all of them). */
  priority(a: string, b: string): number {
    return referencePriority(this.applicants.get(a)!, this.applicants.get(b)!, this.ctx.input.prioritizeNewcomers);
  }

  /** The least a fixed holding keeps: its told places (an offer made is kept), at least one seat. */
  floor(key: string): number {
    return Math.max(1, this.told.get(key) ?? 0);
  }

  /** Its declines and lapses: slots it used up (design, property 8). */
  burned(applicationId: string): string[] {
    return [...this.excursions.keys()].filter((x) => {
      const r = this.refusal.get(pair(applicationId, x));
      return r === 'declined' || r === 'lapsed';
    });
  }

  /** The fixed holdings it came into this allocation with. */
  fixedHeld(applicationId: string): string[] {
    return [...this.excursions.keys()].filter((x) => this.fixed.has(pair(applicationId, x)));
  }

  /**
   * Could this allocation offer the applicant a seat at X, for certain? It lists X, holds no fixed
   * seat there, was not refused there, and prefers X to what it holds (`prefers`, narrow reading);
   * one that declined or lapsed and has no slot free only where it was already waitlisted (8).
   */
  canBeOffered(applicationId: string, excursionId: string): boolean {
    const key = pair(applicationId, excursionId);
    if (
      !this.rank.get(applicationId)!.has(excursionId) ||
      this.fixed.has(key) ||
      this.refusal.has(key) ||
      this.released.has(key)
    )
      return false;
    const held = this.fixedHeld(applicationId);
    if (!prefers(this, applicationId, held, 'narrow')(excursionId)) return false;
    const burned = this.burned(applicationId);
    const room = afterConfirmingAll(this, applicationId, held).length + burned.length < this.maxExcursions;
    return room || burned.length === 0 || this.ctx.previousWaitlisted.has(key);
  }
}

/**
 * "prefers X to what it holds" (properties 3 and 5), given what it holds. With a slot free (its
 * declines and lapses use slots: design) it prefers every listed excursion. Without one, where the
 * SPEC leaves room for two readings this gives both:
 * - narrow (it surely prefers X): X ranks above the worst place it would keep on confirming every
 *   offer it holds (7 releases the rest), and above every excursion it declined or let lapse ("only
 *   excursions ranked above them": design); with no place held, above its declines and lapses;
 * - wide (it may be said to prefer X): X ranks above the worst of all it holds now (a promotion keeps
 *   the lower place until answered) or declined or let lapse.
 */
export function prefers(m: RoundModel, a: string, held: string[], reading: 'narrow' | 'wide'): (x: string) => boolean {
  const burned = m.burned(a);
  const settled = afterConfirmingAll(m, a, held);
  const rank = (x: string) => m.rankOf(a, x);
  if (reading === 'narrow') {
    // Below as many places as it confirmed, a place would be released as soon as offered (7).
    const confirmedAbove = (x: string) =>
      [...m.confirmed].filter((k) => {
        const [b, y] = split(k);
        return b === a && rank(y) < rank(x) && !m.ctx.releasedBefore?.has(k);
      }).length;
    if (settled.length + burned.length < m.maxExcursions) return (x) => confirmedAbove(x) < m.maxExcursions;
    // Once its own places fill the maximum, a lock ranked below them is no place to move up from
    // (7: a promotion releases the place it is above; a lock is never released), and within one
    // allocation's rounds (6) nothing more could be offered: it does not surely prefer X then.
    const own = settled.filter((x) => !m.locked.has(pair(a, x)));
    const from = own.length >= m.maxExcursions ? own : settled;
    const worstHeld = from.length ? Math.max(...from.map(rank)) : Number.POSITIVE_INFINITY;
    const bestBurned = burned.length ? Math.min(...burned.map(rank)) : Number.POSITIVE_INFINITY;
    return (x) => rank(x) < worstHeld && rank(x) < bestBurned && confirmedAbove(x) < m.maxExcursions;
  }
  if (held.length + burned.length < m.maxExcursions) return () => true;
  const worst = Math.max(...[...held, ...burned].map(rank));
  return (x) => rank(x) < worst;
}

function split(key: string): [string, string] {
  const at = key.lastIndexOf('@');
  return [key.slice(0, at), key.slice(at + 1)];
}

// ---------------------------------------------------------------- the checker

/** Which applicant holds how many seats where: the outcome, before any wording. */
export type Outcome = Map<string, number>;

export function outcomeOf(result: AllocationResult): Outcome {
  const out: Outcome = new Map();
  for (const r of result.rows)
    if (r.decision === 'Accepted') out.set(pair(r.applicationId, r.excursionId), r.placesGranted);
  return out;
}

/**
 * Property 5's waitlist, at its narrowest and widest: "an applicant is `Waitlisted` on each listed
 * excursion that it prefers to what it holds", required where it surely prefers X, allowed where it
 * may be said to (`prefers`).
 */
export function waitlistBounds(m: RoundModel, outcome: Outcome, applicationId: string) {
  const held = [...m.excursions.keys()].filter((x) => outcome.has(pair(applicationId, x)));
  const candidates = [...m.rank.get(applicationId)!.keys()].filter(
    // A place it gave up by confirming one above (7) is not one it waits for: it stays released.
    (x) =>
      !outcome.has(pair(applicationId, x)) &&
      !m.refusal.has(pair(applicationId, x)) &&
      !m.released.has(pair(applicationId, x)),
  );
  return {
    required: new Set(candidates.filter(prefers(m, applicationId, held, 'narrow'))),
    allowed: new Set(candidates.filter(prefers(m, applicationId, held, 'wide'))),
  };
}

/** What the applicant would hold if it confirmed every place it holds, after property 7's releases. */
function afterConfirmingAll(m: RoundModel, applicationId: string, held: string[]): string[] {
  return held.filter((x) => {
    if (m.locked.has(pair(applicationId, x))) return true;
    const above = held.filter((y) => m.rankOf(applicationId, y) < m.rankOf(applicationId, x)).length;
    return above < m.maxExcursions;
  });
}

/**
 * The checks on who holds what (properties 1, 2, 3, 6, 7, 8, 9's "no free place"): shared by the
 * seasons and by the brute force, which judges every conceivable outcome by them. `waitlisted`
 * gives the pairs left Waitlisted; the brute force passes property 5's narrowest waitlist.
 */
export function outcomeViolations(m: RoundModel, outcome: Outcome, waitlisted: ReadonlySet<string>): string[] {
  const v: string[] = [];
  const { input } = m.ctx;
  const isNew = (key: string) => outcome.has(key) && !m.fixed.has(key);
  const held = (a: string) => [...m.excursions.keys()].filter((x) => outcome.has(pair(a, x)));

  for (const x of input.excursions) {
    const here = [...m.applicants.keys()].map((a) => pair(a, x.id)).filter((k) => outcome.has(k));
    const total = here.reduce((n, k) => n + outcome.get(k)!, 0);
    const lockSeats = here.filter((k) => m.locked.has(k)).reduce((n, k) => n + outcome.get(k)!, 0);
    // 1. "No excursion gets more seats than `Places`" — staff may lock a place past it (they decided),
    // and then nothing else may be handed out there.
    if (total > x.places) {
      if (total - lockSeats > x.places)
        v.push(`P1 ${x.id}: ${total} seats held, Places ${x.places}, of which only ${lockSeats} by staff locks`);
      const grown = here.filter((k) => isNew(k) || (!m.locked.has(k) && outcome.get(k)! > m.floor(k)));
      if (grown.length) v.push(`P1/P6 ${x.id}: over Places (${total}/${x.places}) yet seats handed out to ${grown}`);
    }
    // 6. "Re-allocation only hands out freed places": new seats only out of Places minus what is fixed.
    const fixedSeats = [...m.fixed].filter((k) => split(k)[1] === x.id).reduce((n, k) => n + m.floor(k), 0);
    const newSeats = here.filter(isNew).reduce((n, k) => n + outcome.get(k)!, 0);
    if (newSeats > Math.max(0, x.places - fixedSeats))
      v.push(`P6 ${x.id}: ${newSeats} new seats handed out, but only ${x.places} - ${fixedSeats} fixed were free`);
  }

  for (const [key, seats] of outcome) {
    const [a, x] = split(key);
    const exc = m.excursions.get(x)!;
    // 1. "no applicant more than `Max Per Municipality` on one excursion"; "at least 1".
    if (seats < 1 || seats > exc.maxPerMunicipality)
      v.push(`P1 ${key}: ${seats} seats, Max Per Municipality ${exc.maxPerMunicipality}`);
    // "A granted applicant gets min(requested, Max Per Municipality, free seats)".
    if (isNew(key) && seats > m.applicants.get(a)!.requested)
      v.push(`P1 ${key}: new grant of ${seats} seats, requested ${m.applicants.get(a)!.requested}`);
  }

  for (const a of m.applicants.keys()) {
    const mine = held(a);
    const fresh = mine.filter((x) => isNew(pair(a, x)));
    const fixedHeld = mine.filter((x) => m.fixed.has(pair(a, x)));
    const locks = mine.filter((x) => m.locked.has(pair(a, x))).length;
    // 1. "nor more excursions than `maxExcursionsPerMunicipality`", read with 7 ("keeps both until it
    // answers"): were it to confirm every place it holds, 7's releases leave at most the maximum
    // (beyond what staff locked).
    const settled = afterConfirmingAll(m, a, mine);
    if (settled.length > m.maxExcursions + locks)
      v.push(`P1 ${a}: would hold ${settled} after confirming all, max ${m.maxExcursions}`);
    // Each round hands out at most one more excursion to an applicant.
    if (fresh.length > m.maxExcursions) v.push(`P1 ${a}: ${fresh.length} new excursions in one allocation: ${fresh}`);
    // 6. "an applicant moves only upwards, to an excursion it ranked higher": a new place that is not a
    // promotion (ranked above its worst fixed holding) needs a free slot.
    const worstFixed = Math.max(0, ...fixedHeld.map((x) => m.rankOf(a, x)));
    const notPromotions = fresh.filter((x) => !(fixedHeld.length > 0 && m.rankOf(a, x) < worstFixed));
    if (notPromotions.length > Math.max(0, m.maxExcursions - fixedHeld.length))
      v.push(`P6 ${a}: offered ${notPromotions} below or beside what it holds (${fixedHeld}), max ${m.maxExcursions}`);
    // 8. "a municipality that declines is not offered another excursion in its place (it asked for
    // none), unless it is already waitlisted there." In its place: the design counts its declines
    // (and lapses) as used slots, so only a slot freed otherwise (a staff rejection) may be filled.
    // A slot staff freed (`Locked = Rejected` on a place it was told of) is not the decline's place.
    const staffFreed = [...m.excursions.keys()].some(
      (x) => m.refusal.get(pair(a, x)) === 'rejected' && (m.told.get(pair(a, x)) ?? 0) > 0,
    );
    const burned = m.burned(a);
    const full = afterConfirmingAll(m, a, m.fixedHeld(a)).length + burned.length >= m.maxExcursions;
    if (burned.length && full && !staffFreed) {
      for (const x of fresh) {
        if (!m.ctx.previousWaitlisted.has(pair(a, x)))
          v.push(`P8 ${a}: declined or lapsed, yet offered ${x} where it was not waitlisted`);
      }
    }
  }

  for (const key of m.locked) {
    // 2. "`Locked = Accepted` ... rows keep their seats".
    if (!outcome.has(key)) v.push(`P2 ${key}: Locked = Accepted but holds no seat`);
  }
  for (const key of m.confirmed) {
    if (m.released.has(key)) continue;
    // 2. "`Response = Confirmed` rows keep their seats" (unless 7 released them, below).
    if ((outcome.get(key) ?? 0) < m.floor(key))
      v.push(`P2 ${key}: Confirmed ${m.floor(key)} but holds ${outcome.get(key) ?? 0}`);
  }
  for (const [key, refusal] of m.refusal) {
    // 2. "`Locked = Rejected` and `Response = Declined` rows are never granted that excursion" (a lapse likewise).
    if (outcome.has(key)) v.push(`P2 ${key}: ${refusal} yet granted ${outcome.get(key)}`);
  }
  for (const key of m.keptOffer) {
    if (m.released.has(key)) continue;
    // 6. "an applicant that was told it has places at an excursion keeps at least those places in
    // every later allocation, unless it declined, its offer lapsed, or staff set `Locked = Rejected`."
    if ((outcome.get(key) ?? 0) < m.floor(key))
      v.push(`P6 ${key}: told ${m.told.get(key)} places, now holds ${outcome.get(key) ?? 0}`);
  }
  for (const key of m.released) {
    // 7. "confirming the new one releases the old one".
    if (outcome.has(key)) v.push(`P7 ${key}: released by a confirmation, yet still holds ${outcome.get(key)}`);
  }

  // 3. "No justified envy: if applicant A prefers excursion X to what A holds, and A has priority over
  // B at X, then B holds no seat at X" — "for every seat that is not a kept offer". Rounds: a second
  // excursion comes only from seats still free after everyone's first, so A is answered if this
  // allocation gave it a new place it ranks above X.
  for (const [key] of outcome) {
    if (!isNew(key)) continue;
    const [b, x] = split(key);
    for (const a of m.applicants.keys()) {
      if (a === b || m.priority(a, b) >= 0 || outcome.has(pair(a, x)) || !m.canBeOffered(a, x)) continue;
      const better = held(a).some((y) => isNew(pair(a, y)) && m.rankOf(a, y) < m.rankOf(a, x));
      if (!better) v.push(`P3 ${x}: ${b} holds a new seat though ${a}, before it, wanted ${x} and got nothing better`);
    }
  }

  // 9. "no applicant is `Waitlisted` at an excursion that has a place free for it (a place held by an
  // offer not yet answered is not free)".
  for (const key of waitlisted) {
    const [, x] = split(key);
    const taken = [...outcome].filter(([k]) => split(k)[1] === x).reduce((n, [, s]) => n + s, 0);
    if (taken < m.excursions.get(x)!.places)
      v.push(`P9 ${key}: Waitlisted while ${x} has ${m.excursions.get(x)!.places - taken} place(s) free`);
  }
  return v;
}

/** Every property, the wording ones too (5, 9's Reason, the reasons of kept and refused rows), on a product result. */
export function checkAllocation(ctx: RoundContext, result: AllocationResult): string[] {
  const m = new RoundModel(ctx);
  const outcome = outcomeOf(result);
  const waitlisted = new Set(
    result.rows.filter((r) => r.decision === 'Waitlisted').map((r) => pair(r.applicationId, r.excursionId)),
  );
  const v = outcomeViolations(m, outcome, waitlisted);
  const rowOf = new Map<string, AllocationRow>();
  for (const r of result.rows) {
    const key = pair(r.applicationId, r.excursionId);
    if (rowOf.has(key)) v.push(`rows: ${key} appears twice`);
    rowOf.set(key, r);
    if (r.decision !== 'Accepted' && r.placesGranted !== 0)
      v.push(`rows: ${key} ${r.decision} with ${r.placesGranted} seats`);
    if ((r.decision === 'Waitlisted') !== (r.waitlistPosition !== null))
      v.push(`P5 ${key}: ${r.decision} with Waitlist Position ${r.waitlistPosition}`);
  }

  for (const a of m.applicants.keys()) {
    const { required, allowed } = waitlistBounds(m, outcome, a);
    for (const x of m.excursions.keys()) {
      const key = pair(a, x);
      // 5. "an applicant is `Waitlisted` on each listed excursion that it prefers to what it holds".
      if (required.has(x) && !waitlisted.has(key)) v.push(`P5 ${key}: prefers ${x} to what it holds, not Waitlisted`);
      if (waitlisted.has(key) && !allowed.has(x)) v.push(`P5 ${key}: Waitlisted where it holds something it prefers`);
    }
  }
  for (const x of m.excursions.values()) {
    // 5. "with `Waitlist Position` 1..n per excursion in priority order".
    const waiting = result.rows
      .filter((r) => r.excursionId === x.id && r.decision === 'Waitlisted')
      .sort((p, q) => (p.waitlistPosition ?? 0) - (q.waitlistPosition ?? 0));
    waiting.forEach((r, i) => {
      if (r.waitlistPosition !== i + 1) v.push(`P5 ${x.id}: positions ${waiting.map((w) => w.waitlistPosition)}`);
      if (i > 0 && m.priority(waiting[i - 1].applicationId, r.applicationId) >= 0)
        v.push(`P5 ${x.id}: ${waiting[i - 1].applicationId} listed before ${r.applicationId} out of priority order`);
    });
    // 9. "a waitlisted applicant's `Reason` says in words what holds it back (how many are ahead of
    // it, and what they hold)" — and the offers kept over it by priorities that appeared later.
    const holders = [...m.applicants.keys()].filter((a) => outcome.has(pair(a, x.id)));
    for (const r of waiting) {
      const ahead = holders.filter((a) => m.priority(a, r.applicationId) < 0);
      const below = holders.filter((a) => m.priority(a, r.applicationId) > 0);
      const seats = (list: string[]) => list.reduce((n, a) => n + outcome.get(pair(a, x.id))!, 0);
      const keptBelow = below.filter((a) => m.fixed.has(pair(a, x.id)));
      const said = r.reason;
      const where = `${r.applicationId}@${x.id}`;
      if (
        said.kind !== 'full' ||
        said.ahead !== ahead.length ||
        said.seatsTaken !== seats(ahead) ||
        said.keptBelow !== seats(keptBelow) ||
        said.places !== x.places
      ) {
        v.push(
          `P9 ${where}: Reason ${JSON.stringify(said)}, but ${ahead.length} ahead hold ${seats(ahead)} ` +
            `and kept offers/locks below hold ${seats(keptBelow)} of ${x.places}`,
        );
      } else if (
        said.takenEarlier !== seats(below) - seats(keptBelow) ||
        seats(ahead) + seats(keptBelow) + said.takenEarlier < x.places
      ) {
        // What else holds it back: seats lower priorities took in an earlier round (Reason.takenEarlier).
        v.push(
          `P9 ${where}: Reason says ${seats(ahead)} seats held ahead, ${seats(keptBelow)} kept below and ` +
            `${said.takenEarlier} taken earlier below, yet ${x.places} Places are full: ` +
            `${seats(below) - seats(keptBelow)} held below are not kept offers or locks`,
        );
      }
    }
  }

  for (const [key, r] of rowOf) {
    const kind = r.reason.kind;
    const refusal = m.refusal.get(key);
    if (refusal && kind !== refusal) v.push(`P2 ${key}: ${refusal} on the sheet, Reason ${kind}`);
    if (m.released.has(key) && kind !== 'released') v.push(`P7 ${key}: released by a confirmation, Reason ${kind}`);
    if (r.decision !== 'Accepted') continue;
    const firm = m.locked.has(key) || m.confirmed.has(key);
    const expected = firm ? ['kept'] : m.keptOffer.has(key) ? ['offer'] : ['granted', 'promoted'];
    if (!expected.includes(kind)) v.push(`reason ${key}: Accepted with Reason ${kind}, expected ${expected}`);
    if (kind === 'promoted') {
      // 7. "an applicant offered a place it ranked higher than the one it holds keeps both until it answers".
      const lower = r.reason.releases === undefined ? undefined : pair(r.applicationId, r.reason.releases);
      if (
        !lower ||
        !outcome.has(lower) ||
        m.locked.has(lower) ||
        m.rankOf(r.applicationId, r.reason.releases!) <= m.rankOf(r.applicationId, r.excursionId)
      )
        v.push(`P7 ${key}: promoted, releasing ${r.reason.releases}, which is not a place it holds below`);
    }
  }
  return v;
}

// ---------------------------------------------------------------- brute force

/**
 * Every outcome of a tiny unit-size call (each pair an applicant listed either holds one seat or
 * not) that breaks none of the outcome properties. The rules determine a pair where all survivors
 * agree on it.
 */
export function lawfulOutcomes(m: RoundModel): Outcome[] {
  const pairs: string[] = [];
  for (const [a, ranks] of m.rank) for (const x of ranks.keys()) pairs.push(pair(a, x));
  const survivors: Outcome[] = [];
  for (let mask = 0; mask < 1 << pairs.length; mask++) {
    const outcome: Outcome = new Map();
    pairs.forEach((k, i) => {
      if (mask & (1 << i)) outcome.set(k, 1);
    });
    const waitlisted = new Set<string>();
    for (const a of m.applicants.keys())
      for (const x of waitlistBounds(m, outcome, a).required) waitlisted.add(pair(a, x));
    if (outcomeViolations(m, outcome, waitlisted).length === 0) survivors.push(outcome);
  }
  return survivors;
}

// ---------------------------------------------------------------- seasons

export interface SheetRow {
  applicationId: string;
  excursionId: string;
  decision: string;
  placesGranted: number;
  locked: '' | 'Accepted' | 'Rejected';
  response: '' | 'Confirmed' | 'Declined' | 'Lapsed';
  told: string;
}

export interface SeasonShape {
  applicants: [number, number];
  excursions: [number, number];
  rounds: [number, number];
  places: [number, number];
  maxPer: [number, number];
  requested: [number, number];
  maxExcursions: [number, number];
}

export const FULL_SEASONS: SeasonShape = {
  applicants: [5, 40],
  excursions: [2, 7],
  rounds: [3, 6],
  places: [1, 8],
  maxPer: [1, 3],
  requested: [1, 3],
  maxExcursions: [1, 3],
};

/** Small enough for the brute force: unit sizes, at most 4 applicants (late ones included) and 3 excursions. */
export const TINY_SEASONS: SeasonShape = {
  applicants: [2, 3],
  excursions: [1, 3],
  rounds: [3, 5],
  places: [0, 2],
  maxPer: [1, 1],
  requested: [1, 1],
  maxExcursions: [1, 2],
};

export interface SeasonReport {
  seed: number;
  rounds: number;
  violations: string[];
}

export type Allocate = (input: AllocationInput) => AllocationResult;

/**
 * Plays one season from its seed and returns every property violation, each prefixed with the seed
 * and round that replay it. `onRound` sees each allocation (the brute force hooks in there).
 */
export function playSeason(
  seed: number,
  shape: SeasonShape,
  allocate: Allocate,
  onRound?: (ctx: RoundContext, result: AllocationResult, round: number) => string[],
): SeasonReport {
  const rng = new Rng(seed);
  const excursions: AllocExcursion[] = Array.from({ length: rng.int(...shape.excursions) }, (_, i) => ({
    id: `X${i + 1}`,
    places: rng.int(...shape.places),
    maxPerMunicipality: rng.int(...shape.maxPer),
  }));
  const maxApplicants = shape === TINY_SEASONS ? 4 : Number.POSITIVE_INFINITY;
  const applicants: AllocApplicant[] = [];
  const newApplicant = (submittedAt: number) => {
    const n = applicants.length + 1;
    const prefs = rng.shuffle(excursions.map((x) => x.id)).slice(0, rng.int(1, Math.min(4, excursions.length)));
    applicants.push({
      id: `A${String(n).padStart(2, '0')}`,
      municipality: `M${n}`,
      score: rng.int(0, 5),
      submittedAt,
      newcomer: rng.chance(0.5),
      requested: rng.int(...shape.requested),
      preferences: prefs,
    });
  };
  const count = rng.int(...shape.applicants);
  for (let i = 0; i < count; i++) newApplicant(rng.int(0, 5));
  const maxExcursionsPerMunicipality = rng.int(...shape.maxExcursions);
  const prioritizeNewcomers = rng.chance(0.5);
  const rounds = rng.int(...shape.rounds);

  const sheet = new Map<string, SheetRow>();
  let previousWaitlisted = new Set<string>();
  const releasedBefore = new Set<string>();
  const violations: string[] = [];

  for (let round = 1; round <= rounds; round++) {
    const input: AllocationInput = {
      applicants: applicants.map((a) => ({ ...a, preferences: [...a.preferences] })),
      excursions: excursions.map((x) => ({ ...x })),
      prior: [...sheet.values()].map(
        (s): PriorRow => ({
          applicationId: s.applicationId,
          excursionId: s.excursionId,
          locked: s.locked,
          response: s.response,
          placesGranted: s.placesGranted,
          toldPlaces: toldPlaces(s.told),
        }),
      ),
      maxExcursionsPerMunicipality,
      prioritizeNewcomers,
    };
    const ctx: RoundContext = { input, previousWaitlisted, releasedBefore: new Set(releasedBefore) };
    const where = `seed ${seed} round ${round}`;
    let result: AllocationResult;
    try {
      result = allocate(input);
    } catch (e) {
      violations.push(`${where}: allocate threw ${(e as Error).message}`);
      break;
    }
    for (const msg of checkAllocation(ctx, result)) violations.push(`${where}: ${msg}`);
    // 4. "The result is the same for the same sheets, whatever their row order."
    const shuffled: AllocationInput = {
      ...input,
      applicants: rng.shuffle(input.applicants),
      excursions: rng.shuffle(input.excursions),
      prior: rng.shuffle(input.prior),
    };
    if (JSON.stringify(allocate(shuffled)) !== JSON.stringify(result))
      violations.push(`${where}: P4 the result changes when the rows are shuffled`);
    if (onRound) for (const msg of onRound(ctx, result, round)) violations.push(`${where}: ${msg}`);

    const model = new RoundModel(ctx);
    for (const key of model.released) releasedBefore.add(key);
    for (const r of result.rows)
      if (r.decision === 'Accepted') releasedBefore.delete(pair(r.applicationId, r.excursionId));
    writeAndSend(sheet, result);
    previousWaitlisted = new Set(
      result.rows.filter((r) => r.decision === 'Waitlisted').map((r) => pair(r.applicationId, r.excursionId)),
    );
    if (round === rounds) break;
    happen(rng, sheet, applicants, excursions, newApplicant, maxApplicants);
  }
  return { seed, rounds, violations };
}

/**
 * The allocation written to the sheet, then what sending writes to `Told` (design, "What allocation
 * queues"): an offer tells `Accepted N`; a lost offer is told withdrawn (`Not selected`) unless the
 * applicant caused it (released, declined, lapsed), which sends nothing and leaves `Told` as it was.
 */
function writeAndSend(sheet: Map<string, SheetRow>, result: AllocationResult) {
  for (const r of result.rows) {
    const key = pair(r.applicationId, r.excursionId);
    const s: SheetRow = sheet.get(key) ?? {
      applicationId: r.applicationId,
      excursionId: r.excursionId,
      decision: '',
      placesGranted: 0,
      locked: '',
      response: '',
      told: '',
    };
    sheet.set(key, s);
    s.decision = r.decision;
    s.placesGranted = r.placesGranted;
    const before = s.told.trim();
    if (r.decision === 'Accepted') {
      if (toldPlaces(before) !== r.placesGranted) s.told = `Accepted ${r.placesGranted}`;
    } else if (toldPlaces(before) > 0) {
      if (!['released', 'declined', 'lapsed'].includes(r.reason.kind)) s.told = 'Not selected';
    } else if (before === 'Declined' || before === 'Lapsed') {
      // "anything | Lapsed / Declined | none": the applicant was told its own outcome.
    } else if (r.decision === 'Waitlisted') {
      if (before === '' || before === 'Not selected') s.told = 'Waitlisted';
    } else if (!['declined', 'lapsed', 'released', 'better'].includes(r.reason.kind)) {
      if (before === '' || before === 'Waitlisted') s.told = 'Not selected';
    }
  }
}

/** One stretch of a season between allocations: replies, lapses, staff locks, score changes, late applications. */
function happen(
  rng: Rng,
  sheet: Map<string, SheetRow>,
  applicants: AllocApplicant[],
  excursions: AllocExcursion[],
  newApplicant: (submittedAt: number) => void,
  maxApplicants: number,
) {
  const rows = [...sheet.values()].sort((p, q) =>
    pair(p.applicationId, p.excursionId) < pair(q.applicationId, q.excursionId) ? -1 : 1,
  );
  for (const s of rows) {
    // An open offer: told Accepted N, no response, still Accepted, not rejected by staff.
    const open =
      /^Accepted \d+$/.test(s.told) && s.response === '' && s.decision === 'Accepted' && s.locked !== 'Rejected';
    if (!open) continue;
    const roll = rng.next();
    if (roll < 0.35) {
      s.response = 'Confirmed';
      s.told = `Confirmed ${toldPlaces(s.told)}`;
    } else if (roll < 0.47) {
      s.response = 'Declined';
      s.told = 'Declined';
    } else if (roll < 0.55) {
      s.response = 'Lapsed';
      s.told = 'Lapsed';
    }
  }
  const staffEdits = rng.int(0, 2);
  for (let i = 0; i < staffEdits; i++) {
    const s = rng.pick(rows.filter((r) => r.locked === ''));
    if (!s) break;
    if (rng.chance(0.6) && s.response === '' && !process.env.NOLOCK) {
      const x = excursions.find((e) => e.id === s.excursionId)!;
      const a = applicants.find((p) => p.id === s.applicationId)!;
      s.locked = 'Accepted';
      s.placesGranted = rng.int(1, Math.min(x.maxPerMunicipality, a.requested));
    } else {
      s.locked = 'Rejected';
    }
  }
  const scoreChanges = rng.int(0, 2);
  for (let i = 0; i < scoreChanges; i++) rng.pick(applicants).score = rng.int(0, 5);
  const late = rng.int(0, 2);
  for (let i = 0; i < late && applicants.length < maxApplicants; i++) newApplicant(rng.int(6, 9));
}
