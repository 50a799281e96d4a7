import {
  dayFromIso,
  dueOn,
  isOpenOffer,
  isoFromDay,
  lapseToldAfter,
  type NoticeRecord,
  nextDueDay,
  nextFamilyKey,
  offerNotices,
  reminderDay,
  reminderKey,
  toldAccepted,
} from '../../src/core/deadlines';

const day = (iso: string) => dayFromIso(iso) as number;

function notice(key: string, status: string, sentAt: number | null = null): NoticeRecord {
  const [type, applicationId, excursionId = ''] = key.replace(/#\d+$/, '').split(':');
  return { key, applicationId, excursionId, type, status, sentAt };
}

describe('days', () => {
  it('reads yyyy-MM-dd and writes it back, refusing impossible dates', () => {
    expect(isoFromDay(day('2017-03-01'))).toBe('2017-03-01');
    expect(day('2017-03-01') - day('2017-02-28')).toBe(1);
    expect(dayFromIso('2017-02-30')).toBeNull();
    expect(dayFromIso('1. 3. 2017')).toBeNull();
  });
});

describe('an open offer', () => {
  const open = { told: 'Accepted 2', response: '', decision: 'Accepted', locked: '' };

  it('is one told Accepted N, not answered, still Accepted and not rejected by staff', () => {
    expect(isOpenOffer(open)).toBe(true);
    expect(isOpenOffer({ ...open, told: ' accepted 1 ' })).toBe(true);
    expect(isOpenOffer({ ...open, locked: 'Accepted' })).toBe(true);
    expect(isOpenOffer({ ...open, told: 'Confirmed 2' })).toBe(false);
    expect(isOpenOffer({ ...open, told: 'Accepted 0' })).toBe(false);
    expect(isOpenOffer({ ...open, told: 'Waitlisted' })).toBe(false);
    expect(isOpenOffer({ ...open, told: '' })).toBe(false);
    expect(isOpenOffer({ ...open, response: 'Confirmed' })).toBe(false);
    expect(isOpenOffer({ ...open, response: 'Declined' })).toBe(false);
    expect(isOpenOffer({ ...open, response: 'Lapsed' })).toBe(false);
    expect(isOpenOffer({ ...open, decision: 'Waitlisted' })).toBe(false);
    expect(isOpenOffer({ ...open, locked: 'Rejected' })).toBe(false);
    expect(toldAccepted('Accepted 3')).toBe(3);
  });
});

describe('revisions and keys', () => {
  it("takes an offer's revision from its latest Sent accepted or promoted notice", () => {
    const notices = [
      notice('accepted:A:X', 'Sent'),
      notice('accepted:A:Y', 'Sent'),
      notice('lapsed:A:X', 'Sent'),
      notice('accepted:A:X#2', 'Sent'),
      notice('accepted:A:X#3', 'Queued'),
      notice('received:A', 'Sent'),
    ];
    const offers = offerNotices(notices);
    expect(offers.get('A|X')).toEqual({ row: 3, revision: 2, sentAt: null });
    expect(offers.get('A|Y')).toEqual({ row: 1, revision: 1, sentAt: null });
    expect(offers.size).toBe(2);
  });

  it('numbers reminders by revision', () => {
    expect(reminderKey('A', 'X', 1)).toBe('reminder:A:X');
    expect(reminderKey('A', 'X', 3)).toBe('reminder:A:X#3');
  });

  it('queues nothing while the family is pending, the base key first, then the next free #n', () => {
    expect(nextFamilyKey([], 'lapsed:A:X')).toBe('lapsed:A:X');
    expect(nextFamilyKey([notice('lapsed:A:X', 'Queued')], 'lapsed:A:X')).toBeNull();
    expect(nextFamilyKey([notice('lapsed:A:X', 'Sent'), notice('lapsed:A:X#2', 'Failed')], 'lapsed:A:X')).toBeNull();
    expect(nextFamilyKey([notice('lapsed:A:X', 'Sent'), notice('lapsed:A:X#2', 'Skipped')], 'lapsed:A:X')).toBe(
      'lapsed:A:X#3',
    );
    expect(nextFamilyKey([notice('lapsed:A:XY', 'Queued')], 'lapsed:A:X')).toBe('lapsed:A:X');
  });

  it('knows a lapse was told for this offer only from a lapsed notice below its offer notice', () => {
    const notices = [notice('lapsed:A:X', 'Sent'), notice('accepted:A:X#2', 'Sent')];
    expect(lapseToldAfter(notices, 'lapsed:A:X', 1)).toBe(false);
    expect(lapseToldAfter([...notices, notice('lapsed:A:X#2', 'Queued')], 'lapsed:A:X', 1)).toBe(true);
    expect(lapseToldAfter(notices, 'lapsed:A:X', -1)).toBe(true);
  });
});

describe('what falls due', () => {
  const replyBy = day('2017-03-10');
  const sent = day('2017-03-03');
  const offer = { replyBy, sentDay: sent, reminded: false };

  it('reminds from reminderDays before Reply By, once, and lapses only after the Reply By day', () => {
    expect(dueOn(offer, day('2017-03-07'), 2)).toBeNull();
    expect(dueOn(offer, day('2017-03-08'), 2)).toBe('remind');
    expect(dueOn(offer, day('2017-03-10'), 2)).toBe('remind');
    expect(dueOn({ ...offer, reminded: true }, day('2017-03-09'), 2)).toBeNull();
    expect(dueOn({ ...offer, reminded: true }, day('2017-03-10'), 2)).toBeNull();
    expect(dueOn({ ...offer, reminded: true }, day('2017-03-11'), 2)).toBe('lapse');
    expect(dueOn(offer, day('2017-03-11'), 2)).toBe('lapse');
  });

  it('never reminds on the day the offer was sent, nor after Reply By', () => {
    expect(reminderDay(replyBy, 2, sent)).toBe(day('2017-03-08'));
    expect(reminderDay(replyBy, 9, sent)).toBe(day('2017-03-04'));
    expect(reminderDay(replyBy, 0, null)).toBe(replyBy);
    expect(reminderDay(day('2017-03-04'), 2, sent)).toBe(day('2017-03-04'));
    expect(reminderDay(sent, 2, sent)).toBeNull();
  });

  it('wakes at the next reminder day or lapse, at once when something is due, never for nothing', () => {
    expect(nextDueDay([offer], day('2017-03-04'), 2)).toBe(day('2017-03-08'));
    expect(nextDueDay([{ ...offer, reminded: true }], day('2017-03-09'), 2)).toBe(day('2017-03-11'));
    expect(nextDueDay([offer], day('2017-03-09'), 2)).toBe(day('2017-03-09'));
    expect(
      nextDueDay(
        [
          { ...offer, reminded: true },
          { replyBy: day('2017-03-20'), sentDay: null, reminded: false },
        ],
        day('2017-03-09'),
        2,
      ),
    ).toBe(day('2017-03-11'));
    expect(nextDueDay([], day('2017-03-09'), 2)).toBeNull();
  });
});
