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
import { isSignedFormKey, municipalityOfKey } from '../core/call';
import { describeError, StaffError } from '../core/errors';
import { type Language, type MessageKey, t } from '../core/i18n';
import { isValidEmail } from '../core/intake';
import {
  type Change,
  cityName,
  type Day,
  describeChange,
  excursionLine,
  municipalityName,
  places as placesIn,
  proseDay,
  proseDays,
  receivedNextStep,
} from '../core/letter-words';
import { splitKey } from '../core/notice-keys';
import { keyRevision } from '../core/reply-code';
import type { Settings } from '../core/settings';
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
import { formatTold, parseTold, type RowNow, staleness, TELLING_TYPES, toldAfter, toldPlaces } from '../core/told';
import { ALLOCATION_HEADERS, APPLICATION_HEADERS, NOTICE_HEADERS, type NoticeType, SHEET } from '../core/vocabulary';
import { applicationPdfMaker } from './application-pdf';
import { openExcursions, readExcursions } from './excursions';
import { timeZoneOf } from './execution';
import { findForm } from './form';
import { linkMaker } from './links';
import { loadMunicipalities } from './municipality-cache';
import { markedSending } from './notices';
import { loadSettings } from './settings';
import {
  type Cell,
  isDateCell,
  loadCells,
  loadColumns,
  loadRows,
  readSheet,
  type Spreadsheet,
  type Table,
  text,
  writeRowCells,
} from './sheets';
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
/**
 * The most notices one run can send: its time budget over the least a mail is reported to take
 * (0.6 s, the low end of issue 16's 0.6–1.2 s for MailApp.sendEmail). A run reads the rows of no
 * more than these (and of their applications), so at 20,000 waiting it does not read 20,000 rows to
 * send 300; the rest stay Queued for the next run.
 */
const MOST_PER_RUN = Math.ceil(TIME_BUDGET_MS / 600);
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

/**
 * The rows of the Queued and Failed notices, first row of each key only, and none whose key was
 * already sent or is being sent (`pending`), and the other rows of such keys (`duplicates`). Reads
 * only the Notice Key and Status cells.
 */
function waitingRows(
  table: Table<NoticeHeader>,
  onlyKeys?: ReadonlySet<string>,
  /** The rows of `onlyKeys` this run marked `Sending` itself (premarkedRows): waiting, not under way. */
  premarked: ReadonlySet<number> = new Set(),
): { pending: number[]; duplicates: { index: number; key: string }[] } {
  const c = table.cols;
  const done = new Set<string>();
  table.rows.forEach((r, index) => {
    const status = text(r[c.Status]);
    if (status === 'Sent' || (status === 'Sending' && !premarked.has(index))) done.add(text(r[c['Notice Key']]));
  });
  const pending: number[] = [];
  const duplicates: { index: number; key: string }[] = [];
  const seen = new Set<string>();
  table.rows.forEach((r, index) => {
    const status = text(r[c.Status]);
    if (status !== 'Queued' && status !== 'Failed' && !premarked.has(index)) return;
    const key = text(r[c['Notice Key']]);
    if (key === '' || (onlyKeys && !onlyKeys.has(key))) return;
    if (done.has(key) || seen.has(key)) duplicates.push({ index, key });
    else {
      seen.add(key);
      pending.push(index);
    }
  });
  return { pending, duplicates };
}

/** The rows of `keys` this execution marked `Sending` and has not mailed yet. */
function premarkedRows(ss: Spreadsheet, table: Table<NoticeHeader>, keys: ReadonlySet<string>): Set<number> {
  const marked = markedSending(ss);
  const out = new Set<number>();
  if (marked.size === 0) return out;
  const c = table.cols;
  table.rows.forEach((r, i) => {
    const key = text(r[c['Notice Key']]);
    if (keys.has(key) && marked.has(key) && text(r[c.Status]) === 'Sending') out.add(i);
  });
  return out;
}

/**
 * After a run that marked keys `Sending` to send them at once: those still marked were never
 * mailed by it (a busy lease, the quota, a template problem), so they go back to `Queued`, for
 * Send notices or the scheduled run.
 */
export function releaseUnsent(ss: Spreadsheet): void {
  const marked = markedSending(ss);
  if (marked.size === 0) return;
  const table = readSheet(ss, SHEET.notices, NOTICE_HEADERS, ['Notice Key']);
  for (const i of premarkedRows(ss, table, marked)) writeRowCells(table, i, { Status: 'Queued' });
  marked.clear();
}

/**
 * Queued and Failed notices, first row of each key only, and none whose key was already sent or is
 * being sent; `limit` the first so many (`waiting` counts them all).
 */
export function pendingNotices(
  table: Table<NoticeHeader>,
  onlyKeys?: ReadonlySet<string>,
  limit = Number.POSITIVE_INFINITY,
  /** Rows this run marked Sending to send at once (premarkedRows). */
  premarked?: ReadonlySet<number>,
): { pending: PendingNotice[]; duplicates: { index: number; key: string }[]; waiting: number } {
  const c = table.cols;
  // Only the rows of these keys count: where only Notice Key was read, their rows are read now.
  if (onlyKeys)
    loadCells(
      table,
      table.rows.flatMap((r, i) => (onlyKeys.has(text(r[c['Notice Key']])) ? [i] : [])),
      ['Status'],
    );
  const rows = waitingRows(table, onlyKeys, premarked);
  const chosen = rows.pending.slice(0, limit);
  // Where only Notice Key and Status were read, the rest of the chosen rows (and those between them,
  // which a block's status write spans) is read now: nothing for a confirmation just queued.
  loadRows(table, chosen);
  const pending = chosen.map((index): PendingNotice => {
    const r = table.rows[index];
    return {
      index,
      key: text(r[c['Notice Key']]),
      applicationId: text(r[c['Application ID']]),
      excursionId: text(r[c['Excursion ID']]),
      type: text(r[c.Type]) as NoticeType,
      to: text(r[c.To]),
    };
  });
  return { pending, duplicates: rows.duplicates, waiting: rows.pending.length };
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

type AllocationHeader = (typeof ALLOCATION_HEADERS)[number];

/** The Allocations sheet, read once per run where a notice names an excursion, its rows by `app|exc`. */
interface AllocationBook {
  table: Table<AllocationHeader>;
  byKey: Map<string, number>;
}

function readAllocationBook(ss: Spreadsheet): AllocationBook {
  const table = readSheet(ss, SHEET.allocations, ALLOCATION_HEADERS);
  const l = table.cols;
  const byKey = new Map<string, number>();
  table.rows.forEach((r, i) => {
    byKey.set(`${text(r[l['Application ID']])}|${text(r[l['Excursion ID']])}`, i);
  });
  return { table, byKey };
}

function rowNow(book: AllocationBook, index: number): RowNow {
  const l = book.table.cols;
  const r = book.table.rows[index];
  return {
    decision: text(r[l.Decision]),
    placesGranted: Number(r[l['Places Granted']]) || 0,
    response: text(r[l.Response]),
  };
}

/** A calendar day of `d` in `tz`. */
function dayIn(d: Date, tz: string): Day {
  const [year, month, day] = Utilities.formatDate(d, tz, 'yyyy-MM-dd').split('-').map(Number);
  return { year, month, day };
}

/** Midnight of `day` in `tz`, as a date cell holds a day. */
function midnightIn(day: Day, tz: string): Date {
  const guess = new Date(Date.UTC(day.year, day.month - 1, day.day));
  const z = Utilities.formatDate(guess, tz, 'Z');
  const minutes = (z.startsWith('-') ? -1 : 1) * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5)));
  return new Date(guess.getTime() - minutes * 60 * 1000);
}

/** The `Reply By` of offers sent in this run: the send day + replyDays, at midnight in the spreadsheet's zone. */
export function replyByFor(now: Date, replyDays: number, tz: string): Date {
  const today = dayIn(now, tz);
  // Date.UTC carries the day over into the next month or year; read back as a day in UTC.
  return midnightIn(dayIn(new Date(Date.UTC(today.year, today.month - 1, today.day + replyDays)), 'UTC'), tz);
}

/** The notice types that give `Reply By` to their row: an offer made. */
const OFFERS: readonly NoticeType[] = ['accepted', 'promoted'];

/** What one notice would write to its Allocations row when sent: `Told`, and `Reply By` for an offer. */
export interface Telling {
  row: number;
  told: string;
  replyBy: Date | null;
}

/**
 * What the placeholders of one notice are filled with, read once per run for all notices (each
 * sheet once, each form link once). `replyBy` is the Reply By of offers sent in this run.
 */
export function mergeData(
  ss: Spreadsheet,
  settings: Settings,
  lang: Language,
  notices: Table<NoticeHeader>,
  replyBy: Date,
  book: () => AllocationBook,
  upcoming: readonly PendingNotice[] = [],
) {
  const tz = timeZoneOf(ss);
  // The ids of every row, then whole rows only for the notices to merge (sheets.ts, loadRows).
  const apps = readSheet(ss, SHEET.applications, APPLICATION_HEADERS, ['Application ID']);
  const a = apps.cols;
  const indexOf = new Map(apps.rows.map((r, i) => [text(r[a['Application ID']]), i]));
  loadRows(
    apps,
    upcoming.map((n) => indexOf.get(n.applicationId) ?? -1),
  );
  const byApp = {
    get: (id: string): Cell[] | undefined => {
      const i = indexOf.get(id);
      if (i === undefined) return undefined;
      loadRows(apps, [i]);
      return apps.rows[i];
    },
  };
  const { excursions } = readExcursions(ss);
  const byExc = new Map(excursions.map((e) => [e.id, e]));
  let links: ReturnType<typeof linkMaker> | null = null;
  const link = () => {
    links ??= linkMaker(ss);
    return links;
  };
  let bareForm: string | null = null;
  /** The form prefilled with the municipality; where prefilling fails, the bare form still lets it apply again. */
  const formLink = (municipality: string): string => {
    if (bareForm !== null) return bareForm;
    try {
      return link().application(municipality);
    } catch (e) {
      if (e instanceof StaffError) throw e;
      const form = findForm(ss);
      if (!form) throw new StaffError('error.noForm', {});
      bareForm = form.getPublishedUrl();
      return bareForm;
    }
  };
  const prose = (d: Date) => proseDay(lang, dayIn(d, tz));
  // The register's Urban column decides "Mestna občina" (SPEC section 3); read once per run.
  let urban: Map<string, boolean> | null = null;
  const isUrban = (name: string): boolean => {
    urban ??= new Map(loadMunicipalities(ss).map((m) => [m.name, m.urban]));
    return urban.get(name) ?? false;
  };
  const line = (e: (typeof excursions)[number]) =>
    e.start
      ? excursionLine(lang, { city: e.city, start: dayIn(e.start, tz), end: e.end ? dayIn(e.end, tz) : null })
      : cityName(lang, e.city) || e.label;
  /** `{{Excursions}}`: the call's Open excursions in start-date order, one a line. */
  const excursionLines = openExcursions(excursions).map(line).join('\n');
  const deadline = settings.applicationDeadline ? prose(new Date(settings.applicationDeadline.getTime() - 1)) : '';
  /** The revision of the offer at (app, exc): n of its latest accepted/promoted key Sent. */
  const revisionOf = (applicationId: string, excursionId: string): number => {
    const c = notices.cols;
    loadColumns(notices, ['Type', 'Status', 'Application ID', 'Excursion ID', 'Notice Key']);
    let revision = 0;
    for (const r of notices.rows) {
      const type = text(r[c.Type]);
      if (!OFFERS.includes(type as NoticeType) || text(r[c.Status]) !== 'Sent') continue;
      if (text(r[c['Application ID']]) !== applicationId || text(r[c['Excursion ID']]) !== excursionId) continue;
      revision = Math.max(revision, splitKey(text(r[c['Notice Key']])).n);
    }
    return revision;
  };
  return (n: PendingNotice, template: Template): Record<Placeholder, string> => {
    const uses = new Set(placeholdersOf(template).known);
    const app = byApp.get(n.applicationId);
    const exc = byExc.get(n.excursionId);
    // A call notice belongs to no application: its key names the municipality (core/call.ts).
    const municipality = app ? text(app[a.Municipality]) : (municipalityOfKey(n.key) ?? '');
    const allocations = n.excursionId ? book() : null;
    const l = allocations?.table.cols;
    const index = allocations?.byKey.get(`${n.applicationId}|${n.excursionId}`);
    const row = allocations && index !== undefined ? allocations.table.rows[index] : undefined;
    const cell = (h: AllocationHeader) => (row && l ? row[l[h]] : '');
    const dates = exc?.start ? proseDays(lang, dayIn(exc.start, tz), exc.end ? dayIn(exc.end, tz) : null) : '';
    const rowReplyBy = cell('Reply By');
    const granted = Number(cell('Places Granted'));
    const replyByText = OFFERS.includes(n.type) ? prose(replyBy) : isDateCell(rowReplyBy) ? prose(rowReplyBy) : '';
    const offerLink = (revision: number) =>
      revision > 0 ? link().reply({ applicationId: n.applicationId, excursionId: n.excursionId, revision }) : '';
    const replyLink = () =>
      OFFERS.includes(n.type) || n.type === 'reminder'
        ? offerLink(keyRevision(n.key))
        : offerLink(revisionOf(n.applicationId, n.excursionId));
    let changes = '';
    if (uses.has('Changes') && row && l && allocations) {
      const now = rowNow(allocations, index!);
      let change: Change | null = null;
      if (n.type === 'changed') {
        const offered = now.decision === 'Accepted' && now.placesGranted > 0;
        const confirmed = now.response === 'Confirmed';
        change = {
          kind: 'places',
          before: toldPlaces(cell('Told')),
          now: offered ? now.placesGranted : 0,
          waitlistPosition: now.decision === 'Waitlisted' ? Number(cell('Waitlist Position')) || null : null,
          confirmed,
          replyBy: replyByText,
          replyLink: offered && !confirmed ? replyLink() : '',
        };
      } else if (n.type === 'promoted') {
        // The lower places it holds until it answers: its other offers told, and staff's own locks.
        const held: { label: string; places: number }[] = [];
        allocations.table.rows.forEach((r, i) => {
          if (i === index || text(r[l['Application ID']]) !== n.applicationId) return;
          const other = rowNow(allocations, i);
          if (other.response === 'Declined' || other.response === 'Lapsed' || text(r[l.Locked]) === 'Rejected') return;
          const places = toldPlaces(r[l.Told]) || (text(r[l.Locked]) === 'Accepted' ? other.placesGranted : 0);
          if (places <= 0) return;
          const e = byExc.get(text(r[l['Excursion ID']]));
          held.push({ label: e ? line(e) : text(r[l['Excursion ID']]), places });
        });
        change = { kind: 'promoted', held };
      } else if (n.type === 'reply' && (now.response === 'Confirmed' || now.response === 'Declined')) {
        change = {
          kind: 'reply',
          answer: now.response,
          places: now.placesGranted,
          delegates: text(cell('Delegates Named'))
            .split(/\r\n|[\r\n]/)
            .map((d) => d.trim())
            .filter(Boolean),
        };
      }
      if (change) changes = describeChange(lang, change);
    }
    return {
      Municipality: uses.has('Municipality')
        ? municipalityName(lang, municipality, isUrban(municipality))
        : municipality,
      ContactName: app ? text(app[a['Contact Name']]) : '',
      ApplicationId: n.applicationId,
      ExcursionCity: exc ? cityName(lang, exc.city) : '',
      ExcursionDates: dates,
      ExcursionLabel: exc?.label ?? '',
      PlacesGranted: granted > 0 ? placesIn(lang, granted) : text(cell('Places Granted')),
      WaitlistPosition: text(cell('Waitlist Position')),
      // The signed-form reminder (issue 15) names what is missing: the form, not the answers.
      Issues: isSignedFormKey(n.key)
        ? t(lang, 'issue.signedFormMissing', { id: n.applicationId })
        : app
          ? text(app[a.Issues])
          : '',
      Deadline: deadline,
      SenderName: settings.senderName,
      ReplyBy: replyByText,
      ReplyLink: uses.has('ReplyLink') && n.excursionId ? replyLink() : '',
      FormLink: uses.has('FormLink') ? formLink(municipality) : '',
      Changes: changes,
      Excursions: excursionLines,
      ReplyTo: settings.replyTo,
      NextStep: n.type === 'received' ? receivedNextStep(lang, settings.attachApplicationPdf, deadline) : '',
    };
  };
}

/**
 * The send-time check of a notice against its Allocations row: the reason (a message for the
 * Error cell) it is no longer true and must be Skipped, or else what sending it writes to the row.
 */
function checkRow(
  n: PendingNotice,
  book: () => AllocationBook,
  replyBy: Date,
  lang: Language,
): { stale: string } | { telling: Telling | null } {
  if (!n.excursionId || !(TELLING_TYPES.includes(n.type) || n.type === 'reminder')) return { telling: null };
  const allocations = book();
  const index = allocations.byKey.get(`${n.applicationId}|${n.excursionId}`);
  const now = index === undefined ? null : rowNow(allocations, index);
  const told = index === undefined ? '' : text(allocations.table.rows[index][allocations.table.cols.Told]);
  const problem = staleness(n.type, parseTold(told), now);
  if (problem || index === undefined || !now) {
    return {
      stale: t(lang, `send.stale.${problem ?? 'noRow'}` as MessageKey, {
        app: n.applicationId,
        exc: n.excursionId,
        decision: now?.decision || '—',
        response: now?.response || '—',
        told: told || '—',
      }),
    };
  }
  const after = toldAfter(n.type, now);
  return {
    telling: after ? { row: index, told: formatTold(after), replyBy: OFFERS.includes(n.type) ? replyBy : null } : null,
  };
}

/**
 * Writes `Told` (and `Reply By`) of the rows told, per column one getValues and one setValues over
 * the rows they span: the span is read again first, so a date staff typed meanwhile is kept.
 */
function writeTellings(book: AllocationBook, tellings: readonly Telling[]): void {
  if (tellings.length === 0) return;
  const { table } = book;
  for (const [header, value] of [
    ['Told', (x: Telling) => x.told],
    ['Reply By', (x: Telling) => x.replyBy],
  ] as const) {
    const some = tellings.filter((x) => value(x) !== null);
    if (some.length === 0) continue;
    const lo = Math.min(...some.map((x) => x.row));
    const hi = Math.max(...some.map((x) => x.row));
    const col = table.cols[header];
    const range = table.sheet.getRange(lo + 2, col + 1, hi - lo + 1, 1);
    const values = lo === hi ? [[table.rows[lo][col]]] : range.getValues();
    for (const x of some) {
      values[x.row - lo][0] = value(x) as Cell;
      table.rows[x.row][col] = value(x) as Cell;
    }
    range.setValues(values);
  }
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
  /** The `Told` each notice of the block writes to its row when sent (telling notices only). */
  tell?: Record<string, string>;
  /** The `Reply By` (ISO) the block's offers write. */
  replyBy?: string;
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
export function reconcile(
  ss: Spreadsheet,
  table: Table<NoticeHeader>,
  props: GoogleAppsScript.Properties.Properties,
): void {
  const record = parseRecord(props.getProperty(SENDING_RECORD));
  if (!record) return;
  const c = table.cols;
  const guard = (v: Cell): Cell => (typeof v === 'string' ? asText(v) : v);
  const changed = settle(table, record);
  loadRows(table, changed);
  // Row by row: this may run outside the sending lease (Send notices' count, under the document
  // lock), so it writes no row but those it settles.
  for (const i of changed) {
    const r = table.rows[i];
    writeRowCells(table, i, { Status: r[c.Status], 'Sent At': r[c['Sent At']], Error: guard(r[c.Error]) });
  }
  // A key Sent ends with its Told written: what the killed run had not flushed is written now.
  const tellings: Telling[] = [];
  let book: AllocationBook | null = null;
  for (const i of changed) {
    const r = table.rows[i];
    const key = text(r[c['Notice Key']]);
    const told = record.tell?.[key];
    if (text(r[c.Status]) !== 'Sent' || !told) continue;
    book ??= readAllocationBook(ss);
    const row = book.byKey.get(`${text(r[c['Application ID']])}|${text(r[c['Excursion ID']])}`);
    if (row === undefined) continue;
    const offer = OFFERS.includes(text(r[c.Type]) as NoticeType) && record.replyBy;
    tellings.push({ row, told, replyBy: offer ? new Date(record.replyBy!) : null });
  }
  if (book) writeTellings(book, tellings);
  if (changed.length > 0) SpreadsheetApp.flush();
  props.deleteProperty(SENDING_RECORD);
}

/** The statuses `record` settles, set in `table`'s rows; returns the indices it changed. */
function settle(table: Table<NoticeHeader>, record: SendingRecord): number[] {
  const c = table.cols;
  const inBlock = new Set(record.block);
  const changed: number[] = [];
  // The Status of the block's rows, where a caller read only the keys.
  loadCells(
    table,
    table.rows.flatMap((r, i) => (inBlock.has(text(r[c['Notice Key']])) ? [i] : [])),
    ['Status'],
  );
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
  // Notice Key and Status of every row (a submission's: Notice Key only); the other cells of the rows
  // it sends are read by pendingNotices.
  const notices = readSheet(ss, SHEET.notices, NOTICE_HEADERS, onlyKeys ? ['Notice Key'] : ['Notice Key', 'Status']);
  const docProps = PropertiesService.getDocumentProperties();
  if (docProps) reconcile(ss, notices, docProps);
  // Rows this run marked Sending before its sending lease's flush (a submission's confirmation):
  // durable already, so they need no write and no flush of their own before the mail.
  const markedAlready = onlyKeys ? premarkedRows(ss, notices, onlyKeys) : new Set<number>();
  const { pending, duplicates, waiting } = pendingNotices(notices, onlyKeys, MOST_PER_RUN, markedAlready);
  // Those past the most a run can send: their rows are not read, and the next run sends them.
  const beyond = waiting - pending.length;
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
  let allocations: AllocationBook | null = null;
  const book = () => {
    allocations ??= readAllocationBook(ss);
    return allocations;
  };
  if (!onlyKeys) {
    // A run of Send notices or the scheduled run ends with a look at every offer (deadlines.ts,
    // scheduleNext), which reads these: read them now, inside the time budget. After it only 15 s
    // are left, and at 20,000 applications these reads take longer (the bench's run was killed).
    loadColumns(notices, ['Application ID', 'Excursion ID', 'Type', 'Sent At']);
    try {
      book();
    } catch (_e) {
      // No Allocations sheet: a notice that needs its row says so when it comes (book() again).
    }
  }
  // One Reply By for the run: the date its letters give is the date their rows hold.
  const replyBy = replyByFor(new Date(), settings.replyDays, tz);
  const valuesFor = mergeData(ss, settings, lang, notices, replyBy, book, pending);
  // A link that cannot be made (no reply form, no secret) stops the run before anything is sent.
  for (const [type, template] of templates) {
    const uses = placeholdersOf(template).known;
    if (!uses.includes('ReplyLink') && !uses.includes('FormLink')) continue;
    const first = pending.find((n) => n.type === type);
    if (first) valuesFor(first, template);
  }
  let allowance = MailApp.getRemainingDailyQuota() - settings.quotaReserve;
  // One notice alone (a submission's confirmation) costs less with the flush path than with a block's two flushes.
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
  let applicationPdf: ReturnType<typeof applicationPdfMaker> | null = null;
  const pdfFor = (n: PendingNotice, mail: RenderedNotice): GoogleAppsScript.Base.BlobSource[] => {
    if (n.type === 'accepted' && settings.attachPdf)
      return [letterPdf(mail.html, `${n.applicationId}-${n.excursionId}`)];
    if (n.type !== 'received' || !settings.attachApplicationPdf) return [];
    // The application to sign and stamp (issue 15); the sheets are read once, for every one of the run.
    applicationPdf ??= applicationPdfMaker(
      ss,
      settings,
      lang,
      pending.filter((p) => p.type === 'received').map((p) => p.applicationId),
    );
    const pdf = applicationPdf(n.applicationId);
    return pdf ? [pdf] : [];
  };
  const isQuotaError = (e: unknown) => /too many times|quota/i.test(describeError(e));
  const overTime = () => Date.now() - startedAt > TIME_BUDGET_MS;

  if (!props) {
    // No document properties (an add-on's time-driven run), or one notice: each is flushed Sending
    // before its mail, unless this run's lease flush made it Sending already.
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
      const check = checkRow(n, book, replyBy, lang);
      if ('stale' in check) {
        writeRowCells(notices, n.index, { Status: 'Skipped', Error: asText(check.stale) });
        outcome.skipped++;
        continue;
      }
      const mail: RenderedNotice = renderNotice(template, valuesFor(n, template));
      const write = statusWriter(notices, n.index);
      let attachments: GoogleAppsScript.Base.BlobSource[] = [];
      try {
        attachments = pdfFor(n, mail);
      } catch (e) {
        write({ Status: 'Failed', Error: `PDF: ${describeError(e)}` });
        outcome.failed++;
        continue;
      }
      if (!markedAlready.has(n.index)) {
        write({ Subject: mail.subject, Status: 'Sending', 'Sent At': '', Error: '' });
        SpreadsheetApp.flush();
      }
      try {
        send(n, mail, attachments);
      } catch (e) {
        write({ Subject: mail.subject, Status: 'Failed', Error: describeError(e) });
        outcome.failed++;
        if (isQuotaError(e)) {
          outcome.stoppedBy = 'quota';
          outcome.left = pending.length - i - 1;
          break;
        }
        continue;
      }
      write({ Subject: mail.subject, Status: 'Sent', 'Sent At': new Date() });
      // Flushed with its status by the next notice's flush (or the run's end): never one without the other.
      if (check.telling) writeTellings(book(), [check.telling]);
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
      const block: { n: PendingNotice; mail: RenderedNotice; was: Cell[]; telling: Telling | null }[] = [];
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
        const check = checkRow(n, book, replyBy, lang);
        if ('stale' in check) {
          writeRowCells(notices, n.index, { Status: 'Skipped', Error: asText(check.stale) });
          outcome.skipped++;
          continue;
        }
        const row = notices.rows[n.index];
        block.push({
          n,
          mail: renderNotice(template, valuesFor(n, template)),
          was: STATUS_COLUMNS.map((h) => row[c[h]]),
          telling: check.telling,
        });
      }
      if (block.length === 0) continue;
      const record: SendingRecord = { block: block.map((b) => b.n.key), done: {}, sending: null };
      const tell = block.filter((b) => b.telling);
      if (tell.length > 0) {
        record.tell = Object.fromEntries(tell.map((b) => [b.n.key, b.telling!.told]));
        record.replyBy = replyBy.toISOString();
      }
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
      // Told in the same flush as the statuses: a kill before it loses both, and the record settles them.
      const told = block.filter((b) => b.telling && record.done[b.n.key]?.[0] === 'Sent').map((b) => b.telling!);
      if (told.length > 0) writeTellings(book(), told);
      SpreadsheetApp.flush();
      if (thrown) throw thrown.error;
      // Not reached: sent by the next block, or counted as left.
      i -= notReached.length;
    }
    if (outcome.stoppedBy !== null) outcome.left = pending.length - i;
    props.deleteProperty(SENDING_RECORD);
  }
  if (beyond > 0) {
    outcome.left += beyond;
    outcome.stoppedBy ??= 'time';
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
  // Counting needs the key, status and type of each row, not the rest.
  const table = readSheet(ss, SHEET.notices, NOTICE_HEADERS, ['Notice Key', 'Status', 'Type']);
  // A block a killed run left is settled first, so its notices not reached are counted (and sent).
  const docProps = PropertiesService.getDocumentProperties();
  if (docProps) reconcile(ss, table, docProps);
  const { pending } = waitingRows(table);
  loadColumns(table, ['Type']);
  const byType: Record<string, number> = {};
  for (const i of pending) {
    const type = text(table.rows[i][table.cols.Type]);
    byType[type] = (byType[type] ?? 0) + 1;
  }
  return { total: pending.length, byType, quota: MailApp.getRemainingDailyQuota(), reserve: settings.quotaReserve };
}

/** The merged mails of the selected Notices rows, or of the first three waiting ones, without sending. */
export function previewMails(ss: Spreadsheet): { to: string; subject: string; html: string }[] {
  const tz = timeZoneOf(ss);
  const { settings } = loadSettings(ss, tz, true);
  // Key and status of every row; the rest only of the rows previewed (sheets.ts, loadRows).
  const notices = readSheet(ss, SHEET.notices, NOTICE_HEADERS, ['Notice Key', 'Status']);
  const range = ss.getActiveRange();
  let chosen: PendingNotice[] = [];
  if (range && range.getSheet().getName() === SHEET.notices) {
    const c = notices.cols;
    const first = Math.max(range.getRow(), 2);
    const last = range.getRow() + range.getNumRows() - 1;
    const selected: number[] = [];
    for (let row = first; row <= last && row - 2 < notices.rows.length; row++) selected.push(row - 2);
    loadRows(notices, selected);
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
  if (chosen.length === 0) chosen = pendingNotices(notices, undefined, 3).pending;
  if (chosen.length === 0) return [];
  const templates = loadTemplates(
    chosen.map((n) => n.type),
    settings,
    settings.language,
  );
  let allocations: AllocationBook | null = null;
  const book = () => {
    allocations ??= readAllocationBook(ss);
    return allocations;
  };
  const valuesFor = mergeData(
    ss,
    settings,
    settings.language,
    notices,
    replyByFor(new Date(), settings.replyDays, tz),
    book,
    chosen,
  );
  return chosen.map((n) => {
    const template = templates.get(n.type)!;
    const mail = renderNotice(template, valuesFor(n, template));
    return { to: n.to, subject: mail.subject, html: mail.html };
  });
}

/** The sentence about what is left, for staff. */
export function describeLeft(outcome: SendOutcome, lang: Language): string {
  const key: MessageKey =
    outcome.left === 0 ? 'send.left.none' : outcome.stoppedBy === 'quota' ? 'send.left.quota' : 'send.left.time';
  return t(lang, key, { left: outcome.left });
}
