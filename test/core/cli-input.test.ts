import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvCell, InputError, isoInZone, readCsv } from '../../src/cli/csv';
import { nearestKey } from '../../src/cli/run';
import { parseDay, parseTimestamp, readTimestamp, settleDayOrder } from '../../src/cli/timestamps';

const TZ = 'Europe/Ljubljana';

describe('timestamps of a responses export', () => {
  it.each([
    ['2017/02/20 10:15:32 AM GMT+1', '2017-02-20T09:15:32.000Z'],
    ['2017/02/20 12:05:00 PM GMT+1', '2017-02-20T11:05:00.000Z'],
    ['2017/02/20 12:05:00 AM GMT+1', '2017-02-19T23:05:00.000Z'],
    ['2017/06/20 10:15:32 PM GMT+2', '2017-06-20T20:15:32.000Z'],
    ['2017/02/20 10:15:32', '2017-02-20T09:15:32.000Z'],
    ['2/20/2017 10:15:32', '2017-02-20T09:15:32.000Z'],
    ['2017-02-20T10:15:32+01:00', '2017-02-20T09:15:32.000Z'],
    ['2017-02-20T09:15:32Z', '2017-02-20T09:15:32.000Z'],
    ['2017-07-01 10:00:00', '2017-07-01T08:00:00.000Z'],
    // A Slovenian account's export.
    ['20. 2. 2017 10:15:32', '2017-02-20T09:15:32.000Z'],
    ['20.02.2017 10:15:32', '2017-02-20T09:15:32.000Z'],
  ])('reads %p', (text, iso) => {
    expect(parseTimestamp(text, TZ)?.toISOString()).toBe(iso);
  });

  it.each(['', 'yesterday', '2017/13/01 10:00:00', '20.2.2017 10:15'])('refuses %p', (text) => {
    expect(parseTimestamp(text, TZ)).toBeNull();
  });

  it.each([
    ['2017/02/30 25:61:00 PM GMT+1', 'there is no 30 February 2017'],
    ['2017/02/29 10:00:00 AM GMT+1', 'there is no 29 February 2017'],
    ['2017/02/20 13:15:00 PM GMT+1', '13:15:00 PM is no time of day'],
    ['2017/02/20 10:60:00', '10:60:00 is no time of day'],
    ['31. 04. 2017 10:00:00', 'there is no 31 April 2017'],
    ['2017-02-20T24:00:00+01:00', '24:00:00 is no time of day'],
    ['2017-02-31', 'there is no 31 February 2017'],
  ])('refuses the impossible %p, never rolling it over', (text, problem) => {
    expect(readTimestamp(text, TZ)).toEqual({ problem });
  });

  it('reads a leap day that exists', () => {
    expect(parseTimestamp('2016/02/29 10:00:00 AM GMT+1', TZ)?.toISOString()).toBe('2016-02-29T09:00:00.000Z');
  });

  it('reads a slash date only in the order its file settled, unless its own numbers settle it', () => {
    expect(readTimestamp('6/2/2017 10:13:10', TZ)).toEqual({ problem: expect.stringMatching(/6 February or 2 June/) });
    expect(parseTimestamp('6/2/2017 10:13:10', TZ, 'day-first')?.toISOString()).toBe('2017-02-06T09:13:10.000Z');
    expect(parseTimestamp('6/2/2017 10:13:10', TZ, 'month-first')?.toISOString()).toBe('2017-06-02T08:13:10.000Z');
    expect(parseTimestamp('20/2/2017 10:15:32', TZ)?.toISOString()).toBe('2017-02-20T09:15:32.000Z');
    expect(parseTimestamp('2/2/2017 10:15:32', TZ)?.toISOString()).toBe('2017-02-02T09:15:32.000Z');
  });

  it('settles the day/month order from the whole file, or names the rows that disagree', () => {
    const rows = (...texts: string[]) => texts.map((text, i) => ({ row: i + 2, text }));
    expect(settleDayOrder(rows('6/2/2017 10:00:00', '13/2/2017 10:00:00'))).toEqual({ order: 'day-first' });
    expect(settleDayOrder(rows('2/6/2017 10:00:00', '2/13/2017 10:00:00'))).toEqual({ order: 'month-first' });
    expect(settleDayOrder(rows('6/2/2017 10:00:00', '2017/02/20 10:00:00 AM GMT+1'))).toEqual({ order: null });
    expect(settleDayOrder(rows('13/2/2017 10:00:00', '2/14/2017 10:00:00'))).toEqual({ conflict: [2, 3] });
  });

  it('reads the display forms of a Slovenian sheet, with or without the leading zero and the spaces', () => {
    for (const text of ['6. 02. 2017 10:13:10', '6. 2. 2017 10:13:10', '06.02.2017 10:13:10'])
      expect(parseTimestamp(text, TZ)?.toISOString()).toBe('2017-02-06T09:13:10.000Z');
  });

  it('refuses a date-only value that is no day, or whose order is open', () => {
    expect(parseDay('2017-02-30', TZ)).toBeNull();
    expect(parseDay('4/5/2017', TZ)).toBeNull();
    expect(parseDay('4/25/2017', TZ)?.toISOString()).toBe('2017-04-24T22:00:00.000Z');
  });

  it('reads a date as midnight in the time zone, in summer and in winter', () => {
    expect(parseDay('2017-04-25', TZ)?.toISOString()).toBe('2017-04-24T22:00:00.000Z');
    expect(parseDay('22.2.2017', TZ)?.toISOString()).toBe('2017-02-21T23:00:00.000Z');
  });

  it('writes instants as ISO 8601 with the zone offset', () => {
    expect(isoInZone(new Date('2017-02-20T09:15:32Z'), TZ)).toBe('2017-02-20T10:15:32+01:00');
    expect(isoInZone(new Date('2017-07-01T08:00:00Z'), TZ)).toBe('2017-07-01T10:00:00+02:00');
  });
});

describe('CSV files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csv-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('reads a header row and records, with a BOM, quotes and č/š/ž', () => {
    const t = readCsv(file('a.csv', '\ufeffName,Note\n"Črnomelj","a, ""b"""\n'));
    expect(t.header).toEqual(['Name', 'Note']);
    expect(t.rows).toEqual([{ row: 2, values: { Name: 'Črnomelj', Note: 'a, "b"' } }]);
  });

  it('names the file and row of a record with the wrong number of fields', () => {
    const path = file('b.csv', 'A,B\n1,2\n3\n');
    expect(() => readCsv(path)).toThrow(
      new InputError(path, 3, 'has 1 fields but the header has 2; check its commas and quotes'),
    );
  });

  it('names a missing required column', () => {
    const path = file('c.csv', 'A\n1\n');
    expect(() => readCsv(path, ['Timestamp'])).toThrow('has no column "Timestamp"');
  });

  it('says a missing file is not found and a folder is a folder, in plain words', () => {
    expect(() => readCsv(join(dir, 'none.csv'))).toThrow(/none\.csv: not found; check the name and the folder$/);
    expect(() => readCsv(dir)).toThrow(/: is a folder, not a file/);
  });

  it('names the row where an unclosed quote opens, though the parser stops at the end of the file', () => {
    const path = file('d.csv', 'A,B\n"x,1\n2,3\n4,5\n');
    expect(() => readCsv(path)).toThrow(
      new InputError(
        path,
        2,
        'a quoted field opens here and is never closed; check that every " that starts a field has its closing "',
      ),
    );
  });

  it('names the row of a quoted field with text after its closing quote, and the line when they differ', () => {
    const path = file('e.csv', 'A,B\n"two\nlines",1\n3,"x"y\n');
    expect(() => readCsv(path)).toThrow(
      /e\.csv, row 3: a quoted field opens here \(line 4 of the file\) and has text after/,
    );
    expect(() => readCsv(path)).not.toThrow(/record delimiter|trimable/);
  });

  it('writes cells as SPEC section 8 says: formulas as formulas, formula-like text behind an apostrophe', () => {
    expect(csvCell('', '=SUM(A1:A2)', TZ)).toBe('=SUM(A1:A2)');
    expect(csvCell('=1+1', '', TZ)).toBe("'=1+1");
    expect(csvCell('+386', '', TZ)).toBe("'+386");
    expect(csvCell(-5, '', TZ)).toBe("'-5");
    expect(csvCell(true, '', TZ)).toBe('TRUE');
    expect(csvCell(new Date('2017-02-20T09:15:32Z'), '', TZ)).toBe('2017-02-20T10:15:32+01:00');
  });
});

describe('settings keys', () => {
  const known = ['applicationDeadline', 'acceptLate', 'language', 'minEnglishLevel', 'replyTo'];
  it.each([
    ['deadline', 'applicationDeadline'],
    ['acceptlate', 'acceptLate'],
    ['langauge', 'language'],
    ['reply-to', 'replyTo'],
    ['colour', null],
  ])('suggests for %p the known key %p', (typed, expected) => {
    expect(nearestKey(typed, known)).toBe(expected);
  });
});
