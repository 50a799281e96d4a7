/** The dashboard lists statuses and notice types in the season's order, pinned (found by `npm run mutate`). */
import { summarize } from '../../src/core/dashboard';

const STATUSES = ['Received', 'Incomplete', 'Late', 'Duplicate', 'Ineligible', 'Withdrawn'];
const TYPES = ['received', 'incomplete', 'accepted', 'waitlisted', 'not_selected', 'promoted'];

it('lists every status and notice type in the order of the season, whatever the input order', () => {
  const data = summarize({
    language: 'en',
    now: new Date(0),
    applications: [...STATUSES]
      .reverse()
      .map((status, i) => ({ id: `A${i}`, status, region: '', score: 30, takesPart: false, preferences: [] })),
    excursions: [],
    allocations: [],
    notices: ['reply', ...[...TYPES].reverse()].map((type) => ({ type, status: 'Sent' })),
    quota: null,
  });
  expect(data.statuses.map((s) => s.name)).toEqual(STATUSES);
  expect(data.notices.map((n) => n.type)).toEqual([...TYPES, 'reply']);
  expect(data.scores.map((s) => s.name)).toEqual(['0–5', '5–10', '10–15', '15–20', '20–25', '25–30']);
  expect(data.scores.at(-1)?.count).toBe(6);
});
