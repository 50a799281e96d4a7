/** The dashboard lists statuses and notice types in the season's order, pinned (found by `npm run mutate`). */
import { summarize } from '../../src/core/dashboard';

const STATUSES = ['Received', 'Incomplete', 'Late', 'Duplicate', 'Ineligible', 'Withdrawn'];
const TYPES = [
  'invitation',
  'call_reminder',
  'received',
  'incomplete',
  'late',
  'ineligible',
  'accepted',
  'waitlisted',
  'not_selected',
  'promoted',
  'changed',
  'reminder',
  'lapsed',
  'reply',
];

it('lists every status and notice type in the order of the season, whatever the input order', () => {
  const data = summarize({
    language: 'en',
    now: new Date(0),
    localNow: { year: 1970, month: 1, day: 1, hour: 1, minute: 0 },
    applications: [...STATUSES].reverse().map((status, i) => ({
      id: `A${i}`,
      status,
      region: '',
      score: 30,
      takesPart: false,
      preferences: [],
      requested: 1,
    })),
    excursions: [],
    allocations: [],
    notices: ['custom', ...[...TYPES].reverse()].map((type) => ({ type, status: 'Sent' })),
    quota: null,
  });
  expect(data.statuses.map((s) => s.name)).toEqual(STATUSES);
  expect(data.notices.map((n) => n.type)).toEqual([...TYPES, 'custom']);
  expect(data.scores.map((s) => s.name)).toEqual(['0', '5', '10', '15', '20', '25', '30']);
  expect(data.scores.at(-1)?.count).toBe(6);
});
