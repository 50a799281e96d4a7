import { type Change, describeChange, places, proseDay, proseDays } from '../../src/core/letter-words';
import { formatTold, parseTold, staleness, toldAfter, toldPlaces } from '../../src/core/told';

describe('Told', () => {
  it('reads every value leniently and writes it back in its one spelling', () => {
    expect(parseTold(' accepted  2 ')).toEqual({ kind: 'Accepted', places: 2 });
    expect(parseTold('Confirmed 1')).toEqual({ kind: 'Confirmed', places: 1 });
    for (const v of ['Declined', 'Waitlisted', 'Not selected', 'Lapsed'])
      expect(formatTold(parseTold(v.toUpperCase()))).toBe(v);
    expect(formatTold(parseTold('Accepted 3'))).toBe('Accepted 3');
  });

  it('counts nothing told for a blank, unknown or zero value', () => {
    for (const v of ['', null, 'Accepted', 'Accepted 0', 'Accepted two', 'maybe']) {
      expect(parseTold(v)).toEqual({ kind: 'none' });
      expect(toldPlaces(v)).toBe(0);
    }
    expect(toldPlaces('Confirmed 2')).toBe(2);
    expect(toldPlaces('Waitlisted')).toBe(0);
  });

  it('is what the notice sent says about the row', () => {
    const row = { decision: 'Accepted', placesGranted: 2, response: '' };
    expect(formatTold(toldAfter('accepted', row)!)).toBe('Accepted 2');
    expect(formatTold(toldAfter('changed', { ...row, placesGranted: 1 })!)).toBe('Accepted 1');
    expect(formatTold(toldAfter('changed', { ...row, decision: 'Waitlisted', placesGranted: 0 })!)).toBe(
      'Not selected',
    );
    expect(formatTold(toldAfter('reply', { ...row, response: 'Confirmed' })!)).toBe('Confirmed 2');
    expect(formatTold(toldAfter('reply', { ...row, response: 'Declined' })!)).toBe('Declined');
    expect(toldAfter('reminder', row)).toBeNull();
    expect(toldAfter('received', row)).toBeNull();
  });
});

describe('the send-time check', () => {
  const accepted = { decision: 'Accepted', placesGranted: 2, response: '' };
  const waitlisted = { decision: 'Waitlisted', placesGranted: 0, response: '' };

  it('lets through what the applicant has not been told yet', () => {
    expect(staleness('accepted', parseTold(''), accepted)).toBeNull();
    expect(staleness('accepted', parseTold('Not selected'), accepted)).toBeNull();
    expect(staleness('changed', parseTold('Accepted 2'), { ...accepted, placesGranted: 1 })).toBeNull();
    expect(staleness('changed', parseTold('Confirmed 2'), waitlisted)).toBeNull();
    expect(staleness('waitlisted', parseTold(''), waitlisted)).toBeNull();
    expect(staleness('reminder', parseTold('Accepted 2'), accepted)).toBeNull();
  });

  it('skips a notice its row no longer fits, or that tells what was already told', () => {
    expect(staleness('accepted', parseTold(''), waitlisted)).toBe('notOffered');
    expect(staleness('accepted', parseTold('Accepted 2'), accepted)).toBe('alreadyTold');
    expect(staleness('changed', parseTold('Accepted 2'), accepted)).toBe('alreadyTold');
    expect(staleness('changed', parseTold('Waitlisted'), waitlisted)).toBe('alreadyTold');
    expect(staleness('waitlisted', parseTold('Accepted 2'), waitlisted)).toBe('alreadyTold');
    expect(staleness('waitlisted', parseTold(''), accepted)).toBe('notWaitlisted');
    expect(staleness('not_selected', parseTold(''), waitlisted)).toBe('notNotSelected');
    expect(staleness('reminder', parseTold('Confirmed 2'), { ...accepted, response: 'Confirmed' })).toBe('notOffered');
    expect(staleness('accepted', parseTold(''), null)).toBe('noRow');
    expect(staleness('received', parseTold(''), null)).toBeNull();
  });
});

describe('letter words', () => {
  it('gives Slovenian places their grammatical number', () => {
    expect([1, 2, 3, 4, 5, 11, 101, 102, 103].map((n) => places('sl', n))).toEqual([
      '1 mesto',
      '2 mesti',
      '3 mesta',
      '4 mesta',
      '5 mest',
      '11 mest',
      '101 mesto',
      '102 mesti',
      '103 mesta',
    ]);
    expect([1, 2].map((n) => places('en', n))).toEqual(['1 place', '2 places']);
  });

  it('writes dates as prose', () => {
    const d = (year: number, month: number, day: number) => ({ year, month, day });
    expect(proseDays('sl', d(2017, 4, 25), d(2017, 4, 27))).toBe('25.–27. aprila 2017');
    expect(proseDays('en', d(2017, 4, 25), d(2017, 4, 27))).toBe('25–27 April 2017');
    expect(proseDays('sl', d(2017, 4, 30), d(2017, 5, 2))).toBe('30. aprila – 2. maja 2017');
    expect(proseDays('en', d(2017, 12, 30), d(2018, 1, 2))).toBe('30 December 2017 – 2 January 2018');
    expect(proseDays('sl', d(2017, 2, 22), null)).toBe('22. februarja 2017');
    expect(proseDay('en', d(2017, 2, 22))).toBe('22 February 2017');
  });

  it('words a change of places, a withdrawal, a promotion and a reply', () => {
    const places2to1: Change = {
      kind: 'places',
      before: 2,
      now: 1,
      waitlistPosition: null,
      confirmed: false,
      replyBy: '13. februarja 2017',
      replyLink: 'https://x.example/r',
    };
    expect(describeChange('sl', places2to1)).toContain('prej 2 mesti, zdaj 1 mesto');
    expect(describeChange('sl', places2to1)).toContain(
      'do 13. februarja 2017 prek osebne povezave: https://x.example/r',
    );
    const withdrawn: Change = { ...places2to1, now: 0, waitlistPosition: 3 };
    expect(describeChange('en', withdrawn)).toMatch(/^The offer on this excursion \(2 places\) has been withdrawn/);
    expect(describeChange('en', withdrawn)).toContain('number 3 on the waiting list');
    expect(
      describeChange('en', { kind: 'promoted', held: [{ label: 'Barcelona (March 2018)', places: 1 }] }),
    ).toContain('Until you answer, you also keep the offer you hold now: Barcelona (March 2018), 1 place.');
    expect(describeChange('en', { kind: 'promoted', held: [] })).toBe('');
    expect(
      describeChange('sl', {
        kind: 'reply',
        answer: 'Confirmed',
        places: 2,
        delegates: ['Ana Novak, županja', 'Bor Kos'],
      }),
    ).toBe(
      'Zabeležili smo, da vaša občina potrjuje udeležbo (2 mesti).\nDelegata, kot ste ju navedli:\n– Ana Novak, županja\n– Bor Kos',
    );
  });
});
