import { type DashboardInput, localTimeText, summarize } from '../../src/core/dashboard';

const app = (
  id: string,
  status: string,
  region: string,
  score: number | null,
  preferences: string[],
  takesPart = status === 'Received',
  requested = 1,
) => ({ id, status, region, score, takesPart, preferences, requested });

const row = (applicationId: string, excursionId: string, decision: string, placesGranted: number, response = '') => ({
  applicationId,
  excursionId,
  decision,
  placesGranted,
  response,
});

/** A small call whose every figure was counted by hand. */
const input: DashboardInput = {
  language: 'sl',
  now: new Date('2017-03-02T11:30:00Z'),
  localNow: { year: 2017, month: 3, day: 2, hour: 12, minute: 30 },
  applications: [
    app('A1', 'Received', 'Gorenjska', 12.5, ['X', 'Y'], true, 3),
    app('A2', 'Received', 'Pomurska', 0, ['Y'], true, 2),
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
    row('A1', 'X', 'Accepted', 3),
    row('A4', 'X', 'Waitlisted', 0),
    row('A2', 'Y', 'Accepted', 1),
    row('A4', 'Y', 'Accepted', 1),
    row('A1', 'Y', 'Not selected', 0),
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
    { type: 'custom', status: 'Sent' },
  ],
  quota: 97,
};

describe('the dashboard figures', () => {
  const data = summarize(input);

  it('counts municipalities and the places they ask for among the applications that take part only', () => {
    expect(data.excursions.map((e) => [e.id, e.applicants, e.placesRequested, e.firstChoices])).toEqual([
      ['X', 2, 4, 1],
      ['Y', 3, 6, 2],
      ['Z', 0, 0, 0],
    ]);
  });

  it('counts decisions and granted places per excursion', () => {
    expect(data.excursions.map((e) => [e.id, e.accepted, e.placesGranted, e.waitlisted, e.notSelected])).toEqual([
      ['X', 1, 3, 1, 0],
      ['Y', 2, 2, 0, 1],
      ['Z', 0, 0, 0, 0],
    ]);
    expect(data.excursions[1]).toMatchObject({ label: 'Stockholm', status: 'Allocated', places: 2 });
  });

  it('adds the totals, places against places', () => {
    expect(data.totals).toEqual({
      applications: 6,
      takingPart: 3,
      places: 6,
      placesRequested: 10,
      placesGranted: 5,
      placesFreed: 0,
      noticesSent: 4,
      noticesWaiting: 3,
    });
    expect(data.language).toBe('sl');
    expect(data.generatedAt).toBe('2017-03-02T11:30:00.000Z');
    expect(data.quota).toBe(97);
  });

  it('keeps declines and lapses apart from "not selected", and counts the places they free', () => {
    const d = summarize({
      ...input,
      allocations: [
        row('A1', 'X', 'Accepted', 3, 'Declined'),
        row('A2', 'X', 'Not selected', 0, 'Declined'),
        row('A3', 'X', 'Accepted', 2, 'Lapsed'),
        row('A4', 'X', 'Not selected', 0, 'Lapsed'),
        row('A5', 'X', 'Not selected', 0),
        row('A6', 'X', 'Accepted', 1, 'Confirmed'),
      ],
    });
    expect(d.excursions[0]).toMatchObject({
      accepted: 1,
      placesGranted: 1,
      declined: 2,
      lapsed: 2,
      notSelected: 1,
      placesFreed: 5,
    });
    expect(d.totals.placesFreed).toBe(5);
  });

  it('gives the time on the spreadsheet clock, in words of the language, never raw UTC', () => {
    expect(data.generatedAtText).toBe('2. 3. 2017 12:30');
    expect(localTimeText('en', { year: 2017, month: 12, day: 31, hour: 9, minute: 5 })).toBe('31 Dec 2017, 9:05');
    expect(localTimeText('sl', { year: 2018, month: 1, day: 1, hour: 0, minute: 0 })).toBe('1. 1. 2018 0:00');
  });

  it('translates statuses in their own order, then others by count and name, and leaves out zeros', () => {
    expect(data.statuses).toEqual([
      { name: 'Received', label: 'Prejeta', count: 3 },
      { name: 'Late', label: 'Prepozna', count: 1 },
      { name: '', label: 'brez statusa', count: 1 },
      { name: 'Custom', label: 'Custom', count: 1 },
    ]);
  });

  it('lists regions by count, then by name', () => {
    expect(data.regions).toEqual([
      { name: 'Gorenjska', label: 'Gorenjska', count: 2 },
      { name: 'Pomurska', label: 'Pomurska', count: 2 },
      { name: '', label: 'brez regije', count: 1 },
      { name: 'Koroška', label: 'Koroška', count: 1 },
    ]);
  });

  it('puts scores in bands of five that do not overlap, a negative one in the first, and counts the unscored', () => {
    expect(data.scores.map((s) => [s.label, s.count])).toEqual([
      ['manj kot 5', 3],
      ['od 5 do manj kot 10', 0],
      ['od 10 do manj kot 15', 1],
      // 15 is not "10–15": it opens the next band.
      ['od 15 do manj kot 20', 1],
      ['brez točk', 1],
    ]);
    const en = summarize({ ...input, language: 'en' });
    expect(en.scores.map((s) => s.label)).toEqual([
      'below 5',
      '5 to below 10',
      '10 to below 15',
      '15 to below 20',
      'no score',
    ]);
  });

  it('keeps one band and no "no score" line when every score is low', () => {
    const low = summarize({ ...input, language: 'en', applications: [app('A', 'Received', 'R', 1, [])] });
    expect(low.scores).toEqual([{ name: '0', label: 'below 5', count: 1 }]);
  });

  it('lists notice types in the order of the season, translated, then the others as they come', () => {
    expect(data.notices).toEqual([
      { type: 'invitation', label: 'Vabilo k prijavi', queued: 0, sending: 0, sent: 1, failed: 0, skipped: 0 },
      { type: 'received', label: 'Potrdilo o prejemu prijave', queued: 0, sending: 1, sent: 1, failed: 0, skipped: 0 },
      {
        type: 'accepted',
        label: 'Obvestilo o dodeljenih mestih',
        queued: 1,
        sending: 0,
        sent: 1,
        failed: 1,
        skipped: 0,
      },
      {
        type: 'waitlisted',
        label: 'Obvestilo o uvrstitvi na čakalni seznam',
        queued: 1,
        sending: 0,
        sent: 0,
        failed: 0,
        skipped: 0,
      },
      { type: 'reply', label: 'Potrdilo o prejemu odgovora', queued: 0, sending: 0, sent: 0, failed: 0, skipped: 1 },
      { type: 'custom', label: 'custom', queued: 0, sending: 0, sent: 1, failed: 0, skipped: 0 },
    ]);
  });

  it('names each excursion by its whole label, and two that share a label by their ids too', () => {
    expect(data.excursions.map((e) => e.displayLabel)).toEqual(['Cologne', 'Stockholm', 'Barcelona']);
    const twins = summarize({
      ...input,
      excursions: [
        { id: 'CGN-1', label: 'Cologne, June (sample dates)', status: 'Open', places: 8 },
        { id: 'CGN-2', label: 'Cologne, June (sample dates)', status: 'Open', places: 8 },
        { id: 'BCN', label: '', status: 'Open', places: 8 },
      ],
    });
    expect(twins.excursions.map((e) => e.displayLabel)).toEqual([
      'Cologne, June (sample dates) (CGN-1)',
      'Cologne, June (sample dates) (CGN-2)',
      '(BCN)',
    ]);
  });
});
