/**
 * The reply form of SPEC section 4: the second form linked to the spreadsheet, through which a
 * municipality offered a place confirms (naming its delegates) or declines, by its personal
 * prefilled link. Set up creates it once, and on every later run repairs it (links it again,
 * publishes it again) and never makes a second one. Its id is kept in the document's properties
 * (REPLY_FORM_ID_PROPERTY), next to the secret that signs the Reply codes.
 */
import type { Language } from '../core/i18n';
import { t } from '../core/i18n';
import { REPLY_ANSWERS, REPLY_QUESTION } from '../core/vocabulary';
import { trashQuietly } from './drive-files';
import { destinationOf, ensurePublished } from './form';
import { findReplyForm, REPLY_FORM_ID_PROPERTY, replySecret } from './links';
import type { SetupReport } from './setup';
import type { Spreadsheet } from './sheets';

/** What the respondent reads, in the call's language; the question titles stay those of SPEC 4. */
const TEXTS: Record<
  Language,
  { title: string; description: string; code: string; answer: string; delegates: string; message: string }
> = {
  sl: {
    title: 'GrowSmarter: odgovor na ponujeno mesto',
    description:
      'Odprite ta obrazec s povezavo iz našega sporočila: koda odgovora je že vpisana. Potrdite ali zavrnite ponujeno mesto na ekskurziji in ob potrditvi navedite delegate.',
    code: 'Izpolni se sama s povezavo iz sporočila; ne spreminjajte je.',
    answer: 'Potrdite ali zavrnite ponujeno mesto.',
    delegates: 'Ob potrditvi: en delegat v vrstici, ime in priimek ter funkcija.',
    message: 'Neobvezno: sporočilo sekretariatu.',
  },
  en: {
    title: 'GrowSmarter: reply to the place offered',
    description:
      'Open this form through the link in our message: your reply code is already filled in. Confirm or decline the place offered on the excursion and, when you confirm, name your delegates.',
    code: 'Filled in by the link in our message; please do not change it.',
    answer: 'Confirm or decline the place offered.',
    delegates: 'When you confirm: one delegate a line, name and position.',
    message: 'Optional: a message to the secretariat.',
  },
};

/** FormApp's publish state, newer than @types/google-apps-script (FormApp reference). */
interface PublishingFormApp {
  create(title: string, isPublished: boolean): GoogleAppsScript.Forms.Form;
}

/** Creates the reply form with the four questions of SPEC section 4, published, linked to `ss`. */
function createReplyForm(ss: Spreadsheet, lang: Language): GoogleAppsScript.Forms.Form {
  const text = TEXTS[lang];
  // Created published: a form made through Apps Script after 30 June 2026 otherwise starts
  // unpublished and takes no answer (Forms API guide "API changes to Google Forms").
  const form = (FormApp as unknown as PublishingFormApp).create(text.title, true);
  try {
    form.setDescription(text.description);
    form.setCollectEmail(false);
    form.addTextItem().setTitle(REPLY_QUESTION.code).setHelpText(text.code).setRequired(true);
    form
      .addMultipleChoiceItem()
      .setTitle(REPLY_QUESTION.answer)
      .setHelpText(text.answer)
      .setChoiceValues([...REPLY_ANSWERS])
      .setRequired(true);
    form.addParagraphTextItem().setTitle(REPLY_QUESTION.delegates).setHelpText(text.delegates).setRequired(false);
    form.addParagraphTextItem().setTitle(REPLY_QUESTION.message).setHelpText(text.message).setRequired(false);
    ensurePublished(form);
    // Linked last: a form that receives replies is whole.
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
  } catch (e) {
    trashQuietly(() => form.getId());
    throw e;
  }
  PropertiesService.getDocumentProperties().setProperty(REPLY_FORM_ID_PROPERTY, form.getId());
  return form;
}

/**
 * True when the form's answers go to `ss`. A form unlinked by hand throws "The form currently has
 * no response destination" (public report: googleworkspace/apps-script-samples pull 145); any other
 * failure stops Set up, which must not link the form a second time (a second response sheet) on a
 * passing error.
 */
function linkedTo(form: GoogleAppsScript.Forms.Form, ss: Spreadsheet): boolean {
  return destinationOf(form) === ss.getId();
}

/**
 * Set up's part for the reply form: creates it, or repairs the one there is (links it to this
 * spreadsheet again, publishes it again; a form closed by hand stays closed, as staff decided),
 * makes the reply secret, and says what it did in the report.
 */
export function ensureReplyForm(ss: Spreadsheet, lang: Language, report: SetupReport): GoogleAppsScript.Forms.Form {
  let form = findReplyForm(ss);
  if (!form) {
    form = createReplyForm(ss, lang);
    report.created.push(t(lang, 'setup.replyForm'));
  } else {
    const props = PropertiesService.getDocumentProperties();
    if (props.getProperty(REPLY_FORM_ID_PROPERTY) !== form.getId())
      props.setProperty(REPLY_FORM_ID_PROPERTY, form.getId());
    let repaired = false;
    const state = ensurePublished(form);
    if (state === 'published') {
      report.repaired.push(t(lang, 'setup.replyFormPublished'));
      repaired = true;
    }
    if (!linkedTo(form, ss)) {
      form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
      report.repaired.push(t(lang, 'setup.replyFormLinked'));
      repaired = true;
    }
    if (state === 'closed') report.unchanged.push(t(lang, 'setup.replyFormClosed'));
    else if (!repaired) report.unchanged.push(t(lang, 'setup.replyForm'));
  }
  replySecret(ss, true);
  return form;
}
