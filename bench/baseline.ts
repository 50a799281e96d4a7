/**
 * The same actions done the row-by-row way common mail-merge scripts do them (one read or write per
 * cell or per row), against the same emulated sheets, so the benchmark can compare Spreadsheet calls
 * and time with Excursion Desk's block reads and writes. Not product code: it decides nothing well.
 */
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function columns(sheet: Sheet): (header: string) => number {
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  return (h) => header.indexOf(h) + 1;
}

const ENGLISH: Record<string, number> = { Fluent: 3, 'Good working knowledge': 2, Basic: 1, None: 0 };

/** Scoring, one cell at a time: read each input cell, write Score and Score Breakdown per row. */
export function scoreRowByRow(ss: Spreadsheet): void {
  const sheet = ss.getSheetByName('Applications')!;
  const col = columns(sheet);
  const last = sheet.getLastRow();
  for (let r = 2; r <= last; r++) {
    const english = ENGLISH[String(sheet.getRange(r, col('English Level')).getValue())] ?? 0;
    const sharing = sheet.getRange(r, col('Shares Knowledge')).getValue() === 'Yes' ? 1 : 0;
    const content = Number(sheet.getRange(r, col('Content Score')).getValue()) || 0;
    const population = Number(sheet.getRange(r, col('Population')).getValue()) || 0;
    const solutions = String(sheet.getRange(r, col('Solutions')).getValue()).split('\n').length;
    const manual = Number(sheet.getRange(r, col('Manual Adjustment')).getValue()) || 0;
    const band = population < 5000 ? 3 : population < 20000 ? 2 : population < 50000 ? 1 : 0;
    const score = english * 2 + sharing * 2 + content + band + Math.min(solutions, 6) * 0.5 + 1 + manual;
    sheet.getRange(r, col('Score')).setValue(score);
    sheet.getRange(r, col('Score Breakdown')).setValue(`english ${english}, sharing ${sharing}, content ${content}`);
  }
}

/** Allocation, one row at a time: read each application, first-come by score, append each decision. */
export function allocateRowByRow(ss: Spreadsheet): void {
  const apps = ss.getSheetByName('Applications')!;
  const excursions = ss.getSheetByName('Excursions')!;
  const out = ss.getSheetByName('Allocations')!;
  const seats = new Map<string, number>();
  for (let r = 2; r <= excursions.getLastRow(); r++) {
    const row = excursions.getRange(r, 1, 1, 9).getValues()[0];
    seats.set(String(row[0]), Number(row[5]));
  }
  const col = columns(apps);
  const list: { id: string; score: number; prefs: string[] }[] = [];
  for (let r = 2; r <= apps.getLastRow(); r++) {
    const row = apps.getRange(r, 1, 1, apps.getLastColumn()).getValues()[0];
    const prefs = String(row[col('Preferences') - 1])
      .split('\n')
      .map((l) => /\(([^()]+)\)$/.exec(l)?.[1] ?? '')
      .filter(Boolean);
    list.push({ id: String(row[col('Application ID') - 1]), score: Number(row[col('Score') - 1]) || 0, prefs });
  }
  list.sort((a, b) => b.score - a.score);
  for (const a of list) {
    const got = a.prefs.find((p) => (seats.get(p) ?? 0) > 0);
    if (got) seats.set(got, (seats.get(got) ?? 0) - 1);
    for (const p of a.prefs)
      out.appendRow([a.id, '', p, '', '', p === got ? 1 : 0, p === got ? 'Accepted' : 'Waitlisted']);
  }
}

/** A submission: append the answer, then check duplicates and read the settings one cell at a time. */
export function submitRowByRow(ss: Spreadsheet, municipality: string): void {
  const apps = ss.getSheetByName('Applications')!;
  const settings = ss.getSheetByName('Settings')!;
  for (let r = 2; r <= settings.getLastRow(); r++) settings.getRange(r, 2).getValue();
  const col = columns(apps);
  const last = apps.getLastRow();
  for (let r = 2; r <= last; r++) {
    if (apps.getRange(r, col('Municipality')).getValue() === municipality)
      apps.getRange(r, col('Status')).setValue('Duplicate');
  }
  apps.appendRow([`NEW-${last}`, new Date(), municipality]);
}

/** Sending, one row at a time: read the row, send, write its status. */
export function sendRowByRow(ss: Spreadsheet, mail: GoogleAppsScript.Mail.MailApp): number {
  const notices = ss.getSheetByName('Notices')!;
  const col = columns(notices);
  let sent = 0;
  for (let r = 2; r <= notices.getLastRow(); r++) {
    const row = notices.getRange(r, 1, 1, notices.getLastColumn()).getValues()[0];
    if (row[col('Status') - 1] !== 'Queued') continue;
    mail.sendEmail(String(row[col('To') - 1]), `Notice ${row[0]}`, 'Hello');
    notices.getRange(r, col('Status')).setValue('Sent');
    sent++;
  }
  return sent;
}

/**
 * Preview, the way a simple merge script does it: the first three Queued rows read one at a time,
 * the template Doc opened for each, and each application found by reading its ID cell by cell.
 */
export function previewRowByRow(
  ss: Spreadsheet,
  docs: GoogleAppsScript.Document.DocumentApp,
  templateId: string,
): number {
  const notices = ss.getSheetByName('Notices')!;
  const apps = ss.getSheetByName('Applications')!;
  const col = columns(notices);
  let shown = 0;
  for (let r = 2; r <= notices.getLastRow() && shown < 3; r++) {
    const row = notices.getRange(r, 1, 1, notices.getLastColumn()).getValues()[0];
    if (row[col('Status') - 1] !== 'Queued') continue;
    const text = docs.openById(templateId).getBody().getText();
    const id = String(row[col('Application ID') - 1]);
    for (let a = 2; a <= apps.getLastRow(); a++) if (apps.getRange(a, 1).getValue() === id) break;
    if (text) shown++;
  }
  return shown;
}
