import fc from 'fast-check';
import {
  type AllocApplicant,
  type AllocationInput,
  type AllocationResult,
  type AllocationRow,
  type AllocExcursion,
  allocate,
  comparePriority,
  type Decision,
  type StaffMark,
} from '../../src/core/allocation';

// ---------------------------------------------------------------- generators

const UNKNOWN_EXCURSION = 'GONE';
const UNKNOWN_APPLICANT = 'NOBODY';

const excursionArb = fc.record({
  places: fc.integer({ min: 0, max: 8 }),
  maxPerMunicipality: fc.integer({ min: 1, max: 3 }),
});

/** Random calls: scores and submission times drawn from tiny ranges so that ties are common. */
const inputArb: fc.Arbitrary<AllocationInput> = fc.integer({ min: 1, max: 6 }).chain((excursionCount) => {
  const excursionIds = Array.from({ length: excursionCount }, (_, i) => `X${i + 1}`);
  const applicantArb = fc.record({
    score: fc.integer({ min: 0, max: 3 }),
    submittedAt: fc.integer({ min: 0, max: 3 }),
    newcomer: fc.boolean(),
    requested: fc.integer({ min: 1, max: 3 }),
    preferences: fc.shuffledSubarray([...excursionIds, UNKNOWN_EXCURSION]),
  });
  return fc
    .record({
      excursions: fc.tuple(...excursionIds.map(() => excursionArb)),
      applicants: fc.array(applicantArb, { maxLength: 30 }),
      maxExcursionsPerMunicipality: fc.integer({ min: 1, max: 3 }),
      prioritizeNewcomers: fc.boolean(),
    })
    .chain(({ excursions, applicants, maxExcursionsPerMunicipality, prioritizeNewcomers }) => {
      const applicationIds = applicants.map((_, i) => `A${i}`);
      const markArb = fc.record({
        applicationId: fc.constantFrom(...applicationIds, UNKNOWN_APPLICANT),
        excursionId: fc.constantFrom(...excursionIds, UNKNOWN_EXCURSION),
        locked: fc.constantFrom('' as const, 'Accepted' as const, 'Rejected' as const),
        response: fc.constantFrom('' as const, 'Confirmed' as const, 'Declined' as const),
        placesGranted: fc.integer({ min: 0, max: 3 }),
      });
      return fc.array(markArb, { maxLength: 20 }).map(
        (marks): AllocationInput => ({
          excursions: excursions.map((x, i) => ({ id: excursionIds[i], ...x })),
          applicants: applicants.map((a, i) => ({ id: applicationIds[i], municipality: `M${i}`, ...a })),
          marks,
          maxExcursionsPerMunicipality,
          prioritizeNewcomers,
        }),
      );
    });
});

/** Unit sizes and no marks: the setting of the textbook college-admissions model. */
const unitInputArb: fc.Arbitrary<AllocationInput> = fc.integer({ min: 1, max: 3 }).chain((excursionCount) => {
  const excursionIds = Array.from({ length: excursionCount }, (_, i) => `X${i + 1}`);
  return fc
    .record({
      places: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: excursionCount, maxLength: excursionCount }),
      applicants: fc.array(
        fc.record({
          score: fc.integer({ min: 0, max: 2 }),
          submittedAt: fc.integer({ min: 0, max: 2 }),
          newcomer: fc.boolean(),
          preferences: fc.shuffledSubarray(excursionIds),
        }),
        { maxLength: 5 },
      ),
      prioritizeNewcomers: fc.boolean(),
    })
    .map(({ places, applicants, prioritizeNewcomers }) => ({
      excursions: excursionIds.map((id, i) => ({ id, places: places[i], maxPerMunicipality: 1 })),
      applicants: applicants.map((a, i) => ({ id: `A${i}`, municipality: `M${i}`, requested: 1, ...a })),
      marks: [],
      maxExcursionsPerMunicipality: 1,
      prioritizeNewcomers,
    }));
});

function permutation<T>(items: readonly T[]): fc.Arbitrary<T[]> {
  return fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
}

// ---------------------------------------------------------------- a model of the input, written independently

type Refusal = 'rejected' | 'declined';

/** What the marks mean for one call: a refusal on a pair wins over a keep, a staff rejection over a decline. */
function readMarks(input: AllocationInput) {
  const applicantIds = new Set(input.applicants.map((a) => a.id));
  const excursionIds = new Set(input.excursions.map((x) => x.id));
  const refused = new Map<string, Refusal>();
  const kept = new Map<string, number>();
  for (const m of input.marks) {
    if (!applicantIds.has(m.applicationId) || !excursionIds.has(m.excursionId)) continue;
    const key = pair(m.applicationId, m.excursionId);
    if (m.locked === 'Rejected') refused.set(key, 'rejected');
    else if (m.response === 'Declined') {
      if (refused.get(key) !== 'rejected') refused.set(key, 'declined');
    } else if (m.locked === 'Accepted' || m.response === 'Confirmed') {
      kept.set(key, Math.max(kept.get(key) ?? 0, m.placesGranted));
    }
  }
  for (const key of refused.keys()) kept.delete(key);
  return { refused, kept };
}

function pair(applicationId: string, excursionId: string): string {
  return `${applicationId}@${excursionId}`;
}

/** 1-based rank of each known excursion in an applicant's preferences, by its position in the list as given. */
function ranks(applicant: AllocApplicant, excursions: readonly AllocExcursion[]): Map<string, number> {
  const known = new Set(excursions.map((x) => x.id));
  const result = new Map<string, number>();
  applicant.preferences.forEach((id, i) => {
    if (known.has(id) && !result.has(id)) result.set(id, i + 1);
  });
  return result;
}

function acceptedRows(result: AllocationResult): Map<string, AllocationRow> {
  return new Map(
    result.rows.filter((r) => r.decision === 'Accepted').map((r) => [pair(r.applicationId, r.excursionId), r]),
  );
}

const DECISION_ORDER: Decision[] = ['Accepted', 'Waitlisted', 'Not selected'];

/**
 * The priority order of SPEC section 6, written again here so that no property judges the product
 * by its own comparator: a key compared left to right, newcomers first (when on), higher score,
 * earlier submission, Application ID by code unit. A missing score or time (NaN) sorts last.
 */
function priorityKey(a: AllocApplicant, newcomersFirst: boolean): (number | string)[] {
  return [
    newcomersFirst && !a.newcomer ? 1 : 0,
    Number.isNaN(a.score) ? Number.POSITIVE_INFINITY : -a.score,
    Number.isNaN(a.submittedAt) ? Number.POSITIVE_INFINITY : a.submittedAt,
    a.id,
  ];
}

function referencePriority(a: AllocApplicant, b: AllocApplicant, newcomersFirst: boolean): number {
  const ka = priorityKey(a, newcomersFirst);
  const kb = priorityKey(b, newcomersFirst);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
  return 0;
}

/**
 * The allocation as a plain serial dictatorship, the reference the product's deferred acceptance
 * must agree with because every excursion ranks applicants in the same order: staff keeps first
 * (in priority order, at least one seat each), then round after round each applicant with room
 * takes, in priority order, the best listed excursion it does not hold, did not refuse and that
 * still has a seat. Returns seats granted by "applicant@excursion".
 */
function serialDictatorship(input: AllocationInput): Map<string, number> {
  const order = [...input.applicants].sort((a, b) => referencePriority(a, b, input.prioritizeNewcomers));
  const { refused, kept } = readMarks(input);
  const places = new Map(input.excursions.map((x) => [x.id, Math.max(0, Math.floor(x.places))]));
  const cap = new Map(input.excursions.map((x) => [x.id, Math.max(1, Math.floor(x.maxPerMunicipality))]));
  const taken = new Map(input.excursions.map((x) => [x.id, 0]));
  const seats = new Map<string, number>();
  const holdings = (a: AllocApplicant) => input.excursions.filter((x) => seats.has(pair(a.id, x.id))).length;
  const requested = (a: AllocApplicant) => Math.max(1, Math.floor(a.requested));

  for (const x of input.excursions) {
    for (const a of order) {
      const want = kept.get(pair(a.id, x.id));
      if (want === undefined) continue;
      const left = places.get(x.id)! - taken.get(x.id)!;
      const n = Math.max(1, Math.min(want > 0 ? want : requested(a), cap.get(x.id)!, left));
      seats.set(pair(a.id, x.id), n);
      taken.set(x.id, taken.get(x.id)! + n);
    }
  }
  for (let round = 0; round < input.maxExcursionsPerMunicipality; round++) {
    let granted = 0;
    for (const a of order) {
      if (holdings(a) >= input.maxExcursionsPerMunicipality) continue;
      const choice = [...ranks(a, input.excursions).keys()].find(
        (id) => !seats.has(pair(a.id, id)) && !refused.has(pair(a.id, id)) && places.get(id)! - taken.get(id)! > 0,
      );
      if (choice === undefined) continue;
      const n = Math.min(requested(a), cap.get(choice)!, places.get(choice)! - taken.get(choice)!);
      seats.set(pair(a.id, choice), n);
      taken.set(choice, taken.get(choice)! + n);
      granted++;
    }
    if (granted === 0) break;
  }
  return seats;
}

// ---------------------------------------------------------------- properties

describe('allocation properties on random calls', () => {
  it('seats exactly whom a plain serial dictatorship over the same priority rules seats', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const ours = new Map<string, number>();
        for (const r of allocate(input).rows)
          if (r.decision === 'Accepted') ours.set(pair(r.applicationId, r.excursionId), r.placesGranted);
        expect(Object.fromEntries([...ours].sort())).toEqual(Object.fromEntries([...serialDictatorship(input)].sort()));
      }),
      { numRuns: 300 },
    );
  });

  it('orders applicants as the priority rules written apart from the product do', () => {
    const someone = fc.record({
      id: fc.constantFrom('A', 'B', 'a', 'Ä'),
      municipality: fc.constant('M'),
      score: fc.oneof(fc.integer({ min: 0, max: 2 }), fc.constant(Number.NaN)),
      submittedAt: fc.oneof(fc.integer({ min: 0, max: 2 }), fc.constant(Number.NaN)),
      newcomer: fc.boolean(),
      requested: fc.constant(1),
      preferences: fc.constant<string[]>([]),
    });
    fc.assert(
      fc.property(someone, someone, fc.boolean(), (a, b, on) => {
        expect(Math.sign(comparePriority(a, b, on))).toBe(Math.sign(referencePriority(a, b, on)));
      }),
      { numRuns: 500 },
    );
  });

  it('never gives an excursion more seats than Places (unless staff kept more)', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = allocate(input);
        for (const x of input.excursions) {
          const here = result.rows.filter((r) => r.excursionId === x.id && r.decision === 'Accepted');
          const total = here.reduce((n, r) => n + r.placesGranted, 0);
          const keptSeats = here.filter((r) => r.reason.kind === 'kept').reduce((n, r) => n + r.placesGranted, 0);
          expect(result.seats[x.id]).toEqual({ places: x.places, granted: total });
          // Where staff kept Places or more, the excursion is theirs alone.
          if (keptSeats >= x.places) expect(total).toBe(keptSeats);
          else expect(total).toBeLessThanOrEqual(x.places);
        }
      }),
    );
  });

  it('never gives an applicant more than Max Per Municipality on one excursion, nor more than it asked for', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = allocate(input);
        const maxPer = new Map(input.excursions.map((x) => [x.id, x.maxPerMunicipality]));
        for (const r of result.rows) {
          if (r.decision !== 'Accepted') {
            expect(r.placesGranted).toBe(0);
            continue;
          }
          expect(r.placesGranted).toBeGreaterThanOrEqual(1);
          expect(r.placesGranted).toBeLessThanOrEqual(maxPer.get(r.excursionId)!);
          if (r.reason.kind === 'granted') expect(r.placesGranted).toBeLessThanOrEqual(r.placesRequested);
        }
      }),
    );
  });

  it('never gives an applicant more excursions than maxExcursionsPerMunicipality (beyond what staff kept)', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = allocate(input);
        for (const a of input.applicants) {
          const held = result.rows.filter((r) => r.applicationId === a.id && r.decision === 'Accepted');
          const kept = held.filter((r) => r.reason.kind === 'kept').length;
          expect(held.length).toBeLessThanOrEqual(Math.max(input.maxExcursionsPerMunicipality, kept));
        }
        expect(result.rounds).toBeLessThanOrEqual(input.maxExcursionsPerMunicipality);
      }),
    );
  });

  it('keeps the seats of Locked=Accepted and Response=Confirmed rows', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = allocate(input);
        const accepted = acceptedRows(result);
        const { kept } = readMarks(input);
        for (const key of kept.keys()) expect(accepted.get(key)?.reason.kind).toBe('kept');
        for (const [key, row] of accepted) if (row.reason.kind === 'kept') expect(kept.has(key)).toBe(true);

        // Where the kept rows fit, each keeps exactly what staff granted (or what it asked for, if 0), capped by Max Per Municipality.
        for (const x of input.excursions) {
          const wanted = input.applicants
            .filter((a) => kept.has(pair(a.id, x.id)))
            .map((a) => {
              const granted = kept.get(pair(a.id, x.id))!;
              return { a, seats: Math.min(granted > 0 ? granted : a.requested, x.maxPerMunicipality) };
            });
          if (wanted.reduce((n, w) => n + w.seats, 0) > x.places) continue;
          for (const w of wanted) expect(accepted.get(pair(w.a.id, x.id))!.placesGranted).toBe(w.seats);
        }
      }),
    );
  });

  it('never grants a Locked=Rejected or Response=Declined row, and marks it Not selected', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = allocate(input);
        const byPair = new Map(result.rows.map((r) => [pair(r.applicationId, r.excursionId), r]));
        const { refused } = readMarks(input);
        const listed = new Set(
          input.applicants.flatMap((a) => [...ranks(a, input.excursions).keys()].map((x) => pair(a.id, x))),
        );
        for (const [key, kind] of refused) {
          const row = byPair.get(key);
          if (!listed.has(key)) {
            expect(row).toBeUndefined();
            continue;
          }
          expect(row?.decision).toBe('Not selected');
          expect(row?.reason.kind).toBe(kind);
        }
      }),
    );
  });

  /*
   * The exact no-envy property tested. Let B hold seats at X that staff did not keep, and let A come
   * before B in the priority order, list X, not hold X, and not be refused X by a mark. Then A holds,
   * by allocation rather than by staff, an excursion it ranks above X — or staff-kept excursions alone
   * already fill A's maxExcursionsPerMunicipality.
   *
   * Why this and not "A prefers X to any one excursion it holds": a second excursion only comes from
   * seats still free after everyone's first (rounds, SPEC section 6), so A may get its 1st choice in
   * round 1 while B takes the last seat of A's 2nd, and A then gets its 3rd in round 2. Within a
   * round, greedy filling in priority order means the seats at X ran out before A was reached, so B,
   * after A, cannot have been reached either; seat sizes do not change that.
   */
  it('leaves no justified envy: an applicant of higher priority that wanted X got something better', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = allocate(input);
        const accepted = acceptedRows(result);
        const { refused } = readMarks(input);
        for (const x of input.excursions) {
          const lowest = input.applicants
            .filter((b) => accepted.get(pair(b.id, x.id))?.reason.kind === 'granted')
            .sort((p, q) => referencePriority(p, q, input.prioritizeNewcomers))
            .pop();
          if (!lowest) continue;
          for (const a of input.applicants) {
            const rankOfA = ranks(a, input.excursions);
            const rankOfX = rankOfA.get(x.id);
            if (rankOfX === undefined || accepted.has(pair(a.id, x.id)) || refused.has(pair(a.id, x.id))) continue;
            if (referencePriority(a, lowest, input.prioritizeNewcomers) >= 0) continue;
            const held = [...accepted.values()].filter((r) => r.applicationId === a.id);
            const keptCount = held.filter((r) => r.reason.kind === 'kept').length;
            const betterGrant = held.some((r) => r.reason.kind === 'granted' && r.preference < rankOfX);
            expect(betterGrant || keptCount >= input.maxExcursionsPerMunicipality).toBe(true);
          }
        }
      }),
    );
  });

  it('wastes no seat: an applicant with room for more is refused an excursion only when it is full', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = allocate(input);
        const accepted = acceptedRows(result);
        const { refused } = readMarks(input);
        for (const a of input.applicants) {
          const heldCount = [...accepted.values()].filter((r) => r.applicationId === a.id).length;
          if (heldCount >= input.maxExcursionsPerMunicipality) continue;
          for (const id of ranks(a, input.excursions).keys()) {
            if (accepted.has(pair(a.id, id)) || refused.has(pair(a.id, id))) continue;
            expect(result.seats[id].granted).toBeGreaterThanOrEqual(result.seats[id].places);
          }
        }
      }),
    );
  });

  it('gives the same result whatever the order of applicants, excursions and marks', () => {
    const shuffled = inputArb.chain((input) =>
      fc.tuple(
        fc.constant(input),
        permutation(input.applicants),
        permutation(input.excursions),
        permutation(input.marks),
      ),
    );
    fc.assert(
      fc.property(shuffled, ([input, applicants, excursions, marks]) => {
        expect(allocate({ ...input, applicants, excursions, marks })).toEqual(allocate(input));
      }),
    );
  });

  it('waitlists an applicant exactly on the listed excursions it prefers to what it holds', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = allocate(input);
        const { refused } = readMarks(input);
        for (const a of input.applicants) {
          const rankOf = ranks(a, input.excursions);
          const mine = result.rows.filter((r) => r.applicationId === a.id);
          const held = mine.filter((r) => r.decision === 'Accepted');
          const lowestHeld = Math.max(0, ...held.map((r) => rankOf.get(r.excursionId) ?? Number.POSITIVE_INFINITY));
          const hasRoom = held.length < input.maxExcursionsPerMunicipality;
          const expected = [...rankOf]
            .filter(([id, rank]) => {
              if (held.some((r) => r.excursionId === id) || refused.has(pair(a.id, id))) return false;
              return hasRoom || rank < lowestHeld;
            })
            .map(([id]) => id)
            .sort();
          const waitlisted = mine
            .filter((r) => r.decision === 'Waitlisted')
            .map((r) => r.excursionId)
            .sort();
          expect(waitlisted).toEqual(expected);
        }
      }),
    );
  });

  it('numbers the waitlist 1..n per excursion in priority order', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = allocate(input);
        const byId = new Map(input.applicants.map((a) => [a.id, a]));
        for (const x of input.excursions) {
          const waiting = result.rows.filter((r) => r.excursionId === x.id && r.decision === 'Waitlisted');
          expect(waiting.map((r) => r.waitlistPosition)).toEqual(waiting.map((_, i) => i + 1));
          for (let i = 1; i < waiting.length; i++) {
            const before = byId.get(waiting[i - 1].applicationId)!;
            const after = byId.get(waiting[i].applicationId)!;
            expect(referencePriority(before, after, input.prioritizeNewcomers)).toBeLessThan(0);
          }
        }
        for (const r of result.rows) if (r.decision !== 'Waitlisted') expect(r.waitlistPosition).toBeNull();
      }),
    );
  });

  it('sorts rows by excursion id, then decision, then priority', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { rows } = allocate(input);
        for (let i = 1; i < rows.length; i++) {
          const p = rows[i - 1];
          const q = rows[i];
          const key = (r: AllocationRow) => [r.excursionId, DECISION_ORDER.indexOf(r.decision), r.reason.priority];
          const [px, pd, pp] = key(p);
          const [qx, qd, qp] = key(q);
          expect(px < qx || (px === qx && (pd < qd || (pd === qd && pp < qp)))).toBe(true);
        }
      }),
    );
  });

  it('is stable and applicant-optimal against every matching of a small unit-size call', () => {
    fc.assert(
      fc.property(unitInputArb, (input) => {
        const result = allocate(input);
        const ours = new Map<string, string>();
        for (const r of result.rows) if (r.decision === 'Accepted') ours.set(r.applicationId, r.excursionId);
        const ourMatching = input.applicants.map((a) => ours.get(a.id) ?? null);
        expect(isStable(input, ourMatching)).toBe(true);
        for (const matching of allMatchings(input)) {
          if (!isStable(input, matching)) continue;
          input.applicants.forEach((a, i) => {
            expect(rankIn(a, ourMatching[i])).toBeLessThanOrEqual(rankIn(a, matching[i]));
          });
        }
      }),
    );
  });
});

/** Every assignment of each applicant to one listed excursion or none that respects Places. */
function allMatchings(input: AllocationInput): (string | null)[][] {
  const places = new Map(input.excursions.map((x) => [x.id, x.places]));
  const out: (string | null)[][] = [];
  const walk = (i: number, acc: (string | null)[]) => {
    if (i === input.applicants.length) {
      out.push([...acc]);
      return;
    }
    for (const choice of [null, ...input.applicants[i].preferences]) {
      if (choice !== null && acc.filter((c) => c === choice).length >= places.get(choice)!) continue;
      acc.push(choice);
      walk(i + 1, acc);
      acc.pop();
    }
  };
  walk(0, []);
  return out;
}

function rankIn(applicant: AllocApplicant, excursionId: string | null): number {
  return excursionId === null ? Number.POSITIVE_INFINITY : applicant.preferences.indexOf(excursionId);
}

/** No applicant and excursion would both rather be matched to each other. */
function isStable(input: AllocationInput, matching: (string | null)[]): boolean {
  return input.applicants.every((a, i) =>
    input.excursions.every((x) => {
      if (!a.preferences.includes(x.id) || rankIn(a, x.id) >= rankIn(a, matching[i])) return true;
      const holders = input.applicants.filter((_, j) => matching[j] === x.id);
      if (holders.length < x.places) return false;
      return holders.every((b) => referencePriority(b, a, input.prioritizeNewcomers) < 0);
    }),
  );
}

// ---------------------------------------------------------------- worked examples

function applicant(id: string, preferences: string[], more: Partial<AllocApplicant> = {}): AllocApplicant {
  return {
    id,
    municipality: `Municipality ${id}`,
    score: 0,
    submittedAt: 0,
    newcomer: false,
    requested: 1,
    preferences,
    ...more,
  };
}

function excursion(id: string, places: number, maxPerMunicipality = 1): AllocExcursion {
  return { id, places, maxPerMunicipality };
}

function mark(applicationId: string, excursionId: string, more: Partial<StaffMark>): StaffMark {
  return { applicationId, excursionId, locked: '', response: '', placesGranted: 0, ...more };
}

function run(
  applicants: AllocApplicant[],
  excursions: AllocExcursion[],
  options: Partial<Omit<AllocationInput, 'applicants' | 'excursions'>> = {},
): AllocationResult {
  return allocate({
    applicants,
    excursions,
    marks: [],
    maxExcursionsPerMunicipality: 1,
    prioritizeNewcomers: true,
    ...options,
  });
}

/** Each row as "applicant@excursion decision seats [position]", in row order. */
function summary(result: AllocationResult): string[] {
  return result.rows.map(
    (r) =>
      `${r.applicationId}@${r.excursionId} ${r.decision} ${r.placesGranted}${r.waitlistPosition ? ` #${r.waitlistPosition}` : ''}`,
  );
}

describe('allocation examples', () => {
  const call = [
    applicant('A', ['X'], { score: 5 }),
    applicant('B', ['X'], { score: 4 }),
    applicant('C', ['X'], { score: 3 }),
    applicant('D', ['X'], { score: 2 }),
    applicant('E', ['Y'], { score: 1 }),
  ];
  const trips = [excursion('X', 2), excursion('Y', 1)];

  it('waitlists those after the last seat, in priority order', () => {
    expect(summary(run(call, trips))).toEqual([
      'A@X Accepted 1',
      'B@X Accepted 1',
      'C@X Waitlisted 0 #1',
      'D@X Waitlisted 0 #2',
      'E@Y Accepted 1',
    ]);
  });

  it('promotes the first on the waitlist when a municipality declines, and changes nothing else', () => {
    const result = run(call, trips, { marks: [mark('B', 'X', { response: 'Declined' })] });
    expect(summary(result)).toEqual([
      'A@X Accepted 1',
      'C@X Accepted 1',
      'D@X Waitlisted 0 #1',
      'B@X Not selected 0',
      'E@Y Accepted 1',
    ]);
    expect(result.rows.find((r) => r.applicationId === 'B')?.reason.kind).toBe('declined');
  });

  it('breaks ties in score by submission time, then by Application ID', () => {
    const tied = [
      applicant('late', ['X'], { score: 3, submittedAt: 200 }),
      applicant('b-early', ['X'], { score: 3, submittedAt: 100 }),
      applicant('a-early', ['X'], { score: 3, submittedAt: 100 }),
    ];
    expect(summary(run(tied, [excursion('X', 1)]))).toEqual([
      'a-early@X Accepted 1',
      'b-early@X Waitlisted 0 #1',
      'late@X Waitlisted 0 #2',
    ]);
  });

  it('puts newcomers first when prioritizeNewcomers is on, and score first when it is off', () => {
    const two = [
      applicant('veteran', ['X'], { score: 10 }),
      applicant('newcomer', ['X'], { score: 1, newcomer: true }),
    ];
    expect(summary(run(two, [excursion('X', 1)]))[0]).toBe('newcomer@X Accepted 1');
    expect(summary(run(two, [excursion('X', 1)], { prioritizeNewcomers: false }))[0]).toBe('veteran@X Accepted 1');
  });

  it('grants at most Max Per Municipality seats to an applicant asking for more', () => {
    const result = run([applicant('A', ['X'], { requested: 3 })], [excursion('X', 8, 2)]);
    expect(summary(result)).toEqual(['A@X Accepted 2']);
    expect(result.seats).toEqual({ X: { places: 8, granted: 2 } });
  });

  it('gives the last free seat to the next applicant even if it asked for more', () => {
    const result = run(
      [
        applicant('A', ['X'], { score: 3, requested: 2 }),
        applicant('B', ['X'], { score: 2, requested: 3 }),
        applicant('C', ['X'], { score: 1, requested: 1 }),
      ],
      [excursion('X', 3, 3)],
    );
    expect(summary(result)).toEqual(['A@X Accepted 2', 'B@X Accepted 1', 'C@X Waitlisted 0 #1']);
    expect(result.rows[2].reason).toEqual({
      kind: 'full',
      rank: 1,
      priority: 3,
      competitors: 3,
      seatsTaken: 3,
      places: 3,
    });
  });

  it('keeps every seat staff kept, even past Places, and then seats no one else there', () => {
    const result = run(
      [
        applicant('top', ['X'], { score: 9 }),
        applicant('locked', ['X'], { score: 1 }),
        applicant('confirmed', ['X'], { score: 0 }),
      ],
      [excursion('X', 1)],
      {
        marks: [
          mark('locked', 'X', { locked: 'Accepted', placesGranted: 1 }),
          mark('confirmed', 'X', { response: 'Confirmed', placesGranted: 1 }),
        ],
      },
    );
    expect(summary(result)).toEqual(['locked@X Accepted 1', 'confirmed@X Accepted 1', 'top@X Waitlisted 0 #1']);
    expect(result.seats).toEqual({ X: { places: 1, granted: 2 } });
  });

  it('shares what is left of Places among kept rows in priority order, at least one seat each', () => {
    const result = run(
      [applicant('second', ['X'], { score: 1, requested: 2 }), applicant('first', ['X'], { score: 2, requested: 2 })],
      [excursion('X', 3, 2)],
      {
        marks: [
          mark('second', 'X', { response: 'Confirmed', placesGranted: 2 }),
          mark('first', 'X', { locked: 'Accepted', placesGranted: 2 }),
        ],
      },
    );
    expect(summary(result)).toEqual(['first@X Accepted 2', 'second@X Accepted 1']);
  });

  it('lets a refusal win over a keep written on the same row', () => {
    const result = run([applicant('A', ['X'])], [excursion('X', 1)], {
      marks: [mark('A', 'X', { locked: 'Rejected', response: 'Confirmed', placesGranted: 1 })],
    });
    expect(summary(result)).toEqual(['A@X Not selected 0']);
    expect(result.rows[0].reason.kind).toBe('rejected');
  });

  it('hands out second excursions only from seats still free after everyone’s first', () => {
    const result = run(
      [applicant('A', ['X1', 'Z', 'X3'], { score: 2 }), applicant('B', ['Z'], { score: 1 })],
      [excursion('X1', 1), excursion('X3', 1), excursion('Z', 1)],
      { maxExcursionsPerMunicipality: 2 },
    );
    expect(summary(result)).toEqual(['A@X1 Accepted 1', 'A@X3 Accepted 1', 'B@Z Accepted 1', 'A@Z Waitlisted 0 #1']);
    expect(result.rounds).toBe(2);
  });

  it('ignores unknown excursion ids but keeps the rank each choice had in the preferences', () => {
    const result = run([applicant('A', ['closed', 'X'])], [excursion('X', 1)]);
    expect(result.rows.map((r) => [r.excursionId, r.preference])).toEqual([['X', 2]]);
  });

  it('keeps a seat staff kept on an excursion the applicant did not list, with preference 0', () => {
    const result = run([applicant('A', ['X'])], [excursion('X', 1), excursion('Y', 1)], {
      marks: [mark('A', 'Y', { locked: 'Accepted' }), mark('nobody', 'X', { locked: 'Accepted' })],
    });
    expect(summary(result)).toEqual(['A@X Waitlisted 0 #1', 'A@Y Accepted 1']);
    expect(result.rows[1].preference).toBe(0);
  });

  it('allocates 20,000 applicants over 7 excursions', () => {
    const input = largeCall(20000);
    const result = allocate(input);
    expect(Object.values(result.seats).every((s) => s.granted <= s.places)).toBe(true);
    expect(result.rows.filter((r) => r.decision === 'Accepted').length).toBeGreaterThan(0);
  });
});

/** A deterministic large call: a small linear congruential generator stands in for randomness. */
function largeCall(size: number): AllocationInput {
  let seed = 42;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const ids = ['X1', 'X2', 'X3', 'X4', 'X5', 'X6', 'X7'];
  const applicants = Array.from({ length: size }, (_, i) => {
    const shuffled = [...ids];
    for (let j = shuffled.length - 1; j > 0; j--) {
      const k = random(j + 1);
      [shuffled[j], shuffled[k]] = [shuffled[k], shuffled[j]];
    }
    const preferences = shuffled.slice(0, 1 + random(7));
    return applicant(`A${i}`, preferences, {
      score: random(30),
      submittedAt: random(100000),
      newcomer: random(2) === 0,
      requested: 1 + random(3),
    });
  });
  return {
    applicants,
    excursions: ids.map((id) => excursion(id, 500 + random(1000), 2)),
    marks: applicants.slice(0, 300).map((a) => mark(a.id, a.preferences[0], { response: 'Declined' })),
    maxExcursionsPerMunicipality: 3,
    prioritizeNewcomers: true,
  };
}
