/**
 * What the dashboard must look like at any width, measured in the page as Chromium lays it out:
 * every excursion named in full and distinctly, nothing wider than its box, every decision's colour
 * drawn in proportion to its count.
 */
import type { Page } from 'playwright-core';
import { COLORS } from '../../src/ui/dashboard-view';

export interface Layout {
  viewport: number;
  pageWidth: number;
  /** Boxes whose content is wider than they are (a chart, a table, a row, a label…). */
  overflowing: string[];
  /** Elements that reach past the right edge of the page. */
  pastEdge: string[];
  /** The labels of each chart's rows, as shown. */
  labels: Record<string, string[]>;
  /** Labels cut short (an ellipsis, clipped text or a label wider than its box). */
  cut: string[];
  /** Every drawn bar: its chart, row, series, value, drawn width, track width, colour, and whether it stays in its track. */
  fills: {
    chart: string;
    row: string;
    series: string;
    value: number;
    width: number;
    track: number;
    color: string;
    inside: boolean;
  }[];
  /** The sections' boxes, to see how the page's width is used. */
  sections: { left: number; top: number; width: number }[];
}

export async function measure(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const name = (e: Element) =>
      `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? `.${e.className.split(' ').join('.')}` : ''}${e.getAttribute('data-chart') ? `[${e.getAttribute('data-chart')}]` : ''}`;
    const viewport = document.documentElement.clientWidth;
    const boxes = Array.from(
      document.querySelectorAll(
        'section, .ed-dash, .ed-chart, .ed-table, .ed-row, .ed-label, .ed-bars, .ed-bar, .ed-track, .ed-legend, .ed-counts, td, th',
      ),
    );
    const overflowing = boxes.filter((e) => e.scrollWidth > e.clientWidth + 1).map(name);
    const pastEdge = Array.from(document.querySelectorAll('body *'))
      .filter((e) => e.getBoundingClientRect().right > viewport + 0.5)
      .map(name);
    const labels: Record<string, string[]> = {};
    const cut: string[] = [];
    for (const chart of Array.from(document.querySelectorAll('.ed-chart'))) {
      const key = chart.getAttribute('data-chart') ?? '?';
      labels[key] = Array.from(chart.querySelectorAll('.ed-label')).map((l) => l.textContent ?? '');
      for (const l of Array.from(chart.querySelectorAll<HTMLElement>('.ed-label'))) {
        const style = getComputedStyle(l);
        if (
          (l.textContent ?? '').includes('…') ||
          style.textOverflow === 'ellipsis' ||
          l.scrollWidth > l.clientWidth + 1 ||
          l.scrollHeight > l.clientHeight + 1
        )
          cut.push(`${key}: ${l.textContent}`);
      }
    }
    const fills = Array.from(document.querySelectorAll<HTMLElement>('.ed-fill')).map((f) => {
      const track = f.closest('.ed-track') as HTMLElement;
      const r = f.getBoundingClientRect();
      const t = track.getBoundingClientRect();
      return {
        chart: f.closest('.ed-chart')?.getAttribute('data-chart') ?? '?',
        row: f.closest('.ed-row')?.querySelector('.ed-label')?.textContent ?? '?',
        series: f.getAttribute('data-series') ?? '?',
        value: Number(f.getAttribute('data-value')),
        width: r.width,
        track: t.width,
        color: getComputedStyle(f).backgroundColor,
        inside: r.left >= t.left - 0.5 && r.right <= t.right + 0.5 && r.height > 0,
      };
    });
    const sections = Array.from(document.querySelectorAll('section')).map((s) => {
      const r = s.getBoundingClientRect();
      return { left: r.left, top: r.top, width: r.width };
    });
    return {
      viewport,
      pageWidth: document.documentElement.scrollWidth,
      overflowing,
      pastEdge,
      labels,
      cut,
      fills,
      sections,
    };
  });
}

/** `#rrggbb` as getComputedStyle writes it. */
export function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

/** The colour each series of the dashboard is drawn in. */
const seriesColors = (): Record<string, string> => ({
  places: rgb(COLORS.places),
  requested: rgb(COLORS.requested),
  granted: rgb(COLORS.granted),
  accepted: rgb(COLORS.accepted),
  waitlisted: rgb(COLORS.waitlisted),
  declined: rgb(COLORS.declined),
  lapsed: rgb(COLORS.lapsed),
  notSelected: rgb(COLORS.notSelected),
  count: rgb(COLORS.bar),
});

/**
 * The checks every width must pass: no overflow, labels whole and distinct (the excursions' full
 * labels, from the sheet), each bar in its colour, inside its track and as long as its share.
 */
export function expectSound(layout: Layout, excursionLabels: string[]): void {
  expect(layout.pageWidth).toBeLessThanOrEqual(layout.viewport);
  expect(layout.overflowing).toEqual([]);
  expect(layout.pastEdge).toEqual([]);
  expect(layout.cut).toEqual([]);
  for (const chart of ['places', 'decisions']) {
    expect([chart, layout.labels[chart]]).toEqual([chart, excursionLabels]);
    expect(new Set(layout.labels[chart]).size).toBe(excursionLabels.length);
  }
  expect(layout.fills.length).toBeGreaterThan(0);
  const colors = seriesColors();
  for (const f of layout.fills) {
    expect([f.chart, f.row, f.series, f.color]).toEqual([f.chart, f.row, f.series, colors[f.series]]);
    expect([f.chart, f.row, f.series, f.inside]).toEqual([f.chart, f.row, f.series, true]);
    // A count above zero is seen: at least 2 px wide, whatever the width.
    if (f.value > 0) expect([f.chart, f.row, f.series, f.width >= 2]).toEqual([f.chart, f.row, f.series, true]);
    else expect(f.width).toBe(0);
  }
  // Bars are in proportion: in each chart, width / value is one scale (within a pixel of rounding).
  for (const chart of new Set(layout.fills.map((f) => f.chart))) {
    const drawn = layout.fills.filter((f) => f.chart === chart && f.value > 0);
    const stacked = chart === 'decisions';
    const totals = new Map<string, number>();
    for (const f of drawn) totals.set(f.row, (totals.get(f.row) ?? 0) + f.value);
    const max = Math.max(...(stacked ? [...totals.values()] : drawn.map((f) => f.value)));
    for (const f of drawn)
      expect([chart, f.row, f.series, Math.abs(f.width - (f.value / max) * f.track) <= 1]).toEqual([
        chart,
        f.row,
        f.series,
        true,
      ]);
  }
}
