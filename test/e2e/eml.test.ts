/** The outbox as .eml files: each a valid MIME message a real mail parser reads back. */
import { simpleParser } from 'mailparser';
import { FakeBlob } from '../../emulator/src/blob';
import { createEnv } from '../../emulator/src/env';
import { FakeMailApp } from '../../emulator/src/mail';
import { toEml } from '../../src/cli/eml';

describe('an outbox mail written as .eml', () => {
  it('parses back with its sender, recipient, subject, text and HTML parts and an attachment', async () => {
    const env = createEnv({ start: new Date('2017-02-20T09:15:32Z') });
    const mail = new FakeMailApp(env);
    mail.sendEmail({
      to: 'spela.kovacic@ajdovscina.si',
      subject: 'Prijava prejeta: Ajdovščina (APP-0001)',
      body: 'Spoštovani, hvala za prijavo.',
      htmlBody: '<p>Spoštovani, <b>hvala</b> za prijavo &#60;script&#62;.</p>',
      name: 'Skupnost občin Slovenije',
      replyTo: 'growsmarter@sos.example',
      attachments: [new FakeBlob(env, new TextEncoder().encode('%PDF-1.4 test'), 'application/pdf', 'letter.pdf')],
    });
    const parsed = await simpleParser(toEml(mail.outbox[0], 'test-1'));
    expect(parsed.from?.value[0]).toMatchObject({ address: 'staff@example.org', name: 'Skupnost občin Slovenije' });
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value[0].address : null).toBe(
      'spela.kovacic@ajdovscina.si',
    );
    expect(parsed.replyTo?.value[0].address).toBe('growsmarter@sos.example');
    expect(parsed.subject).toBe('Prijava prejeta: Ajdovščina (APP-0001)');
    expect(parsed.text?.trim()).toBe('Spoštovani, hvala za prijavo.');
    expect(toEml(mail.outbox[0], 'test-1')).toMatch(/Content-Transfer-Encoding: base64/);
    expect(parsed.html).toContain('<b>hvala</b>');
    expect(parsed.html).not.toContain('<script>');
    expect(parsed.attachments.map((a) => [a.filename, a.contentType, a.content.toString()])).toEqual([
      ['letter.pdf', 'application/pdf', '%PDF-1.4 test'],
    ]);
    expect(parsed.messageId).toBe('<test-1@excursion-desk.local>');
    expect(parsed.date?.toISOString()).toBe('2017-02-20T09:15:32.000Z');
  });

  it('carries a plain-text mail as one text part', async () => {
    const env = createEnv();
    const mail = new FakeMailApp(env);
    mail.sendEmail('a@b.si', 'Hello', 'Only text');
    const parsed = await simpleParser(toEml(mail.outbox[0], 'test-2'));
    expect(parsed.text?.trim()).toBe('Only text');
    expect(parsed.html).toBe(false);
  });
});
