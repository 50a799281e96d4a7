/**
 * Utilities for the emulator: formatDate with Java SimpleDateFormat patterns in any time zone
 * (computed with Intl), formatString, base64, digests and HMACs, UUIDs, a sleep that moves the
 * virtual clock, parseCsv and newBlob. Every public Apps Script method records
 * "Utilities.Utilities.<method>" in env.calls. Never bundled into build/Code.js.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { Env } from './env';
import { isDate } from './env';
import { MONTHS, WEEKDAYS } from './zone';

type GBlob = GoogleAppsScript.Base.Blob;

/** Makes the Blob that newBlob returns (the emulator passes FakeBlob's constructor). */
export type MakeBlob = (bytes: Uint8Array, contentType?: string, name?: string) => unknown;

/** Utilities reference, sleep(milliseconds): the maximum allowed value is 300000 (5 minutes). */
export const MAX_SLEEP_MS = 300000;

export const Charset = Object.freeze({ US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const);
export const DigestAlgorithm = Object.freeze({
  MD2: 'MD2',
  MD5: 'MD5',
  SHA_1: 'SHA_1',
  SHA_256: 'SHA_256',
  SHA_384: 'SHA_384',
  SHA_512: 'SHA_512',
} as const);
export const MacAlgorithm = Object.freeze({
  HMAC_MD5: 'HMAC_MD5',
  HMAC_SHA_1: 'HMAC_SHA_1',
  HMAC_SHA_256: 'HMAC_SHA_256',
  HMAC_SHA_384: 'HMAC_SHA_384',
  HMAC_SHA_512: 'HMAC_SHA_512',
} as const);

// ---------------------------------------------------------------------------------------------
// Bytes and charsets

/** Encodes a string in a Utilities.Charset (UTF_8 by default; US_ASCII writes '?' for the rest). */
export function encodeCharset(s: string, charset?: unknown): Uint8Array {
  const cs = charset === undefined || charset === null ? 'UTF_8' : String(charset).toUpperCase().replace('-', '_');
  if (cs === 'UTF_8' || cs === 'UTF8') return new TextEncoder().encode(s);
  if (cs === 'US_ASCII' || cs === 'ASCII')
    return Uint8Array.from(s, (c) => (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : 0x3f));
  throw new Error(`Unsupported charset: ${String(charset)}`);
}

/** Bytes of a Byte[] (signed or unsigned, any realm) or of a string in `charset`. */
export function bytesOf(data: unknown, charset?: unknown): Uint8Array {
  if (typeof data === 'string') return encodeCharset(data, charset);
  if (data !== null && typeof data === 'object' && typeof (data as { length?: unknown }).length === 'number') {
    const src = data as ArrayLike<unknown>;
    const out = new Uint8Array(src.length);
    for (let i = 0; i < src.length; i++) out[i] = Number(src[i]) & 0xff;
    return out;
  }
  throw new Error(`Invalid argument: ${String(data)}`);
}

/** Java bytes: -128..127. */
export function toSignedBytes(bytes: Uint8Array): number[] {
  return Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
}

// ---------------------------------------------------------------------------------------------
// Time zones and SimpleDateFormat

interface ZoneAt {
  offsetMinutes: number;
  shortName: string;
  longName: string;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat | null {
  if (!formatters.has(key)) {
    try {
      formatters.set(key, make());
    } catch {
      formatters.set(key, null);
    }
  }
  return formatters.get(key) ?? null;
}

function gmtName(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `GMT${sign}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
}

function zoneName(timeZone: string, ms: number, style: 'short' | 'long', locale: string): string | null {
  const f = formatter(
    `${locale}|${style}|${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: style }),
  );
  return f?.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? null;
}

/**
 * Offset and names of a Java time-zone id at an instant: "GMT", "UTC", custom "GMT+1" /
 * "GMT+01:00" / "GMT-0530", or an IANA id. Like java.util.TimeZone, an id it does not know is GMT.
 */
export function zoneAt(timeZone: unknown, ms: number): ZoneAt {
  const id = String(timeZone ?? '').trim();
  const custom = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(id);
  if (custom) {
    const minutes = (Number(custom[2]) * 60 + Number(custom[3] ?? 0)) * (custom[1] === '-' ? -1 : 1);
    const name = gmtName(minutes);
    return { offsetMinutes: minutes, shortName: name, longName: name };
  }
  if (id.toUpperCase() === 'GMT' || id === '')
    return { offsetMinutes: 0, shortName: 'GMT', longName: 'Greenwich Mean Time' };
  if (id.toUpperCase() === 'UTC') return { offsetMinutes: 0, shortName: 'UTC', longName: 'Coordinated Universal Time' };
  const f = formatter(
    `parts|${id}`,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone: id,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        era: 'short',
      }),
  );
  if (!f) return { offsetMinutes: 0, shortName: 'GMT', longName: 'Greenwich Mean Time' };
  const whole = Math.floor(ms / 1000) * 1000;
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(whole)) parts[p.type] = p.value;
  let year = Number(parts.year);
  if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
  const local = Date.UTC(
    year,
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  const offsetMinutes = Math.round((local - whole) / 60000);
  // Java prints abbreviations such as CET/CEST and EST; ICU has them in en-US for America and in en-GB for Europe.
  let shortName = zoneName(id, whole, 'short', 'en-US') ?? '';
  if (/^(GMT|UTC)[+-]/.test(shortName) || (shortName === 'GMT' && offsetMinutes !== 0)) {
    const gb = zoneName(id, whole, 'short', 'en-GB') ?? '';
    shortName =
      /^(GMT|UTC)[+-]/.test(gb) || gb === '' || (gb === 'GMT' && offsetMinutes !== 0) ? gmtName(offsetMinutes) : gb;
  }
  const longName = zoneName(id, whole, 'long', 'en-US') ?? gmtName(offsetMinutes);
  return { offsetMinutes, shortName, longName };
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

function offsetString(minutes: number, colon: boolean, withMinutes = true): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = pad(Math.floor(abs / 60), 2);
  if (!withMinutes) return sign + hh;
  return sign + hh + (colon ? ':' : '') + pad(abs % 60, 2);
}

/** Week of year as java.util.GregorianCalendar counts it for Locale.US (weeks start on Sunday, week 1 holds January 1). */
function usWeekOfYear(year: number, dayOfYear: number): number {
  const jan1 = new Date(Date.UTC(year, 0, 1)).getUTCDay();
  return Math.floor((dayOfYear - 1 + jan1) / 7) + 1;
}

/**
 * Formats an instant with a java.text.SimpleDateFormat pattern (Locale.US names) in a Java time
 * zone id. Letters: G y Y M L w W D d F E u a H k K h m s S z Z X; text in '…', '' for a quote.
 */
export function formatSimpleDate(ms: number, timeZone: unknown, pattern: string): string {
  const zone = zoneAt(timeZone, ms);
  const t = new Date(ms + zone.offsetMinutes * 60000);
  const year = t.getUTCFullYear();
  const month = t.getUTCMonth();
  const day = t.getUTCDate();
  const weekday = t.getUTCDay();
  const hour = t.getUTCHours();
  const dayOfYear = Math.floor((Date.UTC(year, month, day) - Date.UTC(year, 0, 1)) / 86400000) + 1;
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      i++;
      while (i < pattern.length) {
        if (pattern[i] === "'") {
          if (pattern[i + 1] === "'") {
            out += "'";
            i += 2;
            continue;
          }
          break;
        }
        out += pattern[i++];
      }
      if (i >= pattern.length) throw new Error('Unterminated quote');
      i++;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      out += c;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === c) n++;
    i += n;
    switch (c) {
      case 'G':
        out += year > 0 ? 'AD' : 'BC';
        break;
      case 'y':
      case 'Y':
        out += n === 2 ? pad(year % 100, 2) : pad(year, n);
        break;
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS[month] : n === 3 ? MONTHS[month].slice(0, 3) : pad(month + 1, n);
        break;
      case 'w':
        out += pad(usWeekOfYear(year, dayOfYear), n);
        break;
      case 'W': {
        const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
        out += pad(Math.floor((day - 1 + first) / 7) + 1, n);
        break;
      }
      case 'D':
        out += pad(dayOfYear, n);
        break;
      case 'd':
        out += pad(day, n);
        break;
      case 'F':
        out += pad(Math.floor((day - 1) / 7) + 1, n);
        break;
      case 'E':
        out += n >= 4 ? WEEKDAYS[weekday] : WEEKDAYS[weekday].slice(0, 3);
        break;
      case 'u':
        out += pad(weekday === 0 ? 7 : weekday, n);
        break;
      case 'a':
        out += hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(hour, n);
        break;
      case 'k':
        out += pad(hour === 0 ? 24 : hour, n);
        break;
      case 'K':
        out += pad(hour % 12, n);
        break;
      case 'h':
        out += pad(hour % 12 === 0 ? 12 : hour % 12, n);
        break;
      case 'm':
        out += pad(t.getUTCMinutes(), n);
        break;
      case 's':
        out += pad(t.getUTCSeconds(), n);
        break;
      case 'S':
        out += pad(t.getUTCMilliseconds(), n);
        break;
      case 'z':
        out += n >= 4 ? zone.longName : zone.shortName;
        break;
      case 'Z':
        out += offsetString(zone.offsetMinutes, false);
        break;
      case 'X':
        if (n > 3) throw new Error(`invalid ISO 8601 format: length=${n}`);
        out += zone.offsetMinutes === 0 ? 'Z' : offsetString(zone.offsetMinutes, n === 3, n > 1);
        break;
      default:
        throw new Error(`Illegal pattern character '${c}'`);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// formatString and parseCsv

function javaType(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (isDate(v)) return 'Date';
  if (Array.isArray(v)) return 'Object[]';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'object') return 'Object';
  return typeof v;
}

/** sprintf-like formatting: %s %d %i %f %e %x %X %o %c %%, with flags (- + space 0 #), width and precision. */
export function sprintf(template: string, args: unknown[]): string {
  let next = 0;
  return String(template).replace(
    /%([-+ 0#]*)(\d+)?(?:\.(\d+))?([sdifeEgGxXoc%])/g,
    (_m, flags: string, width: string | undefined, precision: string | undefined, conv: string) => {
      if (conv === '%') return '%';
      const arg = args[next++];
      const prec = precision === undefined ? undefined : Number(precision);
      let body: string;
      let numeric = true;
      switch (conv) {
        case 's':
          numeric = false;
          body = arg === undefined ? 'undefined' : String(arg);
          if (prec !== undefined) body = body.slice(0, prec);
          break;
        case 'c':
          numeric = false;
          body = typeof arg === 'number' ? String.fromCharCode(arg) : String(arg).charAt(0);
          break;
        case 'd':
        case 'i':
          body = String(Math.trunc(Number(arg)));
          break;
        case 'f':
          body = Number(arg).toFixed(prec ?? 6);
          break;
        case 'e':
        case 'E':
          body = Number(arg).toExponential(prec ?? 6);
          if (conv === 'E') body = body.toUpperCase();
          break;
        case 'g':
        case 'G':
          body = Number(arg).toPrecision(prec || 6);
          if (conv === 'G') body = body.toUpperCase();
          break;
        case 'x':
        case 'X':
          body = (Math.trunc(Number(arg)) >>> 0).toString(16);
          if (flags.includes('#')) body = `0x${body}`;
          if (conv === 'X') body = body.toUpperCase();
          break;
        default:
          body = (Math.trunc(Number(arg)) >>> 0).toString(8);
          if (flags.includes('#')) body = `0${body}`;
      }
      if (numeric && !body.startsWith('-')) {
        if (flags.includes('+')) body = `+${body}`;
        else if (flags.includes(' ')) body = ` ${body}`;
      }
      const w = width === undefined ? 0 : Number(width);
      if (body.length < w) {
        if (flags.includes('-')) body = body + ' '.repeat(w - body.length);
        else if (flags.includes('0') && numeric) {
          const sign = /^[-+ ]/.test(body) ? body[0] : '';
          body = sign + '0'.repeat(w - body.length) + body.slice(sign.length);
        } else body = ' '.repeat(w - body.length) + body;
      }
      return body;
    },
  );
}

/** RFC 4180 parsing: quoted fields may hold the delimiter, line breaks and doubled quotes. */
export function parseCsvText(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const text = String(csv);
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === delimiter) {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------

const DIGESTS: Record<string, string> = {
  MD2: 'md2',
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};
const MACS: Record<string, string> = {
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};

function webSafe(b64: string): string {
  return b64.replace(/\+/g, '-').replace(/\//g, '_');
}

function decodeBase64(encoded: unknown): Uint8Array {
  const s = String(encoded).replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(s)) throw new Error('Could not decode string.');
  return new Uint8Array(Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
}

// https://developers.google.com/apps-script/reference/utilities/utilities
export class FakeUtilities
  implements
    Pick<
      GoogleAppsScript.Utilities.Utilities,
      | 'formatDate'
      | 'formatString'
      | 'newBlob'
      | 'base64Encode'
      | 'base64EncodeWebSafe'
      | 'base64Decode'
      | 'base64DecodeWebSafe'
      | 'computeDigest'
      | 'computeHmacSignature'
      | 'computeHmacSha256Signature'
      | 'getUuid'
      | 'sleep'
      | 'parseCsv'
    >
{
  readonly Charset = Charset;
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly MacAlgorithm = MacAlgorithm;
  private readonly makeBlob: MakeBlob | null;

  constructor(
    private readonly env: Env,
    options: { makeBlob?: MakeBlob } = {},
  ) {
    this.makeBlob = options.makeBlob ?? null;
  }

  formatDate(date: unknown, timeZone: string, format: string): string {
    this.env.calls.record('Utilities.Utilities.formatDate');
    if (!isDate(date) || typeof format !== 'string' || (typeof timeZone !== 'string' && timeZone !== undefined)) {
      throw new Error(
        `The parameters (${[date, timeZone, format].map(javaType).join(',')}) don't match the method signature for Utilities.formatDate.`,
      );
    }
    const ms = date.getTime();
    if (Number.isNaN(ms)) throw new Error('Invalid argument: date');
    return formatSimpleDate(ms, timeZone, format);
  }

  formatString(template: string, ...args: unknown[]): string {
    this.env.calls.record('Utilities.Utilities.formatString');
    return sprintf(template, args);
  }

  newBlob(data: unknown, contentType?: string, name?: string): GBlob {
    this.env.calls.record('Utilities.Utilities.newBlob');
    if (!this.makeBlob) throw new Error('FakeUtilities was created without a makeBlob function');
    const bytes = bytesOf(data);
    return this.makeBlob(bytes, contentType ?? undefined, name ?? undefined) as GBlob;
  }

  base64Encode(data: unknown, charset?: unknown): string {
    this.env.calls.record('Utilities.Utilities.base64Encode');
    return Buffer.from(bytesOf(data, charset)).toString('base64');
  }

  base64EncodeWebSafe(data: unknown, charset?: unknown): string {
    this.env.calls.record('Utilities.Utilities.base64EncodeWebSafe');
    return webSafe(Buffer.from(bytesOf(data, charset)).toString('base64'));
  }

  base64Decode(encoded: string, _charset?: unknown): number[] {
    this.env.calls.record('Utilities.Utilities.base64Decode');
    return toSignedBytes(decodeBase64(encoded));
  }

  base64DecodeWebSafe(encoded: string, _charset?: unknown): number[] {
    this.env.calls.record('Utilities.Utilities.base64DecodeWebSafe');
    return toSignedBytes(decodeBase64(encoded));
  }

  computeDigest(algorithm: unknown, value: unknown, charset?: unknown): number[] {
    this.env.calls.record('Utilities.Utilities.computeDigest');
    const name = DIGESTS[String(algorithm)];
    if (!name) throw new Error(`Invalid argument: algorithm`);
    try {
      return toSignedBytes(new Uint8Array(createHash(name).update(bytesOf(value, charset)).digest()));
    } catch {
      throw new Error(`Unsupported digest algorithm: ${String(algorithm)}`);
    }
  }

  computeHmacSignature(algorithm: unknown, value: unknown, key: unknown, charset?: unknown): number[] {
    this.env.calls.record('Utilities.Utilities.computeHmacSignature');
    const name = MACS[String(algorithm)];
    if (!name) throw new Error('Invalid argument: algorithm');
    return toSignedBytes(
      new Uint8Array(createHmac(name, bytesOf(key, charset)).update(bytesOf(value, charset)).digest()),
    );
  }

  computeHmacSha256Signature(value: unknown, key: unknown, charset?: unknown): number[] {
    this.env.calls.record('Utilities.Utilities.computeHmacSha256Signature');
    return toSignedBytes(
      new Uint8Array(createHmac('sha256', bytesOf(key, charset)).update(bytesOf(value, charset)).digest()),
    );
  }

  getUuid(): string {
    this.env.calls.record('Utilities.Utilities.getUuid');
    return randomUUID();
  }

  /** Moves the virtual clock; returns at once. */
  sleep(milliseconds: number): void {
    this.env.calls.record('Utilities.Utilities.sleep');
    const ms = Math.max(0, Math.trunc(Number(milliseconds) || 0));
    if (ms > MAX_SLEEP_MS) throw new Error('Argument too large: milliseconds');
    this.env.clock.advance(ms);
  }

  parseCsv(csv: string, delimiter?: string): string[][] {
    this.env.calls.record('Utilities.Utilities.parseCsv');
    return parseCsvText(csv, delimiter === undefined ? ',' : String(delimiter));
  }
}
