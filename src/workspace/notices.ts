/** The Notices sheet: queueing notices (sending comes with the Notices work). */

import { asText } from '../core/text';
import { NOTICE_HEADERS, type NoticeType, SHEET } from '../core/vocabulary';
import { appendRows, readSheet, type Spreadsheet } from './sheets';

export interface QueuedNotice {
  type: NoticeType;
  applicationId: string;
  excursionId?: string;
  to: string;
  /** The key to queue it under; its base key (`noticeKey`) when not given. */
  key?: string;
}

/** `type:applicationId[:excursionId]` (SPEC section 7). */
export function noticeKey(n: Pick<QueuedNotice, 'type' | 'applicationId' | 'excursionId'>): string {
  return n.excursionId ? `${n.type}:${n.applicationId}:${n.excursionId}` : `${n.type}:${n.applicationId}`;
}

/**
 * Appends notices as `Queued` in one write, through the Notices table of this execution (read
 * once: the sending that follows a submission, or allocation's key check, uses the same read).
 * Keys are new by construction (a new application id, or a decision that changed).
 */
export function queueNotices(ss: Spreadsheet, notices: readonly QueuedNotice[]): void {
  if (notices.length === 0) return;
  const known = readSheet(ss, SHEET.notices, NOTICE_HEADERS);
  const lastColumn = known.width;
  const cols = known.cols;
  const col = (h: (typeof NOTICE_HEADERS)[number]) => cols[h];
  const rows = notices.map((n) => {
    const row: string[] = new Array(lastColumn).fill('');
    row[col('Notice Key')] = asText(n.key ?? noticeKey(n));
    row[col('Application ID')] = asText(n.applicationId);
    row[col('Excursion ID')] = asText(n.excursionId ?? '');
    row[col('Type')] = n.type;
    row[col('To')] = asText(n.to);
    row[col('Status')] = 'Queued';
    return row;
  });
  appendRows(known, rows);
}

/** Of `notices`, those whose key is not in the Notices sheet yet (one read of the sheet). */
export function missingNotices(ss: Spreadsheet, notices: readonly QueuedNotice[]): QueuedNotice[] {
  if (notices.length === 0) return [];
  const table = readSheet(ss, SHEET.notices, ['Notice Key']);
  const keyCol = table.cols['Notice Key'];
  const keys = new Set(table.rows.map((r) => String(r[keyCol]).trim()));
  return notices.filter((n) => !keys.has(noticeKey(n)));
}
