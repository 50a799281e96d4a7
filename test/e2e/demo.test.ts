/** `excursion-desk demo`: one whole season on the sample call, and the progress bar. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { simpleParser } from 'mailparser';
import { main, progressBar } from '../../src/cli/main';
import { BUILD_DIR } from './harness';

const read = (dir: string, sheet: string): Record<string, string>[] =>
  parse(readFileSync(join(dir, `${sheet}.csv`), 'utf8'), { columns: true });

describe('the demo', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'demo-')), 'out');
  const lines: string[] = [];
  const code = main(
    ['demo', '--out', out, '--bundle', BUILD_DIR],
    (s) => lines.push(s),
    (s) => lines.push(`ERR ${s}`),
  );

  it('plays the season and says what it did and where to look', () => {
    expect(code).toBe(0);
    expect(lines.join('\n')).toMatch(/59 answers submitted to the form/);
    expect(lines.join('\n')).toMatch(
      /Through the personal reply links: \d+ confirmed \(naming delegates\), \d+ declined;/,
    );
    expect(lines.some((l) => l.includes(join(out, 'report.html')))).toBe(true);
    expect(lines.some((l) => l.startsWith('ERR'))).toBe(false);
  });

  it('takes the replies through the personal links: most confirm and name delegates, some decline, one lapses after its reminder', () => {
    const allocations = read(out, 'Allocations');
    const confirmed = allocations.filter((r) => r.Response === 'Confirmed');
    const declined = allocations.filter((r) => r.Response === 'Declined');
    const lapsed = allocations.filter((r) => r.Response === 'Lapsed');
    expect(confirmed.length).toBeGreaterThan(declined.length);
    expect(declined.length).toBeGreaterThan(0);
    expect(lapsed).toHaveLength(1);
    // The delegates came through the reply form, one a line, and are told back.
    expect(confirmed.every((r) => r['Delegates Named'].split('\n').length >= 1 && r['Delegates Named'] !== '')).toBe(
      true,
    );
    expect(confirmed.every((r) => /^Confirmed \d+$/.test(r.Told))).toBe(true);
    const notices = read(out, 'Notices').filter((n) => n.Status === 'Sent');
    const of = (type: string) => notices.filter((n) => n.Type === type);
    expect(of('reply')).toHaveLength(confirmed.length + declined.length);
    // The silent one was reminded once, then told its offer lapsed; nobody else was reminded.
    const silent = lapsed[0];
    expect(of('reminder').map((n) => n['Application ID'])).toEqual([silent['Application ID']]);
    expect(of('lapsed').map((n) => n['Application ID'])).toEqual([silent['Application ID']]);
    expect(silent.Told).toBe('Lapsed');
    // A municipality that declined is told nothing more about that excursion than its acknowledgement.
    for (const d of declined) {
      const about = notices.filter(
        (n) => n['Application ID'] === d['Application ID'] && n['Excursion ID'] === d['Excursion ID'],
      );
      expect(about.map((n) => n.Type).sort()).toEqual(['accepted', 'reply']);
    }
  });

  it('records declines and promotes from the waitlist, with a notice for each change', () => {
    const allocations = read(out, 'Allocations');
    expect(allocations.filter((r) => r.Response === 'Declined').every((r) => r.Decision === 'Not selected')).toBe(true);
    const notices = read(out, 'Notices');
    // Issue 12: a place freed goes to the waitlist as an `accepted` notice (`promoted` only for one holding a
    // lower place); every place held was told, and someone told it was waitlisted now holds that place.
    const pair = (r: Record<string, string>) => `${r['Application ID']}|${r['Excursion ID']}`;
    const sent = (types: string[]) =>
      new Set(notices.filter((n) => types.includes(n.Type) && n.Status === 'Sent').map(pair));
    const offered = sent(['accepted', 'promoted']);
    const accepted = allocations.filter((r) => r.Decision === 'Accepted');
    expect(accepted.every((r) => offered.has(pair(r)))).toBe(true);
    const waitlisted = sent(['waitlisted']);
    expect(accepted.some((r) => waitlisted.has(pair(r)))).toBe(true);
    expect(new Set(notices.map((n) => n['Notice Key'])).size).toBe(notices.length);
  });

  it('writes one .eml per notice sent, report.html with its charts, and the Summary sheet', () => {
    const sent = read(out, 'Notices').filter((n) => n.Status === 'Sent');
    expect(readdirSync(join(out, 'outbox'))).toHaveLength(sent.length);
    const report = readFileSync(join(out, 'report.html'), 'utf8');
    expect((report.match(/class="ed-chart"/g) ?? []).length).toBeGreaterThanOrEqual(5);
    expect(report).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    // Times on the spreadsheet's clock and in words, never a raw ISO instant.
    expect(report).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
    expect(readFileSync(join(out, 'Summary.csv'), 'utf8')).toContain('CGN-2017-04');
  });
});

describe("the demo's outbox", () => {
  it("holds only valid MIME messages, each to the notice's recipient, with a subject, both parts and no markup from an answer", async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'demo-mime-')), 'out');
    expect(
      main(
        ['demo', '--out', out, '--bundle', BUILD_DIR],
        () => {},
        () => {},
      ),
    ).toBe(0);
    const sent = read(out, 'Notices').filter((n) => n.Status === 'Sent');
    const recipients = new Set(sent.map((n) => n.To));
    const subjects = new Set(sent.map((n) => n.Subject));
    const files = readdirSync(join(out, 'outbox'));
    expect(files).toHaveLength(sent.length);
    for (const file of files) {
      const mail = await simpleParser(readFileSync(join(out, 'outbox', file)));
      const to = mail.to && !Array.isArray(mail.to) ? mail.to.value.map((v) => v.address) : [];
      expect([file, to.length === 1 && recipients.has(to[0] ?? '')]).toEqual([file, true]);
      expect([file, subjects.has(mail.subject ?? '')]).toEqual([file, true]);
      expect([file, (mail.text ?? '').length > 20, typeof mail.html === 'string']).toEqual([file, true, true]);
      expect([file, /<script|<img|onerror=|<[a-z.]+@/i.test(String(mail.html))]).toEqual([file, false]);
    }
  });
});

describe('the progress bar', () => {
  it('draws on a terminal and stays silent in a pipe', () => {
    const written: string[] = [];
    const tty = progressBar({ isTTY: true, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream);
    tty('submissions', 5, 10);
    tty.done();
    expect(written[0]).toContain('[###############---------------] 5/10');
    expect(written.at(-1)).toBe('\n');
    const silent: string[] = [];
    const pipe = progressBar({ isTTY: false, write: (s: string) => silent.push(s) } as unknown as NodeJS.WriteStream);
    pipe('notices', 1, 2);
    pipe.done();
    expect(silent).toEqual([]);
  });
});

describe('the demo as an editor add-on', () => {
  const dirs = ['bound', 'addon'].map((d) => join(mkdtempSync(join(tmpdir(), `demo-${d}-`)), 'out'));
  const codes = dirs.map((out, i) =>
    main(
      ['demo', '--out', out, '--bundle', BUILD_DIR, ...(i === 1 ? ['--addon'] : [])],
      () => {},
      () => {},
    ),
  );

  it('plays the same season under build-addon/ and its manifest as the bound script does under build/', () => {
    expect(codes).toEqual([0, 0]);
    const sheets = readdirSync(dirs[0]).filter((f) => f.endsWith('.csv'));
    expect(sheets.length).toBeGreaterThan(8);
    expect(readdirSync(dirs[1]).filter((f) => f.endsWith('.csv'))).toEqual(sheets);
    // Each run's reply secret is random (Utilities.getUuid), so only the signatures of the Reply codes differ.
    const unsigned = (csv: string) => csv.replace(/(\.\d+\.)[A-Za-z0-9_-]{16}(?![A-Za-z0-9_-])/g, '$1<signature>');
    for (const f of sheets)
      expect([f, unsigned(readFileSync(join(dirs[1], f), 'utf8'))]).toEqual([
        f,
        unsigned(readFileSync(join(dirs[0], f), 'utf8')),
      ]);
    expect(readdirSync(join(dirs[1], 'outbox'))).toEqual(readdirSync(join(dirs[0], 'outbox')));
  });

  it('fails plainly when the add-on build is missing', () => {
    const lines: string[] = [];
    const out = join(mkdtempSync(join(tmpdir(), 'demo-nobuild-')), 'out');
    const code = main(
      ['demo', '--addon', '--out', out, '--bundle', join(tmpdir(), 'no-such-build')],
      () => {},
      (s) => lines.push(s),
    );
    expect(code).not.toBe(0);
    expect(lines.join('\n')).toMatch(/no-such-build-addon.*Code\.js/);
  });
});
