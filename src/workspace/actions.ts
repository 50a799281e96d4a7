/**
 * How every menu action runs: in the staff's language, under the document lock (one customer's
 * action never waits on another spreadsheet's: the script lock would be one for every document
 * that installed the add-on), with any failure shown as a message (never a stack trace) and
 * written to Log.
 */
import { describeError, isStaffError } from '../core/errors';
import { type Language, type MessageKey, t } from '../core/i18n';
import { escapeHtml } from '../core/text';
import { openExecution, type Rollback, rollBack } from './execution';
import { staffLanguage } from './language';
import { writeLog } from './log';
import type { Spreadsheet } from './sheets';

export interface ActionContext {
  ss: Spreadsheet;
  lang: Language;
  ui: GoogleAppsScript.Base.Ui;
}

const LOCK_WAIT_MS = 10000;

/**
 * How an action's writes behave when it fails. `undo`: every write is journaled and put back
 * unless the action committed (scoring, allocation). `setup` and `sending`: each step stands on its
 * own (Set up repairs on a re-run; each notice's Status records its own fate), so nothing is undone
 * and the message says how to carry on.
 */
export type FailureMode = 'undo' | 'setup' | 'sending';

/**
 * Runs a menu action. Returns its result, or the message staff were shown when it could not run or
 * failed (the sidebar shows it too); never throws (a failure of Apps Script itself is logged and
 * shown as a message as well). A failure message always says what became of the sheets: unchanged,
 * restored, saved, or how to finish.
 */
export function runAction<T>(
  action: string,
  body: (ctx: ActionContext) => T,
  mode: FailureMode = 'undo',
): T | string | undefined {
  let ss: Spreadsheet | null = null;
  let lang: Language = 'en';
  let ui: GoogleAppsScript.Base.Ui | null = null;
  let lock: GoogleAppsScript.Lock.Lock | null = null;
  let close = () => {};
  try {
    ss = SpreadsheetApp.getActiveSpreadsheet();
    close = openExecution(ss, { undoable: mode === 'undo', cache: mode !== 'setup' });
    lang = staffLanguage(ss);
    ui = SpreadsheetApp.getUi();
    lock = documentLock();
    if (!lock.tryLock(LOCK_WAIT_MS)) {
      lock = null;
      writeLog(ss, action, t(lang, 'log.notRun'));
      ui.alert(t(lang, 'app.title'), t(lang, 'error.busy'), ui.ButtonSet.OK);
      return t(lang, 'error.busy');
    }
    return body({ ss, lang, ui });
  } catch (e) {
    const undone = rollBack(ss);
    const problem = isStaffError(e)
      ? t(lang, e.key, e.params)
      : t(lang, 'error.generic', { message: describeError(e) });
    const outcome = outcomeKey(mode, undone, isStaffError(e));
    const message = outcome ? `${problem}\n${t(lang, outcome)}` : problem;
    // Apps Script's execution log, read by developers (and the CLI), keeps the English account; the
    // Log sheet is the staff's and speaks their language.
    console.error(`${action} stopped: ${isStaffError(e) ? t('en', e.key, e.params) : describeError(e)}`);
    writeLog(ss, action, [
      t(lang, 'log.stopped', { problem: isStaffError(e) ? t(lang, e.key, e.params) : describeError(e) }),
      describeRollback(undone, lang),
    ]);
    try {
      ui?.alert(t(lang, 'error.title'), message, ui.ButtonSet.OK);
    } catch (_e) {
      console.log(`${action}: ${message}`);
    }
    return message;
  } finally {
    close();
    try {
      lock?.releaseLock();
    } catch (_e) {
      // The lock ends with the execution anyway.
    }
  }
}

/** The sentence that tells staff what became of the sheets (a staff error already says "nothing was written"). */
function outcomeKey(mode: FailureMode, undone: Rollback, staffError: boolean): MessageKey | null {
  if (mode === 'setup') return 'outcome.setup';
  if (mode === 'sending') return 'outcome.sending';
  switch (undone.kind) {
    case 'restored':
      return 'outcome.restored';
    case 'committed':
      return 'outcome.saved';
    case 'partial':
      return 'outcome.partial';
    default:
      return staffError ? null : 'outcome.unchanged';
  }
}

/** The Log's account of the rollback (in the staff's language, as the rest of the Log's details). */
function describeRollback(undone: Rollback, lang: Language): string {
  switch (undone.kind) {
    case 'restored':
      return t(lang, 'log.undone', { writes: undone.writes });
    case 'committed':
      return t(lang, 'log.committed');
    case 'partial':
      return t(lang, 'log.partial', { left: undone.left, problem: describeError(undone.error) });
    default:
      return t(lang, 'log.nothingWritten');
  }
}

/** A small dialog of headed lists and links (all text escaped). */
export function showReport(
  ui: GoogleAppsScript.Base.Ui,
  title: string,
  sections: { heading: string; items: string[] }[],
  links: { label: string; url: string }[] = [],
): void {
  const parts = sections
    .filter((s) => s.items.length > 0)
    .map(
      (s) => `<h3>${escapeHtml(s.heading)}</h3><ul>${s.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`,
    );
  const linkHtml = links
    .filter((l) => l.url)
    .map(
      (l) =>
        `<p>${escapeHtml(l.label)}:<br><a href="${escapeHtml(l.url)}" target="_blank">${escapeHtml(l.url)}</a></p>`,
    );
  const html = `<div style="font-family:Arial,sans-serif;font-size:13px">${parts.join('')}${linkHtml.join('')}</div>`;
  ui.showModalDialog(HtmlService.createHtmlOutput(html).setWidth(520).setHeight(420), title);
}

/** The lock of the active spreadsheet; a menu action or a spreadsheet trigger always has one. */
export function documentLock(): GoogleAppsScript.Lock.Lock {
  const lock = LockService.getDocumentLock();
  if (!lock) throw new Error('No document lock: this runs only from a spreadsheet');
  return lock;
}
