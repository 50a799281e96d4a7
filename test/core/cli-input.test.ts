import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvCell, InputError, isoInZone, readCsv } from '../../src/cli/csv';
import { parseDay, parseTimestamp } from '../../src/cli/timestamps';

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
    expect(() => readCsv(path)).toThrow(new InputError(path, 3, 'has 1 fields but the header has 2'));
  });

  it('names a missing required column', () => {
    const path = file('c.csv', 'A\n1\n');
    expect(() => readCsv(path, ['Timestamp'])).toThrow('has no column "Timestamp"');
  });

  it('says a missing file cannot be read', () => {
    expect(() => readCsv(join(dir, 'none.csv'))).toThrow(/cannot be read \(ENOENT\)/);
  });

  it('reports broken quoting as invalid CSV', () => {
    const path = file('d.csv', 'A,B\n"x,1\n');
    expect(() => readCsv(path)).toThrow(/is not valid CSV/);
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
