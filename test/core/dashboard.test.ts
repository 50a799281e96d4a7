import { type DashboardInput, summarize } from '../../src/core/dashboard';

const app = (
  id: string,
  status: string,
  region: string,
  score: number | null,
  preferences: string[],
  takesPart = status === 'Received',
) => ({ id, status, region, score, takesPart, preferences });

/** A small call whose every figure was counted by hand. */
const input: DashboardInput = {
  language: 'sl',
  now: new Date('2017-03-01T10:00:00Z'),
  applications: [
    app('A1', 'Received', 'Gorenjska', 12.5, ['X', 'Y']),
    app('A2', 'Received', 'Pomurska', 0, ['Y']),
    app('A3', 'Late', 'Gorenjska', 4.99, ['X']),
    app('A4', 'Received', '', null, ['Y', 'X']),
    app('A5', '', 'Koroška', 15, []),
    app('A6', 'Custom', 'Pomurska', -3, ['X'], false),
  ],
  excursions: [
    { id: 'X', label: 'Cologne', status: 'Open', places: 4 },
    { id: 'Y', label: 'Stockholm', status: 'Allocated', places: 2 },
    { id: 'Z', label: 'Barcelona', status: 'Draft', places: 0 },
  ],
  allocations: [
    { applicationId: 'A1', excursionId: 'X', decision: 'Accepted', placesGranted: 3 },
    { applicationId: 'A4', excursionId: 'X', decision: 'Waitlisted', placesGranted: 0 },
    { applicationId: 'A2', excursionId: 'Y', decision: 'Accepted', placesGranted: 1 },
    { applicationId: 'A4', excursionId: 'Y', decision: 'Accepted', placesGranted: 1 },
    { applicationId: 'A1', excursionId: 'Y', decision: 'Not selected', placesGranted: 0 },
  ],
  notices: [
    { type: 'accepted', status: 'Sent' },
    { type: 'accepted', status: 'Queued' },
    { type: 'accepted', status: 'Failed' },
    { type: 'received', status: 'Sent' },
    { type: 'received', status: 'Sending' },
    { type: 'reply', status: 'Skipped' },
    { type: 'invitation', status: 'Sent' },
    { type: 'waitlisted', status: 'Queued' },
  ],
  quota: 97,
};

describe('the dashboard figures', () => {
  const data = summarize(input);

  it('counts demand and first choices among the applications that take part only', () => {
    expect(data.excursions.map((e) => [e.id, e.demand, e.firstChoices])).toEqual([
      ['X', 2, 1],
      ['Y', 3, 2],
      ['Z', 0, 0],
    ]);
  });

  it('counts decisions and granted seats per excursion', () => {
    expect(data.excursions.map((e) => [e.id, e.accepted, e.seatsGranted, e.waitlisted, e.notSelected])).toEqual([
      ['X', 1, 3, 1, 0],
      ['Y', 2, 2, 0, 1],
      ['Z', 0, 0, 0, 0],
    ]);
    expect(data.excursions[1]).toMatchObject({ label: 'Stockholm', status: 'Allocated', places: 2 });
  });

  it('adds the totals', () => {
    expect(data.totals).toEqual({
      applications: 6,
      takingPart: 3,
      places: 6,
      seatsGranted: 5,
      noticesSent: 3,
      noticesWaiting: 3,
    });
    expect(data.language).toBe('sl');
    expect(data.generatedAt).toBe('2017-03-01T10:00:00.000Z');
    expect(data.quota).toBe(97);
  });

  it('lists statuses in their own order, then others by count and name (a blank as a dash), and leaves out zeros', () => {
    expect(data.statuses).toEqual([
      { name: 'Received', count: 3 },
      { name: 'Late', count: 1 },
      { name: '—', count: 1 },
      { name: 'Custom', count: 1 },
    ]);
  });

  it('lists regions by count, then by name', () => {
    expect(data.regions).toEqual([
      { name: 'Gorenjska', count: 2 },
      { name: 'Pomurska', count: 2 },
      { name: '—', count: 1 },
      { name: 'Koroška', count: 1 },
    ]);
  });

  it('puts scores in bands of five up to the highest, a negative one in the first, and counts the unscored', () => {
    expect(data.scores).toEqual([
      { name: '0–5', count: 3 },
      { name: '5–10', count: 0 },
      { name: '10–15', count: 2 },
      { name: 'no score', count: 1 },
    ]);
  });

  it('keeps one band and no "no score" line when every score is low', () => {
    const low = summarize({ ...input, applications: [app('A', 'Received', 'R', 1, [])] });
    expect(low.scores).toEqual([{ name: '0–5', count: 1 }]);
  });

  it('lists notice types in the order of the season, then the others as they come, each by status', () => {
    expect(data.notices).toEqual([
      { type: 'received', queued: 0, sending: 1, sent: 1, failed: 0, skipped: 0 },
      { type: 'accepted', queued: 1, sending: 0, sent: 1, failed: 1, skipped: 0 },
      { type: 'waitlisted', queued: 1, sending: 0, sent: 0, failed: 0, skipped: 0 },
      { type: 'reply', queued: 0, sending: 0, sent: 0, failed: 0, skipped: 1 },
      { type: 'invitation', queued: 0, sending: 0, sent: 1, failed: 0, skipped: 0 },
    ]);
  });
});
