/**
 * Reading timestamps as Google Forms writes them in a responses export, as ISO 8601, or as a sheet
 * shows them in its locale. Nothing is guessed: an impossible date or time, or a day/month order
 * that the file itself does not settle, is a problem to report, never rolled over or assumed.
 */
import { MONTHS, wallTimeToMs } from '../../emulator/src/zone';

/** The UTC instant of a wall-clock time in `timeZone`. */
export function zonedTime(y: number, mo: number, d: number, h: number, mi: number, s: number, timeZone: string): Date {
  return new Date(wallTimeToMs(y, mo, d, h, mi, timeZone) + s * 1000);
}

/** Which number of a slash date (`6/2/2017`) is the day: en_US sheets show month first, en_GB and es day first. */
export type DayOrder = 'day-first' | 'month-first';

const FORMS =
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp][Mm]))?(?:\s*(?:GMT|UTC)([+-]\d{1,2})(?::?(\d{2}))?)?$/;
const SLASH = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp][Mm]))?$/;
// Slovenian (and German-style) display: day. month. year, with or without spaces, always day first.
// Seconds are required, as Forms always records them.
const DOTS = /^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

export const TIMESTAMP_EXAMPLES = '2017/02/20 10:15:32 AM GMT+1, 20. 02. 2017 10:15:32 or 2017-02-20T10:15:32+01:00';

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why y-mo-d is no day of the calendar, or null when it is one. */
export function impossibleDate(y: number, mo: number, d: number): string | null {
  if (mo < 1 || mo > 12) return `there is no month ${mo}`;
  if (d < 1 || d > daysIn(y, mo)) return `there is no ${d} ${MONTHS[mo - 1]} ${y}`;
  return null;
}

function impossibleTime(h: number, mi: number, s: number, ampm: string | undefined): string | null {
  const hourOk = ampm ? h >= 1 && h <= 12 : h >= 0 && h <= 23;
  if (!hourOk || mi > 59 || s > 59) {
    const shown = `${h}:${String(mi).padStart(2, '0')}:${String(s).padStart(2, '0')}${ampm ? ` ${ampm.toUpperCase()}` : ''}`;
    return `${shown} is no time of day`;
  }
  return null;
}

function hour24(h: number, ampm: string | undefined): number {
  if (!ampm) return h;
  return (h % 12) + (ampm.toUpperCase() === 'PM' ? 12 : 0);
}

/** A timestamp read, or why it cannot be. */
export type Reading = { date: Date } | { problem: string };

/** The two numbers of a slash date, when the text is one: the file's evidence of its day/month order. */
export function slashParts(text: string): [number, number] | null {
  const m = SLASH.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/**
 * What the file's slash dates say of their order: a first number above 12 means day first, a
 * second above 12 month first. Returns the order, null when nothing settles it, or the two rows
 * that contradict each other.
 */
export function settleDayOrder(
  values: { row: number; text: string }[],
): { order: DayOrder | null } | { conflict: [number, number] } {
  let dayFirst: number | null = null;
  let monthFirst: number | null = null;
  for (const { row, text } of values) {
    const p = slashParts(text);
    if (!p) continue;
    if (p[0] > 12 && dayFirst === null) dayFirst = row;
    if (p[1] > 12 && monthFirst === null) monthFirst = row;
  }
  if (dayFirst !== null && monthFirst !== null) return { conflict: [dayFirst, monthFirst] };
  return { order: dayFirst !== null ? 'day-first' : monthFirst !== null ? 'month-first' : null };
}

function checked(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ampm: string | undefined,
  at: (hh: number) => Date,
): Reading {
  const problem = impossibleDate(y, mo, d) ?? impossibleTime(h, mi, s, ampm);
  if (problem) return { problem };
  return { date: at(hour24(h, ampm)) };
}

/**
 * `2017/02/20 10:15:32 AM GMT+1` (Forms), `2/20/2017 10:15:32` or `20/2/2017 10:15:32` (a sheet's
 * display in en_US, en_GB or es: `order` says which, as the file settled it), `20. 02. 2017
 * 10:15:32` (a Slovenian sheet's display) or ISO 8601. Without an offset, the time is read in
 * `timeZone`.
 */
export function readTimestamp(text: string, timeZone: string, order: DayOrder | null = null): Reading {
  const s = text.trim();
  const none = { problem: `it is not a time like ${TIMESTAMP_EXAMPLES}` };
  let m = FORMS.exec(s);
  if (m) {
    const [, y, mo, d, h, mi, sec, ampm, offH, offM] = m;
    return checked(+y, +mo, +d, +h, +mi, +(sec ?? 0), ampm, (hh) => {
      if (offH === undefined) return zonedTime(+y, +mo, +d, hh, +mi, +(sec ?? 0), timeZone);
      const sign = offH.startsWith('-') ? -1 : 1;
      const offset = sign * (Math.abs(Number(offH)) * 60 + Number(offM ?? 0));
      return new Date(Date.UTC(+y, +mo - 1, +d, hh, +mi, +(sec ?? 0)) - offset * 60000);
    });
  }
  m = SLASH.exec(s);
  if (m) {
    const [, a, b, y, h, mi, sec, ampm] = m;
    let dayFirst: boolean;
    if (+a > 12 || +a === +b) dayFirst = true;
    else if (+b > 12) dayFirst = false;
    else if (order) dayFirst = order === 'day-first';
    else
      return {
        problem: `it could be ${+a} ${MONTHS[+b - 1]} or ${+b} ${MONTHS[+a - 1]}, and no other time in the file has a day above 12 to tell which; write the times as 2017-02-20T10:15:32 (ISO 8601) or export the file from Forms again`,
      };
    const [d, mo] = dayFirst ? [+a, +b] : [+b, +a];
    return checked(+y, mo, d, +h, +mi, +(sec ?? 0), ampm, (hh) => zonedTime(+y, mo, d, hh, +mi, +(sec ?? 0), timeZone));
  }
  m = DOTS.exec(s);
  if (m) {
    const [, d, mo, y, h, mi, sec] = m;
    return checked(+y, +mo, +d, +h, +mi, +sec, undefined, (hh) => zonedTime(+y, +mo, +d, hh, +mi, +sec, timeZone));
  }
  m = ISO.exec(s);
  if (m) {
    const [, y, mo, d, h, mi, sec, zone] = m;
    return checked(+y, +mo, +d, +(h ?? 0), +(mi ?? 0), +(sec ?? 0), undefined, () =>
      zone ? new Date(s.replace(' ', 'T')) : zonedTime(+y, +mo, +d, +(h ?? 0), +(mi ?? 0), +(sec ?? 0), timeZone),
    );
  }
  return none;
}

/** `readTimestamp`, or null when the text is no possible time (or its day/month order is open). */
export function parseTimestamp(text: string, timeZone: string, order: DayOrder | null = null): Date | null {
  const r = readTimestamp(text, timeZone, order);
  return 'date' in r ? r.date : null;
}

/**
 * A date-only value (`2017-04-25`, `25.4.2017`, or a slash date whose order its numbers settle)
 * as midnight in `timeZone`; otherwise a timestamp. Null when it is none of these or no real day.
 */
export function parseDay(text: string, timeZone: string): Date | null {
  const s = text.trim();
  const day = (y: number, mo: number, d: number) =>
    impossibleDate(y, mo, d) ? null : zonedTime(y, mo, d, 0, 0, 0, timeZone);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return day(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})$/.exec(s);
  if (m) return day(+m[3], +m[2], +m[1]);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) {
    const [a, b] = [+m[1], +m[2]];
    if (a > 12 || a === b) return day(+m[3], b, a);
    if (b > 12) return day(+m[3], a, b);
    return null;
  }
  return parseTimestamp(s, timeZone);
}
