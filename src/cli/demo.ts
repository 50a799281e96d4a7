/**
 * `npm run demo`: one whole season of the sample call, offline, on the built bundle. Set-up, every
 * answer submitted to the form, content scores given, scoring, allocation, notices; then the
 * municipalities offered a place answer through the personal reply links in their letters (most
 * confirm and name their delegates, some decline, one lets its offer lapse after its reminder), the
 * hourly trigger does what falls due, staff allocate the freed places again, and only what changed
 * is told. Writes out/ and says what happened and where to look.
 */
import { join, resolve } from 'node:path';
import type { Emulator } from '../../emulator/src';
import { REPLY_ANSWERS, REPLY_QUESTION, SHEET } from '../core/vocabulary';
import { type Progress, type RunSummary, replyFormId, runSeason, sendWithProgress } from './run';

const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;

/** Delegates the sample municipalities name (one a line, name and position, as the reply form asks). */
const DELEGATES = [
  ['Mojca Žagar, podžupanja', 'Matjaž Čuk, vodja oddelka za okolje'],
  ['Špela Kovačič, svetovalka za energetiko'],
  ['Tomaž Šinkovec, direktor občinske uprave', 'Nataša Bizjak, višja svetovalka', 'Jure Zupan, projektni vodja'],
];

/** The personal reply links in the outbox's letters, newest letter last, with the address each went to. */
export function replyLinks(emulator: Emulator, since = 0): { to: string; url: string }[] {
  const formId = replyFormId(emulator);
  if (!formId) return [];
  const links: { to: string; url: string }[] = [];
  for (const mail of emulator.mailApp.outbox.slice(since)) {
    const html = (mail.htmlBody ?? '').replace(/&amp;/g, '&');
    const found = [...`${mail.body}\n${html}`.matchAll(/https:\/\/docs\.google\.com\/forms\/d\/e\/[^\s"'<>]+/g)]
      .map((m) => m[0])
      .find((url) => url.includes(formId) && url.includes('usp=pp_url'));
    if (found) links.push({ to: mail.to.join(', '), url: found });
  }
  return links;
}

export interface DemoReplies {
  confirmed: number;
  declined: number;
  lapsed: number;
  /** Who let its offer lapse. */
  silent: string;
}

/**
 * The municipalities answer through their links, a day or two after the letters: every fifth
 * declines, the third stays silent (its offer lapses), the others confirm and name delegates.
 */
export function replyThroughLinks(emulator: Emulator, links: { to: string; url: string }[]): DemoReplies {
  const [confirm, decline] = REPLY_ANSWERS;
  const result: DemoReplies = { confirmed: 0, declined: 0, lapsed: 0, silent: '' };
  links.forEach((link, i) => {
    if (i === 2) {
      result.silent = link.to;
      result.lapsed++;
      return;
    }
    emulator.advance(37 * 60 * 1000);
    if ((i + 1) % 5 === 0) {
      emulator.submitPrefilled(link.url, {
        [REPLY_QUESTION.answer]: decline,
        [REPLY_QUESTION.message]: 'Žal se ekskurzije v tem terminu ne moremo udeležiti.',
      });
      result.declined++;
    } else {
      emulator.submitPrefilled(link.url, {
        [REPLY_QUESTION.answer]: confirm,
        [REPLY_QUESTION.delegates]: DELEGATES[i % DELEGATES.length].join('\n'),
      });
      result.confirmed++;
    }
  });
  return result;
}

function count(rows: unknown[][] | null, header: string): Map<string, number> {
  const out = new Map<string, number>();
  if (!rows || rows.length === 0) return out;
  const at = rows[0].indexOf(header);
  for (const r of rows.slice(1)) out.set(String(r[at]), (out.get(String(r[at])) ?? 0) + 1);
  return out;
}

const list = (m: Map<string, number>) =>
  [...m.entries()]
    .filter(([k]) => k !== '')
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');

export interface DemoStory {
  replies: DemoReplies;
  firstRound: Map<string, number>;
  /** Mails sent before the replies, and after them. */
  firstMails: number;
}

/** Plays the season into `out`; `say` prints what it did. */
export function runDemo(options: {
  out: string;
  bundleDir: string;
  deployment?: 'bound' | 'addon';
  progress: Progress;
  say: (s: string) => void;
}): RunSummary & { demo?: DemoStory } {
  const root = resolve(__dirname, '..', '..');
  let story: DemoStory | undefined;
  const summary = runSeason(
    {
      responses: join(root, 'sample/responses.csv'),
      excursions: join(root, 'sample/excursions.csv'),
      settings: join(root, 'sample/settings.csv'),
      out: options.out,
      bundleDir: options.bundleDir,
      deployment: options.deployment,
    },
    (emulator, progress) => {
      const firstRound = count(emulator.sheetValues(SHEET.allocations), 'Decision');
      const firstMails = emulator.mailApp.outbox.length;
      // A day later the municipalities answer through their links; the hourly trigger sends each
      // acknowledgement, reminds the silent one two days before its Reply By, and lapses its offer
      // when the day has passed. The clock moves an hour at a time, as the trigger does.
      emulator.advance(DAY);
      const replies = replyThroughLinks(emulator, replyLinks(emulator));
      for (let hours = 0; hours < 8 * 24; hours++) emulator.advance(HOUR);
      // Staff allocate the places the declines and the lapse freed, and send what changed.
      emulator.run('allocatePlaces');
      sendWithProgress(emulator, progress);
      story = { replies, firstRound, firstMails };
    },
    options.progress,
  );
  return Object.assign(summary, { demo: story });
}

/** The demo's closing words: what happened and where to look. */
export function describeDemo(
  summary: RunSummary & { demo?: DemoStory },
  read: (sheet: string) => unknown[][] | null,
): string[] {
  const apps = read(SHEET.applications);
  const notices = read(SHEET.notices);
  const sent = new Map<string, number>();
  if (notices && notices.length > 0) {
    const h = notices[0];
    for (const r of notices.slice(1))
      if (r[h.indexOf('Status')] === 'Sent')
        sent.set(String(r[h.indexOf('Type')]), (sent.get(String(r[h.indexOf('Type')])) ?? 0) + 1);
  }
  const d = summary.demo;
  return [
    'Excursion Desk demo: one season of the SOS GrowSmarter call (sample data), run offline on build/Code.js.',
    '  Set up: the sheets, the application form, the reply form, the form-submit trigger and the notice templates.',
    `  ${summary.responses} answers submitted to the form; taken in as ${list(count(apps, 'Status'))}.`,
    d ? `  Scored and allocated: ${list(d.firstRound)}; ${d.firstMails} mails sent.` : '',
    d
      ? `  Through the personal reply links: ${d.replies.confirmed} confirmed (naming delegates), ${d.replies.declined} declined; ${d.replies.silent || 'one municipality'} did not answer, was reminded, and its offer lapsed.`
      : '',
    d ? `  Re-allocated: ${list(count(read(SHEET.allocations), 'Decision'))}.` : '',
    `  Notices sent: ${list(sent)} (${summary.mails} mails in the outbox).`,
    '',
    `Look at ${join(summary.out, 'report.html')} (the dashboard), and in ${summary.out}/:`,
    '  Applications.csv, Allocations.csv (Response, Reply By, Delegates Named, Told), Notices.csv, Log.csv, every other sheet as CSV, outbox/*.eml.',
  ].filter((line) => line !== '');
}
