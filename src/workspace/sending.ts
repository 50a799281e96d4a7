/**
 * Sending notices (SPEC section 7). A key is sent at most once even when Apps Script kills the run
 * at any call (writes not flushed are then lost). Where the run has document properties (a staff
 * action, a submission, a bound script's trigger), notices go in blocks: the block is recorded in
 * a document property and its rows marked `Sending` and flushed; then each mail is preceded by one
 * property write naming it (properties are kept when the call returns), and the block's statuses
 * are written and flushed once at its end. The next run reconciles a record a killed run left:
 * what it sent becomes `Sent`, the mail under way stays `Sending` (never sent again by itself),
 * the rest goes back to `Queued`. So each mail costs one property write, not a flush. Where there
 * are no document properties (an add-on's time-driven run), each notice is written `Sending` and
 * flushed before its mail. A throw marks a notice `Failed`, retried by the next run. A run stops
 * before the quota reserve or the time budget, and one time-driven trigger resumes it.
 */
import { describeError, StaffError } from '../core/errors';
import { type Language, type MessageKey, t } from '../core/i18n';
import { isValidEmail } from '../core/intake';
import type { Settings } from '../core/settings';
import type { Columns } from '../core/table';
import {
  PLACEHOLDERS,
  type Placeholder,
  parseTemplate,
  placeholdersOf,
  type RenderedNotice,
  renderNotice,
  type Template,
} from '../core/templates';
import { asText } from '../core/text';
import { ALLOCATION_HEADERS, APPLICATION_HEADERS, NOTICE_HEADERS, type NoticeType, SHEET } from '../core/vocabulary';
import { readExcursions } from './excursions';
import { timeZoneOf } from './execution';
import { loadSettings } from './settings';
import { type Cell, readSheet, type Spreadsheet, type Table, text, writeRowCells } from './sheets';
import { readTemplateDoc } from './template-reader';
import { deleteOurTriggers, ourTriggers, rememberTrigger } from './triggers';

/**
 * Apps Script kills an execution at 6 minutes. Sending starts no mail after this, leaving 15 s for
 * the mail under way, the block's write and flush, the trigger, the Log and the lease (about 4 s
 * by the cost model); a kill past it still sends nothing twice. Later would cost a day's quota of
 * 1,500 a sixth run (README, Benchmark).
 */
export const TIME_BUDGET_MS = 5.75 * 60 * 1000;
/** The document property that records the block being sent (see the file's comment). */
export const SENDING_RECORD = 'excursionDesk.sendingRecord';
/** Notices per block: each block costs two flushes, each notice one property write. */
const BLOCK_SIZE = 50;
/** A block ends early when its record nears the 9 KB (UTF-8 bytes) a property value may hold. */
const RECORD_LIMIT_BYTES = 8000;

/** UTF-8 bytes of `s`, as the properties quota counts them. */
function utf8Bytes(s: string): number {
  let n = 0;
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    n += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return n;
}
export const RESUME_HANDLER = 'runScheduledWork';
export const RESUME_AFTER_TIME_MS = 60 * 1000;
const RESUME_AFTER_QUOTA_MS = 24 * 60 * 60 * 1000;

type NoticeHeader = (typeof NOTICE_HEADERS)[number];

export interface PendingNotice {
  index: number;
  key: string;
  applicationId: string;
  excursionId: string;
  type: NoticeType;
  to: string;
}

export interface SendOutcome {
  sent: number;
  failed: number;
  skipped: number;
  left: number;
  stoppedBy: 'quota' | 'time' | null;
}

/** Queued and Failed notices, first row of each key only, and none whose key was already sent or is being sent. */
export function pendingNotices(
  table: Table<NoticeHeader>,
  onlyKeys?: ReadonlySet<string>,
): { pending: PendingNotice[]; duplicates: PendingNotice[] } {
  const c = table.cols;
  const done = new Set<string>();
  for (const r of table.rows) {
    const status = text(r[c.Status]);
    if (status === 'Sent' || status === 'Sending') done.add(text(r[c['Notice Key']]));
  }
  const pending: PendingNotice[] = [];
  const duplicates: PendingNotice[] = [];
  const seen = new Set<string>();
  table.rows.forEach((r, index) => {
    const status = text(r[c.Status]);
    if (status !== 'Queued' && status !== 'Failed') return;
    const key = text(r[c['Notice Key']]);
    if (key === '' || (onlyKeys && !onlyKeys.has(key))) return;
    const notice = {
      index,
      key,
      applicationId: text(r[c['Application ID']]),
      excursionId: text(r[c['Excursion ID']]),
      type: text(r[c.Type]) as NoticeType,
      to: text(r[c.To]),
    };
    if (done.has(key) || seen.has(key)) duplicates.push(notice);
    else {
      seen.add(key);
      pending.push(notice);
    }
  });
  return { pending, duplicates };
}

/** The template Docs a set of notices needs, read once each; any problem stops before anything is sent. */
export function loadTemplates(
  types: Iterable<NoticeType>,
  settings: Settings,
  lang: Language,
): Map<NoticeType, Template> {
  const out = new Map<NoticeType, Template>();
  for (const type of new Set(types)) {
    const key = `${type}.${settings.language}`;
    const name = `${type} (${settings.language})`;
    const id = settings.templates[key] ?? '';
    let doc: GoogleAppsScript.Document.Document;
    try {
      if (!id) throw new Error('no id in Settings');
      doc = DocumentApp.openById(id);
    } catch (e) {
      throw new StaffError('error.templateMissing', {
        template: name,
        key: `template.${key}`,
        problem: describeError(e),
      });
    }
    const { template, problems } = parseTemplate(readTemplateDoc(doc));
    const unknown = placeholdersOf(template).unknown;
    const first = problems[0];
    if (first || unknown.length > 0) {
      const problem =
        unknown.length > 0
          ? t(lang, 'template.unknown', { name: unknown[0], known: PLACEHOLDERS.join(', ') })
          : t(
              lang,
              first.kind === 'noSubject'
                ? 'template.noSubject'
                : first.kind === 'empty'
                  ? 'template.empty'
                  : 'template.unknown',
              {
                name: first.kind === 'unknownPlaceholder' ? first.name : '',
                known: PLACEHOLDERS.join(', '),
              },
            );
      throw new StaffError('error.templateProblem', { template: name, problem });
    }
    out.set(type, template);
  }
  return out;
}

/** What the placeholders of one notice are filled with, read once per run for all notices. */
export function mergeData(ss: Spreadsheet, settings: Settings, lang: Language) {
  const tz = timeZoneOf(ss);
  const apps = readSheet(ss, SHEET.applications, APPLICATION_HEADERS);
  const a = apps.cols;
  const byApp = new Map(apps.rows.map((r) => [text(r[a['Application ID']]), r]));
  const { excursions } = readExcursions(ss);
  const byExc = new Map(excursions.map((e) => [e.id, e]));
  // Allocations only when a notice names an excursion (not for the confirmation sent at submit).
  let allocation: { l: Columns<(typeof ALLOCATION_HEADERS)[number]>; byAlloc: Map<string, Cell[]> } | null = null;
  const allocated = () => {
    if (!allocation) {
      const alloc = readSheet(ss, SHEET.allocations, ALLOCATION_HEADERS);
      const l = alloc.cols;
      const byAlloc = new Map(
        alloc.rows.map((r) => [`${text(r[l['Application ID']])}|${text(r[l['Excursion ID']])}`, r]),
      );
      allocation = { l, byAlloc };
    }
    return allocation;
  };
  const day = (d: Date) => Utilities.formatDate(d, tz, lang === 'sl' ? 'd. M. yyyy' : 'd MMMM yyyy');
  const deadline = settings.applicationDeadline ? day(new Date(settings.applicationDeadline.getTime() - 1)) : '';
  return (n: PendingNotice): Record<Placeholder, string> => {
    const app = byApp.get(n.applicationId);
    const exc = byExc.get(n.excursionId);
    const { l, byAlloc } = n.excursionId ? allocated() : { l: null, byAlloc: null };
    const row = l && byAlloc ? byAlloc.get(`${n.applicationId}|${n.excursionId}`) : undefined;
    const dates = exc?.start
      ? exc.end && exc.end.getTime() !== exc.start.getTime()
        ? `${day(exc.start)} – ${day(exc.end)}`
        : day(exc.start)
      : '';
    return {
      Municipality: app ? text(app[a.Municipality]) : '',
      ContactName: app ? text(app[a['Contact Name']]) : '',
      ApplicationId: n.applicationId,
      ExcursionCity: exc?.city ?? '',
      ExcursionDates: dates,
      PlacesGranted: row && l ? text(row[l['Places Granted']]) : '',
      WaitlistPosition: row && l ? text(row[l['Waitlist Position']]) : '',
      Issues: app ? text(app[a.Issues]) : '',
      Deadline: deadline,
      SenderName: settings.senderName,
    };
  };
}

const STATUS_COLUMNS = ['Subject', 'Status', 'Sent At', 'Error'] as const;
type StatusColumn = (typeof STATUS_COLUMNS)[number];

/**
 * Writes the status cells of one Notices row (values as plain text: they are written as text). Where Subject, Status, Sent At and Error stand side by
 * side (as Set up makes them), the row's range is fetched once and each write is one setValues;
 * where staff moved them apart, each run of adjacent columns is written on its own.
 */
function statusWriter(
  table: Table<NoticeHeader>,
  index: number,
): (values: Partial<Record<StatusColumn, Cell>>) => void {
  const positions = STATUS_COLUMNS.map((h) => table.cols[h]);
  const first = Math.min(...positions);
  const guard = (v: Cell): Cell => (typeof v === 'string' ? asText(v) : v);
  if (Math.max(...positions) - first !== STATUS_COLUMNS.length - 1) {
    return (values) =>
      writeRowCells(table, index, Object.fromEntries(Object.entries(values).map(([h, v]) => [h, guard(v as Cell)])));
  }
  const range = table.sheet.getRange(index + 2, first + 1, 1, STATUS_COLUMNS.length);
  const current = table.rows[index];
  return (values) => {
    for (const h of STATUS_COLUMNS) if (values[h] !== undefined) current[table.cols[h]] = values[h] as Cell;
    range.setValues([positions.map((_, i) => guard(current[first + i]))]);
  };
}

/**
 * The merged letter as a PDF, converted from the HTML the mail already carries (Blob.getAs: "For
 * most blobs, 'application/pdf' is the only valid option"), so no Drive file is made and no Drive
 * scope is needed. The page is A4 with print margins; the HTML's own styles set the type.
 */
export function letterPdf(html: string, name: string): GoogleAppsScript.Base.Blob {
  const page = '<style>@page { size: A4; margin: 2cm } body { margin: 0 }</style>';
  const doc = /<head>/i.test(html)
    ? html.replace(/<head>/i, `<head>${page}`)
    : html.replace(/<html>/i, `<html><head>${page}</head>`);
  return Utilities.newBlob(doc, 'text/html', `${name}.html`).getAs('application/pdf').setName(`${name}.pdf`);
}

/**
 * Exactly one trigger of ours for runScheduledWork in this spreadsheet when work is left, none
 * otherwise (a fired one-off trigger stays listed, so it is removed too). Only triggers this code
 * made for this spreadsheet are touched. A one-off trigger `afterMs` from now where the platform
 * allows it; an add-on may not run a time-driven trigger more than once an hour, so there one
 * hourly trigger carries on until nothing is left.
 */
export function scheduleResume(ss: Spreadsheet, afterMs: number | null): void {
  const ours = ourTriggers(ss, RESUME_HANDLER);
  if (afterMs === null) {
    deleteOurTriggers(ours);
    return;
  }
  const hourly = ours.find((o) => o.made.hourly);
  if (hourly) {
    deleteOurTriggers(ours.filter((o) => o !== hourly));
    return;
  }
  deleteOurTriggers(ours);
  let trigger: GoogleAppsScript.Script.Trigger;
  let isHourly = false;
  try {
    trigger = ScriptApp.newTrigger(RESUME_HANDLER).timeBased().after(afterMs).create();
  } catch (_tooSoon) {
    // "The recurrence interval for an Add-on trigger must be at least one hour."
    trigger = ScriptApp.newTrigger(RESUME_HANDLER).timeBased().everyHours(1).create();
    isHourly = true;
  }
  rememberTrigger(ss, trigger, { handler: RESUME_HANDLER, hourly: isHourly });
}

/** The durable record of a block: its keys, what became of each mail so far, and the one under way. */
interface SendingRecord {
  block: string[];
  /** ['Sent', ISO time] or ['Failed', error]. */
  done: Record<string, [string, string]>;
  sending: string | null;
}

function parseRecord(raw: string | null): SendingRecord | null {
  if (!raw) return null;
  try {
    const r = JSON.parse(raw) as SendingRecord;
    return Array.isArray(r.block) && r.done && typeof r.done === 'object' ? r : null;
  } catch (_e) {
    return null;
  }
}

/**
 * Writes the status cells of the rows `indices` from the table as it stands: one setValues over the
 * rows they span where the status columns stand side by side, else row by row.
 */
function writeStatuses(table: Table<NoticeHeader>, indices: number[]): void {
  if (indices.length === 0) return;
  const positions = STATUS_COLUMNS.map((h) => table.cols[h]);
  const first = Math.min(...positions);
  const guard = (v: Cell): Cell => (typeof v === 'string' ? asText(v) : v);
  if (Math.max(...positions) - first !== STATUS_COLUMNS.length - 1) {
    for (const i of indices) {
      const r = table.rows[i];
      writeRowCells(
        table,
        i,
        Object.fromEntries(STATUS_COLUMNS.map((h) => [h, guard(r[table.cols[h]] ?? '')])) as Record<StatusColumn, Cell>,
      );
    }
    return;
  }
  const lo = Math.min(...indices);
  const hi = Math.max(...indices);
  const block = table.rows.slice(lo, hi + 1).map((r) => positions.map((_, i) => guard(r[first + i] ?? '')));
  table.sheet.getRange(lo + 2, first + 1, block.length, STATUS_COLUMNS.length).setValues(block);
}

/**
 * Settles the block a killed run left recorded: among its rows still `Sending`, a mail it sent
 * becomes `Sent` (or `Failed`), the one under way stays `Sending`, and those it never reached go
 * back to `Queued`. Written and flushed before the record is removed, so a kill here changes nothing.
 */
function reconcile(table: Table<NoticeHeader>, props: GoogleAppsScript.Properties.Properties): void {
  const record = parseRecord(props.getProperty(SENDING_RECORD));
  if (!record) return;
  const c = table.cols;
  const guard = (v: Cell): Cell => (typeof v === 'string' ? asText(v) : v);
  const changed = settle(table, record);
  // Row by row: this may run outside the sending lease (Send notices' count, under the document
  // lock), so it writes no row but those it settles.
  for (const i of changed) {
    const r = table.rows[i];
    writeRowCells(table, i, { Status: r[c.Status], 'Sent At': r[c['Sent At']], Error: guard(r[c.Error]) });
  }
  if (changed.length > 0) SpreadsheetApp.flush();
  props.deleteProperty(SENDING_RECORD);
}

/** The statuses `record` settles, set in `table`'s rows; returns the indices it changed. */
function settle(table: Table<NoticeHeader>, record: SendingRecord): number[] {
  const c = table.cols;
  const inBlock = new Set(record.block);
  const changed: number[] = [];
  table.rows.forEach((r, index) => {
    const key = text(r[c['Notice Key']]);
    if (text(r[c.Status]) !== 'Sending' || !inBlock.has(key) || key === record.sending) return;
    const done = record.done[key];
    r[c.Status] = done ? done[0] : 'Queued';
    r[c['Sent At']] = done && done[0] === 'Sent' ? new Date(done[1]) : '';
    r[c.Error] = done && done[0] !== 'Sent' ? done[1] : '';
    changed.push(index);
  });
  return changed;
}

/**
 * Sends the pending notices (or only `onlyKeys`), within the quota reserve and the time budget.
 * `startedAt` is when the execution began. Throws a StaffError before sending anything when a
 * template is missing or broken.
 */
export function sendPending(ss: Spreadsheet, startedAt: number, onlyKeys?: ReadonlySet<string>): SendOutcome {
  const tz = timeZoneOf(ss);
  // Staff runs are strict about Settings; the confirmation sent at submit makes do with defaults.
  const { settings } = loadSettings(ss, tz, !onlyKeys);
  const lang = settings.language;
  const notices = readSheet(ss, SHEET.notices, NOTICE_HEADERS);
  const docProps = PropertiesService.getDocumentProperties();
  if (docProps) reconcile(notices, docProps);
  const { pending, duplicates } = pendingNotices(notices, onlyKeys);
  const outcome: SendOutcome = { sent: 0, failed: 0, skipped: 0, left: 0, stoppedBy: null };
  for (const d of duplicates) {
    writeRowCells(notices, d.index, { Status: 'Skipped', Error: asText(t(lang, 'send.duplicateKey', { key: d.key })) });
    outcome.skipped++;
  }
  if (pending.length === 0) {
    if (!onlyKeys) scheduleResume(ss, null);
    return outcome;
  }
  const templates = loadTemplates(
    pending.map((n) => n.type),
    settings,
    lang,
  );
  const valuesFor = mergeData(ss, settings, lang);
  let allowance = MailApp.getRemainingDailyQuota() - settings.quotaReserve;
  // One notice alone (a submission's confirmation) costs less with its own flush than with a block's two.
  const props = pending.length > 1 ? docProps : null;
  const send = (n: PendingNotice, mail: RenderedNotice, attachments: GoogleAppsScript.Base.BlobSource[]) => {
    // Only the options that have a value: Apps Script checks each field it is given.
    const message: GoogleAppsScript.Mail.MailAdvancedParameters = {
      to: n.to,
      subject: mail.subject,
      body: mail.text,
      htmlBody: mail.html,
    };
    if (settings.senderName) message.name = settings.senderName;
    if (settings.replyTo) message.replyTo = settings.replyTo;
    if (attachments.length > 0) message.attachments = attachments;
    MailApp.sendEmail(message);
  };
  const pdfFor = (n: PendingNotice, mail: RenderedNotice): GoogleAppsScript.Base.BlobSource[] =>
    n.type === 'accepted' && settings.attachPdf ? [letterPdf(mail.html, `${n.applicationId}-${n.excursionId}`)] : [];
  const isQuotaError = (e: unknown) => /too many times|quota/i.test(describeError(e));
  const overTime = () => Date.now() - startedAt > TIME_BUDGET_MS;

  if (!props) {
    // No document properties (an add-on's time-driven run), or one notice: each is flushed Sending before its mail.
    for (let i = 0; i < pending.length; i++) {
      const n = pending[i];
      if (overTime()) {
        outcome.stoppedBy = 'time';
        outcome.left = pending.length - i;
        break;
      }
      if (!isValidEmail(n.to)) {
        writeRowCells(notices, n.index, {
          Status: 'Skipped',
          Error: asText(t(lang, 'send.invalidRecipient', { to: n.to })),
        });
        outcome.skipped++;
        continue;
      }
      if (allowance <= 0) {
        outcome.stoppedBy = 'quota';
        outcome.left = pending.length - i;
        break;
      }
      const template = templates.get(n.type);
      if (!template) continue;
      const mail: RenderedNotice = renderNotice(template, valuesFor(n));
      const write = statusWriter(notices, n.index);
      let attachments: GoogleAppsScript.Base.BlobSource[] = [];
      try {
        attachments = pdfFor(n, mail);
      } catch (e) {
        write({ Status: 'Failed', Error: `PDF: ${describeError(e)}` });
        outcome.failed++;
        continue;
      }
      write({ Subject: mail.subject, Status: 'Sending', 'Sent At': '', Error: '' });
      SpreadsheetApp.flush();
      try {
        send(n, mail, attachments);
      } catch (e) {
        write({ Status: 'Failed', Error: describeError(e) });
        outcome.failed++;
        if (isQuotaError(e)) {
          outcome.stoppedBy = 'quota';
          outcome.left = pending.length - i - 1;
          break;
        }
        continue;
      }
      write({ Status: 'Sent', 'Sent At': new Date() });
      outcome.sent++;
      allowance--;
    }
  } else {
    const c = notices.cols;
    let i = 0;
    while (i < pending.length && outcome.stoppedBy === null) {
      if (overTime()) {
        outcome.stoppedBy = 'time';
        break;
      }
      if (allowance <= 0) {
        outcome.stoppedBy = 'quota';
        break;
      }
      // The next block: valid recipients only, no more than the quota allows.
      const block: { n: PendingNotice; mail: RenderedNotice; was: Cell[] }[] = [];
      while (i < pending.length && block.length < Math.min(BLOCK_SIZE, allowance)) {
        const n = pending[i++];
        if (!isValidEmail(n.to)) {
          writeRowCells(notices, n.index, {
            Status: 'Skipped',
            Error: asText(t(lang, 'send.invalidRecipient', { to: n.to })),
          });
          outcome.skipped++;
          continue;
        }
        const template = templates.get(n.type);
        if (!template) continue;
        const row = notices.rows[n.index];
        block.push({ n, mail: renderNotice(template, valuesFor(n)), was: STATUS_COLUMNS.map((h) => row[c[h]]) });
      }
      if (block.length === 0) continue;
      const record: SendingRecord = { block: block.map((b) => b.n.key), done: {}, sending: null };
      props.setProperty(SENDING_RECORD, JSON.stringify(record));
      for (const b of block) {
        const row = notices.rows[b.n.index];
        row[c.Subject] = b.mail.subject;
        row[c.Status] = 'Sending';
        row[c['Sent At']] = '';
        row[c.Error] = '';
      }
      const indices = block.map((b) => b.n.index);
      writeStatuses(notices, indices);
      SpreadsheetApp.flush();
      let j = 0;
      let thrown: { error: unknown } | null = null;
      try {
        for (; j < block.length; j++) {
          if (j > 0 && overTime()) {
            outcome.stoppedBy = 'time';
            break;
          }
          // The rest of the block goes in the next one (the record must fit in a property).
          if (j > 0 && utf8Bytes(JSON.stringify(record)) > RECORD_LIMIT_BYTES) break;
          const { n, mail } = block[j];
          const row = notices.rows[n.index];
          const fail = (error: string) => {
            row[c.Status] = 'Failed';
            row[c.Error] = error;
            record.done[n.key] = ['Failed', error.slice(0, 80)];
            outcome.failed++;
          };
          let attachments: GoogleAppsScript.Base.BlobSource[] = [];
          try {
            attachments = pdfFor(n, mail);
          } catch (e) {
            fail(`PDF: ${describeError(e)}`);
            continue;
          }
          record.sending = n.key;
          props.setProperty(SENDING_RECORD, JSON.stringify(record));
          record.sending = null;
          try {
            send(n, mail, attachments);
          } catch (e) {
            fail(describeError(e));
            if (isQuotaError(e)) {
              outcome.stoppedBy = 'quota';
              j++;
              break;
            }
            continue;
          }
          const at = new Date();
          row[c.Status] = 'Sent';
          row[c['Sent At']] = at;
          record.done[n.key] = ['Sent', at.toISOString()];
          outcome.sent++;
          allowance--;
        }
      } catch (error) {
        // Only the record's write throws here, before its mail: the statuses below are still true.
        thrown = { error };
      }
      // The block's notices not reached go back to what they were.
      const notReached = block.slice(j);
      for (const b of notReached) {
        const row = notices.rows[b.n.index];
        STATUS_COLUMNS.forEach((h, k) => {
          row[c[h]] = b.was[k];
        });
      }
      writeStatuses(notices, indices);
      SpreadsheetApp.flush();
      if (thrown) throw thrown.error;
      // Not reached: sent by the next block, or counted as left.
      i -= notReached.length;
    }
    if (outcome.stoppedBy !== null) outcome.left = pending.length - i;
    props.deleteProperty(SENDING_RECORD);
  }
  if (!onlyKeys || outcome.left > 0) {
    scheduleResume(
      ss,
      outcome.left > 0 ? (outcome.stoppedBy === 'quota' ? RESUME_AFTER_QUOTA_MS : RESUME_AFTER_TIME_MS) : null,
    );
  }
  return outcome;
}

/** How many notices of each type wait, for the confirmation. */
export function pendingCounts(ss: Spreadsheet): {
  total: number;
  byType: Record<string, number>;
  quota: number;
  reserve: number;
} {
  const { settings } = loadSettings(ss, undefined, true);
  const table = readSheet(ss, SHEET.notices, NOTICE_HEADERS);
  // A block a killed run left is settled first, so its notices not reached are counted (and sent).
  const docProps = PropertiesService.getDocumentProperties();
  if (docProps) reconcile(table, docProps);
  const { pending } = pendingNotices(table);
  const byType: Record<string, number> = {};
  for (const n of pending) byType[n.type] = (byType[n.type] ?? 0) + 1;
  return { total: pending.length, byType, quota: MailApp.getRemainingDailyQuota(), reserve: settings.quotaReserve };
}

/** The merged mails of the selected Notices rows, or of the first three waiting ones, without sending. */
export function previewMails(ss: Spreadsheet): { to: string; subject: string; html: string }[] {
  const tz = timeZoneOf(ss);
  const { settings } = loadSettings(ss, tz, true);
  const notices = readSheet(ss, SHEET.notices, NOTICE_HEADERS);
  const range = ss.getActiveRange();
  let chosen: PendingNotice[] = [];
  if (range && range.getSheet().getName() === SHEET.notices) {
    const c = notices.cols;
    const first = Math.max(range.getRow(), 2);
    const last = range.getRow() + range.getNumRows() - 1;
    for (let row = first; row <= last && row - 2 < notices.rows.length; row++) {
      const r = notices.rows[row - 2];
      if (text(r[c['Notice Key']]) === '') continue;
      chosen.push({
        index: row - 2,
        key: text(r[c['Notice Key']]),
        applicationId: text(r[c['Application ID']]),
        excursionId: text(r[c['Excursion ID']]),
        type: text(r[c.Type]) as NoticeType,
        to: text(r[c.To]),
      });
    }
  }
  if (chosen.length === 0) chosen = pendingNotices(notices).pending.slice(0, 3);
  if (chosen.length === 0) return [];
  const templates = loadTemplates(
    chosen.map((n) => n.type),
    settings,
    settings.language,
  );
  const valuesFor = mergeData(ss, settings, settings.language);
  return chosen.map((n) => {
    const mail = renderNotice(templates.get(n.type)!, valuesFor(n));
    return { to: n.to, subject: mail.subject, html: mail.html };
  });
}

/** The sentence about what is left, for staff. */
export function describeLeft(outcome: SendOutcome, lang: Language): string {
  const key: MessageKey =
    outcome.left === 0 ? 'send.left.none' : outcome.stoppedBy === 'quota' ? 'send.left.quota' : 'send.left.time';
  return t(lang, key, { left: outcome.left });
}
