/** The dashboard's figures read from the sheets (one read each), and the Summary sheet that shows them. */
import { type DashboardData, type LocalTime, noticeTypeLabel, statusLabel, summarize } from '../core/dashboard';
import { describeError } from '../core/errors';
import { type Language, t } from '../core/i18n';
import { parsePreferences } from '../core/intake';
import { asText } from '../core/text';
import { ALLOCATION_HEADERS, APPLICATION_HEADERS, NOTICE_HEADERS, SHEET } from '../core/vocabulary';
import { readExcursions } from './excursions';
import { lookUpSheet, timeZoneOf } from './execution';
import { writeLog } from './log';
import { loadSettings } from './settings';
import { type Cell, ensureRows, readSheet, type Spreadsheet, text } from './sheets';

/** Every figure of the dashboard, from Applications, Excursions, Allocations and Notices. */
export function buildDashboardData(ss: Spreadsheet): DashboardData {
  const { settings } = loadSettings(ss);
  // Only the columns the figures use (sheets.ts, readSheet): after a send run the Summary is
  // rewritten in the same execution, and whole sheets would cost it seconds at a few thousand rows.
  const apps = readSheet(ss, SHEET.applications, APPLICATION_HEADERS, [
    'Application ID',
    'Status',
    'Region',
    'Score',
    'Signed Form Received',
    'Preferences',
    'Delegates',
  ]);
  const a = apps.cols;
  const alloc = readSheet(ss, SHEET.allocations, ALLOCATION_HEADERS, [
    'Application ID',
    'Excursion ID',
    'Decision',
    'Places Granted',
    'Response',
  ]);
  const l = alloc.cols;
  const notices = readSheet(ss, SHEET.notices, NOTICE_HEADERS, ['Notice Key', 'Type', 'Status']);
  const n = notices.cols;
  let quota: number | null = null;
  try {
    quota = MailApp.getRemainingDailyQuota();
  } catch (_e) {
    // Not authorised yet (the sidebar opened before Set up): the figure is left out.
  }
  const now = new Date();
  return summarize({
    language: settings.language,
    now,
    localNow: localTime(now, timeZoneOf(ss)),
    applications: apps.rows
      .filter((r) => text(r[a['Application ID']]) !== '')
      .map((r) => {
        const status = text(r[a.Status]);
        return {
          id: text(r[a['Application ID']]),
          status,
          region: text(r[a.Region]),
          score: typeof r[a.Score] === 'number' ? (r[a.Score] as number) : null,
          takesPart:
            (status === 'Received' || (status === 'Late' && settings.acceptLate)) &&
            (!settings.requireSignedForm || r[a['Signed Form Received']] === true),
          preferences: parsePreferences(text(r[a.Preferences])).map((p) => p.excursionId),
          // As the allocation reads it (workspace/allocation.ts): a blank or odd Delegates asks for 1.
          requested: Math.max(1, Math.round(Number(r[a.Delegates]) || 1)),
        };
      }),
    excursions: readExcursions(ss).excursions.map((e) => ({
      id: e.id,
      label: e.label,
      status: e.status,
      places: e.places,
    })),
    allocations: alloc.rows.map((r) => ({
      applicationId: text(r[l['Application ID']]),
      excursionId: text(r[l['Excursion ID']]),
      decision: text(r[l.Decision]),
      placesGranted: Number(r[l['Places Granted']]) || 0,
      response: text(r[l.Response]),
    })),
    notices: notices.rows
      .filter((r) => text(r[n['Notice Key']]) !== '')
      .map((r) => ({ type: text(r[n.Type]), status: text(r[n.Status]) })),
    quota,
  });
}

/** `at` on the clock of time zone `tz` (Utilities.formatDate works in any zone). */
function localTime(at: Date, tz: string): LocalTime {
  const [year, month, day, hour, minute] = Utilities.formatDate(at, tz, 'yyyy-MM-dd-HH-mm').split('-').map(Number);
  return { year, month, day, hour, minute };
}

/**
 * Rewrites the Summary sheet (it holds no staff data) with the figures, in one setValues that also
 * blanks what the last summary left below or beside them, so a failure leaves the old summary
 * whole. Its chart of seats and demand is made only when it is missing or covers another number
 * of excursions or another language (the chart follows the cells it shows).
 */
export function writeSummary(ss: Spreadsheet, data: DashboardData, lang: Language): void {
  const sheet = lookUpSheet(ss, SHEET.summary) ?? ss.insertSheet(SHEET.summary);
  const width = 12;
  const line = (...cells: Cell[]): Cell[] => [...cells, ...new Array(width - cells.length).fill('')];
  // Every text is in the staff's language, and the time is the spreadsheet's, written out as text.
  const grid: Cell[][] = [
    line(t(lang, 'dash.title'), asText(t(lang, 'dash.asOf', { time: data.generatedAtText }))),
    line(),
    line(
      t(lang, 'dash.excursionId'),
      t(lang, 'dash.excursion'),
      t(lang, 'dash.places'),
      t(lang, 'dash.placesRequested'),
      t(lang, 'dash.placesGranted'),
      t(lang, 'dash.municipalities'),
      t(lang, 'dash.firstChoice'),
      t(lang, 'dash.accepted'),
      t(lang, 'dash.waitlisted'),
      t(lang, 'dash.declined'),
      t(lang, 'dash.lapsed'),
      t(lang, 'dash.notSelected'),
    ),
    ...data.excursions.map((e) =>
      line(
        asText(e.id),
        asText(e.displayLabel),
        e.places,
        e.placesRequested,
        e.placesGranted,
        e.applicants,
        e.firstChoices,
        e.accepted,
        e.waitlisted,
        e.declined,
        e.lapsed,
        e.notSelected,
      ),
    ),
    ...(data.totals.placesFreed > 0 ? [line(), line(t(lang, 'dash.placesFreed'), data.totals.placesFreed)] : []),
    line(),
    line(t(lang, 'dash.status'), t(lang, 'dash.count')),
    ...data.statuses.map((s) => line(asText(statusLabel(lang, s.name)), s.count)),
    line(),
    line(
      t(lang, 'dash.notice'),
      t(lang, 'dash.sent'),
      t(lang, 'dash.waiting'),
      t(lang, 'dash.sending'),
      t(lang, 'dash.skipped'),
    ),
    ...data.notices.map((x) =>
      line(asText(noticeTypeLabel(lang, x.type)), x.sent, x.queued + x.failed, x.sending, x.skipped),
    ),
  ];
  const title = t(lang, 'dash.placesChart');
  const charts = sheet.getCharts();
  const fits =
    charts.length === 1 &&
    data.excursions.length > 0 &&
    charts[0].getOptions().get('title') === title &&
    charts[0].getRanges()[0]?.getNumRows() === data.excursions.length + 1;
  if (!fits) {
    for (const chart of charts) sheet.removeChart(chart);
    if (data.excursions.length > 0)
      sheet.insertChart(
        sheet
          .newChart()
          .asBarChart()
          .addRange(sheet.getRange(3, 2, data.excursions.length + 1, 4))
          .setNumHeaders(1)
          .setOption('title', title)
          .setPosition(3, width + 2, 0, 0)
          .build(),
      );
  }
  const rows = Math.max(grid.length, sheet.getLastRow());
  const columns = Math.max(width, sheet.getLastColumn());
  const block = Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => grid[r]?.[c] ?? ''));
  ensureRows(sheet, rows);
  sheet.getRange(1, 1, rows, columns).setValues(block);
}

/**
 * After a send run: the Summary's notice figures follow what was sent, failed or skipped (it is
 * otherwise written only by allocation, and would still show those notices as waiting). The
 * sending is done and recorded by then, so a Summary that cannot be written costs a Log line, not
 * the run's outcome.
 */
export function refreshSummaryAfterSending(
  ss: Spreadsheet,
  outcome: { sent: number; failed: number; skipped: number },
): void {
  if (outcome.sent + outcome.failed + outcome.skipped === 0) return;
  try {
    const data = buildDashboardData(ss);
    writeSummary(ss, data, data.language);
  } catch (e) {
    writeLog(ss, 'sendNotices', `Summary not refreshed after sending: ${describeError(e)}`);
  }
}
