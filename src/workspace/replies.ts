/**
 * Reply intake (SPEC section 4, "The reply form"): a municipality offered a place answers through
 * its personal link, and its answer lands in `Allocations` by itself. A reply counts only when its
 * `Reply code` carries this spreadsheet's signature and names an offer that is open now, at the
 * revision the code was made for (the design's "revision of an offer": n of the key of the last
 * `accepted`/`promoted` notice sent for the row). Anything else (a code missing, altered, made by
 * another spreadsheet, already answered, lapsed, withdrawn or superseded) changes no cell: one
 * `Log` line says why, and no mail goes.
 *
 * Like intake, replies are taken in order of their row in the reply form's response sheet, and the
 * last row taken in is remembered (per response sheet), so a reply whose trigger could not run is
 * taken in by the next one, and none is taken twice.
 */
import { describeError, isStaffError } from '../core/errors';
import { type MessageKey, type MessageParam, t, vocabularyLabel } from '../core/i18n';
import { nextKey } from '../core/notice-keys';
import { keyRevision, type ReplyOffer } from '../core/reply-code';
import { asText, cleanText } from '../core/text';
import { toldPlaces } from '../core/told';
import {
  ALLOCATION_HEADERS,
  APPLICATION_HEADERS,
  NOTICE_HEADERS,
  type NoticeType,
  REPLY_ANSWERS,
  REPLY_QUESTION,
  SHEET,
} from '../core/vocabulary';
import { planAllocation } from './allocation';
import { timeZoneOf } from './execution';
import { FORM_ID_PROPERTY } from './form';
import { FORM_SHEETS_PROPERTY, rememberedSheetUrls, rememberSheetUrl } from './form-sheets';
import { checkReplyCode, REPLY_FORM_ID_PROPERTY } from './links';
import { markedSending } from './notices';
import { loadSettings } from './settings';
import {
  appendRows,
  type Cell,
  isDateCell,
  readSheet,
  type Sheet,
  type Spreadsheet,
  text,
  writeRowCells,
} from './sheets';

/** Per response sheet (a reply form linked again writes to a new sheet): the last row taken in. */
const TAKEN_PREFIX = 'excursionDesk.repliesTakenUpTo.';
/**
 * The acknowledgement's notice type. Not in NOTICE_TYPES on this branch: the `reply` template
 * comes with the notices work; until then the notice waits Queued.
 */
const REPLY_NOTICE = 'reply' as NoticeType;
/** Notices whose sending makes (or renews) an offer: the revision a Reply code signs. */
const OFFER_NOTICES = new Set(['accepted', 'promoted']);

/**
 * True when `sheet` is where the reply form writes its answers: its form (Sheet.getFormUrl) is
 * the reply form Set up made. Compared by the forms' ids: the URL a sheet gives is not the form's
 * published URL. The spreadsheet's own getFormUrl() cannot tell: with two forms linked it is
 * "indeterminate" (Spreadsheet reference).
 */
export function isReplySheet(sheet: Sheet): boolean {
  const url = sheet.getFormUrl();
  if (!url) return false;
  // A failing call throws rather than answers "no": a reply taken for an application would become
  // an Applications row and move intake's mark. The run fails, and the next answer of the same form
  // takes this one in.
  const props = PropertiesService.getDocumentProperties();
  const all = props?.getProperties() ?? {};
  const replyId = all[REPLY_FORM_ID_PROPERTY] || null;
  const formId = all[FORM_ID_PROPERTY] || null;
  // The URL each form's sheet gave when last compared by id (form-sheets.ts): no form opened.
  const known = rememberedSheetUrls(all[FORM_SHEETS_PROPERTY]);
  if (replyId && known[replyId] === url) return true;
  if (formId && known[formId] === url) return false;
  const form = FormApp.openByUrl(url);
  const id = form.getId();
  if (id === replyId || id === formId) rememberSheetUrl(props ?? null, known, id, url);
  if (replyId) return id === replyId;
  // Without the kept id (properties lost): the reply form is the one that asks for a Reply code.
  return form.getItems(FormApp.ItemType.TEXT).some((i) => i.getTitle() === REPLY_QUESTION.code);
}

export interface RepliesTaken {
  /** Log lines, in English as Log is. */
  lines: string[];
  /** Keys of the `reply` notices queued, to send at once. */
  keys: string[];
}

interface Reply {
  row: number;
  code: string;
  answer: string;
  delegates: string;
  submittedAt: Date | null;
}

/** The replies of `sheet` not yet taken in, up to `untilRow` (one read). */
function pendingReplies(sheet: Sheet, from: number, untilRow: number): Reply[] {
  if (untilRow < from) return [];
  const width = sheet.getLastColumn();
  if (width < 1) return [];
  const block = sheet.getRange(1, 1, untilRow, width).getValues();
  const header = block[0].map((h) => String(h).trim());
  const col = (title: string) => header.indexOf(title);
  const at = (values: unknown[], title: string) => (col(title) >= 0 ? String(values[col(title)] ?? '') : '');
  const out: Reply[] = [];
  for (let row = Math.max(from, 2); row <= untilRow; row++) {
    const values = block[row - 1];
    if (values.every((v) => v === '')) continue;
    out.push({
      row,
      code: at(values, REPLY_QUESTION.code),
      answer: at(values, REPLY_QUESTION.answer).trim(),
      delegates: at(values, REPLY_QUESTION.delegates),
      submittedAt: isDateCell(values[0]) ? values[0] : null,
    });
  }
  return out;
}

/** Delegates as staff read them: one a line, trimmed, empty lines dropped. */
export function delegateLines(raw: string): string[] {
  return cleanText(raw)
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '');
}

/**
 * Takes in the replies of the reply form's response sheet up to `eventRow` (and any earlier one a
 * failed run left): writes `Response`, `Delegates Named` and `Updated At` for each valid reply and
 * queues its `reply` notice; the rest change nothing and are logged.
 */
export function takeInReplies(
  ss: Spreadsheet,
  sheet: Sheet,
  eventRow: number,
  /** The run sends the acknowledgements at once: queued as `Sending` (notices.ts, markedSending). */
  sendAtOnce = false,
): RepliesTaken {
  const props = PropertiesService.getDocumentProperties();
  const takenKey = TAKEN_PREFIX + sheet.getSheetId();
  const from = Number(props.getProperty(takenKey) ?? '1') + 1 || 2;
  const sheetName = sheet.getName();
  const replies = pendingReplies(sheet, from, eventRow);
  const lines: string[] = [];
  if (replies.length === 0)
    return { lines: [`Reply rows up to ${eventRow} of "${sheetName}" already taken in`], keys: [] };

  const tz = timeZoneOf(ss);
  const { settings } = loadSettings(ss, tz);
  const allocations = readSheet(ss, SHEET.allocations, ALLOCATION_HEADERS);
  const notices = readSheet(ss, SHEET.notices, NOTICE_HEADERS);
  const apps = readSheet(ss, SHEET.applications, APPLICATION_HEADERS);
  const a = allocations.cols;
  const n = notices.cols;
  const day = (d: Date) => Utilities.formatDate(d, tz, 'yyyy-MM-dd');
  const now = new Date();

  const rowOf = (offer: ReplyOffer) =>
    allocations.rows.findIndex(
      (r) => text(r[a['Application ID']]) === offer.applicationId && text(r[a['Excursion ID']]) === offer.excursionId,
    );
  /** The revision of the row's offer and whether it was a promotion; null when no offer was sent. */
  const currentOffer = (offer: ReplyOffer) => {
    let found: { revision: number; promoted: boolean } | null = null;
    for (const r of notices.rows) {
      const type = text(r[n.Type]);
      if (!OFFER_NOTICES.has(type) || text(r[n.Status]) !== 'Sent') continue;
      if (text(r[n['Application ID']]) !== offer.applicationId || text(r[n['Excursion ID']]) !== offer.excursionId)
        continue;
      found = { revision: keyRevision(text(r[n['Notice Key']])), promoted: type === 'promoted' };
    }
    return found;
  };
  const emailOf = (applicationId: string) => {
    const r = apps.rows.find((row) => text(row[apps.cols['Application ID']]) === applicationId);
    return r ? text(r[apps.cols.Email]) : '';
  };

  const queued: Cell[][] = [];
  const writes: { index: number; cells: Partial<Record<(typeof ALLOCATION_HEADERS)[number], Cell>> }[] = [];
  const keys: string[] = [];
  let reallocate = false;
  // The Log speaks the staff's language (SPEC values such as Response stay as the cells hold them).
  const lang = settings.language;
  const say = (key: MessageKey, params: Record<string, MessageParam> = {}) => t(lang, key, params);
  for (const reply of replies) {
    const where = say('reply.where', { sheet: sheetName, row: reply.row });
    const refuse = (why: string) => lines.push(say('reply.refused', { where, why }));
    const read = checkReplyCode(ss, reply.code);
    if (!read.ok) {
      const code = reply.code.trim().slice(0, 80);
      refuse(
        read.problem === 'missing'
          ? say('reply.noCode')
          : say(read.problem === 'malformed' ? 'reply.malformed' : 'reply.foreign', { code }),
      );
      continue;
    }
    const offer = read.offer;
    const name = say('log.offerAt', { app: offer.applicationId, exc: offer.excursionId });
    const index = rowOf(offer);
    if (index < 0) {
      refuse(say('reply.noRow', { name }));
      continue;
    }
    const row = allocations.rows[index];
    const response = text(row[a.Response]);
    const told = text(row[a.Told]);
    const sent = currentOffer(offer);
    if (response !== '') {
      refuse(response === 'Lapsed' ? say('reply.lapsed', { name }) : say('reply.answered', { name, response }));
      continue;
    }
    if (text(row[a.Decision]) !== 'Accepted' || text(row[a.Locked]) === 'Rejected' || toldPlaces(told) === 0 || !sent) {
      const blank = say('reply.blank');
      refuse(say('reply.noOffer', { name, decision: text(row[a.Decision]) || blank, told: told || blank }));
      continue;
    }
    if (offer.revision !== sent.revision) {
      refuse(say('reply.earlier', { name, offered: offer.revision, now: sent.revision }));
      continue;
    }
    const replyBy = row[a['Reply By']];
    const answeredOn = reply.submittedAt ?? now;
    if (isDateCell(replyBy) && day(answeredOn) > day(replyBy)) {
      refuse(say('reply.late', { name, replyBy: day(replyBy), answeredOn: day(answeredOn) }));
      continue;
    }
    const answer =
      reply.answer === REPLY_ANSWERS[0] ? 'Confirmed' : reply.answer === REPLY_ANSWERS[1] ? 'Declined' : '';
    if (!answer) {
      refuse(
        say('reply.badAnswer', { answer: reply.answer.slice(0, 40), yes: REPLY_ANSWERS[0], no: REPLY_ANSWERS[1] }),
      );
      continue;
    }
    const delegates = answer === 'Confirmed' ? delegateLines(reply.delegates) : [];
    const cells = { Response: answer, 'Delegates Named': asText(delegates.join('\n')), 'Updated At': now };
    writes.push({ index, cells });
    // Seen at once by a later reply of this batch (it finds the offer answered); written below.
    allocations.rows[index][a.Response] = answer;
    if (answer === 'Declined' || sent.promoted) reallocate = true;
    const base = `reply:${offer.applicationId}:${offer.excursionId}`;
    // This batch's notices count too: a second reply to the same offer finds the first one's pending.
    const family = [...notices.rows, ...queued]
      .map((r) => ({ key: text(r[n['Notice Key']]).replace(/^'/, ''), status: text(r[n.Status]) }))
      .filter((k) => k.key === base || k.key.startsWith(`${base}#`));
    const pendingAlready = family.some((k) => k.status === 'Queued' || k.status === 'Failed');
    let noticeLine = say('reply.pending');
    // Pending from a run that failed after queueing it: sent now with the rest.
    for (const k of family) if (k.status === 'Queued' || k.status === 'Failed') keys.push(k.key);
    if (!pendingAlready) {
      // Nothing of the family is pending here, so nextKey gives a key.
      const key = nextKey(
        family.map((k) => [k.key, k.status] as const),
        base,
      ) as string;
      const notice: Cell[] = new Array(notices.width).fill('');
      notice[n['Notice Key']] = asText(key);
      notice[n['Application ID']] = asText(offer.applicationId);
      notice[n['Excursion ID']] = asText(offer.excursionId);
      notice[n.Type] = REPLY_NOTICE;
      notice[n.To] = asText(emailOf(offer.applicationId));
      notice[n.Status] = sendAtOnce ? 'Sending' : 'Queued';
      if (sendAtOnce) markedSending(ss).add(key);
      queued.push(notice);
      keys.push(key);
      noticeLine = say('reply.queued', { key });
    }
    const taken = { where, name, answer: vocabularyLabel(lang, answer), notice: noticeLine, count: delegates.length };
    lines.push(say(answer === 'Confirmed' ? 'reply.takenNamed' : 'reply.taken', taken));
  }

  // Notices before answers: a run that fails between them leaves the reply valid and its notice
  // pending, so the next run writes the answer and queues nothing twice (the key rule). The other
  // way round, the answer would stand without the acknowledgement, and a retry would find the offer
  // answered and refuse it.
  appendRows(notices, queued);
  for (const w of writes) {
    allocations.rows[w.index][a.Response] = '';
    writeRowCells(allocations, w.index, w.cells);
  }
  // A property is kept the moment it is set, a sheet write only once flushed: the mark of progress
  // never runs ahead of the cells it stands for (a run killed in between takes the rows in again,
  // and finds them answered).
  SpreadsheetApp.flush();
  props.setProperty(takenKey, String(replies[replies.length - 1].row));

  if (reallocate && settings.autoReallocate) {
    try {
      const plan = planAllocation(ss, settings.language);
      const count = plan.apply();
      lines.push(say('reply.reallocated', { count }));
    } catch (e) {
      const why = isStaffError(e) ? t(lang, e.key, e.params) : describeError(e);
      lines.push(say('reply.notReallocated', { why }));
    }
  }
  return { lines, keys };
}
