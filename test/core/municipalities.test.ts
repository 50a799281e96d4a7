import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { bundledMunicipalities, MunicipalityMatcher, municipalityKey } from '../../src/core/municipalities';

const list = bundledMunicipalities();
const matcher = new MunicipalityMatcher(list);
const nameOf = (typed: string) => {
  const m = matcher.match(typed);
  return m.kind === 'exact' || m.kind === 'fuzzy' ? m.municipality.name : m.kind;
};

describe('the bundled municipality list', () => {
  it('holds the 212 municipalities of data/slovenian-municipalities.csv with their figures', () => {
    const csv = parse(readFileSync(join(__dirname, '../../data/slovenian-municipalities.csv'), 'utf8'), {
      columns: true,
    }) as { name: string; population: string; region: string; urban: string }[];
    expect(list).toHaveLength(212);
    expect(list.map((m) => [m.name, m.population, m.region, m.urban])).toEqual(
      csv.map((r) => [r.name, Number(r.population), r.region, r.urban === 'true']),
    );
    expect(list.reduce((s, m) => s + (m.population ?? 0), 0)).toBe(2108977);
    expect(list.filter((m) => m.urban)).toHaveLength(12);
  });
});

describe('matching what an applicant typed', () => {
  it.each([
    ['Ajdovščina', 'Ajdovščina'],
    ['ajdovscina', 'Ajdovščina'],
    ['AJDOVŠČINA', 'Ajdovščina'],
    ['Občina Ajdovščina', 'Ajdovščina'],
    ['Mestna občina Ljubljana', 'Ljubljana'],
    ['MESTNA OBCINA KRANJ', 'Kranj'],
    ['Municipality of Maribor', 'Maribor'],
    ['  Škofja   Loka ', 'Škofja Loka'],
    ['Skofja Loka', 'Škofja Loka'],
    ['Ljubljna', 'Ljubljana'],
    ['Ajdovščnia', 'Ajdovščina'],
    ['Dobrova-Polhov Gradec', 'Dobrova - Polhov Gradec'],
    ['Capodistria', 'Koper'],
    ['Kanal', 'Kanal ob Soči'],
    ['MOL', 'Ljubljana'],
    ['Sveti Jurij v Slov. goricah', 'Sveti Jurij v Slovenskih goricah'],
  ])('reads %p as %p', (typed, expected) => {
    expect(nameOf(typed)).toBe(expected);
  });

  it('tells an exact match from a corrected typo', () => {
    expect(matcher.match('Občina Izola').kind).toBe('exact');
    expect(matcher.match('Izloa').kind).toBe('fuzzy');
  });

  it('does not guess a short or unknown name', () => {
    expect(matcher.match('Nekje').kind).toBe('none');
    expect(matcher.match('Občina').kind).toBe('none');
    expect(matcher.match('').kind).toBe('none');
    expect(matcher.match('Blex').kind).toBe('none');
  });

  it('refuses to choose between two names a typo is equally close to', () => {
    const two = new MunicipalityMatcher([
      { name: 'Gornji Grad', population: 1, region: '', urban: false, aliases: [] },
      { name: 'Gornji Gral', population: 1, region: '', urban: false, aliases: [] },
    ]);
    expect(two.match('Gornji Grax').kind).toBe('ambiguous');
  });

  it('keeps "ob" inside a name but drops the words around it', () => {
    expect(municipalityKey('Občina Kanal ob Soči')).toBe('kanal ob soci');
    expect(municipalityKey('Mestna občina Novo mesto')).toBe('novo mesto');
  });
});
