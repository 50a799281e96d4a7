/**
 * MailApp fake: the sendEmail overloads, the outbox, the per-recipient daily quota on the virtual
 * clock, address validation, per-message limits, call counting and fault injection. Each quirk
 * cites its reference.
 */
import { createEnv, type Env, InjectedFault } from '../src/env';
import {
  ATTACHMENTS_TOO_LARGE,
  FakeMailApp,
  NO_RECIPIENT,
  NO_SUBJECT,
  QUOTA_EXCEEDED,
  SUBJECT_TOO_LONG,
  TOO_MANY_RECIPIENTS,
} from '../src/mail';

const MAIL_APP = 'https://developers.google.com/apps-script/reference/mail/mail-app';
const QUOTAS = 'https://developers.google.com/apps-script/guides/services/quotas';

function setup(options: { dailyQuota?: number } = {}, start = new Date('2017-04-03T10:00:00Z')) {
  const env: Env = createEnv({ start, userEmail: 'desk@example.org' });
  const mail = new FakeMailApp(env, options);
  const MailApp = mail as unknown as GoogleAppsScript.Mail.MailApp;
  return { env, mail, MailApp };
}

/** A duck-typed Blob as the script's realm would pass it. */
function blob(name: string, contentType: string, bytes: ArrayLike<number>) {
  return {
    getBytes: () => bytes,
    getName: () => name,
    getContentType: () => contentType,
    getAs: () => {
      throw new Error('not needed');
    },
    getBlob() {
      return this;
    },
  } as unknown as GoogleAppsScript.Base.Blob;
}

describe('MailApp.sendEmail overloads', () => {
  // MAIL_APP#sendEmail(String,String,String)
  it(`sends (recipient, subject, body) — ${MAIL_APP}#sendEmail(String,String,String)`, () => {
    const { mail, MailApp } = setup();
    MailApp.sendEmail('mayor@obcina.si', 'Result', 'You got 2 places.');
    expect(mail.outbox).toHaveLength(1);
    expect(mail.outbox[0]).toMatchObject({
      to: ['mayor@obcina.si'],
      cc: [],
      bcc: [],
      from: 'desk@example.org',
      subject: 'Result',
      body: 'You got 2 places.',
      attachments: [],
    });
    expect(mail.outbox[0].htmlBody).toBeUndefined();
    expect(mail.outbox[0].sentAt.toISOString()).toBe('2017-04-03T10:00:00.000Z');
  });

  // MAIL_APP#sendEmail(String,String,String,Object): options htmlBody, name, replyTo, cc, bcc, attachments.
  it(`sends (recipient, subject, body, options) — ${MAIL_APP}#sendEmail(String,String,String,Object)`, () => {
    const { mail, MailApp } = setup();
    MailApp.sendEmail('a@x.si, b@x.si', 'Subj', 'plain', {
      htmlBody: '<b>html</b>',
      name: 'Excursion Desk',
      replyTo: 'office@example.org',
      cc: 'c@x.si',
      bcc: 'd@x.si',
      attachments: [blob('list.pdf', 'application/pdf', [37, 80, -1])],
    });
    const m = mail.outbox[0];
    expect(m.to).toEqual(['a@x.si', 'b@x.si']);
    expect(m.cc).toEqual(['c@x.si']);
    expect(m.bcc).toEqual(['d@x.si']);
    expect(m.name).toBe('Excursion Desk');
    expect(m.replyTo).toBe('office@example.org');
    expect(m.htmlBody).toBe('<b>html</b>');
    expect(m.attachments[0].name).toBe('list.pdf');
    expect(m.attachments[0].contentType).toBe('application/pdf');
    expect([...m.attachments[0].bytes]).toEqual([37, 80, 255]);
  });

  // MAIL_APP#sendEmail(Object): to, cc, bcc, subject, body, htmlBody, name, replyTo, noReply, attachments, inlineImages.
  it(`sends a message object — ${MAIL_APP}#sendEmail(Object)`, () => {
    const { mail, MailApp } = setup();
    MailApp.sendEmail({
      to: 'Mayor <mayor@obcina.si>',
      subject: 'Hi',
      body: 'text',
      htmlBody: '<img src="cid:logo">',
      noReply: true,
      inlineImages: { logo: blob('logo.png', 'image/png', [1, 2]) },
    });
    const m = mail.outbox[0];
    expect(m.to).toEqual(['mayor@obcina.si']);
    expect(m.noReply).toBe(true);
    expect(m.inlineImages.logo.contentType).toBe('image/png');
  });

  // MAIL_APP#sendEmail(String,String,String,String): (to, replyTo, subject, body).
  it(`sends (to, replyTo, subject, body) — ${MAIL_APP}#sendEmail(String,String,String,String)`, () => {
    const { mail, MailApp } = setup();
    MailApp.sendEmail('a@x.si', 'reply@x.si', 'S', 'B');
    expect(mail.outbox[0]).toMatchObject({ to: ['a@x.si'], replyTo: 'reply@x.si', subject: 'S', body: 'B' });
  });

  // MAIL_APP: an address that is not an e-mail address throws "Invalid email: <address>".
  it('throws "Invalid email: <address>" for a bad address and sends nothing', () => {
    const { mail, MailApp } = setup();
    expect(() => MailApp.sendEmail('not-an-address', 'S', 'B')).toThrow('Invalid email: not-an-address');
    expect(() => MailApp.sendEmail({ to: 'a@x.si', cc: 'bad@', subject: 'S', body: 'B' })).toThrow(
      'Invalid email: bad@',
    );
    expect(mail.outbox).toHaveLength(0);
    expect(mail.usedQuota()).toBe(0);
  });

  // MAIL_APP#sendEmail(Object): with no to, cc or bcc the call fails "Failed to send email: no recipient".
  it('throws "Failed to send email: no recipient" when there is no recipient', () => {
    const { MailApp } = setup();
    expect(() => MailApp.sendEmail({ to: '', subject: 'S', body: 'B' })).toThrow(NO_RECIPIENT);
  });

  // MAIL_APP#sendEmail(Object): a message object without subject is refused.
  it('refuses a message without a subject, and one over 250 characters', () => {
    const { MailApp } = setup();
    expect(() => MailApp.sendEmail({ to: 'a@x.si', body: 'B' })).toThrow(NO_SUBJECT);
    // MAIL_APP#sendEmail(Object): "subject — the subject of the email (250 characters maximum)".
    expect(() => MailApp.sendEmail('a@x.si', 'x'.repeat(251), 'B')).toThrow(SUBJECT_TOO_LONG);
    expect(() => MailApp.sendEmail('a@x.si', 'x'.repeat(250), 'B')).not.toThrow();
  });

  // QUOTAS ("Current limitations"): 50 recipients per message, 25 MB of attachments per message.
  it(`enforces the per-message limits — ${QUOTAS}`, () => {
    const { MailApp } = setup({ dailyQuota: 1500 });
    const many = Array.from({ length: 51 }, (_, i) => `r${i}@x.si`).join(',');
    expect(() => MailApp.sendEmail(many, 'S', 'B')).toThrow(TOO_MANY_RECIPIENTS);
    const big = blob('big.bin', 'application/octet-stream', new Uint8Array(25 * 1024 * 1024 + 1));
    expect(() => MailApp.sendEmail('a@x.si', 'S', 'B', { attachments: [big] })).toThrow(ATTACHMENTS_TOO_LARGE);
  });
});

describe('MailApp daily quota', () => {
  // QUOTAS: "Email recipients per day" 100 (consumer) / 1,500 (Workspace); MAIL_APP#getRemainingDailyQuota().
  it('starts at 100 recipients a day for a consumer account, 1,500 when configured for Workspace', () => {
    expect(setup().MailApp.getRemainingDailyQuota()).toBe(100);
    expect(setup({ dailyQuota: 1500 }).MailApp.getRemainingDailyQuota()).toBe(1500);
  });

  // MAIL_APP#getRemainingDailyQuota(): "Quotas are based on the number of email recipients" — to, cc and bcc all count.
  it('counts every recipient (to, cc, bcc) against the quota', () => {
    const { MailApp } = setup();
    MailApp.sendEmail({ to: 'a@x.si,b@x.si', cc: 'c@x.si', bcc: 'd@x.si', subject: 'S', body: 'B' });
    expect(MailApp.getRemainingDailyQuota()).toBe(96);
  });

  // "Service invoked too many times for one day: email." when a send would go beyond the quota.
  it('throws "Service invoked too many times for one day: email." beyond the quota and sends nothing', () => {
    const { mail, MailApp } = setup({ dailyQuota: 3 });
    MailApp.sendEmail('a@x.si,b@x.si', 'S', 'B');
    expect(() => MailApp.sendEmail('c@x.si,d@x.si', 'S', 'B')).toThrow(QUOTA_EXCEEDED);
    expect(mail.outbox).toHaveLength(1);
    MailApp.sendEmail('c@x.si', 'S', 'B');
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
    expect(() => MailApp.sendEmail('e@x.si', 'S', 'B')).toThrow(QUOTA_EXCEEDED);
  });

  // QUOTAS: quotas reset (the real reset is 24 h after the first request; the emulator uses the UTC day).
  it('resets when the virtual clock reaches the next UTC day', () => {
    const { env, mail, MailApp } = setup({}, new Date('2017-04-03T23:00:00Z'));
    mail.setRemainingQuota(0);
    expect(() => MailApp.sendEmail('a@x.si', 'S', 'B')).toThrow(QUOTA_EXCEEDED);
    env.clock.advance(60 * 60 * 1000);
    expect(MailApp.getRemainingDailyQuota()).toBe(100);
    MailApp.sendEmail('a@x.si', 'S', 'B');
    expect(mail.outbox).toHaveLength(1);
  });

  it('lets tests set the remaining quota and the quota per day (emulator-only)', () => {
    const { mail, MailApp } = setup();
    mail.setRemainingQuota(7);
    expect(MailApp.getRemainingDailyQuota()).toBe(7);
    mail.quotaPerDay = 1500;
    expect(MailApp.getRemainingDailyQuota()).toBe(1407);
  });
});

describe('MailApp call counting and faults', () => {
  it('counts Mail.MailApp.* calls and not the emulator-only helpers', () => {
    const { env, mail, MailApp } = setup();
    MailApp.sendEmail('a@x.si', 'S', 'B');
    MailApp.getRemainingDailyQuota();
    mail.setRemainingQuota(5);
    mail.usedQuota();
    expect(env.calls.snapshot('Mail.')).toEqual({
      'Mail.MailApp.getRemainingDailyQuota': 1,
      'Mail.MailApp.sendEmail': 1,
    });
  });

  it('an injected fault on the 2nd send throws InjectedFault and adds nothing to the outbox', () => {
    const { env, mail, MailApp } = setup();
    env.calls.failOn('Mail.MailApp.sendEmail', 2);
    MailApp.sendEmail('a@x.si', 'S1', 'B');
    expect(() => MailApp.sendEmail('b@x.si', 'S2', 'B')).toThrow(InjectedFault);
    expect(mail.outbox.map((m) => m.subject)).toEqual(['S1']);
    expect(MailApp.getRemainingDailyQuota()).toBe(99);
    MailApp.sendEmail('b@x.si', 'S3', 'B');
    expect(mail.outbox.map((m) => m.subject)).toEqual(['S1', 'S3']);
  });
});
