/** `excursion-desk run` and `demo`: the bundle in the emulator, fed from CSV files. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { main } from '../../src/cli/main';
import { runCli, SAMPLE_DIR } from './harness';

function csv(dir: string, name: string): Record<string, string>[] {
  return parse(readFileSync(join(dir, `${name}.csv`), 'utf8'), { columns: true });
}

/** A responses export with the sample's columns: its first rows, each changed as `rows` says (a column set to undefined is left out). */
function exportWith(rows: Record<string, string | undefined>[]): string {
  const sample = parse(readFileSync(join(SAMPLE_DIR, 'responses.csv'), 'utf8'), { columns: true }) as Record<
    string,
    string
  >[];
  const changed = rows.map((r, i) => ({ ...sample[i], ...r }));
  const header = [...new Set([...Object.keys(sample[0]), ...rows.flatMap((r) => Object.keys(r))])].filter(
    (h) => !rows.some((r) => h in r && r[h] === undefined),
  );
  return stringify([header, ...changed.map((r) => header.map((h) => r[h] ?? ''))]);
}

describe('excursion-desk run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'run-'));

  it('takes in every response of an export and writes every sheet as CSV', () => {
    const out = join(dir, 'season');
    const result = runCli([
      'run',
      '--responses',
      join(SAMPLE_DIR, 'responses.csv'),
      '--excursions',
      join(SAMPLE_DIR, 'excursions.csv'),
      '--settings',
      join(SAMPLE_DIR, 'settings.csv'),
      '--out',
      out,
    ]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    // The summary of what came out: applications by status, decisions, notices by type, skipped mails.
    expect(result.out).toMatch(/^Applications: Received \d+, .*Late 2\.$/m);
    expect(result.out).toMatch(/^Decisions: Accepted \d+, Waitlisted \d+\.$/m);
    expect(result.out).toMatch(/^Notices sent: received \d+, .*accepted \d+.*; skipped 2\.$/m);
    expect(result.out).toMatch(/^ {2}skipped: incomplete to @info: .*"@info"/m);
    const responses = parse(readFileSync(join(SAMPLE_DIR, 'responses.csv'), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    const applications = csv(out, 'Applications');
    expect(applications).toHaveLength(responses.length);
    for (const name of [
      'Applications',
      'Excursions',
      'Allocations',
      'Notices',
      'Summary',
      'Settings',
      'Scoring',
      'Municipalities',
      'Log',
      'Form Responses 1',
    ])
      expect(existsSync(join(out, `${name}.csv`))).toBe(true);
    // Every notice sent is in the outbox, one .eml each; none is left waiting.
    const sent = csv(out, 'Notices').filter((n) => n.Status === 'Sent');
    expect(readdirSync(join(out, 'outbox'))).toHaveLength(sent.length);
    expect(csv(out, 'Notices').filter((n) => n.Status === 'Queued' || n.Status === 'Sending')).toEqual([]);
    // Content scores of the export are the staff's, written next to each application.
    expect(applications.map((a) => a['Content Score'])).toEqual(responses.map((r) => r['Content Score']));
    // Text that would read as a formula is written behind an apostrophe, dates as ISO 8601.
    expect(applications.some((a) => a.Motivation.startsWith("'="))).toBe(true);
    expect(applications[0]['Submitted At']).toMatch(/^2017-02-\d\dT\d\d:\d\d:\d\d\+01:00$/);
    // Scored (in Slovenian, the sample call's language) and allocated.
    const received = applications.filter((a) => a.Status === 'Received');
    expect(received.every((a) => a.Score !== '' && a['Score Breakdown'].startsWith('Znanje angleščine'))).toBe(true);
    const allocated = new Set(csv(out, 'Allocations').map((r) => r['Application ID']));
    // Only a municipality of the register takes part (issue 12); one that is not waits for staff.
    const register = new Set(csv(out, 'Municipalities').map((m) => m.Name));
    expect(received.every((a) => allocated.has(a['Application ID']) === register.has(a.Municipality))).toBe(true);
    expect(csv(out, 'Notices').filter((n) => n.Type === 'accepted').length).toBeGreaterThan(0);
  });

  it('reads the staff list of municipalities when given', () => {
    const list = join(dir, 'municipalities.csv');
    writeFileSync(list, 'Name,Population,Region,Urban\nAtlantida,1234,Morje,false\n');
    const responses = join(dir, 'one.csv');
    writeFileSync(responses, exportWith([{ Municipality: 'Občina Atlantida', 'Email address': 'a@b.si' }]));
    const out = join(dir, 'atlantis');
    expect(
      runCli([
        'run',
        '--responses',
        responses,
        '--excursions',
        join(SAMPLE_DIR, 'excursions.csv'),
        '--municipalities',
        list,
        '--out',
        out,
      ]).code,
    ).toBe(0);
    expect(csv(out, 'Applications')[0]).toMatchObject({ Municipality: 'Atlantida', Population: '1234' });
  });

  it.each([
    [
      'a row with a missing field',
      'Timestamp,Municipality\n2017/02/20 10:15:32 AM GMT+1\n',
      /one\.csv, row 2: has 1 fields but the header has 2/,
    ],
    [
      'a timestamp it cannot read',
      exportWith([{ Timestamp: 'yesterday' }]),
      /one\.csv, row 2: "Timestamp" "yesterday" cannot be read: it is not a time like/,
    ],
    [
      'no Municipality column',
      'Timestamp\n2017/02/20 10:15:32 AM GMT+1\n',
      /one\.csv, row 1: has no column "Municipality"/,
    ],
    [
      'a grid column for no open excursion',
      exportWith([{ 'Excursion preferences [Oslo]': '1st choice' }]),
      /row 1: column "Excursion preferences \[Oslo\]" names no Open excursion/,
    ],
    [
      'a content score out of range',
      exportWith([{ 'Content Score': '11' }]),
      /row 2: "Content Score" "11" is not a number from 0 to 10/,
    ],
  ])('stops on %s, naming the file and row, and writes nothing', (_what, text, message) => {
    const responses = join(dir, 'one.csv');
    writeFileSync(responses, text);
    const out = join(dir, 'never');
    const result = runCli([
      'run',
      '--responses',
      responses,
      '--excursions',
      join(SAMPLE_DIR, 'excursions.csv'),
      '--out',
      out,
    ]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(message);
    expect(result.err).toMatch(/Nothing was written/);
    expect(existsSync(out)).toBe(false);
  });

  it('names the row of a bad excursion', () => {
    const excursions = join(dir, 'excursions.csv');
    writeFileSync(
      excursions,
      `${readFileSync(join(SAMPLE_DIR, 'excursions.csv'), 'utf8').trim()}\nX-1,Oslo,Oslo,2017-13-40,,5,1,,Open\n`,
    );
    const result = runCli([
      'run',
      '--responses',
      join(SAMPLE_DIR, 'responses.csv'),
      '--excursions',
      excursions,
      '--out',
      join(dir, 'never'),
    ]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/excursions\.csv, row 9: "Start Date" "2017-13-40" is not a date/);
  });

  it('leaves an earlier output folder as it was when the input is bad', () => {
    const out = join(dir, 'kept');
    expect(
      runCli([
        'run',
        '--responses',
        join(SAMPLE_DIR, 'responses.csv'),
        '--excursions',
        join(SAMPLE_DIR, 'excursions.csv'),
        '--out',
        out,
      ]).code,
    ).toBe(0);
    const before = readFileSync(join(out, 'Applications.csv'), 'utf8');
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'Timestamp,Municipality\nnope,Bled\n');
    expect(
      runCli(['run', '--responses', bad, '--excursions', join(SAMPLE_DIR, 'excursions.csv'), '--out', out]).code,
    ).toBe(1);
    expect(readFileSync(join(out, 'Applications.csv'), 'utf8')).toBe(before);
  });

  it('explains its usage on a wrong command or a missing flag', () => {
    expect(runCli(['frobnicate']).code).toBe(2);
    expect(runCli(['frobnicate']).err).toMatch(/Unknown command "frobnicate"[\s\S]*Usage:/);
    const missing = runCli(['run', '--excursions', 'x.csv']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/run needs --responses and --excursions/);
  });
});

describe('excursion-desk run on an export from a Slovenian account', () => {
  it('reads the Slovenian Timestamp header and times, and runs the season in that language', () => {
    const dir = mkdtempSync(join(tmpdir(), 'run-sl-'));
    const records = parse(readFileSync(join(SAMPLE_DIR, 'responses.csv'), 'utf8')) as string[][];
    // 2017/02/06 12:12:03 PM GMT+1 -> 6. 2. 2017 12:12:03, as a Slovenian account shows it.
    const slovenian = records.map((row, i) => {
      if (i === 0) return ['Časovni žig', ...row.slice(1)];
      const m = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{1,2}):(\d{2}):(\d{2}) ([AP]M)/.exec(row[0])!;
      const hour = (Number(m[4]) % 12) + (m[7] === 'PM' ? 12 : 0);
      return [`${Number(m[3])}. ${Number(m[2])}. ${m[1]} ${hour}:${m[5]}:${m[6]}`, ...row.slice(1)];
    });
    const responses = join(dir, 'odgovori.csv');
    writeFileSync(responses, stringify(slovenian));
    const out = join(dir, 'season');
    const result = runCli([
      'run',
      '--responses',
      responses,
      '--excursions',
      join(SAMPLE_DIR, 'excursions.csv'),
      '--settings',
      join(SAMPLE_DIR, 'settings.csv'),
      '--out',
      out,
    ]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(existsSync(join(out, 'Odgovori obrazca 1.csv'))).toBe(true);
    expect(existsSync(join(out, 'Form Responses 1.csv'))).toBe(false);
    const applications = csv(out, 'Applications');
    expect(applications).toHaveLength(records.length - 1);
    expect(applications[0]['Submitted At']).toBe('2017-02-06T10:13:10+01:00');
    expect(csv(out, 'Odgovori obrazca 1')[0]).toHaveProperty('Časovni žig');
  });
});

describe('excursion-desk run with the files a new user has (issue 13)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'run13-'));
  const EXCURSIONS = join(SAMPLE_DIR, 'excursions.csv');
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const run = (responses: string, out: string, ...more: string[]) =>
    runCli(['run', '--responses', responses, '--excursions', EXCURSIONS, '--out', out, ...more]);

  it('refuses an --out folder holding files it did not write, and deletes none of them', () => {
    const out = join(dir, 'mine');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'my notes');
    const result = run(join(SAMPLE_DIR, 'responses.csv'), out);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/mine: already holds files that Excursion Desk did not write \(notes\.txt\)/);
    expect(readdirSync(out)).toEqual(['notes.txt']);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('my notes');
  });

  it('refuses --out . in the folder that holds the input files, which stay', () => {
    const inputs = mkdtempSync(join(tmpdir(), 'inputs-'));
    for (const f of ['responses.csv', 'excursions.csv', 'settings.csv'])
      writeFileSync(join(inputs, f), readFileSync(join(SAMPLE_DIR, f)));
    const result = runCli([
      'run',
      '--responses',
      join(inputs, 'responses.csv'),
      '--excursions',
      join(inputs, 'excursions.csv'),
      '--settings',
      join(inputs, 'settings.csv'),
      '--out',
      `${inputs}/.`,
    ]);
    expect(result.code).toBe(1);
    expect(readdirSync(inputs).sort()).toEqual(['excursions.csv', 'responses.csv', 'settings.csv']);
  });

  it('replaces an earlier output of its own, marked as such, leaving nothing of the old one', () => {
    const out = join(dir, 'again');
    expect(run(join(SAMPLE_DIR, 'responses.csv'), out).code).toBe(0);
    expect(existsSync(join(out, '.excursion-desk-output'))).toBe(true);
    const before = readdirSync(join(out, 'outbox')).length;
    const one = file('one-answer.csv', exportWith([{}]));
    expect(run(one, out).code).toBe(0);
    expect(csv(out, 'Applications')).toHaveLength(1);
    expect(readdirSync(join(out, 'outbox')).length).toBeLessThan(before);
    expect(readdirSync(join(out, 'outbox'))).toHaveLength(
      csv(out, 'Notices').filter((n) => n.Status === 'Sent').length,
    );
    expect(readdirSync(dir).filter((f) => f.includes('.again.'))).toEqual([]);
  });

  it('refuses an earlier output to which the user added a file of their own, and keeps it', () => {
    const out = join(dir, 'annotated');
    expect(run(join(SAMPLE_DIR, 'responses.csv'), out).code).toBe(0);
    writeFileSync(join(out, 'outbox', 'my-reply.eml'), 'mine');
    const result = run(file('one.csv', exportWith([{}])), out);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/did not write \(outbox\/my-reply\.eml\)/);
    expect(readFileSync(join(out, 'outbox', 'my-reply.eml'), 'utf8')).toBe('mine');
    expect(csv(out, 'Applications').length).toBeGreaterThan(1);
  });

  it('exits non-zero when a step stopped, with the message staff would see and the English after it', () => {
    const settings = file('settings-two.csv', 'Key,Value\nlanguage,sl\nmaxExcursionsPerMunicipality,two\n');
    const out = join(dir, 'stopped');
    const result = run(join(SAMPLE_DIR, 'responses.csv'), out, '--settings', settings);
    expect(result.code).toBe(4);
    expect(result.err).toMatch(
      /Allocate places \(allocatePlaces\) stopped: Celica Settings!B3 .*maxExcursionsPerMunicipality.*"two"/,
    );
    expect(result.err).toMatch(/\(in English: Settings cell Settings!B3 \(maxExcursionsPerMunicipality\)/);
    expect(result.err).toMatch(/Log\.csv/);
    expect(csv(out, 'Allocations')).toEqual([]);
  });

  it('exits non-zero when Set up stopped, submitting nothing, and says why as staff would read it', () => {
    const excursions = file('closed.csv', readFileSync(EXCURSIONS, 'utf8').replace(/,Open$/gm, ',Closed'));
    const grid = Object.fromEntries(
      (parse(readFileSync(join(SAMPLE_DIR, 'responses.csv'), 'utf8')) as string[][])[0]
        .filter((h) => h.startsWith('Excursion preferences ['))
        .map((h) => [h, undefined]),
    );
    const responses = file('no-grid.csv', exportWith([grid]));
    const out = join(dir, 'no-open');
    const result = runCli(['run', '--responses', responses, '--excursions', excursions, '--out', out]);
    expect(result.code).toBe(4);
    expect(result.err).toMatch(
      /^Set up \(setupWorkspace\) stopped: No excursion in the Excursions sheet has Status "Open"/,
    );
    expect(result.out).toMatch(/^0 responses submitted, 0 applications taken in\./);
  });

  it('refuses a responses file without a question the form always has, naming the file and the column', () => {
    const responses = file('no-email.csv', exportWith([{ 'Email address': undefined }]));
    const result = run(responses, join(dir, 'never'));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/no-email\.csv, row 1: has no column "Email address"/);
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });

  it.each([
    ['an impossible date and time', ['2017/02/30 25:61:00 PM GMT+1'], 2, /there is no 30 February 2017/],
    ['an impossible time', ['2017/02/20 25:61:00 PM GMT+1'], 2, /25:61:00 PM is no time of day/],
    ['a day/month order the file leaves open', ['6/2/2017 10:13:10', '7/2/2017 11:00:00'], 2, /6 February or 2 June/],
    [
      'a file that puts the day first in one row and the month first in another',
      ['13/2/2017 10:13:10', '2/14/2017 11:00:00'],
      3,
      /puts the month first, but row 2 \("13\/2\/2017 10:13:10"\) puts the day first/,
    ],
  ])('refuses %s, naming the file, the row and the value', (_what, times, row, problem) => {
    const responses = file('times.csv', exportWith(times.map((t) => ({ Timestamp: t }))));
    const result = run(responses, join(dir, 'never'));
    expect(result.code).toBe(1);
    const value = times[row - 2].replace(/[/+]/g, (c) => `\\${c}`);
    expect(result.err).toMatch(new RegExp(`times\\.csv, row ${row}: "Timestamp" "${value}"`));
    expect(result.err).toMatch(problem);
  });

  it('reads a day-first slash date when another row of the file settles the order', () => {
    const responses = file(
      'settled.csv',
      exportWith([{ Timestamp: '6/2/2017 10:13:10' }, { Timestamp: '13/2/2017 11:00:00' }]),
    );
    const out = join(dir, 'settled');
    expect(run(responses, out).code).toBe(0);
    expect(csv(out, 'Applications')[0]['Submitted At']).toBe('2017-02-06T10:13:10+01:00');
  });

  it('reads the times as a Slovenian sheet shows them, with the month in two digits', () => {
    const text = exportWith([{ Timestamp: '6. 02. 2017 10:13:10' }, { Timestamp: '6. 02. 2017 12:12:03' }]);
    const responses = file('odgovori.csv', text.replace(/^Timestamp/, 'Časovni žig'));
    const out = join(dir, 'sl-times');
    expect(run(responses, out).code).toBe(0);
    expect(csv(out, 'Applications').map((a) => a['Submitted At'])).toEqual([
      '2017-02-06T10:13:10+01:00',
      '2017-02-06T12:12:03+01:00',
    ]);
  });

  it.each([
    [
      'a misspelt key',
      'deadline,2017-03-01',
      /row 2: "deadline" is no setting of Excursion Desk; did you mean "applicationDeadline"\?/,
    ],
    ['a key in the wrong case', 'AcceptLate,TRUE', /did you mean "acceptLate"\?/],
    ['a language outside its set', 'language,slovenščina', /row 2: language "slovenščina" is not one of "en", "sl"/],
    ['a yes/no setting outside its set', 'acceptLate,maybe', /acceptLate "maybe" is not one of "TRUE", "FALSE"/],
  ])('refuses a settings file with %s, naming the row', (_what, line, message) => {
    const settings = file('settings.csv', `Key,Value\n${line}\n`);
    const result = run(join(SAMPLE_DIR, 'responses.csv'), join(dir, 'never'), '--settings', settings);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/settings\.csv, row 2/);
    expect(result.err).toMatch(message);
  });

  it('says a missing file is not found and a folder given as a file is a folder, in plain words', () => {
    const missing = run(join(dir, 'nowhere.csv'), join(dir, 'never'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/nowhere\.csv: not found/);
    const folder = run(dir, join(dir, 'never'));
    expect(folder.code).toBe(1);
    expect(folder.err).toMatch(/is a folder, not a file/);
    expect(`${missing.err}${folder.err}`).not.toMatch(/ENOENT|EISDIR/);
  });

  it('names the row of an unclosed quote and what to check, not the parser’s own words', () => {
    const responses = file('quote.csv', `${exportWith([{}, {}])}`.replace('Kobilje,', '"Kobilje,'));
    const result = run(responses, join(dir, 'never'));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/quote\.csv, row 2: a quoted field opens here .*; check for a missing or stray "/);
    expect(result.err).not.toMatch(/record delimiter|trimable/);
  });
});

describe('excursion-desk as a command-line user expects', () => {
  it.each([['run'], ['demo']])('%s --help prints its usage and exits 0', (command) => {
    const result = runCli([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(new RegExp(`^Usage: excursion-desk ${command}`));
    expect(result.err).toBe('');
  });

  it('run --help lists every flag', () => {
    const { out } = runCli(['run', '--help']);
    for (const flag of ['--responses', '--excursions', '--settings', '--municipalities', '--out', '--addon', '--help'])
      expect(out).toContain(flag);
  });

  it('--version prints the version of package.json', () => {
    const result = runCli(['--version']);
    expect(result.code).toBe(0);
    expect(result.out).toBe(
      `excursion-desk ${JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')).version}`,
    );
  });

  it('with no arguments prints the usage on stderr and exits 2', () => {
    const out: string[] = [];
    const err: string[] = [];
    expect(
      main(
        [],
        (s) => out.push(s),
        (s) => err.push(s),
      ),
    ).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('\n')).toMatch(/^Usage: excursion-desk <command>/);
  });
});

describe("the README's worked examples", () => {
  it('sample/odgovori.csv, the Slovenian export, gives the same applications and decisions as sample/responses.csv', () => {
    const dir = mkdtempSync(join(tmpdir(), 'readme-'));
    const outs = ['responses.csv', 'odgovori.csv'].map((f) => {
      const out = join(dir, f);
      const result = runCli([
        'run',
        '--responses',
        join(SAMPLE_DIR, f),
        '--excursions',
        join(SAMPLE_DIR, 'excursions.csv'),
        '--settings',
        join(SAMPLE_DIR, 'settings.csv'),
        '--out',
        out,
      ]);
      expect(result.code).toBe(0);
      return out;
    });
    expect(csv(outs[1], 'Applications')).toEqual(csv(outs[0], 'Applications'));
    expect(csv(outs[1], 'Allocations')).toEqual(csv(outs[0], 'Allocations'));
    expect(existsSync(join(outs[1], 'Odgovori obrazca 1.csv'))).toBe(true);
  });
});
