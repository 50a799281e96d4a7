/** Turns a mail of the emulator's outbox into an RFC 5322 message, multipart text and HTML. */
import { createMimeMessage, Mailbox } from 'mimetext';
import type { SentMail } from '../../emulator/src/mail';

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
  // Text with č, š, ž is not 7-bit: each part goes base64, in lines of 76 (RFC 2045).
  msg.addMessage({
    contentType: 'text/plain',
    data: base64Lines(Buffer.from(mail.body, 'utf8')),
    charset: 'UTF-8',
    encoding: 'base64',
  });
  if (mail.htmlBody)
    msg.addMessage({
      contentType: 'text/html',
      data: base64Lines(Buffer.from(mail.htmlBody, 'utf8')),
      charset: 'UTF-8',
      encoding: 'base64',
    });
  for (const a of mail.attachments) {
    msg.addAttachment({
      filename: a.name,
      contentType: a.contentType,
      data: base64Lines(Buffer.from(a.bytes)),
      encoding: 'base64',
    });
  }
  return msg.asRaw();
}

function base64Lines(bytes: Buffer): string {
  return (bytes.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}
