/**
 * The emulated SpreadsheetApp: each Apps Script quirk the fakes copy has its own test, with the
 * reference page it comes from.
 */
import * as vm from 'node:vm';
import { createEnv, type Env, InjectedFault } from '../src/env';
import {
  cellFormat,
  type FakeEmbeddedChart,
  FakeProtection,
  FakeSpreadsheetApp,
  formatDate,
  parseA1,
} from '../src/spreadsheet';
import { SPREADSHEET_MIME } from '../src/spreadsheet-model';
import { FakeUi } from '../src/ui';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function setup(timeZone = 'Europe/Ljubljana'): { env: Env; ui: FakeUi; app: FakeSpreadsheetApp; sheet: Sheet } {
  const env = createEnv({ timeZone });
  const ui = new FakeUi(env);
  const app = new FakeSpreadsheetApp(env, ui);
  const ss = app.create('Test book');
  env.activeSpreadsheetId = ss.getId();
  const sheet = ss.getSheets()[0];
  return { env, ui, app, sheet };
}

describe('SpreadsheetApp', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#create(String)
  it('create() stores a spreadsheet in Drive with one sheet "Sheet1"', () => {
    const { env, app } = setup();
    const ss = app.create('Budget', 10, 3);
    const file = env.drive.get(ss.getId());
    expect(file.mimeType).toBe(SPREADSHEET_MIME);
    expect(file.name).toBe('Budget');
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    expect(ss.getSheets()[0].getMaxRows()).toBe(10);
    expect(ss.getSheets()[0].getMaxColumns()).toBe(3);
    expect(app.model(ss.getId()).sheets).toHaveLength(1);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#openByUrl(String)
  it('openById and openByUrl find the same spreadsheet', () => {
    const { app } = setup();
    const ss = app.create('X');
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
    expect(app.openById(ss.getId()).getName()).toBe('X');
    expect(app.openByUrl(ss.getUrl()).getId()).toBe(ss.getId());
    expect(() => app.openById('nope')).toThrow(
      'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    );
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#getActiveSpreadsheet()
  it('getActiveSpreadsheet is the bound spreadsheet, null when there is none', () => {
    const { env, app } = setup();
    expect(app.getActiveSpreadsheet()?.getName()).toBe('Test book');
    expect(app.getActive()?.getName()).toBe('Test book');
    expect(app.getActiveSheet()?.getName()).toBe('Sheet1');
    env.activeSpreadsheetId = null;
    expect(app.getActiveSpreadsheet()).toBeNull();
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#getUi()
  it('getUi() throws when a trigger started the execution', () => {
    const { env, app, ui } = setup();
    expect(app.getUi()).toBe(ui);
    env.execution = { id: 1, startedAt: 0, functionName: 'onTimer', authMode: 'FULL', fromTrigger: true };
    expect(() => app.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/protection-type
  it('offers enums whose values print as their names', () => {
    const { app } = setup();
    expect(String(app.ProtectionType.RANGE)).toBe('RANGE');
    expect(String(app.DataValidationCriteria.VALUE_IN_LIST)).toBe('VALUE_IN_LIST');
    expect(String(app.ChartType.COLUMN)).toBe('COLUMN');
    expect(String(app.WrapStrategy.CLIP)).toBe('CLIP');
  });
});

describe('Spreadsheet', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String)
  it('insertSheet refuses a duplicate name', () => {
    const { app } = setup();
    const ss = app.getActiveSpreadsheet();
    ss.insertSheet('Data');
    expect(() => ss.insertSheet('Data')).toThrow(
      'A sheet with the name "Data" already exists. Please enter another name.',
    );
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String,Integer)
  it('insertSheet overloads: (), (name), (name, index), (index); the new sheet becomes active', () => {
    const { app } = setup();
    const ss = app.getActiveSpreadsheet();
    ss.insertSheet();
    ss.insertSheet('Front', 0);
    ss.insertSheet(1);
    ss.insertSheet('Last');
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Front', 'Sheet4', 'Sheet1', 'Sheet2', 'Last']);
    expect(ss.getActiveSheet().getName()).toBe('Last');
    expect(ss.getSheetByName('Missing')).toBeNull();
    ss.deleteSheet(ss.getSheetByName('Front') as Sheet);
    expect(ss.getSheets()).toHaveLength(4);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getRange(String)
  it('getRange accepts a quoted sheet name', () => {
    const { app } = setup();
    const ss = app.getActiveSpreadsheet();
    ss.insertSheet('Sheet 1').getRange('B2').setValue('x');
    const r = ss.getRange("'Sheet 1'!A1:B2");
    expect(r.getSheet().getName()).toBe('Sheet 1');
    expect(r.getValues()).toEqual([
      ['', ''],
      ['', 'x'],
    ]);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#toast(String,String,Number)
  it('toast is recorded on the Ui with the default 5 s timeout', () => {
    const { app, ui } = setup();
    app.getActiveSpreadsheet().toast('Saved', 'Excursion Desk');
    app.getActiveSpreadsheet().toast('Long', 'T', -1);
    expect(ui.toasts).toEqual([
      { message: 'Saved', title: 'Excursion Desk', timeoutSeconds: 5 },
      { message: 'Long', title: 'T', timeoutSeconds: -1 },
    ]);
  });

  // https://support.google.com/drive/answer/37603 (10 million cells per spreadsheet)
  it('refuses to grow the workbook past 10,000,000 cells', () => {
    const { app } = setup();
    const ss = app.create('Big', 200000, 26); // 5.2 million cells
    const limit = 'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';
    expect(() => ss.insertSheet('Copy', { template: ss.getSheets()[0] })).toThrow(limit); // 10.4 million
    ss.insertSheet('Small'); // 26,000 more is fine
    expect(() => ss.getSheets()[0].insertRowsAfter(1, 200000)).toThrow(limit);
    expect(ss.getSheets()[0].getMaxRows()).toBe(200000);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#setSpreadsheetTimeZone(String)
  it('time zone and rename', () => {
    const { app, env } = setup();
    const ss = app.getActiveSpreadsheet();
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/Ljubljana');
    ss.setSpreadsheetTimeZone('America/New_York');
    expect(ss.getSpreadsheetTimeZone()).toBe('America/New_York');
    ss.rename('Renamed');
    expect(env.drive.get(ss.getId()).name).toBe('Renamed');
  });
});

describe('Sheet and Range basics', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRange(Integer,Integer,Integer,Integer)
  it('getRange is 1-based', () => {
    const { sheet } = setup();
    sheet.getRange(1, 1).setValue('top-left');
    expect(sheet.getRange('A1').getValue()).toBe('top-left');
    const r = sheet.getRange(2, 3, 4, 5);
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()]).toEqual([2, 3, 4, 5]);
    expect([r.getLastRow(), r.getLastColumn()]).toEqual([5, 7]);
    expect(r.getA1Notation()).toBe('C2:G5');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRange(Integer,Integer,Integer,Integer)
  it('getRange throws for row 0, column 0, 0 rows and 0 columns', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow('The number of columns in the range must be at least 1.');
    expect(() => sheet.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRange(String)
  it('getRange understands A1, A1:C10, A:C and 2:5', () => {
    const { sheet } = setup();
    expect(sheet.getRange('A1:C10').getA1Notation()).toBe('A1:C10');
    const cols = sheet.getRange('A:C');
    expect([cols.getRow(), cols.getNumRows(), cols.getNumColumns()]).toEqual([1, 1000, 3]);
    const rows = sheet.getRange('2:5');
    expect([rows.getRow(), rows.getNumRows(), rows.getColumn(), rows.getNumColumns()]).toEqual([2, 4, 1, 26]);
    expect(parseA1("'It''s'!$B$2")).toEqual({ sheetName: "It's", r1: 2, c1: 2, r2: 2, c2: 2 });
    expect(() => sheet.getRange('nonsense!')).toThrow('Range not found');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)
  it('setValues checks the number of rows', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1, 1, 3, 1).setValues([[1], [2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)
  it('setValues checks the columns of every row and writes nothing on a bad shape', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([['a', 'b'], ['c']])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(sheet.getLastRow()).toBe(0);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#getValues()
  it('getValues returns Dates, numbers, booleans and "" for empty cells, also past the data', () => {
    const { sheet } = setup();
    const when = new Date('2024-05-01T08:30:00Z');
    sheet.getRange(1, 1, 1, 3).setValues([[when, 42, true]]);
    const values = sheet.getRange(1, 1, 2, 4).getValues();
    expect(values[0][0]).toBeInstanceOf(Date);
    expect((values[0][0] as Date).getTime()).toBe(when.getTime());
    expect(values[0][0]).not.toBe(when); // a copy
    expect(values).toEqual([
      [when, 42, true, ''],
      ['', '', '', ''],
    ]);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object)
  it('accepts Dates from another realm (the script runs in its own vm context)', () => {
    const { sheet } = setup();
    const foreign = vm.runInNewContext('new Date(Date.UTC(2024, 0, 2, 3, 4, 5))') as Date;
    expect(foreign instanceof Date).toBe(false);
    sheet.getRange('A1').setValue(foreign);
    const back = sheet.getRange('A1').getValue() as Date;
    expect(back).toBeInstanceOf(Date);
    expect(back.getTime()).toBe(Date.UTC(2024, 0, 2, 3, 4, 5));
    sheet.appendRow(vm.runInNewContext('[["x"].length, new Date(0)]') as unknown[]);
    expect((sheet.getRange('B2').getValue() as Date).getTime()).toBe(0);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#appendRow(Object)
  it('appendRow writes after the last row with content, even when earlier rows are empty', () => {
    const { sheet } = setup();
    sheet.getRange('A5').setValue('five');
    sheet.appendRow(['six', 6]);
    expect(sheet.getRange(6, 1, 1, 2).getValues()).toEqual([['six', 6]]);
    expect(sheet.getLastRow()).toBe(6);
    expect(sheet.getRange('A1').getValue()).toBe('');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#appendRow(Object)
  it('appendRow adds a row when the sheet is full', () => {
    const { app } = setup();
    const sheet = app.create('Small', 2, 2).getSheets()[0];
    sheet.appendRow(['a']);
    sheet.appendRow(['b']);
    sheet.appendRow(['c']);
    expect(sheet.getMaxRows()).toBe(3);
    expect(sheet.getRange('A3').getValue()).toBe('c');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getLastRow()
  it('getLastRow and getLastColumn ignore cells that only carry formatting', () => {
    const { sheet } = setup();
    sheet.getRange('B2').setValue('x');
    sheet.getRange('A1:Z50').setBackground('#ff0000').setNumberFormat('@').setFontWeight('bold');
    expect(sheet.getLastRow()).toBe(2);
    expect(sheet.getLastColumn()).toBe(2);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:B2');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getDataRange()
  it('getDataRange of an empty sheet is A1', () => {
    const { sheet } = setup();
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#offset(Integer,Integer,Integer,Integer)
  it('getCell and offset are relative to the range', () => {
    const { sheet } = setup();
    const r = sheet.getRange('B2:D4');
    expect(r.getCell(1, 1).getA1Notation()).toBe('B2');
    expect(r.getCell(3, 3).getA1Notation()).toBe('D4');
    expect(r.offset(1, 1).getA1Notation()).toBe('C3:E5');
    expect(r.offset(0, 0, 1, 1).getA1Notation()).toBe('B2');
    expect(() => r.offset(-2, 0)).toThrow('The starting row of the range is too small.');
  });
});

describe('Typed-in values', () => {
  // https://support.google.com/docs/answer/3094284 (a leading apostrophe keeps the text as typed)
  it("a leading ' stores the rest as text", () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue("'00123");
    sheet.getRange('A2').setValue("'=not a formula");
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['00123'], ['=not a formula']]);
    expect(sheet.getRange('A2').getFormula()).toBe('');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object)
  it('a string beginning with = becomes a formula that the emulator does not evaluate', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('=SUM(B1:B3)');
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(sheet.getRange('A1').getFormula()).toBe('=SUM(B1:B3)');
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['=SUM(B1:B3)', '']]);
    expect(sheet.getLastRow()).toBe(1);
  });

  // https://support.google.com/docs/answer/46977 (typing +/- starts a formula)
  it('a string beginning with + or - that is not a number becomes a formula', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['+abc', '-x y', '@handle']]);
    expect(sheet.getRange('A1:C1').getFormulas()).toEqual([['=+abc', '=-x y', '']]);
    expect(sheet.getRange('C1').getValue()).toBe('@handle');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)
  it('number strings, TRUE/FALSE and yyyy-mm-dd are converted as if typed', () => {
    const { sheet } = setup();
    sheet.getRange('A1:F1').setValues([['42', '-3.5', '1e3', 'true', 'FALSE', '2024-03-05']]);
    const [row] = sheet.getRange('A1:F1').getValues();
    expect(row.slice(0, 5)).toEqual([42, -3.5, 1000, true, false]);
    // Midnight in the spreadsheet's time zone (Ljubljana is UTC+1 in March).
    expect((row[5] as Date).toISOString()).toBe('2024-03-04T23:00:00.000Z');
    expect(sheet.getRange('F1').getDisplayValue()).toBe('2024-03-05');
    expect(sheet.getRange('A2').setValue('plain words').getValue()).toBe('plain words');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setNumberFormat(String)
  it("number format '@' (plain text) keeps strings exactly as given", () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:D1').setNumberFormat('@');
    r.setValues([['00123', '=1+1', "'quoted", '2024-01-01']]);
    expect(r.getValues()).toEqual([['00123', '=1+1', "'quoted", '2024-01-01']]);
    expect(r.getFormulas()).toEqual([['', '', '', '']]);
    expect(sheet.getRange('A1').getNumberFormat()).toBe('@');
  });

  // https://support.google.com/drive/answer/37603 (50,000 characters per cell)
  it('a cell holds at most 50,000 characters', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('x'.repeat(50000));
    expect(() => sheet.getRange('A2').setValue('x'.repeat(50001))).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    expect(() => sheet.appendRow(['ok', 'y'.repeat(50001)])).toThrow('maximum of 50000 characters');
    expect(sheet.getLastRow()).toBe(1);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#appendRow(Object)
  it('appendRow interprets strings as typed too', () => {
    const { sheet } = setup();
    sheet.appendRow(['7', '=A1*2', "'7"]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([[7, '', '7']]);
    expect(sheet.getRange('B1').getFormula()).toBe('=A1*2');
  });
});

describe('Display values', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/range#getDisplayValues()
  it('shows strings, numbers, booleans and empty cells as text', () => {
    const { sheet } = setup();
    sheet.getRange('A1:D1').setValues([['text', 3.25, true, '']]);
    expect(sheet.getRange('A1:E1').getDisplayValues()).toEqual([['text', '3.25', 'TRUE', '', '']]);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setNumberFormat(String)
  it('applies number formats such as 0.00, 0, #,##0.00 and 0%', () => {
    const { sheet } = setup();
    sheet.getRange('A1:D1').setNumberFormats([['0.00', '0', '#,##0.00', '0%']]);
    sheet.getRange('A1:D1').setValues([[7.1234, 2.6, 1234567.891, 0.256]]);
    expect(sheet.getRange('A1:D1').getDisplayValues()).toEqual([['7.12', '3', '1,234,567.89', '26%']]);
    expect(sheet.getRange('E1').getNumberFormat()).toBe('0.###############');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#getDisplayValue()
  it('shows Dates in the spreadsheet time zone, M/d/yyyy H:mm:ss by default', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue(new Date('2024-07-04T13:05:09Z'));
    expect(sheet.getRange('A1').getDisplayValue()).toBe('7/4/2024 15:05:09');
    sheet.getParent().setSpreadsheetTimeZone('America/New_York');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('7/4/2024 9:05:09');
  });

  // https://developers.google.com/sheets/api/guides/formats (m is minutes after h, months otherwise)
  it('formats Dates with the cell number format', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:C1');
    r.setNumberFormats([['yyyy-mm-dd hh:mm', 'd.M.yyyy', 'mmm d, yyyy h:mm am/pm']]);
    const d = new Date('2024-07-04T13:05:09Z');
    r.setValues([[d, d, d]]);
    expect(r.getDisplayValues()).toEqual([['2024-07-04 15:05', '4.7.2024', 'Jul 4, 2024 3:05 pm']]);
    expect(formatDate(d, 'dddd HH:mm:ss', 'UTC')).toBe('Thursday 13:05:09');
  });
});

describe('Data validation', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#requireValueInList(String,Boolean)
  it('builds and reads back a list rule', () => {
    const { app, sheet } = setup();
    const rule = app
      .newDataValidation()
      .requireValueInList(['Yes', 'No'], false)
      .setAllowInvalid(false)
      .setHelpText('Pick one')
      .build();
    sheet.getRange('A1:A3').setDataValidation(rule);
    const got = sheet.getRange('A2').getDataValidation();
    expect(got).not.toBeNull();
    expect(String(got?.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(got?.getCriteriaValues()).toEqual([['Yes', 'No'], false]);
    expect(got?.getAllowInvalid()).toBe(false);
    expect(got?.getHelpText()).toBe('Pick one');
    expect(sheet.getRange('B1').getDataValidation()).toBeNull();
    expect(String(got?.copy().requireTextIsEmail().build().getCriteriaType())).toBe('TEXT_IS_VALID_EMAIL');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#setAllowInvalid(Boolean)
  // Public reports quote the error of a script write into a strict cell ("The data you entered in cell
  // U2 violates the data validation rules set on this cell."); the reference is silent.
  describe('a strict rule (setAllowInvalid(false)) refuses script writes that break it', () => {
    const strict = (
      app: FakeSpreadsheetApp,
      build: (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) => unknown,
    ) =>
      (build(app.newDataValidation()) as GoogleAppsScript.Spreadsheet.DataValidationBuilder)
        .setAllowInvalid(false)
        .build();

    it.each([
      [
        'value in list',
        (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) => b.requireValueInList(['Yes', 'No']),
        'Yes',
        'Maybe',
      ],
      ['checkbox', (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) => b.requireCheckbox(), true, 'ticked'],
      [
        'checkbox with values',
        (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) => b.requireCheckbox('Y', 'N'),
        'N',
        'maybe',
      ],
      ['number between', (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) => b.requireNumberBetween(1, 5), 3, 7],
      [
        'number between (text)',
        (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) => b.requireNumberBetween(1, 5),
        5,
        'three',
      ],
      [
        'number greater than',
        (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) => b.requireNumberGreaterThan(0),
        1,
        0,
      ],
      [
        'number at most',
        (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) => b.requireNumberLessThanOrEqualTo(10),
        10,
        11,
      ],
      ['e-mail', (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) => b.requireTextIsEmail(), 'a@b.si', 'a-at-b'],
      [
        'date',
        (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) => b.requireDate(),
        new Date('2017-02-20T00:00:00Z'),
        'soon',
      ],
    ])(
      '%s: a valid value and a blank are written, an invalid one throws and nothing of the call is written',
      (_what, build, good, bad) => {
        const { app, sheet } = setup();
        sheet.getRange('B2:B3').setDataValidation(strict(app, build));
        sheet.getRange('B2:B3').setValues([[good], ['']]);
        expect(sheet.getRange('B2').getValue()).toEqual(good);
        expect(() => sheet.getRange('A3:B3').setValues([['left', bad]])).toThrow(
          'The data you entered in cell B3 violates the data validation rules set on this cell.',
        );
        expect(sheet.getRange('A3:B3').getValues()).toEqual([['', '']]);
        expect(() => sheet.getRange('B2').setValue(bad)).toThrow(/cell B2 violates/);
        expect(sheet.getRange('B2').getValue()).toEqual(good);
      },
    );

    it('appendRow is held to the rule too; clearing a strict cell is allowed', () => {
      const { app, sheet } = setup();
      sheet.getRange('B1:B5').setDataValidation(strict(app, (b) => b.requireValueInList(['Yes', 'No'])));
      sheet.appendRow(['x', 'Yes']);
      expect(() => sheet.appendRow(['y', 'Maybe'])).toThrow(/cell B2 violates/);
      expect(sheet.getLastRow()).toBe(1);
      sheet.getRange('B1').setValue('');
      expect(sheet.getRange('B1').getValue()).toBe('');
    });

    it('value in range reads the list from the range; a warning-only rule lets anything through', () => {
      const { app, sheet } = setup();
      sheet.getRange('D1:D2').setValues([['Open'], ['Closed']]);
      const rule = app.newDataValidation().requireValueInRange(sheet.getRange('D1:D2')).setAllowInvalid(false).build();
      sheet.getRange('A1').setDataValidation(rule).setValue('Open');
      expect(() => sheet.getRange('A1').setValue('Done')).toThrow(/cell A1 violates/);
      sheet
        .getRange('A2')
        .setDataValidation(app.newDataValidation().requireValueInList(['Yes']).build())
        .setValue('Maybe');
      expect(sheet.getRange('A2').getValue()).toBe('Maybe');
    });
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setDataValidation(DataValidation)
  it('setDataValidation(null) and clearDataValidations remove rules', () => {
    const { app, sheet } = setup();
    const rule = app.newDataValidation().requireNumberBetween(1, 5).build();
    sheet.getRange('A1:B1').setDataValidation(rule);
    expect(sheet.getRange('A1:B1').getDataValidations().flat().filter(Boolean)).toHaveLength(2);
    sheet.getRange('A1').setDataValidation(null);
    expect(sheet.getRange('A1').getDataValidation()).toBeNull();
    sheet.getRange('B1').clearDataValidations();
    expect(sheet.getRange('B1').getDataValidation()).toBeNull();
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#insertCheckboxes()
  it('insertCheckboxes sets a checkbox rule and the value false', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A2').insertCheckboxes();
    expect(sheet.getRange('A1:A2').getValues()).toEqual([[false], [false]]);
    expect(String(sheet.getRange('A2').getDataValidation()?.getCriteriaType())).toBe('CHECKBOX');
    expect(sheet.getLastRow()).toBe(2);
  });
});

describe('Protections', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/protection
  it('range and sheet protections are listed by type and can be removed', () => {
    const { app, sheet } = setup();
    const p = sheet.getRange('A1:B2').protect().setDescription('Headers').setWarningOnly(true);
    sheet.protect().setDescription('Whole sheet');
    expect(p.getDescription()).toBe('Headers');
    expect(p.isWarningOnly()).toBe(true);
    expect(p.getRange().getA1Notation()).toBe('A1:B2');
    expect(p.canEdit()).toBe(true);
    const ranges = sheet.getProtections(app.ProtectionType.RANGE);
    const sheets = sheet.getProtections(app.ProtectionType.SHEET);
    expect(ranges.map((x) => x.getDescription())).toEqual(['Headers']);
    expect(sheets.map((x) => x.getDescription())).toEqual(['Whole sheet']);
    expect(String(sheets[0].getProtectionType())).toBe('SHEET');
    expect((sheet as unknown as { sheetModel: { protections: unknown[] } }).sheetModel.protections[0]).toBeInstanceOf(
      FakeProtection,
    );
    p.remove();
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(0);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/protection#removeEditors(String)
  it('removeEditors keeps the owner', () => {
    const { env, sheet } = setup();
    const p = sheet.protect().addEditor('helper@example.org');
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([env.user.email, 'helper@example.org']);
    p.removeEditors(p.getEditors());
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([env.user.email]);
  });
});

describe('Charts', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
  it('charts are recorded on the sheet with their ranges and options', () => {
    const { app, sheet } = setup();
    const chart = sheet
      .newChart()
      .asColumnChart()
      .setTitle('Places')
      .addRange(sheet.getRange('A1:B5'))
      .setOption('legend', { position: 'none' })
      .setPosition(2, 4, 0, 0)
      .build();
    expect(chart.getChartId()).toBeNull();
    sheet.insertChart(chart);
    const [stored] = sheet.getCharts();
    expect(stored.getChartId()).toBe(1);
    expect(stored.getOptions().get('title')).toBe('Places');
    expect(stored.getRanges()[0].getA1Notation()).toBe('A1:B5');
    expect(stored.getContainerInfo().getAnchorColumn()).toBe(4);
    expect((stored as unknown as FakeEmbeddedChart).snapshot()).toMatchObject({
      chartType: 'COLUMN',
      ranges: ['Sheet1!A1:B5'],
    });

    const updated = stored.modify().setChartType(app.ChartType.PIE).setOption('title', 'Pie').build();
    sheet.updateChart(updated);
    expect(sheet.getCharts()[0].getOptions().get('title')).toBe('Pie');
    sheet.removeChart(sheet.getCharts()[0]);
    expect(sheet.getCharts()).toHaveLength(0);
  });
});

describe('Sheet structure', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertRowsAfter(Integer,Integer)
  it('inserts and deletes rows and columns, shifting data', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([['r1'], ['r2'], ['r3']]);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(sheet.getRange('A4').getValue()).toBe('r2');
    sheet.deleteRows(2, 2);
    sheet.deleteRow(1);
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['r2'], ['r3']]);
    sheet.insertColumnAfter(0);
    expect(sheet.getRange('B1').getValue()).toBe('r2');
    sheet.deleteColumn(1);
    expect(sheet.getRange('A1').getValue()).toBe('r2');
    expect(() => sheet.deleteRow(5000)).toThrow('Those rows are out of bounds.');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#hideSheet()
  it('frozen rows, hiding, names and formats', () => {
    const { sheet } = setup();
    sheet.setFrozenRows(1);
    sheet.setFrozenColumns(2);
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([1, 2]);
    expect(() => sheet.hideSheet()).toThrow("You can't hide all the sheets in a document.");
    sheet.getParent().insertSheet('Other');
    sheet.hideSheet();
    expect(sheet.isSheetHidden()).toBe(true);
    expect(() => sheet.setName('Other')).toThrow('A sheet with the name "Other" already exists.');
    sheet.setName('Renamed').setTabColor('#00ff00').setColumnWidth(1, 250);
    expect(sheet.getName()).toBe('Renamed');
    sheet.getRange('A1').setFontWeight('bold').setNote('hi').setWrap(true).setHorizontalAlignment('center');
    expect(sheet.getRange('A1').getNote()).toBe('hi');
    expect(cellFormat((sheet as unknown as { sheetModel: never }).sheetModel, 1, 1)).toMatchObject({
      fontWeight: 'bold',
      wrap: true,
      horizontalAlignment: 'center',
    });
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#clearContents()
  it('clearContents keeps formats, clear removes everything', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setNumberFormat('0.00').setValue(1);
    sheet.clearContents();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getRange('A1').getNumberFormat()).toBe('0.00');
    sheet.clear();
    expect(sheet.getRange('A1').getNumberFormat()).toBe('0.###############');
  });
});

describe('Call counting and fault injection', () => {
  // Emulator contract (env.ts CallLog): every API call is counted by name.
  it('counts each API call once, not internal helpers', () => {
    const { env, sheet } = setup();
    env.calls.reset();
    const r = sheet.getRange('A1:B2');
    r.getValues();
    r.getValues();
    sheet.getDataRange();
    expect(env.calls.count('Spreadsheet.Range.getValues')).toBe(2);
    expect(env.calls.count('Spreadsheet.Sheet.getRange')).toBe(1);
    expect(env.calls.count('Spreadsheet.Sheet.getDataRange')).toBe(1);
    expect(env.calls.total('Spreadsheet.')).toBe(4);
  });

  // Emulator contract: an injected fault throws before anything is written.
  it('failOn makes the first setValues throw InjectedFault and write nothing', () => {
    const { env, sheet } = setup();
    env.calls.failOn('Spreadsheet.Range.setValues', 1);
    const r = sheet.getRange('A1:B1');
    expect(() => r.setValues([['a', 'b']])).toThrow(InjectedFault);
    expect(sheet.getLastRow()).toBe(0);
    r.setValues([['a', 'b']]);
    expect(r.getValues()).toEqual([['a', 'b']]);
    expect(env.calls.count('Spreadsheet.Range.setValues')).toBe(2);
  });
});

describe('the first sheet and the last one', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#createname: the
  // reference does not name the first sheet; Sheets names it in the creator's language (emulator/docs).
  it('a new spreadsheet has one sheet named in the language of the user who makes it', () => {
    for (const [locale, name] of [
      ['en', 'Sheet1'],
      ['en_GB', 'Sheet1'],
      ['sl', 'List1'],
      ['sl_SI', 'List1'],
      ['de', 'Sheet1'],
    ]) {
      const env = createEnv({ locale });
      const app = new FakeSpreadsheetApp(env, new FakeUi(env));
      expect([
        locale,
        app
          .create('Book')
          .getSheets()
          .map((s) => s.getName()),
      ]).toEqual([locale, [name]]);
    }
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#deletesheetsheet; the
  // message is the one the Sheets API gives (googleapis/google-api-php-client#1293).
  it('deleteSheet refuses the last sheet in the words Sheets uses, and deletes nothing', () => {
    const { app } = setup();
    const ss = app.getActiveSpreadsheet();
    expect(() => ss.deleteSheet(ss.getSheets()[0])).toThrow("You can't remove all the sheets in a document.");
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#getnotes
  it('getNotes gives every cell its note, and an empty string where there is none', () => {
    const { sheet } = setup();
    sheet.getRange('B2').setNote('remember');
    expect(sheet.getRange('A1:B2').getNotes()).toEqual([
      ['', ''],
      ['', 'remember'],
    ]);
  });
});
