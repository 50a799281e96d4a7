/**
 * Personal links (SPEC sections 4 and 7): `{{ReplyLink}}`, the reply form prefilled with the
 * offer's signed `Reply code`, and `{{FormLink}}`, the application form prefilled with the
 * municipality's name. Each form is looked up once per run and one prefilled URL is made through
 * FormApp with a marker value; each link is that URL with the marker replaced, so a run's
 * Forms calls do not grow with the number of notices.
 *
 * The reply secret lives in the document's properties (made by Set up). An add-on's time-driven
 * run has none, so every run that has them copies the secret into the running user's properties
 * under the spreadsheet's id; the hourly run of that user reads the copy.
 */
import { StaffError } from '../core/errors';
import { makeReplyCode, type ReadCode, type ReplyOffer, readReplyCode, type Signer } from '../core/reply-code';
import { QUESTION, REPLY_QUESTION } from '../core/vocabulary';
import { findForm } from './form';
import type { Spreadsheet } from './sheets';

export const REPLY_FORM_ID_PROPERTY = 'excursionDesk.replyFormId';
export const REPLY_SECRET_PROPERTY = 'excursionDesk.replySecret';
const USER_SECRET_PREFIX = 'excursionDesk.replySecret.';
/** Text no answer holds; it marks where a prefilled URL carries the value. */
const MARKER = 'EXCURSIONDESKPREFILLMARKER';

function documentProperties(): GoogleAppsScript.Properties.Properties | null {
  try {
    return PropertiesService.getDocumentProperties();
  } catch (_e) {
    return null;
  }
}

/**
 * The document's reply secret; `create` makes one where there is none (Set up). Returns null when
 * this run can reach no copy of it.
 */
export function replySecret(ss: Spreadsheet, create = false): string | null {
  const doc = documentProperties();
  const user = PropertiesService.getUserProperties();
  const userKey = USER_SECRET_PREFIX + ss.getId();
  let secret = doc?.getProperty(REPLY_SECRET_PROPERTY) ?? null;
  if (!secret && doc && create) {
    // Two UUIDs: 244 random bits from the platform's generator.
    secret = `${Utilities.getUuid()}${Utilities.getUuid()}`.replace(/-/g, '');
    doc.setProperty(REPLY_SECRET_PROPERTY, secret);
  }
  if (secret) {
    if (user.getProperty(userKey) !== secret) user.setProperty(userKey, secret);
    return secret;
  }
  return doc ? null : user.getProperty(userKey);
}

/** HMAC-SHA256 under `secret`, base64url. */
export function signerFor(secret: string): Signer {
  return (message) => Utilities.base64EncodeWebSafe(Utilities.computeHmacSha256Signature(message, secret));
}

/** The reply form, by the id Set up kept, else by the response sheet linked to a form that asks for a Reply code. */
export function findReplyForm(ss: Spreadsheet): GoogleAppsScript.Forms.Form | null {
  const id = documentProperties()?.getProperty(REPLY_FORM_ID_PROPERTY);
  if (id) {
    try {
      return FormApp.openById(id);
    } catch (_gone) {
      // Deleted or no longer ours: looked for by its sheet below.
    }
  }
  for (const sheet of ss.getSheets()) {
    const url = sheet.getFormUrl();
    if (!url) continue;
    try {
      const form = FormApp.openByUrl(url);
      if (form.getItems(FormApp.ItemType.TEXT).some((i) => i.getTitle() === REPLY_QUESTION.code)) return form;
    } catch (_e) {
      // A form we cannot open is not ours.
    }
  }
  return null;
}

/** One prefilled URL of `form` with MARKER in its text question `title`, or null when the form has no such question. */
function markedUrl(form: GoogleAppsScript.Forms.Form, title: string): string | null {
  const item = form.getItems(FormApp.ItemType.TEXT).find((i) => i.getTitle() === title);
  if (!item) return null;
  const answer = item.asTextItem().createResponse(MARKER);
  return form.createResponse().withItemResponse(answer).toPrefilledUrl();
}

export interface Links {
  /** `{{ReplyLink}}` of one offer. Throws a StaffError when there is no reply form or no secret. */
  reply(offer: ReplyOffer): string;
  /** `{{FormLink}}`: the application form with the municipality filled in (the bare form where it cannot be prefilled). */
  application(municipality: string): string;
}

/** Link makers for one run: each form is found and prefilled once, on first use. */
export function linkMaker(ss: Spreadsheet): Links {
  let reply: { url: string; sign: Signer } | null = null;
  let application: { url: string; prefilled: boolean } | null = null;
  const fill = (url: string, value: string) => url.replace(MARKER, encodeURIComponent(value));
  return {
    reply(offer) {
      if (!reply) {
        const form = findReplyForm(ss);
        const secret = replySecret(ss);
        const url = form ? markedUrl(form, REPLY_QUESTION.code) : null;
        if (!form || !url) throw new StaffError('error.noReplyForm', {});
        if (!secret) throw new StaffError('error.noReplySecret', {});
        reply = { url, sign: signerFor(secret) };
      }
      return fill(reply.url, makeReplyCode(offer, reply.sign));
    },
    application(municipality) {
      if (!application) {
        const form = findForm(ss);
        if (!form) throw new StaffError('error.noForm', {});
        const url = markedUrl(form, QUESTION.municipality);
        application = url ? { url, prefilled: true } : { url: form.getPublishedUrl(), prefilled: false };
      }
      return application.prefilled ? fill(application.url, municipality) : application.url;
    },
  };
}

/** Reads a submitted code with this spreadsheet's secret; `signature` when there is no secret to check it with. */
export function checkReplyCode(ss: Spreadsheet, raw: string): ReadCode {
  const secret = replySecret(ss);
  if (!secret) return { ok: false, problem: 'signature' };
  return readReplyCode(raw, signerFor(secret));
}
