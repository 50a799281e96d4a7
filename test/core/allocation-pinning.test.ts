/** Allocation examples that pin what the properties leave loose (found by `npm run mutate`). */
import { type AllocApplicant, type AllocationInput, allocate, type PriorRow } from '../../src/core/allocation';

const applicant = (id: string, preferences: string[], more: Partial<AllocApplicant> = {}): AllocApplicant => ({
  id,
  municipality: id,
  score: 0,
  submittedAt: 0,
  newcomer: false,
  requested: 1,
  preferences,
  ...more,
});
const mark = (applicationId: string, excursionId: string, more: Partial<PriorRow>): PriorRow => ({
  applicationId,
  excursionId,
  locked: '',
  response: '',
  placesGranted: 0,
  toldPlaces: 0,
  ...more,
});
const run = (input: Partial<AllocationInput>) =>
  allocate({
    applicants: [],
    excursions: [],
    prior: [],
    maxExcursionsPerMunicipality: 1,
    prioritizeNewcomers: true,
    ...input,
  });
const granted = (input: Partial<AllocationInput>) =>
  run(input)
    .rows.filter((r) => r.decision === 'Accepted')
    .map((r) => `${r.applicationId}@${r.excursionId}×${r.placesGranted}`);

describe('allocation, pinned', () => {
  it('refuses an input that names an excursion or an application twice', () => {
    const x = { id: 'X', places: 1, maxPerMunicipality: 1 };
    expect(() => run({ excursions: [x, x] })).toThrow('Excursion ID "X" appears twice in the allocation input');
    expect(() => run({ excursions: [x], applicants: [applicant('A', ['X']), applicant('A', ['X'])] })).toThrow(
      'Application ID "A" appears twice in the allocation input',
    );
  });

  it('keeps the larger of two keeps written on the same row, in either order', () => {
    const input = (marks: PriorRow[]) => ({
      excursions: [{ id: 'X', places: 5, maxPerMunicipality: 3 }],
      applicants: [applicant('A', ['X'], { requested: 1 })],
      prior: marks,
    });
    const one = mark('A', 'X', { locked: 'Accepted', placesGranted: 1 });
    const three = mark('A', 'X', { response: 'Confirmed', placesGranted: 3 });
    expect(granted(input([one, three]))).toEqual(['A@X×3']);
    expect(granted(input([three, one]))).toEqual(['A@X×3']);
  });

  it('lets a staff rejection win over a decline on the same row, in either order', () => {
    const input = (marks: PriorRow[]) => ({
      excursions: [{ id: 'X', places: 5, maxPerMunicipality: 1 }],
      applicants: [applicant('A', ['X'])],
      prior: marks,
    });
    const rejected = mark('A', 'X', { locked: 'Rejected' });
    const declined = mark('A', 'X', { response: 'Declined' });
    for (const marks of [
      [rejected, declined],
      [declined, rejected],
    ]) {
      expect(run(input(marks)).rows.map((r) => r.reason.kind)).toEqual(['rejected']);
    }
    expect(run(input([declined, mark('A', 'X', { locked: 'Accepted' })])).rows.map((r) => r.reason.kind)).toEqual([
      'declined',
    ]);
  });

  it('orders rows by excursion id as code units, whatever the input order', () => {
    const excursions = ['b', 'B', 'a', 'A'].map((id) => ({ id, places: 1, maxPerMunicipality: 1 }));
    const applicants = ['b', 'B', 'a', 'A'].map((id) => applicant(`P${id}${id === id.toLowerCase() ? 1 : 2}`, [id]));
    const rows = run({ excursions, applicants }).rows;
    expect(rows.map((r) => r.excursionId)).toEqual(['A', 'B', 'a', 'b']);
    expect(Object.keys(run({ excursions, applicants }).seats)).toEqual(['A', 'B', 'a', 'b']);
  });

  it('breaks a tie in score and time by Application ID as code units, in both directions', () => {
    const x = [{ id: 'X', places: 1, maxPerMunicipality: 1 }];
    expect(granted({ excursions: x, applicants: [applicant('b', ['X']), applicant('B', ['X'])] })).toEqual(['B@X×1']);
    expect(granted({ excursions: x, applicants: [applicant('B', ['X']), applicant('b', ['X'])] })).toEqual(['B@X×1']);
    const later = applicant('A', ['X'], { submittedAt: 2 });
    const earlier = applicant('Z', ['X'], { submittedAt: 1 });
    expect(granted({ excursions: x, applicants: [later, earlier] })).toEqual(['Z@X×1']);
    expect(granted({ excursions: x, applicants: [earlier, later] })).toEqual(['Z@X×1']);
    const missing = applicant('A', ['X'], { submittedAt: Number.NaN });
    expect(granted({ excursions: x, applicants: [missing, applicant('Z', ['X'], { submittedAt: 9e15 })] })).toEqual([
      'Z@X×1',
    ]);
    const low = applicant('A', ['X'], { score: 1 });
    const high = applicant('Z', ['X'], { score: 2 });
    expect(granted({ excursions: x, applicants: [low, high] })).toEqual(['Z@X×1']);
    expect(granted({ excursions: x, applicants: [high, low] })).toEqual(['Z@X×1']);
  });

  it('counts only the rounds that granted a seat, at most maxExcursionsPerMunicipality', () => {
    const excursions = ['X', 'Y', 'Z'].map((id) => ({ id, places: 1, maxPerMunicipality: 1 }));
    const three = run({ excursions, applicants: [applicant('A', ['X', 'Y', 'Z'])], maxExcursionsPerMunicipality: 2 });
    expect(three.rounds).toBe(2);
    const one = run({ excursions, applicants: [applicant('A', ['X'])], maxExcursionsPerMunicipality: 3 });
    expect(one.rounds).toBe(1);
    expect(run({ excursions, applicants: [], maxExcursionsPerMunicipality: 3 }).rounds).toBe(0);
  });
});
