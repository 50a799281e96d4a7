/** Score applicants through the built bundle. */
import { fillApplications, records, setUpWorkspace, validAnswer } from './harness';

describe('Score applicants', () => {
  it('writes Score and Score Breakdown and leaves every staff column as it was', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    emulator.submit(validAnswer());
    emulator.submit(
      validAnswer({
        Municipality: 'Ljubljana',
        'Email address': 'a@ljubljana.si',
        'English proficiency': 'Good working knowledge',
      }),
    );
    const sheet = emulator.workbook().sheetByName('Applications')!;
    const header = sheet.dataValues()[0];
    sheet.setValue(1, header.indexOf('Content Score'), 8);
    sheet.setValue(1, header.indexOf('Manual Adjustment'), '1,5');
    sheet.setValue(1, header.indexOf('Notes'), '=keep as text');
    sheet.setValue(2, header.indexOf('Signed Form Received'), true);
    const staff = ['Content Score', 'Manual Adjustment', 'Notes', 'Signed Form Received', 'Status'];
    const before = records(emulator, 'Applications').map((r) => staff.map((h) => r[h]));
    emulator.run('scoreApplicants');
    const after = records(emulator, 'Applications');
    expect(after.map((r) => staff.map((h) => r[h]))).toEqual(before);
    // Ajdovščina: English 3×2 + sharing 2 + content 8 + band 2 (19,704) + 2 solutions × 0.5 + first time 1 + 1.5
    expect(after[0].Score).toBe(6 + 2 + 8 + 2 + 1 + 1 + 1.5);
    expect(String(after[0]['Score Breakdown']).split('\n').at(-1)).toBe('Total: 21.5');
    expect(after[1].Score).toBe(4 + 2 + 0 + 0 + 1 + 1);
    expect(emulator.ui.alerts.at(-1)?.prompt).toBe('Scored 2 applications.');
  });

  it('stops at an unknown criterion, naming the cell, and writes nothing', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    emulator.submit(validAnswer());
    emulator.workbook().sheetByName('Scoring')!.setValue(3, 0, 'Beauty');
    const before = emulator.sheetValues('Applications');
    emulator.run('scoreApplicants');
    expect(emulator.sheetValues('Applications')).toEqual(before);
    expect(emulator.ui.alerts.at(-1)?.prompt).toMatch(/^Scoring cell Scoring!A4 names the criterion "Beauty"/);
  });

  it('stops at a Content Score that is not a number from 0 to 10, naming the cell', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    emulator.submit(validAnswer());
    const sheet = emulator.workbook().sheetByName('Applications')!;
    const col = sheet.dataValues()[0].indexOf('Content Score');
    sheet.setValue(1, col, 'excellent');
    emulator.run('scoreApplicants');
    expect(emulator.ui.alerts.at(-1)?.prompt).toMatch(
      /Cell Applications!S2 holds "excellent", which is not a number 0–10/,
    );
    expect(records(emulator, 'Applications')[0].Score).toBe('');
  });

  it('costs the same number of Spreadsheet calls for 50 and for 5,000 applications', () => {
    const cost = (n: number) => {
      const emulator = setUpWorkspace({ language: 'en' });
      fillApplications(emulator, n);
      const before = emulator.env.calls.total('Spreadsheet.');
      emulator.run('scoreApplicants');
      expect(records(emulator, 'Applications').filter((r) => typeof r.Score === 'number')).toHaveLength(n);
      return emulator.env.calls.total('Spreadsheet.') - before;
    };
    expect(cost(5000)).toBe(cost(50));
  });
});

describe('Score applicants on a sheet staff rearranged', () => {
  it('writes Score and Score Breakdown wherever they stand, leaving blank rows and the columns between them alone', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    emulator.submit(validAnswer());
    emulator.submit(validAnswer({ Municipality: 'Bled', 'Email address': 'info@bled.si' }));
    const sheet = emulator.workbook().sheetByName('Applications')!;
    const rows = sheet.dataValues();
    // Staff move "Score" to the front, put their own "Checked by" column, and leave a blank row.
    const header = rows[0].map(String);
    const order = ['Score', 'Checked by', ...header.filter((h) => h !== 'Score')];
    const moved = [rows[0], rows[1], header.map(() => ''), rows[2]].map((r, i) =>
      order.map((h) =>
        h === 'Checked by' ? (i === 0 ? h : i === 2 ? '' : `=HYPERLINK("x","${i}")`) : r[header.indexOf(h)],
      ),
    );
    sheet.clear();
    moved.forEach((r, i) => {
      r.forEach((v, c) => {
        sheet.setValue(i, c, v);
      });
    });
    sheet.setFormula(1, 1, '=1+1');
    emulator.run('scoreApplicants');
    const after = records(emulator, 'Applications');
    expect(after).toHaveLength(3);
    expect(typeof after[0].Score).toBe('number');
    expect(after[1].Score).toBe('');
    expect(after[1]['Application ID']).toBe('');
    expect(typeof after[2].Score).toBe('number');
    expect(String(after[2]['Score Breakdown'])).toMatch(/^English level/);
    expect(sheet.formulaAt(1, 1)).toBe('=1+1');
  });
});
