/**
 * The default notice templates Set up writes as Google Docs (every notice type, Slovenian and English).
 * A Doc's first line is `Subject: …`; the rest is the body. Texts follow the sample call (SOS,
 * GrowSmarter); another call edits the Docs, not this file.
 *
 * Every merged value is a whole phrase from `letter-words.ts` and stands where its form cannot be
 * wrong: in Slovenian `{{Municipality}}` ("Občina Kobilje", "Mestna občina Celje", feminine either
 * way) only in the nominative, as the subject of a verb without gender or in parentheses;
 * `{{ExcursionCity}}` only as a label with its dates ("(Köln, 25.–27. aprila 2017)"), since an
 * unknown city cannot be declined; `{{PlacesGranted}}` ("2 mesti", neuter: the same in the
 * accusative) only as an object; sentences about the places say "ponudba", which has no number.
 */
import type { Language } from './i18n';
import type { NoticeType } from './vocabulary';

export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
  link?: string;
}

export interface Block {
  kind: 'heading' | 'paragraph' | 'bullet' | 'number';
  inlines: Inline[];
}

export interface TemplateText {
  subject: string;
  blocks: Block[];
}

const p = (...inlines: (Inline | string)[]): Block => ({
  kind: 'paragraph',
  inlines: inlines.map((i) => (typeof i === 'string' ? { text: i } : i)),
});
const h = (text: string): Block => ({ kind: 'heading', inlines: [{ text }] });
const li = (text: string): Block => ({ kind: 'bullet', inlines: [{ text }] });
const b = (text: string): Inline => ({ text, bold: true });

const sl: Record<NoticeType, TemplateText> = {
  invitation: {
    subject: 'Vabilo v interesno skupino mest projekta GrowSmarter in na brezplačne študijske ekskurzije',
    blocks: [
      p('Spoštovane, spoštovani,'),
      p(
        'vabimo vas, da se ',
        b('{{Municipality}}'),
        ' pridruži interesni skupini mest projekta GrowSmarter, ki ga financira program Obzorje 2020.',
      ),
      p(
        'V projektu mesta svetilniki Stockholm, Köln in Barcelona v praksi preizkušajo pametne rešitve za nizkoenergijske mestne četrti, povezano infrastrukturo in trajnostno mestno mobilnost. Člani interesne skupine te rešitve spoznajo od blizu in si izmenjujejo izkušnje.',
      ),
      p('Za člane interesne skupine pripravljamo študijske ekskurzije:'),
      li('{{Excursions}}'),
      p(
        'Udeležba na ekskurzijah je brezplačna. Število mest je lahko omejeno; udeležence izbere sekretariat ob upoštevanju vsebine prijav.',
      ),
      p('Pogoj za udeležbo je aktivno znanje angleškega jezika. Prijave manjših občin so še posebej dobrodošle.'),
      p('Izkušnje z ekskurzij bomo delili z vsemi občinami.'),
      p(
        'Prijavo oddajte do ',
        b('{{Deadline}}'),
        ' prek spletnega obrazca na spodnji povezavi, na kateri je ime vaše občine že vpisano:',
      ),
      p('{{FormLink}}'),
      p('Za vprašanja smo vam na voljo v odgovoru na to sporočilo.'),
      p('Lep pozdrav,'),
      p('{{SenderName}}'),
      p('{{ReplyTo}}'),
    ],
  },
  call_reminder: {
    subject: 'Opomnik: rok za prijavo na študijske ekskurzije GrowSmarter se izteče {{Deadline}}',
    blocks: [
      p('Spoštovane, spoštovani,'),
      p(
        'rok za prijavo v interesno skupino mest projekta GrowSmarter in na brezplačne študijske ekskurzije se izteče ',
        b('{{Deadline}}'),
        '. Prijave vaše občine ({{Municipality}}) še nismo prejeli.',
      ),
      p('Prijavo lahko oddate prek spletnega obrazca na spodnji povezavi, na kateri je ime vaše občine že vpisano:'),
      p('{{FormLink}}'),
      p('Ekskurzije, na katere se lahko prijavite:'),
      li('{{Excursions}}'),
      p('Če ste prijavo medtem že oddali, vas prosimo, da to sporočilo prezrete.'),
      p('Lep pozdrav,'),
      p('{{SenderName}}'),
      p('{{ReplyTo}}'),
    ],
  },
  received: {
    subject: 'Prijava prejeta: {{Municipality}} ({{ApplicationId}})',
    blocks: [
      p('Spoštovane, spoštovani,'),
      p(
        'hvala za prijavo, ki jo je {{Municipality}} oddala v interesno skupino mest projekta GrowSmarter. Prijava ima številko ',
        b('{{ApplicationId}}'),
        '; prosimo, da jo navedete v nadaljnji korespondenci.',
      ),
      p(
        'Po izteku roka za prijave ({{Deadline}}) bo sekretariat ob upoštevanju vsebine prijav izbral udeležence študijskih ekskurzij. O izidu vas bomo obvestili po elektronski pošti.',
      ),
      p('{{NextStep}}'),
      p('Lep pozdrav,'),
      p('{{SenderName}}'),
    ],
  },
  incomplete: {
    subject: 'Prijava ni popolna: {{Municipality}} ({{ApplicationId}})',
    blocks: [
      p('Spoštovane, spoštovani,'),
      p(
        'prijavo, ki jo je ',
        b('{{Municipality}}'),
        ' oddala pod številko {{ApplicationId}}, smo prejeli, vendar ni popolna:',
      ),
      li('{{Issues}}'),
      p(
        'Prosimo, da obrazec izpolnite in oddate znova do ',
        b('{{Deadline}}'),
        '. Na tej povezavi je ime vaše občine že vpisano: {{FormLink}}',
      ),
      p('Upoštevali bomo zadnjo oddano prijavo.'),
      p('Lep pozdrav,'),
      p('{{SenderName}}'),
    ],
  },
  late: {
    subject: 'Prijava po roku: {{Municipality}} ({{ApplicationId}})',
    blocks: [
      p('Spoštovane, spoštovani,'),
      p(
        'prijavo, ki jo je ',
        b('{{Municipality}}'),
        ' oddala, smo prejeli po roku za prijave, ki se je iztekel {{Deadline}}. Zato je ne moremo uvrstiti v redni izbor udeležencev ekskurzij.',
      ),
      p(
        'Prijavo smo shranili pod številko {{ApplicationId}}. Če se bodo mesta sprostila in jo bo sekretariat lahko upošteval, vas bomo obvestili; ničesar vam ni treba pošiljati.',
      ),
      p('Izkušnje z ekskurzij bomo delili z vsemi občinami.'),
      p('Lep pozdrav,'),
      p('{{SenderName}}'),
    ],
  },
  ineligible: {
    subject: 'Prijava ne izpolnjuje pogojev: {{Municipality}} ({{ApplicationId}})',
    blocks: [
      p('Spoštovane, spoštovani,'),
      p(
        'prijavo, ki jo je ',
        b('{{Municipality}}'),
        ' oddala pod številko {{ApplicationId}}, smo prejeli, vendar ne izpolnjuje pogojev razpisa:',
      ),
      li('{{Issues}}'),
      p(
        'Aktivno znanje angleškega jezika je pogoj za udeležbo na študijskih ekskurzijah, zato prijave ne moremo uvrstiti v izbor.',
      ),
      p('Izkušnje z ekskurzij bomo delili z vsemi občinami, tudi z vašo.'),
      p('Lep pozdrav,'),
      p('{{SenderName}}'),
    ],
  },
  accepted: {
    subject: 'Ponudba mest na ekskurziji: {{ExcursionCity}}, {{ExcursionDates}} ({{Municipality}})',
    blocks: [
      h('Ponudba mest na ekskurziji'),
      p('Spoštovane, spoštovani,'),
      p(
        'z veseljem vam sporočamo, da vam na študijski ekskurziji (',
        b('{{ExcursionCity}}, {{ExcursionDates}}'),
        ') ponujamo ',
        b('{{PlacesGranted}}'),
        '. Ponudba je dana na podlagi prijave {{ApplicationId}}, ki jo je oddala {{Municipality}}. Udeležba je brezplačna.',
      ),
      p('Ponudba velja do ', b('{{ReplyBy}}'), '. Prosimo, da do tega dne odgovorite prek osebne povezave:'),
      p('{{ReplyLink}}'),
      li(
        'Če udeležbo potrjujete, izberite »We confirm« in v polje »Delegates« vpišite ime, priimek in funkcijo vsakega delegata, vsakega v svojo vrstico.',
      ),
      li(
        'Če se ekskurzije ne boste udeležili, izberite »We decline«. Ponudbo bomo prenesli na občine na čakalnem seznamu.',
      ),
      p('Če do {{ReplyBy}} ne odgovorite, ponudba poteče in jo prenesemo na druge občine.'),
      p('Lep pozdrav,'),
      p('{{SenderName}}'),
    ],
  },
  waitlisted: {
    subject: 'Čakalni seznam za ekskurzijo: {{ExcursionCity}}, {{ExcursionDates}} ({{Municipality}})',
    blocks: [
      p('Spoštovane, spoštovani,'),
      p(
        'vsa mesta na študijski ekskurziji (',
        b('{{ExcursionCity}}, {{ExcursionDates}}'),
        ') smo ponudili drugim občinam. {{Municipality}} je na čakalnem seznamu na ',
        b('{{WaitlistPosition}}'),
        '. mestu.',
      ),
      p(
        'Ničesar vam ni treba storiti. Če se mesto sprosti, vam ga ponudimo po elektronski pošti in vam damo rok za odgovor.',
      ),
      p('Lep pozdrav,'),
      p('{{SenderName}}'),
    ],
  },
  not_selected: {
    subject: 'Izid izbora za ekskurzijo: {{ExcursionCity}}, {{ExcursionDates}} ({{Municipality}})',
    blocks: [
      p('Spoštovane, spoštovani,'),
      p(
        'žal vam tokrat ne moremo ponuditi mesta na študijski ekskurziji ({{ExcursionCity}}, {{ExcursionDates}}). Izid se nanaša na prijavo {{ApplicationId}}, ki jo je oddala {{Municipality}}.',
      ),
      p('Ničesar vam ni treba storiti. Izkušnje z ekskurzij bomo delili z vsemi občinami.'),
      p('Lep pozdrav,'),
      p('{{SenderName}}'),
    ],
  },
  promoted: {
    subject: 'Nova ponudba mest na ekskurziji: {{ExcursionCity}}, {{ExcursionDates}} ({{Municipality}})',
    blocks: [
      h('Ponudba mest na ekskurziji'),
      p('Spoštovane, spoštovani,'),
      p(
        'na študijski ekskurziji (',
        b('{{ExcursionCity}}, {{ExcursionDates}}'),
        '), ki ste jo v prijavi uvrstili višje, vam zdaj lahko ponudimo ',
        b('{{PlacesGranted}}'),
        '. Ponudba je dana na podlagi prijave {{ApplicationId}}, ki jo je oddala {{Municipality}}.',
      ),
      p('{{Changes}}'),
      p('Nova ponudba velja do ', b('{{ReplyBy}}'), '. Prosimo, da do tega dne odgovorite prek osebne povezave:'),
      p('{{ReplyLink}}'),
      li(
        'Če udeležbo potrjujete, izberite »We confirm« in v polje »Delegates« vpišite ime, priimek in funkcijo vsakega delegata, vsakega v svojo vrstico.',
      ),
      li('Če te ponudbe ne sprejmete, izberite »We decline«.'),
      p('Če do {{ReplyBy}} ne odgovorite, ponudba poteče in jo prenesemo na druge občine.'),
      p('Lep pozdrav,'),
      p('{{SenderName}}'),
    ],
  },
  changed: {
    subject: 'Sprememba ponudbe na ekskurziji: {{ExcursionCity}}, {{ExcursionDates}} ({{Municipality}})',
    blocks: [
      p('Spoštovane, spoštovani,'),
      p(
        'sporočamo vam spremembo pri študijski ekskurziji (',
        b('{{ExcursionCity}}, {{ExcursionDates}}'),
        '), ki se nanaša na prijavo {{ApplicationId}}.',
      ),
      p('{{Changes}}'),
      p('Za vprašanja smo vam na voljo v odgovoru na to sporočilo.'),
      p('Lep pozdrav,'),
      p('{{SenderName}}'),
    ],
  },
  reminder: {
    subject: 'Opomnik: prosimo za odgovor do {{ReplyBy}} (ekskurzija: {{ExcursionCity}}, {{ExcursionDates}})',
    blocks: [
      p('Spoštovane, spoštovani,'),
      p(
        'na študijski ekskurziji (',
        b('{{ExcursionCity}}, {{ExcursionDates}}'),
        ') smo vam ponudili {{PlacesGranted}}, vašega odgovora pa še nismo prejeli.',
      ),
      p('Ponudba velja do ', b('{{ReplyBy}}'), '. Prosimo, da do tega dne odgovorite prek osebne povezave:'),
      p('{{ReplyLink}}'),
      li('Če udeležbo potrjujete, izberite »We confirm« in vpišite delegate.'),
      li('Če se ekskurzije ne boste udeležili, izberite »We decline«.'),
      p('Če do {{ReplyBy}} ne odgovorite, ponudba poteče in jo prenesemo na druge občine.'),
      p('Lep pozdrav,'),
      p('{{SenderName}}'),
    ],
  },
  lapsed: {
    subject: 'Potekla ponudba mest na ekskurziji: {{ExcursionCity}}, {{ExcursionDates}}',
    blocks: [
      p('Spoštovane, spoštovani,'),
      p(
        'ponudba na študijski ekskurziji ({{ExcursionCity}}, {{ExcursionDates}}) je potekla, ker do {{ReplyBy}} nismo prejeli vašega odgovora. Ponudbo smo prenesli na druge občine.',
      ),
      p('Če menite, da gre za pomoto, nam čim prej odgovorite na to sporočilo.'),
      p('Lep pozdrav,'),
      p('{{SenderName}}'),
    ],
  },
  reply: {
    subject: 'Prejeli smo vaš odgovor glede ekskurzije: {{ExcursionCity}}, {{ExcursionDates}}',
    blocks: [
      p('Spoštovane, spoštovani,'),
      p('hvala za vaš odgovor glede študijske ekskurzije ({{ExcursionCity}}, {{ExcursionDates}}).'),
      p('{{Changes}}'),
      p('Lep pozdrav,'),
      p('{{SenderName}}'),
    ],
  },
};

const en: Record<NoticeType, TemplateText> = {
  invitation: {
    subject: 'Invitation: the GrowSmarter city interest group and free study excursions',
    blocks: [
      p('Dear colleagues,'),
      p(
        'We invite the ',
        b('{{Municipality}}'),
        ' to join the city interest group of GrowSmarter, a smart-city project funded by the Horizon 2020 programme.',
      ),
      p(
        'In the project, the lighthouse cities Stockholm, Cologne and Barcelona put smart solutions to work for low energy districts, integrated infrastructures and sustainable urban mobility. Members of the interest group see these solutions at first hand and share their experience.',
      ),
      p('For the members of the interest group we are organising study excursions:'),
      li('{{Excursions}}'),
      p(
        'Taking part is free of charge. Places may be limited; the secretariat selects the participants, taking into account the content of the applications.',
      ),
      p(
        'Active English is a condition of taking part. Applications from smaller municipalities are especially welcome.',
      ),
      p('What the participants learn will be shared with all municipalities.'),
      p(
        'Please apply by ',
        b('{{Deadline}}'),
        ' through the form at the link below, which already has the name of your municipality filled in:',
      ),
      p('{{FormLink}}'),
      p('If you have any questions, please reply to this message.'),
      p('Kind regards,'),
      p('{{SenderName}}'),
      p('{{ReplyTo}}'),
    ],
  },
  call_reminder: {
    subject: 'Reminder: applications for the GrowSmarter study excursions close on {{Deadline}}',
    blocks: [
      p('Dear colleagues,'),
      p(
        'Applications to the GrowSmarter city interest group and its free study excursions close on ',
        b('{{Deadline}}'),
        '. We have not yet received an application from the {{Municipality}}.',
      ),
      p('You can apply through the form at the link below, which already has the name of your municipality filled in:'),
      p('{{FormLink}}'),
      p('The excursions you can apply for:'),
      li('{{Excursions}}'),
      p('If you have applied in the meantime, please disregard this message.'),
      p('Kind regards,'),
      p('{{SenderName}}'),
      p('{{ReplyTo}}'),
    ],
  },
  received: {
    subject: 'Application received: {{Municipality}} ({{ApplicationId}})',
    blocks: [
      p('Dear {{ContactName}},'),
      p(
        'Thank you for the application of the {{Municipality}} to the GrowSmarter city interest group. Its number is ',
        b('{{ApplicationId}}'),
        '; please quote it in any further correspondence.',
      ),
      p(
        'After the closing date ({{Deadline}}) the secretariat will select the participants of the study excursions, taking into account the content of the applications. We will let you know the result by e-mail.',
      ),
      p('{{NextStep}}'),
      p('Kind regards,'),
      p('{{SenderName}}'),
    ],
  },
  incomplete: {
    subject: 'Application incomplete: {{Municipality}} ({{ApplicationId}})',
    blocks: [
      p('Dear {{ContactName}},'),
      p(
        'We have received the application of the ',
        b('{{Municipality}}'),
        ' ({{ApplicationId}}), but it is not complete:',
      ),
      li('{{Issues}}'),
      p(
        'Please fill in the form again by ',
        b('{{Deadline}}'),
        '. This link has the name of your municipality filled in: {{FormLink}}',
      ),
      p('The latest application counts.'),
      p('Kind regards,'),
      p('{{SenderName}}'),
    ],
  },
  late: {
    subject: 'Application after the closing date: {{Municipality}} ({{ApplicationId}})',
    blocks: [
      p('Dear {{ContactName}},'),
      p(
        'The application of the ',
        b('{{Municipality}}'),
        ' arrived after the closing date, {{Deadline}}, so it cannot take part in the regular selection of participants.',
      ),
      p(
        'We have kept it under number {{ApplicationId}}. If places become free and the secretariat can consider it, we will let you know; there is nothing more you need to send.',
      ),
      p('What the participants learn will be shared with all municipalities.'),
      p('Kind regards,'),
      p('{{SenderName}}'),
    ],
  },
  ineligible: {
    subject: 'Application does not meet the conditions: {{Municipality}} ({{ApplicationId}})',
    blocks: [
      p('Dear {{ContactName}},'),
      p(
        'We have received the application of the ',
        b('{{Municipality}}'),
        ' ({{ApplicationId}}), but it does not meet the conditions of the call:',
      ),
      li('{{Issues}}'),
      p('Active English is a condition of taking part in the study excursions, so the application cannot be selected.'),
      p('What the participants learn will be shared with all municipalities, yours included.'),
      p('Kind regards,'),
      p('{{SenderName}}'),
    ],
  },
  accepted: {
    subject: 'Excursion to {{ExcursionCity}}, {{ExcursionDates}}: an offer of places for the {{Municipality}}',
    blocks: [
      h('An offer of places'),
      p('Dear {{ContactName}},'),
      p(
        'We are glad to offer you ',
        b('{{PlacesGranted}}'),
        ' on the study excursion to ',
        b('{{ExcursionCity}}'),
        ' ({{ExcursionDates}}), for application {{ApplicationId}} of the {{Municipality}}. Taking part is free of charge.',
      ),
      p('The offer stands until ', b('{{ReplyBy}}'), '. Please answer by then through your personal link:'),
      p('{{ReplyLink}}'),
      li(
        'To take part, choose "We confirm" and write the name and position of each delegate under Delegates, one a line.',
      ),
      li(
        'If you will not take part, choose "We decline". The offer will pass to the municipalities on the waiting list.',
      ),
      p('If we have no answer by {{ReplyBy}}, the offer lapses and passes to other municipalities.'),
      p('Kind regards,'),
      p('{{SenderName}}'),
    ],
  },
  waitlisted: {
    subject: 'Excursion to {{ExcursionCity}}, {{ExcursionDates}}: waiting list',
    blocks: [
      p('Dear {{ContactName}},'),
      p(
        'All places on the study excursion to ',
        b('{{ExcursionCity}}'),
        ' ({{ExcursionDates}}) have been offered to other municipalities. The {{Municipality}} is number ',
        b('{{WaitlistPosition}}'),
        ' on the waiting list.',
      ),
      p(
        'There is nothing you need to do. If a place becomes free, we will offer it to you by e-mail with a date to answer by.',
      ),
      p('Kind regards,'),
      p('{{SenderName}}'),
    ],
  },
  not_selected: {
    subject: 'Excursion to {{ExcursionCity}}, {{ExcursionDates}}: selection result',
    blocks: [
      p('Dear {{ContactName}},'),
      p(
        'We are sorry that this time we cannot offer the {{Municipality}} a place on the study excursion to {{ExcursionCity}} ({{ExcursionDates}}).',
      ),
      p('There is nothing you need to do. What the participants learn will be shared with all municipalities.'),
      p('Kind regards,'),
      p('{{SenderName}}'),
    ],
  },
  promoted: {
    subject: 'Excursion to {{ExcursionCity}}, {{ExcursionDates}}: a new offer for the {{Municipality}}',
    blocks: [
      h('An offer of places'),
      p('Dear {{ContactName}},'),
      p(
        'On the study excursion to ',
        b('{{ExcursionCity}}'),
        ' ({{ExcursionDates}}), which you ranked higher in your application, we can now offer you ',
        b('{{PlacesGranted}}'),
        '.',
      ),
      p('{{Changes}}'),
      p('The new offer stands until ', b('{{ReplyBy}}'), '. Please answer by then through your personal link:'),
      p('{{ReplyLink}}'),
      li(
        'To take part, choose "We confirm" and write the name and position of each delegate under Delegates, one a line.',
      ),
      li('If you do not accept this offer, choose "We decline".'),
      p('If we have no answer by {{ReplyBy}}, the offer lapses and passes to other municipalities.'),
      p('Kind regards,'),
      p('{{SenderName}}'),
    ],
  },
  changed: {
    subject: 'Excursion to {{ExcursionCity}}, {{ExcursionDates}}: a change for the {{Municipality}}',
    blocks: [
      p('Dear {{ContactName}},'),
      p(
        'There is a change on the study excursion to ',
        b('{{ExcursionCity}}'),
        ' ({{ExcursionDates}}) for application {{ApplicationId}}.',
      ),
      p('{{Changes}}'),
      p('If you have any questions, please reply to this message.'),
      p('Kind regards,'),
      p('{{SenderName}}'),
    ],
  },
  reminder: {
    subject: 'Reminder: please answer by {{ReplyBy}} (excursion to {{ExcursionCity}}, {{ExcursionDates}})',
    blocks: [
      p('Dear {{ContactName}},'),
      p(
        'We offered you {{PlacesGranted}} on the study excursion to ',
        b('{{ExcursionCity}}'),
        ' ({{ExcursionDates}}), and we have not had your answer yet.',
      ),
      p('The offer stands until ', b('{{ReplyBy}}'), '. Please answer by then through your personal link:'),
      p('{{ReplyLink}}'),
      li('To take part, choose "We confirm" and name your delegates.'),
      li('If you will not take part, choose "We decline".'),
      p('If we have no answer by {{ReplyBy}}, the offer lapses and passes to other municipalities.'),
      p('Kind regards,'),
      p('{{SenderName}}'),
    ],
  },
  lapsed: {
    subject: 'Excursion to {{ExcursionCity}}, {{ExcursionDates}}: the offer has lapsed',
    blocks: [
      p('Dear {{ContactName}},'),
      p(
        'The offer on the study excursion to {{ExcursionCity}} ({{ExcursionDates}}) has lapsed, because we had no answer by {{ReplyBy}}. It has passed to other municipalities.',
      ),
      p('If you think this is a mistake, please reply to this message as soon as you can.'),
      p('Kind regards,'),
      p('{{SenderName}}'),
    ],
  },
  reply: {
    subject: 'Excursion to {{ExcursionCity}}, {{ExcursionDates}}: we have your answer',
    blocks: [
      p('Dear {{ContactName}},'),
      p('Thank you for your answer about the study excursion to {{ExcursionCity}} ({{ExcursionDates}}).'),
      p('{{Changes}}'),
      p('Kind regards,'),
      p('{{SenderName}}'),
    ],
  },
};

/** The default template of a notice type in a language. */
export function defaultTemplate(type: NoticeType, lang: Language): TemplateText {
  return (lang === 'sl' ? sl : en)[type];
}
