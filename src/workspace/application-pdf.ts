/**
 * The application to sign and stamp, attached to its `received` notice (setting
 * `attachApplicationPdf`): every answer as the municipality gave it, read from the application
 * form's response sheet (found by its form, never by name), laid out by core/application-pdf.ts and
 * converted to PDF through a Blob, so no Drive file is made and no Drive scope is needed
 * (https://developers.google.com/apps-script/reference/base/blob#getAs(String): "For most blobs,
 * 'application/pdf' is the only valid option").
 */
import { type Answer, applicationHtml } from '../core/application-pdf';
import type { Language } from '../core/i18n';
import { proseDay } from '../core/letter-words';
import type { Settings } from '../core/settings';
import { APPLICATION_HEADERS, QUESTION, SHEET } from '../core/vocabulary';
import { timeZoneOf } from './execution';
import { findForm } from './form';
import { findResponseSheet } from './intake';
import { type Cell, isDateCell, loadRows, readSheet, type Spreadsheet, text } from './sheets';

/** The response row an Application ID was given for (intake numbers them `APP-<row - 1>`, `-n` after a clash). */
function responseRowOf(applicationId: string): number | null {
  const m = /^APP-(\d+)(?:-\d+)?$/.exec(applicationId.trim());
  return m ? Number(m[1]) + 1 : null;
}

/**
 * A maker of the PDF of each application, reading the sheets once (on its first use) for all of a
 * run's notices. An application the sheets do not hold gets no PDF (null): its letter still goes.
 */
export function applicationPdfMaker(
  ss: Spreadsheet,
  settings: Settings,
  lang: Language,
  /** The applications the run may attach: their response rows are read in one block, at once. */
  ids: readonly string[],
): (applicationId: string) => GoogleAppsScript.Base.Blob | null {
  const tz = timeZoneOf(ss);
  // The ids, then the whole rows of the applications a run attaches (sheets.ts loadRows; the
  // sending has them loaded already): a submission's confirmation reads no other application.
  const apps = readSheet(ss, SHEET.applications, APPLICATION_HEADERS, ['Application ID']);
  const a = apps.cols;
  const indexOf = new Map(apps.rows.map((r, i) => [text(r[a['Application ID']]), i]));
  const form = findForm(ss);
  const title = form ? form.getTitle() : '';
  const sheet = form ? findResponseSheet(ss, form) : null;
  // The response sheet's header, then one block from the first to the last row the run attaches
  // (a submission's confirmation: one row), never the whole sheet, and no read per notice.
  const width = sheet ? sheet.getLastColumn() : 0;
  const header =
    sheet && width > 0
      ? sheet
          .getRange(1, 1, 1, width)
          .getValues()[0]
          .map((h) => text(h))
      : [];
  const asked = header.indexOf(QUESTION.municipality);
  const last = sheet && width > 0 ? sheet.getLastRow() : 0;
  const wanted = ids.map(responseRowOf).filter((r): r is number => r !== null && r >= 2 && r <= last);
  const first = wanted.length > 0 ? Math.min(...wanted) : 0;
  const block: Cell[][] =
    sheet && wanted.length > 0
      ? (sheet.getRange(first, 1, Math.max(...wanted) - first + 1, width).getValues() as Cell[][])
      : [];
  const responseAt = (row: number): Cell[] | undefined => (row >= first ? block[row - first] : undefined);
  const when = (d: Cell) => {
    if (!isDateCell(d)) return text(d);
    const [year, month, day] = Utilities.formatDate(d, tz, 'yyyy-MM-dd').split('-').map(Number);
    return `${proseDay(lang, { year, month, day })}, ${Utilities.formatDate(d, tz, 'HH:mm')}`;
  };
  return (applicationId) => {
    const index = indexOf.get(applicationId);
    if (index === undefined) return null;
    loadRows(apps, [index]);
    const app = apps.rows[index];
    const entered = text(app[a['Municipality (as entered)']]);
    const row = responseRowOf(applicationId);
    const response = row !== null ? responseAt(row) : undefined;
    let answers: Answer[];
    if (response && asked >= 0 && text(response[asked]).trim() === entered.trim()) {
      // The form's own columns after its Timestamp: the questions as asked, the answers as given.
      answers = header.slice(1).map((question, i) => ({ question, answer: when(response[i + 1]) }));
    } else {
      // The response sheet no longer holds it (staff moved or cleared rows): the Applications row as taken in.
      const columns = APPLICATION_HEADERS.filter((h) => !['Application ID', 'Submitted At'].includes(h)).slice(0, 13);
      answers = columns.map((h) => ({ question: h, answer: text(app[a[h]]) }));
    }
    const html = applicationHtml(lang, {
      title,
      applicationId,
      municipality: text(app[a.Municipality]) || entered,
      submittedAt: when(app[a['Submitted At']]),
      answers,
      senderName: settings.senderName,
    });
    return Utilities.newBlob(html, 'text/html', `${applicationId}.html`).getAs('application/pdf');
  };
}
