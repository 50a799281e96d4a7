/** Reading timestamps as Google Forms writes them in a responses export, or as ISO 8601. */
import { wallTimeToMs } from '../../emulator/src/zone';

/** The UTC instant of a wall-clock time in `timeZone`. */
export function zonedTime(y: number, mo: number, d: number, h: number, mi: number, s: number, timeZone: string): Date {
  return new Date(wallTimeToMs(y, mo, d, h, mi, timeZone) + s * 1000);
}

const FORMS =
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp][Mm]))?(?:\s*(?:GMT|UTC)([+-]\d{1,2})(?::?(\d{2}))?)?$/;
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp][Mm]))?$/;
// A Slovenian account's export shows the time as Sheets does in that locale (the likeliest form:
// day. month. year with optional spaces); seconds are required, as Forms always records them.
const SL = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function hour12(h: number, ampm: string | undefined): number {
  if (!ampm) return h;
  const pm = ampm.toUpperCase() === 'PM';
  return (h % 12) + (pm ? 12 : 0);
}

/**
 * `2017/02/20 10:15:32 AM GMT+1` (Forms), `2/20/2017 10:15:32` (a sheet's display), `20. 2. 2017
 * 10:15:32` (a Slovenian account's display) or ISO 8601.
 * Without an offset, the time is read in `timeZone`. Returns null when the text is none of these.
 */
export function parseTimestamp(text: string, timeZone: string): Date | null {
  const s = text.trim();
  let m = FORMS.exec(s);
  if (m) {
    const [, y, mo, d, h, mi, sec, ampm, offH, offM] = m;
    const hh = hour12(Number(h), ampm);
    if (offH !== undefined) {
      const sign = offH.startsWith('-') ? -1 : 1;
      const offset = sign * (Math.abs(Number(offH)) * 60 + Number(offM ?? 0));
      return valid(new Date(Date.UTC(+y, +mo - 1, +d, hh, +mi, +(sec ?? 0)) - offset * 60000), +mo, +d);
    }
    return valid(zonedTime(+y, +mo, +d, hh, +mi, +(sec ?? 0), timeZone), +mo, +d);
  }
  m = US.exec(s);
  if (m) {
    const [, mo, d, y, h, mi, sec, ampm] = m;
    return valid(zonedTime(+y, +mo, +d, hour12(+h, ampm), +mi, +(sec ?? 0), timeZone), +mo, +d);
  }
  m = SL.exec(s);
  if (m) {
    const [, d, mo, y, h, mi, sec] = m;
    return valid(zonedTime(+y, +mo, +d, +h, +mi, +sec, timeZone), +mo, +d);
  }
  m = ISO.exec(s);
  if (m) {
    const [, y, mo, d, h, mi, sec, zone] = m;
    if (zone) {
      const date = new Date(s.replace(' ', 'T'));
      return Number.isNaN(date.getTime()) ? null : valid(date, +mo, +d);
    }
    return valid(zonedTime(+y, +mo, +d, +(h ?? 0), +(mi ?? 0), +(sec ?? 0), timeZone), +mo, +d);
  }
  return null;
}

function valid(d: Date, month: number, day: number): Date | null {
  if (Number.isNaN(d.getTime()) || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return d;
}

/** A date-only value (`2017-04-25`, `25.4.2017`, `4/25/2017`) as midnight in `timeZone`. */
export function parseDay(text: string, timeZone: string): Date | null {
  const s = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return valid(zonedTime(+m[1], +m[2], +m[3], 0, 0, 0, timeZone), +m[2], +m[3]);
  m = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})$/.exec(s);
  if (m) return valid(zonedTime(+m[3], +m[2], +m[1], 0, 0, 0, timeZone), +m[2], +m[1]);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return valid(zonedTime(+m[3], +m[1], +m[2], 0, 0, 0, timeZone), +m[1], +m[2]);
  return parseTimestamp(s, timeZone);
}
