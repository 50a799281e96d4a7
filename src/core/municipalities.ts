/** The list of municipalities and matching what an applicant typed to one of them. */
import { MUNICIPALITY_LINES } from './municipality-list';
import { editDistance, foldText } from './text';

export interface Municipality {
  name: string;
  population: number | null;
  region: string;
  urban: boolean;
  aliases: string[];
}

/** The bundled list of the 212 Slovenian municipalities (SURS, 1 January 2021). */
export function bundledMunicipalities(): Municipality[] {
  return MUNICIPALITY_LINES.trim()
    .split('\n')
    .map((line) => {
      const [name, population, region, urban, aliases] = line.split('|');
      return {
        name,
        population: Number(population),
        region,
        urban: urban === '1',
        aliases: aliases ? aliases.split(';') : [],
      };
    });
}

/** Words around a name that do not identify the municipality ("Mestna občina", "Municipality of"). */
const NOISE = new Set([
  'obcina',
  'obcine',
  'obcini',
  'mestna',
  'mestne',
  'municipality',
  'municipal',
  'city',
  'town',
  'of',
  'the',
  'mo',
  'ob',
]);

/** The key a name is compared by: folded, without the surrounding words. Keeps "ob" inside names. */
export function municipalityKey(s: string): string {
  const words = foldText(s).split(' ').filter(Boolean);
  let start = 0;
  let end = words.length;
  while (start < end && NOISE.has(words[start])) start++;
  while (end > start && NOISE.has(words[end - 1])) end--;
  return words.slice(start, end).join(' ');
}

export type MatchResult =
  | { kind: 'exact'; municipality: Municipality }
  | { kind: 'fuzzy'; municipality: Municipality; distance: number }
  | { kind: 'none' }
  | { kind: 'ambiguous'; candidates: Municipality[] };

/** Matches typed names against a list; build once, match many times. */
export class MunicipalityMatcher {
  private readonly byKey = new Map<string, Municipality>();
  private readonly keys: { key: string; municipality: Municipality }[] = [];

  constructor(list: readonly Municipality[]) {
    for (const m of list) {
      for (const name of [m.name, ...m.aliases]) {
        const key = municipalityKey(name);
        if (key === '' || this.byKey.has(key)) continue;
        this.byKey.set(key, m);
        this.keys.push({ key, municipality: m });
      }
    }
  }

  /** Ignores case, diacritics and surrounding words; allows a small typo when only one name is that close. */
  match(typed: string): MatchResult {
    const key = municipalityKey(typed);
    if (key === '') return { kind: 'none' };
    const exact = this.byKey.get(key);
    if (exact) return { kind: 'exact', municipality: exact };
    const max = key.length <= 4 ? 0 : key.length <= 8 ? 1 : 2;
    if (max === 0) return { kind: 'none' };
    let best = max + 1;
    let found: Municipality[] = [];
    for (const { key: k, municipality } of this.keys) {
      const d = editDistance(key, k, best);
      if (d < best) {
        best = d;
        found = [municipality];
      } else if (d === best && d <= max && !found.includes(municipality)) {
        found.push(municipality);
      }
    }
    if (found.length === 1) return { kind: 'fuzzy', municipality: found[0], distance: best };
    if (found.length > 1) return { kind: 'ambiguous', candidates: found };
    return { kind: 'none' };
  }
}
