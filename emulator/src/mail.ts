/**
 * MailApp for the emulator: every sendEmail overload, the daily recipient quota on the virtual
 * clock, and an outbox that keeps each sent message for tests and the offline runner. Every public
 * Apps Script method records "Mail.MailApp.<method>" in env.calls; the outbox and quota helpers are
 * emulator-only and uncounted. Never bundled into build/Code.js.
 */
import type { Env } from './env';

/** One attachment or inline image as sent (bytes in Node's realm). */
export interface SentAttachment {
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

/** One message MailApp.sendEmail accepted (emulator-only record). */
export interface SentMail {
  to: string[];
  cc: string[];
  bcc: string[];
  /** The effective user's address (Session.getEffectiveUser). */
  from: string;
  name?: string;
  replyTo?: string;
  noReply: boolean;
  subject: string;
  body: string;
  htmlBody?: string;
  attachments: SentAttachment[];
  /** Inline images by their cid key (htmlBody refers to them as `cid:<key>`). */
  inlineImages: Record<string, SentAttachment>;
  sentAt: Date;
}

/** Recipients per day on a consumer account and on Google Workspace (quotas page). */
export const CONSUMER_DAILY_RECIPIENTS = 100;
export const WORKSPACE_DAILY_RECIPIENTS = 1500;
/** Per-message limits of the quotas page ("Current limitations"). */
export const MAX_RECIPIENTS_PER_MESSAGE = 50;
export const MAX_ATTACHMENTS_PER_MESSAGE = 250;
export const MAX_TOTAL_ATTACHMENT_BYTES = 25 * 1024 * 1024;
/** MailApp reference, sendEmail(message): "subject — the subject of the email (250 characters maximum)". */
export const MAX_SUBJECT_LENGTH = 250;

export const QUOTA_EXCEEDED = 'Service invoked too many times for one day: email.';
export const NO_RECIPIENT = 'Failed to send email: no recipient';
export const NO_SUBJECT = 'Failed to send email: no subject';
export const TOO_MANY_RECIPIENTS = 'Limit Exceeded: Email Recipients Per Message.';
export const ATTACHMENTS_TOO_LARGE = 'Limit Exceeded: Email Total Attachments Size.';
export const TOO_MANY_ATTACHMENTS = 'Limit Exceeded: Email Attachments Per Message.';
export const SUBJECT_TOO_LONG = 'Argument too large: subject';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A plain address: no spaces, one "@", a dot in the domain. */
const ADDRESS = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/;

/** Splits a comma-separated recipient list; "Name <a@b.c>" keeps only the address. Throws on a bad one. */
export function parseRecipients(list: unknown): string[] {
  if (list === undefined || list === null) return [];
  const out: string[] = [];
  for (const raw of String(list).split(',')) {
    const part = raw.trim();
    if (!part) continue;
    const angle = /<([^<>]*)>\s*$/.exec(part);
    const address = (angle ? angle[1] : part).trim();
    if (!ADDRESS.test(address)) throw new Error(`Invalid email: ${address}`);
    out.push(address);
  }
  return out;
}

/** Reads a BlobSource of any realm (a Blob, or anything with getBlob()) by duck typing. */
function readBlobSource(src: unknown, fallbackName: string): SentAttachment {
  let blob = src as Record<string, unknown> | null;
  if (blob && typeof blob.getBytes !== 'function' && typeof blob.getBlob === 'function') {
    blob = (blob.getBlob as () => Record<string, unknown>).call(blob);
  }
  if (!blob || typeof blob.getBytes !== 'function') {
    throw new Error('Invalid argument: attachments');
  }
  const raw = (blob.getBytes as () => ArrayLike<number>).call(blob);
  let bytes: Uint8Array;
  if (ArrayBuffer.isView(raw)) bytes = new Uint8Array(raw as unknown as ArrayLike<number>);
  else {
    bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) bytes[i] = Number(raw[i]) & 0xff;
  }
  const name = typeof blob.getName === 'function' ? (blob.getName as () => unknown).call(blob) : null;
  const type = typeof blob.getContentType === 'function' ? (blob.getContentType as () => unknown).call(blob) : null;
  return {
    name: name === null || name === undefined || name === '' ? fallbackName : String(name),
    contentType: type === null || type === undefined || type === '' ? 'application/octet-stream' : String(type),
    bytes,
  };
}

function optionalString(v: unknown): string | undefined {
  return v === undefined || v === null ? undefined : String(v);
}

// https://developers.google.com/apps-script/reference/mail/mail-app
export class FakeMailApp implements Pick<GoogleAppsScript.Mail.MailApp, 'sendEmail' | 'getRemainingDailyQuota'> {
  /** Every message sent, oldest first (emulator-only). */
  readonly outbox: SentMail[] = [];
  /** Recipients allowed per day (100 consumer, 1,500 Workspace); settable (emulator-only). */
  quotaPerDay: number;
  private usedToday = 0;
  private day: number;

  constructor(
    private readonly env: Env,
    options: { dailyQuota?: number } = {},
  ) {
    this.quotaPerDay = options.dailyQuota ?? CONSUMER_DAILY_RECIPIENTS;
    this.day = this.currentDay();
  }

  /** The UTC day number of the virtual clock (the real quota resets 24 h after the first request). */
  private currentDay(): number {
    return Math.floor(this.env.clock.nowMs() / DAY_MS);
  }

  private rollDay(): void {
    const today = this.currentDay();
    if (today !== this.day) {
      this.day = today;
      this.usedToday = 0;
    }
  }

  private remaining(): number {
    this.rollDay();
    return this.quotaPerDay - this.usedToday;
  }

  /** Sets what getRemainingDailyQuota returns for the rest of the current day (emulator-only). */
  setRemainingQuota(n: number): void {
    this.rollDay();
    this.usedToday = this.quotaPerDay - n;
  }

  /** Recipients counted so far on the current day (emulator-only). */
  usedQuota(): number {
    this.rollDay();
    return this.usedToday;
  }

  getRemainingDailyQuota(): number {
    this.env.calls.record('Mail.MailApp.getRemainingDailyQuota');
    return this.remaining();
  }

  /**
   * sendEmail(message) | sendEmail(recipient, subject, body) | sendEmail(recipient, subject, body,
   * options) | sendEmail(to, replyTo, subject, body).
   */
  sendEmail(a: unknown, b?: unknown, c?: unknown, d?: unknown): void {
    this.env.calls.record('Mail.MailApp.sendEmail');
    let msg: GoogleAppsScript.Mail.MailAdvancedParameters;
    if (typeof a === 'object' && a !== null) {
      msg = a as GoogleAppsScript.Mail.MailAdvancedParameters;
    } else if (typeof d === 'string') {
      msg = { to: a as string, replyTo: b as string, subject: c as string, body: d };
    } else {
      const options = typeof d === 'object' && d !== null ? (d as GoogleAppsScript.Mail.MailAdvancedParameters) : {};
      msg = { ...options, to: a as string, subject: b as string, body: c as string };
    }
    this.send(msg);
  }

  private send(msg: GoogleAppsScript.Mail.MailAdvancedParameters): void {
    const to = parseRecipients(msg.to);
    const cc = parseRecipients(msg.cc);
    const bcc = parseRecipients(msg.bcc);
    const replyTo = optionalString(msg.replyTo);
    if (replyTo) parseRecipients(replyTo);
    const count = to.length + cc.length + bcc.length;
    if (count === 0) throw new Error(NO_RECIPIENT);
    if (msg.subject === undefined || msg.subject === null) throw new Error(NO_SUBJECT);
    const subject = String(msg.subject);
    if (subject.length > MAX_SUBJECT_LENGTH) throw new Error(SUBJECT_TOO_LONG);
    if (count > MAX_RECIPIENTS_PER_MESSAGE) throw new Error(TOO_MANY_RECIPIENTS);

    const attachments = (Array.isArray(msg.attachments) ? msg.attachments : []).map((x, i) =>
      readBlobSource(x, `attachment-${i + 1}`),
    );
    const inlineImages: Record<string, SentAttachment> = {};
    if (msg.inlineImages && typeof msg.inlineImages === 'object') {
      for (const [key, src] of Object.entries(msg.inlineImages)) inlineImages[key] = readBlobSource(src, key);
    }
    if (attachments.length > MAX_ATTACHMENTS_PER_MESSAGE) throw new Error(TOO_MANY_ATTACHMENTS);
    const total = [...attachments, ...Object.values(inlineImages)].reduce((n, x) => n + x.bytes.length, 0);
    if (total > MAX_TOTAL_ATTACHMENT_BYTES) throw new Error(ATTACHMENTS_TOO_LARGE);

    if (count > this.remaining()) throw new Error(QUOTA_EXCEEDED);
    this.usedToday += count;

    const sent: SentMail = {
      to,
      cc,
      bcc,
      from: this.env.user.email,
      noReply: msg.noReply === true,
      subject,
      body: msg.body === undefined || msg.body === null ? '' : String(msg.body),
      attachments,
      inlineImages,
      sentAt: this.env.clock.now(),
    };
    const name = optionalString(msg.name);
    if (name !== undefined) sent.name = name;
    if (replyTo) sent.replyTo = replyTo;
    const htmlBody = optionalString(msg.htmlBody);
    if (htmlBody !== undefined) sent.htmlBody = htmlBody;
    this.outbox.push(sent);
  }
}
