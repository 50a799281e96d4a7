/**
 * Reply deadlines (SPEC sections 1 step 5, 3 and 7; issue 12 design): when an open offer gets its
 * one `reminder`, when it lapses, and when the scheduled run must wake up next. Pure: days are
 * whole numbers (zone-local calendar dates counted from 1970-01-01), which the workspace reads in
 * the spreadsheet's time zone, and Notices are given as plain records in sheet order.
 */
import { nextKey } from './notice-keys';
import { parseTold } from './told';

/** A zone-local calendar date as days since 1970-01-01. */
export type Day = number;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The day `yyyy-MM-dd` names, or null for anything else (including 2017-02-30). */
export function dayFromIso(iso: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  // Date.UTC rolls 2017-02-30 over to 2 March: such a date is refused.
  if (new Date(ms).toISOString().slice(0, 10) !== `${m[1]}-${m[2]}-${m[3]}`) return null;
  return ms / DAY_MS;
}

/** `yyyy-MM-dd` of a day. */
export function isoFromDay(day: Day): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The year, month (1–12) and day of month of a day (to find its start in a time zone). */
export function dayParts(day: Day): { year: number; month: number; day: number } {
  const [year, month, dd] = isoFromDay(day).split('-').map(Number);
  return { year, month, day: dd };
}

/** N of a `Told` of `Accepted N` (read as core/told.ts reads it), else 0: the row was told it has an offer of N places. */
export function toldAccepted(told: string): number {
  const t = parseTold(told);
  return t.kind === 'Accepted' ? t.places : 0;
}

/** The cells of an Allocations row that say whether its offer is still waiting for an answer. */
export interface OfferCells {
  told: string;
  response: string;
  decision: string;
  locked: string;
}

/**
 * Open: told it has an offer (`Told` = `Accepted N`), not answered (`Response` blank), still
 * `Accepted`, and not withdrawn by staff (`Locked` not `Rejected`). A `Confirmed N` row answered.
 */
export function isOpenOffer(row: OfferCells): boolean {
  return (
    toldAccepted(row.told) > 0 &&
    row.response.trim() === '' &&
    row.decision.trim() === 'Accepted' &&
    row.locked.trim() !== 'Rejected'
  );
}

/** A Notices row as the deadline rules need it (in sheet order: later rows were queued later). */
export interface NoticeRecord {
  key: string;
  applicationId: string;
  excursionId: string;
  type: string;
  status: string;
  /** When it was sent (ms), or null. */
  sentAt: number | null;
}

/** The notice that made an offer's current revision: its row and its revision (n of `#n`, 1 without). */
export interface OfferNotice {
  row: number;
  revision: number;
  sentAt: number | null;
}

const OFFER_TYPES = new Set(['accepted', 'promoted']);

function revisionOf(key: string): number {
  const m = /#(\d+)$/.exec(key.trim());
  return m ? Number(m[1]) : 1;
}

/** `app|exc`, the key of an offer in maps. */
export function offerId(applicationId: string, excursionId: string): string {
  return `${applicationId}|${excursionId}`;
}

/**
 * Per offer (application, excursion), the latest `Sent` `accepted` or `promoted` notice: its
 * revision is the offer's (design: "Revision of an offer"). The latest is the lowest in the sheet,
 * since notices are appended as they are queued.
 */
export function offerNotices(notices: readonly NoticeRecord[]): Map<string, OfferNotice> {
  const out = new Map<string, OfferNotice>();
  notices.forEach((n, row) => {
    if (!OFFER_TYPES.has(n.type.trim()) || n.status.trim() !== 'Sent' || n.excursionId === '') return;
    out.set(offerId(n.applicationId, n.excursionId), { row, revision: revisionOf(n.key), sentAt: n.sentAt });
  });
  return out;
}

/** `type:applicationId:excursionId`, the base key of a notice about one Allocations row. */
export function baseKey(type: string, applicationId: string, excursionId: string): string {
  return `${type}:${applicationId}:${excursionId}`;
}

/** The reminder's key for an offer's revision: `reminder:app:exc`, `#n` from revision 2 on. */
export function reminderKey(applicationId: string, excursionId: string, revision: number): string {
  const base = baseKey('reminder', applicationId, excursionId);
  return revision > 1 ? `${base}#${revision}` : base;
}

function inFamily(key: string, base: string): boolean {
  const k = key.trim();
  return k === base || (k.startsWith(`${base}#`) && /^\d+$/.test(k.slice(base.length + 1)));
}

/**
 * The key to queue a notice of base key `base` under (design, "Notice keys"): nothing (null) while
 * one of its family is `Queued` or `Failed` (it is pending already); `base` when none exists; else
 * the next free `base#n`.
 */
export function nextFamilyKey(notices: readonly Pick<NoticeRecord, 'key' | 'status'>[], base: string): string | null {
  return nextKey(
    notices.map((n) => [n.key, n.status] as const),
    base,
  );
}

/** Whether a `lapsed` notice was queued after the offer's notice (row), so this offer's lapse is told already. */
export function lapseToldAfter(notices: readonly NoticeRecord[], base: string, offerRow: number): boolean {
  return notices.some((n, row) => row > offerRow && inFamily(n.key, base));
}

/**
 * The first day the offer's reminder is due: `reminderDays` before `Reply By`, but never on the
 * day the offer itself was sent (the letter has the date; a reminder with it is noise), and never
 * after `Reply By` (there is nothing left to remind of then).
 */
export function reminderDay(replyBy: Day, reminderDays: number, sentDay: Day | null): Day | null {
  const day = Math.max(replyBy - reminderDays, sentDay === null ? -Infinity : sentDay + 1);
  return day <= replyBy ? day : null;
}

/** An open offer as the rules see it on one day. */
export interface OpenOffer {
  /** The last day it may be answered on (`Reply By`). */
  replyBy: Day;
  /** The day its offer notice was sent, when known. */
  sentDay: Day | null;
  /** A reminder for its revision is in Notices already. */
  reminded: boolean;
}

/** What is due for an open offer on `today`: it lapses once its `Reply By` day has ended; else one reminder from its reminder day. */
export function dueOn(offer: OpenOffer, today: Day, reminderDays: number): 'lapse' | 'remind' | null {
  if (today > offer.replyBy) return 'lapse';
  const remindFrom = reminderDay(offer.replyBy, reminderDays, offer.sentDay);
  if (!offer.reminded && remindFrom !== null && today >= remindFrom) return 'remind';
  return null;
}

/**
 * The day the scheduled run should next wake for these open offers: `today` when something is due
 * already (a reminder not queued yet, a lapse not written yet), else the first later reminder day or
 * day after `Reply By` (when the offer lapses); null when nothing will fall due. The caller wakes at
 * the start of that day in the spreadsheet's time zone (or at once for `today`).
 */
export function nextDueDay(offers: readonly OpenOffer[], today: Day, reminderDays: number): Day | null {
  let next: Day | null = null;
  const consider = (day: Day | null) => {
    if (day !== null && (next === null || day < next)) next = day;
  };
  for (const o of offers) {
    if (dueOn(o, today, reminderDays) !== null) return today;
    if (!o.reminded) consider(reminderDay(o.replyBy, reminderDays, o.sentDay));
    consider(o.replyBy + 1);
  }
  return next;
}
