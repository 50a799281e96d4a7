/** Preview and sending of notices through the built bundle: exactly once, within quota and time. */
import { simpleParser } from 'mailparser';
import type { Emulator } from '../../emulator/src';
import { DOCUMENT_MIME } from '../../emulator/src/spreadsheet-model';
import { toEml } from '../../src/cli/eml';
import { fillApplications, queueReceivedNotices, records, setSetting, setUpWorkspace, validAnswer } from './harness';

const notices = (emulator: Emulator) => records(emulator, 'Notices');

/** Staff (or an earlier run) left `n` received notices queued for the first n applications. */
function queued(n: number, language: 'en' | 'sl' = 'en'): Emulator {
  const emulator = setUpWorkspace({ language });
  fillApplications(emulator, n);
  queueReceivedNotices(emulator, n);
  return emulator;
}

/** How many mails went to each recipient. */
function deliveries(emulator: Emulator): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of emulator.mailApp.outbox) for (const to of m.to) out.set(to, (out.get(to) ?? 0) + 1);
  return out;
}

describe('the confirmation on submit', () => {
  it('is sent at once, merged from the Slovenian template, and marked Sent with the time', () => {
    const emulator = setUpWorkspace({ language: 'sl' });
    emulator.submit(validAnswer(), { timestamp: new Date('2017-02-20T09:15:32Z') });
    expect(emulator.mailApp.outbox).toHaveLength(1);
    const mail = emulator.mailApp.outbox[0];
    expect(mail.to).toEqual(['spela.kovacic@ajdovscina.si']);
    expect(mail.subject).toBe('Prijava prejeta: Občina Ajdovščina (APP-0001)');
    expect(mail.name).toBe('Skupnost občin Slovenije');
    expect(mail.body).toContain('Spoštovane, spoštovani,');
    expect(mail.htmlBody).toContain('<strong>APP-0001</strong>');
    expect(notices(emulator)[0]).toMatchObject({
      'Notice Key': 'received:APP-0001',
      Status: 'Sent',
      Subject: mail.subject,
    });
    expect(Object.prototype.toString.call(notices(emulator)[0]['Sent At'])).toBe('[object Date]');
  });

  it('skips an invalid recipient with the reason and sends nothing', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    emulator.submit(validAnswer({ 'Email address': 'info@obcina,si' }), { validate: false });
    expect(emulator.mailApp.outbox).toHaveLength(0);
    expect(notices(emulator)[0]).toMatchObject({
      Status: 'Skipped',
      Error: 'Not sent: "info@obcina,si" is not a valid e-mail address',
    });
  });

  it('leaves the confirmation Queued, and the answer taken in, when the template is gone', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    const id = records(emulator, 'Settings').find((s) => s.Key === 'template.received.en')!.Value as string;
    emulator.env.drive.remove(id);
    emulator.submit(validAnswer());
    expect(records(emulator, 'Applications')).toHaveLength(1);
    expect(notices(emulator)[0].Status).toBe('Queued');
    expect(records(emulator, 'Log').at(-1)?.Details).toMatch(
      /^Confirmation left Queued: The template for "received \(en\)"/,
    );
  });
});

describe('Preview notices', () => {
  it('shows the merged mails of the selected rows, with subject and recipient, and sends nothing', () => {
    const emulator = queued(5);
    emulator.spreadsheetApp.wrap(emulator.workbook()).select('Notices', 3, 2);
    emulator.run('previewNotices');
    const dialog = emulator.ui.dialogs.at(-1)!;
    expect(dialog.html).toContain('contact1@example.org');
    expect(dialog.html).toContain('contact2@example.org');
    expect(dialog.html).not.toContain('contact0@example.org');
    expect(dialog.html).toContain('Application received:');
    expect(emulator.mailApp.outbox).toHaveLength(0);
    expect(notices(emulator).every((n) => n.Status === 'Queued')).toBe(true);
  });

  it('shows the first waiting ones when nothing in Notices is selected', () => {
    const emulator = queued(5);
    emulator.run('previewNotices');
    expect((emulator.ui.dialogs.at(-1)!.html.match(/<iframe/g) ?? []).length).toBe(3);
  });
});

describe('Send notices', () => {
  it('asks first with the count per type and the quota, then sends each once', () => {
    const emulator = queued(4);
    emulator.run('sendNotices');
    expect(emulator.ui.alerts.at(-2)!.prompt).toMatch(
      /^Send 4 notices\?\n\nOf each type: confirmation of receipt \(4\)\n\nQuota left today: 100, of which 10 are kept in reserve\./,
    );
    expect(emulator.mailApp.outbox).toHaveLength(4);
    expect(notices(emulator).map((n) => n.Status)).toEqual(['Sent', 'Sent', 'Sent', 'Sent']);
    emulator.run('sendNotices');
    expect(emulator.mailApp.outbox).toHaveLength(4);
    expect(emulator.ui.alerts.at(-1)!.prompt).toBe('No notice is waiting to be sent.');
  });

  it('writes mails a real parser reads, with both parts and no markup from an answer', async () => {
    const emulator = setUpWorkspace({ language: 'en' });
    emulator.submit(
      validAnswer({
        'Contact person': '<script>alert("x")</script> Ana & Co',
        Municipality: '"><img src=x onerror=alert(1)>',
      }),
      { validate: false },
    );
    const parsed = await simpleParser(toEml(emulator.mailApp.outbox[0], 'x'));
    expect(parsed.subject).toContain('"><img src=x onerror=alert(1)>');
    expect(parsed.text).toContain('<script>alert("x")</script> Ana & Co');
    expect(parsed.html).not.toMatch(/<script|<img/);
    expect(parsed.html).toContain('&#60;script&#62;');
  });

  it('stops before a template that names an unknown placeholder, naming both, and sends nothing', () => {
    const emulator = queued(3);
    const id = records(emulator, 'Settings').find((s) => s.Key === 'template.received.en')!.Value as string;
    emulator.documentApp.openById(id).getBody().appendParagraph('Your mayor: {{Mayor}}');
    emulator.run('sendNotices');
    expect(emulator.ui.alerts.at(-1)!.prompt).toMatch(
      /The template "received \(en\)" names the placeholder \{\{Mayor\}\}/,
    );
    expect(emulator.mailApp.outbox).toHaveLength(0);
  });

  it('with a quota of 10 and 30 queued: sends 10, schedules one resume, and the next day sends the rest', () => {
    const emulator = queued(30);
    setSetting(emulator, 'quotaReserve', 0);
    emulator.mailApp.setRemainingQuota(10);
    emulator.run('sendNotices');
    expect(emulator.mailApp.outbox).toHaveLength(10);
    const resume = () => emulator.triggers.all().filter((t) => t.handlerFunction === 'runScheduledWork' && !t.fired);
    expect(resume()).toHaveLength(1);
    emulator.run('sendNotices');
    expect(resume()).toHaveLength(1);
    expect(emulator.mailApp.outbox).toHaveLength(10);
    emulator.advance(24 * 3600 * 1000 + 1000);
    expect(emulator.mailApp.outbox).toHaveLength(30);
    expect(emulator.triggers.all().filter((t) => t.handlerFunction === 'runScheduledWork')).toHaveLength(0);
    expect(new Set(emulator.mailApp.outbox.map((m) => m.to[0])).size).toBe(30);
  });

  it('stops before 4.5 minutes of execution and resumes from a trigger', () => {
    const emulator = queued(40);
    const before = emulator.env.calls.beforeCall;
    emulator.env.calls.beforeCall = (method) => {
      before?.(method);
      if (method === 'Mail.MailApp.sendEmail') emulator.env.clock.advance(10000);
    };
    emulator.run('sendNotices');
    const first = emulator.mailApp.outbox.length;
    expect(first).toBeGreaterThan(20);
    expect(first).toBeLessThan(40);
    expect(notices(emulator).filter((n) => n.Status === 'Sending')).toHaveLength(0);
    emulator.advance(61 * 1000);
    expect(emulator.mailApp.outbox).toHaveLength(40);
  });

  it('leaves when another run holds the lock, and tries again', () => {
    const emulator = queued(3);
    emulator.locks.holdElsewhere('document', 20000);
    emulator.run('runScheduledWork', {}, { trigger: true });
    expect(emulator.mailApp.outbox).toHaveLength(0);
    expect(records(emulator, 'Log').at(-1)?.Details).toBe('Another run holds the lock; trying again later');
    emulator.advance(61 * 1000);
    expect(emulator.mailApp.outbox).toHaveLength(3);
  });

  it('sends every key at most once, and exactly once unless left Sending, whatever call fails (fault injection)', () => {
    const probe = queued(30);
    const start = probe.env.calls.snapshot();
    probe.run('sendNotices');
    const end = probe.env.calls.snapshot();
    const points = Object.entries(end)
      .filter(([m]) => m.startsWith('Spreadsheet.') || m.startsWith('Properties.') || m === 'Mail.MailApp.sendEmail')
      .flatMap(([method, n]) => Array.from({ length: n - (start[method] ?? 0) }, (_, k) => ({ method, k: k + 1 })));
    expect(points.filter((p) => p.method === 'Mail.MailApp.sendEmail')).toHaveLength(30);
    // One flush for the sending lease and two for the block (up to 50) (Sending marked, statuses written).
    expect(points.filter((p) => p.method === 'Spreadsheet.SpreadsheetApp.flush')).toHaveLength(3);
    for (const { method, k } of points) {
      const emulator = queued(30);
      emulator.env.calls.failOn(method, emulator.env.calls.count(method) + k);
      emulator.run('sendNotices');
      emulator.env.calls.clearFaults();
      emulator.run('sendNotices');
      const sent = deliveries(emulator);
      const rows = notices(emulator);
      for (const row of rows) {
        const count = sent.get(String(row.To)) ?? 0;
        expect([method, k, row['Notice Key'], count <= 1]).toEqual([method, k, row['Notice Key'], true]);
        if (row.Status !== 'Sending')
          expect([method, k, row['Notice Key'], count]).toEqual([method, k, row['Notice Key'], 1]);
      }
      expect([method, k, rows.filter((r) => r.Status === 'Sending').length <= 1]).toEqual([method, k, true]);
    }
  });

  it('costs the same Spreadsheet calls per notice as the queue grows', () => {
    const cost = (n: number) => {
      const emulator = queued(n);
      const before = emulator.env.calls.total('Spreadsheet.');
      emulator.run('sendNotices');
      expect(emulator.mailApp.outbox).toHaveLength(n);
      return emulator.env.calls.total('Spreadsheet.') - before;
    };
    const [c10, c50, c60] = [cost(10), cost(50), cost(60)];
    // Nothing per notice: per block of 50, its range twice, Sending written and flushed, the statuses written and flushed.
    expect(c50).toBe(c10);
    expect(c60 - c50).toBe(6);
  });

  it('pays one property write per notice and one per block, instead of a flush per notice', () => {
    const emulator = queued(60);
    const calls = emulator.env.calls;
    const [props, flushes] = [
      calls.count('Properties.Properties.setProperty'),
      calls.count('Spreadsheet.SpreadsheetApp.flush'),
    ];
    emulator.run('sendNotices');
    expect(emulator.mailApp.outbox).toHaveLength(60);
    expect(calls.count('Properties.Properties.setProperty') - props).toBe(60 + 2);
    expect(calls.count('Spreadsheet.SpreadsheetApp.flush') - flushes).toBe(1 + 2 * 2);
    // The record is removed once the statuses it covered are flushed.
    expect(emulator.propertiesService.peek('document')['excursionDesk.sendingRecord']).toBeUndefined();
  });
});

describe('templates', () => {
  it('are read once per run, however many notices use them', () => {
    const emulator = queued(20);
    const before = emulator.env.calls.count('Document.DocumentApp.openById');
    emulator.run('sendNotices');
    expect(emulator.env.calls.count('Document.DocumentApp.openById') - before).toBe(1);
    expect(emulator.files(DOCUMENT_MIME)).toHaveLength(28);
  });
});

describe('the acceptance letter as a PDF', () => {
  it('is attached to accepted notices when attachPdf is TRUE, merged from the mail itself, with no Drive file made', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    setSetting(emulator, 'attachPdf', true);
    const files = emulator.env.drive.all().length;
    emulator.submit(validAnswer({ Municipality: 'Bled', 'Email address': 'info@bled.si' }));
    emulator.run('scoreApplicants');
    emulator.run('allocatePlaces');
    emulator.run('sendNotices');
    const accepted = emulator.mailApp.outbox.filter((m) => m.subject.startsWith('Excursion to'));
    expect(accepted.length).toBeGreaterThan(0);
    const pdf = accepted[0].attachments[0];
    expect(pdf.name).toMatch(/^APP-0001-.*\.pdf$/);
    expect(pdf.contentType).toBe('application/pdf');
    const text = Buffer.from(pdf.bytes).toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toContain('Bled');
    expect(text).not.toContain('Subject:');
    expect(text).not.toContain('{{');
    expect(emulator.env.drive.all().length).toBe(files);
    // Other mails carry no letter PDF (the received notice carries the application to sign: issue 15).
    expect(
      emulator.mailApp.outbox
        .filter((m) => !m.subject.startsWith('Excursion to'))
        .every((m) => m.attachments.every((a) => a.name === 'APP-0001.pdf')),
    ).toBe(true);
  });
});
