/**
 * The forms as Google serves them now: created published (or repaired by Set up), response sheets
 * named in the owner's language and found by their form, blank duplicate events, strict
 * data-validation rules staff add, and no form without an Open excursion.
 */
import type { Emulator } from '../../emulator/src';
import { FormRejection, formModel } from '../../emulator/src/forms';
import { FORM_MIME } from '../../emulator/src/spreadsheet-model';
import { freshWorkspace, records, setUpWorkspace, validAnswer } from './harness';

type PublishableForm = GoogleAppsScript.Forms.Form & { setPublished(enabled: boolean): GoogleAppsScript.Forms.Form };

function linkedForm(emulator: Emulator) {
  return formModel(emulator.env, emulator.linkedFormId());
}

function openForm(emulator: Emulator): PublishableForm {
  return emulator.formApp.openById(emulator.linkedFormId()) as unknown as PublishableForm;
}

function logDetails(emulator: Emulator): string[] {
  return records(emulator, 'Log').map((r) => String(r.Details));
}

/** Staff closing every excursion (Status "Closed"). */
function closeAllExcursions(emulator: Emulator): void {
  const excursions = emulator.workbook().sheetByName('Excursions')!;
  const col = excursions.dataValues()[0].indexOf('Status');
  for (let r = 1; r < excursions.lastRow(); r++) excursions.setValue(r, col, 'Closed');
}

/** A strict rule (invalid data refused) staff put on a column of a sheet, below the header. */
function strictRule(
  emulator: Emulator,
  sheetName: string,
  header: string,
  build: (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) => GoogleAppsScript.Spreadsheet.DataValidationBuilder,
): void {
  const sheet = emulator.spreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName)!;
  const col = emulator.workbook().sheetByName(sheetName)!.dataValues()[0].indexOf(header) + 1;
  const rule = build(emulator.spreadsheetApp.newDataValidation()).setAllowInvalid(false).build();
  sheet.getRange(2, col, sheet.getMaxRows() - 1, 1).setDataValidation(rule);
}

describe('a published form', () => {
  it('Set up creates the form published and accepting responses', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    expect(linkedForm(emulator)).toMatchObject({ published: true, acceptingResponses: true });
    expect(() => emulator.submit(validAnswer())).not.toThrow();
    expect(records(emulator, 'Applications')).toHaveLength(1);
  });

  it('a submission to a form unpublished by hand is refused and nothing is taken in', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    openForm(emulator).setPublished(false);
    expect(() => emulator.submit(validAnswer())).toThrow(FormRejection);
    expect(() => emulator.submit(validAnswer(), { validate: false })).toThrow(/not published/);
    expect(records(emulator, 'Applications')).toHaveLength(0);
  });

  it('the next Set up publishes a form unpublished by hand, and says so in its report and in Log', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    openForm(emulator).setPublished(false);
    emulator.run('setupWorkspace');
    expect(linkedForm(emulator)).toMatchObject({ published: true, acceptingResponses: true });
    const said = 'the application form was not published and took no answers: it is now published';
    expect(emulator.ui.dialogs.at(-1)?.html).toContain(said);
    expect(logDetails(emulator).some((d) => d.startsWith(`Repaired ${said}`))).toBe(true);
    emulator.submit(validAnswer());
    expect(records(emulator, 'Applications')).toHaveLength(1);
  });

  it('a published form staff closed by hand stays closed, and the report says so', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    openForm(emulator).setAcceptingResponses(false);
    emulator.run('setupWorkspace');
    expect(linkedForm(emulator)).toMatchObject({ published: true, acceptingResponses: false });
    expect(emulator.ui.dialogs.at(-1)?.html).toContain('closed by hand');
  });
});

describe('response sheets named in the owner language', () => {
  it('a whole season in a Slovenian account: Set up, submissions and scoring, the sheet found by its form', () => {
    const emulator = setUpWorkspace({ locale: 'sl', language: 'sl' });
    const names = emulator.workbook().sheets.map((s) => s.name);
    expect(names).toContain('Odgovori obrazca 1');
    expect(names).not.toContain('Form Responses 1');
    // Set up in a Slovenian account writes the sample call's excursions in Slovenian.
    const prefs = { 'Excursion preferences': { 'Köln, 25.–27. aprila 2017': '1st choice' } };
    emulator.submit(validAnswer(prefs));
    emulator.submit(validAnswer({ ...prefs, Municipality: 'Bled', 'Email address': 'obcina@bled.si' }));
    expect(
      logDetails(emulator).filter((d) => /^APP-000\d z lista "Odgovori obrazca 1", vrstica \d: prejeta/.test(d)),
    ).toHaveLength(2);
    // A missed answer (Applications gone) is taken in by the next Set up, from the Slovenian sheet.
    const wb = emulator.workbook();
    wb.deleteSheet(wb.sheetByName('Applications')!);
    emulator.submit(validAnswer({ ...prefs, Municipality: 'Kranj', 'Email address': 'obcina@kranj.si' }));
    expect(logDetails(emulator).at(-1)).toMatch(/^Odgovor na listu "Odgovori obrazca 1" v vrstici 4 še ni prevzet/);
    emulator.run('setupWorkspace');
    expect(records(emulator, 'Applications').map((a) => a.Municipality)).toEqual(['Kranj']);
    emulator.run('scoreApplicants');
    expect(records(emulator, 'Applications')[0].Score).not.toBe('');
  });

  it('a response sheet staff renamed is still found by its form', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    const wb = emulator.workbook();
    wb.sheetByName('Form Responses 1')!.name = 'Prijave (obrazec)';
    wb.deleteSheet(wb.sheetByName('Applications')!);
    emulator.submit(validAnswer());
    expect(logDetails(emulator).at(-1)).toMatch(/^The answer in "Prijave \(obrazec\)" row 2 is not taken in yet/);
    emulator.run('setupWorkspace');
    expect(records(emulator, 'Applications')).toHaveLength(1);
    expect(logDetails(emulator)).toContain('APP-0001 from "Prijave (obrazec)" row 2: Received');
  });
});

describe('a blank duplicate form-submit event', () => {
  it('is ignored: one application, one confirmation, no error in Log', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    const logBefore = logDetails(emulator).length;
    const result = emulator.submit(validAnswer(), { blankDuplicate: true });
    expect(result.firedTriggers).toBe(2);
    expect(records(emulator, 'Applications')).toHaveLength(1);
    expect(emulator.mailApp.outbox).toHaveLength(1);
    // The lines of the one real run: the answer taken in, its confirmation sent.
    expect(logDetails(emulator).slice(logBefore)).toEqual([
      'APP-0001 from "Form Responses 1" row 2: Received',
      'Sent 1, failed 0, skipped 0, left 0',
    ]);
  });
  it('after a real event that could not run, it does not become an empty application; the real answer is taken in later', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    emulator.env.calls.failNext('Lock.Lock.waitLock');
    emulator.submit(validAnswer(), { blankDuplicate: true });
    expect(records(emulator, 'Applications')).toHaveLength(0);
    expect(emulator.mailApp.outbox).toHaveLength(0);
    emulator.run('setupWorkspace');
    expect(records(emulator, 'Applications')).toMatchObject([{ Municipality: 'Ajdovščina', Status: 'Received' }]);
  });
});

describe('no Open excursion', () => {
  it('Set up on a new spreadsheet stops before the form: sheets made, no form, a clear message', () => {
    const emulator = freshWorkspace({ locale: 'en' });
    const wb = emulator.workbook();
    const excursions = wb.insertSheet('Excursions');
    excursions.appendRow([
      'Excursion ID',
      'City',
      'Label',
      'Start Date',
      'End Date',
      'Places',
      'Max Per Municipality',
      'Themes',
      'Status',
    ]);
    excursions.appendRow(['OSL-1', 'Oslo', 'Oslo, May', '', '', 4, 1, '', 'Closed']);
    emulator.run('setupWorkspace');
    expect(emulator.ui.alerts.at(-1)?.prompt).toMatch(
      /^No excursion in the Excursions sheet has Status "Open", so the form would have no excursion to choose\. The sheets were checked and repaired, but the form was not created or changed\./,
    );
    expect(emulator.files(FORM_MIME)).toHaveLength(0);
    expect(wb.sheetByName('Applications')).toBeDefined();
    expect(wb.sheets.some((s) => s.name.startsWith('Form Responses'))).toBe(false);
    // Staff open one: the next Set up makes the form with that one row.
    excursions.setValue(1, 8, 'Open');
    emulator.run('setupWorkspace');
    expect(linkedForm(emulator).items.find((i) => i.type === 'GRID')?.rows).toEqual(['Oslo, May']);
  });

  it('Set up with a form (the call is over) leaves the form exactly as it is, says so, and does the rest', () => {
    const emulator = setUpWorkspace({ language: 'sl' });
    closeAllExcursions(emulator);
    const before = JSON.stringify(linkedForm(emulator));
    emulator.run('setupWorkspace');
    expect(JSON.stringify(linkedForm(emulator))).toBe(before);
    expect(emulator.ui.dialogs.at(-1)?.title).toBe('Excursion Desk je nastavljen');
    expect(emulator.ui.dialogs.at(-1)?.html).toContain('nobena ekskurzija nima statusa &#34;Open&#34;');
  });

  it('Set up on a new spreadsheet says so in Slovenian too', () => {
    const emulator = freshWorkspace({ locale: 'sl' });
    const excursions = emulator.workbook().insertSheet('Excursions');
    excursions.appendRow(['Excursion ID', 'Label', 'Status']);
    excursions.appendRow(['OSL-1', 'Oslo, May', 'Done']);
    emulator.run('setupWorkspace');
    expect(emulator.ui.alerts.at(-1)?.prompt).toMatch(/^Nobena ekskurzija na listu Excursions nima statusa "Open"/);
    expect(emulator.files(FORM_MIME)).toHaveLength(0);
  });
});

describe('strict data-validation rules staff add', () => {
  it('an action stops with a message naming the cell, and its writes are undone', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    emulator.submit(validAnswer());
    strictRule(emulator, 'Applications', 'Score', (b) => b.requireNumberBetween(0, 1));
    const before = JSON.stringify(emulator.sheetValues('Applications'));
    emulator.run('scoreApplicants');
    expect(emulator.ui.alerts.at(-1)?.prompt).toMatch(
      /The data you entered in cell [A-Z]+2 violates the data validation rules set on this cell\./,
    );
    expect(JSON.stringify(emulator.sheetValues('Applications'))).toBe(before);
  });

  it('a submission it refuses is not half taken in: Log names the cell, and the next Set up takes it in', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    emulator.submit(validAnswer());
    // Staff narrowed the Status list: "Duplicate" is no longer allowed.
    strictRule(emulator, 'Applications', 'Status', (b) => b.requireValueInList(['Received', 'Incomplete', 'Late']));
    const before = JSON.stringify(emulator.sheetValues('Applications'));
    emulator.submit(validAnswer({ 'Contact person': 'Janez Novak' }));
    expect(logDetails(emulator).at(-1)).toMatch(
      /^The answer in "Form Responses 1" row 3 is not taken in yet: Sheet "Applications": The data you entered in cell [A-Z]+2 violates the data validation rules/,
    );
    expect(JSON.stringify(emulator.sheetValues('Applications'))).toBe(before);
    expect(emulator.mailApp.outbox).toHaveLength(1);
    // Set up puts its own rule back (every status allowed) and takes the answer in.
    emulator.run('setupWorkspace');
    expect(records(emulator, 'Applications').map((a) => a.Status)).toEqual(['Duplicate', 'Received']);
  });

  it('what the add-on writes passes the rules Set up puts on its sheets (a whole round)', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    emulator.submit(validAnswer());
    emulator.submit(validAnswer({ Municipality: 'Bled', 'Email address': 'obcina@bled.si' }));
    emulator.run('scoreApplicants');
    emulator.run('allocatePlaces');
    emulator.run('sendNotices');
    expect(logDetails(emulator).filter((d) => /violates the data validation rules/.test(d))).toEqual([]);
    expect(records(emulator, 'Allocations').length).toBeGreaterThan(0);
  });
});

describe('the forms told apart without opening them (issue 16)', () => {
  /** Forms calls of one submission (its onFormSubmit execution). */
  function formsCalls(emulator: Emulator, act: () => void): Record<string, number> {
    const first = emulator.executionLog.length;
    act();
    const run = emulator.executionLog.slice(first).find((r) => r.functionName === 'onFormSubmit')!;
    return Object.fromEntries(Object.entries(run.calls).filter(([m]) => m.startsWith('Forms.')));
  }

  it('a submission after the first opens no form by its URL: the sheets each form writes to are remembered by id', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    emulator.submit(validAnswer({ Municipality: 'Bled', 'Email address': 'info@bled.si' }));
    const calls = formsCalls(emulator, () =>
      emulator.submit(validAnswer({ Municipality: 'Bohinj', 'Email address': 'info@bohinj.si' })),
    );
    expect(calls['Forms.FormApp.openByUrl'] ?? 0).toBe(0);
    expect(records(emulator, 'Applications').map((a) => a.Municipality)).toEqual(['Bled', 'Bohinj']);
    // The confirmation carries the answers of its own response row.
    expect(emulator.mailApp.outbox.at(-1)?.attachments?.map((a) => a.name)).toEqual(['APP-0002.pdf']);
  });

  it('a damaged memory is read as none: the forms are opened again, and the answer is taken in', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    emulator.submit(validAnswer({ Municipality: 'Bled', 'Email address': 'info@bled.si' }));
    emulator.propertiesService.getDocumentProperties().setProperty('excursionDesk.formSheets', '{"x":');
    const calls = formsCalls(emulator, () =>
      emulator.submit(validAnswer({ Municipality: 'Bohinj', 'Email address': 'info@bohinj.si' })),
    );
    expect(calls['Forms.FormApp.openByUrl']).toBeGreaterThan(0);
    expect(records(emulator, 'Applications').map((a) => a.Municipality)).toEqual(['Bled', 'Bohinj']);
    expect(JSON.parse(emulator.propertiesService.peek('document')['excursionDesk.formSheets'])).toEqual({
      [emulator.linkedFormId()]: expect.any(String),
    });
  });

  it('a form unlinked by hand and linked again by Set up: its new sheet is the one read, not the old one', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    emulator.submit(validAnswer({ Municipality: 'Bled', 'Email address': 'info@bled.si' }));
    const forms = () => emulator.env.drive.all().filter((f) => f.mimeType === FORM_MIME && !f.trashed).length;
    const before = forms();
    openForm(emulator).removeDestination();
    emulator.run('setupWorkspace');
    // The same form, linked again (the call's letters carry its link); before, Set up stopped here.
    expect(forms()).toBe(before);
    expect(logDetails(emulator).join('\n')).toMatch(/the same form is linked again \(its link stays valid\)/);
    emulator.submit(validAnswer({ Municipality: 'Bohinj', 'Email address': 'info@bohinj.si' }));
    const sheets = emulator
      .workbook()
      .sheets.filter((s) => s.formUrl)
      .map((s) => s.name);
    expect(sheets).toContain('Form Responses 2');
    const bohinj = records(emulator, 'Applications').find((a) => a.Municipality === 'Bohinj');
    expect(bohinj?.Status).toBe('Received');
    expect(emulator.mailApp.outbox.at(-1)?.to).toEqual(['info@bohinj.si']);
  });
});
