/** The dashboard's figures read from the sheets (one read each), and the Summary sheet that shows them. */
import { type DashboardData, summarize } from '../core/dashboard';
import { type Language, t } from '../core/i18n';
import { parsePreferences } from '../core/intake';
import { asText } from '../core/text';
import { ALLOCATION_HEADERS, APPLICATION_HEADERS, NOTICE_HEADERS, SHEET } from '../core/vocabulary';
import { readExcursions } from './excursions';
import { lookUpSheet } from './execution';
import { loadSettings } from './settings';
import { type Cell, ensureRows, readSheet, type Spreadsheet, text } from './sheets';

/** Every figure of the dashboard, from Applications, Excursions, Allocations and Notices. */
export function buildDashboardData(ss: Spreadsheet): DashboardData {
  const { settings } = loadSettings(ss);
  const apps = readSheet(ss, SHEET.applications, APPLICATION_HEADERS);
  const a = apps.cols;
  const alloc = readSheet(ss, SHEET.allocations, ALLOCATION_HEADERS);
  const l = alloc.cols;
  const notices = readSheet(ss, SHEET.notices, NOTICE_HEADERS);
  const n = notices.cols;
  let quota: number | null = null;
  try {
    quota = MailApp.getRemainingDailyQuota();
  } catch (_e) {
    // Not authorised yet (the sidebar opened before Set up): the figure is left out.
  }
  return summarize({
    language: settings.language,
    now: new Date(),
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
    })),
    notices: notices.rows
      .filter((r) => text(r[n['Notice Key']]) !== '')
      .map((r) => ({ type: text(r[n.Type]), status: text(r[n.Status]) })),
    quota,
  });
}

/**
 * Rewrites the Summary sheet (it holds no staff data) with the figures, in one setValues that also
 * blanks what the last summary left below or beside them, so a failure leaves the old summary
 * whole. Its chart of seats and demand is made only when it is missing or covers another number
 * of excursions or another language (the chart follows the cells it shows).
 */
export function writeSummary(ss: Spreadsheet, data: DashboardData, lang: Language): void {
  const sheet = lookUpSheet(ss, SHEET.summary) ?? ss.insertSheet(SHEET.summary);
  const width = 9;
  const line = (...cells: Cell[]): Cell[] => [...cells, ...new Array(width - cells.length).fill('')];
  const grid: Cell[][] = [
    line(t(lang, 'dash.title'), new Date(data.generatedAt)),
    line(),
    line(
      'Excursion ID',
      'Label',
      t(lang, 'dash.places'),
      t(lang, 'dash.demand'),
      t(lang, 'dash.granted'),
      '1st choice',
      t(lang, 'dash.accepted'),
      t(lang, 'dash.waitlisted'),
      t(lang, 'dash.notSelected'),
    ),
    ...data.excursions.map((e) =>
      line(
        asText(e.id),
        asText(e.label),
        e.places,
        e.demand,
        e.seatsGranted,
        e.firstChoices,
        e.accepted,
        e.waitlisted,
        e.notSelected,
      ),
    ),
    line(),
    line(t(lang, 'dash.statusChart')),
    ...data.statuses.map((s) => line(asText(s.name), s.count)),
    line(),
    line(
      t(lang, 'dash.noticesTable'),
      t(lang, 'dash.sent'),
      t(lang, 'dash.waiting'),
      t(lang, 'dash.sending'),
      t(lang, 'dash.skipped'),
    ),
    ...data.notices.map((x) => line(x.type, x.sent, x.queued + x.failed, x.sending, x.skipped)),
  ];
  const title = t(lang, 'dash.seatsChart');
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
