/**
 * Draws the dashboard as HTML and CSS bars: no network, no library, no script, the same markup in
 * the 300 px sidebar, in report.html and anywhere else. Nothing has a width in pixels: bars are
 * shares of their row, labels wrap (an excursion's name is never cut, so two never look the same),
 * and sections sit side by side where the page is wide. Every text is escaped.
 */
import type { DashboardData } from '../core/dashboard';
import { type MessageKey, t } from '../core/i18n';
import { escapeHtml } from '../core/text';

interface Series {
  key: string;
  name: string;
  color: string;
}

/** One colour per series; each decision its own, so a decline never reads as a rejection. */
export const COLORS = {
  places: '#9aa0a6',
  requested: '#f9ab00',
  granted: '#1a73e8',
  accepted: '#188038',
  waitlisted: '#e37400',
  declined: '#8430ce',
  lapsed: '#5f6368',
  notSelected: '#d93025',
  bar: '#1a73e8',
} as const;

/**
 * The dashboard's own style sheet. A row puts its label beside its bars when both fit (a wide
 * page) and above them otherwise; sections fill a grid of columns at least 26rem wide.
 */
const STYLE = `<style>
.ed-dash{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,26rem),1fr));gap:0 32px;align-items:start;font:12px/1.35 Arial,Helvetica,sans-serif;color:#202124}
.ed-dash *{box-sizing:border-box}
.ed-section{min-width:0;margin:0 0 18px}
.ed-section h3{font-size:14px;margin:0 0 6px}
.ed-table{border-collapse:collapse;width:100%;table-layout:fixed}
.ed-table td,.ed-table th{padding:2px 4px 2px 0;overflow-wrap:anywhere;vertical-align:bottom}
.ed-table th{font-size:11px;font-weight:normal;color:#5f6368;text-align:right}
.ed-table td+td{text-align:right}
.ed-notices td,.ed-notices th{text-align:right}
.ed-notices .ed-type td{text-align:left;padding-top:4px}
.ed-figures td+td{font-weight:bold;width:6em}
.ed-legend{display:flex;flex-wrap:wrap;gap:2px 12px;margin:0 0 6px;padding:0;list-style:none;font-size:11px}
.ed-sw{display:inline-block;width:10px;height:10px;margin-right:4px;vertical-align:-1px}
.ed-row{display:flex;flex-wrap:wrap;column-gap:8px;margin:0 0 7px;font-size:11px}
.ed-label{flex:1 1 9rem;min-width:0;overflow-wrap:anywhere}
.ed-bars{flex:3 1 15rem;min-width:0}
.ed-bar{display:flex;align-items:center;gap:4px;margin:1px 0}
.ed-track{display:flex;flex:1 1 auto;min-width:0;height:12px}
.ed-fill{display:block;height:100%;min-width:0}
.ed-num{flex:0 0 auto;min-width:2em;font-size:10px}
.ed-counts{font-size:10px;color:#3c4043;overflow-wrap:anywhere}
</style>`;

function fill(series: Series, value: number, max: number): string {
  const share = max > 0 ? (value / max) * 100 : 0;
  return `<span class="ed-fill" data-series="${series.key}" data-value="${value}" title="${escapeHtml(`${series.name}: ${value}`)}" style="width:${share.toFixed(2)}%;background:${series.color}"></span>`;
}

function legend(series: Series[]): string {
  return `<ul class="ed-legend">${series
    .map((s) => `<li><span class="ed-sw" style="background:${s.color}"></span>${escapeHtml(s.name)}</li>`)
    .join('')}</ul>`;
}

/**
 * Horizontal bars, one row per label: a bar for each series (grouped) or one bar of all of them
 * (stacked, with the counts written out in words below it). Bars are shares of the largest figure.
 */
function barChart(
  name: string,
  rows: { label: string; values: number[] }[],
  series: Series[],
  stacked: boolean,
  title: string,
  empty = '',
): string {
  const max = Math.max(1, ...rows.map((r) => (stacked ? r.values.reduce((a, b) => a + b, 0) : Math.max(...r.values))));
  const body = rows
    .map((row) => {
      let bars: string;
      if (stacked) {
        const said = row.values
          .map((v, k) => ({ v, s: series[k] }))
          .filter((x) => x.v > 0)
          .map((x) => `${escapeHtml(x.s.name)} ${x.v}`);
        bars = `<div class="ed-bar"><span class="ed-track">${row.values.map((v, k) => fill(series[k], v, max)).join('')}</span></div><div class="ed-counts">${said.length > 0 ? said.join(' · ') : escapeHtml(empty)}</div>`;
      } else {
        bars = row.values
          .map(
            (v, k) =>
              `<div class="ed-bar"><span class="ed-track">${fill(series[k], v, max)}</span><span class="ed-num">${v}</span></div>`,
          )
          .join('');
      }
      return `<div class="ed-row"><div class="ed-label">${escapeHtml(row.label)}</div><div class="ed-bars">${bars}</div></div>`;
    })
    .join('');
  return `<div class="ed-chart" data-chart="${name}" role="figure" aria-label="${escapeHtml(title)}">${series.length > 1 ? legend(series) : ''}${body}</div>`;
}

function section(title: string, body: string): string {
  return `<section class="ed-section"><h3>${escapeHtml(title)}</h3>${body}</section>`;
}

/** The dashboard, for any width: the sidebar's 300 px as well as a wide screen. */
export function renderDashboard(data: DashboardData): string {
  const lang = data.language;
  const L = (key: MessageKey, params: Record<string, string | number> = {}) => t(lang, key, params);
  const tot = data.totals;
  const figures: [string, string | number][] = [
    [L('dash.applications'), tot.applications],
    [L('dash.takingPart'), tot.takingPart],
    [L('dash.placesRequested'), tot.placesRequested],
    [L('dash.placesOfPlaces'), `${tot.placesGranted} / ${tot.places}`],
    ...(tot.placesFreed > 0 ? [[L('dash.placesFreed'), tot.placesFreed] as [string, number]] : []),
    [L('dash.noticesSent'), tot.noticesSent],
    [L('dash.noticesWaiting'), tot.noticesWaiting],
    ...(data.quota === null ? [] : [[L('dash.quota'), data.quota] as [string, number]]),
  ];
  const table = `<table class="ed-table ed-figures">${figures
    .map(
      ([k, v]) =>
        `<tr><td>${escapeHtml(String(k))}</td><td data-figure="${escapeHtml(String(k))}">${escapeHtml(String(v))}</td></tr>`,
    )
    .join('')}</table>`;
  const ex = data.excursions;
  const places = barChart(
    'places',
    ex.map((e) => ({ label: e.displayLabel, values: [e.places, e.placesRequested, e.placesGranted] })),
    [
      { key: 'places', name: L('dash.places'), color: COLORS.places },
      { key: 'requested', name: L('dash.placesRequested'), color: COLORS.requested },
      { key: 'granted', name: L('dash.placesGranted'), color: COLORS.granted },
    ],
    false,
    L('dash.placesChart'),
  );
  const decisions = barChart(
    'decisions',
    ex.map((e) => ({
      label: e.displayLabel,
      values: [e.accepted, e.waitlisted, e.declined, e.lapsed, e.notSelected],
    })),
    [
      { key: 'accepted', name: L('dash.accepted'), color: COLORS.accepted },
      { key: 'waitlisted', name: L('dash.waitlisted'), color: COLORS.waitlisted },
      { key: 'declined', name: L('dash.declined'), color: COLORS.declined },
      { key: 'lapsed', name: L('dash.lapsed'), color: COLORS.lapsed },
      { key: 'notSelected', name: L('dash.notSelected'), color: COLORS.notSelected },
    ],
    true,
    L('dash.decisionsByMunicipality'),
    L('dash.noDecision'),
  );
  const simple = (name: string, rows: { label: string; count: number }[], title: string) =>
    barChart(
      name,
      rows.map((r) => ({ label: r.label, values: [r.count] })),
      [{ key: 'count', name: title, color: COLORS.bar }],
      false,
      title,
    );
  // Each type on a line of its own above its figures: the four columns keep the whole width, so
  // their headings ("V pošiljanju") are never broken inside a word in the 300 px sidebar.
  const noticeRows = data.notices
    .map(
      (n) =>
        `<tr class="ed-type"><td colspan="4">${escapeHtml(n.label)}</td></tr><tr><td>${n.sent}</td><td>${n.queued + n.failed}</td><td>${n.sending}</td><td>${n.skipped}</td></tr>`,
    )
    .join('');
  const noticeTable = `<table class="ed-table ed-notices" data-table="notices"><tr><th>${escapeHtml(L('dash.sent'))}</th><th>${escapeHtml(L('dash.waiting'))}</th><th>${escapeHtml(L('dash.sending'))}</th><th>${escapeHtml(L('dash.skipped'))}</th></tr>${noticeRows}</table>`;
  return `${STYLE}<div class="ed-dash">${[
    section(L('dash.overview'), table),
    section(L('dash.placesChart'), places),
    section(L('dash.decisionsByMunicipality'), decisions),
    section(L('dash.statusChart'), simple('statuses', data.statuses, L('dash.statusChart'))),
    section(L('dash.regionChart'), simple('regions', data.regions, L('dash.regionChart'))),
    section(L('dash.scoreChart'), simple('scores', data.scores, L('dash.scoreChart'))),
    section(L('dash.noticesTable'), noticeTable),
  ].join('')}</div>`;
}

/** report.html: the dashboard as one self-contained page that opens offline and uses the width it is given. */
export function renderReport(data: DashboardData, title: string): string {
  return `<!DOCTYPE html><html lang="${data.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body style="font-family:Arial,Helvetica,sans-serif;color:#202124;max-width:1600px;margin:16px auto;padding:0 16px"><h1 style="font-size:22px;overflow-wrap:anywhere">${escapeHtml(title)}</h1><p class="ed-as-of" style="color:#5f6368;font-size:12px">${escapeHtml(t(data.language, 'dash.asOf', { time: data.generatedAtText }))}</p>${renderDashboard(data)}</body></html>`;
}
