/**
 * Set up (SPEC section 1.1): creates or repairs every sheet, fills the defaults, creates the form,
 * the trigger and the templates. Running it again repairs and never duplicates or wipes: it adds
 * a missing header at the end of the row, and writes defaults only where a sheet is empty or a
 * setting is missing.
 */
import { defaultTemplate } from '../core/default-templates';
import { StaffError } from '../core/errors';
import { LANGUAGES, type Language, type MessageKey, t } from '../core/i18n';
import { bundledMunicipalities } from '../core/municipalities';
import { DEFAULT_CRITERIA, SAMPLE_EXCURSIONS, sampleExcursions } from '../core/sample';
import { settingDefinitions, templateKey } from '../core/settings';
import { columnRuns, isBlankRow, missingHeaders } from '../core/table';
import {
  ALLOCATION_HEADERS,
  APPLICATION_HEADERS,
  APPLICATION_STATUS,
  EXCURSION_HEADERS,
  EXCURSION_STATUS,
  LOCKED_VALUES,
  MANAGED_SHEETS,
  MUNICIPALITY_HEADERS,
  NOTICE_TYPES,
  REQUIRED_HEADERS,
  RESPONSE_VALUES,
  SCORING_HEADERS,
  SETTINGS_HEADERS,
  SHEET,
} from '../core/vocabulary';
import { createDriveFile, FOLDER_MIME, liveFileName, trashQuietly } from './drive-files';
import { openExcursionLabels } from './excursions';
import { createForm, destinationOf, ensurePublished, ensureSubmitTrigger, findForm, setGridRows } from './form';
import { accountLanguage } from './language';
import { clearMunicipalityCache } from './municipality-cache';
import { ensureReplyForm } from './reply-form';
import { loadSettings } from './settings';
import { appendRows, type Cell, readSheet, rowFrom, type Sheet, type Spreadsheet, writeRowCells } from './sheets';
import { createTemplateDoc, docExists } from './template-docs';

export interface SetupReport {
  created: string[];
  repaired: string[];
  unchanged: string[];
  removed: string[];
  formUrl: string;
  formEditUrl: string;
}

const PROTECTION_NOTE = 'Excursion Desk: computed by the add-on';

/** Columns the add-on computes (warning-only protection); the rest are the staff's. */
const COMPUTED: Record<string, readonly string[]> = {
  [SHEET.applications]: APPLICATION_HEADERS.filter(
    (h) => !['Signed Form Received', 'Status', 'Content Score', 'Manual Adjustment', 'Notes'].includes(h),
  ),
  // Staff may type a response, lock a decision, extend a Reply By or correct the delegates named.
  [SHEET.allocations]: ALLOCATION_HEADERS.filter(
    (h) => !['Locked', 'Response', 'Reply By', 'Delegates Named'].includes(h),
  ),
};

/** Creates the sheet or adds its missing headers at the end of row 1; freezes the header row. */
function ensureSheet(
  ss: Spreadsheet,
  existing: Map<string, Sheet>,
  name: string,
  report: SetupReport,
  lang: Language,
): Sheet {
  const required = REQUIRED_HEADERS[name] ?? [];
  let sheet = existing.get(name);
  if (!sheet) {
    sheet = ss.insertSheet(name, ss.getSheets().length);
    if (required.length > 0) {
      sheet
        .getRange(1, 1, 1, required.length)
        .setValues([[...required]])
        .setFontWeight('bold');
      sheet.setFrozenRows(1);
    }
    report.created.push(t(lang, 'setup.sheet', { name }));
    return sheet;
  }
  if (required.length === 0) return sheet;
  const width = sheet.getLastColumn();
  const header = width > 0 ? sheet.getRange(1, 1, 1, width).getValues()[0] : [];
  const missing = missingHeaders(header, required);
  if (missing.length > 0) {
    sheet
      .getRange(1, width + 1, 1, missing.length)
      .setValues([missing])
      .setFontWeight('bold');
    report.repaired.push(
      t(lang, 'setup.columns', {
        sheet: name,
        columns: missing.map((m) => `"${m}"`).join(', '),
        count: missing.length,
      }),
    );
  }
  if (sheet.getFrozenRows() < 1) sheet.setFrozenRows(1);
  return sheet;
}

/** Dropdowns on the staff vocabulary columns and a checkbox for the signed form (values untouched). */
function applyValidation(ss: Spreadsheet): void {
  const rules: [string, string, GoogleAppsScript.Spreadsheet.DataValidation][] = [
    [
      SHEET.applications,
      'Status',
      SpreadsheetApp.newDataValidation()
        .requireValueInList([...APPLICATION_STATUS], true)
        .setAllowInvalid(false)
        .build(),
    ],
    [SHEET.applications, 'Signed Form Received', SpreadsheetApp.newDataValidation().requireCheckbox().build()],
    [
      SHEET.excursions,
      'Status',
      SpreadsheetApp.newDataValidation()
        .requireValueInList([...EXCURSION_STATUS], true)
        .setAllowInvalid(false)
        .build(),
    ],
    [
      SHEET.allocations,
      'Locked',
      SpreadsheetApp.newDataValidation()
        .requireValueInList([...LOCKED_VALUES], true)
        .setAllowInvalid(false)
        .build(),
    ],
    [
      SHEET.allocations,
      'Response',
      SpreadsheetApp.newDataValidation()
        .requireValueInList([...RESPONSE_VALUES], true)
        .setAllowInvalid(false)
        .build(),
    ],
  ];
  const headers = new Map<string, { sheet: Sheet; header: string[]; rows: number }>();
  for (const [name, column, rule] of rules) {
    let info = headers.get(name);
    if (!info) {
      const sheet = ss.getSheetByName(name)!;
      info = {
        sheet,
        header: sheet
          .getRange(1, 1, 1, sheet.getLastColumn())
          .getValues()[0]
          .map((h) => String(h).trim()),
        rows: sheet.getMaxRows(),
      };
      headers.set(name, info);
    }
    const col = info.header.indexOf(column);
    if (col >= 0 && info.rows > 1) info.sheet.getRange(2, col + 1, info.rows - 1, 1).setDataValidation(rule);
  }
}

/** Warning-only protection on the computed columns (replacing the add-on's earlier ones, columns may have moved). */
function protectComputed(ss: Spreadsheet): void {
  for (const [name, computed] of Object.entries(COMPUTED)) {
    const sheet = ss.getSheetByName(name)!;
    for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
      if (p.getDescription() === PROTECTION_NOTE) p.remove();
    }
    const header = sheet
      .getRange(1, 1, 1, sheet.getLastColumn())
      .getValues()[0]
      .map((h) => String(h).trim());
    const positions = computed.map((h) => header.indexOf(h)).filter((c) => c >= 0);
    const rows = sheet.getMaxRows();
    for (const run of columnRuns(positions)) {
      sheet
        .getRange(1, run.start + 1, rows, run.columns.length)
        .protect()
        .setDescription(PROTECTION_NOTE)
        .setWarningOnly(true);
    }
  }
  const summary = ss.getSheetByName(SHEET.summary)!;
  if (
    !summary.getProtections(SpreadsheetApp.ProtectionType.SHEET).some((p) => p.getDescription() === PROTECTION_NOTE)
  ) {
    summary.protect().setDescription(PROTECTION_NOTE).setWarningOnly(true);
  }
}

/** Fills what is empty or missing: settings rows, scoring criteria, municipalities, sample excursions. */
function fillDefaults(ss: Spreadsheet, report: SetupReport, lang: Language): void {
  const settings = readSheet(ss, SHEET.settings, SETTINGS_HEADERS);
  const keys = new Set(settings.rows.map((r) => String(r[settings.cols.Key]).trim()));
  const definitions = settingDefinitions(lang);
  // A known key whose Description is blank (a pasted list of Key,Value) gets its description.
  const described = new Map(definitions.map((d) => [d.key, d.description]));
  settings.rows.forEach((r, i) => {
    const description = described.get(String(r[settings.cols.Key]).trim());
    if (description && String(r[settings.cols.Description]).trim() === '')
      writeRowCells(settings, i, { Description: description });
  });
  const missing = definitions.filter((d) => !keys.has(d.key));
  if (missing.length > 0) {
    appendRows(
      settings,
      missing.map((d) => rowFrom(settings, { Key: d.key, Value: d.value as Cell, Description: d.description })),
    );
    // Settings Set up did not find are made, not repaired: staff may have typed or pasted a few
    // (the language, the deadline) before the first Set up, and nothing was broken.
    report.created.push(t(lang, 'setup.settings', { count: missing.length }));
  }

  const scoring = readSheet(ss, SHEET.scoring, SCORING_HEADERS);
  if (scoring.rows.every(isBlankRow)) {
    appendRows(
      scoring,
      DEFAULT_CRITERIA.map((c) =>
        rowFrom(scoring, {
          Criterion: c.criterion,
          Weight: c.weight,
          Description: t(lang, `criterionHelp.${c.criterion}` as MessageKey),
        }),
      ),
    );
    report.created.push(t(lang, 'setup.scoring'));
  }

  const municipalities = readSheet(ss, SHEET.municipalities, MUNICIPALITY_HEADERS);
  if (municipalities.rows.every(isBlankRow)) {
    const list = bundledMunicipalities();
    appendRows(
      municipalities,
      list.map((m) =>
        rowFrom(municipalities, {
          Name: m.name,
          Population: m.population ?? '',
          Region: m.region,
          Urban: m.urban,
          Aliases: m.aliases.join('; '),
        }),
      ),
    );
    report.created.push(t(lang, 'setup.municipalities', { count: list.length }));
  }

  const excursions = readSheet(ss, SHEET.excursions, EXCURSION_HEADERS);
  if (excursions.rows.every(isBlankRow)) {
    appendRows(
      excursions,
      sampleExcursions(accountLanguage()).map((e) =>
        rowFrom(excursions, {
          'Excursion ID': e.id,
          City: e.city,
          Label: e.label,
          'Start Date': e.start,
          'End Date': e.end,
          Places: e.places,
          'Max Per Municipality': e.maxPerMunicipality,
          Themes: e.themes,
          Status: 'Open',
        }),
      ),
    );
    report.created.push(t(lang, 'setup.excursions', { count: SAMPLE_EXCURSIONS.length }));
  }
}

/** Creates the templates that are missing (or whose Doc was deleted) and writes their ids to Settings. */
function ensureTemplates(ss: Spreadsheet, report: SetupReport, lang: Language): void {
  const loaded = loadSettings(ss);
  const folderName = 'Excursion Desk — notice templates';
  let folder: { id: string; name: string } | null = null;
  const folderId = loaded.settings.templateFolderId;
  const { table, rowOf } = loaded;
  let writes = 0;
  // Each id goes to Settings as soon as its file exists, so a Set up that stops makes nothing twice.
  const record = (key: string, value: string) => {
    writes++;
    const row = rowOf.get(key);
    if (row !== undefined) table.sheet.getRange(row + 2, table.cols.Value + 1).setValue(value);
  };
  // The folder's id, made through the Drive API (drive.file) when Settings name none that still exists.
  const getFolder = (): string => {
    if (folder) return folder.id;
    // A folder deleted or in the trash is made anew; any other failure stops Set up.
    const name = liveFileName(folderId);
    if (name !== null) {
      folder = { id: folderId, name };
      return folderId;
    }
    const made = createDriveFile(folderName, FOLDER_MIME);
    try {
      record('templateFolderId', made);
    } catch (e) {
      trashQuietly(() => made);
      throw e;
    }
    folder = { id: made, name: folderName };
    return made;
  };
  let created = 0;
  for (const type of NOTICE_TYPES) {
    for (const language of LANGUAGES) {
      const key = templateKey(type, language);
      if (docExists(loaded.settings.templates[`${type}.${language}`])) continue;
      const id = createTemplateDoc(getFolder(), `${type} (${language})`, defaultTemplate(type, language));
      try {
        record(key, id);
      } catch (e) {
        trashQuietly(() => id);
        throw e;
      }
      created++;
    }
  }
  if (writes === 0) {
    report.unchanged.push(
      t(lang, 'setup.templates', { count: NOTICE_TYPES.length * LANGUAGES.length, folder: folderName }),
    );
    return;
  }
  (created === NOTICE_TYPES.length * LANGUAGES.length ? report.created : report.repaired).push(
    t(lang, 'setup.templates', {
      count: created,
      folder: folder ? (folder as { id: string; name: string }).name : folderName,
    }),
  );
}

/** Runs Set up on `ss` and says what it created, repaired or found in place. */
export function runSetup(ss: Spreadsheet, lang: Language): SetupReport {
  const report: SetupReport = { created: [], repaired: [], unchanged: [], removed: [], formUrl: '', formEditUrl: '' };
  const existing = new Map(ss.getSheets().map((s) => [s.getName(), s]));
  // Set up always makes Log: without it this is the first Set up, and what staff typed in before it
  // (a few settings, a sheet without all its columns) is completed, not repaired.
  const first = !existing.has(SHEET.log);
  for (const name of MANAGED_SHEETS) ensureSheet(ss, existing, name, report, lang);
  removeDefaultSheet(ss, existing, report, lang);
  applyValidation(ss);
  protectComputed(ss);
  fillDefaults(ss, report, lang);
  clearMunicipalityCache();

  const labels = openExcursionLabels(ss);
  let form = findForm(ss);
  let relinked = false;
  if (form) {
    const destination = destinationOf(form);
    if (destination === null && labels.length > 0) {
      // Unlinked by hand: the same form is linked again, since the call's letters carry its link.
      form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
      relinked = true;
    } else if (destination !== ss.getId()) form = null;
  }
  // A form's grid needs at least one row. With no Open excursion a new form cannot be made: Set up
  // stops before any form is created (the sheets above stay repaired). An existing form (the call is
  // over, say) is left exactly as it is, and the rest of Set up goes on.
  if (labels.length === 0 && !form) throw new StaffError('setup.noOpenExcursion');
  if (form && labels.length === 0) {
    report.unchanged.push(t(lang, 'setup.formNoOpen'));
  } else if (form) {
    if (relinked) report.repaired.push(t(lang, 'setup.formLinked'));
    const rows = setGridRows(form, labels);
    (rows === 'changed' ? report.repaired : report.unchanged).push(
      rows === 'changed' ? t(lang, 'setup.formRows', { count: labels.length }) : t(lang, 'setup.form'),
    );
    // A form unpublished by hand (or made before publishing was explicit) takes no answer.
    const state = ensurePublished(form);
    if (state === 'published') report.repaired.push(t(lang, 'setup.formPublished'));
    else if (state === 'closed') report.unchanged.push(t(lang, 'setup.formClosed'));
  } else {
    form = createForm(ss, labels, lang);
    report.created.push(t(lang, 'setup.form'));
  }
  report.formUrl = form.getPublishedUrl();
  report.formEditUrl = form.getEditUrl();
  // The reply form answers go through the same form-submit trigger (onFormSubmit tells them apart).
  ensureReplyForm(ss, lang, report);

  const trigger = ensureSubmitTrigger(ss);
  if (trigger === 'created') report.created.push(t(lang, 'setup.trigger'));
  else if (trigger === 'deduplicated') report.repaired.push(t(lang, 'setup.triggerDuplicates'));
  else report.unchanged.push(t(lang, 'setup.trigger'));

  ensureTemplates(ss, report, lang);
  if (first) report.created.push(...report.repaired.splice(0));
  return report;
}

/**
 * The names Sheets gives the first sheet of a new spreadsheet: "Sheet1" in English, "List1" in
 * Slovenian. The reference does not list them (emulator/docs/spreadsheet.md); a sheet of any other
 * name is the staff's, even when it is empty.
 */
const DEFAULT_SHEET_NAMES = ['Sheet1', 'List1'];

/**
 * Deletes the empty first sheet a new spreadsheet comes with, once the managed sheets exist. Only
 * under its default name, and only when it holds nothing at all: no value, no formula (both count
 * for getLastRow), no note, no chart. It is never the last sheet (Sheets refuses to delete that).
 */
function removeDefaultSheet(ss: Spreadsheet, existing: Map<string, Sheet>, report: SetupReport, lang: Language): void {
  for (const name of DEFAULT_SHEET_NAMES) {
    const sheet = existing.get(name);
    if (!sheet || ss.getNumSheets() < 2) continue;
    if (sheet.getLastRow() > 0 || sheet.getLastColumn() > 0 || sheet.getCharts().length > 0) continue;
    const notes = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).getNotes();
    if (notes.some((row) => row.some((note) => note !== ''))) continue;
    ss.deleteSheet(sheet);
    existing.delete(name);
    report.removed.push(t(lang, 'setup.emptySheet', { name }));
  }
}
