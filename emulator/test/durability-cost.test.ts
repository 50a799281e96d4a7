/**
 * What survives an execution that Apps Script kills, and what each execution is estimated to cost.
 * A tiny bundle runs a body the test sends, so each case is one execution with known calls.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COSTS, costOf, Emulator, ExecutionKilled, RUN_OPEN_SECONDS } from '../src';

const FLUSH = 'https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#flush';
const PROPERTIES = 'https://developers.google.com/apps-script/reference/properties/properties';

function bundleDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-durability-'));
  writeFileSync(join(dir, 'Code.js'), 'function probe(e) { return globalThis.__body(e); }\n');
  writeFileSync(join(dir, 'appsscript.json'), JSON.stringify({ timeZone: 'Europe/Ljubljana', runtimeVersion: 'V8' }));
  return dir;
}

function bound(options: { costClock?: boolean } = {}) {
  const emulator = new Emulator({ start: new Date('2017-02-06T08:00:00Z'), bundleDir: bundleDir(), ...options }).load();
  const model = emulator.createBoundSpreadsheet();
  const Sheets = emulator.spreadsheetApp as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const Props = emulator.propertiesService as unknown as GoogleAppsScript.Properties.PropertiesService;
  const run = <T>(body: () => T): T => {
    (emulator as unknown as { context: Record<string, unknown> }).context.__body = body;
    return emulator.run('probe') as T;
  };
  const a1 = () => model.sheets[0].valueAt(0, 0);
  return { emulator, model, Sheets, Props, run, a1 };
}

describe(`writes not flushed are lost when Apps Script kills the execution — ${FLUSH}`, () => {
  it('a normal end applies every write', () => {
    const { Sheets, run, a1 } = bound();
    run(() => Sheets.getActiveSpreadsheet().getSheets()[0].getRange('A1').setValue('kept'));
    expect(a1()).toBe('kept');
  });

  it('a kill at a later call loses the writes since the last flush and keeps those before it', () => {
    const { emulator, Sheets, run, model } = bound();
    emulator.env.calls.killOn('Spreadsheet.Range.getValues', 1);
    expect(() =>
      run(() => {
        const sheet = Sheets.getActiveSpreadsheet().getSheets()[0];
        sheet.getRange('A1').setValue('flushed');
        Sheets.flush();
        sheet.getRange('A2:B2').setValues([['lost', 'lost']]);
        sheet.insertRowsBefore(1, 3);
        Sheets.getActiveSpreadsheet().insertSheet('Lost too');
        sheet.getRange('A1').getValues();
      }),
    ).toThrow(ExecutionKilled);
    expect(model.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(model.sheets[0].dataValues()).toEqual([['flushed']]);
    expect(emulator.lastExecution()?.killed).toBe('Injected kill: Spreadsheet.Range.getValues call #1');
  });

  it("a killed run's catch and finally reach no service: their writes never happen", () => {
    const { emulator, Sheets, run, a1 } = bound();
    emulator.env.calls.killOn('Mail.MailApp.sendEmail', 1);
    const Mail = emulator.mailApp as unknown as GoogleAppsScript.Mail.MailApp;
    expect(() =>
      run(() => {
        const range = Sheets.getActiveSpreadsheet().getSheets()[0].getRange('A1');
        try {
          Mail.sendEmail('a@example.org', 'S', 'B');
        } catch (_e) {
          range.setValue('Failed');
        } finally {
          Sheets.flush();
        }
        return 'finished';
      }),
    ).toThrow(ExecutionKilled);
    expect(a1()).toBe('');
    expect(emulator.mailApp.outbox).toHaveLength(0);
  });

  it('the 6-minute limit is a kill: the run ends at its next call and loses its writes not flushed', () => {
    const { emulator, Sheets, run, a1 } = bound();
    expect(() =>
      run(() => {
        const range = Sheets.getActiveSpreadsheet().getSheets()[0].getRange('A1');
        range.setValue('lost');
        emulator.env.clock.advance(6 * 60 * 1000 + 1);
        try {
          range.getValue();
        } catch (_e) {
          range.setValue('written in the catch');
        }
      }),
    ).toThrow('Exceeded maximum execution time');
    expect(a1()).toBe('');
  });

  it(`properties are kept the moment setProperty returns, whatever ends the run — ${PROPERTIES}`, () => {
    const { emulator, Props, Sheets, run } = bound();
    emulator.env.calls.killOn('Spreadsheet.SpreadsheetApp.flush', 1);
    expect(() =>
      run(() => {
        Props.getDocumentProperties().setProperty('k', 'v');
        Sheets.flush();
      }),
    ).toThrow(ExecutionKilled);
    expect(emulator.propertiesService.peek('document')).toEqual({ k: 'v' });
  });

  it('an injected fault is not a kill: the script catches it and its later writes are applied', () => {
    const { emulator, Sheets, run, a1 } = bound();
    emulator.env.calls.failOn('Spreadsheet.Range.getValues', 1);
    run(() => {
      const range = Sheets.getActiveSpreadsheet().getSheets()[0].getRange('A1');
      try {
        range.getValues();
      } catch (_e) {
        range.setValue('handled');
      }
    });
    expect(a1()).toBe('handled');
  });
});

describe('the cost model: every execution reports its estimated Apps Script seconds beside its calls', () => {
  it('charges opening the run, each call by its kind, and the cells a read or write moves', () => {
    const { emulator, Sheets, run } = bound();
    run(() => {
      const sheet = Sheets.getActiveSpreadsheet().getSheets()[0];
      sheet.getRange(1, 1, 100, 10).setValues(Array.from({ length: 100 }, () => Array(10).fill('x')));
      sheet.getRange(1, 1, 100, 10).getValues();
      Sheets.flush();
    });
    const report = emulator.lastExecution()!;
    expect(report.calls['Spreadsheet.Range.setValues']).toBe(1);
    const expected =
      RUN_OPEN_SECONDS +
      costOf('Spreadsheet.SpreadsheetApp.getActiveSpreadsheet') +
      costOf('Spreadsheet.Spreadsheet.getSheets') +
      2 * costOf('Spreadsheet.Sheet.getRange') +
      costOf('Spreadsheet.Range.setValues', 1000) +
      costOf('Spreadsheet.Range.getValues', 1000) +
      costOf('Spreadsheet.SpreadsheetApp.flush');
    expect(report.seconds).toBeCloseTo(expected, 6);
    // The per-cell part is what makes 1,000 cells dearer than one.
    expect(costOf('Spreadsheet.Range.setValues', 1000)).toBeGreaterThan(costOf('Spreadsheet.Range.setValues', 1));
  });

  it('prices every kind of call from the table, each row naming its source', () => {
    for (const [prefix, row] of Object.entries(COSTS)) {
      expect([prefix, row.source.length > 0, row.perCall >= 0]).toEqual([prefix, true, true]);
    }
    expect(costOf('Mail.MailApp.sendEmail')).toBe(COSTS['Mail.MailApp.sendEmail'].perCall);
    expect(costOf('Spreadsheet.Sheet.getLastRow')).toBe(COSTS['Spreadsheet.'].perCall);
  });

  it('with costClock, the virtual clock moves by the estimate, so the script sees the time a real run takes', () => {
    const { emulator, Sheets, run } = bound({ costClock: true });
    const before = emulator.env.clock.nowMs();
    const seen = run(() => {
      const t0 = emulator.env.clock.nowMs();
      Sheets.flush();
      return emulator.env.clock.nowMs() - t0;
    });
    expect(seen).toBe(Math.round(costOf('Spreadsheet.SpreadsheetApp.flush') * 1000));
    expect(emulator.env.clock.nowMs() - before).toBe(Math.round(emulator.lastExecution()!.seconds * 1000));
  });
});
