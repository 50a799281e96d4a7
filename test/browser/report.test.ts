/**
 * report.html (renderReport) in a real Chromium: opened from a file:// URL, it draws its charts
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
    // The time the figures were read, on the spreadsheet's clock (the emulator's 08:00 UTC), never raw UTC.
    expect(await page.locator('.ed-as-of').textContent()).toBe('Figures as of 6 Feb 2017, 9:00');
    expect(await page.content()).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
    // Places, decisions, statuses, regions, scores.
    expect(await page.locator('.ed-chart').count()).toBe(5);
    // Nothing in it needs JavaScript.
    expect(await page.locator('script').count()).toBe(0);

    const places = page.locator('[data-chart="places"]');
    expect(await places.locator('.ed-label').allTextContents()).toEqual(sheets.excursions.map((e) => e.label));
    const bars = await places
      .locator('.ed-fill')
      .evaluateAll((fills) =>
        fills.map((f) => ({ title: f.getAttribute('title'), width: f.getBoundingClientRect().width })),
      );
    const granted = bars.filter((b) => b.title?.startsWith('Places granted: '));
    expect(granted.map((b) => b.title)).toEqual(sheets.excursions.map((e) => `Places granted: ${e.granted}`));
    const placeBars = bars.filter((b) => b.title?.startsWith('Places: '));
    expect(placeBars).toHaveLength(sheets.excursions.length);
    expect(placeBars.every((b) => b.width > 0)).toBe(true);
    // A drawn bar is as long as its number: the widest is the largest figure.
    const longest = Math.max(...bars.map((b) => b.width));
    const largest = Math.max(...sheets.excursions.flatMap((e) => [e.places, e.placesRequested, e.granted]));
    expect(bars.find((b) => b.width === longest)?.title).toMatch(new RegExp(`: ${largest}$`));
    for (const b of granted) expect(b.width > 0).toBe(!b.title?.endsWith(': 0'));

    // The statuses and notice types staff read are translated, not the sheets' vocabulary.
    expect(await page.locator('[data-chart="statuses"] .ed-label').allTextContents()).toEqual([
      'Received',
      'Incomplete',
    ]);
    expect(await page.locator('.ed-notices .ed-type').allTextContents()).toEqual([
      'Confirmation of receipt',
      'Incomplete application',
      'Places granted',
      'Waiting list',
    ]);
    await screenshot(page, 'report');
    expect(seen.requests.length).toBeGreaterThan(0);
    expect(networkRequests(seen.requests)).toEqual([]);
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('in Slovenian: statuses, notice types and score bands in Slovenian words', async () => {
    const emulator = allocatedCall('sl');
    const data = emulator.run('getDashboardData') as DashboardData;
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 860, height: 900 });
    await openHtml(page, renderReport(data, 'Excursion Desk'), 'report-sl.html');
    expect(await page.locator('.ed-as-of').textContent()).toBe('Stanje ob 6. 2. 2017 9:00');
    expect(await page.locator('[data-chart="statuses"] .ed-label').allTextContents()).toEqual(['Prejeta', 'Nepopolna']);
    expect(await page.locator('.ed-notices .ed-type').allTextContents()).toEqual([
      'Potrdilo o prejemu prijave',
      'Obvestilo o nepopolni prijavi',
      'Obvestilo o dodeljenih mestih',
      'Obvestilo o uvrstitvi na čakalni seznam',
    ]);
    expect(await page.locator('[data-chart="scores"] .ed-label').allTextContents()).toEqual([
      'manj kot 5',
      'od 5 do manj kot 10',
      'od 10 do manj kot 15',
    ]);
    await page.close();
  });
});
