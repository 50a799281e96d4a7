/**
 * Draws the dashboard as HTML with inline SVG charts: no network, no library, the same markup in
 * the sidebar (300 px), in report.html and anywhere else. Every text is escaped.
 */
import type { DashboardData } from '../core/dashboard';
import { type MessageKey, t } from '../core/i18n';
import { escapeHtml } from '../core/text';

interface Series {
  name: string;
  color: string;
}

const COLORS = {
  places: '#9aa0a6',
  demand: '#fbbc04',
  granted: '#1a73e8',
  accepted: '#188038',
  waitlisted: '#f29900',
  notSelected: '#d93025',
  bar: '#1a73e8',
};

/** Horizontal bars, one group (or one stack) per row, with a legend and the numbers written out. */
function barChart(
  rows: { label: string; values: number[] }[],
  series: Series[],
  width: number,
  stacked: boolean,
  title: string,
): string {
  const labelWidth = Math.min(150, Math.round(width * 0.42));
  const barArea = width - labelWidth - 36;
  const barHeight = 12;
  const groupHeight = stacked ? barHeight + 8 : series.length * (barHeight + 2) + 8;
  const max = Math.max(1, ...rows.map((r) => (stacked ? r.values.reduce((a, b) => a + b, 0) : Math.max(...r.values))));
  // The legend wraps onto more lines where the names do not fit the width (Slovenian ones are long).
  const parts: string[] = [];
  let legendHeight = 0;
  if (series.length > 1) {
    let x = 0;
    let line = 0;
    for (const s of series) {
      const itemWidth = 20 + Math.ceil(s.name.length * 6.5);
      if (x > 0 && x + itemWidth > width) {
        x = 0;
        line++;
      }
      const y = line * 16;
      parts.push(
        `<rect x="${x}" y="${y + 4}" width="10" height="10" fill="${s.color}"/><text x="${x + 14}" y="${y + 13}" font-size="11">${escapeHtml(s.name)}</text>`,
      );
      x += itemWidth + 6;
    }
    legendHeight = (line + 1) * 16 + 4;
  }
  const height = legendHeight + rows.length * groupHeight + 4;
  rows.forEach((row, i) => {
    const y = legendHeight + i * groupHeight;
    // About 6 px a character at 11 px: cut the label before it runs into the bars.
    const fits = Math.max(4, Math.floor((labelWidth - 6) / 6));
    const label = row.label.length > fits ? `${row.label.slice(0, fits - 1)}…` : row.label;
    parts.push(
      `<text x="0" y="${y + 11}" font-size="11"><title>${escapeHtml(row.label)}</title>${escapeHtml(label)}</text>`,
    );
    let offset = 0;
    row.values.forEach((v, k) => {
      const w = Math.round((v / max) * barArea);
      const by = stacked ? y + 1 : y + 1 + k * (barHeight + 2);
      const bx = labelWidth + (stacked ? offset : 0);
      parts.push(
        `<rect x="${bx}" y="${by}" width="${w}" height="${barHeight}" fill="${series[k].color}"><title>${escapeHtml(`${series[k].name}: ${v}`)}</title></rect>`,
      );
      if (!stacked) parts.push(`<text x="${bx + w + 3}" y="${by + 10}" font-size="10">${v}</text>`);
      offset += w;
    });
    if (stacked)
      parts.push(`<text x="${labelWidth + offset + 3}" y="${y + 11}" font-size="10">${row.values.join(' / ')}</text>`);
  });
  return `<svg role="img" aria-label="${escapeHtml(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg" style="font-family:Arial,sans-serif">${parts.join('')}</svg>`;
}

function section(title: string, body: string): string {
  return `<section style="margin:0 0 18px"><h3 style="font-size:14px;margin:0 0 6px">${escapeHtml(title)}</h3>${body}</section>`;
}

/** The dashboard for `width` pixels (300 in the sidebar). */
export function renderDashboard(data: DashboardData, width = 300): string {
  const lang = data.language;
  const L = (key: MessageKey, params: Record<string, string | number> = {}) => t(lang, key, params);
  const tot = data.totals;
  const figures = [
    [L('dash.applications'), tot.applications],
    [L('dash.takingPart'), tot.takingPart],
    [L('dash.seats'), `${tot.seatsGranted} / ${tot.places}`],
    [L('dash.noticesSent'), tot.noticesSent],
    [L('dash.noticesWaiting'), tot.noticesWaiting],
    ...(data.quota === null ? [] : [[L('dash.quota'), data.quota]]),
  ];
  const table = `<table style="border-collapse:collapse;font-size:12px;width:100%">${figures
    .map(
      ([k, v]) =>
        `<tr><td style="padding:2px 0">${escapeHtml(String(k))}</td><td style="text-align:right;font-weight:bold" data-figure="${escapeHtml(String(k))}">${escapeHtml(String(v))}</td></tr>`,
    )
    .join('')}</table>`;
  const ex = data.excursions;
  const seats = barChart(
    ex.map((e) => ({ label: e.label, values: [e.places, e.demand, e.seatsGranted] })),
    [
      { name: L('dash.places'), color: COLORS.places },
      { name: L('dash.demand'), color: COLORS.demand },
      { name: L('dash.granted'), color: COLORS.granted },
    ],
    width,
    false,
    L('dash.seatsChart'),
  );
  const decisions = barChart(
    ex.map((e) => ({ label: e.label, values: [e.accepted, e.waitlisted, e.notSelected] })),
    [
      { name: L('dash.accepted'), color: COLORS.accepted },
      { name: L('dash.waitlisted'), color: COLORS.waitlisted },
      { name: L('dash.notSelected'), color: COLORS.notSelected },
    ],
    width,
    true,
    L('dash.decisionsChart'),
  );
  const simple = (rows: { name: string; count: number }[], title: string) =>
    barChart(
      rows.map((r) => ({ label: r.name, values: [r.count] })),
      [{ name: title, color: COLORS.bar }],
      width,
      false,
      title,
    );
  const noticeRows = data.notices
    .map(
      (n) =>
        `<tr><td>${escapeHtml(n.type)}</td><td>${n.sent}</td><td>${n.queued + n.failed}</td><td>${n.sending}</td><td>${n.skipped}</td></tr>`,
    )
    .join('');
  const noticeTable = `<table style="border-collapse:collapse;font-size:12px;width:100%"><tr style="text-align:left"><th></th><th>${escapeHtml(L('dash.sent'))}</th><th>${escapeHtml(L('dash.waiting'))}</th><th>${escapeHtml(L('dash.sending'))}</th><th>${escapeHtml(L('dash.skipped'))}</th></tr>${noticeRows}</table>`;
  return [
    section(L('dash.overview'), table),
    section(L('dash.seatsChart'), seats),
    section(L('dash.decisionsChart'), decisions),
    section(L('dash.statusChart'), simple(data.statuses, L('dash.statusChart'))),
    section(L('dash.regionChart'), simple(data.regions, L('dash.regionChart'))),
    section(L('dash.scoreChart'), simple(data.scores, L('dash.scoreChart'))),
    section(L('dash.noticesTable'), noticeTable),
  ].join('');
}

/** report.html: the dashboard as one self-contained page that opens offline. */
export function renderReport(data: DashboardData, title: string): string {
  return `<!DOCTYPE html><html lang="${data.language}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="font-family:Arial,Helvetica,sans-serif;color:#202124;max-width:820px;margin:24px auto;padding:0 16px"><h1 style="font-size:22px">${escapeHtml(title)}</h1><p style="color:#5f6368;font-size:12px">${escapeHtml(data.generatedAt)}</p>${renderDashboard(data, 780)}</body></html>`;
}
