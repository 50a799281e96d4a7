/** A small call for the browser tests: set up, seven answers submitted, optionally scored and allocated. */
import type { Emulator } from '../../emulator/src';
import { OPEN_LABELS, records, setUpWorkspace, validAnswer } from '../e2e/harness';

const [COLOGNE, STOCKHOLM, BARCELONA] = OPEN_LABELS;

const ANSWERS: [municipality: string, email: string, preferences: Record<string, string>, delegates: string][] = [
  ['Ajdovščina', 'info@ajdovscina.si', { [COLOGNE]: '1st choice', [STOCKHOLM]: '2nd choice' }, '2'],
  ['Bled', 'info@bled.si', { [COLOGNE]: '1st choice' }, '1'],
  ['Ljubljana', 'info@ljubljana.si', { [COLOGNE]: '1st choice', [BARCELONA]: '2nd choice' }, '2'],
  ['Maribor', 'info@maribor.si', { [STOCKHOLM]: '1st choice', [COLOGNE]: '2nd choice' }, '1'],
  ['Celje', 'info@celje.si', { [BARCELONA]: '1st choice' }, '1'],
  ['Kranj', 'info@kranj.si', { [COLOGNE]: '1st choice', [STOCKHOLM]: 'Interested' }, '1'],
  // A mistyped address (the form's own check bypassed, as a CSV import would): Incomplete.
  ['Bohinj', 'info@bohinj,si', { [COLOGNE]: '1st choice' }, '1'],
];

/** Set up in `language`, Cologne cut to 3 places so that it is oversubscribed, seven answers taken in. */
export function submittedCall(language: 'en' | 'sl'): Emulator {
  const emulator = setUpWorkspace({ language });
  const excursions = emulator.workbook().sheetByName('Excursions')!;
  const header = excursions.dataValues()[0];
  excursions.setValue(1, header.indexOf('Places'), 3);
  for (const [municipality, email, preferences, delegates] of ANSWERS) {
    emulator.submit(
      validAnswer({
        Municipality: municipality,
        'Email address': email,
        'Excursion preferences': preferences,
        'Number of delegates': delegates,
      }),
      { validate: false },
    );
  }
  emulator.ui.reset();
  return emulator;
}

/** The same call, scored and allocated (staff answered Yes to the allocation's question). */
export function allocatedCall(language: 'en' | 'sl'): Emulator {
  const emulator = submittedCall(language);
  emulator.run('scoreApplicants');
  emulator.run('allocatePlaces');
  emulator.ui.reset();
  return emulator;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** The dashboard's figures counted straight from the sheets, independently of the add-on's code. */
export function figuresFromSheets(emulator: Emulator) {
  const applications = records(emulator, 'Applications').filter((r) => r['Application ID'] !== '');
  const allocations = records(emulator, 'Allocations');
  const notices = records(emulator, 'Notices');
  const excursions = records(emulator, 'Excursions');
  const refused = (r: Record<string, unknown>) => r.Response === 'Declined' || r.Response === 'Lapsed';
  const accepted = allocations.filter((r) => r.Decision === 'Accepted' && !refused(r));
  // requireSignedForm and acceptLate are FALSE in this call: Received is what takes part.
  const takingPart = applications.filter((r) => r.Status === 'Received');
  return {
    applications: applications.length,
    takingPart: takingPart.length,
    seatsGranted: sum(accepted.map((r) => Number(r['Places Granted']))),
    places: sum(excursions.map((r) => Number(r.Places))),
    placesRequested: sum(
      excursions.map((e) =>
        sum(
          takingPart
            .filter((r) => String(r.Preferences).includes(`(${e['Excursion ID']})`))
            .map((r) => Number(r.Delegates)),
        ),
      ),
    ),
    noticesSent: notices.filter((r) => r.Status === 'Sent').length,
    noticesWaiting: notices.filter((r) => r.Status === 'Queued' || r.Status === 'Failed').length,
    excursions: excursions.map((e) => {
      const rows = allocations.filter((r) => r['Excursion ID'] === e['Excursion ID']);
      return {
        label: String(e.Label),
        places: Number(e.Places),
        // Preferences lists each choice as "1st choice: <label> (<id>)", one a line; each asks for its delegates.
        placesRequested: sum(
          takingPart
            .filter((r) => String(r.Preferences).includes(`(${e['Excursion ID']})`))
            .map((r) => Number(r.Delegates)),
        ),
        granted: sum(
          rows.filter((r) => r.Decision === 'Accepted' && !refused(r)).map((r) => Number(r['Places Granted'])),
        ),
        accepted: rows.filter((r) => r.Decision === 'Accepted' && !refused(r)).length,
        waitlisted: rows.filter((r) => r.Decision === 'Waitlisted' && !refused(r)).length,
        declined: rows.filter((r) => r.Response === 'Declined').length,
        lapsed: rows.filter((r) => r.Response === 'Lapsed').length,
        notSelected: rows.filter((r) => r.Decision === 'Not selected' && !refused(r)).length,
      };
    }),
  };
}
