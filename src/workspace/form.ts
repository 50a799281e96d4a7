/** The Google Form of SPEC section 4: created once, linked to the spreadsheet, its grid refreshed. */
import { describeError } from '../core/errors';
import type { Language } from '../core/i18n';
import {
  AREAS,
  CONSENT_OPTION,
  DELEGATE_OPTIONS,
  ENGLISH_LEVELS,
  PREFERENCE_COLUMNS,
  QUESTION,
  REPLY_QUESTION,
  SOLUTIONS,
  STREAMS,
  YES_NO,
} from '../core/vocabulary';
import { trashQuietly } from './drive-files';
import { rememberTrigger } from './triggers';

export const FORM_ID_PROPERTY = 'excursionDesk.formId';
/** links.ts's REPLY_FORM_ID_PROPERTY (not imported: links.ts imports this file). */
const REPLY_FORM_ID_PROPERTY_NAME = 'excursionDesk.replyFormId';

/** Help texts shown under the questions, in the call's language. */
const HELP: Record<Language, Partial<Record<keyof typeof QUESTION, string>> & { title: string; description: string }> =
  {
    sl: {
      title: 'Prijava v interesno skupino mest GrowSmarter',
      description:
        'Skupnost občin Slovenije vabi občine članice v interesno skupino mest projekta GrowSmarter. Udeležba na študijskih ekskurzijah je brezplačna, število mest je lahko omejeno.',
      municipality: 'Ime občine, npr. Ajdovščina ali Mestna občina Kranj.',
      email: 'Na ta naslov pošljemo potrdilo in obvestila.',
      english: 'Aktivno znanje angleščine je pogoj za udeležbo.',
      preferences: 'Označite 1., 2. in 3. izbiro ter vse druge ekskurzije, ki vas zanimajo.',
      delegates: 'Koliko predstavnikov bi občina poslala na ekskurzijo.',
      motivation: 'Zakaj bi se občina udeležila in kaj bi prenesla v svoje okolje.',
      sharing: 'Ali boste pridobljeno znanje delili z drugimi občinami prek SOS?',
      consent: 'Soglašam z obdelavo osebnih podatkov za namen izbora in obveščanja.',
    },
    en: {
      title: 'GrowSmarter city interest group: application',
      description:
        'The Association of Municipalities of Slovenia invites its members to the GrowSmarter city interest group. The study excursions are free of charge; places may be limited.',
      municipality: 'Name of the municipality, e.g. Ajdovščina or City Municipality of Kranj.',
      email: 'The confirmation and all notices go to this address.',
      english: 'Active English is a condition of taking part.',
      preferences: 'Mark your 1st, 2nd and 3rd choice, and any other excursion you are interested in.',
      delegates: 'How many delegates the municipality would send.',
      motivation: 'Why the municipality wants to take part and what it would bring home.',
      sharing: 'Will you share what you learn with other municipalities through SOS?',
      consent: 'I agree to the processing of personal data for the selection and the notices.',
    },
  };

/** FormApp's publish state, newer than @types/google-apps-script (FormApp and Form reference). */
interface PublishingFormApp {
  create(title: string, isPublished: boolean): GoogleAppsScript.Forms.Form;
}
type PublishingForm = GoogleAppsScript.Forms.Form & {
  isPublished(): boolean;
  setPublished(enabled: boolean): GoogleAppsScript.Forms.Form;
};

/**
 * Makes sure the form takes answers: an unpublished form is published (which also opens it to
 * responses). A published form that staff closed by hand stays closed: that is their decision.
 */
export function ensurePublished(form: GoogleAppsScript.Forms.Form): 'kept' | 'published' | 'closed' {
  const f = form as PublishingForm;
  if (!f.isPublished()) {
    f.setPublished(true);
    return 'published';
  }
  return f.isAcceptingResponses() ? 'kept' : 'closed';
}

/**
 * The id of the spreadsheet the form's answers go to, or null when it has none: a form unlinked by
 * hand throws "The form currently has no response destination" (public report:
 * googleworkspace/apps-script-samples pull 145). Any other failure throws, so that Set up never
 * links a form a second time (a second response sheet) on a passing error.
 */
export function destinationOf(form: GoogleAppsScript.Forms.Form): string | null {
  try {
    return form.getDestinationId();
  } catch (e) {
    if (/no response destination/i.test(describeError(e))) return null;
    throw e;
  }
}

/**
 * The application form linked to this spreadsheet, or null when there is none (or it was deleted).
 * Two forms send their answers here (the application form and the reply form), so the spreadsheet's
 * own getFormUrl() is "indeterminate" (Spreadsheet reference): the fallback asks each response
 * sheet for its form and passes over the reply form. An add-on's time-driven run has no document
 * properties: there only the sheets are asked.
 */
export function findForm(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): GoogleAppsScript.Forms.Form | null {
  const props = documentPropertiesOrNull();
  const id = props?.getProperty(FORM_ID_PROPERTY);
  if (id) {
    try {
      return FormApp.openById(id);
    } catch (_e) {
      // Deleted or no longer shared: fall back to the forms the response sheets say they receive from.
    }
  }
  const replyId = props?.getProperty(REPLY_FORM_ID_PROPERTY_NAME) ?? '';
  for (const sheet of ss.getSheets()) {
    const url = sheet.getFormUrl();
    if (!url) continue;
    let form: GoogleAppsScript.Forms.Form;
    try {
      form = FormApp.openByUrl(url);
    } catch (_e) {
      continue; // a form deleted since: its old sheet is not the one
    }
    if (form.getId() === replyId || isReplyForm(form)) continue;
    props?.setProperty(FORM_ID_PROPERTY, form.getId());
    return form;
  }
  return null;
}

/** The document's properties, or null in a run that has none (an add-on's time-driven run). */
function documentPropertiesOrNull(): GoogleAppsScript.Properties.Properties | null {
  try {
    return PropertiesService.getDocumentProperties();
  } catch (_e) {
    return null;
  }
}

/** The reply form asks for a Reply code; the application form never does. */
function isReplyForm(form: GoogleAppsScript.Forms.Form): boolean {
  return form.getItems(FormApp.ItemType.TEXT).some((i) => i.getTitle() === REPLY_QUESTION.code);
}

/** Creates the form with every question of SPEC section 4, in order, and links it to `ss`. */
export function createForm(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  openLabels: readonly string[],
  lang: Language,
): GoogleAppsScript.Forms.Form {
  const help = HELP[lang];
  // Created published: a form made through Apps Script after 30 June 2026 otherwise starts
  // unpublished and takes no answer (Forms API guide "API changes to Google Forms").
  const form = (FormApp as unknown as PublishingFormApp).create(help.title, true);
  try {
    addQuestions(form, openLabels, lang);
    // Checked before linking: a form linked last is either whole or not linked at all.
    ensurePublished(form);
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
  } catch (e) {
    // A half-built form that receives nothing is not left behind: the next Set up makes it again.
    trashQuietly(() => form.getId());
    throw e;
  }
  PropertiesService.getDocumentProperties().setProperty(FORM_ID_PROPERTY, form.getId());
  return form;
}

function addQuestions(form: GoogleAppsScript.Forms.Form, openLabels: readonly string[], lang: Language): void {
  const help = HELP[lang];
  form.setDescription(help.description);
  form.setCollectEmail(false);
  const text = (title: string, required: boolean, helpText?: string) => {
    const item = form.addTextItem().setTitle(title).setRequired(required);
    if (helpText) item.setHelpText(helpText);
    return item;
  };
  const choice = (title: string, options: readonly string[], required: boolean, helpText?: string) => {
    const item = form
      .addMultipleChoiceItem()
      .setTitle(title)
      .setChoiceValues([...options])
      .setRequired(required);
    if (helpText) item.setHelpText(helpText);
    return item;
  };
  const boxes = (title: string, options: readonly string[], required: boolean, helpText?: string) => {
    const item = form
      .addCheckboxItem()
      .setTitle(title)
      .setChoiceValues([...options])
      .setRequired(required);
    if (helpText) item.setHelpText(helpText);
    return item;
  };
  text(QUESTION.municipality, true, help.municipality);
  text(QUESTION.contact, true);
  text(QUESTION.position, false);
  text(QUESTION.email, true, help.email).setValidation(
    FormApp.createTextValidation()
      .requireTextIsEmail()
      .setHelpText(help.email ?? '')
      .build(),
  );
  text(QUESTION.phone, false);
  choice(QUESTION.english, ENGLISH_LEVELS, true, help.english);
  boxes(QUESTION.areas, AREAS, false);
  boxes(QUESTION.solutions, SOLUTIONS, false);
  choice(QUESTION.stream, STREAMS, false);
  // No grid validation: Forms' "one response per column" would also allow only one "Interested";
  // intake keeps the first excursion given the same choice twice and says so in Issues.
  form
    .addGridItem()
    .setTitle(QUESTION.preferences)
    .setHelpText(help.preferences ?? '')
    .setRows([...openLabels])
    .setColumns([...PREFERENCE_COLUMNS]);
  choice(QUESTION.delegates, DELEGATE_OPTIONS, true, help.delegates);
  form
    .addParagraphTextItem()
    .setTitle(QUESTION.motivation)
    .setHelpText(help.motivation ?? '')
    .setRequired(true);
  form.addParagraphTextItem().setTitle(QUESTION.projects).setRequired(false);
  choice(QUESTION.sharing, YES_NO, true, help.sharing);
  boxes(QUESTION.consent, [CONSENT_OPTION], true, help.consent);
}

/** Sets the grid rows to the Open excursions' labels; other questions and past answers stay. */
export function setGridRows(
  form: GoogleAppsScript.Forms.Form,
  openLabels: readonly string[],
): 'changed' | 'unchanged' | 'missing' {
  const item = form.getItems(FormApp.ItemType.GRID).find((i) => i.getTitle() === QUESTION.preferences);
  if (!item) return 'missing';
  const grid = item.asGridItem();
  const before = grid.getRows();
  if (before.length === openLabels.length && before.every((r, i) => r === openLabels[i])) return 'unchanged';
  grid.setRows([...openLabels]);
  return 'changed';
}

/**
 * Exactly one installable form-submit trigger of this user for this spreadsheet; returns what it
 * did. Looked up among the user's triggers of this spreadsheet only (never the whole project's,
 * which as an add-on hold the user's triggers of every spreadsheet); an extra copy calling
 * onFormSubmit here would take each answer in twice, so it is removed.
 */
export function ensureSubmitTrigger(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): 'created' | 'kept' | 'deduplicated' {
  const mine = ScriptApp.getUserTriggers(ss).filter(
    (t) =>
      t.getHandlerFunction() === 'onFormSubmit' &&
      t.getEventType() === ScriptApp.EventType.ON_FORM_SUBMIT &&
      t.getTriggerSourceId() === ss.getId(),
  );
  if (mine.length === 0) {
    const trigger = ScriptApp.newTrigger('onFormSubmit').forSpreadsheet(ss).onFormSubmit().create();
    rememberTrigger(ss, trigger, { handler: 'onFormSubmit', hourly: false });
    return 'created';
  }
  for (const extra of mine.slice(1)) ScriptApp.deleteTrigger(extra);
  return mine.length > 1 ? 'deduplicated' : 'kept';
}
