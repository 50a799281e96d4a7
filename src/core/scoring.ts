/**
 * Scoring (SPEC section 5): Score = Σ weight × criterion + Manual Adjustment, with the weights of
 * the Scoring sheet and every computed part written out in words.
 */
import { StaffError } from './errors';
import { type Language, t } from './i18n';
import { CRITERIA, ENGLISH_LEVELS } from './vocabulary';

export interface Criterion {
  name: string;
  weight: number;
}

/** A value a member of staff typed: a number, or text such as "8,5" (Slovenian decimal comma). */
export function parseNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const s = String(value ?? '')
    .trim()
    .replace(/\s/g, '')
    .replace(',', '.');
  if (s === '' || !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
  return Number(s);
}

/**
 * The criteria of the Scoring sheet; an unknown criterion or a weight that is not a number stops
 * the action with a message naming the cell (`cell(row, header)` gives its A1 name).
 */
export function readCriteria(
  rows: readonly { criterion: unknown; weight: unknown }[],
  cell: (rowIndex: number, header: 'Criterion' | 'Weight') => string,
): Criterion[] {
  const known = Object.values(CRITERIA) as string[];
  const out: Criterion[] = [];
  rows.forEach((r, i) => {
    const name = String(r.criterion ?? '').trim();
    if (name === '' && String(r.weight ?? '').trim() === '') return;
    if (!known.includes(name))
      throw new StaffError('error.unknownCriterion', {
        cell: cell(i, 'Criterion'),
        value: name,
        known: known.join(', '),
      });
    const weight = parseNumber(r.weight);
    if (weight === null) throw new StaffError('error.badWeight', { cell: cell(i, 'Weight'), value: String(r.weight) });
    out.push({ name, weight });
  });
  return out;
}

/** What the criteria are computed from, for one application. */
export interface ScoreFacts {
  englishLevel: string;
  sharesKnowledge: string;
  contentScore: number | null;
  population: number | null;
  solutions: number;
  firstTime: boolean;
  manualAdjustment: number;
}

/** Population bands: the smaller the municipality, the more points (the call welcomes small ones). */
export function populationBand(population: number | null): number {
  if (population === null) return 0;
  if (population < 5000) return 3;
  if (population < 20000) return 2;
  if (population < 50000) return 1;
  return 0;
}

/** Fluent 3, Good working knowledge 2, Basic 1, None (or unknown) 0. */
export function englishPoints(level: string): number {
  const i = ENGLISH_LEVELS.indexOf(level as (typeof ENGLISH_LEVELS)[number]);
  return i < 0 ? 0 : ENGLISH_LEVELS.length - 1 - i;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function format(n: number, lang: Language): string {
  const s = String(round2(n));
  return lang === 'sl' ? s.replace('.', ',') : s;
}

/** The score and its breakdown in words, one line per criterion. */
export function scoreApplication(
  facts: ScoreFacts,
  criteria: readonly Criterion[],
  lang: Language,
): { score: number; breakdown: string } {
  const lines: string[] = [];
  let total = 0;
  for (const c of criteria) {
    let value: number;
    let shown: string;
    switch (c.name) {
      case CRITERIA.english:
        value = englishPoints(facts.englishLevel);
        shown = facts.englishLevel || '—';
        break;
      case CRITERIA.sharing:
        value = facts.sharesKnowledge === 'Yes' ? 1 : 0;
        shown = facts.sharesKnowledge || '—';
        break;
      case CRITERIA.content:
        value = facts.contentScore ?? 0;
        shown = facts.contentScore === null ? t(lang, 'score.notGiven') : format(facts.contentScore, lang);
        break;
      case CRITERIA.smaller:
        value = populationBand(facts.population);
        shown =
          facts.population === null
            ? t(lang, 'score.unknownPopulation')
            : facts.population.toLocaleString('en-US').replace(/,/g, lang === 'sl' ? '.' : ',');
        break;
      case CRITERIA.solutions:
        value = Math.min(facts.solutions, 6);
        shown = String(facts.solutions);
        break;
      default:
        value = facts.firstTime ? 1 : 0;
        shown = t(lang, facts.firstTime ? 'score.yes' : 'score.no');
    }
    const points = value * c.weight;
    total += points;
    lines.push(
      t(lang, 'score.line', {
        criterion: t(lang, `criterion.${c.name}` as Parameters<typeof t>[1]),
        shown,
        value: format(value, lang),
        weight: format(c.weight, lang),
        points: format(points, lang),
      }),
    );
  }
  if (facts.manualAdjustment !== 0) {
    total += facts.manualAdjustment;
    lines.push(
      t(lang, 'score.manual', {
        points: `${facts.manualAdjustment > 0 ? '+' : ''}${format(facts.manualAdjustment, lang)}`,
      }),
    );
  }
  lines.push(t(lang, 'score.total', { total: format(total, lang) }));
  return { score: round2(total), breakdown: lines.join('\n') };
}
