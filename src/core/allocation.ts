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
export type Response = '' | 'Confirmed' | 'Declined';

/** What staff wrote on an existing Allocations row, kept across re-runs. */
export interface StaffMark {
  applicationId: string;
  excursionId: string;
  locked: Locked;
  response: Response;
  placesGranted: number;
}

export interface AllocationInput {
  applicants: AllocApplicant[];
  excursions: AllocExcursion[];
  marks: StaffMark[];
  /** >= 1. */
  maxExcursionsPerMunicipality: number;
  prioritizeNewcomers: boolean;
}

export type Decision = 'Accepted' | 'Waitlisted' | 'Not selected';

/** Why, as data; the caller words it for staff. */
export interface Reason {
  kind: 'granted' | 'kept' | 'full' | 'rejected' | 'declined';
  /** 1-based position of this excursion in the applicant's preferences; 0 for a seat staff kept on an excursion it did not list. */
  rank: number;
  /** 1-based position of the applicant in the excursion's priority order among its competitors. */
  priority: number;
  /** How many applicants listed this excursion (or hold a seat there that staff kept). */
  competitors: number;
  /** Seats held here by applicants of higher priority (for 'full'), or by all (otherwise). */
  seatsTaken: number;
  /** The excursion's Places. */
  places: number;
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

type Refusal = 'rejected' | 'declined';

interface Holding {
  seats: number;
  kept: boolean;
}

interface Excursion {
  id: string;
  places: number;
  maxPer: number;
  /** Seats kept by staff or granted in earlier rounds: no later round can take them back. */
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
}

type MarkEffect = { kind: 'kept'; want: number } | { kind: Refusal };

/** Allocates the excursions' places to the applicants (SPEC section 6), keeping what staff marked. */
export function allocate(input: AllocationInput): AllocationResult {
  const maxExcursions = Math.max(0, Math.floor(input.maxExcursionsPerMunicipality));
  const excursions = readExcursions(input.excursions);
  const applicants = readApplicants(input.applicants, excursions, input.prioritizeNewcomers);
  applyMarks(input.marks, applicants, excursions);

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
    };
  });
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Staff marks act before any round. Where marks on one pair disagree, a refusal wins over a keep
 * (nobody is seated against a "no"), and a staff rejection over a municipality's decline.
 */
function applyMarks(marks: readonly StaffMark[], applicants: readonly Applicant[], excursions: Map<string, Excursion>) {
  const byId = new Map(applicants.map((a) => [a.source.id, a]));
  const effects = new Map<Applicant, Map<Excursion, MarkEffect>>();
  for (const mark of marks) {
    const applicant = byId.get(mark.applicationId);
    const excursion = excursions.get(mark.excursionId);
    if (!applicant || !excursion) continue;
    const effect = markEffect(mark);
    if (!effect) continue;
    const forApplicant = effects.get(applicant) ?? new Map<Excursion, MarkEffect>();
    effects.set(applicant, forApplicant);
    const earlier = forApplicant.get(excursion);
    forApplicant.set(excursion, earlier ? strongerEffect(earlier, effect) : effect);
  }

  const keptAt = new Map<Excursion, { applicant: Applicant; want: number }[]>();
  for (const [applicant, forApplicant] of effects) {
    for (const [excursion, effect] of forApplicant) {
      if (effect.kind !== 'kept') {
        applicant.refused.set(excursion.id, effect.kind);
        continue;
      }
      const list = keptAt.get(excursion) ?? [];
      list.push({ applicant, want: effect.want });
      keptAt.set(excursion, list);
    }
  }
  // Places left are handed out in priority order so that the result does not depend on the marks' order.
  for (const [excursion, list] of keptAt) {
    list.sort((a, b) => a.applicant.order - b.applicant.order);
    for (const { applicant, want } of list) {
      const left = excursion.places - excursion.fixed;
      // A kept row keeps at least one seat even past Places: staff decided.
      const seats = Math.max(1, Math.min(want > 0 ? want : applicant.requested, excursion.maxPer, left));
      applicant.held.set(excursion.id, { seats, kept: true });
      excursion.fixed += seats;
    }
  }
}

function markEffect(mark: StaffMark): MarkEffect | null {
  if (mark.locked === 'Rejected') return { kind: 'rejected' };
  if (mark.response === 'Declined') return { kind: 'declined' };
  if (mark.locked === 'Accepted' || mark.response === 'Confirmed') {
    // A row that was not Accepted before has 0 granted: then the request decides the size.
    return { kind: 'kept', want: Math.max(0, Math.floor(mark.placesGranted) || 0) };
  }
  return null;
}

function strongerEffect(a: MarkEffect, b: MarkEffect): MarkEffect {
  const weight = (e: MarkEffect) => (e.kind === 'rejected' ? 2 : e.kind === 'declined' ? 1 : 0);
  if (weight(a) !== weight(b)) return weight(a) > weight(b) ? a : b;
  return a.kind === 'kept' && b.kind === 'kept' && b.want > a.want ? b : a;
}

/**
 * One round of deferred acceptance over the seats still free: each applicant with room for another
 * excursion holds at most one more. Returns how many applicants were granted seats.
 */
function runRound(applicants: readonly Applicant[], excursions: ReadonlyMap<string, Excursion>, maxExcursions: number) {
  const free = new Map<Excursion, number>();
  for (const x of excursions.values()) free.set(x, Math.max(0, x.places - x.fixed));

  const candidates = new Map<Applicant, Excursion[]>();
  const next = new Map<Applicant, number>();
  let proposing: Applicant[] = [];
  for (const a of applicants) {
    if (a.held.size >= maxExcursions) continue;
    // Excursions with no free seat would reject anyway; leaving them out saves iterations.
    const options = a.listed
      .map((l) => l.excursion)
      .filter((x) => !a.held.has(x.id) && !a.refused.has(x.id) && (free.get(x) ?? 0) > 0);
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
      a.held.set(x.id, { seats, kept: false });
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
  const lowestHeldRank = new Map<Applicant, number>();
  const competitorsAt = new Map<Excursion, Applicant[]>();
  for (const x of excursions.values()) competitorsAt.set(x, []);
  // Applicants are already in priority order, so each competitor list comes out sorted.
  for (const a of applicants) {
    let lowest = 0;
    for (const id of a.held.keys()) lowest = Math.max(lowest, a.rankOf.get(id) ?? Number.POSITIVE_INFINITY);
    lowestHeldRank.set(a, lowest);
    for (const x of excursions.values()) if (a.rankOf.has(x.id) || a.held.has(x.id)) competitorsAt.get(x)!.push(a);
  }

  const rows: AllocationRow[] = [];
  for (const x of excursions.values()) {
    const competitors = competitorsAt.get(x)!;
    const accepted: AllocationRow[] = [];
    const waitlisted: AllocationRow[] = [];
    const notSelected: AllocationRow[] = [];
    let seatsAbove = 0;
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
        reason: { kind, rank, priority: i + 1, competitors: competitors.length, seatsTaken, places: x.places },
      });
      if (holding) {
        accepted.push(row('Accepted', holding.kept ? 'kept' : 'granted', x.fixed));
      } else if (refusal) {
        notSelected.push(row('Not selected', refusal, x.fixed));
      } else if (a.held.size < maxExcursions || rank < lowestHeldRank.get(a)!) {
        const waiting = row('Waitlisted', 'full', seatsAbove);
        waiting.waitlistPosition = waitlisted.length + 1;
        waitlisted.push(waiting);
      }
      seatsAbove += holding?.seats ?? 0;
    });
    rows.push(...accepted, ...waitlisted, ...notSelected);
  }
  return rows;
}

function seatTable(excursions: ReadonlyMap<string, Excursion>): AllocationResult['seats'] {
  // fromEntries defines own properties, so even an id like "__proto__" stays a plain key.
  return Object.fromEntries([...excursions.values()].map((x) => [x.id, { places: x.places, granted: x.fixed }]));
}
