/** The Notices sheet: queueing notices, each under the key that tells it once. */

import { KeyFamilies } from '../core/notice-keys';
import { asText } from '../core/text';
import { NOTICE_HEADERS, type NoticeType, SHEET } from '../core/vocabulary';
import { memo } from './execution';
import { appendRows, readSheet, type Spreadsheet, text } from './sheets';

export interface QueuedNotice {
  type: NoticeType;
  applicationId: string;
  excursionId?: string;
  to: string;
  /** The key to queue it under; its base key (`noticeKey`) when not given. */
  key?: string;
}

/** `type:applicationId[:excursionId]` (SPEC section 7): the base key, before any `#n`. */
export function noticeKey(n: Pick<QueuedNotice, 'type' | 'applicationId' | 'excursionId'>): string {
  return n.excursionId ? `${n.type}:${n.applicationId}:${n.excursionId}` : `${n.type}:${n.applicationId}`;
}

/**
 * Appends notices as `Queued` in one write, through the Notices table of this execution (read
 * once: the sending that follows a submission, or allocation's key check, uses the same read).
 * Keys are new by construction (a new application id, or a key from `missingNotices`).
 */
export function queueNotices(
  ss: Spreadsheet,
  notices: readonly QueuedNotice[],
  /** Keys this run sends at once: queued as `Sending` (markedSending), before the sending lease's flush. */
  sendingNow?: ReadonlySet<string>,
): void {
  if (notices.length === 0) return;
  // Appending needs the header and the number of rows, no cell below them.
  const known = readSheet(ss, SHEET.notices, NOTICE_HEADERS, []);
  const lastColumn = known.width;
  const cols = known.cols;
  const col = (h: (typeof NOTICE_HEADERS)[number]) => cols[h];
  const rows = notices.map((n) => {
    const row: string[] = new Array(lastColumn).fill('');
    const key = n.key ?? noticeKey(n);
    row[col('Notice Key')] = asText(key);
    row[col('Application ID')] = asText(n.applicationId);
    row[col('Excursion ID')] = asText(n.excursionId ?? '');
    row[col('Type')] = n.type;
    row[col('To')] = asText(n.to);
    row[col('Status')] = sendingNow?.has(key) ? 'Sending' : 'Queued';
    if (sendingNow?.has(key)) markedSending(ss).add(key);
    return row;
  });
  appendRows(known, rows);
}

/**
 * The keys this execution queued as `Sending` to send at once (a submission's confirmation, a
 * reply's acknowledgement: queueNotices and replies.ts). Written before the
 * sending lease's flush, that mark is durable before the mail with no flush of its own, and a run
 * without document properties (an add-on's hourly run) sees it and never sends the row.
 */
export function markedSending(ss: Spreadsheet): Set<string> {
  return memo(ss, 'markedSending', () => new Set<string>());
}

/** Intake's notices answer one submission: told once for ever, whatever became of the first. */
const ONCE_PER_APPLICATION: readonly NoticeType[] = ['received', 'incomplete', 'late', 'ineligible'];

/**
 * Of `notices`, those to queue, each with its key (one read of the sheet). An intake notice is
 * queued only when its key is not in the sheet yet. Any other notice tells news about a row (its
 * callers pass one only when what the applicant was told changed), so it is queued under the next
 * free `#n` of its key, unless one of its family is still Queued or Failed (`nextKey`): then that
 * one, merged when it is sent, tells the same news.
 */
export function missingNotices(ss: Spreadsheet, notices: readonly QueuedNotice[]): QueuedNotice[] {
  if (notices.length === 0) return [];
  const table = readSheet(ss, SHEET.notices, ['Notice Key', 'Status'], ['Notice Key', 'Status']);
  const keyCol = table.cols['Notice Key'];
  const statusCol = table.cols.Status;
  const existing = table.rows.map((r): [string, string] => [text(r[keyCol]), text(r[statusCol])]);
  const keys = new Set(existing.map(([k]) => k));
  // Two notices of one family in one call: the second waits on the first (next records it Queued).
  const families = new KeyFamilies(existing);
  const out: QueuedNotice[] = [];
  for (const n of notices) {
    const base = noticeKey(n);
    if (ONCE_PER_APPLICATION.includes(n.type)) {
      if (!keys.has(base)) out.push(n);
      continue;
    }
    const key = families.next(base);
    if (key === null) continue;
    out.push({ ...n, key });
  }
  return out;
}
