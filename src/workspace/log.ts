/** The Log sheet: who did what, when. Writing a log row never throws (it must not hide the real error). */
import { describeError } from '../core/errors';
import { LOG_HEADERS, SHEET } from '../core/vocabulary';
import { lookUpSheet, memo } from './execution';
import { appendBlock } from './sheets';

/** The e-mail of the user running the action, '' where Apps Script does not reveal it. */
export function currentUser(): string {
  try {
    return Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail() || '';
  } catch (_e) {
    return '';
  }
}

/** Appends rows to Log (At, User, Action, Details), found by header; falls back to console. */
export function writeLog(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet | null,
  action: string,
  details: string | string[],
): void {
  const lines = Array.isArray(details) ? details : [details];
  try {
    const sheet = ss ? lookUpSheet(ss, SHEET.log) : null;
    if (!ss || !sheet) throw new Error('no Log sheet');
    // The header row, once per execution: staff may have moved the columns.
    const { width, at } = memo(ss, 'logHeader', () => {
      const w = Math.max(sheet.getLastColumn(), LOG_HEADERS.length);
      const header = sheet
        .getRange(1, 1, 1, w)
        .getValues()[0]
        .map((h) => String(h).trim());
      return { width: w, at: LOG_HEADERS.map((h) => header.indexOf(h)) };
    });
    if (at.some((c) => c < 0)) throw new Error('Log has lost a header');
    const user = currentUser();
    const now = new Date();
    const rows = lines.map((line) => {
      const row: (string | Date)[] = new Array(width).fill('');
      row[at[0]] = now;
      row[at[1]] = user;
      row[at[2]] = action;
      // A leading apostrophe keeps details that begin with = + - @ as text.
      row[at[3]] = `'${line.slice(0, 49000)}`;
      return row;
    });
    appendBlock(sheet, rows.length > 1 ? sheet.getLastRow() + 1 : 0, rows, false);
  } catch (e) {
    console.log(`[Log unavailable: ${describeError(e)}] ${action}: ${lines.join(' | ')}`);
  }
}
