import fc from 'fast-check';
import {
  applicationIdFor,
  findReplaced,
  formatPreferences,
  type IntakeContext,
  intakeNotice,
  isValidEmail,
  parsePreferences,
  readAnswer,
  splitOptions,
} from '../../src/core/intake';
import { bundledMunicipalities, MunicipalityMatcher } from '../../src/core/municipalities';
import { asText } from '../../src/core/text';
import { AREAS, preferenceColumn, QUESTION, SOLUTIONS } from '../../src/core/vocabulary';

const excursions = [
  { id: 'CGN-2017-04', label: 'Cologne, 25–27 April 2017', start: new Date('2017-04-25') },
  { id: 'STO-2017-10', label: 'Stockholm, October 2017', start: new Date('2017-10-10') },
  { id: 'BCN-2018-03', label: 'Barcelona, March 2018', start: new Date('2018-03-13') },
  { id: 'CGN-2018-06', label: 'Cologne, June 2018', start: new Date('2018-06-12') },
];
const ctx: IntakeContext = {
  matcher: new MunicipalityMatcher(bundledMunicipalities()),
  excursions,
  deadline: new Date('2017-02-22T23:00:00Z'),
  minEnglishLevel: 'Good working knowledge',
  language: 'en',
  formatDate: (d) => d.toISOString().slice(0, 10),
};
const before = new Date('2017-02-20T09:15:32Z');

function answer(overrides: Record<string, string> = {}): Record<string, string[]> {
  const base: Record<string, string> = {
    [QUESTION.timestamp]: '2/20/2017 10:15:32',
    [QUESTION.municipality]: 'Občina Ajdovščina',
    [QUESTION.contact]: 'Špela Kovačič',
    [QUESTION.position]: 'svetovalka',
    [QUESTION.email]: 'spela.kovacic@ajdovscina.si',
    [QUESTION.phone]: '+386 5 365 91 10',
    [QUESTION.english]: 'Fluent',
    [QUESTION.areas]: 'Low energy districts, Sustainable urban mobility',
    [QUESTION.solutions]: 'Smart street lighting, Waste heat recovery',
    [QUESTION.stream]: 'Smart City themes',
    [preferenceColumn(excursions[0].label)]: '2nd choice',
    [preferenceColumn(excursions[1].label)]: '1st choice',
    [preferenceColumn(excursions[2].label)]: 'Interested',
    [preferenceColumn(excursions[3].label)]: 'Interested',
    [QUESTION.delegates]: '2',
    [QUESTION.motivation]: 'We renovate schools.',
    [QUESTION.projects]: '',
    [QUESTION.sharing]: 'Yes',
    [QUESTION.consent]: 'I agree',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(base).map(([k, v]) => [k, [v]]));
}

describe('reading one form answer', () => {
  it('turns a complete answer into a Received application with the official name, region and population', () => {
    const d = readAnswer(answer(), before, ctx);
    expect(d.status).toBe('Received');
    expect(d.issues).toEqual([]);
    expect(d).toMatchObject({
      municipality: 'Ajdovščina',
      municipalityAsEntered: 'Občina Ajdovščina',
      region: 'Goriška',
      population: 19704,
      delegates: 2,
      sharesKnowledge: 'Yes',
      areas: ['Low energy districts', 'Sustainable urban mobility'],
      solutions: ['Smart street lighting', 'Waste heat recovery'],
    });
  });

  it('ranks 1st, 2nd, 3rd choice, then the Interested ones by start date', () => {
    const d = readAnswer(answer(), before, ctx);
    expect(d.preferences.map((p) => `${p.rank}/${p.excursionId}`)).toEqual([
      '1st choice/STO-2017-10',
      '2nd choice/CGN-2017-04',
      'Interested/BCN-2018-03',
      'Interested/CGN-2018-06',
    ]);
  });

  it('writes the preferences as a readable list that reads back the same', () => {
    const d = readAnswer(answer(), before, ctx);
    const cell = formatPreferences(d.preferences);
    expect(cell.split('\n')[0]).toBe('1st choice: Stockholm, October 2017 (STO-2017-10)');
    expect(parsePreferences(cell)).toEqual(d.preferences);
  });

  it('marks a malformed e-mail Incomplete and says which address', () => {
    const d = readAnswer(answer({ [QUESTION.email]: 'info@obcina,si' }), before, ctx);
    expect(d.status).toBe('Incomplete');
    expect(d.issues).toContain('E-mail address "info@obcina,si" is not valid');
  });

  it('marks an answer without consent or without an excursion Incomplete, listing every reason', () => {
    const none = Object.fromEntries(excursions.map((e) => [preferenceColumn(e.label), '']));
    const d = readAnswer(answer({ [QUESTION.consent]: '', ...none }), before, ctx);
    expect(d.status).toBe('Incomplete');
    expect(d.issues).toEqual(
      expect.arrayContaining(['Consent to the processing of the data not given', 'No excursion chosen']),
    );
  });

  it('marks English below the minimum Ineligible', () => {
    const d = readAnswer(answer({ [QUESTION.english]: 'Basic' }), before, ctx);
    expect(d.status).toBe('Ineligible');
    expect(d.issues[0]).toMatch(/below the required "Good working knowledge"/);
  });

  it('marks an answer at or after the deadline Late', () => {
    const d = readAnswer(answer(), new Date('2017-02-23T08:00:00Z'), ctx);
    expect(d.status).toBe('Late');
    expect(d.issues[0]).toMatch(/^Submitted after the deadline/);
  });

  it('keeps an unknown municipality as entered and lists it in Issues', () => {
    const d = readAnswer(answer({ [QUESTION.municipality]: 'Občina Nekje' }), before, ctx);
    expect(d.municipality).toBe('Občina Nekje');
    expect(d.region).toBe('');
    expect(d.issues).toContain('Municipality "Občina Nekje" is not in the Municipalities list');
  });

  it('keeps the first excursion when one choice is given twice, and says so', () => {
    const d = readAnswer(answer({ [preferenceColumn(excursions[0].label)]: '1st choice' }), before, ctx);
    expect(d.preferences.filter((p) => p.rank === '1st choice')).toHaveLength(1);
    expect(d.issues.some((i) => i.startsWith('1st choice given to more than one excursion'))).toBe(true);
  });

  it('says which grid column names an excursion that is not open', () => {
    const d = readAnswer(answer({ [preferenceColumn('Oslo, 2030')]: '1st choice' }), before, ctx);
    expect(d.issues).toContain('Excursion "Oslo, 2030" is not open for applications');
  });

  it('uses the settings language for the reasons', () => {
    const d = readAnswer(answer({ [QUESTION.email]: '' }), before, { ...ctx, language: 'sl' });
    expect(d.issues).toContain('E-naslov ni naveden');
  });

  it('never throws and never leaves a formula, whatever the text (property)', () => {
    const hostile = fc.oneof(
      fc.string(),
      fc.constantFrom('=1+1', '+386 1', '-x', '@me', '<b>x</b>', 'a, b, c', 'Občina Čatež', '\u0000\n\t', ''),
      fc.string({ minLength: 0, maxLength: 2000 }),
    );
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(...Object.values(QUESTION), preferenceColumn(excursions[0].label)),
          fc.array(hostile, { maxLength: 2 }),
        ),
        (values) => {
          const d = readAnswer(values, before, ctx);
          for (const text of [d.municipality, d.contactName, d.email, d.motivation, d.issues.join('\n')]) {
            const cell = asText(text);
            expect(cell === '' || cell.startsWith("'")).toBe(true);
          }
          expect(['Received', 'Incomplete', 'Late', 'Ineligible']).toContain(d.status);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('splitting multi-select answers against the known options', () => {
  it('keeps an option that contains a comma whole', () => {
    const options = ['Roads, bridges and tunnels', 'Roads', 'Parks'];
    expect(splitOptions('Roads, bridges and tunnels, Parks', options)).toEqual({
      known: ['Roads, bridges and tunnels', 'Parks'],
      unknown: [],
    });
    expect(splitOptions('Roads, Parks', options).known).toEqual(['Roads', 'Parks']);
  });

  it('returns unknown parts separately and ignores case and repeats', () => {
    expect(splitOptions('low energy districts, Mars base, Low energy districts', AREAS)).toEqual({
      known: ['Low energy districts'],
      unknown: ['Mars base'],
    });
  });

  it('orders the known options as the form lists them', () => {
    expect(splitOptions('Smart mobility solutions, Smart street lighting', SOLUTIONS).known).toEqual([
      'Smart street lighting',
      'Smart mobility solutions',
    ]);
  });

  it('recovers every subset of the options joined as Forms joins them (property)', () => {
    fc.assert(
      fc.property(fc.subarray([...SOLUTIONS]), (subset) => {
        expect(splitOptions(subset.join(', '), SOLUTIONS)).toEqual({ known: subset, unknown: [] });
      }),
    );
  });
});

describe('e-mail addresses', () => {
  it.each(['a@b.si', 'ime.priimek@obcina-x.si', 'info+call@sos-zveza.org'])('accepts %p', (e) => {
    expect(isValidEmail(e)).toBe(true);
  });
  it.each(['', 'a@b', '@b.si', 'a@b,si', 'a b@c.si', 'a..b@c.si', 'a@b.si; c@d.si', '<a@b.si>', 'a@-b.si'])(
    'refuses %p',
    (e) => {
      expect(isValidEmail(e)).toBe(false);
    },
  );
});

describe('duplicates, ids and notices', () => {
  it('replaces every earlier live application of the same municipality', () => {
    const d = readAnswer(answer(), before, ctx);
    const existing = [
      { id: 'APP-0001', municipalityKey: 'ajdovscina', status: 'Received' },
      { id: 'APP-0002', municipalityKey: 'ajdovscina', status: 'Duplicate' },
      { id: 'APP-0003', municipalityKey: 'bled', status: 'Received' },
      { id: 'APP-0004', municipalityKey: 'ajdovscina', status: 'Withdrawn' },
    ];
    expect(findReplaced(d, existing).map((e) => e.id)).toEqual(['APP-0001']);
  });

  it('numbers an application after its row in the responses sheet, with a suffix on a clash', () => {
    expect(applicationIdFor(2, new Set())).toBe('APP-0001');
    expect(applicationIdFor(43, new Set(['APP-0001']))).toBe('APP-0042');
    expect(applicationIdFor(43, new Set(['APP-0042', 'APP-0042-2']))).toBe('APP-0042-3');
  });

  it('queues the notice that fits the Status: incomplete, ineligible, late, else received', () => {
    expect(intakeNotice('Incomplete')).toBe('incomplete');
    expect(intakeNotice('Ineligible')).toBe('ineligible');
    expect(intakeNotice('Received')).toBe('received');
    expect(intakeNotice('Late')).toBe('late');
  });
});
