/**
 * How every menu action runs: in the staff's language, under the script lock, with any failure
 * shown as a message (never a stack trace) and written to Log.
 */
import { describeError, isStaffError } from '../core/errors';
import { type Language, t } from '../core/i18n';
import { escapeHtml } from '../core/text';
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
 * Runs a menu action. Returns its result, or the message staff were shown when it could not run or
 * failed (the sidebar shows it too); never throws (a failure of Apps Script itself is logged and
 * shown as a message as well).
 */
export function runAction<T>(action: string, body: (ctx: ActionContext) => T): T | string | undefined {
  let ss: Spreadsheet | null = null;
  let lang: Language = 'en';
  let ui: GoogleAppsScript.Base.Ui | null = null;
  let lock: GoogleAppsScript.Lock.Lock | null = null;
  try {
    ss = SpreadsheetApp.getActiveSpreadsheet();
    lang = staffLanguage(ss);
    ui = SpreadsheetApp.getUi();
    lock = LockService.getScriptLock();
    if (!lock.tryLock(LOCK_WAIT_MS)) {
      lock = null;
      writeLog(ss, action, 'Not run: another action held the lock');
      ui.alert(t(lang, 'app.title'), t(lang, 'error.busy'), ui.ButtonSet.OK);
      return t(lang, 'error.busy');
    }
    return body({ ss, lang, ui });
  } catch (e) {
    const message = isStaffError(e)
      ? t(lang, e.key, e.params)
      : t(lang, 'error.generic', { message: describeError(e) });
    writeLog(ss, action, `Stopped: ${isStaffError(e) ? message : describeError(e)}`);
    try {
      ui?.alert(t(lang, 'error.title'), message, ui.ButtonSet.OK);
    } catch (_e) {
      console.log(`${action}: ${message}`);
    }
    return message;
  } finally {
    try {
      lock?.releaseLock();
    } catch (_e) {
      // The lock ends with the execution anyway.
    }
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
