/** `excursion-desk run --from`, `--at` and `--replies`: a season continued across runs, on the built bundle. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { replyLinks } from '../../src/cli/demo';
import { checkInput, runSeason } from '../../src/cli/run';
import { BUILD_DIR, runCli, SAMPLE_DIR } from './harness';

const HOUR = 3600 * 1000;
const sample = (name: string) => join(SAMPLE_DIR, name);

function records(dir: string, sheet: string): Record<string, string>[] {
  return parse(readFileSync(join(dir, `${sheet}.csv`), 'utf8'), { columns: true }) as Record<string, string>[];
}

/** The first `n` answers of the sample export, as a file of their own. */
function firstAnswers(dir: string, n: number): string {
  const rows = parse(readFileSync(sample('responses.csv'), 'utf8')) as string[][];
  const file = join(dir, `first-${n}.csv`);
  writeFileSync(file, stringify(rows.slice(0, n + 1)));
  return file;
}

/** What decides a season: every allocation row, every application's status and score, every notice key. */
function outcome(dir: string) {
  const key = (r: Record<string, string>, cols: string[]) => cols.map((c) => r[c]).join(' | ');
  return {
    allocations: records(dir, 'Allocations')
      .map((r) =>
        key(r, [
          'Application ID',
          'Excursion ID',
          'Decision',
          'Places Granted',
          'Waitlist Position',
          'Response',
          'Told',
        ]),
      )
      .sort(),
    applications: records(dir, 'Applications')
      .map((r) => key(r, ['Application ID', 'Municipality', 'Status', 'Score']))
      .sort(),
    notices: records(dir, 'Notices')
      .map((r) => key(r, ['Notice Key', 'Type', 'Status']))
      .sort(),
  };
}

describe('excursion-desk run --from', () => {
  const dir = mkdtempSync(join(tmpdir(), 'from-'));
  const first = firstAnswers(dir, 40);
  const base = ['--excursions', sample('excursions.csv'), '--settings', sample('settings.csv')];

  it('continues a season with the same results as one spreadsheet would give', () => {
    const out1 = join(dir, 'week1');
    expect(runCli(['run', '--responses', first, ...base, '--out', out1]).code).toBe(0);
    // Staff record three declines in the CSV, as they would in the sheet.
    const allocations = parse(readFileSync(join(out1, 'Allocations.csv'), 'utf8')) as string[][];
    const h = allocations[0];
    const declined = allocations
      .slice(1)
      .filter((r) => r[h.indexOf('Decision')] === 'Accepted')
      .slice(0, 3);
    for (const r of declined) r[h.indexOf('Response')] = 'Declined';
    writeFileSync(join(out1, 'Allocations.csv'), stringify(allocations));
    const ids = declined.map((r) => `${r[h.indexOf('Application ID')]}|${r[h.indexOf('Excursion ID')]}`);

    // The whole export again, a week later: the first 40 answers are recognised, the rest taken in.
    const out2 = join(dir, 'week2');
    const continued = runCli(['run', '--from', out1, '--responses', sample('responses.csv'), '--out', out2]);
    expect(continued.err).toBe('');
    expect(continued.code).toBe(0);
    expect(continued.out).toMatch(/40 answers and replies taken in by the earlier run, skipped/);

    // The same season in one spreadsheet: the same first run, the declines typed into the sheet,
    // the rest of the answers submitted, then the same menu actions.
    const rest = checkInput({
      responses: sample('responses.csv'),
      excursions: sample('excursions.csv'),
      out: '',
    }).responses.slice(40);
    const reference = runSeason(
      {
        responses: first,
        excursions: sample('excursions.csv'),
        settings: sample('settings.csv'),
        out: join(dir, 'one'),
        bundleDir: BUILD_DIR,
      },
      (emulator) => {
        const sheet = emulator.workbook().sheetByName('Allocations')!;
        const rows = sheet.dataValues();
        const head = rows[0].map(String);
        rows.forEach((r, i) => {
          if (ids.includes(`${r[head.indexOf('Application ID')]}|${r[head.indexOf('Excursion ID')]}`))
            sheet.setValue(i, head.indexOf('Response'), 'Declined');
        });
        for (const r of rest) {
          emulator.env.clock.set(r.timestamp);
          emulator.submit(r.answers, { timestamp: r.timestamp, validate: false });
          // Staff type the content score the export carries, as the runner does for each answer.
          const apps = emulator.workbook().sheetByName('Applications')!;
          const header = apps.dataValues()[0].map(String);
          if (r.contentScore !== null)
            apps.setValue(apps.lastRow() - 1, header.indexOf('Content Score'), r.contentScore);
        }
        emulator.env.clock.advance(HOUR);
        emulator.run('runScheduledWork');
        for (const action of ['scoreApplicants', 'allocatePlaces', 'sendNotices']) emulator.run(action);
      },
    );
    expect(reference.stopped).toEqual([]);
    expect(outcome(out2)).toEqual(outcome(reference.out));
    // Only what changed is told: the continued run's outbox holds this week's mails alone.
    const firstWeek = records(out1, 'Notices').filter((r) => r.Status === 'Sent').length;
    const sentNow = records(out2, 'Notices').filter((r) => r.Status === 'Sent').length;
    expect(sentNow - firstWeek).toBeGreaterThan(0);
    expect(continued.out).toContain(`${sentNow - firstWeek} mails`);
  });

  it('takes nothing twice when the same export is given again', () => {
    const out1 = join(dir, 'again1');
    expect(runCli(['run', '--responses', first, ...base, '--out', out1]).code).toBe(0);
    const again = runCli(['run', '--from', out1, '--responses', first, '--out', out1]);
    expect(again.err).toBe('');
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/^0 responses submitted, 0 applications taken in; 40 answers and replies taken in/m);
    expect(records(out1, 'Applications')).toHaveLength(40);
  });

  it('refuses a folder that is no earlier output, and a clock that goes back', () => {
    const notOutput = mkdtempSync(join(tmpdir(), 'not-output-'));
    writeFileSync(join(notOutput, 'Applications.csv'), 'Application ID\n');
    const refused = runCli(['run', '--from', notOutput, '--out', join(dir, 'x')]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/is not the output of an earlier run.*run the season once without --from first/);

    const out1 = join(dir, 'clock1');
    expect(runCli(['run', '--responses', first, ...base, '--out', out1]).code).toBe(0);
    const back = runCli(['run', '--from', out1, '--at', '2017-01-01T09:00', '--out', join(dir, 'clock2')]);
    expect(back.code).toBe(1);
    expect(back.err).toMatch(/--at: 2017-01-01T09:00 is before the clock the earlier run ended at/);
    const bad = runCli(['run', '--from', out1, '--at', '10.3.2017', '--out', join(dir, 'clock2')]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/"10\.3\.2017" is not a date and time in ISO 8601/);
  });

  it('reads a reply export strictly: an answer that is not an option names its row', () => {
    const replies = join(dir, 'replies.csv');
    writeFileSync(
      replies,
      stringify([
        ['Timestamp', 'Reply code', 'Your answer', 'Delegates', 'Message'],
        ['2017/03/01 9:00:00 AM GMT+1', 'APP-0001.CGN-2017-04.1.AAAAAAAAAAAAAAAA', 'Maybe', '', ''],
      ]),
    );
    const result = runCli(['run', '--responses', first, ...base, '--replies', replies, '--out', join(dir, 'r')]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/replies\.csv, row 2: "Your answer" "Maybe" is not one of "We confirm", "We decline"/);
  });

  it('takes a reply export with --replies: a valid code confirms, a forged one changes nothing', () => {
    const first = runSeason({
      responses: firstAnswers(dir, 20),
      excursions: sample('excursions.csv'),
      settings: sample('settings.csv'),
      out: join(dir, 'offers'),
      bundleDir: BUILD_DIR,
    });
    const [offer] = replyLinks(first.emulator);
    const code = decodeURIComponent(/entry\.\d+=([^&]+)/.exec(offer.url)?.[1] ?? '');
    const [app, exc] = code.split('.');
    // A day after the offers went out, well before their Reply By.
    const clock = JSON.parse(readFileSync(join(dir, 'offers', '.excursion-desk-state.json'), 'utf8')).clock as string;
    const at = (minutes: number) => new Date(Date.parse(clock) + 24 * 3600 * 1000 + minutes * 60000).toISOString();
    const replies = join(dir, 'replies-valid.csv');
    writeFileSync(
      replies,
      stringify([
        ['Timestamp', 'Reply code', 'Your answer', 'Delegates', 'Message'],
        [at(0), code, 'We confirm', '=HYPERLINK("x")\nMojca Žagar, podžupanja', ''],
        [at(5), code.replace(app, 'APP-0002'), 'We decline', '', 'forged'],
      ]),
    );
    const out = join(dir, 'replied');
    const result = runCli(['run', '--from', join(dir, 'offers'), '--replies', replies, '--out', out]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/2 replies submitted/);
    const row = records(out, 'Allocations').find((r) => r['Application ID'] === app && r['Excursion ID'] === exc);
    expect(row).toMatchObject({
      Response: 'Confirmed',
      'Delegates Named': '\'=HYPERLINK("x")\nMojca Žagar, podžupanja',
    });
    const other = records(out, 'Allocations').filter((r) => r['Application ID'] === 'APP-0002');
    expect(other.every((r) => r.Response === '')).toBe(true);
    expect(
      records(out, 'Log').some(
        (r) => r.Action === 'onFormSubmit' && /signature|altered|not valid|podpisa|spremenjena/i.test(r.Details),
      ),
    ).toBe(true);
    expect(
      records(out, 'Notices')
        .filter((r) => r.Type === 'reply')
        .map((r) => r['Application ID']),
    ).toEqual([app]);
  });
});
