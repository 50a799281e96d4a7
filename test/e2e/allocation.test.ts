/** Allocate places through the built bundle: the sheets, the confirmation, re-runs and notices. */
import type { Emulator } from '../../emulator/src';
import {
  fillApplications,
  records,
  registerNumberedMunicipalities,
  setSetting,
  setUpWorkspace,
  validAnswer,
} from './harness';

const allocations = (emulator: Emulator) => records(emulator, 'Allocations');
const notices = (emulator: Emulator) => records(emulator, 'Notices');

/** Staff typing into an Allocations cell of the row of (application, excursion). */
function mark(emulator: Emulator, applicationId: string, excursionId: string, header: string, value: string) {
  const sheet = emulator.workbook().sheetByName('Allocations')!;
  const rows = sheet.dataValues();
  const h = rows[0];
  const r = rows.findIndex(
    (row) => row[h.indexOf('Application ID')] === applicationId && row[h.indexOf('Excursion ID')] === excursionId,
  );
  if (r < 0) throw new Error(`no Allocations row ${applicationId} ${excursionId}`);
  sheet.setValue(r, h.indexOf(header), value);
}

/** Three municipalities want the one seat of Cologne; scored; ready to allocate. */
function smallCall(): Emulator {
  const emulator = setUpWorkspace({ language: 'en' });
  const excursions = emulator.workbook().sheetByName('Excursions')!;
  const h = excursions.dataValues()[0];
  excursions.setValue(1, h.indexOf('Places'), 1);
  excursions.setValue(1, h.indexOf('Max Per Municipality'), 1);
  const cologne = 'Cologne, 25–27 April 2017';
  const stockholm = 'Stockholm, October 2017 (sample dates)';
  emulator.submit(
    validAnswer({
      Municipality: 'Ajdovščina',
      'Email address': 'a@ajdovscina.si',
      'Excursion preferences': { [cologne]: '1st choice' },
    }),
  );
  emulator.submit(
    validAnswer({
      Municipality: 'Bled',
      'Email address': 'b@bled.si',
      'Excursion preferences': { [cologne]: '1st choice', [stockholm]: '2nd choice' },
    }),
  );
  emulator.submit(
    validAnswer({
      Municipality: 'Ljubljana',
      'English proficiency': 'Good working knowledge',
      'Email address': 'c@ljubljana.si',
      'Excursion preferences': { [cologne]: '1st choice' },
    }),
  );
  emulator.run('scoreApplicants');
  return emulator;
}

describe('Allocate places', () => {
  it('asks first, showing seats and decisions, and writes nothing on No', () => {
    const emulator = smallCall();
    emulator.ui.answers.push('NO');
    emulator.run('allocatePlaces');
    const question = emulator.ui.alerts.at(-2)!;
    expect(question.prompt).toMatch(/^Allocate 3 applications over 7 excursions\?/);
    expect(question.prompt).toContain('CGN-2017-04 1/1');
    expect(question.prompt).toContain('Decisions: Accepted (2), Waitlisted (2)');
    expect(allocations(emulator)).toEqual([]);
    expect(notices(emulator).filter((n) => n.Type !== 'received')).toEqual([]);
  });

  it('writes one row per applicant and listed excursion, with reasons staff can read out', () => {
    const emulator = smallCall();
    emulator.run('allocatePlaces');
    const rows = allocations(emulator).map((r) => [
      r['Application ID'],
      r['Excursion ID'],
      r.Decision,
      r['Places Granted'],
      r['Waitlist Position'],
    ]);
    expect(rows).toEqual([
      ['APP-0001', 'CGN-2017-04', 'Accepted', 1, ''],
      ['APP-0002', 'CGN-2017-04', 'Waitlisted', 0, 1],
      ['APP-0003', 'CGN-2017-04', 'Waitlisted', 0, 2],
      ['APP-0002', 'STO-2017-10', 'Accepted', 2, ''],
    ]);
    const reasons = allocations(emulator).map((r) => r.Reason);
    expect(reasons[0]).toBe('1st choice; priority 1 of 3 at Cologne, 25–27 April 2017; 1 of 2 places granted');
    expect(reasons[1]).toBe(
      '1st choice; waitlisted at Cologne, 25–27 April 2017, position 1: the applicants ahead of it in priority (1) hold 1 of the 1 places',
    );
    expect(records(emulator, 'Excursions').filter((e) => e.Status === 'Allocated')).toHaveLength(7);
  });

  it('queues accepted and waitlisted notices once, and nothing on a re-run without changes', () => {
    const emulator = smallCall();
    emulator.run('allocatePlaces');
    const queued = notices(emulator)
      .filter((n) => n.Type !== 'received')
      .map((n) => n['Notice Key']);
    expect(queued).toEqual([
      'accepted:APP-0001:CGN-2017-04',
      'waitlisted:APP-0002:CGN-2017-04',
      'waitlisted:APP-0003:CGN-2017-04',
      'accepted:APP-0002:STO-2017-10',
    ]);
    const before = allocations(emulator);
    emulator.env.clock.advance(60000);
    emulator.run('allocatePlaces');
    expect(allocations(emulator)).toEqual(before);
    expect(notices(emulator).filter((n) => n.Type !== 'received')).toHaveLength(4);
    expect(emulator.ui.alerts.at(-1)?.prompt).toBe('Places allocated. 0 decisions changed; 0 notices queued.');
  });

  it('offers the first on the waitlist the place a decline frees, and only that applicant is notified', () => {
    const emulator = smallCall();
    emulator.run('allocatePlaces');
    const before = notices(emulator).length;
    mark(emulator, 'APP-0001', 'CGN-2017-04', 'Response', 'Declined');
    emulator.run('allocatePlaces');
    const rows = allocations(emulator).map((r) => [r['Application ID'], r['Excursion ID'], r.Decision, r.Response]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['APP-0001', 'CGN-2017-04', 'Not selected', 'Declined'],
        ['APP-0002', 'CGN-2017-04', 'Accepted', ''],
        ['APP-0003', 'CGN-2017-04', 'Waitlisted', ''],
      ]),
    );
    const fresh = notices(emulator)
      .slice(before)
      .map((n) => n['Notice Key']);
    // Nothing was sent yet, so APP-0002 was told of no place: this is a new offer, not a promotion.
    expect(fresh).toEqual(['accepted:APP-0002:CGN-2017-04']);
  });

  it('keeps a Locked seat and staff columns with their row across re-runs', () => {
    const emulator = smallCall();
    emulator.run('allocatePlaces');
    const sheet = emulator.workbook().sheetByName('Allocations')!;
    const width = sheet.dataValues()[0].length;
    sheet.setValue(0, width, 'Called');
    mark(emulator, 'APP-0003', 'CGN-2017-04', 'Called', 'left a message');
    mark(emulator, 'APP-0003', 'CGN-2017-04', 'Locked', 'Accepted');
    emulator.run('allocatePlaces');
    const rows = allocations(emulator);
    const locked = rows.find((r) => r['Application ID'] === 'APP-0003' && r['Excursion ID'] === 'CGN-2017-04')!;
    expect(locked).toMatchObject({ Decision: 'Accepted', Locked: 'Accepted', Called: 'left a message' });
    expect(rows.find((r) => r['Application ID'] === 'APP-0001' && r['Excursion ID'] === 'CGN-2017-04')?.Decision).toBe(
      'Waitlisted',
    );
  });

  it('stops with the cell named when Places is not a whole number, and writes nothing', () => {
    const emulator = smallCall();
    const excursions = emulator.workbook().sheetByName('Excursions')!;
    excursions.setValue(2, excursions.dataValues()[0].indexOf('Places'), -3);
    emulator.run('allocatePlaces');
    expect(emulator.ui.alerts.at(-1)?.prompt).toBe(
      'Excursions cell Excursions!F3 holds "-3"; Places must be a whole number of at least 0. Nothing was written.',
    );
    expect(allocations(emulator)).toEqual([]);
  });

  it('asks for scores first', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    emulator.submit(validAnswer());
    emulator.run('allocatePlaces');
    expect(emulator.ui.alerts.at(-1)?.prompt).toMatch(
      /^1 application that takes part has no Score yet \(first: APP-0001\)/,
    );
  });

  it('leaves out Late applications unless acceptLate, and unsigned ones when requireSignedForm', () => {
    const emulator = smallCall();
    const apps = emulator.workbook().sheetByName('Applications')!;
    apps.setValue(1, apps.dataValues()[0].indexOf('Status'), 'Late');
    setSetting(emulator, 'requireSignedForm', true);
    apps.setValue(2, apps.dataValues()[0].indexOf('Signed Form Received'), true);
    emulator.run('allocatePlaces');
    expect(new Set(allocations(emulator).map((r) => r['Application ID']))).toEqual(new Set(['APP-0002']));
  });

  it('costs the same number of Spreadsheet calls for 50 and for 5,000 applications', () => {
    const cost = (n: number) => {
      const emulator = setUpWorkspace({ language: 'en' });
      fillApplications(emulator, n);
      registerNumberedMunicipalities(emulator, n);
      emulator.run('scoreApplicants');
      const calls = emulator.env.calls;
      const before = calls.total('Spreadsheet.');
      const grownBefore = calls.count('Spreadsheet.Sheet.insertRowsAfter');
      emulator.run('allocatePlaces');
      expect(allocations(emulator).length).toBeGreaterThan(n);
      const grown = calls.count('Spreadsheet.Sheet.insertRowsAfter') - grownBefore;
      return { calls: calls.total('Spreadsheet.') - before - grown, grown };
    };
    const small = cost(50);
    const large = cost(5000);
    expect(large.calls).toBe(small.calls);
    // A sheet that is full grows once per write, whatever the number of rows (Allocations, Notices).
    expect(small.grown).toBe(0);
    expect(large.grown).toBeLessThanOrEqual(2);
  });
});

describe('Allocate places on the same data in another row order', () => {
  it('gives the same decisions', () => {
    const decisions = (shuffle: boolean) => {
      const emulator = setUpWorkspace({ language: 'en' });
      fillApplications(emulator, 120, 7);
      if (shuffle) {
        const sheet = emulator.workbook().sheetByName('Applications')!;
        const [header, ...rows] = sheet.cells;
        rows.reverse();
        sheet.cells = [header, ...rows.slice(60), ...rows.slice(0, 60)];
      }
      emulator.run('scoreApplicants');
      emulator.run('allocatePlaces');
      return allocations(emulator)
        .map(
          (r) =>
            `${r['Application ID']} ${r['Excursion ID']} ${r.Decision} ${r['Places Granted']} ${r['Waitlist Position']}`,
        )
        .sort();
    };
    const straight = decisions(false);
    expect(straight.length).toBeGreaterThan(120);
    expect(decisions(true)).toEqual(straight);
  });
});

describe('the Summary sheet', () => {
  it('is rewritten by allocation with the figures per excursion and one chart of places asked for and granted', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    fillApplications(emulator, 80, 3);
    emulator.run('scoreApplicants');
    emulator.run('allocatePlaces');
    emulator.run('allocatePlaces');
    const summary = emulator.workbook().sheetByName('Summary')!;
    const rows = summary.dataValues();
    const header = rows.findIndex((r) => r[0] === 'Excursion ID');
    expect(rows[header].slice(0, 5)).toEqual([
      'Excursion ID',
      'Excursion',
      'Places',
      'Places asked for',
      'Places granted',
    ]);
    const cologne = rows.find((r) => r[0] === 'CGN-2017-04')!;
    const granted = records(emulator, 'Allocations')
      .filter((r) => r['Excursion ID'] === 'CGN-2017-04' && r.Decision === 'Accepted')
      .reduce((s, r) => s + Number(r['Places Granted']), 0);
    expect(cologne[2]).toBe(12);
    expect(cologne[4]).toBe(granted);
    expect(summary.charts).toHaveLength(1);
  });
});
