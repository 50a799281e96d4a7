/**
 * Reading one answer, pinned reason by reason (found by `npm run mutate`: each expectation here
 * killed a mutant that test/core/intake.test.ts let live). Every test compares the whole list of
 * issues and the status, so a reason dropped, added or worded from the wrong values shows.
 */
import {
  findReplaced,
  type IntakeContext,
  isValidEmail,
  parsePreferences,
  rankPreferences,
  readAnswer,
  splitOptions,
} from '../../src/core/intake';
import { bundledMunicipalities, MunicipalityMatcher } from '../../src/core/municipalities';
import { preferenceColumn, QUESTION } from '../../src/core/vocabulary';

const excursions = [
  { id: 'CGN', label: 'Cologne', start: new Date('2017-04-25') },
  { id: 'STO', label: 'Stockholm', start: new Date('2017-10-10') },
  { id: 'BCN', label: 'Barcelona', start: new Date('2018-03-13') },
  { id: 'ZZZ', label: 'Anywhere', start: null },
];
const ctx: IntakeContext = {
  matcher: new MunicipalityMatcher(bundledMunicipalities()),
  excursions,
  deadline: new Date('2017-02-22T23:00:00Z'),
  minEnglishLevel: 'Good working knowledge',
  language: 'en',
  formatDate: (d) => d.toISOString(),
};
const before = new Date('2017-02-20T09:00:00Z');

function answer(overrides: Record<string, string | undefined> = {}) {
  const base: Record<string, string | undefined> = {
    [QUESTION.municipality]: 'Ajdovščina',
    [QUESTION.contact]: 'Ana',
    [QUESTION.email]: 'ana@ajdovscina.si',
    [QUESTION.english]: 'Fluent',
    [QUESTION.areas]: 'Low energy districts',
    [QUESTION.solutions]: 'Smart street lighting',
    [preferenceColumn('Cologne')]: '1st choice',
    [QUESTION.delegates]: '2',
    [QUESTION.sharing]: 'Yes',
    [QUESTION.consent]: 'I agree',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(base).filter(([, v]) => v !== undefined)) as Record<string, string>;
}

const read = (overrides: Record<string, string | undefined> = {}, at = before) =>
  readAnswer(answer(overrides), at, ctx);

describe('the reasons an answer is given', () => {
  it('gives none for a complete answer, whether values come as strings or lists', () => {
    const d = read();
    expect([d.status, d.issues]).toEqual(['Received', []]);
    const listed = readAnswer(Object.fromEntries(Object.entries(answer()).map(([k, v]) => [k, [v]])), before, ctx);
    expect(listed).toEqual(d);
    expect(readAnswer({ ...answer(), [QUESTION.contact]: [] }, before, ctx).issues).toEqual([
      'No contact person given',
    ]);
  });

  it('names a missing municipality, contact, e-mail and level, and keeps the application Incomplete', () => {
    const d = read({
      [QUESTION.municipality]: undefined,
      [QUESTION.contact]: ' ',
      [QUESTION.email]: undefined,
      [QUESTION.english]: '',
    });
    expect(d.status).toBe('Incomplete');
    expect(d.issues).toEqual([
      'No municipality given',
      'No contact person given',
      'No e-mail address given',
      'English proficiency not given',
    ]);
    expect(d.municipalityKey).toBe('');
  });

  it('alone, a missing contact person is a note, not a reason to be Incomplete', () => {
    expect(read({ [QUESTION.contact]: '' })).toMatchObject({ status: 'Received', issues: ['No contact person given'] });
  });

  it.each([
    [{ [QUESTION.municipality]: '' }, 'Incomplete'],
    [{ [QUESTION.email]: '' }, 'Incomplete'],
    [{ [QUESTION.email]: 'ana@' }, 'Incomplete'],
    [{ [QUESTION.english]: '' }, 'Incomplete'],
    [{ [QUESTION.english]: 'Native' }, 'Incomplete'],
    [{ [preferenceColumn('Cologne')]: '' }, 'Incomplete'],
    [{ [QUESTION.english]: 'Basic' }, 'Ineligible'],
    [{ [QUESTION.english]: 'good WORKING knowledge' }, 'Received'],
    [{ [QUESTION.delegates]: '7' }, 'Received'],
    [{ [QUESTION.sharing]: 'Maybe' }, 'Received'],
  ])('%p alone makes it %p', (overrides, status) => {
    expect(read(overrides).status).toBe(status);
  });

  it('reads an address given as a mailto: link', () => {
    expect(read({ [QUESTION.email]: 'MAILTO:ana@ajdovscina.si' })).toMatchObject({
      email: 'ana@ajdovscina.si',
      issues: [],
    });
    expect(read({ [QUESTION.email]: 'x mailto:ana@ajdovscina.si' }).issues).toEqual([
      'E-mail address "x mailto:ana@ajdovscina.si" is not valid',
    ]);
  });

  it('names an unknown level and unknown options with their question', () => {
    expect(
      read({
        [QUESTION.english]: 'Native',
        [QUESTION.areas]: 'Low energy districts, Space',
        [QUESTION.solutions]: 'Teleporters, Smart street lighting',
        [QUESTION.sharing]: 'Maybe',
      }).issues,
    ).toEqual([
      'English proficiency "Native" is not one of the options',
      'Areas of interest: "Space" is not one of the options',
      'Smart solutions of interest: "Teleporters" is not one of the options',
      'Knowledge sharing: "Maybe" is not one of the options',
    ]);
  });

  it('reads knowledge sharing in any case, and a blank one as no answer', () => {
    expect(read({ [QUESTION.sharing]: 'no' })).toMatchObject({ sharesKnowledge: 'No', issues: [] });
    expect(read({ [QUESTION.sharing]: '' })).toMatchObject({ sharesKnowledge: '', issues: [] });
  });

  it('takes the minimum level itself, and refuses the one below it, naming both', () => {
    expect(read({ [QUESTION.english]: 'Good working knowledge' }).issues).toEqual([]);
    expect(read({ [QUESTION.english]: 'basic' }).issues).toEqual([
      'English proficiency "Basic" is below the required "Good working knowledge"',
    ]);
  });

  it('counts delegates 1 to 3, anything else as 1, saying so unless blank', () => {
    expect(read({ [QUESTION.delegates]: '3' })).toMatchObject({ delegates: 3, issues: [] });
    expect(read({ [QUESTION.delegates]: '' })).toMatchObject({ delegates: 1, issues: [] });
    expect(read({ [QUESTION.delegates]: '4' })).toMatchObject({
      delegates: 1,
      issues: ['Number of delegates "4" is not 1, 2 or 3; counted as 1'],
    });
    expect(read({ [QUESTION.delegates]: '2.0' }).delegates).toBe(1);
  });

  it('marks the exact deadline instant Late, naming the last day, and the millisecond before it Received', () => {
    expect(read({}, new Date('2017-02-22T22:59:59.999Z')).status).toBe('Received');
    const late = read({}, new Date('2017-02-22T23:00:00.000Z'));
    expect(late.status).toBe('Late');
    expect(late.issues).toEqual(['Submitted after the deadline (2017-02-22T22:59:59.999Z)']);
    expect(readAnswer(answer(), new Date('2030-01-01'), { ...ctx, deadline: null }).status).toBe('Received');
  });

  it('says a typo was read as the official name, and names the candidates of an ambiguous one', () => {
    const typo = read({ [QUESTION.municipality]: 'Ajdovšcinna' });
    expect(typo.issues).toEqual(['Municipality "Ajdovšcinna" read as Ajdovščina']);
    expect(typo.municipality).toBe('Ajdovščina');
    const unknown = read({ [QUESTION.municipality]: 'Atlantis' });
    expect(unknown.issues).toEqual(['Municipality "Atlantis" is not in the Municipalities list']);
    expect(unknown).toMatchObject({ municipality: 'Atlantis', region: '', population: '', status: 'Received' });
  });

  it('ignores grid columns of other questions and blank cells, and names an excursion not open', () => {
    const d = read({
      'Excursion preferences [Cologne': 'Interested',
      'Other [Stockholm]': '1st choice',
      [preferenceColumn('Stockholm')]: '',
      [preferenceColumn('Oslo')]: '2nd choice',
      [preferenceColumn('Barcelona')]: 'Maybe',
    });
    expect(d.issues).toEqual([
      'Excursion "Oslo" is not open for applications',
      'Excursion preferences [Barcelona]: "Maybe" is not one of the options',
    ]);
    expect(d.preferences.map((p) => p.excursionId)).toEqual(['CGN']);
  });

  it('keeps the first excursion given a rank twice, and every other rank', () => {
    const d = read({
      [preferenceColumn('Stockholm')]: '1st choice',
      [preferenceColumn('Barcelona')]: 'Interested',
      [preferenceColumn('Anywhere')]: 'interested',
    });
    expect(d.issues).toEqual(['1st choice given to more than one excursion; kept Cologne']);
    expect(d.preferences.map((p) => [p.rank, p.excursionId])).toEqual([
      ['1st choice', 'CGN'],
      ['Interested', 'BCN'],
      ['Interested', 'ZZZ'],
    ]);
  });
});

describe('the helpers of intake', () => {
  it('orders Interested excursions by start date, one without a date last, then by label', () => {
    const p = (excursionId: string, label: string) => ({ excursionId, label, rank: 'Interested' as const });
    expect(
      rankPreferences([p('ZZZ', 'Anywhere'), p('BCN', 'Barcelona'), p('STO', 'Stockholm')], excursions).map(
        (x) => x.excursionId,
      ),
    ).toEqual(['STO', 'BCN', 'ZZZ']);
    expect(rankPreferences([p('Y', 'b'), p('X', 'a')], excursions).map((x) => x.excursionId)).toEqual(['X', 'Y']);
  });

  it('reads a Preferences cell line by line, only lines it wrote', () => {
    expect(parsePreferences('  1st choice: Cologne, 25–27 April (CGN)  \nnote: x (Y)\nInterested: Oslo (OSL)')).toEqual(
      [
        { rank: '1st choice', label: 'Cologne, 25–27 April', excursionId: 'CGN' },
        { rank: 'Interested', label: 'Oslo', excursionId: 'OSL' },
      ],
    );
    expect(parsePreferences('x 1st choice: Cologne (CGN)')).toEqual([]);
    expect(parsePreferences('1st choice: Cologne (CGN) x')).toEqual([]);
    expect(parsePreferences('1st choice: Cologne (CGN)x')).toEqual([]);
    expect(parsePreferences('')).toEqual([]);
  });

  it('splits options longest first, skipping blank parts and the separators', () => {
    expect(
      splitOptions('Smart building shell refurbishment', ['Smart building', 'Smart building shell refurbishment']),
    ).toEqual({
      known: ['Smart building shell refurbishment'],
      unknown: [],
    });
    expect(splitOptions(', ,a,, b,', ['a', 'b'])).toEqual({ known: ['a', 'b'], unknown: [] });
    expect(splitOptions('a,b', ['a', 'b'])).toEqual({ known: ['a', 'b'], unknown: [] });
    expect(splitOptions('ab, x y ,c', ['a', 'b', 'c'])).toEqual({ known: ['c'], unknown: ['ab', 'x y'] });
    expect(splitOptions('Ab', ['AB'])).toEqual({ known: ['AB'], unknown: [] });
    expect(splitOptions('zz', ['a'])).toEqual({ known: [], unknown: ['zz'] });
  });

  it.each([
    ['ana@ajdovscina.si', true],
    ['a.b@c.co', true],
    [`${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.si`, true],
    [`${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(59)}.si`, false],
    ['.a@b.si', false],
    ['a.@b.si', false],
    ['a..b@c.si', false],
    ['a@b', false],
    ['a@b.s', false],
    ['a@-b.si', false],
    ['a b@c.si', false],
    ['a@b.si x', false],
    ['x a@b.si', false],
    ['a@b.si.', false],
    ['a@b..si', false],
  ])('%p is a valid e-mail address: %p', (address, valid) => {
    expect(isValidEmail(address)).toBe(valid);
  });

  it('replaces nothing for an application without a municipality', () => {
    const draft = read({ [QUESTION.municipality]: '' });
    expect(findReplaced(draft, [{ id: 'APP-1', municipalityKey: '', status: 'Received' }])).toEqual([]);
  });
});
