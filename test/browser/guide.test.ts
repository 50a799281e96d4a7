/**
 * The staff guide (docs/guide.sl.md, docs/guide.en.md) and its pictures. A season is played on the
 * built bundle in the emulator in each language; what staff would see on the way (the menu, every
 * alert and confirmation, every HTML dialog, the sidebar with its data, an offer as the mail
 * program shows it) is drawn in Chromium as a mock of Google Sheets and written to docs/guide/ on
 * every run, so the pictures follow the code. The guides must link every picture, every picture
 * they link must exist, and their table "if you see this message" must hold each staff message
 * of src/core/i18n.ts, quoted as the catalogue words it today, with what to do.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { BUTTON_SET_BUTTONS } from '../../emulator/src/ui';
import { type MessageKey, t } from '../../src/core/i18n';
import { type Browser, type GasBridge, installGasShim, launchChromium } from './chromium';
import { drawAlert, drawDialog, drawMail, drawMenu, drawSidebar } from './guide-draw';
import { linkedImages, messageRows, quote, staffMessageKeys, updatedGuide } from './guide-messages';
import { type GuideLanguage, type GuideSeason, guideSeason } from './guide-season';

const DOCS = resolve(__dirname, '../../docs');
const PICTURES = join(DOCS, 'guide');
const guidePath = (lang: GuideLanguage) => join(DOCS, `guide.${lang}.md`);
const SPREADSHEET = { en: 'GrowSmarter call 2017', sl: 'Poziv GrowSmarter 2017' };

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(PICTURES, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

/** Draws `html` in a fresh page and writes the mock frame to docs/guide/<file>; returns the page for checks. */
async function picture(
  html: string,
  file: string,
  prepare?: (page: Page) => Promise<unknown>,
): Promise<{ page: Page; bridge?: GasBridge }> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1000, height: 800 });
  let bridge: GasBridge | undefined;
  if (prepare) bridge = (await prepare(page)) as GasBridge;
  await page.setContent(html, { waitUntil: 'load' });
  await write(page, file);
  return { page, bridge };
}

async function write(page: Page, file: string): Promise<void> {
  await page.locator('#frame').screenshot({ path: join(PICTURES, file) });
}

/** The frames' own pages' text (a dialog's HTML, the sidebar, the mail body). */
async function frameText(page: Page): Promise<string> {
  const texts = await Promise.all(page.frames().map((f) => f.evaluate(() => document.body?.textContent ?? '')));
  return texts.join('\n');
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

describe.each(['en', 'sl'] as const)('the staff guide in %s', (lang) => {
  let season: GuideSeason;
  const drawn: string[] = [];

  beforeAll(() => {
    season = guideSeason(lang);
  });

  test('the menu, every dialog of the season, the sidebar and an offer are drawn into docs/guide/', async () => {
    const spreadsheet = SPREADSHEET[lang];

    const menu = await picture(drawMenu(lang, spreadsheet, season.menu), `${lang}-menu.png`);
    drawn.push(`${lang}-menu.png`);
    const items = await menu.page.$$eval('[data-menu] [data-item]', (e) => e.map((x) => x.textContent));
    expect(items).toEqual(season.menu.items.flatMap((e) => (e.kind === 'item' ? [e.caption] : [])));
    expect(items.length).toBeGreaterThanOrEqual(7);
    await menu.page.close();

    for (const step of season.steps) {
      const shown = step.alerts.length + step.dialogs.length + step.sidebars.length;
      let n = 0;
      const name = () => `${lang}-${step.name}${shown > 1 ? `-${++n}` : ''}.png`;
      for (const alert of step.alerts) {
        const file = name();
        const { page } = await picture(drawAlert(lang, spreadsheet, alert), file);
        drawn.push(file);
        expect(norm((await page.locator('[data-prompt]').textContent()) ?? '')).toBe(norm(alert.prompt));
        expect(await page.$$eval('[data-button]', (b) => b.map((x) => x.getAttribute('data-button')))).toEqual(
          [...BUTTON_SET_BUTTONS[alert.buttons]].reverse(),
        );
        await page.close();
      }
      for (const dialog of step.dialogs) {
        const file = name();
        const { page } = await picture(drawDialog(lang, spreadsheet, dialog), file);
        drawn.push(file);
        expect(await page.locator('[data-title]').textContent()).toBe(dialog.title);
        // The dialog's own page, as the bundle wrote it, is what the frame shows.
        const inFrame = await page.frames()[1].content();
        expect(inFrame.length).toBeGreaterThan(dialog.html.length / 2);
        await page.close();
      }
      for (const sidebar of step.sidebars) {
        const file = name();
        // The sidebar's page asks the bundle for its figures through google.script.run.
        const { page, bridge } = await picture(drawSidebar(lang, spreadsheet, sidebar), file, (p) =>
          installGasShim(p, season.emulator),
        );
        for (let waited = 0; !bridge?.calls.includes('getDashboardData') && waited < 10_000; waited += 100) {
          await page.waitForTimeout(100);
        }
        expect(bridge?.calls).toContain('getDashboardData');
        // The answer reaches the page's success handler, which draws the figures.
        await page.waitForTimeout(700);
        await write(page, file);
        drawn.push(file);
        // The sidebar's own buttons, in the staff's language, are in the picture.
        expect(norm(await frameText(page))).toContain(t(lang, 'menu.allocate'));
        await page.close();
      }
    }

    const letter = await picture(drawMail(lang, season.letter), `${lang}-letter.png`);
    await letter.page.evaluate(() => {
      const f = document.querySelector<HTMLIFrameElement>('#mail');
      if (f?.contentDocument) f.style.height = `${f.contentDocument.documentElement.scrollHeight + 8}px`;
    });
    await write(letter.page, `${lang}-letter.png`);
    drawn.push(`${lang}-letter.png`);
    expect(await letter.page.locator('[data-subject]').textContent()).toBe(season.letter.subject);
    expect(norm(await frameText(letter.page))).toContain(norm(season.letter.body.split('\n')[0]));
    expect(await letter.page.locator('[data-caption]').count()).toBe(1);
    await letter.page.close();

    expect(drawn.length).toBeGreaterThanOrEqual(12);
  });

  test('the guide links every picture drawn, and every picture it links exists', () => {
    const markdown = readFileSync(guidePath(lang), 'utf8');
    const linked = linkedImages(markdown);
    const missing = linked.filter((src) => !existsSync(join(DOCS, src)));
    expect(missing).toEqual([]);
    const unlinked = drawn.filter((file) => !linked.includes(`guide/${file}`));
    expect(unlinked).toEqual([]);
  });

  test('the guide names every entry of the menu as the menu words it, in bold', () => {
    const markdown = readFileSync(guidePath(lang), 'utf8');
    const captions = season.menu.items.flatMap((e) => (e.kind === 'item' ? [e.caption] : []));
    expect(captions.filter((caption) => !markdown.includes(`**${caption}**`))).toEqual([]);
  });

  test('the table "if you see this message" holds every staff message, quoted as it reads today, with what to do', () => {
    let markdown = readFileSync(guidePath(lang), 'utf8');
    if (process.env.UPDATE_GUIDE === '1') {
      markdown = updatedGuide(markdown, lang);
      writeFileSync(guidePath(lang), markdown);
    }
    const rows = messageRows(markdown);
    const keys = staffMessageKeys(lang);
    expect(keys.length).toBeGreaterThan(50);
    const byKey = new Map(rows.map((r) => [r.key, r]));
    expect(keys.filter((k) => !byKey.has(k))).toEqual([]);
    // A row for a message that no longer exists would send staff looking for something they never see.
    expect(rows.map((r) => r.key).filter((k) => !(keys as string[]).includes(k))).toEqual([]);
    expect(rows.filter((r) => r.quoted !== quote(lang, r.key as MessageKey)).map((r) => r.key)).toEqual([]);
    expect(rows.filter((r) => r.todo === '').map((r) => r.key)).toEqual([]);
    expect(rows.length).toBe(new Set(rows.map((r) => r.key)).size);
  });
});
