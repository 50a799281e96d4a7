import { isStaffError } from '../../src/core/errors';
import { catalogue, LANGUAGES, t, toLanguage } from '../../src/core/i18n';
import { readSettings, settingDefinitions } from '../../src/core/settings';
import { columnRuns, findColumns, missingHeaders } from '../../src/core/table';
import { asText, CELL_LIMIT, cleanLine, editDistance, escapeHtml, foldText } from '../../src/core/text';

describe('text', () => {
  it('folds case, diacritics and punctuation for comparison', () => {
    expect(foldText('  Črna na Koroškem!  ')).toBe('crna na koroskem');
    expect(foldText('Đakovo–Žalec')).toBe('dakovo zalec');
  });

  it('keeps any answer as text behind an apostrophe, and empty as empty', () => {
    for (const s of ['=1+1', '+386', '-5', '@x', '007', '2017-02-20', 'TRUE', 'plain']) expect(asText(s)).toBe(`'${s}`);
    expect(asText('')).toBe('');
  });

  it('shortens text longer than a cell holds', () => {
    const cell = asText('x'.repeat(CELL_LIMIT + 10));
    expect(cell.length).toBeLessThanOrEqual(CELL_LIMIT);
    expect(cell.endsWith('…')).toBe(true);
  });

  it('escapes every character HTML gives meaning to', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
  });

  it('collapses whitespace of one-line answers', () => {
    expect(cleanLine(' a\t\n b\u00a0c ')).toBe('a b c');
  });

  it('counts a swap of two letters as one edit', () => {
    expect(editDistance('ljubljana', 'ljubljnaa')).toBe(1);
    expect(editDistance('kranj', 'kranj')).toBe(0);
    expect(editDistance('abc', 'xyz')).toBe(3);
    expect(editDistance('abcdef', 'a', 2)).toBe(3);
  });
});

describe('staff messages', () => {
  it('has every message in English and Slovenian', () => {
    const en = Object.keys(catalogue('en')).sort();
    for (const lang of LANGUAGES) {
      expect(Object.keys(catalogue(lang)).sort()).toEqual(en);
      for (const v of Object.values(catalogue(lang))) expect(v.trim()).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const [key, text] of Object.entries(catalogue('en'))) {
      expect([key, names(catalogue('sl')[key as keyof ReturnType<typeof catalogue>])]).toEqual([key, names(text)]);
    }
  });

  it('fills placeholders and reads a language from a setting or a locale', () => {
    expect(t('sl', 'error.missingSheet', { sheet: 'Log' })).toContain('"Log"');
    expect(toLanguage('sl_SI')).toBe('sl');
    expect(toLanguage(' SL ')).toBe('sl');
    expect(toLanguage('en_GB')).toBe('en');
    expect(toLanguage(undefined)).toBe('en');
  });

  it('words a message given as a parameter in the language of the message around it', () => {
    const problem = { key: 'settingProblem.int' as const, params: { value: 'two', min: 1 } };
    const params = { cell: 'Settings!B10', key: 'maxExcursionsPerMunicipality', problem };
    expect(t('en', 'error.badSetting', params)).toContain('"two" is not a whole number of at least 1');
    expect(t('sl', 'error.badSetting', params)).toContain('"two" ni celo število, vsaj 1');
    expect(t('en', 'error.badSetting', params)).not.toContain('{problem}');
    // A placeholder with no parameter stays as it is written.
    expect(t('en', 'error.missingSheet', {})).toContain('{sheet}');
  });
});

describe('tables by header name', () => {
  it('finds columns wherever staff moved them', () => {
    expect(findColumns('S', ['Notes', 'B', 'A'], ['A', 'B'])).toEqual({ A: 2, B: 1 });
  });

  it('stops with the sheet and header named when a header is missing or doubled', () => {
    const missing = (() => {
      try {
        findColumns('Applications', ['Email'], ['Email', 'Status']);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(isStaffError(missing) && missing.params).toEqual({ sheet: 'Applications', header: 'Status' });
    expect(() => findColumns('S', ['A', ' A '], ['A'])).toThrow(/duplicateHeader/);
  });

  it('lists missing headers in the required order', () => {
    expect(missingHeaders(['B'], ['A', 'B', 'C'])).toEqual(['A', 'C']);
  });

  it('groups columns into runs of adjacent ones', () => {
    expect(columnRuns([5, 1, 2, 9, 3, 5])).toEqual([
      { start: 1, columns: [1, 2, 3] },
      { start: 5, columns: [5] },
      { start: 9, columns: [9] },
    ]);
  });
});

describe('settings', () => {
  const defaults = new Map(settingDefinitions().map((d) => [d.key, d.value as unknown]));

  it('has a description for every setting and a template key per type and language', () => {
    const defs = settingDefinitions();
    expect(defs.every((d) => d.description.length > 10)).toBe(true);
    expect(defs.filter((d) => d.key.startsWith('template.'))).toHaveLength(28);
  });

  it('reads the defaults without a problem', () => {
    const { settings, problems } = readSettings(defaults);
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({
      language: 'sl',
      acceptLate: false,
      maxExcursionsPerMunicipality: 1,
      prioritizeNewcomers: true,
    });
  });

  it('turns a date-only deadline into the end of that day', () => {
    const day = new Date('2017-02-21T23:00:00Z');
    const { settings } = readSettings(new Map([['applicationDeadline', day]]), (d) => new Date(d.getTime() + 86400000));
    expect(settings.applicationDeadline?.toISOString()).toBe('2017-02-22T23:00:00.000Z');
  });

  it('reports a wrong value by key and falls back to the default', () => {
    const { settings, problems } = readSettings(
      new Map<string, unknown>([
        ['acceptLate', 'maybe'],
        ['maxExcursionsPerMunicipality', '-2'],
        ['minEnglishLevel', 'Perfect'],
        ['language', 'de'],
      ]),
    );
    expect(problems.map((p) => p.key).sort()).toEqual([
      'acceptLate',
      'language',
      'maxExcursionsPerMunicipality',
      'minEnglishLevel',
    ]);
    expect(settings.acceptLate).toBe(false);
    expect(settings.maxExcursionsPerMunicipality).toBe(1);
  });

  it('accepts TRUE/FALSE as Sheets gives them and as typed (da/ne too)', () => {
    expect(readSettings(new Map<string, unknown>([['acceptLate', true]])).settings.acceptLate).toBe(true);
    expect(readSettings(new Map<string, unknown>([['acceptLate', 'DA']])).settings.acceptLate).toBe(true);
    expect(readSettings(new Map<string, unknown>([['acceptLate', 'ne']])).settings.acceptLate).toBe(false);
  });
});
