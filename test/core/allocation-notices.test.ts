/** Which notice a re-allocated row needs, compared with what its `Told` says (design of issue 12, "What allocation queues"). */
import { noticeFor, parseTold } from '../../src/workspace/allocation';

const offered = (n: number, kind: 'granted' | 'promoted' | 'offer' | 'kept' = 'granted') => ({
  decision: 'Accepted',
  placesGranted: n,
  kind,
});
const waiting = { decision: 'Waitlisted', placesGranted: 0, kind: 'full' as const };
const notSelected = (kind: 'rejected' | 'declined' | 'lapsed' | 'released' | 'better' | 'gone') => ({
  decision: 'Not selected',
  placesGranted: 0,
  kind,
});

describe('the notice a row needs, against what the applicant was told', () => {
  it('tells a new offer, a promotion, and a change in places, and nothing it already believes', () => {
    for (const told of ['', 'Waitlisted', 'Not selected', 'Lapsed', 'Declined']) {
      expect([told, noticeFor(offered(2), told)]).toEqual([told, 'accepted']);
      expect([told, noticeFor(offered(1, 'promoted'), told)]).toEqual([told, 'promoted']);
    }
    expect(noticeFor(offered(1), 'Accepted 2')).toBe('changed');
    expect(noticeFor(offered(3, 'kept'), 'Confirmed 2')).toBe('changed');
    expect(noticeFor(offered(2, 'offer'), ' accepted  2 ')).toBeNull();
    expect(noticeFor(offered(2, 'kept'), 'Confirmed 2')).toBeNull();
  });

  it('tells a place withdrawn as a change, unless the applicant gave it up itself', () => {
    expect(noticeFor(notSelected('rejected'), 'Accepted 1')).toBe('changed');
    expect(noticeFor(notSelected('gone'), 'Confirmed 2')).toBe('changed');
    expect(noticeFor(waiting, 'Accepted 1')).toBe('changed');
    for (const kind of ['declined', 'lapsed', 'released'] as const)
      expect([kind, noticeFor(notSelected(kind), 'Accepted 1')]).toEqual([kind, null]);
  });

  it('tells a waitlist or a no once, and nothing after the applicant’s own decline or lapse', () => {
    expect(noticeFor(waiting, '')).toBe('waitlisted');
    expect(noticeFor(waiting, 'Not selected')).toBe('waitlisted');
    expect(noticeFor(waiting, 'Waitlisted')).toBeNull();
    expect(noticeFor(notSelected('rejected'), '')).toBe('not_selected');
    expect(noticeFor(notSelected('rejected'), 'Waitlisted')).toBe('not_selected');
    expect(noticeFor(notSelected('rejected'), 'Not selected')).toBeNull();
    for (const kind of ['declined', 'lapsed', 'released', 'better', 'gone'] as const)
      expect([kind, noticeFor(notSelected(kind), '')]).toEqual([kind, null]);
    for (const told of ['Lapsed', 'Declined']) {
      expect(noticeFor(waiting, told)).toBeNull();
      expect(noticeFor(notSelected('rejected'), told)).toBeNull();
    }
  });

  it('reads Told leniently, and anything else as nothing told', () => {
    expect(parseTold('Accepted 2')).toEqual({ kind: 'Accepted', places: 2 });
    expect(parseTold(' confirmed   3')).toEqual({ kind: 'Confirmed', places: 3 });
    expect(parseTold('not selected')).toEqual({ kind: 'Not selected', places: 0 });
    expect(parseTold('Accepted 0')).toEqual({ kind: '', places: 0 });
    expect(parseTold('maybe')).toEqual({ kind: '', places: 0 });
  });
});
