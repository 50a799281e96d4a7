/**
 * The reply form through the built bundle (SPEC section 4, issue 12 item 2): a municipality offered
 * a place answers through its personal prefilled link; a valid reply writes `Response` and
 * `Delegates Named` and queues its `reply` notice; anything else changes no cell but one Log line,
 * and sends no mail.
 *
 * Until sending writes `Told` and merges `{{ReplyLink}}` (the notices work), an offer is made
 * "open" here by hand (`offer()`): an Allocations row with Told `Accepted N`, a Sent `accepted`
 * notice, and the code computed with node's crypto from the document's secret, as the add-on's
 * Utilities HMAC computes it.
 */
import type { Emulator } from '../../emulator/src';
import { FormRejection, formModel } from '../../emulator/src/forms';
import { FORM_MIME } from '../../emulator/src/spreadsheet-model';
import {
  addSheetRow,
  CGN,
  docProps,
  FORM_PROPERTY,
  openOffer,
  REPLY_FORM_PROPERTY,
  REPLY_SECRET_PROPERTY,
  records,
  replyCode,
  replyLink,
  STO,
  setSetting,
  setSheetCell,
  setUpWorkspace,
  validAnswer,
} from './harness';

/** A workspace with one application (APP-0001) taken in and one open offer at CGN. */
function withOffer(o: Parameters<typeof openOffer>[1] = {}) {
  const emulator = setUpWorkspace({ language: 'en' });
  emulator.submit(validAnswer());
  const row = openOffer(emulator, o);
  return { emulator, row };
}

/** Every sheet but Log and the forms' response sheets (which keep every answer given). */
function stateExceptLog(emulator: Emulator): string {
  return JSON.stringify(
    emulator
      .workbook()
      .sheets.filter((s) => s.name !== 'Log' && !s.formUrl)
      .map((s) => [s.name, s.dataValues()]),
  );
}

const allocation = (emulator: Emulator, app = 'APP-0001', exc = CGN) =>
  records(emulator, 'Allocations').find((r) => r['Application ID'] === app && r['Excursion ID'] === exc)!;
const replyNotices = (emulator: Emulator) => records(emulator, 'Notices').filter((n) => n.Type === 'reply');
const logLines = (emulator: Emulator) => records(emulator, 'Log').map((r) => String(r.Details));

describe('a valid reply', () => {
  it('confirms: Response and Delegates Named written, the reply notice queued (sent once its template exists)', () => {
    const { emulator } = withOffer();
    const mails = emulator.mailApp.outbox.length;
    const result = emulator.submitPrefilled(replyLink(emulator, replyCode(emulator, 'APP-0001', CGN)), {
      'Your answer': 'We confirm',
      Delegates: '  Ana Novak, mayor \n\n   Bor   Kralj, adviser\n  \n',
    });
    expect(result.firedTriggers).toBe(1);
    const row = allocation(emulator);
    expect(row).toMatchObject({ Response: 'Confirmed', 'Delegates Named': 'Ana Novak, mayor\nBor Kralj, adviser' });
    expect(row['Updated At']).toBeInstanceOf(Date);
    const [notice] = replyNotices(emulator);
    expect(notice).toMatchObject({
      'Notice Key': `reply:APP-0001:${CGN}`,
      'Application ID': 'APP-0001',
      'Excursion ID': CGN,
      To: 'spela.kovacic@ajdovscina.si',
    });
    // Sent at once when the reply template exists, else left Queued for Send notices, never lost.
    expect(['Queued', 'Sent']).toContain(notice.Status);
    expect(emulator.mailApp.outbox.length - mails).toBe(notice.Status === 'Sent' ? 1 : 0);
    expect(logLines(emulator).some((l) => l.includes(`APP-0001 at ${CGN} Confirmed, 2 delegates named`))).toBe(true);
    // Nothing went to Applications: the answer was a reply, not an application.
    expect(records(emulator, 'Applications')).toHaveLength(1);
  });

  it('declines: Response Declined, no delegates, the reply notice queued', () => {
    const { emulator } = withOffer();
    emulator.submitPrefilled(replyLink(emulator, replyCode(emulator, 'APP-0001', CGN)), {
      'Your answer': 'We decline',
      Delegates: 'Ana Novak',
    });
    expect(allocation(emulator)).toMatchObject({ Response: 'Declined', 'Delegates Named': '' });
    expect(replyNotices(emulator).map((n) => n['Notice Key'])).toEqual([`reply:APP-0001:${CGN}`]);
  });

  it('hostile delegate text stays text: no formula, HTML kept as typed', () => {
    const { emulator, row } = withOffer();
    const typed = [
      '=HYPERLINK("http://evil.example","x")',
      '+386 1 234',
      '-SUM(A1)',
      '@admin',
      '<b>Ana</b> & <script>x</script>',
    ];
    emulator.submitPrefilled(replyLink(emulator, replyCode(emulator, 'APP-0001', CGN)), {
      'Your answer': 'We confirm',
      Delegates: typed.join('\n'),
    });
    expect(allocation(emulator)['Delegates Named']).toBe(typed.join('\n'));
    const sheet = emulator.workbook().sheetByName('Allocations')!;
    const col = sheet.dataValues()[0].indexOf('Delegates Named');
    expect(sheet.cell(row, col).formula ?? '').toBe('');
  });

  it('the key gets #2 when the offer is answered again after a new revision', () => {
    const { emulator, row } = withOffer();
    emulator.submitPrefilled(replyLink(emulator, replyCode(emulator, 'APP-0001', CGN)), {
      'Your answer': 'We confirm',
    });
    // Staff cleared the answer and the offer was made again (revision 2), its first reply notice done.
    setSheetCell(emulator, 'Allocations', row, 'Response', '');
    const notices = emulator.workbook().sheetByName('Notices')!;
    const header = notices.dataValues()[0].map(String);
    const at = notices.dataValues().findIndex((r) => r[0] === `reply:APP-0001:${CGN}`);
    notices.setValue(at, header.indexOf('Status'), 'Sent');
    addSheetRow(emulator, 'Notices', {
      'Notice Key': `accepted:APP-0001:${CGN}#2`,
      'Application ID': 'APP-0001',
      'Excursion ID': CGN,
      Type: 'accepted',
      Status: 'Sent',
    });
    emulator.submitPrefilled(replyLink(emulator, replyCode(emulator, 'APP-0001', CGN, 2)), {
      'Your answer': 'We decline',
    });
    expect(allocation(emulator).Response).toBe('Declined');
    expect(replyNotices(emulator).map((n) => n['Notice Key'])).toEqual([
      `reply:APP-0001:${CGN}`,
      `reply:APP-0001:${CGN}#2`,
    ]);
  });
});

describe('a reply that must change nothing (only Log, no mail)', () => {
  /** Submits through `url` (or the bare form with `answers`), and checks that only Log changed. */
  function expectNothingChanged(emulator: Emulator, submit: () => void, why: RegExp): void {
    const before = stateExceptLog(emulator);
    const mails = emulator.mailApp.outbox.length;
    const logs = logLines(emulator).length;
    submit();
    expect(stateExceptLog(emulator)).toBe(before);
    expect(emulator.mailApp.outbox.length).toBe(mails);
    const added = logLines(emulator).slice(logs);
    expect(added.some((l) => /changed nothing/.test(l) && why.test(l))).toBe(true);
  }
  const confirm = { 'Your answer': 'We confirm', Delegates: 'Ana Novak' };

  it('a forged code', () => {
    const { emulator } = withOffer();
    const forged = `APP-0001.${CGN}.1.AAAAAAAAAAAAAAAA`;
    expectNothingChanged(emulator, () => emulator.submitPrefilled(replyLink(emulator, forged), confirm), /signature/);
  });

  it.each([
    ['one character of the signature', (c: string) => c.slice(0, -1) + (c.endsWith('A') ? 'B' : 'A')],
    ['another application', (c: string) => c.replace('APP-0001', 'APP-0002')],
    ['another excursion', (c: string) => c.replace(CGN, STO)],
    ['another revision', (c: string) => c.replace(`${CGN}.1.`, `${CGN}.2.`)],
  ])('a code altered in %s', (_what, alter) => {
    const { emulator } = withOffer();
    openOffer(emulator, { exc: STO });
    const altered = alter(replyCode(emulator, 'APP-0001', CGN));
    expect(altered).not.toBe(replyCode(emulator, 'APP-0001', CGN));
    expectNothingChanged(emulator, () => emulator.submitPrefilled(replyLink(emulator, altered), confirm), /signature/);
  });

  it('a code from another spreadsheet (signed with its own secret)', () => {
    const { emulator } = withOffer();
    const other = setUpWorkspace({ language: 'en' });
    const foreign = replyCode(emulator, 'APP-0001', CGN, 1, docProps(other)[REPLY_SECRET_PROPERTY]);
    expect(docProps(other)[REPLY_SECRET_PROPERTY]).not.toBe(docProps(emulator)[REPLY_SECRET_PROPERTY]);
    expectNothingChanged(emulator, () => emulator.submitPrefilled(replyLink(emulator, foreign), confirm), /signature/);
  });

  it('a reused code (the offer already answered)', () => {
    const { emulator } = withOffer();
    const url = replyLink(emulator, replyCode(emulator, 'APP-0001', CGN));
    emulator.submitPrefilled(url, { 'Your answer': 'We decline' });
    expectNothingChanged(
      emulator,
      () => emulator.submitPrefilled(url, confirm),
      /already answered \(Response is Declined\)/,
    );
    expect(allocation(emulator).Response).toBe('Declined');
  });

  it('a code for an offer whose Reply By has passed, or that runScheduledWork marked Lapsed', () => {
    const { emulator, row } = withOffer({ replyBy: new Date('2017-02-05T00:00:00Z') });
    const url = replyLink(emulator, replyCode(emulator, 'APP-0001', CGN));
    expectNothingChanged(emulator, () => emulator.submitPrefilled(url, confirm), /lapsed at the end of 2017-02-05/);
    setSheetCell(emulator, 'Allocations', row, 'Response', 'Lapsed');
    expectNothingChanged(emulator, () => emulator.submitPrefilled(url, confirm), /has lapsed/);
  });

  it('a code for an offer withdrawn: the row no longer Accepted, or locked Rejected', () => {
    const { emulator, row } = withOffer();
    const url = replyLink(emulator, replyCode(emulator, 'APP-0001', CGN));
    setSheetCell(emulator, 'Allocations', row, 'Decision', 'Waitlisted');
    expectNothingChanged(emulator, () => emulator.submitPrefilled(url, confirm), /no open offer/);
    setSheetCell(emulator, 'Allocations', row, 'Decision', 'Accepted');
    setSheetCell(emulator, 'Allocations', row, 'Locked', 'Rejected');
    expectNothingChanged(emulator, () => emulator.submitPrefilled(url, confirm), /no open offer/);
  });

  it('a code for an earlier revision of the offer (made again since)', () => {
    const { emulator } = withOffer({ revision: 2 });
    const url = replyLink(emulator, replyCode(emulator, 'APP-0001', CGN, 1));
    expectNothingChanged(
      emulator,
      () => emulator.submitPrefilled(url, confirm),
      /earlier offer .*revision 1.*revision 2/,
    );
  });

  it('a code for a row never told of an offer', () => {
    const { emulator, row } = withOffer();
    setSheetCell(emulator, 'Allocations', row, 'Told', '');
    const url = replyLink(emulator, replyCode(emulator, 'APP-0001', CGN));
    expectNothingChanged(emulator, () => emulator.submitPrefilled(url, confirm), /no open offer/);
  });

  it('a missing or malformed code (the form requires one: only an unvalidated answer gets through)', () => {
    const { emulator } = withOffer();
    const url = replyLink(emulator, replyCode(emulator, 'APP-0001', CGN));
    expect(() => emulator.submitPrefilled(url, { ...confirm, 'Reply code': '' })).toThrow(FormRejection);
    expectNothingChanged(
      emulator,
      () => emulator.submitPrefilled(url, { ...confirm, 'Reply code': '   ' }, { validate: false }),
      /no Reply code/,
    );
    expectNothingChanged(
      emulator,
      () => emulator.submitPrefilled(url, { ...confirm, 'Reply code': 'please give us a place' }),
      /not a code this desk makes/,
    );
  });
});

describe('two forms linked to the spreadsheet', () => {
  it('an application answer still goes to intake, a reply to reply intake', () => {
    const { emulator } = withOffer();
    const formId = docProps(emulator)[FORM_PROPERTY];
    expect(formId).not.toBe(docProps(emulator)[REPLY_FORM_PROPERTY]);
    emulator.responder.submit(formId, validAnswer({ Municipality: 'Bled', 'Email address': 'info@bled.si' }));
    expect(records(emulator, 'Applications').map((a) => a.Municipality)).toEqual(['Ajdovščina', 'Bled']);
    emulator.submitPrefilled(replyLink(emulator, replyCode(emulator, 'APP-0001', CGN)), {
      'Your answer': 'We confirm',
    });
    expect(records(emulator, 'Applications')).toHaveLength(2);
    expect(allocation(emulator).Response).toBe('Confirmed');
  });

  it("the application form is found without its kept id: the spreadsheet's own form URL is indeterminate", () => {
    const emulator = setUpWorkspace({ language: 'en' });
    const formId = docProps(emulator)[FORM_PROPERTY];
    // The emulator's Spreadsheet.getFormUrl() names the reply form, linked last.
    expect(emulator.workbook().formUrl).toContain(docProps(emulator)[REPLY_FORM_PROPERTY]);
    emulator.propertiesService.getDocumentProperties().deleteProperty(FORM_PROPERTY);
    emulator.run('refreshForm');
    expect(docProps(emulator)[FORM_PROPERTY]).toBe(formId);
    const grid = formModel(emulator.env, formId).items.find((i) => i.type === 'GRID')!;
    expect(grid.rows.length).toBeGreaterThan(0);
    expect(formModel(emulator.env, docProps(emulator)[REPLY_FORM_PROPERTY]).items.map((i) => i.title)).toEqual([
      'Reply code',
      'Your answer',
      'Delegates',
      'Message',
    ]);
  });
});

describe('Set up and the reply form', () => {
  it('creates it once, published and linked, with the questions of SPEC 4 and the reply secret', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    const id = docProps(emulator)[REPLY_FORM_PROPERTY];
    const form = formModel(emulator.env, id);
    expect(form.published && form.acceptingResponses).toBe(true);
    expect(form.destination?.spreadsheetId).toBe(emulator.workbook().id);
    expect(form.items.map((i) => [i.title, i.type, i.required, i.choices])).toEqual([
      ['Reply code', 'TEXT', true, []],
      ['Your answer', 'MULTIPLE_CHOICE', true, ['We confirm', 'We decline']],
      ['Delegates', 'PARAGRAPH_TEXT', false, []],
      ['Message', 'PARAGRAPH_TEXT', false, []],
    ]);
    expect(docProps(emulator)[REPLY_SECRET_PROPERTY]).toMatch(/^[0-9a-f]{64}$/);
    const secret = docProps(emulator)[REPLY_SECRET_PROPERTY];
    emulator.run('setupWorkspace');
    emulator.run('setupWorkspace');
    expect(emulator.files(FORM_MIME).filter((f) => !f.trashed)).toHaveLength(2);
    expect(docProps(emulator)[REPLY_FORM_PROPERTY]).toBe(id);
    expect(docProps(emulator)[REPLY_SECRET_PROPERTY]).toBe(secret);
    expect(emulator.triggers.all()).toHaveLength(1);
  });

  it('repairs it: unlinked and unpublished by hand, it is linked and published again, not made anew', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    const id = docProps(emulator)[REPLY_FORM_PROPERTY];
    const form = formModel(emulator.env, id);
    form.destination = null;
    for (const s of emulator.workbook().sheets) if (s.formUrl?.includes(id)) s.formUrl = null;
    form.published = false;
    emulator.run('setupWorkspace');
    expect(emulator.files(FORM_MIME).filter((f) => !f.trashed)).toHaveLength(2);
    expect(form.published).toBe(true);
    expect(formModel(emulator.env, id).destination?.spreadsheetId).toBe(emulator.workbook().id);
    const dialog = emulator.ui.dialogs.at(-1)!;
    expect(dialog.html).toContain('the reply form was no longer linked to this spreadsheet: it is linked again');
    expect(dialog.html).toContain('the reply form was not published');
  });

  it('says so in the Set up dialog, in Slovenian too', () => {
    const emulator = setUpWorkspace({ language: 'sl' });
    emulator.run('setupWorkspace');
    expect(emulator.ui.dialogs.at(-1)!.html).toContain('obrazec za odgovor');
  });
});

describe('autoReallocate', () => {
  /** Cologne has one place; Ajdovščina holds it (told, accepted notice Sent), Bled waits. */
  function oneSeat(auto: boolean): Emulator {
    const emulator = setUpWorkspace({ language: 'en' });
    const excursions = emulator.workbook().sheetByName('Excursions')!;
    const h = excursions.dataValues()[0];
    excursions.setValue(1, h.indexOf('Places'), 1);
    excursions.setValue(1, h.indexOf('Max Per Municipality'), 1);
    const cologne = 'Cologne, 25–27 April 2017';
    emulator.submit(validAnswer({ 'Excursion preferences': { [cologne]: '1st choice' } }));
    emulator.submit(
      validAnswer({
        Municipality: 'Bled',
        'Email address': 'b@bled.si',
        'English proficiency': 'Good working knowledge',
        'Excursion preferences': { [cologne]: '1st choice' },
      }),
    );
    emulator.run('scoreApplicants');
    emulator.run('allocatePlaces');
    expect([allocation(emulator).Decision, allocation(emulator, 'APP-0002').Decision]).toEqual([
      'Accepted',
      'Waitlisted',
    ]);
    // What sending will leave once it writes Told: the offer told, its notice Sent.
    const rows = emulator.workbook().sheetByName('Allocations')!.dataValues();
    setSheetCell(
      emulator,
      'Allocations',
      rows.findIndex((r) => r[0] === 'APP-0001'),
      'Told',
      'Accepted 1',
    );
    const notices = emulator.workbook().sheetByName('Notices')!;
    const nh = notices.dataValues()[0].map(String);
    const at = notices.dataValues().findIndex((r) => r[0] === `accepted:APP-0001:${CGN}`);
    notices.setValue(at, nh.indexOf('Status'), 'Sent');
    setSetting(emulator, 'autoReallocate', auto);
    return emulator;
  }

  it('TRUE: a decline offers the freed place to the waitlist at once', () => {
    const emulator = oneSeat(true);
    emulator.submitPrefilled(replyLink(emulator, replyCode(emulator, 'APP-0001', CGN)), {
      'Your answer': 'We decline',
    });
    expect(allocation(emulator).Response).toBe('Declined');
    expect(allocation(emulator, 'APP-0002').Decision).toBe('Accepted');
    expect(logLines(emulator).some((l) => l.startsWith('autoReallocate: allocation run again'))).toBe(true);
  });

  it('TRUE: confirming a promotion runs the allocation again (the place it held is released); confirming an accepted offer does not', () => {
    for (const type of ['promoted', 'accepted'] as const) {
      const emulator = setUpWorkspace({ language: 'en' });
      emulator.submit(validAnswer());
      openOffer(emulator, { type });
      setSetting(emulator, 'autoReallocate', true);
      emulator.submitPrefilled(replyLink(emulator, replyCode(emulator, 'APP-0001', CGN)), {
        'Your answer': 'We confirm',
      });
      expect([type, allocation(emulator).Response]).toEqual([type, 'Confirmed']);
      const ran = logLines(emulator).some((l) => l.startsWith('autoReallocate:'));
      expect([type, ran]).toEqual([type, type === 'promoted']);
    }
  });

  it('FALSE: the freed place waits for staff to allocate again', () => {
    const emulator = oneSeat(false);
    emulator.submitPrefilled(replyLink(emulator, replyCode(emulator, 'APP-0001', CGN)), {
      'Your answer': 'We decline',
    });
    expect(allocation(emulator).Response).toBe('Declined');
    expect(allocation(emulator, 'APP-0002').Decision).toBe('Waitlisted');
    expect(logLines(emulator).some((l) => l.startsWith('autoReallocate:'))).toBe(false);
  });
});
