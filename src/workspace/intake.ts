/**
 * The form-submit trigger's work (SPEC section 4): one checked Applications row per answer, the
 * earlier one of the same municipality marked Duplicate, the notice that fits its Status queued.
 *
 * Answers are taken in order of their row in the form's response sheet ("Form Responses 1" in an
 * English account, named in the owner's language otherwise, so it is found by its form and never
 * by name; its first column is the Timestamp Forms writes), and the last row taken in is
 * remembered: a submission whose trigger could not run (the lock was busy, a quota, an outage) is
 * taken in by the next one, so no answer is lost and none is taken twice. Each sheet is read
 * once per run and written in one block, so the cost does not depend on the sheets' size.
 */
import { describeError } from '../core/errors';
import { t } from '../core/i18n';
import {
  type ApplicationDraft,
  applicationIdFor,
  findReplaced,
  formatPreferences,
  type IntakeNotice,
  intakeNotice,
  type NamedValues,
  readAnswer,
} from '../core/intake';
import { MunicipalityMatcher, municipalityKey } from '../core/municipalities';
import { asText } from '../core/text';
import { APPLICATION_HEADERS, SHEET } from '../core/vocabulary';
import { openExcursions, readExcursions } from './excursions';
import { timeZoneOf } from './execution';
import { findForm } from './form';
import { FORM_SHEETS_PROPERTY, rememberedSheetUrls, rememberSheetUrl } from './form-sheets';
import { loadMunicipalities } from './municipality-cache';
import { missingNotices, noticeKey, type QueuedNotice, queueNotices } from './notices';
import { loadSettings } from './settings';
import {
  appendRows,
  type Cell,
  isDateCell,
  loadCells,
  readSheet,
  rowFrom,
  type Spreadsheet,
  text,
  writeRowCells,
} from './sheets';

const TAKEN_PROPERTY = 'excursionDesk.responsesTakenUpTo';

/** One answer to take in: its named values, time and row in the form's response sheet. */
export interface PendingAnswer {
  namedValues: NamedValues;
  submittedAt: Date;
  responseRow: number;
  /** The response sheet's name as it is now (staff may rename it), for the Log. */
  sheetName: string;
}

export interface TakenIn {
  responseRow: number;
  sheetName: string;
  applicationId: string;
  notice: IntakeNotice;
  status: string;
  replaced: string[];
}

/** The last response row already taken in (1 = only the header). */
export function takenUpTo(): number {
  return Number(PropertiesService.getDocumentProperties().getProperty(TAKEN_PROPERTY) ?? '1') || 1;
}

/**
 * The sheet `form` writes its answers to, found by its form (Sheet.getFormUrl) and never by name:
 * Sheets names it in the owner's language, and staff may rename it. Null when there is none.
 */
export function findResponseSheet(
  ss: Spreadsheet,
  form: GoogleAppsScript.Forms.Form,
): GoogleAppsScript.Spreadsheet.Sheet | null {
  const formId = form.getId();
  const props = documentPropertiesOrNull();
  const known = rememberedSheetUrls(props?.getProperty(FORM_SHEETS_PROPERTY));
  const sheets = ss.getSheets();
  const remembered = known[formId];
  if (remembered) {
    // The URL this form's sheet gave when the form was last compared by id (form-sheets.ts).
    const sheet = sheets.find((s) => s.getFormUrl() === remembered);
    if (sheet) return sheet;
  }
  for (const sheet of sheets) {
    const url = sheet.getFormUrl();
    if (!url) continue;
    try {
      // The URL Sheets gives is not the form's published URL: compare the forms themselves.
      if (FormApp.openByUrl(url).getId() === formId) {
        rememberSheetUrl(props, known, formId, url);
        return sheet;
      }
    } catch (_e) {
      // A form that was deleted: its old sheet is not the one.
    }
  }
  return null;
}

/** The document's properties, or null in a run that has none (an add-on's time-driven run). */
function documentPropertiesOrNull(): GoogleAppsScript.Properties.Properties | null {
  try {
    return PropertiesService.getDocumentProperties();
  } catch (_e) {
    return null;
  }
}

/**
 * A blank form-submit event: sometimes delivered seconds after the real one, with every answer
 * empty (public reports, e.g. markfguerra/google-forms-to-slack issues 6 and 7). Forms writes the
 * Timestamp first, so only the other values count.
 */
export function isBlankSubmission(e: GoogleAppsScript.Events.SheetsOnFormSubmit | null | undefined): boolean {
  if (!e) return true;
  const blank = (v: unknown) => v === undefined || v === null || String(v).trim() === '';
  if (Array.isArray(e.values) && e.values.length > 0) return e.values.slice(1).every(blank);
  const answers = Object.values(e.namedValues ?? {}).flat();
  return answers.filter((v) => !blank(v)).length <= 1;
}

/**
 * The answers of the form's response sheet not yet taken in, up to the event's row; the answer of
 * the event itself comes from its named values, earlier missed ones from the sheet (one read).
 */
export function pendingAnswers(
  ss: Spreadsheet,
  submitted: { event: GoogleAppsScript.Events.SheetsOnFormSubmit; row: number } | null,
): PendingAnswer[] {
  const from = takenUpTo() + 1;
  const e = submitted?.event ?? null;
  const eventRow = submitted?.row ?? 0;
  if (e && eventRow === Math.max(from, 2)) {
    // The usual case: only this answer is new, and the event carries it (one read for its time).
    const ts = e.range.getValues()[0][0];
    return [
      {
        namedValues: e.namedValues,
        submittedAt: isDateCell(ts) ? ts : new Date(),
        responseRow: eventRow,
        sheetName: e.range.getSheet().getName(),
      },
    ];
  }
  let sheet: GoogleAppsScript.Spreadsheet.Sheet | null = null;
  if (e) sheet = e.range.getSheet();
  else {
    const form = findForm(ss);
    sheet = form ? findResponseSheet(ss, form) : null;
  }
  if (!sheet) return [];
  const sheetName = sheet.getName();
  const until = e ? eventRow : sheet.getLastRow();
  if (until < from) return [];
  const width = sheet.getLastColumn();
  const block = sheet.getRange(1, 1, until, width).getValues();
  const header = block[0].map((h) => String(h));
  const out: PendingAnswer[] = [];
  for (let row = Math.max(from, 2); row <= until; row++) {
    const values = block[row - 1];
    if (values.every((v) => v === '')) continue;
    const named: Record<string, string[]> = {};
    header.forEach((h, c) => {
      if (h !== '') named[h] = [isDateCell(values[c]) ? '' : String(values[c])];
    });
    const ts = values[0];
    out.push({
      namedValues: e && row === eventRow ? e.namedValues : named,
      submittedAt: isDateCell(ts) ? ts : new Date(),
      responseRow: row,
      sheetName,
    });
  }
  return out;
}

/**
 * Takes in the answers: one Applications row each, duplicates marked, notices queued. With
 * `markNow` false the mark of progress is left to the caller (markTakenIn), after a flush it makes
 * anyway: a submission's sending lease flushes, so its own flush here would cost 0.6 s for nothing.
 */
export function takeIn(
  ss: Spreadsheet,
  answers: readonly PendingAnswer[],
  markNow = true,
  /** The run sends their notices at once: queued as `Sending` (notices.ts, markedSending). */
  sendAtOnce = false,
): TakenIn[] {
  if (answers.length === 0) return [];
  const tz = timeZoneOf(ss);
  const { settings } = loadSettings(ss, tz);
  const { excursions } = readExcursions(ss);
  const matcher = new MunicipalityMatcher(loadMunicipalities(ss));
  const ctx = {
    matcher,
    excursions: openExcursions(excursions),
    deadline: settings.applicationDeadline,
    minEnglishLevel: settings.minEnglishLevel,
    language: settings.language,
    formatDate: (d: Date) => Utilities.formatDate(d, tz, 'd. M. yyyy'),
  };

  // Only the columns duplicate detection and ids use (sheets.ts, column-limited reads); the Issues
  // of an application a new one replaces are read with its row, when it comes to that.
  const apps = readSheet(ss, SHEET.applications, APPLICATION_HEADERS, [
    'Application ID',
    'Submitted At',
    'Municipality',
    'Status',
  ]);
  const c = apps.cols;
  /** Every application, the sheet's and this run's, as duplicate detection and ids need them. */
  const known = apps.rows
    .map((r, index) => ({
      index,
      row: null as Cell[] | null,
      id: text(r[c['Application ID']]),
      submittedAt: r[c['Submitted At']],
      municipalityKey: municipalityKey(text(r[c.Municipality])),
      status: text(r[c.Status]),
      issues: undefined as string | undefined,
      dirty: false,
    }))
    .filter((a) => a.id !== '');
  const ids = new Set(known.map((a) => a.id));
  const newRows: Cell[][] = [];
  const notices: QueuedNotice[] = [];
  const taken: TakenIn[] = [];
  const recovered: QueuedNotice[] = [];

  for (const answer of answers) {
    const draft: ApplicationDraft = readAnswer(answer.namedValues, answer.submittedAt, ctx);
    const plainId = applicationIdFor(answer.responseRow, new Set());
    const already = known.find(
      (a) => a.id === plainId && isDateCell(a.submittedAt) && a.submittedAt.getTime() === answer.submittedAt.getTime(),
    );
    if (already) {
      // Taken in by a run that stopped before it could note so: make sure its notice is queued.
      recovered.push({ type: intakeNotice(draft.status), applicationId: already.id, to: draft.email });
      continue;
    }
    const id = applicationIdFor(answer.responseRow, ids);
    ids.add(id);
    const replaced = findReplaced(draft, known);
    if (replaced.length > 0)
      draft.issues.push(t(settings.language, 'issue.duplicateNewer', { ids: replaced.map((r) => r.id).join(', ') }));
    for (const old of replaced) {
      const prior = known.find((a) => a.id === old.id)!;
      const note = t(settings.language, 'issue.duplicateOlder', { id });
      prior.status = 'Duplicate';
      if (prior.issues === undefined) {
        loadCells(apps, [prior.index], ['Issues']);
        prior.issues = text(apps.rows[prior.index][c.Issues]);
      }
      prior.issues = prior.issues ? `${prior.issues}\n${note}` : note;
      if (prior.row) {
        prior.row[c.Status] = prior.status;
        prior.row[c.Issues] = asText(prior.issues);
      } else prior.dirty = true;
    }
    const row = rowFrom(apps, {
      'Application ID': id,
      'Submitted At': answer.submittedAt,
      Municipality: asText(draft.municipality),
      'Municipality (as entered)': asText(draft.municipalityAsEntered),
      Region: asText(draft.region),
      Population: draft.population,
      'Contact Name': asText(draft.contactName),
      Email: asText(draft.email),
      'English Level': asText(draft.englishLevel),
      Areas: asText(draft.areas.join('\n')),
      Solutions: asText(draft.solutions.join('\n')),
      Preferences: asText(formatPreferences(draft.preferences)),
      Delegates: draft.delegates,
      Motivation: asText(draft.motivation),
      'Shares Knowledge': asText(draft.sharesKnowledge),
      'Signed Form Received': false,
      Status: draft.status,
      Issues: asText(draft.issues.join('\n')),
    });
    newRows.push(row);
    known.push({
      index: -1,
      row,
      id,
      submittedAt: answer.submittedAt,
      municipalityKey: draft.municipalityKey,
      status: draft.status,
      issues: draft.issues.join('\n'),
      dirty: false,
    });
    notices.push({ type: intakeNotice(draft.status), applicationId: id, to: draft.email });
    taken.push({
      responseRow: answer.responseRow,
      sheetName: answer.sheetName,
      applicationId: id,
      notice: intakeNotice(draft.status),
      status: draft.status,
      replaced: replaced.map((r) => r.id),
    });
  }

  // Order matters for a run that stops part-way (a fault, or a strict validation rule refusing a
  // value): earlier rows marked Duplicate, then the new rows, then notices, then the mark of
  // progress. A re-run recognises what is already written (a Duplicate is not replaced twice, a row
  // already there gets only its notice), so nothing is half-taken-in.
  namingTheSheet(SHEET.applications, () => {
    for (const prior of known) {
      if (prior.dirty) writeRowCells(apps, prior.index, { Status: prior.status, Issues: asText(prior.issues ?? '') });
    }
    appendRows(apps, newRows);
  });
  queueNotices(
    ss,
    [...missingNotices(ss, recovered), ...notices],
    sendAtOnce ? new Set(notices.map((n) => noticeKey(n))) : undefined,
  );
  if (markNow) markTakenIn(answers, false);
  return taken;
}

/**
 * Sets the mark of progress past `answers`. A property is kept the moment it is set, a sheet write
 * only once flushed: a run killed between the two must not leave the mark ahead of rows that were
 * never applied (test/e2e/kills.test.ts loses an answer without it). So it flushes first, unless
 * the caller says a flush came after takeIn's writes (`flushed`). A run killed before the mark
 * loses nothing: the next one finds the rows already there and takes none twice.
 */
export function markTakenIn(answers: readonly PendingAnswer[], flushed: boolean): void {
  if (answers.length === 0) return;
  if (!flushed) SpreadsheetApp.flush();
  PropertiesService.getDocumentProperties().setProperty(
    TAKEN_PROPERTY,
    String(answers[answers.length - 1].responseRow),
  );
}

/**
 * Runs `write`; a refusal by a strict data-validation rule names only the cell ("cell Q2"), so the
 * error gets the sheet's name in front: the Log line would otherwise seem to speak of the response
 * sheet.
 */
function namingTheSheet(sheetName: string, write: () => void): void {
  try {
    write();
  } catch (e) {
    const message = describeError(e);
    if (!/violates the data validation rules/.test(message)) throw e;
    throw new Error(`Sheet "${sheetName}": ${message}`);
  }
}
