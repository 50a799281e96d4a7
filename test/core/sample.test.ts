import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { DEFAULT_CRITERIA, sampleExcursions } from '../../src/core/sample';
import { CRITERIA } from '../../src/core/vocabulary';

describe('the sample call Set up writes', () => {
  it('has the excursions of the demo call (sample/excursions.csv), field by field', () => {
    const rows: Record<string, string>[] = parse(readFileSync(join(__dirname, '../../sample/excursions.csv')), {
      columns: true,
    });
    // The demo's call is Slovenian: its excursions are the Slovenian sample.
    expect(sampleExcursions('sl')).toEqual(
      rows.map((r) => ({
        id: r['Excursion ID'],
        city: r.City,
        label: r.Label,
        start: r['Start Date'],
        end: r['End Date'],
        places: Number(r.Places),
        maxPerMunicipality: Number(r['Max Per Municipality']),
        themes: r.Themes,
      })),
    );
  });

  it('weighs every criterion once', () => {
    expect(DEFAULT_CRITERIA.map((c) => c.criterion)).toEqual(Object.values(CRITERIA));
    expect(DEFAULT_CRITERIA.map((c) => c.weight)).toEqual([2, 2, 1, 1, 0.5, 1]);
  });
});
