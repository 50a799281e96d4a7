/** The Notices sheet: queueing notices (sending comes with the Notices work). */

import { findColumns } from '../core/table';
import { asText } from '../core/text';
import { NOTICE_HEADERS, type NoticeType, SHEET } from '../core/vocabulary';
import { cachedData } from './execution';
import { appendBlock, appendRows, readSheet, requireSheet, type Spreadsheet } from './sheets';

export interface QueuedNotice {
  type: NoticeType;
  applicationId: string;
  excursionId?: string;
  to: string;
}

/** `type:applicationId[:excursionId]` (SPEC section 7). */
export function noticeKey(n: Pick<QueuedNotice, 'type' | 'applicationId' | 'excursionId'>): string {
  return n.excursionId ? `${n.type}:${n.applicationId}:${n.excursionId}` : `${n.type}:${n.applicationId}`;
}

/**
 * Appends notices as `Queued` in one write, reading only the header row, so the cost does not
 * depend on how many notices the sheet already holds. Keys are new by construction (a new
 * application id, or a decision that changed), so the sheet is not searched.
 */
export function queueNotices(ss: Spreadsheet, notices: readonly QueuedNotice[]): void {
  if (notices.length === 0) return;
  const sheet = requireSheet(ss, SHEET.notices);
  // Already read in this execution (allocation looked for the keys): append through the table.
  const known = cachedData(ss, SHEET.notices) ? readSheet(ss, SHEET.notices, NOTICE_HEADERS) : null;
  const lastColumn = known ? known.width : Math.max(sheet.getLastColumn(), NOTICE_HEADERS.length);
  const header = known
    ? known.header
    : sheet
        .getRange(1, 1, 1, lastColumn)
        .getValues()[0]
        .map((h) => String(h).trim());
  const cols = findColumns(SHEET.notices, header, NOTICE_HEADERS);
  const col = (h: (typeof NOTICE_HEADERS)[number]) => cols[h];
  const rows = notices.map((n) => {
    const row: string[] = new Array(lastColumn).fill('');
    row[col('Notice Key')] = asText(noticeKey(n));
    row[col('Application ID')] = asText(n.applicationId);
    row[col('Excursion ID')] = asText(n.excursionId ?? '');
    row[col('Type')] = n.type;
    row[col('To')] = asText(n.to);
    row[col('Status')] = 'Queued';
    return row;
  });
  if (known) appendRows(known, rows);
  else appendBlock(sheet, sheet.getLastRow() + 1, rows);
}

/** Of `notices`, those whose key is not in the Notices sheet yet (one read of the sheet). */
export function missingNotices(ss: Spreadsheet, notices: readonly QueuedNotice[]): QueuedNotice[] {
  if (notices.length === 0) return [];
  const table = readSheet(ss, SHEET.notices, ['Notice Key']);
  const keyCol = table.cols['Notice Key'];
  const keys = new Set(table.rows.map((r) => String(r[keyCol]).trim()));
  return notices.filter((n) => !keys.has(noticeKey(n)));
}
