/**
 * The staff's language everywhere staff read (issue 14, items 2 and 4): Log details, Issues,
 * dialogs, Settings and Scoring descriptions in the configured language, statuses and notice types
 * translated where they are shown in prose, and the empty first sheet of a new spreadsheet removed.
 */
import type { Emulator } from '../../emulator/src';
import { catalogue, LANGUAGES, type MessageKey, plural, t } from '../../src/core/i18n';
import {
  APPLICATION_STATUS,
  EXCURSION_STATUS,
  LOCKED_VALUES,
  NOTICE_TYPES,
  RESPONSE_VALUES,
} from '../../src/core/vocabulary';
import {
  CGN,
  fillApplications,
  freshWorkspace,
  OPEN_LABELS,
  openOffer,
  queueReceivedNotices,
  records,
  replyCode,
  replyLink,
  setSetting,
  setSheetCell,
  setUpWorkspace,
  validAnswer,
} from './harness';

/** English words of staff prose that never belong in a Slovenian staff text. */
const ENGLISH_STAFF_WORDS =
  /\b(Created|Repaired|Removed|Received|promoted|Scored|Sent|failed|skipped|left|Stopped|Undone|Cancelled|Not run|from|row|replaces|applications?|excursions?|notices?|queued|changed|sheet|settings added|choice|given|below|required|options?|the|is|not|of)\b/;

/** The text with every quoted part left out: an option or a name quoted as the form or the sheet shows it. */
const unquoted = (s: string) => s.replace(/"[^"]*"/g, '""');

function logDetails(emulator: Emulator, action?: string): string[] {
  return records(emulator, 'Log')
    .filter((r) => !action || r.Action === action)
    .map((r) => String(r.Details));
}

/** A new spreadsheet made by a Slovenian-speaking user, before any Set up. */
function slovenianSpreadsheet(): Emulator {
  return freshWorkspace({ locale: 'sl' });
}

describe('Log details in the staff language', () => {
  it('a fresh Set up in Slovenian says what it created, wholly in Slovenian, and repairs nothing', () => {
    const emulator = slovenianSpreadsheet();
    emulator.run('setupWorkspace');
    const details = logDetails(emulator, 'setupWorkspace');
    expect(details.length).toBeGreaterThan(5);
    for (const d of details) {
      expect([d, ENGLISH_STAFF_WORDS.test(unquoted(d))]).toEqual([d, false]);
      expect(d).not.toMatch(/^Popravljeno/);
    }
    expect(details).toContain('Ustvarjeno: list "Applications"');
    expect(details.some((d) => /^Ustvarjeno: \d+ nastavitev na listu Settings$/.test(d))).toBe(true);
    expect(details).toContain('Ustvarjeno: privzeta merila točkovanja');
  });

  it('settings typed in before the first Set up: the rest are created, not "repaired"', () => {
    const emulator = slovenianSpreadsheet();
    // As the CLI and a careful staff member do: the language and the deadline first.
    const settings = emulator.workbook().insertSheet('Settings');
    settings.setValue(0, 0, 'Key');
    settings.setValue(0, 1, 'Value');
    settings.setValue(1, 0, 'language');
    settings.setValue(1, 1, 'sl');
    settings.setValue(2, 0, 'applicationDeadline');
    settings.setValue(2, 1, '2017-02-22');
    emulator.run('setupWorkspace');
    const details = logDetails(emulator, 'setupWorkspace');
    expect(details.filter((d) => /nastavit/.test(d))).toEqual([
      expect.stringMatching(/^Ustvarjeno: \d+ nastavitev na listu Settings$/),
    ]);
    expect(details.filter((d) => d.startsWith('Popravljeno') || d.startsWith('Repaired'))).toEqual([]);
  });

  it('an answer, scoring, allocation and sending are logged in Slovenian', () => {
    const emulator = setUpWorkspace({ language: 'sl' });
    emulator.submit(validAnswer(), { timestamp: new Date('2017-02-20T09:15:32Z') });
    emulator.run('scoreApplicants');
    emulator.run('allocatePlaces');
    emulator.run('sendNotices');
    const later = records(emulator, 'Log')
      .filter((r) => r.Action !== 'setupWorkspace')
      .map((r) => String(r.Details));
    expect(later.length).toBeGreaterThanOrEqual(4);
    for (const d of later) expect([d, ENGLISH_STAFF_WORDS.test(unquoted(d))]).toEqual([d, false]);
    expect(later).toContain('Točkovanih prijav: 1');
    // The status of the answer taken in is named in Slovenian.
    expect(later.some((d) => /^APP-0001 z lista "[^"]+", vrstica 2: prejeta$/.test(d))).toBe(true);
  });

  it('a failed action is logged in Slovenian with what became of the sheets', () => {
    const emulator = setUpWorkspace({ language: 'sl' });
    emulator.submit(validAnswer(), { timestamp: new Date('2017-02-20T09:15:32Z') });
    emulator.env.calls.failNext('Spreadsheet.Range.setValues');
    emulator.run('scoreApplicants');
    const last = logDetails(emulator, 'scoreApplicants');
    expect(last.length).toBeGreaterThan(0);
    expect(last.some((d) => d.startsWith('Ustavljeno: '))).toBe(true);
    for (const d of last) expect(d).not.toMatch(/^(Stopped|Undone|Nothing had been written)/);
  });
});

describe('Log details of the triggers in the staff language', () => {
  it('a reply is logged in Slovenian, its delegates counted in agreement', () => {
    const emulator = setUpWorkspace({ language: 'sl' });
    emulator.submit(validAnswer(), { timestamp: new Date('2017-02-06T09:00:00Z') });
    openOffer(emulator, { app: 'APP-0001', replyBy: new Date('2017-03-13T00:00:00Z') });
    const before = logDetails(emulator).length;
    emulator.submitPrefilled(replyLink(emulator, replyCode(emulator, 'APP-0001', CGN)), {
      'Your answer': 'We confirm',
      Delegates: 'Ana Novak, županja\nBor Kralj, svetovalec',
    });
    const lines = logDetails(emulator).slice(before);
    expect(lines.length).toBeGreaterThan(0);
    for (const d of lines) expect([d, ENGLISH_STAFF_WORDS.test(unquoted(d))]).toEqual([d, false]);
    expect(lines.some((d) => d.includes(`APP-0001 pri ${CGN}: potrjeno, imenovana 2 delegata;`))).toBe(true);
  });

  it('the scheduled run logs a Reply By that is not a date in Slovenian', () => {
    const emulator = setUpWorkspace({ language: 'sl' });
    emulator.submit(validAnswer(), { timestamp: new Date('2017-02-06T09:00:00Z') });
    const row = openOffer(emulator, { app: 'APP-0001' });
    setSheetCell(emulator, 'Allocations', row, 'Reply By', 'naslednji petek');
    emulator.run('runScheduledWork', {}, { trigger: true });
    expect(logDetails(emulator, 'runScheduledWork')).toContain(
      `APP-0001 pri ${CGN} (list Allocations, vrstica 2): Reply By "naslednji petek" ni datum, zato ta ponudba ne dobi opomnika in ne poteče, dokler datuma ne popravite`,
    );
  });
});

describe('Issues in the staff language', () => {
  it('quotes the options as the form shows them, in Slovenian sentences', () => {
    const emulator = setUpWorkspace({ language: 'sl' });
    emulator.submit(
      validAnswer({
        'English proficiency': 'Basic',
        'Excursion preferences': { [OPEN_LABELS[0]]: '1st choice', [OPEN_LABELS[1]]: '1st choice' },
      }),
      { timestamp: new Date('2017-02-20T09:15:32Z') },
    );
    const issues = String(records(emulator, 'Applications')[0].Issues).split('\n');
    expect(issues.length).toBeGreaterThanOrEqual(2);
    for (const line of issues) expect([line, ENGLISH_STAFF_WORDS.test(unquoted(line))]).toEqual([line, false]);
    // An English option is named as the form shows it, and said in Slovenian beside it.
    expect(issues).toContain(
      'Znanje angleščine "Basic" (osnovno znanje) je nižje od zahtevanega "Good working knowledge" (dobro delovno znanje)',
    );
    expect(issues.some((l) => l.startsWith('Možnost "1st choice" (1. izbira) je označena pri več ekskurzijah'))).toBe(
      true,
    );
  });

  it('keeps the English sentences of an English spreadsheet as they were', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    emulator.submit(validAnswer({ 'English proficiency': 'Basic' }), {
      timestamp: new Date('2017-02-20T09:15:32Z'),
    });
    expect(String(records(emulator, 'Applications')[0].Issues)).toContain(
      'English proficiency "Basic" is below the required "Good working knowledge"',
    );
  });
});

describe('dialogs in the staff language', () => {
  it('Send notices counts the notices of each type with the type in Slovenian', () => {
    const emulator = setUpWorkspace({ language: 'sl' });
    fillApplications(emulator, 3);
    queueReceivedNotices(emulator, 3);
    emulator.ui.answers.push('NO');
    emulator.run('sendNotices');
    const prompt = emulator.ui.alerts.at(-1)!.prompt;
    expect(prompt).toMatch(/^Želite poslati 3 obvestila\?\n\nPo vrstah: potrdilo o prejemu prijave \(3\)\n\n/);
    expect(prompt).not.toMatch(/\breceived\b/);
  });

  it('Allocate places names the decisions in Slovenian, with numbers that agree', () => {
    const emulator = setUpWorkspace({ language: 'sl' });
    emulator.submit(validAnswer(), { timestamp: new Date('2017-02-20T09:15:32Z') });
    emulator.run('scoreApplicants');
    emulator.ui.answers.push('NO');
    emulator.run('allocatePlaces');
    const prompt = emulator.ui.alerts.at(-2)!.prompt;
    expect(prompt).toMatch(/^Želite razporediti 1 prijavo na 7 ekskurzij\?/);
    expect(prompt).toContain('Odločitve: sprejeto (');
    expect(prompt).not.toMatch(/\b(Accepted|Waitlisted|Not selected)\b/);
  });
});

describe('Settings and Scoring descriptions', () => {
  const emulator = slovenianSpreadsheet();
  emulator.run('setupWorkspace');
  const settings = records(emulator, 'Settings');
  const described = (key: string) => String(settings.find((r) => r.Key === key)?.Description);

  it('say "v angleščini", not "v jeziku angleščina", and name the notice in Slovenian', () => {
    expect(described('template.received.en')).toContain('v angleščini');
    expect(described('template.received.sl')).toContain('v slovenščini');
    expect(described('template.received.en')).toContain('"potrdilo o prejemu prijave"');
    for (const r of settings) expect(String(r.Description)).not.toMatch(/v jeziku|zamujen/);
  });

  it('call late applications "prepozne prijave"', () => {
    expect(described('acceptLate')).toContain('prepozne prijave');
  });

  it('name the criteria in a Slovenian a secretariat writes', () => {
    setSetting(emulator, 'language', 'sl');
    // Set up in a Slovenian account writes the sample call's excursions in Slovenian (issue 14).
    const prefs = { 'Excursion preferences': { 'Köln, 25.–27. aprila 2017': '1st choice' } };
    emulator.submit(validAnswer(prefs), { timestamp: new Date('2017-02-20T09:15:32Z') });
    emulator.run('scoreApplicants');
    const breakdown = String(records(emulator, 'Applications')[0]['Score Breakdown']);
    expect(breakdown).toContain('Prva udeležba');
    expect(breakdown).toContain('Rešitve, ki občino zanimajo');
    expect(breakdown).not.toMatch(/Prvič udeležena|Zanimive rešitve/);
  });
});

describe('the empty first sheet of a new spreadsheet', () => {
  const names = (emulator: Emulator) => emulator.workbook().sheets.map((s) => s.name);

  it('is removed by Set up when it is empty and has its default name', () => {
    const emulator = freshWorkspace();
    expect(names(emulator)).toEqual(['Sheet1']);
    emulator.run('setupWorkspace');
    expect(names(emulator)).not.toContain('Sheet1');
    expect(logDetails(emulator, 'setupWorkspace')).toContain('Removed the empty sheet "Sheet1" of the new spreadsheet');
  });

  it('is removed under its Slovenian name too', () => {
    const emulator = slovenianSpreadsheet();
    expect(names(emulator)).toEqual(['List1']);
    emulator.run('setupWorkspace');
    expect(names(emulator)).not.toContain('List1');
    expect(logDetails(emulator, 'setupWorkspace')).toContain('Odstranjeno: prazni list "List1" nove preglednice');
  });

  it.each([
    ['a value', (e: Emulator) => e.workbook().sheetByName('Sheet1')!.setValue(40, 5, 'kept')],
    ['a formula', (e: Emulator) => e.workbook().sheetByName('Sheet1')!.setFormula(0, 0, '=1+1')],
    ['a note', (e: Emulator) => (e.workbook().sheetByName('Sheet1')!.cell(999, 25).note = 'remember')],
  ])('is kept when it holds %s', (_what, fill) => {
    const emulator = freshWorkspace();
    fill(emulator);
    emulator.run('setupWorkspace');
    expect(names(emulator)).toContain('Sheet1');
    expect(logDetails(emulator, 'setupWorkspace').some((d) => d.startsWith('Removed'))).toBe(false);
  });

  it('is kept when staff renamed it, even empty', () => {
    const emulator = freshWorkspace();
    emulator.workbook().sheetByName('Sheet1')!.name = 'Proračun';
    emulator.run('setupWorkspace');
    expect(names(emulator)).toContain('Proračun');
  });

  it('Set up run again removes nothing more', () => {
    const emulator = freshWorkspace();
    emulator.run('setupWorkspace');
    const before = names(emulator);
    emulator.run('setupWorkspace');
    expect(names(emulator)).toEqual(before);
  });
});

describe('the staff messages themselves', () => {
  const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)(?::[^{}]*)?\}/g)].map((m) => m[1]))].sort();

  it('has every key in both languages with the same placeholders', () => {
    const en = catalogue('en');
    for (const lang of LANGUAGES) {
      for (const [key, text] of Object.entries(en)) {
        const other = catalogue(lang)[key as MessageKey];
        expect([key, typeof other]).toEqual([key, 'string']);
        expect([key, placeholders(other)]).toEqual([key, placeholders(text)]);
      }
    }
  });

  it('gives each agreeing word four Slovenian forms and two English ones', () => {
    for (const lang of LANGUAGES) {
      for (const [key, text] of Object.entries(catalogue(lang))) {
        for (const m of text.matchAll(/\{\w+:([^{}]*)\}/g)) {
          expect([lang, key, m[1].split('|').length]).toEqual([lang, key, lang === 'sl' ? 4 : 2]);
        }
      }
    }
  });

  it('has no English staff word in a Slovenian text', () => {
    const deny =
      /\b(Created|Repaired|Removed|Received|promoted|Scored|Stopped|Undone|Cancelled|Not run|Confirmation|Acknowledgement|place\(s\)|write\(s\)|seats?|in language)\b|v jeziku|zamujen|Prvič udeležena|Zanimive rešitve/;
    for (const [key, text] of Object.entries(catalogue('sl'))) {
      expect([key, deny.test(unquoted(text).replace(/\{[^{}]*\}/g, ''))]).toEqual([key, false]);
    }
  });

  it('translates every status and notice type of the SPEC', () => {
    const values = [
      ...APPLICATION_STATUS,
      ...EXCURSION_STATUS,
      ...LOCKED_VALUES,
      ...RESPONSE_VALUES,
      'Accepted',
      'Waitlisted',
      'Not selected',
      'Queued',
      'Sending',
      'Sent',
      'Failed',
      'Skipped',
    ];
    const sl = catalogue('sl') as Record<string, string>;
    for (const v of values) expect([v, sl[`status.${v}`] !== undefined && sl[`status.${v}`] !== v]).toEqual([v, true]);
    for (const type of NOTICE_TYPES) expect([type, sl[`noticeType.${type}`] !== undefined]).toEqual([type, true]);
  });

  it('chooses the Slovenian form by the last two digits, the English one by one or more', () => {
    const forms = ['prijava', 'prijavi', 'prijave', 'prijav'];
    const said = [0, 1, 2, 3, 4, 5, 11, 12, 101, 102, 103, 111, 1001].map((n) => `${n} ${plural('sl', n, forms)}`);
    expect(said).toEqual([
      '0 prijav',
      '1 prijava',
      '2 prijavi',
      '3 prijave',
      '4 prijave',
      '5 prijav',
      '11 prijav',
      '12 prijav',
      '101 prijava',
      '102 prijavi',
      '103 prijave',
      '111 prijav',
      '1001 prijava',
    ]);
    expect([0, 1, 2].map((n) => plural('en', n, ['place', 'places']))).toEqual(['places', 'place', 'places']);
    expect(t('sl', 'send.left.time', { left: 2 })).toMatch(/^Ostali sta še 2 obvestili;/);
    expect(t('en', 'send.left.time', { left: 1 })).toMatch(/^1 notice is left;/);
  });
});
