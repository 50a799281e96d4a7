/**
 * The call (SPEC section 11, issue 15): who gets the invitation and who the call reminder, under
 * which key, and how the mail quota spreads the invitations over days. Pure: the workspace reads
 * Municipalities, Applications and Notices once and passes them in.
 *
 * Keys: `invitation:<municipality>` and `call_reminder:<municipality>`, the municipality as the
 * register (`Municipalities.Name`) spells it. A call notice belongs to no application, so its
 * Notices row leaves `Application ID` blank and the municipality is read back from its key.
 */
import type { Day } from './deadlines';
import { municipalityKey } from './municipalities';
import { KeyFamilies, splitKey } from './notice-keys';

export const INVITATION = 'invitation';
export const CALL_REMINDER = 'call_reminder';

/**
 * The smallest daily recipient quota of MailApp (a consumer account: 100; Workspace: 1,500; SPEC
 * section 10). What is left today says nothing of tomorrow's full quota, so the days the rest
 * needs are counted with at least this many a day: right for a consumer account, and on
 * Workspace (where 1,500 a day is more than any call needs) it errs on the long side only when
 * today's remaining quota is below 100.
 */
export const SMALLEST_DAILY_QUOTA = 100;

/** `invitation:<municipality>` */
export function invitationKey(municipality: string): string {
  return `${INVITATION}:${municipality}`;
}

/** `call_reminder:<municipality>` */
export function callReminderKey(municipality: string): string {
  return `${CALL_REMINDER}:${municipality}`;
}

/** The municipality a call notice's key names (`invitation:Kobilje#2` → `Kobilje`), or null for another key. */
export function municipalityOfKey(key: string): string | null {
  const { base } = splitKey(key);
  for (const type of [INVITATION, CALL_REMINDER]) if (base.startsWith(`${type}:`)) return base.slice(type.length + 1);
  return null;
}

/** How the quota spreads `count` mails: how many go today, and how many days the rest needs. */
export interface QuotaPlan {
  count: number;
  /** What MailApp.getRemainingDailyQuota() said, and the reserve the setting `quotaReserve` keeps. */
  remaining: number;
  reserve: number;
  today: number;
  rest: number;
  /** Days after today the rest needs (0 when all go today). */
  restDays: number;
}

/** The quota plan of sending `count` mails with `remaining` left today and `reserve` kept back. */
export function planQuota(count: number, remaining: number, reserve: number): QuotaPlan {
  const n = Math.max(0, Math.floor(count));
  const today = Math.min(n, Math.max(0, remaining - reserve));
  const rest = n - today;
  const perDay = Math.max(remaining, SMALLEST_DAILY_QUOTA) - reserve;
  // A reserve as large as a whole day's quota would let nothing go at all: no number of days is right.
  const restDays = rest === 0 ? 0 : perDay > 0 ? Math.ceil(rest / perDay) : Number.POSITIVE_INFINITY;
  return { count: n, remaining, reserve, today, rest, restDays };
}

/** A Municipalities row as the call reads it. */
export interface CallRow {
  name: string;
  email: string;
}

/** An invitation to queue: its key, the municipality and the address. */
export interface CallNotice {
  key: string;
  municipality: string;
  to: string;
}

/** Who Send the call mails, and who it leaves out and why. */
export interface Invitees {
  /** Valid address, not invited yet: queued and sent. */
  send: CallNotice[];
  /** An address that is not an e-mail address: written `Skipped` with the reason (once per address). */
  malformed: CallNotice[];
  /** No address in `Email`: listed in the confirmation, not mailed. */
  noAddress: string[];
  /** Queued or Failed already (a run that stopped): sent under their own keys, never queued again. */
  waiting: CallNotice[];
  /** Invited already (an invitation Sent, or Sending: staff decide about that one): never mailed twice. */
  already: string[];
}

/**
 * Sorts the register's rows for Send the call. `notices` are the Notices rows as (key, status,
 * To). A municipality is invited once: an invitation of its family `Sent` or `Sending` counts as
 * invited; one `Queued` or `Failed` (a run that stopped before it) is sent under its own key. One whose invitations
 * were all `Skipped` (a malformed address staff have since corrected) is invited under the next
 * `#n` of its key; a malformed address already recorded Skipped is not recorded again. A name
 * that appears twice in the register is invited once, at its first address.
 */
export function chooseInvitees(
  rows: readonly CallRow[],
  notices: readonly (readonly [string, string, string])[],
  isValidEmail: (s: string) => boolean,
): Invitees {
  const out: Invitees = { send: [], malformed: [], noAddress: [], waiting: [], already: [] };
  const families = new Map<string, { done: boolean; pending: CallNotice[]; skippedTo: Set<string> }>();
  for (const [key, status, to] of notices) {
    const base = splitKey(key).base;
    if (!base.startsWith(`${INVITATION}:`)) continue;
    const family = families.get(base) ?? { done: false, pending: [], skippedTo: new Set<string>() };
    const s = status.trim();
    if (s === 'Skipped') family.skippedTo.add(to.trim());
    else if (s === 'Queued' || s === 'Failed')
      family.pending.push({ key: key.trim(), municipality: municipalityOfKey(key) ?? '', to: to.trim() });
    else if (s !== '') family.done = true;
    families.set(base, family);
  }
  const keys = new KeyFamilies(notices.map(([key, status]) => [key, status] as const));
  const seen = new Set<string>();
  for (const row of rows) {
    const name = row.name.trim();
    if (name === '' || seen.has(name)) continue;
    seen.add(name);
    const email = row.email.trim();
    const base = invitationKey(name);
    const family = families.get(base);
    if (family?.done) {
      out.already.push(name);
      continue;
    }
    if (family && family.pending.length > 0) {
      out.waiting.push(family.pending[0]);
      continue;
    }
    if (email === '') {
      out.noAddress.push(name);
      continue;
    }
    const valid = isValidEmail(email);
    if (!valid && family?.skippedTo.has(email)) continue;
    const key = keys.next(base);
    if (key === null) continue;
    (valid ? out.send : out.malformed).push({ key, municipality: name, to: email });
  }
  return out;
}

/**
 * The first day the call reminder goes: `callReminderDays` before the last day to apply (the day
 * the deadline instant falls in, `lastDay`). Null when the setting is blank (no reminder).
 */
export function callReminderDay(lastDay: Day, callReminderDays: number | null): Day | null {
  return callReminderDays === null ? null : lastDay - callReminderDays;
}

/** An application as the call reminder reads it. */
export interface AppliedRow {
  municipality: string;
  status: string;
}

/**
 * The municipalities the call reminder goes to, each with its key and address: every one whose
 * invitation was `Sent`, that has no application of any status but `Withdrawn` (matched by name as
 * intake matches it), and that has no `call_reminder` row yet (one reminder, ever). `invited` is
 * municipality → the address its invitation went to.
 */
export function callRemindees(
  invited: ReadonlyMap<string, string>,
  applications: readonly AppliedRow[],
  noticeKeys: Iterable<string>,
): CallNotice[] {
  const applied = new Set(
    applications.filter((a) => a.status.trim() !== 'Withdrawn').map((a) => municipalityKey(a.municipality)),
  );
  const reminded = new Set<string>();
  for (const key of noticeKeys) {
    const { base } = splitKey(key);
    if (base.startsWith(`${CALL_REMINDER}:`)) reminded.add(base);
  }
  const out: CallNotice[] = [];
  for (const [municipality, to] of invited) {
    const key = callReminderKey(municipality);
    if (reminded.has(key) || applied.has(municipalityKey(municipality))) continue;
    out.push({ key, municipality, to });
  }
  return out;
}

/** An invitation as Notices holds it: its municipality (from the key), address, Status and the day it was sent. */
export interface SentInvitation {
  municipality: string;
  to: string;
  status: string;
  /** The zone-local day of `Sent At`; null when it was not sent. */
  sentDay: Day | null;
}

/**
 * The municipality → address of each invitation `Sent` before `firstDay` (the call reminder's first
 * day): an invitation sent on or after it needs no reminder so soon after it.
 */
export function remindable(invitations: readonly SentInvitation[], firstDay: Day): Map<string, string> {
  const out = new Map<string, string>();
  for (const i of invitations) {
    if (i.status.trim() !== 'Sent' || i.sentDay === null || i.sentDay >= firstDay) continue;
    out.set(i.municipality, i.to.trim());
  }
  return out;
}

/** Days before the last day to apply when an application whose signed form has not come back is reminded. */
export const SIGNED_FORM_REMINDER_DAYS = 3;

/**
 * The key of the one reminder about a signed form not come back: an `incomplete` notice of its own
 * (`incomplete:<application>:signed`), so it never stands in for, or is stood in for by, the
 * `incomplete` notice intake sends about the answers.
 */
export function signedFormKey(applicationId: string): string {
  return `incomplete:${applicationId}:signed`;
}

/** Whether `key` is that reminder's. */
export function isSignedFormKey(key: string): boolean {
  return /^incomplete:.+:signed(#\d+)?$/.test(key.trim());
}

/** An application as the signed-form reminder reads it. */
export interface SignedFormRow {
  applicationId: string;
  status: string;
  signed: boolean;
  email: string;
}

/** The applications to remind of their signed form: `Received`, not ticked, not reminded yet. */
export function signedFormReminders(rows: readonly SignedFormRow[], noticeKeys: Iterable<string>): SignedFormRow[] {
  const keys = new Set([...noticeKeys].map((k) => splitKey(k).base));
  return rows.filter((r) => r.status.trim() === 'Received' && !r.signed && !keys.has(signedFormKey(r.applicationId)));
}
