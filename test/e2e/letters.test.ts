/**
 * Issue 12, the letters (items 4 and 5, sending side), through the built bundle: each notice fits
 * the outcome, says what changed, and a decision told again goes under a key of its own.
 */
import { type Emulator, ExecutionKilled } from '../../emulator/src';
import { fillApplications, records, setSetting, setUpWorkspace, validAnswer } from './harness';

const notices = (emulator: Emulator) => records(emulator, 'Notices');
const COLOGNE = 'Cologne, 25–27 April 2017';
const STOCKHOLM = 'Stockholm, October 2017 (sample dates)';

/** Staff typing into an Allocations cell of the row of (application, excursion). */
function mark(emulator: Emulator, applicationId: string, excursionId: string, header: string, value: unknown) {
  const sheet = emulator.workbook().sheetByName('Allocations')!;
  const rows = sheet.dataValues();
  const h = rows[0];
  const r = rows.findIndex(
    (row) => row[h.indexOf('Application ID')] === applicationId && row[h.indexOf('Excursion ID')] === excursionId,
  );
  if (r < 0) throw new Error(`no Allocations row ${applicationId} ${excursionId}`);
  sheet.setValue(r, h.indexOf(header), value as string);
}

/** The Allocations row of (application, excursion). */
function allocation(emulator: Emulator, applicationId: string, excursionId: string) {
  return records(emulator, 'Allocations').find(
    (r) => r['Application ID'] === applicationId && r['Excursion ID'] === excursionId,
  );
}

/** Staff edit their template Doc of `type` so that its letter no longer gives the personal reply link. */
function withoutReplyLink(emulator: Emulator, type: string, lang: 'en' | 'sl') {
  const id = records(emulator, 'Settings').find((s) => s.Key === `template.${type}.${lang}`)!.Value as string;
  emulator.documentApp.openById(id).getBody().replaceText('\\{\\{ReplyLink\\}\\}', 'reply to this mail');
}

/** Three municipalities want the one seat of Cologne; scored. */
function smallCall(language: 'en' | 'sl' = 'en'): Emulator {
  const emulator = setUpWorkspace({ language });
  const excursions = emulator.workbook().sheetByName('Excursions')!;
  const h = excursions.dataValues()[0];
  excursions.setValue(1, h.indexOf('Places'), 1);
  excursions.setValue(1, h.indexOf('Max Per Municipality'), 1);
  emulator.submit(
    validAnswer({
      Municipality: 'Ajdovščina',
      'Email address': 'a@ajdovscina.si',
      'Excursion preferences': { [COLOGNE]: '1st choice' },
    }),
  );
  emulator.submit(
    validAnswer({
      Municipality: 'Bled',
      'Email address': 'b@bled.si',
      'Excursion preferences': { [COLOGNE]: '1st choice', [STOCKHOLM]: '2nd choice' },
    }),
  );
  emulator.submit(
    validAnswer({
      Municipality: 'Ljubljana',
      'English proficiency': 'Good working knowledge',
      'Email address': 'c@ljubljana.si',
      'Excursion preferences': { [COLOGNE]: '1st choice' },
    }),
  );
  emulator.run('scoreApplicants');
  return emulator;
}

describe('the accepted letter', () => {
  it('gives a date to answer by, the personal link, a way to decline, asks for the delegates, and calls nothing confirmed', () => {
    const emulator = smallCall('en');
    emulator.run('allocatePlaces');
    emulator.run('sendNotices');
    const mail = emulator.mailApp.outbox.find(
      (m) => m.to.includes('a@ajdovscina.si') && m.subject.includes('Cologne'),
    )!;
    expect(mail.subject).toBe(
      'Excursion to Cologne, 25–27 April 2017: an offer of places for the Municipality of Ajdovščina',
    );
    expect(mail.subject).not.toMatch(/confirm/i);
    // Sent on 6 February 2017 with replyDays 7.
    expect(mail.body).toContain('The offer stands until 13 February 2017');
    expect(mail.body).toMatch(/https:\/\/docs\.google\.com\/forms\/\S+/);
    expect(mail.body).toContain('choose "We decline"');
    expect(mail.body).toContain('the name and position of each delegate');
    const row = allocation(emulator, 'APP-0001', 'CGN-2017-04')!;
    expect(row.Told).toBe('Accepted 1');
    expect(Object.prototype.toString.call(row['Reply By'])).toBe('[object Date]');
  });

  it('stops Send notices before any mail, naming the reply form, where the spreadsheet has none', () => {
    const emulator = smallCall('en');
    // Someone deleted the reply form for good (not only to the trash).
    emulator.env.drive.remove(emulator.propertiesService.peek('document')['excursionDesk.replyFormId']);
    emulator.run('allocatePlaces');
    emulator.run('sendNotices');
    expect(emulator.mailApp.outbox.filter((m) => /Excursion to/.test(m.subject))).toHaveLength(0);
    expect(JSON.stringify(emulator.ui.alerts.at(-1))).toContain('The reply form cannot be found');
    expect(
      notices(emulator)
        .filter((n) => n.Type !== 'received')
        .every((n) => n.Status === 'Queued'),
    ).toBe(true);
  });
});

describe('intake letters that fit the outcome', () => {
  it('sends a late application the late letter, not "application received"', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    setSetting(emulator, 'applicationDeadline', new Date('2017-02-21T23:00:00Z'));
    emulator.submit(validAnswer(), { timestamp: new Date('2017-02-23T09:00:00Z') });
    expect(records(emulator, 'Applications')[0].Status).toBe('Late');
    expect(notices(emulator).map((n) => [n['Notice Key'], n.Type, n.Status])).toEqual([
      ['late:APP-0001', 'late', 'Sent'],
    ]);
    const [mail] = emulator.mailApp.outbox;
    expect(mail.subject).toBe('Application after the closing date: Municipality of Ajdovščina (APP-0001)');
    expect(mail.body).toContain('arrived after the closing date, 22 February 2017');
    expect(mail.body).not.toMatch(/received|submit|again/i);
  });

  it('sends an application with English below the minimum the ineligible letter, with no invitation to submit again', () => {
    const emulator = setUpWorkspace({ language: 'sl' });
    emulator.submit(validAnswer({ 'English proficiency': 'Basic' }));
    expect(records(emulator, 'Applications')[0].Status).toBe('Ineligible');
    expect(notices(emulator).map((n) => [n.Type, n.Status])).toEqual([['ineligible', 'Sent']]);
    const [mail] = emulator.mailApp.outbox;
    expect(mail.subject).toBe('Prijava ne izpolnjuje pogojev: Občina Ajdovščina (APP-0001)');
    expect(mail.body).toContain('Spoštovane, spoštovani,');
    expect(mail.body).toContain('Aktivno znanje angleškega jezika je pogoj');
    expect(mail.body).not.toMatch(/znova|ponovno|docs\.google\.com\/forms/i);
  });

  it('gives the incomplete letter the link to the form', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    emulator.submit(validAnswer({ Consent: [] }), { validate: false });
    const [mail] = emulator.mailApp.outbox;
    expect(notices(emulator)[0].Type).toBe('incomplete');
    expect(mail.body).toMatch(/filled in: https:\/\/docs\.google\.com\/forms\/\S+/);
  });
});

/** `n` applications, each with one Allocations row at Cologne as given, and its notice Queued. */
function seeded(
  n: number,
  row: (i: number) => Record<string, unknown>,
  type: (i: number) => string,
  language: 'en' | 'sl' = 'en',
): Emulator {
  const emulator = setUpWorkspace({ language, mailQuota: 1000 });
  fillApplications(emulator, n);
  const alloc = emulator.workbook().sheetByName('Allocations')!;
  const ah = alloc.dataValues()[0].map(String);
  const note = emulator.workbook().sheetByName('Notices')!;
  const nh = note.dataValues()[0].map(String);
  for (let i = 0; i < n; i++) {
    const id = `APP-${String(i + 1).padStart(5, '0')}`;
    const values: Record<string, unknown> = {
      'Application ID': id,
      'Excursion ID': 'CGN-2017-04',
      Preference: '1st choice',
      'Places Requested': 2,
      ...row(i),
    };
    for (const [h, v] of Object.entries(values)) alloc.setValue(i + 1, ah.indexOf(h), v as string);
    const notice = {
      'Notice Key': `${type(i)}:${id}:CGN-2017-04`,
      'Application ID': id,
      'Excursion ID': 'CGN-2017-04',
      Type: type(i),
      To: `contact${i}@example.org`,
      Status: 'Queued',
    };
    for (const [h, v] of Object.entries(notice)) note.setValue(i + 1, nh.indexOf(h), v);
  }
  return emulator;
}

describe('{{Changes}} says what changed', () => {
  it('words a change from 2 places to 1, and Told follows', () => {
    const emulator = seeded(
      1,
      () => ({ 'Places Granted': 1, Decision: 'Accepted', Response: 'Confirmed', Told: 'Confirmed 2' }),
      () => 'changed',
      'sl',
    );
    emulator.run('sendNotices');
    const [mail] = emulator.mailApp.outbox;
    expect(mail.subject).toBe('Sprememba ponudbe na ekskurziji: Köln, 25.–27. aprila 2017 (Občina Ajdovščina)');
    expect(mail.subject).toContain('25.–27. aprila 2017');
    expect(mail.body).toContain('Število mest na tej ekskurziji se je spremenilo: prej 2 mesti, zdaj 1 mesto.');
    expect(allocation(emulator, 'APP-00001', 'CGN-2017-04')!.Told).toBe('Accepted 1');
  });

  it('words a place withdrawn by staff, with where the applicant waits now, and Told says Not selected', () => {
    const emulator = seeded(
      1,
      () => ({
        'Places Granted': 0,
        Decision: 'Waitlisted',
        'Waitlist Position': 2,
        Locked: 'Rejected',
        Told: 'Accepted 2',
      }),
      () => 'changed',
    );
    emulator.run('sendNotices');
    const [mail] = emulator.mailApp.outbox;
    expect(mail.subject).toContain('Excursion to Cologne, 25–27 April 2017: a change for');
    expect(mail.body).toContain('The offer on this excursion (2 places) has been withdrawn');
    expect(mail.body).toContain('You are now number 2 on the waiting list.');
    expect(allocation(emulator, 'APP-00001', 'CGN-2017-04')!.Told).toBe('Not selected');
  });

  it('skips, with a plain reason, a notice whose row no longer fits it, and writes no Told', () => {
    const emulator = seeded(
      2,
      (i) =>
        i === 0
          ? { 'Places Granted': 2, Decision: 'Accepted', Told: 'Accepted 2' }
          : { 'Places Granted': 2, Decision: 'Accepted', Told: '' },
      (i) => (i === 0 ? 'changed' : 'waitlisted'),
    );
    emulator.run('sendNotices');
    expect(emulator.mailApp.outbox).toHaveLength(0);
    expect(notices(emulator).map((n) => [n.Status, n.Error])).toEqual([
      ['Skipped', 'Not sent: APP-00001 was already told this about CGN-2017-04 (Told: Accepted 2)'],
      ['Skipped', 'Not sent: APP-00002 is no longer on the waiting list at CGN-2017-04 (Decision Accepted)'],
    ]);
    expect(allocation(emulator, 'APP-00002', 'CGN-2017-04')!.Told).toBe('');
  });
});

describe('offers with the reply link (after the reply form exists)', () => {
  it('an open offer cut from 2 places to 1 says so, with its date and the personal link again', () => {
    const emulator = seeded(
      1,
      () => ({
        'Places Granted': 1,
        Decision: 'Accepted',
        Told: 'Accepted 2',
        'Reply By': new Date('2017-02-12T23:00:00Z'),
      }),
      () => 'changed',
    );
    // The offer was made by a notice sent earlier: its key gives the link's revision.
    const note = emulator.workbook().sheetByName('Notices')!;
    const nh = note.dataValues()[0].map(String);
    const sent: Record<string, string> = {
      'Notice Key': 'accepted:APP-00001:CGN-2017-04',
      'Application ID': 'APP-00001',
      'Excursion ID': 'CGN-2017-04',
      Type: 'accepted',
      To: 'contact0@example.org',
      Status: 'Sent',
    };
    for (const [k, v] of Object.entries(sent)) note.setValue(2, nh.indexOf(k), v);
    emulator.run('sendNotices');
    const [mail] = emulator.mailApp.outbox;
    expect(mail.body).toContain('it was 2 places, it is now 1 place.');
    expect(mail.body).toMatch(
      /Please confirm or decline the offer by 13 February 2017 through your personal link: https:\/\/\S+/,
    );
    expect(allocation(emulator, 'APP-00001', 'CGN-2017-04')!.Told).toBe('Accepted 1');
  });

  it('a promotion says what becomes of the place held, and gives its own Reply By', () => {
    const emulator = seeded(
      1,
      () => ({ 'Places Granted': 1, Decision: 'Accepted', Told: '' }),
      () => 'promoted',
    );
    const alloc = emulator.workbook().sheetByName('Allocations')!;
    const h = alloc.dataValues()[0].map(String);
    const held: Record<string, unknown> = {
      'Application ID': 'APP-00001',
      'Excursion ID': 'STO-2017-10',
      Preference: '2nd choice',
      'Places Granted': 1,
      Decision: 'Accepted',
      Told: 'Accepted 1',
    };
    for (const [k, v] of Object.entries(held)) alloc.setValue(2, h.indexOf(k), v as string);
    emulator.run('sendNotices');
    const [mail] = emulator.mailApp.outbox;
    expect(mail.subject).toContain('a new offer for the Municipality of');
    expect(mail.body).toContain(
      'Until you answer, you also keep the offer you hold now: Stockholm, 10–12 October 2017, 1 place.',
    );
    expect(mail.body).toContain('if you decline it, or do not answer in time, you keep it');
    const row = allocation(emulator, 'APP-00001', 'CGN-2017-04')!;
    expect(row.Told).toBe('Accepted 1');
    expect(Object.prototype.toString.call(row['Reply By'])).toBe('[object Date]');
    expect(allocation(emulator, 'APP-00001', 'STO-2017-10')!.Told).toBe('Accepted 1');
  });
});

describe('a decision told again', () => {
  it('goes under the key #2: waitlisted, then not selected by a staff lock, then waitlisted again is told each time', () => {
    const emulator = smallCall('en');
    // The staff's own accepted letter, without the reply link, so that this runs before the reply form exists.
    withoutReplyLink(emulator, 'accepted', 'en');
    emulator.run('allocatePlaces');
    emulator.run('sendNotices');
    expect(allocation(emulator, 'APP-0003', 'CGN-2017-04')!.Told).toBe('Waitlisted');
    mark(emulator, 'APP-0003', 'CGN-2017-04', 'Locked', 'Rejected');
    emulator.run('allocatePlaces');
    emulator.run('sendNotices');
    expect(allocation(emulator, 'APP-0003', 'CGN-2017-04')!.Told).toBe('Not selected');
    mark(emulator, 'APP-0003', 'CGN-2017-04', 'Locked', '');
    emulator.run('allocatePlaces');
    emulator.run('sendNotices');
    const keys = notices(emulator)
      .filter((n) => n['Application ID'] === 'APP-0003' && n['Excursion ID'] === 'CGN-2017-04')
      .map((n) => [n['Notice Key'], n.Status]);
    expect(keys).toEqual([
      ['waitlisted:APP-0003:CGN-2017-04', 'Sent'],
      ['not_selected:APP-0003:CGN-2017-04', 'Sent'],
      ['waitlisted:APP-0003:CGN-2017-04#2', 'Sent'],
    ]);
    expect(
      emulator.mailApp.outbox.filter((m) => m.to.includes('c@ljubljana.si') && /waiting list/.test(m.subject)),
    ).toHaveLength(2);
    expect(allocation(emulator, 'APP-0003', 'CGN-2017-04')!.Told).toBe('Waitlisted');
  });
});

describe('sending killed at any service call', () => {
  /** Six telling notices (two blocks' worth of work is not needed: one block with its record). */
  const build = () =>
    seeded(
      6,
      (i) =>
        i % 2 === 0
          ? { 'Places Granted': 0, Decision: 'Waitlisted', 'Waitlist Position': i + 1, Told: '' }
          : { 'Places Granted': 1, Decision: 'Accepted', Response: 'Confirmed', Told: 'Confirmed 2' },
      (i) => (i % 2 === 0 ? 'waitlisted' : 'changed'),
    );
  const expectedTold = (i: number) => (i % 2 === 0 ? 'Waitlisted' : 'Accepted 1');

  it('sends no key twice, and every key Sent ends with its Told written', () => {
    const probe = build();
    const before = probe.env.calls.snapshot();
    probe.run('sendNotices');
    const after = probe.env.calls.snapshot();
    // Unkilled, every notice goes once and its row's Told follows.
    expect(notices(probe).map((n) => n.Status)).toEqual(Array(6).fill('Sent'));
    expect(records(probe, 'Allocations').map((r) => r.Told)).toEqual([0, 1, 2, 3, 4, 5].map(expectedTold));
    const points = Object.entries(after).flatMap(([method, n]) =>
      Array.from({ length: n - (before[method] ?? 0) }, (_, k) => ({ method, k: k + 1 })),
    );
    expect(points.some((p) => p.method === 'Spreadsheet.Range.setValues')).toBe(true);
    for (const { method, k } of points) {
      const emulator = build();
      emulator.env.calls.killOn(method, emulator.env.calls.count(method) + k);
      try {
        emulator.run('sendNotices');
      } catch (e) {
        expect(e).toBeInstanceOf(ExecutionKilled);
      } finally {
        emulator.env.calls.clearFaults();
        emulator.env.clock.advance(8 * 60 * 1000);
      }
      emulator.run('sendNotices');
      const sent = new Map<string, number>();
      for (const m of emulator.mailApp.outbox) for (const to of m.to) sent.set(to, (sent.get(to) ?? 0) + 1);
      const rows = notices(emulator);
      rows.forEach((row, i) => {
        const count = sent.get(String(row.To)) ?? 0;
        const told = allocation(emulator, String(row['Application ID']), 'CGN-2017-04')!.Told;
        expect([method, k, row['Notice Key'], count <= 1]).toEqual([method, k, row['Notice Key'], true]);
        if (row.Status === 'Sent')
          expect([method, k, row['Notice Key'], count, told]).toEqual([
            method,
            k,
            row['Notice Key'],
            1,
            expectedTold(i),
          ]);
      });
      expect([method, k, rows.filter((r) => r.Status === 'Sending').length <= 1]).toEqual([method, k, true]);
    }
  });
});

/**
 * Issue 14, "Why", the letters: what a Slovenian reader of the demo's outbox found, each through
 * the built bundle. The workspace's sample excursions are the English ones (the user's locale is
 * English at Set up) while the call's letters are Slovenian: the city must still read "Köln".
 */
describe('issue 14: letters as a careful secretariat signs them', () => {
  /** Celje (a city municipality) asks for 2 delegates on Cologne; "Občina Nekje" is typed and matches nothing. */
  function season(language: 'en' | 'sl'): Emulator {
    const emulator = setUpWorkspace({ language });
    emulator.submit(
      validAnswer({
        Municipality: 'Celje',
        'Contact person': 'Tina Krajnc',
        'Email address': 'tina.krajnc@celje.si',
        'Number of delegates': '2',
        'Excursion preferences': { [COLOGNE]: '1st choice' },
      }),
    );
    emulator.submit(validAnswer({ Municipality: 'Občina Nekje', 'Email address': 'info@nekje.si' }));
    emulator.run('scoreApplicants');
    emulator.run('allocatePlaces');
    emulator.run('sendNotices');
    return emulator;
  }
  const mailTo = (emulator: Emulator, to: string, subject: RegExp) =>
    emulator.mailApp.outbox.find((m) => m.to.includes(to) && subject.test(m.subject))!;
  const everything = (emulator: Emulator) =>
    emulator.mailApp.outbox.map((m) => `${m.subject}\n${m.body}\n${m.htmlBody ?? ''}`).join('\n');

  it('sl: "Spoštovane, spoštovani," and never "Spoštovani Tina Krajnc"', () => {
    const emulator = season('sl');
    const all = everything(emulator);
    expect(all).not.toMatch(/Spoštovani,? Tina|Spoštovani Krajnc/);
    for (const mail of emulator.mailApp.outbox) expect(mail.body).toContain('Spoštovane, spoštovani,');
  });

  it('sl: the municipality as the register names it: "Mestna občina Celje", "Občina Nekje", never "občina Občina Nekje" or "občina Celje"', () => {
    const emulator = season('sl');
    const received = mailTo(emulator, 'tina.krajnc@celje.si', /^Prijava prejeta/);
    expect(received.subject).toBe('Prijava prejeta: Mestna občina Celje (APP-0001)');
    expect(received.body).toContain('hvala za prijavo, ki jo je Mestna občina Celje oddala');
    const unmatched = mailTo(emulator, 'info@nekje.si', /^Prijava prejeta/);
    expect(unmatched.subject).toBe('Prijava prejeta: Občina Nekje (APP-0002)');
    expect(unmatched.body).toContain('hvala za prijavo, ki jo je Občina Nekje oddala');
    const all = everything(emulator);
    expect(all).not.toMatch(/občin\w* Občin/i);
    expect(all).not.toMatch(/(?<!Mestn\w )občin\w* Celje/i);
  });

  it('sl: the excursion as Slovenian writes it: Köln, not Cologne; dates in prose; "2 mesti", not "mest: 2"', () => {
    const emulator = season('sl');
    const offer = mailTo(emulator, 'tina.krajnc@celje.si', /Ponudba mest/);
    expect(offer.subject).toBe('Ponudba mest na ekskurziji: Köln, 25.–27. aprila 2017 (Mestna občina Celje)');
    expect(offer.body).toContain(
      'z veseljem vam sporočamo, da vam na študijski ekskurziji (Köln, 25.–27. aprila 2017) ponujamo 2 mesti.',
    );
    const all = everything(emulator);
    expect(all).not.toContain('Cologne');
    expect(all).not.toMatch(/Ekskurzija Cologne|\d+\. \d+\. \d{4}/);
    expect(all).not.toMatch(/mest: \d/);
  });

  it('en: "2 places", never "place(s)", never "seats", and no "What the excursions teach"', () => {
    const emulator = season('en');
    const offer = mailTo(emulator, 'tina.krajnc@celje.si', /^Excursion to/);
    expect(offer.subject).toBe(
      'Excursion to Cologne, 25–27 April 2017: an offer of places for the City Municipality of Celje',
    );
    expect(offer.body).toContain(
      'We are glad to offer you 2 places on the study excursion to Cologne (25–27 April 2017)',
    );
    // A late application, before any allocation: its letter is the one that said "What the excursions teach".
    const later = setUpWorkspace({ language: 'en' });
    setSetting(later, 'applicationDeadline', new Date('2017-02-21T23:00:00Z'));
    later.submit(validAnswer({ Municipality: 'Kobilje', 'Email address': 'k@kobilje.si' }), {
      timestamp: new Date('2017-02-23T09:00:00Z'),
    });
    const late = mailTo(later, 'k@kobilje.si', /closing date/);
    expect(late.body).toContain('The application of the Municipality of Kobilje arrived after the closing date');
    const all = everything(emulator) + everything(later);
    expect(all).not.toMatch(/place\(s\)|seat/i);
    expect(all).not.toContain('What the excursions teach');
  });
});

describe("issue 14: the sample call's excursions read in the call's language", () => {
  it('Set up in a Slovenian account writes Köln and Slovenian labels; in an English one, the English ones', () => {
    const column = (emulator: Emulator, header: string) => records(emulator, 'Excursions').map((r) => r[header]);
    const sl = setUpWorkspace({ locale: 'sl', language: 'sl' });
    expect(column(sl, 'City').slice(0, 2)).toEqual(['Köln', 'Stockholm']);
    expect(column(sl, 'Label').slice(0, 2)).toEqual([
      'Köln, 25.–27. aprila 2017',
      'Stockholm, oktober 2017 (datumi so vzorčni)',
    ]);
    const en = setUpWorkspace({ locale: 'en' });
    expect(column(en, 'Label').slice(0, 2)).toEqual([
      'Cologne, 25–27 April 2017',
      'Stockholm, October 2017 (sample dates)',
    ]);
  });
});
