/** Municipality matching pinned at its edges (found by `npm run mutate`). */
import {
  bundledMunicipalities,
  type Municipality,
  MunicipalityMatcher,
  municipalityKey,
} from '../../src/core/municipalities';

const town = (name: string, aliases: string[] = []): Municipality => ({
  name,
  population: 1000,
  region: 'R',
  urban: false,
  aliases,
});

describe('the key a name is compared by', () => {
  it.each([
    ['Občina Ajdovščina', 'ajdovscina'],
    ['Mestna občina Ljubljana', 'ljubljana'],
    ['MO Celje', 'celje'],
    ['Municipality of Bled', 'bled'],
    ['City of Kranj', 'kranj'],
    ['The Town of Piran', 'piran'],
    ['Občine Brda', 'brda'],
    ['Občini Bovec', 'bovec'],
    ['Mestne občine Koper', 'koper'],
    ['Kranj Municipal', 'kranj'],
    ['Bled, občina', 'bled'],
    ['Kranj Mestna Občina', 'kranj'],
    ['Ob Slivnici Ob', 'slivnici'],
    ['Rače ob Slivnici', 'race ob slivnici'],
    ['  Občina   ', ''],
    ['of the', ''],
    ['', ''],
  ])('%p is %p', (name, key) => {
    expect(municipalityKey(name)).toBe(key);
  });
});

describe('matching a typed name', () => {
  const matcher = new MunicipalityMatcher([
    town('Abcde'),
    town('Abcdefghij'),
    town('Kranj', ['Krainburg']),
    town('Koper', ['Capodistria', 'Občina']),
    town('Piranx'),
    town('Piranz'),
  ]);

  it('finds a name or an alias, but never by a key of noise words alone', () => {
    expect(matcher.match('Krainburg')).toMatchObject({ kind: 'exact', municipality: { name: 'Kranj' } });
    expect(matcher.match('Občina')).toEqual({ kind: 'none' });
    expect(matcher.match('   ')).toEqual({ kind: 'none' });
  });

  it('allows no typo up to 4 letters, one up to 8, two beyond', () => {
    expect(matcher.match('Krnj').kind).toBe('none');
    expect(matcher.match('Abcdx')).toMatchObject({ kind: 'fuzzy', distance: 1, municipality: { name: 'Abcde' } });
    expect(matcher.match('Abxyz').kind).toBe('none');
    expect(matcher.match('Abcdefgxij')).toMatchObject({ kind: 'fuzzy', distance: 1 });
    expect(matcher.match('Abcdefxyij')).toMatchObject({
      kind: 'fuzzy',
      distance: 2,
      municipality: { name: 'Abcdefghij' },
    });
    expect(matcher.match('Abcdexyzij').kind).toBe('none');
    expect(matcher.match('Capodistrja')).toMatchObject({ kind: 'fuzzy', distance: 1, municipality: { name: 'Koper' } });
    expect(matcher.match('Capodistrya')).toMatchObject({ kind: 'fuzzy', distance: 1 });
    expect(matcher.match('Capxdistrya')).toMatchObject({ kind: 'fuzzy', distance: 2 });
  });

  it('refuses to choose between two names a typo is equally close to, and lists each once', () => {
    expect(matcher.match('Pirany')).toEqual({
      kind: 'ambiguous',
      candidates: [town('Piranx'), town('Piranz')],
    });
    const twice = new MunicipalityMatcher([town('Lendava', ['Lendavx'])]);
    expect(twice.match('Lendavy')).toMatchObject({ kind: 'fuzzy', municipality: { name: 'Lendava' } });
  });

  it('keeps the first municipality for a key two of them share', () => {
    const shared = new MunicipalityMatcher([town('Vas', ['Gora']), town('Gora')]);
    expect(shared.match('Gora')).toMatchObject({ kind: 'exact', municipality: { name: 'Vas' } });
  });
});

describe('the bundled list', () => {
  it('gives a municipality without aliases none, and one with aliases each of them', () => {
    const list = bundledMunicipalities();
    expect(list.find((m) => m.name === 'Ajdovščina')?.aliases).toEqual([]);
    expect(list.find((m) => m.name === 'Ankaran')?.aliases).toEqual(['Ancarano']);
    expect(list.filter((m) => m.aliases.length > 1).every((m) => m.aliases.every((a) => a.length > 1))).toBe(true);
  });
});
