/**
 * report.html (renderReport) in a real Chromium: opened from a file:// URL, it draws its SVG charts
 * with no script and asks nothing of the network.
 */
import type { DashboardData } from '../../src/core/dashboard';
import { renderReport } from '../../src/ui/dashboard-view';
import { type Browser, launchChromium, networkRequests, openHtml, screenshot, watch } from './chromium';
import { allocatedCall, figuresFromSheets } from './season';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('report.html', () => {
  it('draws its charts offline: a bar per excursion, no script, no request beyond its own file', async () => {
    const emulator = allocatedCall('en');
    const data = emulator.run('getDashboardData') as DashboardData;
    const sheets = figuresFromSheets(emulator);
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 860, height: 900 });
    const seen = watch(page);
    await openHtml(page, renderReport(data, 'Excursion Desk'), 'report.html');

    expect(await page.title()).toBe('Excursion Desk');
    expect(await page.locator('h1').textContent()).toBe('Excursion Desk');
    // Seats, decisions, statuses, regions, scores.
    expect(await page.locator('svg').count()).toBe(5);
    // Nothing in it needs JavaScript: the charts are inline SVG.
    expect(await page.locator('script').count()).toBe(0);

    const seats = page.locator('svg[aria-label="Seats and demand per excursion"]');
    expect(await seats.locator('text > title').allTextContents()).toEqual(sheets.excursions.map((e) => e.label));
    const bars = await seats
      .locator('rect')
      .evaluateAll((rects) =>
        rects
          .filter((r) => r.querySelector('title'))
          .map((r) => ({ title: r.querySelector('title')?.textContent, width: Number(r.getAttribute('width')) })),
      );
    const granted = bars.filter((b) => b.title?.startsWith('Granted: '));
    expect(granted.map((b) => b.title)).toEqual(sheets.excursions.map((e) => `Granted: ${e.granted}`));
    const places = bars.filter((b) => b.title?.startsWith('Places: '));
    expect(places).toHaveLength(sheets.excursions.length);
    expect(places.every((b) => b.width > 0)).toBe(true);
    // A drawn bar is as long as its number: the widest is the largest figure.
    const longest = Math.max(...bars.map((b) => b.width));
    const largest = Math.max(...sheets.excursions.flatMap((e) => [e.places, e.demand, e.granted]));
    expect(bars.find((b) => b.width === longest)?.title).toMatch(new RegExp(`: ${largest}$`));
    for (const b of granted) expect(b.width > 0).toBe(!b.title?.endsWith(': 0'));

    const box = await seats.boundingBox();
    expect(box?.width).toBeGreaterThan(700);
    await screenshot(page, 'report', 'report.png');
    expect(seen.requests.length).toBeGreaterThan(0);
    expect(networkRequests(seen.requests)).toEqual([]);
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});
