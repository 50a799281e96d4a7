/** Loads build/Code.js into a fresh emulator, as the CLI does. */
import { join } from 'node:path';
import { Emulator, type EmulatorOptions } from '../../src/emulator';

export const BUILD_DIR = join(__dirname, '../../build');

/** A fresh emulator with a bound spreadsheet and the built bundle loaded. */
export function freshWorkspace(options: EmulatorOptions = {}): Emulator {
  const emulator = new Emulator({ start: new Date('2017-02-06T08:00:00Z'), bundleDir: BUILD_DIR, ...options });
  emulator.createBoundSpreadsheet('Excursion Desk test');
  return emulator.load();
}

/** A workspace after Set up, with the staff's language set (the default sample call is Slovenian). */
export function setUpWorkspace(options: EmulatorOptions & { language?: 'en' | 'sl' } = {}): Emulator {
  const emulator = freshWorkspace(options);
  emulator.run('setupWorkspace');
  if (options.language) setSetting(emulator, 'language', options.language);
  emulator.ui.reset();
  return emulator;
}

/** Staff typing a value into Settings. */
export function setSetting(emulator: Emulator, key: string, value: string | number | boolean | Date): void {
  const sheet = emulator.workbook().sheetByName('Settings')!;
  const rows = sheet.dataValues();
  const keyCol = rows[0].indexOf('Key');
  const valueCol = rows[0].indexOf('Value');
  const at = rows.findIndex((r) => r[keyCol] === key);
  if (at < 0) sheet.appendRow([key, value]);
  else sheet.setValue(at, valueCol, value);
}

/** A sheet of the bound spreadsheet as objects keyed by header (uncounted). */
export function records(emulator: Emulator, sheetName: string): Record<string, unknown>[] {
  const rows = emulator.sheetValues(sheetName) ?? [];
  const header = (rows[0] ?? []).map(String);
  return rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

export const OPEN_LABELS = [
  'Cologne, 25–27 April 2017',
  'Stockholm, October 2017 (sample dates)',
  'Barcelona, March 2018 (sample dates)',
];

/** A complete, valid answer as a respondent gives it to the form. */
export function validAnswer(overrides: Record<string, string | string[] | Record<string, string>> = {}) {
  return {
    Municipality: 'Občina Ajdovščina',
    'Contact person': 'Špela Kovačič',
    Position: 'svetovalka',
    'Email address': 'spela.kovacic@ajdovscina.si',
    Phone: '+386 5 365 91 10',
    'English proficiency': 'Fluent',
    'Areas of interest': ['Low energy districts'],
    'Smart solutions of interest': ['Smart street lighting', 'Waste heat recovery'],
    'Knowledge-transfer stream': 'Smart City themes',
    'Excursion preferences': { [OPEN_LABELS[0]]: '1st choice', [OPEN_LABELS[1]]: 'Interested' },
    'Number of delegates': '2',
    Motivation: 'We renovate schools.',
    'Ongoing or planned smart city projects': '',
    'Knowledge sharing': 'Yes',
    Consent: ['I agree'],
    ...overrides,
  };
}
