/**
 * The undo journal (src/workspace/execution.ts): what an action that fails puts back must be exactly
 * what was there, whatever the text looks like, whichever helper wrote it, in whatever order.
 * The first test goes through the built bundle; the others drive the write helpers themselves on
 * the emulator's spreadsheet, because no action of the bundle writes the same cells twice today.
 */
import type { Emulator } from '../../emulator/src';
import { commit, openExecution, rollBack } from '../../src/workspace/execution';
import {
  appendBlock,
  appendRows,
  readSheet,
  rewriteRows,
  type Spreadsheet,
  writeColumns,
  writeRowCells,
} from '../../src/workspace/sheets';
import { fillApplications, records, setUpWorkspace } from './harness';

/** Text staff typed behind an apostrophe, which Sheets would otherwise read as a formula, a number, a date or a boolean. */
const LOOKALIKES = ['=ask the mayor', '+386 41 123 456', '-', '007', '1e3', '2017-02-01', 'TRUE', "'quoted"];

/** Every cell of a sheet as [value, formula], so that a formula where text was shows. */
function cells(emulator: Emulator, name: string): string {
  const sheet = emulator.workbook().sheetByName(name)!;
  const values = sheet.dataValues();
  return JSON.stringify(values.map((row, r) => row.map((v, c) => [v, sheet.formulaAt(r, c)])));
}

/** Two allocated applications for the one seat of Cologne, with a staff column of look-alike text. */
function allocatedWithNotes(): Emulator {
  const emulator = setUpWorkspace({ language: 'en' });
  const excursions = emulator.workbook().sheetByName('Excursions')!;
  excursions.setValue(1, excursions.dataValues()[0].indexOf('Places'), 1);
  fillApplications(emulator, LOOKALIKES.length);
  const applications = emulator.workbook().sheetByName('Applications')!;
  const h = applications.dataValues()[0].map(String);
  LOOKALIKES.forEach((_, i) => {
    applications.setValue(i + 1, h.indexOf('Preferences'), '1st choice: Cologne, 25–27 April 2017 (CGN-2017-04)');
    applications.setValue(i + 1, h.indexOf('Score'), 10 - i);
  });
  emulator.run('allocatePlaces');
  const allocations = emulator.workbook().sheetByName('Allocations')!;
  const width = allocations.dataValues()[0].length;
  allocations.setValue(0, width, 'Staff Note');
  LOOKALIKES.forEach((note, i) => {
    allocations.setValue(i + 1, width, note);
  });
  // The first one's municipality declines: the next allocation moves the seat and rewrites rows.
  const a = allocations.dataValues()[0].map(String);
  allocations.setValue(1, a.indexOf('Response'), 'Declined');
  emulator.ui.reset();
  return emulator;
}

describe('the undo journal through the bundle', () => {
  it('puts back text that looks like a formula, a number, a date or a boolean as the same text', () => {
    const probe = allocatedWithNotes();
    const start = probe.env.calls.count('Spreadsheet.Range.setValues');
    probe.run('allocatePlaces');
    // Rows move (the declined one goes last), each with its note, unchanged.
    expect(records(probe, 'Allocations').map((r) => r['Staff Note'])).toEqual([...LOOKALIKES.slice(1), LOOKALIKES[0]]);
    const writes = probe.env.calls.count('Spreadsheet.Range.setValues') - start;
    expect(writes).toBeGreaterThan(1);

    let undone = 0;
    for (let k = 2; k <= writes; k++) {
      const emulator = allocatedWithNotes();
      const before = cells(emulator, 'Allocations');
      const calls = emulator.env.calls;
      calls.failOn('Spreadsheet.Range.setValues', calls.count('Spreadsheet.Range.setValues') + k);
      const message = String(emulator.run('allocatePlaces'));
      if (!/was undone/.test(message)) continue;
      undone++;
      expect([k, cells(emulator, 'Allocations')]).toEqual([k, before]);
    }
    expect(undone).toBeGreaterThan(0);
  });
});

/** A bound spreadsheet after Set up, and the Applications sheet filled, for the helpers to write on. */
function workspace(): { emulator: Emulator; ss: Spreadsheet } {
  const emulator = setUpWorkspace({ language: 'en' });
  fillApplications(emulator, 3);
  const ss = emulator.spreadsheetApp.wrap(emulator.workbook()) as unknown as Spreadsheet;
  return { emulator, ss };
}

/** Runs `write` in an undoable execution, then fails it: returns the sheet as the rollback left it. */
function writeThenRollBack(write: (ss: Spreadsheet) => void) {
  const { emulator, ss } = workspace();
  const before = cells(emulator, 'Applications');
  const close = openExecution(ss, { undoable: true });
  try {
    write(ss);
    expect(cells(emulator, 'Applications')).not.toBe(before);
    const undone = rollBack(ss);
    expect(undone.kind).toBe('restored');
  } finally {
    close();
  }
  return { before, after: cells(emulator, 'Applications') };
}

const table = (ss: Spreadsheet) =>
  readSheet(ss, 'Applications', ['Status', 'Issues', 'Motivation', 'Content Score'] as const);

describe('every write helper is journaled', () => {
  it.each([
    ['writeRowCells', (ss: Spreadsheet) => writeRowCells(table(ss), 1, { Status: 'Withdrawn', Issues: "'=x" })],
    ['writeColumns', (ss: Spreadsheet) => writeColumns(table(ss), ['Issues', 'Motivation'], () => "'+1")],
    ['appendRows', (ss: Spreadsheet) => appendRows(table(ss), [['APP-9'], ['APP-10']])],
    ['appendRows (one row)', (ss: Spreadsheet) => appendRows(table(ss), [['APP-9']])],
    [
      'rewriteRows',
      (ss: Spreadsheet) => {
        const t = table(ss);
        rewriteRows(
          t,
          ['APP-1', 'APP-2', 'APP-3', 'APP-4'].map((id) => [id, ...new Array(t.width - 1).fill('')]),
        );
      },
    ],
    ['appendBlock', (ss: Spreadsheet) => appendBlock(table(ss).sheet, 5, [['x'], ['y']])],
  ])('%s: a rollback puts the sheet back as it was', (_name, write) => {
    const { before, after } = writeThenRollBack(write);
    expect(after).toBe(before);
  });
});

describe('the order of the undo', () => {
  it('undoes two writes to the same cells newest first, back to what was there before either', () => {
    const { before, after } = writeThenRollBack((ss) => {
      const t = table(ss);
      writeRowCells(t, 0, { Status: 'Duplicate', Issues: "'first" });
      writeRowCells(t, 0, { Status: 'Withdrawn' });
      writeColumns(t, ['Issues', 'Motivation'], (r) => (r === 0 ? "'second" : '007'));
    });
    expect(after).toBe(before);
  });

  it('undoes nothing once the action committed', () => {
    const { emulator, ss } = workspace();
    const close = openExecution(ss, { undoable: true });
    try {
      writeRowCells(table(ss), 0, { Status: 'Withdrawn' });
      commit(ss);
      expect(rollBack(ss).kind).toBe('committed');
    } finally {
      close();
    }
    expect(records(emulator, 'Applications')[0].Status).toBe('Withdrawn');
  });
});
