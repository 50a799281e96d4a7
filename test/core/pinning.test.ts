/**
 * Boundaries and edge cases of the small core helpers, pinned one by one (found by `npm run mutate`:
 * each test here killed a mutant that the rest of test/core let live).
 */
import { describeError, isStaffError, StaffError } from '../../src/core/errors';
import { englishPoints, parseNumber, populationBand, readCriteria, scoreApplication } from '../../src/core/scoring';
import { asText, CELL_LIMIT, cleanLine, cleanText, editDistance, escapeHtml, foldText } from '../../src/core/text';
import { CRITERIA } from '../../src/core/vocabulary';

describe('text helpers', () => {
  it('folds đ and Đ, every diacritic and punctuation, and trims', () => {
    expect(foldText('  Đakovo–Šmarje, Črna  ')).toBe('dakovo smarje crna');
    expect(foldText('Murska Sobota!!')).toBe('murska sobota');
    expect(foldText('ĐURĐA')).toBe('durda');
    expect(foldText('Međa')).toBe('meda');
  });

  it('makes one line of any whitespace, the invisible kinds too', () => {
    expect(cleanLine('\u00a0a\t\tb\u200b\nc\ufeff ')).toBe('a b c');
    expect(cleanLine(null)).toBe('');
    expect(cleanLine(undefined)).toBe('');
    expect(cleanLine(42)).toBe('42');
  });

  it('keeps paragraphs of free text, at most one blank line between them', () => {
    expect(cleanText('a \t\r\nb\rc\n\n\n\nd\u200b\ufeff  ')).toBe('a\nb\nc\n\nd');
    expect(cleanText('x\u00a0 \ny')).toBe('x\ny');
    expect(cleanText(null)).toBe('');
    expect(cleanText('a\n\nb')).toBe('a\n\nb');
  });

  it('keeps text up to the cell limit whole, and cuts one character more with a marker', () => {
    const fits = 'x'.repeat(CELL_LIMIT - 1);
    expect(asText(fits)).toBe(`'${fits}`);
    const over = 'y'.repeat(CELL_LIMIT);
    const cut = asText(over);
    expect(cut).toHaveLength(CELL_LIMIT);
    expect(cut.endsWith('y…')).toBe(true);
    expect(asText('-')).toBe("'-");
  });

  it('escapes exactly the five characters HTML gives meaning to', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a> č`)).toBe(
      '&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;amp;&#60;/a&#62; č',
    );
  });

  it('counts edits, a swap as one, and stops above the limit with limit + 1', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('', 'ab')).toBe(2);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('abcd', 'badc')).toBe(2);
    expect(editDistance('abc', 'acb')).toBe(1);
    expect(editDistance('ca', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
    expect(editDistance('abcdef', 'a', 5)).toBe(5);
    expect(editDistance('abcdef', 'uvwxyz', 1)).toBe(2);
  });
});

describe('errors', () => {
  it('knows a StaffError by its name and key, also across realms', () => {
    expect(isStaffError(new StaffError('error.busy'))).toBe(true);
    expect(isStaffError({ name: 'StaffError', key: 'error.busy' })).toBe(true);
    expect(isStaffError({ name: 'StaffError' })).toBe(false);
    expect(isStaffError({ name: 'Error', key: 'x' })).toBe(false);
    expect(isStaffError(null)).toBe(false);
    expect(isStaffError('StaffError')).toBe(false);
  });

  it('carries its key and parameters, and names them in its message', () => {
    const e = new StaffError('error.missingSheet', { sheet: 'Log' });
    expect(e.key).toBe('error.missingSheet');
    expect(e.params).toEqual({ sheet: 'Log' });
    expect(e.message).toBe('error.missingSheet {"sheet":"Log"}');
    expect(e.name).toBe('StaffError');
    expect(new StaffError('error.busy').params).toEqual({});
  });

  it('describes anything thrown', () => {
    expect(describeError(new Error('boom'))).toBe('boom');
    expect(describeError({ message: 42 })).toBe('42');
    expect(describeError('plain')).toBe('plain');
    expect(describeError(null)).toBe('null');
    expect(describeError(undefined)).toBe('undefined');
  });
});

describe('scoring boundaries', () => {
  it('gives population points by band, the edges included', () => {
    expect([null, 0, 4999, 5000, 19999, 20000, 49999, 50000].map(populationBand)).toEqual([0, 3, 3, 2, 2, 1, 1, 0]);
  });

  it('gives English points from Fluent down, nothing for an unknown level', () => {
    expect(['Fluent', 'Good working knowledge', 'Basic', 'None', 'fluent', ''].map(englishPoints)).toEqual([
      3, 2, 1, 0, 0, 0,
    ]);
  });

  it.each([
    [7, 7],
    [Number.POSITIVE_INFINITY, null],
    [Number.NaN, null],
    [' 8,5 ', 8.5],
    ['1 000', 1000],
    ['+3', 3],
    ['-2.5', -2.5],
    ['.5', 0.5],
    ['5.', 5],
    ['', null],
    ['  ', null],
    ['abc', null],
    ['1e3', null],
    ['1,2,3', null],
    ['3 points', null],
    ['--1', null],
    [null, null],
    [true, null],
  ])('reads %p as %p', (value, expected) => {
    expect(parseNumber(value)).toBe(expected);
  });

  const cell = (i: number, h: string) => `Scoring!${h === 'Weight' ? 'B' : 'A'}${i + 2}`;

  it('skips a blank row, but not a weight without its criterion', () => {
    expect(
      readCriteria(
        [
          { criterion: ' English level ', weight: '2,5' },
          { criterion: '', weight: '  ' },
          { criterion: null, weight: null },
        ],
        cell,
      ),
    ).toEqual([{ name: 'English level', weight: 2.5 }]);
    expect(() => readCriteria([{ criterion: '', weight: 3 }], cell)).toThrow(
      expect.objectContaining({
        key: 'error.unknownCriterion',
        params: expect.objectContaining({ cell: 'Scoring!A2' }),
      }),
    );
    expect(() => readCriteria([{ criterion: 'English level', weight: '' }], cell)).toThrow(
      expect.objectContaining({ key: 'error.badWeight', params: { cell: 'Scoring!B2', value: '' } }),
    );
  });

  const facts = {
    englishLevel: 'Basic',
    sharesKnowledge: 'yes',
    contentScore: 2.345,
    population: 1234567,
    solutions: 7,
    firstTime: false,
    manualAdjustment: -1.5,
  };
  const all = Object.values(CRITERIA).map((name) => ({ name, weight: 1 }));

  it('counts sharing only for Yes, caps solutions at six, and writes a negative adjustment with its sign', () => {
    const { score, breakdown } = scoreApplication(facts, all, 'en');
    // 1 (Basic) + 0 (not exactly "Yes") + 2.345 + 0 (large) + 6 (capped) + 0 (not first) − 1.5
    expect(score).toBe(7.85);
    const lines = breakdown.split('\n');
    expect(lines).toHaveLength(8);
    expect(lines[4]).toContain('(7): 6 × 1 = 6');
    expect(lines[3]).toContain('1,234,567');
    expect(lines[6]).toContain('-1.5');
    expect(lines[6]).not.toContain('+');
    expect(lines[7]).toContain('7.85');
  });

  it('writes a positive adjustment with a plus, and none at all for zero', () => {
    const plus = scoreApplication({ ...facts, manualAdjustment: 2 }, all, 'sl').breakdown.split('\n');
    expect(plus).toHaveLength(8);
    expect(plus[6]).toContain('+2');
    expect(plus[3]).toContain('1.234.567');
    expect(plus[2]).toContain('2,35');
    const none = scoreApplication({ ...facts, manualAdjustment: 0 }, all, 'en').breakdown.split('\n');
    expect(none).toHaveLength(7);
  });

  it('shows a blank level or sharing as a dash, and a first-time applicant as yes', () => {
    const lines = scoreApplication(
      { ...facts, englishLevel: '', sharesKnowledge: '', firstTime: true, contentScore: null, population: null },
      all,
      'en',
    ).breakdown.split('\n');
    expect(lines[0]).toContain('(—): 0');
    expect(lines[1]).toContain('(—): 0');
    expect(lines[5]).toMatch(/: 1 × 1 = 1$/);
    const shares = scoreApplication({ ...facts, sharesKnowledge: 'Yes' }, all, 'en').breakdown.split('\n');
    expect(shares[1]).toMatch(/\(Yes\): 1 × 1 = 1$/);
  });
});
