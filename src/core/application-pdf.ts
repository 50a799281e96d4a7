/**
 * The application laid out as a form to print, sign and stamp (SPEC section 11, issue 15): the
 * call's title, the Application ID, every answer as the municipality gave it, and a place for the
 * signature and the stamp. Plain HTML (headings, paragraphs, line breaks) that the workspace turns
 * into a PDF through a Blob (Blob.getAs('application/pdf')), so no Drive file is made. Every value
 * is HTML-escaped: an answer is text, never markup.
 */
import type { Language } from './i18n';
import { escapeHtml } from './text';

/** One question of the form and the answer given to it. */
export interface Answer {
  question: string;
  answer: string;
}

export interface ApplicationForm {
  /** The call's title (the application form's own title). */
  title: string;
  applicationId: string;
  municipality: string;
  /** When it was submitted, already in words. */
  submittedAt: string;
  answers: readonly Answer[];
  /** Who the signed form goes back to (the setting senderName). */
  senderName: string;
}

const WORDS = {
  sl: {
    heading: 'Prijava',
    id: 'Številka prijave',
    municipality: 'Občina',
    submitted: 'Oddano',
    answers: 'Odgovori, kot jih je občina oddala na obrazcu',
    none: '(brez odgovora)',
    sign: 'Podpis in žig',
    confirm:
      'S podpisom potrjujemo, da so odgovori v tej prijavi resnični in da se občina prijavlja pod pogoji poziva.',
    place: 'Kraj in datum: ______________________________',
    name: 'Ime in priimek ter funkcija podpisnika: ______________________________',
    signature: 'Podpis: ______________________________',
    stamp: 'Žig:',
    back: (to: string) =>
      to
        ? `Podpisano in žigosano prijavo vrnite pošiljatelju poziva (${to}); navedite številko prijave.`
        : 'Podpisano in žigosano prijavo vrnite organizatorju poziva; navedite številko prijave.',
  },
  en: {
    heading: 'Application',
    id: 'Application ID',
    municipality: 'Municipality',
    submitted: 'Submitted',
    answers: 'The answers as the municipality gave them on the form',
    none: '(no answer)',
    sign: 'Signature and stamp',
    confirm:
      'By signing we confirm that the answers in this application are true and that the municipality applies under the terms of the call.',
    place: 'Place and date: ______________________________',
    name: 'Name and position of the signatory: ______________________________',
    signature: 'Signature: ______________________________',
    stamp: 'Stamp:',
    back: (to: string) =>
      to
        ? `Please return the signed and stamped application to ${to}, quoting its Application ID.`
        : 'Please return the signed and stamped application to the organiser of the call, quoting its Application ID.',
  },
} as const;

/** Text as HTML, its line breaks kept. */
function lines(s: string): string {
  return s
    .split(/\r\n|[\r\n]/)
    .map(escapeHtml)
    .join('<br>');
}

/** The application as an HTML page to print: A4, the call's title first, the signature block last. */
export function applicationHtml(lang: Language, form: ApplicationForm): string {
  const w = WORDS[lang];
  const answers = form.answers
    .map(
      (a) =>
        `<h3>${escapeHtml(a.question)}</h3><p>${a.answer.trim() === '' ? `<em>${escapeHtml(w.none)}</em>` : lines(a.answer)}</p>`,
    )
    .join('\n');
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8">',
    `<title>${escapeHtml(`${w.heading} ${form.applicationId}`)}</title>`,
    '<style>@page { size: A4; margin: 2cm } body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt } h3 { font-size: 11pt; margin: 10px 0 2px } p { margin: 0 0 6px } .sign p { margin: 18px 0 }</style>',
    '</head><body>',
    `<h1>${escapeHtml(form.title)}</h1>`,
    `<h2>${escapeHtml(`${w.heading}: ${form.municipality}`)}</h2>`,
    `<p><strong>${escapeHtml(w.id)}:</strong> ${escapeHtml(form.applicationId)}</p>`,
    `<p><strong>${escapeHtml(w.submitted)}:</strong> ${escapeHtml(form.submittedAt)}</p>`,
    `<h2>${escapeHtml(w.answers)}</h2>`,
    answers,
    `<div class="sign"><h2>${escapeHtml(w.sign)}</h2>`,
    `<p>${escapeHtml(w.confirm)}</p>`,
    `<p>${escapeHtml(w.place)}</p>`,
    `<p>${escapeHtml(w.name)}</p>`,
    `<p>${escapeHtml(w.signature)}</p>`,
    `<p>${escapeHtml(w.stamp)}</p>`,
    `<p>${escapeHtml(w.back(form.senderName))}</p></div>`,
    '</body></html>',
  ].join('\n');
}
