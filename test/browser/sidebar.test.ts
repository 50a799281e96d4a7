/**
 * The dashboard sidebar in a real Chromium: the page build/Sidebar.html as showDashboard serves it,
 * its google.script.run calls answered by the built bundle in the emulator.
 */
import type { Page } from 'playwright-core';
import type { Emulator } from '../../emulator/src';
import { type Language, t } from '../../src/core/i18n';
import { records } from '../e2e/harness';
import {
  type Browser,
  type GasBridge,
  installGasShim,
  launchChromium,
  networkRequests,
  openHtml,
  screenshot,
  watch,
} from './chromium';
import { allocatedCall, figuresFromSheets, submittedCall } from './season';

const BUTTONS = [
  ['refresh', 'dash.refreshFigures'],
  ['setup', 'menu.setup'],
  ['refreshForm', 'menu.refreshForm'],
  ['score', 'menu.score'],
  ['allocate', 'menu.allocate'],
  ['preview', 'menu.preview'],
  ['send', 'menu.send'],
] as const;

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

interface Sidebar {
  page: Page;
  bridge: GasBridge;
  seen: ReturnType<typeof watch>;
  /** Lets the first getDashboardData answer when the sidebar was opened with holdFirstCall. */
  release: () => void;
}

/** Staff choose Dashboard: the page showDashboard hands to the sidebar, opened 300 px wide. */
async function openSidebar(emulator: Emulator, options: { holdFirstCall?: boolean } = {}): Promise<Sidebar> {
  emulator.run('showDashboard');
  const sidebar = emulator.ui.sidebars.at(-1);
  if (!sidebar) throw new Error(`showDashboard showed no sidebar; alerts: ${JSON.stringify(emulator.ui.alerts)}`);
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 300, height: 800 });
  const seen = watch(page);
  const bridge = await installGasShim(page, emulator);
  const release = options.holdFirstCall ? bridge.hold() : null;
  await openHtml(page, sidebar.html, 'Sidebar.html');
  if (!release) await idle(page);
  return { page, bridge, seen, release: release ?? (() => {}) };
}

/** Waits until the page has its answer: the buttons are enabled again. */
async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const button = document.querySelector<HTMLButtonElement>('#action-refresh');
    return button !== null && !button.disabled && document.querySelector('#dashboard')?.innerHTML !== '';
  });
}

async function click(page: Page, id: string): Promise<void> {
  await page.click(`#action-${id}`);
  await idle(page);
}

const text = async (page: Page, selector: string) => (await page.locator(selector).textContent()) ?? '';

/** The overview table as { caption: value }. */
async function overview(page: Page): Promise<Record<string, string>> {
  const pairs = await page.$$eval('#dashboard [data-figure]', (cells) =>
    cells.map((c) => [c.getAttribute('data-figure') ?? '', c.textContent ?? '']),
  );
  return Object.fromEntries(pairs);
}

/** The titles of the bars of one chart, in order ("Places granted: 2", …). */
function barTitles(page: Page, chart: string): Promise<string[]> {
  return page.$$eval(`[data-chart="${chart}"] .ed-fill`, (fills) => fills.map((x) => x.getAttribute('title') ?? ''));
}

function expectOverviewOf(emulator: Emulator, figures: Record<string, string>, lang: Language = 'en'): void {
  const sheets = figuresFromSheets(emulator);
  expect(figures).toMatchObject({
    [t(lang, 'dash.applications')]: String(sheets.applications),
    [t(lang, 'dash.takingPart')]: String(sheets.takingPart),
    [t(lang, 'dash.placesRequested')]: String(sheets.placesRequested),
    [t(lang, 'dash.placesOfPlaces')]: `${sheets.seatsGranted} / ${sheets.places}`,
    [t(lang, 'dash.noticesSent')]: String(sheets.noticesSent),
    [t(lang, 'dash.noticesWaiting')]: String(sheets.noticesWaiting),
  });
}

/** Nothing wider than the sidebar and no button caption cut off. */
async function expectToFit(page: Page): Promise<void> {
  const layout = await page.evaluate(() => ({
    pageWidth: document.documentElement.scrollWidth,
    viewport: document.documentElement.clientWidth,
    widest: Math.max(...Array.from(document.querySelectorAll('body *')).map((e) => e.getBoundingClientRect().right)),
    clippedButtons: Array.from(document.querySelectorAll('#actions button'))
      .filter((b) => b.scrollWidth > b.clientWidth || b.scrollHeight > b.clientHeight)
      .map((b) => b.textContent),
  }));
  expect(layout.viewport).toBeLessThanOrEqual(300);
  expect(layout.pageWidth).toBeLessThanOrEqual(layout.viewport);
  expect(layout.widest).toBeLessThanOrEqual(layout.viewport);
  expect(layout.clippedButtons).toEqual([]);
}

function expectCleanPage(sidebar: Sidebar): void {
  expect(sidebar.seen.errors).toEqual([]);
  expect(networkRequests(sidebar.seen.requests)).toEqual([]);
}

describe('the dashboard sidebar', () => {
  it('shows the figures of the sheets: overview, seats and demand, decisions per excursion', async () => {
    const emulator = allocatedCall('en');
    // figuresFromSheets counts Received as taking part, which holds while these two are FALSE.
    const settings = records(emulator, 'Settings');
    expect(settings.filter((r) => ['requireSignedForm', 'acceptLate'].includes(String(r.Key)))).toEqual(
      [
        { Key: 'acceptLate', Value: false },
        { Key: 'requireSignedForm', Value: false },
      ].map((x) => expect.objectContaining(x)),
    );
    const sidebar = await openSidebar(emulator);
    const { page } = sidebar;
    const sheets = figuresFromSheets(emulator);
    expect(sheets.seatsGranted).toBeGreaterThan(0);
    expect(sheets.excursions[0].waitlisted).toBeGreaterThan(0);

    expectOverviewOf(emulator, await overview(page));
    // Places against places: what was asked for is counted in places, as the places themselves.
    expect(await barTitles(page, 'places')).toEqual(
      sheets.excursions.flatMap((e) => [
        `Places: ${e.places}`,
        `Places asked for: ${e.placesRequested}`,
        `Places granted: ${e.granted}`,
      ]),
    );
    expect(await barTitles(page, 'decisions')).toEqual(
      sheets.excursions.flatMap((e) => [
        `Accepted: ${e.accepted}`,
        `Waitlisted: ${e.waitlisted}`,
        `Declined: ${e.declined}`,
        `Offer lapsed: ${e.lapsed}`,
        `Not selected: ${e.notSelected}`,
      ]),
    );
    // Every excursion is named in full in each chart.
    for (const chart of ['places', 'decisions']) {
      const labels = await page.$$eval(`[data-chart="${chart}"] .ed-label`, (ls) => ls.map((x) => x.textContent));
      expect(labels).toEqual(sheets.excursions.map((e) => e.label));
    }
    expect(sidebar.bridge.calls).toEqual(['getDashboardData']);
    expectCleanPage(sidebar);
    await page.close();
  });

  it('runs each action from its button in the emulator and shows its outcome, then the new figures', async () => {
    const emulator = submittedCall('en');
    const sidebar = await openSidebar(emulator);
    const { page, bridge } = sidebar;
    const scores = () => records(emulator, 'Applications').map((r) => r.Score);
    expect(scores().every((s) => s === '')).toBe(true);

    // While the server works the buttons are disabled and the page says what runs.
    const release = bridge.hold();
    await page.click('#action-score');
    expect(await page.$$eval('#actions button', (bs) => bs.map((b) => (b as HTMLButtonElement).disabled))).toEqual(
      BUTTONS.map(() => true),
    );
    expect(await text(page, '#status')).toBe('Running Score applicants…');
    release();
    await idle(page);
    expect(scores().every((s) => typeof s === 'number')).toBe(true);
    expect(await text(page, '#status')).toBe(emulator.ui.alerts.at(-1)!.prompt);
    expect(await text(page, '#status')).toBe(`Scored ${scores().length} applications.`);

    await click(page, 'allocate');
    expect(records(emulator, 'Allocations').length).toBeGreaterThan(0);
    expect(await text(page, '#status')).toBe(emulator.ui.alerts.at(-1)!.prompt);
    expect(figuresFromSheets(emulator).seatsGranted).toBeGreaterThan(0);
    expectOverviewOf(emulator, await overview(page));

    const dialogs = emulator.ui.dialogs.length;
    await click(page, 'preview');
    expect(emulator.ui.dialogs.length).toBe(dialogs + 1);
    expect(emulator.ui.dialogs.at(-1)!.title).toBe(t('en', 'preview.title'));
    expect(await text(page, '#status')).toBe('Preview notices: done.');

    const mails = emulator.mailApp.outbox.length;
    await click(page, 'send');
    expect(emulator.mailApp.outbox.length).toBeGreaterThan(mails);
    expect(await text(page, '#status')).toBe(emulator.ui.alerts.at(-1)!.prompt);
    expectOverviewOf(emulator, await overview(page));

    await click(page, 'refreshForm');
    // Allocation closed the excursions (Status "Allocated"), so the form is left as it was, and says so.
    expect(await text(page, '#status')).toBe(t('en', 'refresh.none'));
    expect(emulator.ui.alerts.at(-1)!.prompt).toBe(t('en', 'refresh.none'));

    await click(page, 'setup');
    expect(emulator.ui.dialogs.at(-1)!.title).toBe('Excursion Desk is set up');
    expect(await text(page, '#status')).toBe('Excursion Desk is set up');

    await click(page, 'refresh');
    expect(await text(page, '#status')).toBe('');
    expect(await page.locator('#error').isHidden()).toBe(true);
    // Each action is followed by a fresh read of the figures.
    expect(bridge.calls).toEqual([
      'getDashboardData',
      ...[
        'scoreApplicants',
        'allocatePlaces',
        'previewNotices',
        'sendNotices',
        'refreshForm',
        'setupWorkspace',
      ].flatMap((fn) => [fn, 'getDashboardData']),
      'getDashboardData',
    ]);
    expectCleanPage(sidebar);
    await page.close();
  });

  it('shows a server error as a message naming the problem, and stays usable', async () => {
    const emulator = allocatedCall('en');
    const sidebar = await openSidebar(emulator);
    const { page } = sidebar;
    expect(await page.locator('[role="alert"]').isHidden()).toBe(true);
    const before = await overview(page);

    emulator.workbook().deleteSheet(emulator.workbook().sheetByName('Applications')!);
    await click(page, 'refresh');
    const alert = page.locator('[role="alert"]');
    expect(await alert.isVisible()).toBe(true);
    expect(await alert.textContent()).toBe(
      'Refresh figures failed: There is no sheet "Applications". Run Set up to create it; nothing was written.',
    );
    // The last figures stay on screen, and the buttons work again.
    expect(await overview(page)).toEqual(before);
    expect(await page.locator('#actions button:disabled').count()).toBe(0);
    await expectToFit(page);
    await screenshot(page, 'sidebar-error');

    // Set up from the sidebar repairs the workbook; the message goes once the figures read again.
    await click(page, 'setup');
    expect(emulator.workbook().sheetByName('Applications')).toBeTruthy();
    expect(await alert.isHidden()).toBe(true);
    expect(sidebar.seen.errors).toEqual([]);
    await page.close();
  });

  it('renders in Slovenian when the Settings language is sl (English only until the figures arrive)', async () => {
    const emulator = allocatedCall('sl');
    const sidebar = await openSidebar(emulator, { holdFirstCall: true });
    const { page } = sidebar;
    expect(emulator.ui.sidebars.at(-1)!.title).toBe('Excursion Desk: nadzorna plošča');
    const captions = () => page.$$eval('#actions button', (bs) => bs.map((b) => b.textContent));

    await page.waitForFunction(() => document.querySelectorAll('#actions button').length > 0);
    expect(await captions()).toEqual(BUTTONS.map(([, key]) => t('en', key)));
    expect(await text(page, '#status')).toBe(t('en', 'dash.loading'));

    sidebar.release();
    await idle(page);
    expect(await captions()).toEqual(BUTTONS.map(([, key]) => t('sl', key)));
    expect(await page.getAttribute('html', 'lang')).toBe('sl');
    expect(await page.$$eval('#dashboard h3', (hs) => hs.map((h) => h.textContent))).toEqual([
      'Pregled',
      'Mesta po ekskurzijah: zaprošena in dodeljena',
      'Odločitve po ekskurzijah (število občin)',
      'Prijave po statusu',
      'Prijave po regijah',
      'Porazdelitev točk',
      'Obvestila',
    ]);
    expectOverviewOf(emulator, await overview(page), 'sl');
    await expectToFit(page);
    await screenshot(page, 'sidebar-sl');

    await click(page, 'score');
    expect(await text(page, '#status')).toBe(emulator.ui.alerts.at(-1)!.prompt);
    await click(page, 'preview');
    expect(await text(page, '#status')).toBe(`${t('sl', 'menu.preview')}: končano.`);
    expectCleanPage(sidebar);
    await page.close();
  });

  it('fits the 300 px sidebar: nothing wider than the page, no caption cut off', async () => {
    const emulator = allocatedCall('en');
    const sidebar = await openSidebar(emulator);
    const { page } = sidebar;
    await expectToFit(page);
    expect(await page.locator('#dashboard .ed-chart').count()).toBe(5);
    await screenshot(page, 'sidebar');
    expectCleanPage(sidebar);
    await page.close();
  });
});
