/** Set up and Refresh form, run through the built bundle in the emulator. */
import type { Emulator } from '../../emulator/src';
import { type FormModel, formModel } from '../../emulator/src/forms';
import { DOCUMENT_MIME, FOLDER_MIME } from '../../emulator/src/spreadsheet-model';
import { freshWorkspace, OPEN_LABELS, records, setUpWorkspace, validAnswer } from './harness';

const MANAGED = [
  'Applications',
  'Excursions',
  'Allocations',
  'Notices',
  'Summary',
  'Settings',
  'Scoring',
  'Municipalities',
  'Log',
];

function form(emulator: Emulator): FormModel {
  return formModel(emulator.env, emulator.linkedFormId());
}

/** Every sheet's values except Log (which grows with each run). */
function snapshot(emulator: Emulator) {
  return emulator
    .workbook()
    .sheets.filter((s) => s.name !== 'Log')
    .map((s) => [s.name, JSON.stringify(s.dataValues())]);
}

describe('Set up on a new spreadsheet', () => {
  const emulator = setUpWorkspace();
  const wb = emulator.workbook();

  it('creates every sheet of the contract with its headers and a frozen header row', () => {
    for (const name of MANAGED) expect(wb.sheetByName(name)).toBeDefined();
    expect(wb.sheetByName('Applications')!.dataValues()[0]).toEqual([
      'Application ID',
      'Submitted At',
      'Municipality',
      'Municipality (as entered)',
      'Region',
      'Population',
      'Contact Name',
      'Email',
      'English Level',
      'Areas',
      'Solutions',
      'Preferences',
      'Delegates',
      'Motivation',
      'Shares Knowledge',
      'Signed Form Received',
      'Status',
      'Issues',
      'Content Score',
      'Manual Adjustment',
      'Score',
      'Score Breakdown',
      'Notes',
    ]);
    expect(wb.sheetByName('Log')!.dataValues()[0]).toEqual(['At', 'User', 'Action', 'Details']);
    for (const name of MANAGED.filter((n) => n !== 'Summary')) expect(wb.sheetByName(name)!.frozenRows).toBe(1);
  });

  it('fills Settings with a description for each key, the criteria, 212 municipalities and the sample excursions', () => {
    const settings = records(emulator, 'Settings');
    expect(settings.map((s) => s.Key)).toEqual(
      expect.arrayContaining([
        'applicationDeadline',
        'language',
        'acceptLate',
        'minEnglishLevel',
        'senderName',
        'replyTo',
        'quotaReserve',
        'maxExcursionsPerMunicipality',
        'prioritizeNewcomers',
        'template.accepted.sl',
      ]),
    );
    expect(settings.every((s) => String(s.Description).length > 0)).toBe(true);
    expect(records(emulator, 'Scoring').map((r) => r.Criterion)).toEqual([
      'English level',
      'Knowledge sharing',
      'Content score',
      'Smaller municipality',
      'Solutions of interest',
      'First-time participant',
    ]);
    expect(records(emulator, 'Municipalities')).toHaveLength(212);
    const excursions = records(emulator, 'Excursions');
    expect(excursions).toHaveLength(7);
    expect(excursions[0]).toMatchObject({
      'Excursion ID': 'CGN-2017-04',
      Label: 'Cologne, 25–27 April 2017',
      Status: 'Open',
    });
    expect(Object.prototype.toString.call(excursions[0]['Start Date'])).toBe('[object Date]');
  });

  it('puts dropdowns on Status, Locked and Response and a checkbox on Signed Form Received', () => {
    const rule = (sheet: string, header: string) => {
      const s = wb.sheetByName(sheet)!;
      const col = s.dataValues()[0].indexOf(header);
      return emulator.spreadsheetApp
        .sheetFacade(wb, s)
        .range(2, col + 1)
        .getDataValidation();
    };
    expect(rule('Applications', 'Status')?.getCriteriaValues()[0]).toEqual([
      'Received',
      'Incomplete',
      'Late',
      'Duplicate',
      'Ineligible',
      'Withdrawn',
    ]);
    expect(String(rule('Applications', 'Signed Form Received')?.getCriteriaType())).toBe('CHECKBOX');
    expect(rule('Allocations', 'Locked')?.getCriteriaValues()[0]).toEqual(['Accepted', 'Rejected']);
    expect(rule('Allocations', 'Response')?.getCriteriaValues()[0]).toEqual(['Confirmed', 'Declined', 'Lapsed']);
  });

  it('protects the computed columns with a warning only', () => {
    const protections = wb.sheetByName('Applications')!.protections as { isWarningOnly(): boolean }[];
    expect(protections.length).toBeGreaterThan(0);
    expect(protections.every((p) => p.isWarningOnly())).toBe(true);
  });

  it('creates the form with every question in order, linked to the spreadsheet', () => {
    const f = form(emulator);
    expect(f.items.map((i) => i.title)).toEqual([
      'Municipality',
      'Contact person',
      'Position',
      'Email address',
      'Phone',
      'English proficiency',
      'Areas of interest',
      'Smart solutions of interest',
      'Knowledge-transfer stream',
      'Excursion preferences',
      'Number of delegates',
      'Motivation',
      'Ongoing or planned smart city projects',
      'Knowledge sharing',
      'Consent',
    ]);
    const grid = f.items.find((i) => i.title === 'Excursion preferences')!;
    expect(grid.rows).toHaveLength(7);
    expect(grid.columns).toEqual(['1st choice', '2nd choice', '3rd choice', 'Interested']);
    expect(f.items.find((i) => i.title === 'Email address')!.validation).not.toBeNull();
    expect(f.items.filter((i) => i.required).map((i) => i.title)).toEqual(
      expect.arrayContaining(['Municipality', 'Email address', 'English proficiency', 'Consent']),
    );
    expect(wb.sheetByName('Form Responses 1')!.dataValues()[0]).toContain(`Excursion preferences [${OPEN_LABELS[0]}]`);
  });

  it('installs exactly one form-submit trigger', () => {
    const triggers = emulator.triggers.all().filter((t) => t.eventType === 'ON_FORM_SUBMIT');
    expect(triggers.map((t) => t.handlerFunction)).toEqual(['onFormSubmit']);
  });

  it('creates a template Doc per notice type and language (28) in one folder and writes their ids to Settings', () => {
    const docs = emulator.files(DOCUMENT_MIME);
    expect(docs).toHaveLength(28);
    expect(new Set(docs.map((d) => d.parents[0])).size).toBe(1);
    const folder = emulator.files(FOLDER_MIME).find((f) => f.id === docs[0].parents[0]);
    expect(folder?.name).toBe('Excursion Desk — notice templates');
    const ids = records(emulator, 'Settings')
      .filter((s) => String(s.Key).startsWith('template.'))
      .map((s) => s.Value);
    expect(new Set(ids)).toEqual(new Set(docs.map((d) => d.id)));
  });

  it('writes what it did to Log and shows the form link in a dialog', () => {
    const fresh = freshWorkspace({ locale: 'en' });
    fresh.run('setupWorkspace');
    const log = records(fresh, 'Log');
    const formLine = log.find((r) => r.Action === 'setupWorkspace' && String(r.Details).startsWith('Form: https://'));
    expect(formLine).toBeDefined();
    expect(log.some((r) => String(r.Details).startsWith('Created '))).toBe(true);
    const dialog = fresh.ui.dialogs.at(-1)!;
    expect(dialog.title).toBe('Excursion Desk is set up'); // the user's locale: Settings do not exist yet
    expect(dialog.html).toContain(String(formLine!.Details).slice('Form: '.length));
    expect(dialog.html).toContain('Link to send to the municipalities');
  });
});

describe('Set up run again', () => {
  it('changes nothing on the second and third run: no second sheet, form, trigger or template', () => {
    const emulator = setUpWorkspace();
    const before = snapshot(emulator);
    const files = emulator.env.drive.all().length;
    emulator.run('setupWorkspace');
    emulator.run('setupWorkspace');
    expect(snapshot(emulator)).toEqual(before);
    expect(emulator.env.drive.all().length).toBe(files);
    expect(emulator.triggers.all()).toHaveLength(1);
    expect(
      emulator
        .workbook()
        .sheets.map((s) => s.name)
        .filter((n) => n.startsWith('Form Responses')),
    ).toEqual(['Form Responses 2', 'Form Responses 1']); // the reply form's, then the application form's
  });

  it('keeps every staff value and column when staff reordered columns and added their own', () => {
    const emulator = setUpWorkspace();
    emulator.submit(validAnswer());
    const apps = emulator.workbook().sheetByName('Applications')!;
    // Staff move "Email" to the front, add "Phone call" after it, tick the signed form and write notes.
    const rows = apps.dataValues();
    const email = rows[0].indexOf('Email');
    const moved = rows.map((r, i) => [
      r[email],
      i === 0 ? 'Phone call' : 'called 3 Feb',
      ...r.filter((_, c) => c !== email),
    ]);
    moved[1][moved[0].indexOf('Notes')] = 'priority case';
    moved[1][moved[0].indexOf('Signed Form Received')] = true;
    apps.clear();
    moved.forEach((r, i) => {
      r.forEach((v, c) => {
        apps.setValue(i, c, v);
      });
    });
    const before = apps.dataValues();
    emulator.run('setupWorkspace');
    emulator.run('setupWorkspace');
    expect(apps.dataValues()).toEqual(before);
  });

  it('adds a missing header at the end of the row and keeps the data of a renamed one', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    const apps = emulator.workbook().sheetByName('Applications')!;
    const notesCol = apps.dataValues()[0].indexOf('Notes');
    apps.setValue(0, notesCol, 'Staff notes');
    apps.setValue(1, notesCol, 'keep me');
    emulator.run('setupWorkspace');
    const header = apps.dataValues()[0];
    expect(header[header.length - 1]).toBe('Notes');
    expect(header[notesCol]).toBe('Staff notes');
    expect(apps.valueAt(1, notesCol)).toBe('keep me');
    expect(records(emulator, 'Log').some((r) => String(r.Details).includes('"Notes" added to "Applications"'))).toBe(
      true,
    );
  });

  it('recreates only a template whose Doc was deleted', () => {
    const emulator = setUpWorkspace();
    const docs = emulator.files(DOCUMENT_MIME);
    emulator.env.drive.remove(docs[3].id);
    emulator.run('setupWorkspace');
    const after = emulator.files(DOCUMENT_MIME);
    expect(after).toHaveLength(28);
    expect(after.filter((d) => !docs.some((o) => o.id === d.id))).toHaveLength(1);
  });

  it('removes a second form-submit trigger someone added by hand', () => {
    const emulator = setUpWorkspace();
    const { uid: _uid, fired: _fired, ...first } = emulator.triggers.all()[0];
    emulator.triggers.add(first);
    expect(emulator.triggers.all()).toHaveLength(2);
    emulator.run('setupWorkspace');
    expect(emulator.triggers.all().filter((t) => t.eventType === 'ON_FORM_SUBMIT')).toHaveLength(1);
  });
});

describe('Refresh form from Excursions', () => {
  it('rewrites the grid rows from the Open excursions and leaves other questions and past answers alone', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    emulator.submit(validAnswer());
    const responsesBefore = emulator.sheetValues('Form Responses 1');
    const otherItems = form(emulator)
      .items.filter((i) => i.title !== 'Excursion preferences')
      .map((i) => JSON.stringify(i));
    const excursions = emulator.workbook().sheetByName('Excursions')!;
    const statusCol = excursions.dataValues()[0].indexOf('Status');
    excursions.setValue(1, statusCol, 'Closed');
    emulator.run('refreshForm');
    const grid = form(emulator).items.find((i) => i.title === 'Excursion preferences')!;
    expect(grid.rows).toHaveLength(6);
    expect(grid.rows).not.toContain(OPEN_LABELS[0]);
    expect(
      form(emulator)
        .items.filter((i) => i.title !== 'Excursion preferences')
        .map((i) => JSON.stringify(i)),
    ).toEqual(otherItems);
    expect(emulator.sheetValues('Form Responses 1')!.slice(0, 2)).toEqual(responsesBefore!.slice(0, 2));
    expect(emulator.ui.alerts.at(-1)?.prompt).toMatch(/^The form now lists 6 open excursions/);
  });

  it('leaves the form as it is and says why when no excursion is Open', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    const excursions = emulator.workbook().sheetByName('Excursions')!;
    const statusCol = excursions.dataValues()[0].indexOf('Status');
    for (let r = 1; r <= 7; r++) excursions.setValue(r, statusCol, 'Closed');
    emulator.run('refreshForm');
    expect(form(emulator).items.find((i) => i.title === 'Excursion preferences')!.rows).toHaveLength(7);
    expect(emulator.ui.alerts.at(-1)?.prompt).toBe('No excursion has Status "Open", so the form was left as it was.');
  });

  it('asks for Set up first when there is no form', () => {
    const emulator = freshWorkspace({ locale: 'en' });
    emulator.run('refreshForm');
    expect(emulator.ui.alerts.at(-1)?.prompt).toMatch(/no sheet "Excursions"|Run Set up/);
  });
});
