/**
 * The dashboard at the widths staff see it: the 300 px sidebar, a 400 px window (a phone, a narrow
 * report) and a 1280 px screen, in the sidebar page and in report.html. At each: every excursion
 * named in full and distinctly, nothing wider than its box, each decision in its own colour and in
 * proportion; at 1280 px the page's width is used. The screenshots are the README's.
 */
import type { Page } from 'playwright-core';
import type { Emulator } from '../../emulator/src';
import type { DashboardData } from '../../src/core/dashboard';
import { renderReport } from '../../src/ui/dashboard-view';
import { records, setSheetCell } from '../e2e/harness';
import { type Browser, installGasShim, launchChromium, openHtml, screenshot, watch } from './chromium';
import { expectSound, type Layout, measure } from './dashboard-layout';
import { allocatedCall } from './season';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/**
 * The allocated call, then one municipality declining its offer at Cologne and another letting its
 * offer lapse, so that every decision of the chart has a colour to show.
 */
function season(language: 'en' | 'sl'): Emulator {
  const emulator = allocatedCall(language);
  const rows = records(emulator, 'Allocations');
  const accepted = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.Decision === 'Accepted');
  const elsewhere = accepted.find(({ r }) => r['Excursion ID'] !== accepted[0].r['Excursion ID'])!;
  setSheetCell(emulator, 'Allocations', accepted[0].i + 1, 'Response', 'Declined');
  setSheetCell(emulator, 'Allocations', elsewhere.i + 1, 'Response', 'Lapsed');
  return emulator;
}

const labelsOf = (emulator: Emulator) => records(emulator, 'Excursions').map((e) => String(e.Label));

async function sidebarAt(emulator: Emulator, width: number): Promise<Page> {
  emulator.run('showDashboard');
  const html = emulator.ui.sidebars.at(-1)!.html;
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await installGasShim(page, emulator);
  await openHtml(page, html, `Sidebar-${width}.html`);
  await page.waitForFunction(() => {
    const button = document.querySelector<HTMLButtonElement>('#action-refresh');
    return button !== null && !button.disabled && document.querySelector('#dashboard')?.innerHTML !== '';
  });
  return page;
}

async function reportAt(emulator: Emulator, width: number): Promise<Page> {
  const data = emulator.run('getDashboardData') as DashboardData;
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await openHtml(page, renderReport(data, 'Excursion Desk'), `report-${width}.html`);
  return page;
}

/** Every decision has a coloured bar somewhere: accepted, waitlisted, declined, lapsed (this call has no "not selected"). */
function expectEveryDecisionDrawn(layout: Layout): void {
  const drawn = new Set(layout.fills.filter((f) => f.chart === 'decisions' && f.width >= 2).map((f) => f.series));
  expect([...drawn].sort()).toEqual(['accepted', 'declined', 'lapsed', 'waitlisted']);
}

/** At a wide page the sections sit side by side and reach across it: no half-empty page. */
function expectWidthUsed(layout: Layout): void {
  const rows = new Map<number, number>();
  for (const s of layout.sections) rows.set(Math.round(s.top), (rows.get(Math.round(s.top)) ?? 0) + 1);
  expect(Math.max(...rows.values())).toBeGreaterThanOrEqual(2);
  const right = Math.max(...layout.sections.map((s) => s.left + s.width));
  expect(right).toBeGreaterThan(layout.viewport * 0.9);
}

describe.each([300, 400, 1280])('the dashboard at %i px', (width) => {
  it('in the sidebar page: excursions named in full and apart, nothing overflows, every colour in proportion', async () => {
    const emulator = season('sl');
    const page = await sidebarAt(emulator, width);
    const seen = watch(page);
    const layout = await measure(page);
    expectSound(layout, labelsOf(emulator));
    expectEveryDecisionDrawn(layout);
    if (width === 1280) expectWidthUsed(layout);
    await screenshot(page, `dashboard-sidebar-${width}`, `dashboard-sidebar-${width}.png`, { always: true });
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('in report.html: the same, in a page of its own', async () => {
    const emulator = season('en');
    const page = await reportAt(emulator, width);
    const layout = await measure(page);
    expectSound(layout, labelsOf(emulator));
    expectEveryDecisionDrawn(layout);
    if (width === 1280) expectWidthUsed(layout);
    if (width !== 300)
      await screenshot(page, `dashboard-report-${width}`, `dashboard-report-${width}.png`, { always: true });
    await page.close();
  });
});
