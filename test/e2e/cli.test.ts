/** `excursion-desk run` and `demo`: the bundle in the emulator, fed from CSV files. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { runCli, SAMPLE_DIR } from './harness';

function csv(dir: string, name: string): Record<string, string>[] {
  return parse(readFileSync(join(dir, `${name}.csv`), 'utf8'), { columns: true });
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
    expect(received.every((a) => allocated.has(a['Application ID']))).toBe(true);
    expect(csv(out, 'Notices').filter((n) => n.Type === 'accepted').length).toBeGreaterThan(0);
  });

  it('reads the staff list of municipalities when given', () => {
    const list = join(dir, 'municipalities.csv');
    writeFileSync(list, 'Name,Population,Region,Urban\nAtlantida,1234,Morje,false\n');
    const responses = join(dir, 'one.csv');
    writeFileSync(
      responses,
      'Timestamp,Municipality,Email address\n2017/02/20 10:15:32 AM GMT+1,Občina Atlantida,a@b.si\n',
    );
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
      'Timestamp,Municipality\nyesterday,Bled\n',
      /one\.csv, row 2: "Timestamp" "yesterday" is not a time/,
    ],
    [
      'no Municipality column',
      'Timestamp\n2017/02/20 10:15:32 AM GMT+1\n',
      /one\.csv, row 1: has no column "Municipality"/,
    ],
    [
      'a grid column for no open excursion',
      'Timestamp,Municipality,Excursion preferences [Oslo]\n2017/02/20 10:15:32 AM GMT+1,Bled,1st choice\n',
      /row 1: column "Excursion preferences \[Oslo\]" names no Open excursion/,
    ],
    [
      'a content score out of range',
      'Timestamp,Municipality,Content Score\n2017/02/20 10:15:32 AM GMT+1,Bled,11\n',
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
