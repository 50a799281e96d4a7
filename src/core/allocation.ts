/**
 * Seat allocation (SPEC section 6): applicant-proposing deferred acceptance with seat sizes, run in
 * rounds. Pure and deterministic: the result does not depend on the order of any input list.
 */

export interface AllocApplicant {
  /** Application ID, unique. */
  id: string;
  municipality: string;
  score: number;
  /** ms since epoch. */
  submittedAt: number;
  /** Has not attended an excursion yet. */
  newcomer: boolean;
  /** Delegates requested, >= 1. */
  requested: number;
  /** Excursion ids, best first; unknown ids are ignored. */
  preferences: string[];
}

export interface AllocExcursion {
  id: string;
  places: number;
  maxPerMunicipality: number;
}

export type Locked = '' | 'Accepted' | 'Rejected';
export type Response = '' | 'Confirmed' | 'Declined' | 'Lapsed';

/** One existing Allocations row with both ids: what staff, the applicant and sending wrote on it. */
export interface PriorRow {
  applicationId: string;
  excursionId: string;
  locked: Locked;
  response: Response;
  /** The sheet's Places Granted. */
  placesGranted: number;
  /** N of `Told` = `Accepted N` / `Confirmed N`, else 0: the places the applicant was told it has. */
  toldPlaces: number;
}

export interface AllocationInput {
  applicants: AllocApplicant[];
  excursions: AllocExcursion[];
  prior: PriorRow[];
  /** >= 1. */
  maxExcursionsPerMunicipality: number;
  prioritizeNewcomers: boolean;
}

export type Decision = 'Accepted' | 'Waitlisted' | 'Not selected';

/**
 * Why, as data; the caller words it for staff.
 * - `granted` a new place; `promoted` a new place ranked above one it holds (`releases`), kept both until it answers;
 * - `kept` a staff lock Accepted or a Confirmed response; `offer` an offer told and not yet refused, kept;
 * - `full` waitlisted; `rejected` / `declined` / `lapsed` refused on this row;
 * - `released` given up because the applicant confirmed places it ranked higher;
 * - `better` not waitlisted here: it holds (or was offered) places it ranked higher.
 */
export interface Reason {
  kind: 'granted' | 'kept' | 'offer' | 'promoted' | 'full' | 'rejected' | 'declined' | 'lapsed' | 'released' | 'better';
  /** 1-based position of this excursion in the applicant's preferences; 0 for a seat staff kept on an excursion it did not list. */
  rank: number;
  /** 1-based position of the applicant in the excursion's priority order among its competitors. */
  priority: number;
  /** How many applicants listed this excursion (or hold a seat there). */
  competitors: number;
  /** Seats held here by applicants of higher priority (for 'full'), or by all (otherwise). */
  seatsTaken: number;
  /** The excursion's Places. */
  places: number;
  /** For 'full': how many applicants of higher priority hold seats here. */
  ahead: number;
  /** For 'full': seats held here by kept offers and staff keeps of applicants of lower priority. */
  keptBelow: number;
  /**
   * For 'full': seats held here by applicants of lower priority that got them in this allocation, in
   * a round before the one that reached this applicant here (it was being given a place it ranked
   * higher, and a second excursion only comes from seats still free after everyone's first).
   */
  takenEarlier: number;
  /** For 'promoted': the excursion whose place it gives up on confirming this one. */
  releases?: string;
}

export interface AllocationRow {
  applicationId: string;
  excursionId: string;
  /** 1-based rank; 0 for a seat staff kept on an excursion the applicant did not list. */
  preference: number;
  placesRequested: number;
  /** 0 unless Accepted. */
  placesGranted: number;
  decision: Decision;
  /** 1..n per excursion in priority order, only for Waitlisted. */
  waitlistPosition: number | null;
  reason: Reason;
}

export interface AllocationResult {
  /** Sorted by excursion id, then decision (Accepted, Waitlisted, Not selected), then priority. */
  rows: AllocationRow[];
  /** Per excursion id. */
  seats: Record<string, { places: number; granted: number }>;
  /** Rounds that granted at least one seat. */
  rounds: number;
}

/** The priority order at an excursion: newcomers first (when prioritizeNewcomers), then higher score, then earlier submission, then Application ID. */
export function comparePriority(a: AllocApplicant, b: AllocApplicant, prioritizeNewcomers: boolean): number {
  if (prioritizeNewcomers && a.newcomer !== b.newcomer) return a.newcomer ? -1 : 1;
  const scoreA = orLowest(a.score);
  const scoreB = orLowest(b.score);
  if (scoreA !== scoreB) return scoreA > scoreB ? -1 : 1;
  // A missing submission time must not jump the queue, so it sorts as the latest.
  const timeA = -orLowest(-a.submittedAt);
  const timeB = -orLowest(-b.submittedAt);
  if (timeA !== timeB) return timeA < timeB ? -1 : 1;
  // Code-unit comparison, not localeCompare: the order must not depend on the runtime's locale.
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** NaN would make the comparator inconsistent and the sort order depend on the input order. */
function orLowest(n: number): number {
  return Number.isNaN(n) ? Number.NEGATIVE_INFINITY : n;
}

type Refusal = 'rejected' | 'declined' | 'lapsed';

interface Holding {
  seats: number;
  kind: 'kept' | 'offer' | 'granted' | 'promoted';
  /** A staff lock: never released by the applicant's own confirmations. */
  locked: boolean;
  releases?: string;
}

interface Excursion {
  id: string;
  places: number;
  maxPer: number;
  /** Seats kept by staff, kept offers, or granted in earlier rounds: no later round can take them back. */
  fixed: number;
}

interface Applicant {
  source: AllocApplicant;
  /** Position in the one priority order, which is the same at every excursion. */
  order: number;
  requested: number;
  /** Known excursions it listed, best first, each once, with its 1-based rank in the original list. */
  listed: { excursion: Excursion; rank: number }[];
  rankOf: Map<string, number>;
  held: Map<string, Holding>;
  refused: Map<string, Refusal>;
  released: Set<string>;
  /** Ranks of the places it confirmed (and did not refuse since): only its own answer releases a place below them. */
  confirmedRanks: number[];
  /** Excursions with a row before this run, for the rows that say why nothing is offered there. */
  prior: Set<string>;
}

/** What the prior rows of one pair mean, merged so that their order does not matter. */
interface PairEffect {
  rejected: boolean;
  declined: boolean;
  lapsed: boolean;
  keptBy: { lock: boolean; confirmed: boolean };
  granted: number;
  told: number;
}

/** Allocates the excursions' places to the applicants (SPEC section 6), keeping what was told and what staff marked. */
export function allocate(input: AllocationInput): AllocationResult {
  const maxExcursions = Math.max(0, Math.floor(input.maxExcursionsPerMunicipality));
  const excursions = readExcursions(input.excursions);
  const applicants = readApplicants(input.applicants, excursions, input.prioritizeNewcomers);
  applyPrior(input.prior, applicants, excursions, maxExcursions);

  let rounds = 0;
  while (rounds < maxExcursions && runRound(applicants, excursions, maxExcursions) > 0) rounds++;

  return { rows: buildRows(applicants, excursions, maxExcursions), seats: seatTable(excursions), rounds };
}

function readExcursions(list: readonly AllocExcursion[]): Map<string, Excursion> {
  const sorted = [...list].sort((a, b) => compareIds(a.id, b.id));
  const byId = new Map<string, Excursion>();
  for (const x of sorted) {
    if (byId.has(x.id)) throw new Error(`Excursion ID "${x.id}" appears twice in the allocation input`);
    byId.set(x.id, {
      id: x.id,
      places: Math.max(0, Math.floor(x.places) || 0),
      // Every granted applicant gets at least one seat, so a smaller cap would be meaningless.
      maxPer: Math.max(1, Math.floor(x.maxPerMunicipality) || 1),
      fixed: 0,
    });
  }
  return byId;
}

function readApplicants(
  list: readonly AllocApplicant[],
  excursions: ReadonlyMap<string, Excursion>,
  prioritizeNewcomers: boolean,
): Applicant[] {
  const sorted = [...list].sort((a, b) => comparePriority(a, b, prioritizeNewcomers));
  const seen = new Set<string>();
  return sorted.map((source, order) => {
    if (seen.has(source.id)) throw new Error(`Application ID "${source.id}" appears twice in the allocation input`);
    seen.add(source.id);
    const listed: Applicant['listed'] = [];
    const rankOf = new Map<string, number>();
    source.preferences.forEach((id, i) => {
      const excursion = excursions.get(id);
      if (!excursion || rankOf.has(id)) return;
      rankOf.set(id, i + 1);
      listed.push({ excursion, rank: i + 1 });
    });
    return {
      source,
      order,
      requested: Math.max(1, Math.floor(source.requested) || 1),
      listed,
      rankOf,
      held: new Map(),
      refused: new Map(),
      released: new Set(),
      confirmedRanks: [],
      prior: new Set(),
    };
  });
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** An excursion it did not list ranks below every listed one. */
function rankFor(a: Applicant, excursionId: string): number {
  return a.rankOf.get(excursionId) ?? Number.POSITIVE_INFINITY;
}

function wholeOrZero(n: number): number {
  return Math.max(0, Math.floor(n) || 0);
}

/**
 * What was decided before this run acts before any round (SPEC 6, properties 2, 6, 7, 8).
 * A refusal on a pair wins over a keep (nobody is seated against a "no"); a staff rejection is
 * the strongest, then a decline, then a lapse. Told places are kept first, whatever Places says
 * now (an offer made is kept); staff keeps then share what is left in priority order, at least
 * one seat each.
 */
function applyPrior(
  prior: readonly PriorRow[],
  applicants: readonly Applicant[],
  excursions: Map<string, Excursion>,
  maxExcursions: number,
) {
  const byId = new Map(applicants.map((a) => [a.source.id, a]));
  const effects = new Map<Applicant, Map<Excursion, PairEffect>>();
  for (const row of prior) {
    const applicant = byId.get(row.applicationId);
    const excursion = excursions.get(row.excursionId);
    if (!applicant || !excursion) continue;
    applicant.prior.add(excursion.id);
    const forApplicant = effects.get(applicant) ?? new Map<Excursion, PairEffect>();
    effects.set(applicant, forApplicant);
    const e = forApplicant.get(excursion) ?? {
      rejected: false,
      declined: false,
      lapsed: false,
      keptBy: { lock: false, confirmed: false },
      granted: 0,
      told: 0,
    };
    e.rejected ||= row.locked === 'Rejected';
    e.declined ||= row.response === 'Declined';
    e.lapsed ||= row.response === 'Lapsed';
    e.keptBy.lock ||= row.locked === 'Accepted';
    e.keptBy.confirmed ||= row.response === 'Confirmed';
    e.granted = Math.max(e.granted, wholeOrZero(row.placesGranted));
    e.told = Math.max(e.told, wholeOrZero(row.toldPlaces));
    forApplicant.set(excursion, e);
  }

  const keptAt = new Map<Excursion, { applicant: Applicant; want: number; told: number }[]>();
  for (const [applicant, forApplicant] of effects) {
    for (const [excursion, e] of forApplicant) {
      const refusal: Refusal | null = e.rejected ? 'rejected' : e.declined ? 'declined' : e.lapsed ? 'lapsed' : null;
      if (refusal) {
        applicant.refused.set(excursion.id, refusal);
        continue;
      }
      if (!e.keptBy.lock && e.told > 0 && e.granted === 0) {
        // Told a place that now shows 0 granted: only allocation writes 0 on a told offer, and only
        // when the applicant's confirmation above released it. A release stays a release, even if
        // staff later reject the place that caused it: the seat has gone to someone else. A
        // confirmation of a place given up so is spent: it releases nothing below it.
        applicant.released.add(excursion.id);
        continue;
      }
      if (e.keptBy.confirmed) applicant.confirmedRanks.push(rankFor(applicant, excursion.id));
      if (e.keptBy.lock || e.keptBy.confirmed) {
        const list = keptAt.get(excursion) ?? [];
        // A row that was not Accepted before has 0 granted: then the request decides the size.
        list.push({ applicant, want: e.granted, told: e.told });
        keptAt.set(excursion, list);
        applicant.held.set(excursion.id, { seats: e.told, kind: 'kept', locked: e.keptBy.lock });
        excursion.fixed += e.told;
      } else if (e.told > 0) {
        applicant.held.set(excursion.id, { seats: e.told, kind: 'offer', locked: false });
        excursion.fixed += e.told;
      }
    }
  }
  // What is left of Places is handed out in priority order so that the result does not depend on the rows' order.
  for (const [excursion, list] of keptAt) {
    list.sort((a, b) => a.applicant.order - b.applicant.order);
    for (const { applicant, want, told } of list) {
      const target = Math.max(1, Math.min(want > 0 ? want : applicant.requested, excursion.maxPer));
      let extra = Math.max(0, Math.min(target - told, excursion.places - excursion.fixed));
      // A kept row keeps at least one seat even past Places: staff (or the applicant's confirmation) decided.
      if (told + extra === 0) extra = 1;
      applicant.held.get(excursion.id)!.seats = told + extra;
      excursion.fixed += extra;
    }
  }
  for (const applicant of applicants) releaseBelowConfirmed(applicant, excursions, maxExcursions);
}

/**
 * Property 7: confirming a promotion gives up the lower place. A holding is released once the
 * applicant has confirmed maxExcursionsPerMunicipality places ranked above it. Only the applicant's
 * own answer releases ("keeps both until it answers"): a staff lock neither releases another place
 * nor is itself released (staff decided it).
 */
function releaseBelowConfirmed(a: Applicant, excursions: ReadonlyMap<string, Excursion>, maxExcursions: number) {
  for (const [id, h] of [...a.held]) {
    if (h.locked) continue;
    const rank = rankFor(a, id);
    if (a.confirmedRanks.filter((r) => r < rank).length < maxExcursions) continue;
    a.held.delete(id);
    a.released.add(id);
    excursions.get(id)!.fixed -= h.seats;
  }
}

/**
 * The places it would still hold were it to confirm every one it holds: property 7 releases a place
 * below maxExcursions others; a staff lock stays whatever it confirms.
 */
function settled(a: Applicant, maxExcursions: number): { rank: number; locked: boolean }[] {
  // Only its own places count above another: confirming releases below its own answers, never for a lock.
  const ranks = [...a.held].filter(([, h]) => !h.locked).map(([id]) => rankFor(a, id));
  return [...a.held]
    .filter(([id, h]) => h.locked || ranks.filter((r) => r < rankFor(a, id)).length < maxExcursions)
    .map(([id, h]) => ({ rank: rankFor(a, id), locked: h.locked }));
}

/**
 * Whether it may be offered (and so is waitlisted at) an excursion of this rank: it has a slot free
 * (its declines and lapses use slots: property 8), or it ranks the excursion above the worst place it
 * would keep on confirming all it holds (a promotion, kept with the lower place until it answers) and
 * above every excursion it declined or let lapse. A staff lock uses a slot but does not stop the
 * applicant moving up to what it ranked higher.
 */
function mayTake(a: Applicant, rank: number, maxExcursions: number): boolean {
  // Below as many places as it confirmed, a place would be released the moment it is offered (7).
  if (a.confirmedRanks.filter((r) => r < rank).length >= maxExcursions) return false;
  const kept = settled(a, maxExcursions);
  const burned = [...a.refused].filter(([, r]) => r !== 'rejected').map(([id]) => rankFor(a, id));
  if (kept.length + burned.length < maxExcursions) return true;
  // Once its own places (not staff's locks) fill its maximum, only those can be moved up from:
  // a lock ranked lower is never given up, so an excursion above the lock alone is no promotion.
  const own = kept.filter((h) => !h.locked);
  const ranks = (own.length >= maxExcursions ? own : kept).map((h) => h.rank);
  const worstHeld = ranks.length ? Math.max(...ranks) : Number.POSITIVE_INFINITY;
  const bestBurned = burned.length ? Math.min(...burned) : Number.POSITIVE_INFINITY;
  return rank < worstHeld && rank < bestBurned;
}

/**
 * One round of deferred acceptance over the seats still free: each applicant that may take another
 * excursion holds at most one more. Returns how many applicants were granted seats.
 */
function runRound(applicants: readonly Applicant[], excursions: ReadonlyMap<string, Excursion>, maxExcursions: number) {
  const free = new Map<Excursion, number>();
  for (const x of excursions.values()) free.set(x, Math.max(0, x.places - x.fixed));

  const candidates = new Map<Applicant, Excursion[]>();
  const next = new Map<Applicant, number>();
  let proposing: Applicant[] = [];
  for (const a of applicants) {
    // Excursions with no free seat would reject anyway; leaving them out saves iterations.
    const options = a.listed
      .filter(
        (l) =>
          !a.held.has(l.excursion.id) &&
          !a.refused.has(l.excursion.id) &&
          !a.released.has(l.excursion.id) &&
          (free.get(l.excursion) ?? 0) > 0 &&
          mayTake(a, l.rank, maxExcursions),
      )
      .map((l) => l.excursion);
    if (options.length === 0) continue;
    candidates.set(a, options);
    next.set(a, 0);
    proposing.push(a);
  }

  const holders = new Map<Excursion, Applicant[]>();
  const tentative = new Map<Applicant, number>();
  while (proposing.length > 0) {
    const incoming = new Map<Excursion, Applicant[]>();
    for (const a of proposing) {
      const x = candidates.get(a)![next.get(a)!];
      const list = incoming.get(x);
      if (list) list.push(a);
      else incoming.set(x, [a]);
    }
    proposing = [];
    for (const [x, proposers] of incoming) {
      const pool = (holders.get(x) ?? []).concat(proposers).sort((a, b) => a.order - b.order);
      let left = free.get(x)!;
      const kept: Applicant[] = [];
      for (const a of pool) {
        if (left > 0) {
          const seats = Math.min(a.requested, x.maxPer, left);
          left -= seats;
          tentative.set(a, seats);
          kept.push(a);
          continue;
        }
        tentative.delete(a);
        const position = next.get(a)! + 1;
        next.set(a, position);
        if (position < candidates.get(a)!.length) proposing.push(a);
      }
      holders.set(x, kept);
    }
  }

  let granted = 0;
  for (const [x, list] of holders) {
    for (const a of list) {
      const seats = tentative.get(a)!;
      const holding: Holding = { seats, kind: 'granted', locked: false };
      // Confirming this one would give up its worst place that is not a staff lock and that would
      // then have maxExcursions places above it: a promotion, told what it gives up.
      const rank = rankFor(a, x.id);
      const ranks = [...a.held]
        .filter(([, h]) => !h.locked)
        .map(([id]) => rankFor(a, id))
        .concat(rank);
      const gives = [...a.held]
        .filter(
          ([id, h]) =>
            !h.locked && rankFor(a, id) > rank && ranks.filter((r) => r < rankFor(a, id)).length >= maxExcursions,
        )
        .sort(([p], [q]) => rankFor(a, q) - rankFor(a, p) || compareIds(p, q))[0];
      if (gives !== undefined) {
        holding.kind = 'promoted';
        holding.releases = gives[0];
      }
      a.held.set(x.id, holding);
      x.fixed += seats;
      granted++;
    }
  }
  return granted;
}

function buildRows(
  applicants: readonly Applicant[],
  excursions: ReadonlyMap<string, Excursion>,
  maxExcursions: number,
): AllocationRow[] {
  const competitorsAt = new Map<Excursion, Applicant[]>();
  for (const x of excursions.values()) competitorsAt.set(x, []);
  // Applicants are already in priority order, so each competitor list comes out sorted.
  for (const a of applicants) {
    for (const x of excursions.values())
      if (a.rankOf.has(x.id) || a.held.has(x.id) || a.released.has(x.id)) competitorsAt.get(x)!.push(a);
  }

  const rows: AllocationRow[] = [];
  for (const x of excursions.values()) {
    const competitors = competitorsAt.get(x)!;
    const accepted: AllocationRow[] = [];
    const waitlisted: AllocationRow[] = [];
    const notSelected: AllocationRow[] = [];
    let seatsAbove = 0;
    let holdersAbove = 0;
    // Seats held by competitors after position i, summed once from the end: those of kept offers and
    // staff keeps (fixed), and the rest (taken in this allocation's rounds).
    const fixedAfter: number[] = new Array(competitors.length + 1).fill(0);
    const otherAfter: number[] = new Array(competitors.length + 1).fill(0);
    for (let i = competitors.length - 1; i >= 0; i--) {
      const h = competitors[i].held.get(x.id);
      const fixed = h !== undefined && (h.kind === 'kept' || h.kind === 'offer');
      fixedAfter[i] = fixedAfter[i + 1] + (h && fixed ? h.seats : 0);
      otherAfter[i] = otherAfter[i + 1] + (h && !fixed ? h.seats : 0);
    }
    const heldBelow = (i: number, fixed: boolean) => (fixed ? fixedAfter[i + 1] : otherAfter[i + 1]);
    competitors.forEach((a, i) => {
      const rank = a.rankOf.get(x.id) ?? 0;
      const holding = a.held.get(x.id);
      const refusal = a.refused.get(x.id);
      const row = (decision: Decision, kind: Reason['kind'], seatsTaken: number): AllocationRow => ({
        applicationId: a.source.id,
        excursionId: x.id,
        preference: rank,
        placesRequested: a.source.requested,
        placesGranted: holding?.seats ?? 0,
        decision,
        waitlistPosition: null,
        reason: {
          kind,
          rank,
          priority: i + 1,
          competitors: competitors.length,
          seatsTaken,
          places: x.places,
          ahead: 0,
          keptBelow: 0,
          takenEarlier: 0,
        },
      });
      if (holding) {
        const r = row('Accepted', holding.kind, x.fixed);
        if (holding.releases !== undefined) r.reason.releases = holding.releases;
        accepted.push(r);
      } else if (refusal) {
        notSelected.push(row('Not selected', refusal, x.fixed));
      } else if (a.released.has(x.id)) {
        notSelected.push(row('Not selected', 'released', x.fixed));
      } else if (mayTake(a, rank, maxExcursions)) {
        const waiting = row('Waitlisted', 'full', seatsAbove);
        waiting.waitlistPosition = waitlisted.length + 1;
        waiting.reason.ahead = holdersAbove;
        waiting.reason.keptBelow = heldBelow(i, true);
        waiting.reason.takenEarlier = heldBelow(i, false);
        waitlisted.push(waiting);
      } else if (a.prior.has(x.id)) {
        // It had a row here before: the row stays and says why nothing is offered here now.
        notSelected.push(row('Not selected', 'better', x.fixed));
      }
      seatsAbove += holding?.seats ?? 0;
      if (holding) holdersAbove++;
    });
    rows.push(...accepted, ...waitlisted, ...notSelected);
  }
  return rows;
}

function seatTable(excursions: ReadonlyMap<string, Excursion>): AllocationResult['seats'] {
  // fromEntries defines own properties, so even an id like "__proto__" stays a plain key.
  return Object.fromEntries([...excursions.values()].map((x) => [x.id, { places: x.places, granted: x.fixed }]));
}
