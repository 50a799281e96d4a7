/**
 * `npm run demo`: one whole season of the sample call, offline, on the built bundle. Set-up, every
 * answer submitted to the form, content scores given, scoring, allocation, notices; then the
 * municipalities offered a place answer through the personal reply links in their letters (most
 * confirm and name their delegates, some decline, one lets its offer lapse after its reminder), the
 * hourly trigger does what falls due, staff allocate the freed places again, and only what changed
 * is told. Writes out/ and says what happened and where to look.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Emulator } from '../../emulator/src';
import { municipalityKey } from '../core/municipalities';
import { QUESTION, REPLY_ANSWERS, REPLY_QUESTION, SHEET } from '../core/vocabulary';
import { type Progress, type RunSummary, replyFormId, runSeason, type SeasonHooks, sendWithProgress } from './run';

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

/** What the call did in the demo (issue 15). */
export interface DemoCall {
  /** The confirmation staff saw: how many go, what the quota allows, who is left out. */
  confirmation: string;
  invited: number;
  /** Answers submitted through the personal link of the invitation, and typed into the bare form. */
  throughLinks: number;
  typed: number;
  reminded: number;
}

export interface DemoStory {
  call: DemoCall;
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
  const call: DemoCall = { confirmation: '', invited: 0, throughLinks: 0, typed: 0, reminded: 0 };
  let links = new Map<string, string>();
  let submitted = 0;
  const hooks: SeasonHooks = {
    // Staff paste the sample addresses into Municipalities and send the call before any answer.
    afterSetup: (emulator) => {
      pasteEmails(emulator, join(root, 'sample/municipality-emails.csv'));
      emulator.ui.reset();
      emulator.run('sendInvitations');
      call.confirmation = emulator.ui.alerts[0]?.prompt ?? '';
      links = formLinks(emulator);
      call.invited = links.size;
    },
    // Three answers in four come through the municipality's own link (its name already filled in),
    // the rest are typed into the bare form as before. What the trigger has due by then runs first
    // (the call reminder, two days before the deadline).
    submit: (emulator, answers, timestamp) => {
      emulator.advance(0);
      const url = links.get(municipalityKey(String(answers[QUESTION.municipality] ?? '')));
      if (url && submitted++ % 4 !== 3) {
        const { [QUESTION.municipality]: _typed, ...rest } = answers;
        emulator.submitPrefilled(url, rest, { timestamp, validate: false });
        call.throughLinks++;
      } else {
        emulator.submit(answers, { timestamp, validate: false });
        call.typed++;
      }
    },
  };
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
      call.reminded = countSent(emulator, 'call_reminder');
      story = { call, replies, firstRound, firstMails };
    },
    options.progress,
    hooks,
  );
  return Object.assign(summary, { demo: story });
}

/** Staff pasting a Name,Email list into Municipalities (each address next to its name). */
function pasteEmails(emulator: Emulator, file: string): void {
  const list = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as {
    Name: string;
    Email: string;
  }[];
  const byName = new Map(list.map((r) => [r.Name, r.Email]));
  const sheet = emulator.workbook().sheetByName(SHEET.municipalities);
  if (!sheet) return;
  const rows = sheet.dataValues();
  const name = rows[0].indexOf('Name');
  const email = rows[0].indexOf('Email');
  rows.forEach((r, i) => {
    const address = byName.get(String(r[name]));
    if (i > 0 && address) sheet.setValue(i, email, address);
  });
}

/** The personal application form link of each invitation in the outbox, by the municipality it names. */
export function formLinks(emulator: Emulator): Map<string, string> {
  const out = new Map<string, string>();
  for (const mail of emulator.mailApp.outbox) {
    const html = (mail.htmlBody ?? '').replace(/&amp;|&#38;/g, '&');
    const url = `${mail.body}\n${html}`.match(
      /https:\/\/docs\.google\.com\/forms\/d\/e\/[^\s"'<>]+usp=pp_url[^\s"'<>]*/,
    )?.[0];
    if (!url) continue;
    const named = emulator.responder.openPrefilled(url).answers[QUESTION.municipality];
    if (typeof named === 'string' && named) out.set(municipalityKey(named), url);
  }
  return out;
}

/** Notices of `type` Sent. */
function countSent(emulator: Emulator, type: string): number {
  const rows = emulator.sheetValues(SHEET.notices) ?? [];
  if (rows.length === 0) return 0;
  const h = rows[0];
  return rows.slice(1).filter((r) => r[h.indexOf('Type')] === type && r[h.indexOf('Status')] === 'Sent').length;
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
    d
      ? `  Sent the call: ${d.call.invited} invitations, each with its municipality's own link to the form (sample addresses under the reserved domain .example, sample/municipality-emails.csv). Staff were asked first:`
      : '',
    ...(d
      ? d.call.confirmation
          .split('\n')
          .filter((l) => l.trim() !== '')
          .map((l) => `      ${l}`)
      : []),
    `  ${summary.responses} answers submitted to the form${d ? ` (${d.call.throughLinks} through the personal links, ${d.call.typed} typed into the bare form)` : ''}; taken in as ${list(count(apps, 'Status'))}.`,
    d
      ? `  Call reminder: ${d.call.reminded} invited municipalities that had not applied two days before the deadline.`
      : '',
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
