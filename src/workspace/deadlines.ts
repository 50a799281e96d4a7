/**
 * Reply deadlines in the sheets (SPEC sections 1 step 5, 2 `runScheduledWork`, 6 last paragraph,
 * 7): the scheduled run queues each open offer's one `reminder` and lapses the offers whose
 * `Reply By` day has ended (spreadsheet time zone), with a `lapsed` notice; with `autoReallocate`
 * the freed places are offered at once. Its trigger stays while anything is left: notices to send
 * or open offers, and wakes at the next moment something falls due.
 *
 * Kill-safe: the notices are queued before the Responses are written, in the same pending writes
 * (Apps Script applies a killed run's writes only up to its last flush, in order), so a run killed
 * anywhere leaves either nothing, or notices whose lapse the next run writes. A lapse is told once
 * per offer: a `lapsed` notice below the offer's own notice in Notices means it was queued already.
 */

import {
  type AppliedRow,
  CALL_REMINDER,
  callRemindees,
  callReminderDay,
  INVITATION,
  municipalityOfKey,
  remindable,
  type SentInvitation,
  SIGNED_FORM_REMINDER_DAYS,
  signedFormKey,
  signedFormReminders,
} from '../core/call';
import {
  baseKey,
  type Day,
  dayFromIso,
  dayParts,
  dueOn,
  isOpenOffer,
  lapseToldAfter,
  type NoticeRecord,
  nextDueDay,
  nextFamilyKey,
  offerId,
  offerNotices,
  reminderKey,
} from '../core/deadlines';
import { describeError, isStaffError } from '../core/errors';
import { type Language, t } from '../core/i18n';
import { asText } from '../core/text';
import { APPLICATION_HEADERS, NOTICE_HEADERS, type NoticeType, SHEET } from '../core/vocabulary';
import { planAllocation } from './allocation';
import { buildDashboardData, refreshSummaryAfterSending, writeSummary } from './dashboard';
import { timeZoneOf } from './execution';
import { staffLanguage } from './language';
import { type SendOutcome, scheduleResume, sendPending } from './sending';
import { loadSettings } from './settings';
import {
  appendRows,
  type Cell,
  isDateCell,
  loadRows,
  readSheet,
  rowFrom,
  type Spreadsheet,
  type Table,
  text,
} from './sheets';

/** The Allocations columns the deadline rules read and write. */
const DEADLINE_HEADERS = [
  'Application ID',
  'Excursion ID',
  'Decision',
  'Locked',
  'Response',
  'Reply By',
  'Told',
  'Updated At',
] as const;
type DeadlineHeader = (typeof DEADLINE_HEADERS)[number];

const MINUTE_MS = 60 * 1000;
/** A run that found nothing due wakes again at least this much later (a trigger may fire a little early). */
const SOONEST_MS = MINUTE_MS;
/** After a quota stop, sending waits for the quota to renew (as sending schedules it). */
const AFTER_QUOTA_MS = 24 * 60 * MINUTE_MS;
/** After a send that stopped on a problem staff must fix (a template, a setting), it is tried hourly. */
const AFTER_PROBLEM_MS = 60 * MINUTE_MS;

/** The notice types of this module (added to the vocabulary's NoticeType by the notices work). */
const REMINDER = 'reminder' as NoticeType;
const LAPSED = 'lapsed' as NoticeType;

/** One open offer with a readable `Reply By`, as the sheets show it now. */
interface OpenOfferRow {
  index: number;
  applicationId: string;
  excursionId: string;
  replyBy: Day;
  sentDay: Day | null;
  revision: number;
  /** Row of its offer notice in Notices (-1 when none was sent: Told was written by hand). */
  offerRow: number;
  reminded: boolean;
}

interface DeadlineState {
  tz: string;
  today: Day;
  reminderDays: number;
  allocations: Table<DeadlineHeader>;
  notices: Table<(typeof NOTICE_HEADERS)[number]>;
  records: NoticeRecord[];
  offers: OpenOfferRow[];
  /** Open offers whose `Reply By` is blank or not a date: they never lapse until staff correct it. */
  unreadable: string[];
}

/** What one run did about deadlines, for the Log. */
export interface DeadlineReport {
  reminders: string[];
  lapsed: string[];
  unreadable: string[];
}

/** The zone-local day of an instant (Utilities.formatDate works in any time zone, as the spreadsheet's). */
function zoneDay(d: Date, tz: string): Day {
  return dayFromIso(Utilities.formatDate(d, tz, 'yyyy-MM-dd')) as Day;
}

/** The zone's offset from UTC at an instant, in ms ('Z' gives e.g. +0200). */
function offsetMs(at: number, tz: string): number {
  const m = /^([+-])(\d{2})(\d{2})$/.exec(Utilities.formatDate(new Date(at), tz, 'Z'));
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * MINUTE_MS;
}

/** The instant `day` begins in `tz` (asked twice, so a change of offset that day is taken into account). */
function startOfDay(day: Day, tz: string): number {
  const p = dayParts(day);
  const wall = Date.UTC(p.year, p.month - 1, p.day);
  const first = wall - offsetMs(wall, tz);
  return wall - offsetMs(first, tz);
}

/** The `Reply By` day of a cell: a date cell (its day in the spreadsheet's zone) or `yyyy-MM-dd` text. */
function replyByDay(cell: Cell, tz: string): Day | null {
  if (isDateCell(cell)) return Number.isNaN(cell.getTime()) ? null : zoneDay(cell, tz);
  return dayFromIso(text(cell));
}

function noticeRecords(table: Table<(typeof NOTICE_HEADERS)[number]>): NoticeRecord[] {
  const c = table.cols;
  return table.rows.map((r) => {
    const sent = r[c['Sent At']];
    return {
      key: text(r[c['Notice Key']]),
      applicationId: text(r[c['Application ID']]),
      excursionId: text(r[c['Excursion ID']]),
      type: text(r[c.Type]),
      status: text(r[c.Status]),
      sentAt: isDateCell(sent) ? sent.getTime() : null,
    };
  });
}

/** Reads Settings, Allocations and Notices (once each per execution) and finds the open offers. */
function readState(ss: Spreadsheet, now: Date): DeadlineState {
  const tz = timeZoneOf(ss);
  const { settings } = loadSettings(ss, tz, true);
  const allocations = readSheet(ss, SHEET.allocations, DEADLINE_HEADERS);
  // The columns noticeRecords uses (sheets.ts reads them alone; the rest of a row stays unread).
  const notices = readSheet(ss, SHEET.notices, NOTICE_HEADERS, [
    'Notice Key',
    'Application ID',
    'Excursion ID',
    'Type',
    'Status',
    'Sent At',
  ]);
  const records = noticeRecords(notices);
  const offered = offerNotices(records);
  const keys = new Set(records.map((n) => n.key));
  const c = allocations.cols;
  const offers: OpenOfferRow[] = [];
  const unreadable: string[] = [];
  allocations.rows.forEach((r, index) => {
    const cells = { told: text(r[c.Told]), response: text(r[c.Response]), decision: text(r[c.Decision]) };
    if (!isOpenOffer({ ...cells, locked: text(r[c.Locked]) })) return;
    const applicationId = text(r[c['Application ID']]);
    const excursionId = text(r[c['Excursion ID']]);
    const replyBy = replyByDay(r[c['Reply By']], tz);
    if (replyBy === null) {
      const shown = text(r[c['Reply By']]);
      unreadable.push(
        t(staffLanguage(ss), shown ? 'log.replyByUnreadable' : 'log.replyByBlank', {
          app: applicationId,
          exc: excursionId,
          row: index + 2,
          shown,
        }),
      );
      return;
    }
    const notice = offered.get(offerId(applicationId, excursionId));
    const revision = notice?.revision ?? 1;
    offers.push({
      index,
      applicationId,
      excursionId,
      replyBy,
      sentDay: notice?.sentAt ? zoneDay(new Date(notice.sentAt), tz) : null,
      revision,
      offerRow: notice?.row ?? -1,
      reminded: keys.has(reminderKey(applicationId, excursionId, revision)),
    });
  });
  return {
    tz,
    today: zoneDay(now, tz),
    reminderDays: settings.reminderDays,
    allocations,
    notices,
    records,
    offers,
    unreadable,
  };
}

/** The e-mail of each application, from one read of Applications. */
function emails(ss: Spreadsheet): Map<string, string> {
  const apps = readSheet(ss, SHEET.applications, APPLICATION_HEADERS);
  const a = apps.cols;
  return new Map(apps.rows.map((r) => [text(r[a['Application ID']]), text(r[a.Email])]));
}

/**
 * Writes `Response` = `Lapsed` and `Updated At` of the rows `indices`: one setValues per run of
 * adjacent columns over the rows they span (the rows between keep what they hold, as read).
 */
function writeLapses(table: Table<DeadlineHeader>, indices: number[], now: Date): void {
  if (indices.length === 0) return;
  const c = table.cols;
  const lo = Math.min(...indices);
  const hi = Math.max(...indices);
  for (const i of indices) {
    table.rows[i][c.Response] = 'Lapsed';
    table.rows[i][c['Updated At']] = now;
  }
  const columns = [c.Response, c['Updated At']].sort((x, y) => x - y);
  const runs = columns[1] === columns[0] + 1 ? [[columns[0], columns[1]]] : [[columns[0]], [columns[1]]];
  for (const run of runs) {
    const block = table.rows.slice(lo, hi + 1).map((r) => run.map((col) => r[col] ?? ''));
    table.sheet.getRange(lo + 2, run[0] + 1, block.length, run.length).setValues(block);
  }
}

/**
 * Queues what is due today for the open offers and writes their lapses: notices first (one
 * append), then the Responses (one block), so a run killed between them leaves no lapse untold.
 */
export function runDeadlines(ss: Spreadsheet, now: Date): DeadlineReport {
  const state = readState(ss, now);
  const report: DeadlineReport = { reminders: [], lapsed: [], unreadable: state.unreadable };
  let queue: { key: string; type: NoticeType; applicationId: string; excursionId: string }[] = [];
  const lapses: OpenOfferRow[] = [];
  for (const offer of state.offers) {
    const due = dueOn(offer, state.today, state.reminderDays);
    const { applicationId, excursionId } = offer;
    if (due === 'remind') {
      queue.push({
        key: reminderKey(applicationId, excursionId, offer.revision),
        type: REMINDER,
        applicationId,
        excursionId,
      });
    } else if (due === 'lapse') {
      lapses.push(offer);
      const base = baseKey(LAPSED, applicationId, excursionId);
      const key = lapseToldAfter(state.records, base, offer.offerRow) ? null : nextFamilyKey(state.records, base);
      if (key) queue.push({ key, type: LAPSED, applicationId, excursionId });
    }
  }
  // A row staff copied (the same offer twice) must not queue its key twice.
  const seen = new Set<string>();
  queue = queue.filter((n) => !seen.has(n.key) && seen.add(n.key));
  if (queue.length > 0) {
    const to = emails(ss);
    appendRows(
      state.notices,
      queue.map((n) =>
        rowFrom(state.notices, {
          'Notice Key': asText(n.key),
          'Application ID': asText(n.applicationId),
          'Excursion ID': asText(n.excursionId),
          Type: n.type,
          To: asText(to.get(n.applicationId) ?? ''),
          Status: 'Queued',
        }),
      ),
    );
  }
  writeLapses(
    state.allocations,
    lapses.map((o) => o.index),
    now,
  );
  report.reminders = queue.filter((n) => n.type === REMINDER).map((n) => n.key);
  const lang = staffLanguage(ss);
  report.lapsed = lapses.map((o) => t(lang, 'log.offerAt', { app: o.applicationId, exc: o.excursionId }));
  return report;
}

/**
 * With `autoReallocate`, offers the places lapsed offers freed: the allocation runs (as Allocate
 * places would, without the dialog) while a `Lapsed` row still holds its `Accepted` decision, so a
 * run killed after writing a lapse still reallocates the next time. Returns the notices queued, or
 * null when it did not run.
 */
export function reallocateFreedPlaces(ss: Spreadsheet): { changed: number; queued: number } | null {
  const { settings } = loadSettings(ss, timeZoneOf(ss), true);
  if (!settings.autoReallocate) return null;
  const allocations = readSheet(ss, SHEET.allocations, DEADLINE_HEADERS);
  const c = allocations.cols;
  const freed = allocations.rows.some((r) => text(r[c.Response]) === 'Lapsed' && text(r[c.Decision]) === 'Accepted');
  if (!freed) return null;
  const lang = staffLanguage(ss);
  const plan = planAllocation(ss, lang);
  const queued = plan.apply();
  writeSummary(ss, buildDashboardData(ss), lang);
  return { changed: plan.changed, queued };
}

/**
 * How long until the next reminder day or lapse of the open offers begins (at least a minute), or
 * null when there is no open offer with a deadline. A spreadsheet without the sheets or columns
 * (not set up for replies yet) has none.
 */
export function nextDeadlineIn(ss: Spreadsheet, now: Date): number | null {
  let state: DeadlineState;
  try {
    state = readState(ss, now);
  } catch (e) {
    if (isStaffError(e)) return null;
    throw e;
  }
  const day = nextDueDay(state.offers, state.today, state.reminderDays);
  if (day === null) return null;
  if (day <= state.today) return SOONEST_MS;
  return Math.max(startOfDay(day, state.tz) - now.getTime(), SOONEST_MS);
}

/**
 * The one trigger of this spreadsheet after a send: at the sooner of what sending still needs (a
 * minute after a time stop, a day after a quota stop, an hour after a problem) and the next
 * deadline of an open offer; removed when neither is left.
 */
export function scheduleNext(ss: Spreadsheet, outcome: SendOutcome | null, keepIfIdle = false): void {
  const now = new Date();
  let after: number | null = null;
  if (outcome === null) after = AFTER_PROBLEM_MS;
  else if (outcome.left > 0) after = outcome.stoppedBy === 'quota' ? AFTER_QUOTA_MS : MINUTE_MS;
  const deadline = nextDeadlineIn(ss, now);
  if (deadline !== null) after = after === null ? deadline : Math.min(after, deadline);
  for (const next of [nextCallReminderIn(ss, now), nextSignedFormReminderIn(ss, now)])
    if (next !== null) after = after === null ? next : Math.min(after, next);
  // A send of some keys only (Send the call) knows nothing of other work a trigger may be waiting for.
  if (after === null && keepIfIdle) return;
  scheduleResume(ss, after);
}

/**
 * Sends what is pending (sending.ts), then leaves the trigger for what is left, open offers
 * included: Send notices and the scheduled run both send this way, so sending the first offers
 * installs the trigger that reminds and lapses them. A send that throws is rethrown after that.
 */
export function sendThenSchedule(ss: Spreadsheet, startedAt: number): SendOutcome {
  let outcome: SendOutcome;
  try {
    outcome = sendPending(ss, startedAt);
  } catch (e) {
    try {
      scheduleNext(ss, null);
    } catch (_second) {
      // The send's own problem is the one to report.
    }
    throw e;
  }
  scheduleNext(ss, outcome);
  refreshSummaryAfterSending(ss, outcome);
  return outcome;
}

/** The staff-readable cause of a step that stopped. */
function problemOf(e: unknown, lang: Language): string {
  return isStaffError(e) ? t(lang, e.key, e.params) : describeError(e);
}

/**
 * The scheduled run's work under the sending lease: deadlines, then (with autoReallocate) the
 * freed places, then sending and the next trigger. A step that stops is logged and the rest still
 * run, so a broken template never keeps an offer from lapsing. Returns the Log lines and the send's
 * outcome (null when it stopped).
 */
export function scheduledWork(ss: Spreadsheet, startedAt: number): { lines: string[]; outcome: SendOutcome | null } {
  const lines: string[] = [];
  const lang = staffLanguage(ss);
  // The trigger that fired is spent (a one-off) or may be replaced below: should this run be killed
  // (the 6-minute limit), this one carries the work on within the hour. The end of the run sets the real one.
  scheduleResume(ss, AFTER_PROBLEM_MS);
  try {
    const report = runDeadlines(ss, new Date());
    if (report.reminders.length > 0) lines.push(t(lang, 'log.remindersQueued', { list: report.reminders.join(', ') }));
    if (report.lapsed.length > 0) lines.push(t(lang, 'log.lapsed', { list: report.lapsed.join(', ') }));
    lines.push(...report.unreadable);
  } catch (e) {
    lines.push(t(lang, 'log.deadlinesNotChecked', { problem: problemOf(e, lang) }));
  }
  try {
    const signed = runSignedFormReminders(ss, new Date());
    if (signed.length > 0) lines.push(t(lang, 'log.signedRemindersQueued', { list: signed.join(', ') }));
  } catch (e) {
    lines.push(t(lang, 'log.signedRemindersNotChecked', { problem: problemOf(e, lang) }));
  }
  try {
    const called = runCallReminders(ss, new Date());
    if (called.length > 0) lines.push(t(lang, 'log.callRemindersQueued', { list: called.join(', ') }));
  } catch (e) {
    lines.push(t(lang, 'log.callRemindersNotChecked', { problem: problemOf(e, lang) }));
  }
  try {
    const realloc = reallocateFreedPlaces(ss);
    if (realloc) lines.push(t(lang, 'log.reoffered', { changed: realloc.changed, queued: realloc.queued }));
  } catch (e) {
    lines.push(t(lang, 'log.notReoffered', { problem: problemOf(e, lang) }));
  }
  try {
    return { lines, outcome: sendThenSchedule(ss, startedAt) };
  } catch (e) {
    lines.push(t(lang, 'log.sendingStopped', { problem: problemOf(e, lang) }));
    return { lines, outcome: null };
  }
}

/** What the call reminder needs, read once: the days it concerns, and the sheets' rows. */
interface CallReminderState {
  tz: string;
  now: Date;
  deadline: Date;
  today: Day;
  firstDay: Day;
  notices: Table<(typeof NOTICE_HEADERS)[number]>;
  invitations: SentInvitation[];
  applications: AppliedRow[];
}

/**
 * The call reminder's state, or null when none can be due: no deadline, `callReminderDays` blank,
 * or the deadline passed. A spreadsheet without the sheets or columns has none either.
 */
function callReminderState(ss: Spreadsheet, now: Date): CallReminderState | null {
  const tz = timeZoneOf(ss);
  const { settings } = loadSettings(ss, tz, true);
  const deadline = settings.applicationDeadline;
  if (!deadline || now.getTime() >= deadline.getTime()) return null;
  // The last day to apply is the day the deadline instant falls in (an end-of-day deadline: the day before).
  const firstDay = callReminderDay(zoneDay(new Date(deadline.getTime() - 1), tz), settings.callReminderDays);
  if (firstDay === null) return null;
  // Only the columns it reads, and the address of the invitations alone (sheets.ts): a send run
  // checks the call reminders too, and must not read every notice's cells for them.
  const notices = readSheet(ss, SHEET.notices, NOTICE_HEADERS, ['Notice Key', 'Status', 'Sent At']);
  const c = notices.cols;
  const isInvitation = (key: string) => municipalityOfKey(key) !== null && key.startsWith(`${INVITATION}:`);
  loadRows(
    notices,
    notices.rows.flatMap((r, i) => (isInvitation(text(r[c['Notice Key']])) ? [i] : [])),
  );
  const invitations: SentInvitation[] = [];
  for (const r of notices.rows) {
    const key = text(r[c['Notice Key']]);
    const municipality = municipalityOfKey(key);
    if (municipality === null || !isInvitation(key)) continue;
    const sentAt = r[c['Sent At']];
    invitations.push({
      municipality,
      to: text(r[c.To]),
      status: text(r[c.Status]),
      sentDay: isDateCell(sentAt) ? zoneDay(sentAt, tz) : null,
    });
  }
  if (invitations.length === 0) return null;
  const apps = readSheet(ss, SHEET.applications, ['Municipality', 'Status'], ['Municipality', 'Status']);
  const a = apps.cols;
  return {
    tz,
    now,
    deadline,
    today: zoneDay(now, tz),
    firstDay,
    notices,
    invitations,
    applications: apps.rows.map((r) => ({ municipality: text(r[a.Municipality]), status: text(r[a.Status]) })),
  };
}

function noticeKeys(state: CallReminderState): string[] {
  const c = state.notices.cols;
  return state.notices.rows.map((r) => text(r[c['Notice Key']]));
}

/**
 * Queues the `call_reminder` of each invited municipality that has not applied, from
 * `callReminderDays` before the last day to apply until the deadline (one append). Only an
 * invitation sent before the reminder's first day is followed up: a call sent that late needs no
 * reminder days later. Returns the keys queued.
 */
export function runCallReminders(ss: Spreadsheet, now: Date): string[] {
  const state = callReminderState(ss, now);
  if (!state || state.today < state.firstDay) return [];
  const due = callRemindees(remindable(state.invitations, state.firstDay), state.applications, noticeKeys(state));
  if (due.length === 0) return [];
  appendRows(
    state.notices,
    due.map((n) =>
      rowFrom(state.notices, {
        'Notice Key': asText(n.key),
        Type: CALL_REMINDER as NoticeType,
        To: asText(n.to),
        Status: 'Queued',
      }),
    ),
  );
  return due.map((n) => n.key);
}

/**
 * How long until the call reminder falls due (at least a minute), or null when none is left to
 * send: so the trigger stays while an invited municipality may still need its reminder.
 */
export function nextCallReminderIn(ss: Spreadsheet, now: Date): number | null {
  let state: CallReminderState | null;
  try {
    state = callReminderState(ss, now);
  } catch (e) {
    if (isStaffError(e)) return null;
    throw e;
  }
  if (!state) return null;
  if (state.today < state.firstDay) {
    // Invitations still waiting to be sent (a quota stop) may be reminded too.
    const waiting = state.invitations.filter(
      (i) => i.status !== 'Skipped' && (i.sentDay ?? state.today) < state.firstDay,
    );
    const invited = new Map(waiting.map((i) => [i.municipality, i.to]));
    if (callRemindees(invited, state.applications, noticeKeys(state)).length === 0) return null;
    return Math.max(startOfDay(state.firstDay, state.tz) - now.getTime(), SOONEST_MS);
  }
  const due = callRemindees(remindable(state.invitations, state.firstDay), state.applications, noticeKeys(state));
  return due.length > 0 ? SOONEST_MS : null;
}

/** The signed-form reminder's state, or null when none can be due (requireSignedForm FALSE, no deadline, or it passed). */
function signedFormState(ss: Spreadsheet, now: Date) {
  const tz = timeZoneOf(ss);
  const { settings } = loadSettings(ss, tz, true);
  const deadline = settings.applicationDeadline;
  if (!settings.requireSignedForm || !deadline || now.getTime() >= deadline.getTime()) return null;
  const firstDay = zoneDay(new Date(deadline.getTime() - 1), tz) - SIGNED_FORM_REMINDER_DAYS;
  const notices = readSheet(ss, SHEET.notices, NOTICE_HEADERS, ['Notice Key']);
  const signedColumns = ['Application ID', 'Status', 'Signed Form Received', 'Email'] as const;
  const apps = readSheet(ss, SHEET.applications, signedColumns, signedColumns);
  const a = apps.cols;
  const c = notices.cols;
  const due = signedFormReminders(
    apps.rows.map((r) => ({
      applicationId: text(r[a['Application ID']]),
      status: text(r[a.Status]),
      signed: r[a['Signed Form Received']] === true,
      email: text(r[a.Email]),
    })),
    notices.rows.map((r) => text(r[c['Notice Key']])),
  );
  return { tz, today: zoneDay(now, tz), firstDay, notices, due };
}

/**
 * With `requireSignedForm`, from 3 days before the last day to apply until the deadline, queues
 * one `incomplete` notice (key `incomplete:<application>:signed`) for each `Received` application
 * whose `Signed Form Received` is not ticked. Returns the keys queued.
 */
export function runSignedFormReminders(ss: Spreadsheet, now: Date): string[] {
  const state = signedFormState(ss, now);
  if (!state || state.today < state.firstDay || state.due.length === 0) return [];
  appendRows(
    state.notices,
    state.due.map((r) =>
      rowFrom(state.notices, {
        'Notice Key': asText(signedFormKey(r.applicationId)),
        'Application ID': asText(r.applicationId),
        Type: 'incomplete' as NoticeType,
        To: asText(r.email),
        Status: 'Queued',
      }),
    ),
  );
  return state.due.map((r) => signedFormKey(r.applicationId));
}

/** How long until the signed-form reminder falls due (at least a minute), or null when none can be. */
export function nextSignedFormReminderIn(ss: Spreadsheet, now: Date): number | null {
  let state: ReturnType<typeof signedFormState>;
  try {
    state = signedFormState(ss, now);
  } catch (e) {
    if (isStaffError(e)) return null;
    throw e;
  }
  if (!state) return null;
  // Before the day, applications may still come: the run wakes that day whatever the sheet holds now.
  if (state.today < state.firstDay) return Math.max(startOfDay(state.firstDay, state.tz) - now.getTime(), SOONEST_MS);
  return state.due.length > 0 ? SOONEST_MS : null;
}
