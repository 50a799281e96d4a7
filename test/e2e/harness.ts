/** Loads build/Code.js into a fresh emulator, as the CLI does. */
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { Emulator, type EmulatorOptions } from '../../emulator/src';
import { entryId, formModel } from '../../emulator/src/forms';
import { type Manifest, readManifest } from '../../emulator/src/manifest';
import { main } from '../../src/cli/main';

export const BUILD_DIR = join(__dirname, '../../build');
/** The demo's input files. */
export const SAMPLE_DIR = join(__dirname, '../../sample');

/** `excursion-desk ARGS` on the built bundle: the exit code and what it printed. */
export function runCli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(
    [...args, '--bundle', BUILD_DIR],
    (s) => out.push(s),
    (s) => err.push(s),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Every sheet's values except Log (which records each attempt), as JSON: equal before and after means nothing changed. */
export function sheetsExceptLog(emulator: Emulator): string {
  return JSON.stringify(
    emulator
      .workbook()
      .sheets.filter((s) => s.name !== 'Log')
      .map((s) => [s.name, s.dataValues()]),
  );
}

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

const SAMPLE_IDS = [
  ['CGN-2017-04', 'Cologne, 25–27 April 2017'],
  ['STO-2017-10', 'Stockholm, October 2017 (sample dates)'],
  ['BCN-2018-03', 'Barcelona, March 2018 (sample dates)'],
  ['CGN-2018-06', 'Cologne, June 2018 (sample dates)'],
  ['STO-2018-10', 'Stockholm, October 2018 (sample dates)'],
  ['BCN-2019-03', 'Barcelona, March 2019 (sample dates)'],
  ['CGN-2019-06', 'Cologne, June 2019 (sample dates)'],
];

/**
 * Puts `n` taken-in applications straight into the Applications sheet (as if the form had been
 * answered n times), seeded, so that tests can measure actions on large sheets quickly.
 */
export function fillApplications(emulator: Emulator, n: number, seed = 1): void {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const sheet = emulator.workbook().sheetByName('Applications')!;
  const header = sheet.dataValues()[0].map(String);
  const municipalities = records(emulator, 'Municipalities');
  const ranks = ['1st choice', '2nd choice', '3rd choice'];
  for (let i = 0; i < n; i++) {
    const m = municipalities[i % municipalities.length];
    const prefs = [...SAMPLE_IDS].sort(() => random() - 0.5).slice(0, 2 + Math.floor(random() * 3));
    const values: Record<string, string | number | boolean | Date> = {
      'Application ID': `APP-${String(i + 1).padStart(5, '0')}`,
      'Submitted At': new Date(Date.UTC(2017, 1, 6) + i * 60000),
      Municipality:
        n > municipalities.length ? `${m.Name} ${Math.floor(i / municipalities.length) + 1}` : String(m.Name),
      Region: String(m.Region),
      Population: Number(m.Population),
      'Contact Name': `Contact ${i}`,
      Email: `contact${i}@example.org`,
      'English Level': ['Fluent', 'Good working knowledge'][Math.floor(random() * 2)],
      Areas: 'Low energy districts',
      Solutions: 'Smart street lighting\nWaste heat recovery',
      Preferences: prefs.map(([id, label], k) => `${ranks[k] ?? 'Interested'}: ${label} (${id})`).join('\n'),
      Delegates: 1 + Math.floor(random() * 3),
      'Shares Knowledge': random() < 0.8 ? 'Yes' : 'No',
      'Signed Form Received': false,
      Status: 'Received',
      'Content Score': Math.floor(random() * 11),
    };
    for (const [h, v] of Object.entries(values)) sheet.setValue(i + 1, header.indexOf(h), v);
  }
}

/** Leaves `n` received notices queued in Notices for the first n applications of fillApplications. */
export function queueReceivedNotices(emulator: Emulator, n: number): void {
  const sheet = emulator.workbook().sheetByName('Notices')!;
  const header = sheet.dataValues()[0].map(String);
  for (let i = 0; i < n; i++) {
    const id = `APP-${String(i + 1).padStart(5, '0')}`;
    const row = {
      'Notice Key': `received:${id}`,
      'Application ID': id,
      Type: 'received',
      To: `contact${i}@example.org`,
      Status: 'Queued',
    };
    for (const [h, v] of Object.entries(row)) sheet.setValue(i + 1, header.indexOf(h), v);
  }
}

/** Reloads the bundle under another manifest (its scopes and advanced services); the workspace's files stay. */
export function underManifest(emulator: Emulator, manifest: Manifest): Emulator {
  emulator.manifest = manifest;
  return emulator.load();
}

/** The manifest the build ships (build/appsscript.json). */
export function shippedManifest(): Manifest {
  return readManifest(BUILD_DIR);
}

/** build-addon/: the same Code.js under the add-on's manifest (appsscript.addon.json). */
export const ADDON_BUILD_DIR = join(__dirname, '../../build-addon');

/**
 * An add-on emulator loaded from build-addon/, with one spreadsheet per user, each user having
 * installed the add-on in their own spreadsheet. Returns the emulator and each user in their
 * spreadsheet, in the order given.
 */
export function addonWorkspaces(users: string[], options: EmulatorOptions = {}) {
  const emulator = new Emulator({
    start: new Date('2017-02-06T08:00:00Z'),
    bundleDir: ADDON_BUILD_DIR,
    deployment: 'addon',
    ...options,
  }).load();
  const seats = users.map((user) => {
    const ss = emulator.createSpreadsheet(user, `Excursion Desk of ${user}`);
    emulator.installAddon(user, ss.id);
    return emulator.as(user, ss.id);
  });
  return { emulator, seats };
}

/** A sheet of a user's spreadsheet as objects keyed by header (uncounted). */
export function recordsIn(seat: { sheetValues(name: string): unknown[][] | null }, sheetName: string) {
  const rows = seat.sheetValues(sheetName) ?? [];
  const header = (rows[0] ?? []).map(String);
  return rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

/** Staff typing a value into Settings of a user's spreadsheet. */
export function setSettingIn(
  seat: { emulator: Emulator; user: string; spreadsheetId: string | null },
  key: string,
  value: string | number | boolean | Date,
): void {
  seat.emulator.within(seat.user, seat.spreadsheetId, () => setSetting(seat.emulator, key, value));
}

export const REPLY_SECRET_PROPERTY = 'excursionDesk.replySecret';
export const REPLY_FORM_PROPERTY = 'excursionDesk.replyFormId';
export const FORM_PROPERTY = 'excursionDesk.formId';
export const CGN = 'CGN-2017-04';
export const STO = 'STO-2017-10';

export function docProps(emulator: Emulator): Record<string, string> {
  return emulator.propertiesService.peek('document');
}

/** Reply form (issue 12): the code the add-on signs (src/core/reply-code.ts): HMAC-SHA256, base64url, 16 characters. */
export function replyCode(
  emulator: Emulator,
  app: string,
  exc: string,
  revision = 1,
  secret = docProps(emulator)[REPLY_SECRET_PROPERTY],
) {
  const sig = createHmac('sha256', secret)
    .update(`excursion-desk-reply\n${app}\n${exc}\n${revision}`)
    .digest('base64url')
    .slice(0, 16);
  return `${app}.${exc}.${revision}.${sig}`;
}

/** The personal link as FormResponse.toPrefilledUrl() makes it: the reply form with the code filled in. */
export function replyLink(emulator: Emulator, code: string): string {
  const formId = docProps(emulator)[REPLY_FORM_PROPERTY];
  const item = formModel(emulator.env, formId).items.find((i) => i.title === 'Reply code')!;
  return `https://docs.google.com/forms/d/e/${formId}/viewform?usp=pp_url&entry.${entryId(item)}=${encodeURIComponent(code)}`;
}

/** Writes `values` into a new row of `sheetName` by header (uncounted, as staff or another part would). */
export function addSheetRow(emulator: Emulator, sheetName: string, values: Record<string, unknown>): number {
  const sheet = emulator.workbook().sheetByName(sheetName)!;
  const header = sheet.dataValues()[0].map(String);
  const r = sheet.lastRow();
  for (const [h, v] of Object.entries(values)) sheet.setValue(r, header.indexOf(h), v as never);
  return r;
}

export function setSheetCell(emulator: Emulator, sheetName: string, row: number, column: string, value: unknown): void {
  const sheet = emulator.workbook().sheetByName(sheetName)!;
  sheet.setValue(row, sheet.dataValues()[0].map(String).indexOf(column), value as never);
}

/** An offer as sending leaves it: the Allocations row told `Accepted N`, the accepted notice Sent. */
export function openOffer(
  emulator: Emulator,
  o: {
    app?: string;
    exc?: string;
    places?: number;
    revision?: number;
    replyBy?: Date;
    decision?: string;
    type?: 'accepted' | 'promoted';
  } = {},
) {
  const app = o.app ?? 'APP-0001';
  const exc = o.exc ?? CGN;
  const places = o.places ?? 2;
  const row = addSheetRow(emulator, 'Allocations', {
    'Application ID': app,
    Municipality: 'Ajdovščina',
    'Excursion ID': exc,
    Preference: 1,
    'Places Requested': places,
    'Places Granted': places,
    Decision: o.decision ?? 'Accepted',
    'Reply By': o.replyBy ?? new Date('2017-02-13T00:00:00Z'),
    Told: `Accepted ${places}`,
  });
  for (let n = 1; n <= (o.revision ?? 1); n++) {
    addSheetRow(emulator, 'Notices', {
      'Notice Key': `${o.type ?? 'accepted'}:${app}:${exc}${n === 1 ? '' : `#${n}`}`,
      'Application ID': app,
      'Excursion ID': exc,
      Type: o.type ?? 'accepted',
      To: 'spela.kovacic@ajdovscina.si',
      Status: 'Sent',
      'Sent At': new Date('2017-02-06T08:00:00Z'),
    });
  }
  return row;
}

/**
 * Two applications taken in (APP-0001 Ajdovščina, APP-0002 Bled), each with an open offer at
 * Cologne: what the kill and fault sweeps of the reply form start from.
 */
export function twoOffers(): Emulator {
  const emulator = setUpWorkspace({ language: 'en' });
  emulator.submit(validAnswer());
  emulator.submit(validAnswer({ Municipality: 'Bled', 'Email address': 'info@bled.si' }));
  openOffer(emulator, { app: 'APP-0001' });
  openOffer(emulator, { app: 'APP-0002' });
  return emulator;
}

/**
 * Beyond the 212 names, fillApplications numbers them ("Ajdovščina 2"); only a municipality of the
 * register takes part in the allocation (issue 12), so this adds those of its first n to Municipalities.
 */
export function registerNumberedMunicipalities(emulator: Emulator, n: number): void {
  const municipalities = records(emulator, 'Municipalities');
  if (n <= municipalities.length) return;
  const sheet = emulator.workbook().sheetByName('Municipalities')!;
  const header = sheet.dataValues()[0].map(String);
  let at = municipalities.length + 1;
  for (let i = municipalities.length; i < n; i++) {
    const m = municipalities[i % municipalities.length];
    sheet.setValue(at, header.indexOf('Name'), `${m.Name} ${Math.floor(i / municipalities.length) + 1}`);
    sheet.setValue(at, header.indexOf('Population'), Number(m.Population));
    sheet.setValue(at, header.indexOf('Region'), String(m.Region));
    at++;
  }
}

/** Staff filling `Municipalities.Email` for some names (uncounted); returns the rows' register names. */
export function setMunicipalityEmails(emulator: Emulator, emails: Record<string, string>): string[] {
  const sheet = emulator.workbook().sheetByName('Municipalities')!;
  const rows = sheet.dataValues();
  const nameCol = rows[0].indexOf('Name');
  const emailCol = rows[0].indexOf('Email');
  const done: string[] = [];
  for (const [name, email] of Object.entries(emails)) {
    const at = rows.findIndex((r, i) => i > 0 && r[nameCol] === name);
    if (at < 0) throw new Error(`No municipality "${name}" in the register`);
    sheet.setValue(at, emailCol, email);
    done.push(name);
  }
  return done;
}
