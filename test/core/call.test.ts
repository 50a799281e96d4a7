/** The call's decisions (src/core/call.ts): who is invited and reminded, under which key, and the quota plan. */
import {
  callRemindees,
  callReminderDay,
  chooseInvitees,
  isSignedFormKey,
  municipalityOfKey,
  planQuota,
  remindable,
  signedFormKey,
  signedFormReminders,
} from '../../src/core/call';
import { dayFromIso } from '../../src/core/deadlines';
import { isValidEmail } from '../../src/core/intake';

describe('planQuota', () => {
  it("sends what today's quota allows above the reserve and counts the days the rest needs", () => {
    expect(planQuota(212, 100, 10)).toMatchObject({ today: 90, rest: 122, restDays: 2 });
    expect(planQuota(212, 1500, 10)).toMatchObject({ today: 212, rest: 0, restDays: 0 });
    expect(planQuota(5, 12, 10)).toMatchObject({ today: 2, rest: 3, restDays: 1 });
  });

  it('counts later days with at least a consumer account’s 100 a day, whatever is left today', () => {
    // 40 left today says nothing of tomorrow: 100 − 10 a day from then on.
    expect(planQuota(200, 40, 10)).toMatchObject({ today: 30, rest: 170, restDays: 2 });
  });

  it('never plans a negative day, and says no number of days helps when the reserve eats a whole day', () => {
    expect(planQuota(3, 5, 10)).toMatchObject({ today: 0, rest: 3, restDays: 1 });
    expect(planQuota(3, 50, 100).restDays).toBe(Number.POSITIVE_INFINITY);
    expect(planQuota(0, 0, 10)).toMatchObject({ today: 0, rest: 0, restDays: 0 });
  });
});

describe('chooseInvitees', () => {
  const rows = [
    { name: 'Kobilje', email: 'obcina@kobilje.example' },
    { name: 'Celje', email: '' },
    { name: 'Piran', email: 'not an address' },
    { name: 'Izola', email: 'obcina@izola.example' },
    { name: 'Koper', email: 'obcina@koper.example' },
    { name: 'Kobilje', email: 'other@kobilje.example' },
  ];

  it('invites each name once, lists those without an address, and records a malformed one as Skipped', () => {
    const out = chooseInvitees(rows, [], isValidEmail);
    expect(out.send.map((n) => [n.key, n.to])).toEqual([
      ['invitation:Kobilje', 'obcina@kobilje.example'],
      ['invitation:Izola', 'obcina@izola.example'],
      ['invitation:Koper', 'obcina@koper.example'],
    ]);
    expect(out.noAddress).toEqual(['Celje']);
    expect(out.malformed.map((n) => [n.key, n.to])).toEqual([['invitation:Piran', 'not an address']]);
  });

  it('never invites twice: Sent and Sending count as invited, Queued and Failed are sent under their own key', () => {
    const out = chooseInvitees(
      rows,
      [
        ['invitation:Kobilje', 'Sent', 'obcina@kobilje.example'],
        ['invitation:Izola', 'Sending', 'obcina@izola.example'],
        ['invitation:Koper', 'Failed', 'obcina@koper.example'],
        ['invitation:Piran', 'Skipped', 'not an address'],
      ],
      isValidEmail,
    );
    expect(out.send).toEqual([]);
    expect(out.already).toEqual(['Kobilje', 'Izola']);
    expect(out.waiting.map((n) => n.key)).toEqual(['invitation:Koper']);
    // The same malformed address is not recorded Skipped again.
    expect(out.malformed).toEqual([]);
  });

  it('invites a corrected address under the next key of its family', () => {
    const out = chooseInvitees(
      [{ name: 'Piran', email: 'obcina@piran.example' }],
      [['invitation:Piran', 'Skipped', 'not an address']],
      isValidEmail,
    );
    expect(out.send.map((n) => n.key)).toEqual(['invitation:Piran#2']);
  });
});

describe('keys', () => {
  it('reads the municipality back from a call key, #n and all, and nothing from another key', () => {
    expect(municipalityOfKey('invitation:Šmarje pri Jelšah#2')).toBe('Šmarje pri Jelšah');
    expect(municipalityOfKey('call_reminder:Kobilje')).toBe('Kobilje');
    expect(municipalityOfKey('received:APP-0001')).toBeNull();
  });

  it('gives the signed-form reminder a key of its own, apart from intake’s incomplete notice', () => {
    expect(signedFormKey('APP-0007')).toBe('incomplete:APP-0007:signed');
    expect(isSignedFormKey('incomplete:APP-0007:signed')).toBe(true);
    expect(isSignedFormKey('incomplete:APP-0007')).toBe(false);
  });
});

describe('the call reminder', () => {
  const feb = (d: number) => dayFromIso(`2017-02-${String(d).padStart(2, '0')}`)!;

  it('starts callReminderDays before the last day to apply; blank is none', () => {
    expect(callReminderDay(feb(22), 2)).toBe(feb(20));
    expect(callReminderDay(feb(22), 0)).toBe(feb(22));
    expect(callReminderDay(feb(22), null)).toBeNull();
  });

  it('follows up only invitations sent before that day', () => {
    const invitations = [
      { municipality: 'Kobilje', to: 'k@x.example', status: 'Sent', sentDay: feb(6) },
      { municipality: 'Izola', to: 'i@x.example', status: 'Sent', sentDay: feb(20) },
      { municipality: 'Koper', to: 'ko@x.example', status: 'Queued', sentDay: null },
    ];
    expect([...remindable(invitations, feb(20)).keys()]).toEqual(['Kobilje']);
  });

  it('goes to the invited that have no application but a Withdrawn one, once', () => {
    const invited = new Map([
      ['Kobilje', 'k@x.example'],
      ['Celje', 'c@x.example'],
      ['Piran', 'p@x.example'],
      ['Izola', 'i@x.example'],
    ]);
    const applications = [
      { municipality: 'Celje', status: 'Incomplete' },
      { municipality: 'Piran', status: 'Withdrawn' },
    ];
    expect(callRemindees(invited, applications, []).map((n) => n.key)).toEqual([
      'call_reminder:Kobilje',
      'call_reminder:Piran',
      'call_reminder:Izola',
    ]);
    expect(callRemindees(invited, applications, ['call_reminder:Kobilje', 'call_reminder:Izola#2'])).toEqual([
      { key: 'call_reminder:Piran', municipality: 'Piran', to: 'p@x.example' },
    ]);
  });
});

describe('signedFormReminders', () => {
  it('reminds Received applications whose form is not ticked, once', () => {
    const rows = [
      { applicationId: 'APP-0001', status: 'Received', signed: false, email: 'a@x.example' },
      { applicationId: 'APP-0002', status: 'Received', signed: true, email: 'b@x.example' },
      { applicationId: 'APP-0003', status: 'Incomplete', signed: false, email: 'c@x.example' },
      { applicationId: 'APP-0004', status: 'Received', signed: false, email: 'd@x.example' },
    ];
    expect(signedFormReminders(rows, ['incomplete:APP-0004:signed']).map((r) => r.applicationId)).toEqual(['APP-0001']);
  });
});
