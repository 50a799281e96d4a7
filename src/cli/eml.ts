/** Turns a mail of the emulator's outbox into an RFC 5322 message, multipart text and HTML. */
import { createMimeMessage, Mailbox } from 'mimetext';
import type { SentMail } from '../emulator/mail';

/** The .eml text of one sent mail; `messageId` makes the Message-ID stable across runs. */
export function toEml(mail: SentMail, messageId: string): string {
  const msg = createMimeMessage();
  msg.setSender(mail.name ? { name: mail.name, addr: mail.from } : mail.from);
  msg.setTo(mail.to);
  if (mail.cc.length > 0) msg.setCc(mail.cc);
  if (mail.bcc.length > 0) msg.setBcc(mail.bcc);
  if (mail.replyTo) msg.setHeader('Reply-To', new Mailbox(mail.replyTo));
  msg.setSubject(mail.subject);
  msg.setHeader('Date', mail.sentAt.toUTCString().replace('GMT', '+0000'));
  msg.setHeader('Message-ID', `<${messageId}@excursion-desk.local>`);
  msg.addMessage({ contentType: 'text/plain', data: mail.body, charset: 'UTF-8' });
  if (mail.htmlBody) msg.addMessage({ contentType: 'text/html', data: mail.htmlBody, charset: 'UTF-8' });
  for (const a of mail.attachments) {
    msg.addAttachment({
      filename: a.name,
      contentType: a.contentType,
      data: Buffer.from(a.bytes).toString('base64'),
      encoding: 'base64',
    });
  }
  return msg.asRaw();
}
