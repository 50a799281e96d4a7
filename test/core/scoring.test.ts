import { isStaffError } from '../../src/core/errors';
import { DEFAULT_CRITERIA } from '../../src/core/sample';
import { englishPoints, parseNumber, populationBand, readCriteria, scoreApplication } from '../../src/core/scoring';

const criteria = DEFAULT_CRITERIA.map((c) => ({ name: c.criterion, weight: c.weight }));
const facts = {
  englishLevel: 'Fluent',
  sharesKnowledge: 'Yes',
  contentScore: 7,
  population: 3261,
  solutions: 4,
  firstTime: true,
  manualAdjustment: 0,
};

describe('scoring an application', () => {
  it('adds weight × criterion over the default criteria', () => {
    // English 3×2 + sharing 1×2 + content 7×1 + smaller 3×1 + solutions 4×0.5 + first time 1×1
    expect(scoreApplication(facts, criteria, 'en').score).toBe(6 + 2 + 7 + 3 + 2 + 1);
  });

  it('adds the manual adjustment and says so', () => {
    const r = scoreApplication({ ...facts, manualAdjustment: -1.5 }, criteria, 'en');
    expect(r.score).toBe(19.5);
    expect(r.breakdown).toContain('Manual adjustment: -1.5');
  });

  it('writes each criterion, its value and its weight in words', () => {
    expect(scoreApplication(facts, criteria, 'en').breakdown.split('\n')).toEqual([
      'English level (Fluent): 3 × 2 = 6',
      'Knowledge sharing (Yes): 1 × 2 = 2',
      'Content score (7): 7 × 1 = 7',
      'Smaller municipality (3,261): 3 × 1 = 3',
      'Solutions of interest (4): 4 × 0.5 = 2',
      'First-time participant (yes): 1 × 1 = 1',
      'Total: 21',
    ]);
  });

  it('writes the breakdown in Slovenian with decimal commas', () => {
    const lines = scoreApplication({ ...facts, contentScore: null }, criteria, 'sl').breakdown.split('\n');
    expect(lines[2]).toBe('Vsebinska ocena (ni podana): 0 × 1 = 0');
    expect(lines[4]).toBe('Rešitve, ki občino zanimajo (4): 4 × 0,5 = 2');
    expect(lines[3]).toBe('Manjša občina (3.261): 3 × 1 = 3');
  });

  it('caps the solutions at six and gives no band points to a large or unknown municipality', () => {
    expect(
      scoreApplication({ ...facts, solutions: 12 }, [{ name: 'Solutions of interest', weight: 1 }], 'en').score,
    ).toBe(6);
    expect(populationBand(294464)).toBe(0);
    expect(populationBand(null)).toBe(0);
    expect([4999, 5000, 19999, 20000, 49999].map(populationBand)).toEqual([3, 2, 2, 1, 1]);
  });

  it('ranks English levels from Fluent down', () => {
    expect(['Fluent', 'Good working knowledge', 'Basic', 'None', 'Klingon'].map(englishPoints)).toEqual([
      3, 2, 1, 0, 0,
    ]);
  });

  it('reads numbers as staff type them', () => {
    expect(parseNumber('8,5')).toBe(8.5);
    expect(parseNumber(' 7 ')).toBe(7);
    expect(parseNumber(3)).toBe(3);
    expect(parseNumber('7 points')).toBeNull();
    expect(parseNumber('')).toBeNull();
  });
});

describe('the Scoring sheet', () => {
  const cell = (i: number, h: string) => `Scoring!${h === 'Criterion' ? 'A' : 'B'}${i + 2}`;

  it('reads the criteria and skips blank rows', () => {
    expect(
      readCriteria(
        [
          { criterion: 'English level', weight: '1,5' },
          { criterion: '', weight: '' },
        ],
        cell,
      ),
    ).toEqual([{ name: 'English level', weight: 1.5 }]);
  });

  it('stops at an unknown criterion, naming the cell', () => {
    const error = (() => {
      try {
        readCriteria(
          [
            { criterion: 'English level', weight: 1 },
            { criterion: 'Beauty', weight: 1 },
          ],
          cell,
        );
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(isStaffError(error) && error.key).toBe('error.unknownCriterion');
    expect(isStaffError(error) && error.params.cell).toBe('Scoring!A3');
  });

  it('stops at a weight that is not a number, naming the cell', () => {
    expect(() => readCriteria([{ criterion: 'English level', weight: 'high' }], cell)).toThrow(/Scoring!B2/);
  });
});
