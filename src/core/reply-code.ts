/**
 * The `Reply code` of the reply form (SPEC section 4): it names one offer (the application, the
 * excursion and the offer's revision) and carries a signature made with a secret of the
 * spreadsheet, so that it can be neither guessed nor altered. Pure: the HMAC is passed in (the
 * workspace gives Utilities.computeHmacSha256Signature over the document's secret).
 *
 * Readable where the ids allow it (`APP-0007.CGN-2017-04.1.Xy…`), else the ids travel base64url
 * encoded after a `~` (an Excursion ID typed by staff may hold any character).
 */

/** The offer a code names. `revision` is n of the notice key `accepted:…#n` (1 without `#n`). */
export interface ReplyOffer {
  applicationId: string;
  excursionId: string;
  revision: number;
}

/** HMAC-SHA256 of `message` under the spreadsheet's secret, as base64url text. */
export type Signer = (message: string) => string;

/** 16 base64url characters: 96 bits of the HMAC, more than any guessing could reach. */
const SIGNATURE_LENGTH = 16;
const PLAIN_ID = /^[A-Za-z0-9_-]+$/;

function message(o: ReplyOffer): string {
  return `excursion-desk-reply\n${o.applicationId}\n${o.excursionId}\n${o.revision}`;
}

function signature(o: ReplyOffer, sign: Signer): string {
  return sign(message(o)).replace(/=+$/, '').slice(0, SIGNATURE_LENGTH);
}

/** base64url without padding, of the UTF-8 bytes of `s` (no Buffer or btoa: this runs on Apps Script). */
export function base64Url(s: string): string {
  const bytes = utf8(s);
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 1 >= bytes.length ? 2 : i + 2 >= bytes.length ? 3 : 4;
    for (let k = 0; k < chars; k++) out += abc[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

function fromBase64Url(s: string): string | null {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) return null;
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i += 4) {
    const chunk = s.slice(i, i + 4);
    let n = 0;
    for (let k = 0; k < 4; k++) n = (n << 6) | (k < chunk.length ? abc.indexOf(chunk[k]) : 0);
    bytes.push((n >> 16) & 255);
    if (chunk.length > 2) bytes.push((n >> 8) & 255);
    if (chunk.length > 3) bytes.push(n & 255);
  }
  try {
    return decodeURIComponent(bytes.map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''));
  } catch (_e) {
    return null;
  }
}

function utf8(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** The code for `offer`. */
export function makeReplyCode(offer: ReplyOffer, sign: Signer): string {
  if (!Number.isInteger(offer.revision) || offer.revision < 1) throw new Error(`Bad offer revision ${offer.revision}`);
  const sig = signature(offer, sign);
  if (PLAIN_ID.test(offer.applicationId) && PLAIN_ID.test(offer.excursionId))
    return `${offer.applicationId}.${offer.excursionId}.${offer.revision}.${sig}`;
  return `~${base64Url(`${offer.applicationId}\n${offer.excursionId}`)}.${offer.revision}.${sig}`;
}

export type ReadCode = { ok: true; offer: ReplyOffer } | { ok: false; problem: 'missing' | 'malformed' | 'signature' };

/**
 * The offer a typed or pasted code names, when its signature is right. Spaces around it and a
 * line break inside it (a mail client's wrapping) are forgiven; nothing else is.
 */
export function readReplyCode(raw: string, sign: Signer): ReadCode {
  const code = String(raw ?? '').replace(/\s+/g, '');
  if (code === '') return { ok: false, problem: 'missing' };
  const parts = code.split('.');
  let offer: ReplyOffer;
  if (code.startsWith('~')) {
    if (parts.length !== 3) return { ok: false, problem: 'malformed' };
    const ids = fromBase64Url(parts[0].slice(1));
    const split = ids?.split('\n');
    if (split?.length !== 2) return { ok: false, problem: 'malformed' };
    offer = { applicationId: split[0], excursionId: split[1], revision: Number(parts[1]) };
  } else {
    if (parts.length !== 4) return { ok: false, problem: 'malformed' };
    offer = { applicationId: parts[0], excursionId: parts[1], revision: Number(parts[2]) };
  }
  const sig = parts[parts.length - 1];
  if (!/^[1-9][0-9]{0,5}$/.test(parts[parts.length - 2])) return { ok: false, problem: 'malformed' };
  if (offer.applicationId === '' || offer.excursionId === '') return { ok: false, problem: 'malformed' };
  if (!constantTimeEqual(sig, signature(offer, sign))) return { ok: false, problem: 'signature' };
  return { ok: true, offer };
}

function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

/** n of a notice key's `#n` (1 without it). */
export function keyRevision(key: string): number {
  const m = /#(\d+)$/.exec(key);
  return m ? Number(m[1]) : 1;
}
