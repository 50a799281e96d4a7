/**
 * The season the staff guide walks, played on the built bundle in the emulator, with everything
 * staff would see on the way recorded step by step: the Extensions menu, each alert and
 * confirmation (with its buttons), each HTML dialog, the dashboard sidebar and a merged letter.
 * test/browser/guide.test.ts draws these into docs/guide/.
 */
import type { Emulator } from '../../emulator/src';
import type { SentMail } from '../../emulator/src/mail';
import type { RecordedAlert, RecordedDialog, RecordedMenu, RecordedSidebar } from '../../emulator/src/ui';
import { replyLinks, replyThroughLinks } from '../../src/cli/demo';
import { sampleExcursions } from '../../src/core/sample';
import { freshWorkspace, OPEN_LABELS, REPLY_SECRET_PROPERTY, validAnswer } from '../e2e/harness';

export type GuideLanguage = 'en' | 'sl';

/** The name the menu shows: the script project's name (`clasp create --title "Excursion Desk"`). */
export const PROJECT_NAME = 'Excursion Desk';

const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;
const [COLOGNE, STOCKHOLM, BARCELONA] = OPEN_LABELS;

const ANSWERS: [municipality: string, email: string, contact: string, prefs: Record<string, string>, n: string][] = [
  ['Ajdovščina', 'info@ajdovscina.si', 'Mojca Žagar', { [COLOGNE]: '1st choice', [STOCKHOLM]: '2nd choice' }, '2'],
  ['Bled', 'info@bled.si', 'Špela Kovačič', { [COLOGNE]: '1st choice' }, '1'],
  ['Ljubljana', 'info@ljubljana.si', 'Tomaž Šinkovec', { [COLOGNE]: '1st choice', [BARCELONA]: '2nd choice' }, '2'],
  ['Maribor', 'info@maribor.si', 'Nataša Bizjak', { [STOCKHOLM]: '1st choice', [COLOGNE]: '2nd choice' }, '1'],
  ['Celje', 'info@celje.si', 'Jure Zupan', { [BARCELONA]: '1st choice' }, '1'],
  ['Kranj', 'info@kranj.si', 'Matjaž Čuk', { [COLOGNE]: '1st choice', [STOCKHOLM]: 'Interested' }, '1'],
  // A mistyped address (the form's own check bypassed, as a CSV import would): Incomplete, and its notice Skipped.
  ['Bohinj', 'info@bohinj,si', 'Ana Kos', { [COLOGNE]: '1st choice' }, '1'],
];

/** What one step of the season showed. */
export interface GuideStep {
  /** File-name part: `setup`, `allocate`, … */
  name: string;
  alerts: RecordedAlert[];
  dialogs: RecordedDialog[];
  sidebars: RecordedSidebar[];
}

export interface GuideSeason {
  emulator: Emulator;
  language: GuideLanguage;
  menu: RecordedMenu;
  steps: GuideStep[];
  /** The first offer of a place the season sent (an `accepted` notice). */
  letter: SentMail;
}

/**
 * Set up in `language`, the menu as onOpen draws it, seven answers, a Score run forgotten before
 * Allocate places (its error), then Score, Allocate, Preview, Send, the municipalities replying
 * through their links, a reminder and a lapse by the hourly trigger, the freed places allocated
 * and told, Refresh form and the Dashboard.
 */
export function guideSeason(language: GuideLanguage): GuideSeason {
  const emulator = freshWorkspace({ locale: language === 'sl' ? 'sl_SI' : 'en_US' });
  emulator.ui.addonMenuName = PROJECT_NAME;
  // A fixed key for the reply links, so that the pictures of the letter and the preview do not
  // change from run to run (Set up keeps a key it finds; on Google it draws a random one).
  emulator.propertiesService.seed('document', { [REPLY_SECRET_PROPERTY]: 'guide-pictures-reply-key-0123456789abcdef' });
  // Staff who want English say so in Settings before Set up (the sample call is Slovenian).
  if (language === 'en') {
    const settings = emulator.workbook().insertSheet('Settings');
    settings.appendRow(['Key', 'Value', 'Description']);
    settings.appendRow(['language', 'en', '']);
  }
  const steps: GuideStep[] = [];
  const step = (name: string, act: () => void) => {
    const ui = emulator.ui;
    const before = { alerts: ui.alerts.length, dialogs: ui.dialogs.length, sidebars: ui.sidebars.length };
    act();
    steps.push({
      name,
      alerts: ui.alerts.slice(before.alerts),
      dialogs: ui.dialogs.slice(before.dialogs),
      sidebars: ui.sidebars.slice(before.sidebars),
    });
  };

  step('setup', () => emulator.run('setupWorkspace'));
  emulator.open();
  const menu = emulator.ui.menus.find((m) => m.name === PROJECT_NAME);
  if (!menu) throw new Error(`onOpen drew no "${PROJECT_NAME}" menu: ${JSON.stringify(emulator.ui.menus)}`);

  // The call itself (issue 15) where the bundle has it: the municipalities of this season get
  // addresses in Municipalities and staff choose Send the call.
  if (emulator.globalFunctions().includes('sendInvitations')) {
    const register = emulator.workbook().sheetByName('Municipalities')!;
    const header = register.dataValues()[0].map(String);
    const [name, mail] = [header.indexOf('Name'), header.indexOf('Email')];
    if (name >= 0 && mail >= 0) {
      register.dataValues().forEach((row, r) => {
        const answer = ANSWERS.find(([municipality]) => municipality === row[name]);
        if (answer && r > 0) register.setValue(r, mail, answer[1]);
      });
    }
    step('send-call', () => emulator.run('sendInvitations'));
  }

  const excursions = emulator.workbook().sheetByName('Excursions')!;
  excursions.setValue(1, excursions.dataValues()[0].indexOf('Places'), 3);
  // Set up writes the sample call in the account's language (Köln in Slovenian): the answers name
  // the rows of the form as it shows them.
  const english = sampleExcursions('en');
  const shown = sampleExcursions(language);
  const asShown = (preferences: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(preferences).map(([label, choice]) => [
        shown[english.findIndex((e) => e.label === label)]?.label ?? label,
        choice,
      ]),
    );
  for (const [municipality, email, contact, preferences, delegates] of ANSWERS) {
    emulator.advance(3 * HOUR);
    emulator.submit(
      validAnswer({
        Municipality: municipality,
        'Email address': email,
        'Contact person': contact,
        'Excursion preferences': asShown(preferences),
        'Number of delegates': delegates,
      }),
      { validate: false },
    );
  }

  step('refresh-form', () => emulator.run('refreshForm'));
  step('allocate-unscored', () => emulator.run('allocatePlaces'));
  step('score', () => emulator.run('scoreApplicants'));
  step('allocate', () => emulator.run('allocatePlaces'));
  step('preview', () => emulator.run('previewNotices'));
  const sentBefore = emulator.mailApp.outbox.length;
  step('send', () => emulator.run('sendNotices'));
  const letter = emulator.mailApp.outbox.slice(sentBefore).find((m) => /forms\/d\/e\//.test(m.htmlBody ?? ''));
  if (!letter) throw new Error('Send notices sent no offer with a reply link');

  // A day later the municipalities answer through their links; the hourly trigger acknowledges,
  // reminds the silent one and lapses its offer when its Reply By has passed.
  emulator.advance(DAY);
  replyThroughLinks(emulator, replyLinks(emulator, sentBefore));
  for (let hours = 0; hours < 8 * 24; hours++) emulator.advance(HOUR);

  step('reallocate', () => emulator.run('allocatePlaces'));
  step('send-again', () => emulator.run('sendNotices'));
  step('dashboard', () => emulator.run('showDashboard'));
  return { emulator, language, menu, steps, letter };
}
