/** Reading Settings as staff type them: every word, blank, typo and boundary pinned. */
import { readSettings, settingDefinitions, templateKey } from '../../src/core/settings';

const read = (entries: [string, unknown][], endOfDay?: (d: Date) => Date) =>
  readSettings(new Map<string, unknown>(entries), endOfDay);

describe('TRUE/FALSE settings', () => {
  it.each([
    [true, true],
    [false, false],
    ['TRUE', true],
    ['true', true],
    [' Yes ', true],
    ['y', true],
    ['DA', true],
    ['1', true],
    [1, true],
    ['FALSE', false],
    ['No', false],
    ['n', false],
    ['ne', false],
    [' NE ', false],
    ['0', false],
    [0, false],
    ['', false],
    [null, false],
  ])('reads %p as %p without a problem', (value, expected) => {
    const { settings, problems } = read([['attachPdf', value]]);
    expect(problems).toEqual([]);
    expect(settings.attachPdf).toBe(expected);
  });

  it.each(['flase', 'nee', 'yes please', 'x', '2', 'TRUE FALSE'])('reports %p and keeps the default', (value) => {
    const { settings, problems } = read([
      ['prioritizeNewcomers', value],
      ['acceptLate', value],
    ]);
    expect(problems).toEqual([
      { key: 'acceptLate', problem: 'settingProblem.bool', params: { value } },
      { key: 'prioritizeNewcomers', problem: 'settingProblem.bool', params: { value } },
    ]);
    expect(settings.prioritizeNewcomers).toBe(true);
    expect(settings.acceptLate).toBe(false);
  });

  it('reads each switch from its own key', () => {
    const { settings } = read([
      ['acceptLate', true],
      ['requireSignedForm', true],
      ['prioritizeNewcomers', false],
      ['attachPdf', true],
    ]);
    expect(settings).toMatchObject({
      acceptLate: true,
      requireSignedForm: true,
      prioritizeNewcomers: false,
      attachPdf: true,
    });
  });
});

describe('whole-number settings', () => {
  it.each([
    [0, 0],
    ['0', 0],
    [' 25 ', 25],
    [100, 100],
  ])('reads a quota reserve of %p as %p', (value, expected) => {
    const { settings, problems } = read([['quotaReserve', value]]);
    expect(problems).toEqual([]);
    expect(settings.quotaReserve).toBe(expected);
  });

  it.each(['', '   ', 'ten', '2.5', 2.5, -1, '-1', true, 'Infinity'])('reports a quota reserve of %p', (value) => {
    const { settings, problems } = read([['quotaReserve', value]]);
    expect(problems).toEqual([
      { key: 'quotaReserve', problem: 'settingProblem.int', params: { value: String(value), min: 0 } },
    ]);
    expect(settings.quotaReserve).toBe(10);
  });

  it('needs at least one excursion per municipality', () => {
    expect(read([['maxExcursionsPerMunicipality', 1]]).problems).toEqual([]);
    expect(read([['maxExcursionsPerMunicipality', 3]]).settings.maxExcursionsPerMunicipality).toBe(3);
    const { settings, problems } = read([['maxExcursionsPerMunicipality', 0]]);
    expect(problems).toEqual([
      { key: 'maxExcursionsPerMunicipality', problem: 'settingProblem.int', params: { value: '0', min: 1 } },
    ]);
    expect(settings.maxExcursionsPerMunicipality).toBe(1);
  });
});

describe('the deadline', () => {
  const endOfDay = (d: Date) => new Date(d.getTime() + 1000);

  it('is none when blank', () => {
    expect(read([['applicationDeadline', '']]).settings.applicationDeadline).toBeNull();
    expect(read([['applicationDeadline', '  ']]).settings.applicationDeadline).toBeNull();
    expect(read([['applicationDeadline', null]]).problems).toEqual([]);
  });

  it('turns a date cell into the end of its day, and takes a full timestamp as it is', () => {
    const day = new Date('2017-02-21T23:00:00Z');
    expect(read([['applicationDeadline', day]], endOfDay).settings.applicationDeadline?.toISOString()).toBe(
      '2017-02-21T23:00:01.000Z',
    );
    const { settings, problems } = read([['applicationDeadline', '2017-02-22T12:30:00Z']], endOfDay);
    expect(problems).toEqual([]);
    expect(settings.applicationDeadline?.toISOString()).toBe('2017-02-22T12:30:00.000Z');
  });

  it.each(['2017-02-22', ' 2017-02-22 ', 'next Friday', new Date(Number.NaN)])(
    'reports %p: a day as text has no time zone, and a word is no date',
    (value) => {
      const { settings, problems } = read([['applicationDeadline', value]]);
      expect(settings.applicationDeadline).toBeNull();
      expect(problems).toEqual([
        { key: 'applicationDeadline', problem: 'settingProblem.date', params: { value: String(value) } },
      ]);
    },
  );
});

describe('language, level and text settings', () => {
  it.each([
    ['sl', 'sl'],
    ['SL', 'sl'],
    ['slo', 'sl'],
    ['sl_SI', 'sl'],
    ['Slovenščina', 'sl'],
    ['slovenian', 'sl'],
    ['en', 'en'],
    ['English', 'en'],
    ['angleščina', 'en'],
    ['', 'sl'],
  ])('reads the language %p as %p', (value, expected) => {
    const { settings, problems } = read([['language', value]]);
    expect(problems).toEqual([]);
    expect(settings.language).toBe(expected);
  });

  it.each(['de', 'hr', 'french', 'angel'])('reports the language %p', (value) => {
    const { problems } = read([['language', value]]);
    expect(problems.map((p) => [p.key, p.problem, p.params.value])).toEqual([
      ['language', 'settingProblem.language', value],
    ]);
  });

  it('takes an English level exactly as listed, and reports another with the list', () => {
    expect(read([['minEnglishLevel', ' Basic ']]).settings.minEnglishLevel).toBe('Basic');
    const { settings, problems } = read([['minEnglishLevel', 'basic']]);
    expect(settings.minEnglishLevel).toBe('Good working knowledge');
    expect(problems).toEqual([
      {
        key: 'minEnglishLevel',
        problem: 'settingProblem.level',
        params: { value: 'basic', levels: 'Fluent, Good working knowledge, Basic, None' },
      },
    ]);
  });

  it('trims text settings and reads every template id by type and language', () => {
    const { settings } = read([
      ['senderName', '  SOS  '],
      ['replyTo', ' a@b.si '],
      ['templateFolderId', ' F1 '],
      [templateKey('accepted', 'en'), ' DOC-1 '],
      [templateKey('promoted', 'sl'), 'DOC-2'],
    ]);
    expect(settings).toMatchObject({ senderName: 'SOS', replyTo: 'a@b.si', templateFolderId: 'F1' });
    expect(settings.templates['accepted.en']).toBe('DOC-1');
    expect(settings.templates['promoted.sl']).toBe('DOC-2');
    expect(settings.templates['received.sl']).toBe('');
    expect(Object.keys(settings.templates)).toHaveLength(28);
  });
});

describe('the Settings sheet as Set up writes it', () => {
  it('describes every setting in the staff language, with the levels and the template named', () => {
    const sl = settingDefinitions('sl');
    const en = settingDefinitions('en');
    expect(sl.map((d) => d.key)).toEqual(en.map((d) => d.key));
    expect(en.find((d) => d.key === 'minEnglishLevel')?.description).toBe(
      'Lowest English level that may take part: Fluent, Good working knowledge, Basic, None.',
    );
    expect(en.find((d) => d.key === 'template.accepted.sl')?.description).toBe(
      'Google Doc id of the template of the "places granted" notice in Slovenian (written by Set up).',
    );
    expect(sl.find((d) => d.key === 'template.accepted.en')?.description).toBe(
      'Id dokumenta Google s predlogo obvestila "obvestilo o dodeljenih mestih" v angleščini (zapiše ga Nastavitev).',
    );
    expect(sl.find((d) => d.key === 'language')?.description).not.toBe(
      en.find((d) => d.key === 'language')?.description,
    );
    expect(en.slice(0, 15).map((d) => [d.key, d.value])).toEqual([
      ['applicationDeadline', new Date('2017-02-21T23:00:00Z')],
      ['language', 'sl'],
      ['acceptLate', false],
      ['minEnglishLevel', 'Good working knowledge'],
      ['requireSignedForm', false],
      ['senderName', 'Skupnost občin Slovenije'],
      ['replyTo', ''],
      ['quotaReserve', 10],
      ['maxExcursionsPerMunicipality', 1],
      ['prioritizeNewcomers', true],
      ['attachPdf', false],
      ['replyDays', 7],
      ['reminderDays', 2],
      ['autoReallocate', false],
      ['templateFolderId', ''],
    ]);
    expect(en.slice(15, 17).map((d) => [d.key, d.value])).toEqual([
      ['callReminderDays', 2],
      ['attachApplicationPdf', true],
    ]);
    expect(en[17].key).toBe('template.invitation.en');
  });

  it('reads the defaults as the sample call has them', () => {
    const { settings, problems } = readSettings(new Map());
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({
      applicationDeadline: new Date('2017-02-21T23:00:00Z'),
      language: 'sl',
      minEnglishLevel: 'Good working knowledge',
      senderName: 'Skupnost občin Slovenije',
      quotaReserve: 10,
      attachPdf: false,
      requireSignedForm: false,
    });
  });
});
