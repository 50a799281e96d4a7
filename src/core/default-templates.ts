/**
 * The default notice templates Set up writes as Google Docs (every notice type, Slovenian and English).
 * A Doc's first line is `Subject: …`; the rest is the body. Texts follow the sample call (SOS,
 * GrowSmarter); another call edits the Docs, not this file.
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
  // Provisional (issue 15): the letters work writes the final texts of the call's two notices.
  invitation: {
    subject: 'Povabilo za {{Municipality}}: interesna skupina mest projekta GrowSmarter in študijske ekskurzije',
    blocks: [
      p('Spoštovane, spoštovani,'),
      p(
        'Skupnost občin Slovenije vabi občino ',
        b('{{Municipality}}'),
        ' v interesno skupino mest projekta GrowSmarter (Obzorje 2020). Člani skupine se lahko brezplačno udeležijo študijskih ekskurzij v mesta Stockholm, Köln in Barcelona:',
      ),
      li('{{Excursions}}'),
      p(
        'Udeležba je brezplačna, število mest je lahko omejeno. Pogoj za udeležbo je aktivno znanje angleščine. Posebej vabimo tudi manjše občine. Kar se bomo naučili, bomo prek SOS delili z drugimi občinami.',
      ),
      p('Prijavite se do ', b('{{Deadline}}'), ' na obrazcu, v katerem je ime vaše občine že vpisano: {{FormLink}}'),
      p('Za vprašanja smo dosegljivi na {{ReplyTo}}.'),
      p('Lep pozdrav,'),
      p('{{SenderName}}'),
    ],
  },
  call_reminder: {
    subject: 'Opomnik za {{Municipality}}: prijave v interesno skupino GrowSmarter do {{Deadline}}',
    blocks: [
      p('Spoštovane, spoštovani,'),
      p(
        'prijave občine ',
        b('{{Municipality}}'),
        ' v interesno skupino mest projekta GrowSmarter še nismo prejeli. Rok za prijave je ',
        b('{{Deadline}}'),
        '.',
      ),
      p('Obrazec, v katerem je ime vaše občine že vpisano: {{FormLink}}'),
      p('Za vprašanja smo dosegljivi na {{ReplyTo}}.'),
      p('Lep pozdrav,'),
      p('{{SenderName}}'),
    ],
  },
  received: {
    subject: 'Prijava prejeta: {{Municipality}} ({{ApplicationId}})',
    blocks: [
      p('Spoštovane, spoštovani,'),
      p('hvala za prijavo občine ', b('{{Municipality}}'), ' v interesno skupino mest projekta GrowSmarter.'),
      p(
        'Vaša prijava ima številko ',
        b('{{ApplicationId}}'),
        '. Izbor udeležencev ekskurzij bo sekretariat SOS pripravil po roku za prijave ({{Deadline}}) ob upoštevanju vsebine prijave. O izidu vas bomo obvestili po elektronski pošti; do takrat vam ni treba storiti ničesar.',
      ),
      p('Lep pozdrav,'),
      p('{{SenderName}}'),
    ],
  },
  incomplete: {
    subject: 'Prijava ni popolna: {{Municipality}} ({{ApplicationId}})',
    blocks: [
      p('Spoštovane, spoštovani,'),
      p('prijava občine ', b('{{Municipality}}'), ' ({{ApplicationId}}) je prispela, vendar ni popolna:'),
      li('{{Issues}}'),
      p(
        'Prosimo, da obrazec izpolnite znova do ',
        b('{{Deadline}}'),
        '. Na tej povezavi je ime občine že vpisano: {{FormLink}}',
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
        'prijava občine ',
        b('{{Municipality}}'),
        ' je prispela po roku za prijave, ki je potekel {{Deadline}}. Zato je ne moremo uvrstiti v redni izbor udeležencev ekskurzij.',
      ),
      p(
        'Prijavo smo shranili pod številko {{ApplicationId}}. Če jo bo sekretariat lahko upošteval pri prostih mestih, vas bomo obvestili; nove prijave vam ni treba pošiljati.',
      ),
      p('Izsledke ekskurzij bomo delili z vsemi občinami prek SOS.'),
      p('Lep pozdrav,'),
      p('{{SenderName}}'),
    ],
  },
  ineligible: {
    subject: 'Prijava ne izpolnjuje pogojev: {{Municipality}} ({{ApplicationId}})',
    blocks: [
      p('Spoštovane, spoštovani,'),
      p(
        'prijava občine ',
        b('{{Municipality}}'),
        ' ({{ApplicationId}}) je prispela, vendar ne izpolnjuje pogojev razpisa:',
      ),
      li('{{Issues}}'),
      p(
        'Aktivno znanje angleškega jezika je pogoj za udeležbo na študijskih ekskurzijah, zato prijave ne moremo uvrstiti v izbor.',
      ),
      p('Izsledke ekskurzij bomo delili z vsemi občinami prek SOS, tudi z vašo.'),
      p('Lep pozdrav,'),
      p('{{SenderName}}'),
    ],
  },
  accepted: {
    subject: 'Ekskurzija {{ExcursionCity}}, {{ExcursionDates}}: ponudba mest za {{Municipality}}',
    blocks: [
      h('Ponudba mest na ekskurziji'),
      p('Spoštovane, spoštovani,'),
      p(
        'z veseljem sporočamo, da občini ',
        b('{{Municipality}}'),
        ' ponujamo mesta na študijski ekskurziji ',
        b('{{ExcursionCity}}'),
        ' ({{ExcursionDates}}). Število ponujenih mest: ',
        b('{{PlacesGranted}}'),
        '. Ekskurzija je brezplačna.',
      ),
      p('Mesta so za vas zadržana do ', b('{{ReplyBy}}'), '. Prosimo, da do tega dne odgovorite prek osebne povezave:'),
      p('{{ReplyLink}}'),
      li(
        'Če udeležbo potrjujete, izberite »We confirm« in v polje Delegates vpišite ime in funkcijo vsakega delegata, vsakega v svojo vrstico.',
      ),
      li(
        'Če se ekskurzije ne boste udeležili, izberite »We decline«. Mesta bomo ponudili občinam na čakalnem seznamu.',
      ),
      p('Če do {{ReplyBy}} ne odgovorite, ponudba poteče in mesta ponudimo drugim občinam.'),
      p('Lep pozdrav,'),
      p('{{SenderName}}'),
    ],
  },
  waitlisted: {
    subject: 'Ekskurzija {{ExcursionCity}}, {{ExcursionDates}}: čakalni seznam',
    blocks: [
      p('Spoštovane, spoštovani,'),
      p(
        'vsa mesta na ekskurziji ',
        b('{{ExcursionCity}}'),
        ' ({{ExcursionDates}}) so zasedena. Občina {{Municipality}} je na čakalnem seznamu na ',
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
    subject: 'Ekskurzija {{ExcursionCity}}, {{ExcursionDates}}: obvestilo o izboru',
    blocks: [
      p('Spoštovane, spoštovani,'),
      p('žal občina {{Municipality}} tokrat ni bila izbrana za ekskurzijo {{ExcursionCity}} ({{ExcursionDates}}).'),
      p('Ničesar vam ni treba storiti. Izsledke ekskurzij bomo delili z vsemi občinami prek SOS.'),
      p('Lep pozdrav,'),
      p('{{SenderName}}'),
    ],
  },
  promoted: {
    subject: 'Ekskurzija {{ExcursionCity}}, {{ExcursionDates}}: sprostilo se je mesto za {{Municipality}}',
    blocks: [
      h('Ponudba mest na ekskurziji'),
      p('Spoštovane, spoštovani,'),
      p(
        'na ekskurziji ',
        b('{{ExcursionCity}}'),
        ' ({{ExcursionDates}}), ki ste jo v prijavi uvrstili višje, se je sprostilo mesto. Občini ',
        b('{{Municipality}}'),
        ' ga ponujamo. Število ponujenih mest: ',
        b('{{PlacesGranted}}'),
        '.',
      ),
      p('{{Changes}}'),
      p('Prosimo, da odgovorite do ', b('{{ReplyBy}}'), ' prek osebne povezave:'),
      p('{{ReplyLink}}'),
      li(
        'Če udeležbo potrjujete, izberite »We confirm« in v polje Delegates vpišite ime in funkcijo vsakega delegata, vsakega v svojo vrstico.',
      ),
      li('Če te ponudbe ne sprejmete, izberite »We decline«.'),
      p('Če do {{ReplyBy}} ne odgovorite, ponudba poteče in mesto ponudimo drugim občinam.'),
      p('Lep pozdrav,'),
      p('{{SenderName}}'),
    ],
  },
  changed: {
    subject: 'Ekskurzija {{ExcursionCity}}, {{ExcursionDates}}: sprememba za {{Municipality}}',
    blocks: [
      p('Spoštovane, spoštovani,'),
      p(
        'sporočamo spremembo pri ekskurziji ',
        b('{{ExcursionCity}}'),
        ' ({{ExcursionDates}}) za občino {{Municipality}}.',
      ),
      p('{{Changes}}'),
      p('Za vprašanja smo vam na voljo v odgovoru na to sporočilo.'),
      p('Lep pozdrav,'),
      p('{{SenderName}}'),
    ],
  },
  reminder: {
    subject: 'Opomnik: ekskurzija {{ExcursionCity}}, {{ExcursionDates}} – odgovor do {{ReplyBy}}',
    blocks: [
      p('Spoštovane, spoštovani,'),
      p(
        'občini {{Municipality}} smo ponudili mesta na ekskurziji ',
        b('{{ExcursionCity}}'),
        ' ({{ExcursionDates}}); število ponujenih mest: {{PlacesGranted}}. Vašega odgovora še nismo prejeli.',
      ),
      p('Ponudba velja do ', b('{{ReplyBy}}'), '. Prosimo, da do tega dne odgovorite prek osebne povezave:'),
      p('{{ReplyLink}}'),
      li('Če udeležbo potrjujete, izberite »We confirm« in vpišite delegate.'),
      li('Če se ekskurzije ne boste udeležili, izberite »We decline«.'),
      p('Če do {{ReplyBy}} ne odgovorite, ponudba poteče in mesta ponudimo drugim občinam.'),
      p('Lep pozdrav,'),
      p('{{SenderName}}'),
    ],
  },
  lapsed: {
    subject: 'Ekskurzija {{ExcursionCity}}, {{ExcursionDates}}: ponudba je potekla',
    blocks: [
      p('Spoštovane, spoštovani,'),
      p(
        'ponudba mest na ekskurziji {{ExcursionCity}} ({{ExcursionDates}}) za občino {{Municipality}} je potekla, ker do {{ReplyBy}} nismo prejeli odgovora. Mesta smo ponudili drugim občinam.',
      ),
      p('Če menite, da gre za pomoto, nam čim prej odgovorite na to sporočilo.'),
      p('Lep pozdrav,'),
      p('{{SenderName}}'),
    ],
  },
  reply: {
    subject: 'Ekskurzija {{ExcursionCity}}, {{ExcursionDates}}: prejeli smo vaš odgovor',
    blocks: [
      p('Spoštovane, spoštovani,'),
      p('hvala za odgovor občine {{Municipality}} glede ekskurzije {{ExcursionCity}} ({{ExcursionDates}}).'),
      p('{{Changes}}'),
      p('Lep pozdrav,'),
      p('{{SenderName}}'),
    ],
  },
};

const en: Record<NoticeType, TemplateText> = {
  // Provisional (issue 15): the letters work writes the final texts of the call's two notices.
  invitation: {
    subject: 'Invitation for {{Municipality}}: the GrowSmarter city interest group and its study excursions',
    blocks: [
      p('Dear colleagues,'),
      p(
        'the Association of Municipalities of Slovenia invites ',
        b('{{Municipality}}'),
        ' to the city interest group of the Horizon 2020 project GrowSmarter. Its members may take part, free of charge, in study excursions to Stockholm, Cologne and Barcelona:',
      ),
      li('{{Excursions}}'),
      p(
        'Taking part is free of charge; places may be limited. Active English is a condition of taking part. Smaller municipalities are especially welcome. What we learn will be shared with other municipalities through the Association.',
      ),
      p('Please apply by ', b('{{Deadline}}'), ' on the form, which already names your municipality: {{FormLink}}'),
      p('For questions, write to {{ReplyTo}}.'),
      p('Kind regards,'),
      p('{{SenderName}}'),
    ],
  },
  call_reminder: {
    subject: 'Reminder for {{Municipality}}: applications to the GrowSmarter interest group close on {{Deadline}}',
    blocks: [
      p('Dear colleagues,'),
      p(
        'we have not yet received an application from ',
        b('{{Municipality}}'),
        ' to the GrowSmarter city interest group. Applications close on ',
        b('{{Deadline}}'),
        '.',
      ),
      p('The form, which already names your municipality: {{FormLink}}'),
      p('For questions, write to {{ReplyTo}}.'),
      p('Kind regards,'),
      p('{{SenderName}}'),
    ],
  },
  received: {
    subject: 'Application received: {{Municipality}} ({{ApplicationId}})',
    blocks: [
      p('Dear {{ContactName}},'),
      p('thank you for the application of ', b('{{Municipality}}'), ' to the GrowSmarter city interest group.'),
      p(
        'Your application number is ',
        b('{{ApplicationId}}'),
        '. After the closing date ({{Deadline}}) the SOS secretariat selects the participants of the excursions, taking into account the content of the application. We will tell you the result by e-mail; until then there is nothing you need to do.',
      ),
      p('Kind regards,'),
      p('{{SenderName}}'),
    ],
  },
  incomplete: {
    subject: 'Application incomplete: {{Municipality}} ({{ApplicationId}})',
    blocks: [
      p('Dear {{ContactName}},'),
      p('the application of ', b('{{Municipality}}'), ' ({{ApplicationId}}) has arrived but is not complete:'),
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
        'the application of ',
        b('{{Municipality}}'),
        ' arrived after the closing date, {{Deadline}}, so it cannot take part in the regular selection of participants.',
      ),
      p(
        'We have kept it under number {{ApplicationId}}. If the secretariat can consider it for places left free, we will tell you; there is nothing more you need to send.',
      ),
      p('What the excursions teach will be shared with all municipalities through SOS.'),
      p('Kind regards,'),
      p('{{SenderName}}'),
    ],
  },
  ineligible: {
    subject: 'Application does not meet the conditions: {{Municipality}} ({{ApplicationId}})',
    blocks: [
      p('Dear {{ContactName}},'),
      p(
        'the application of ',
        b('{{Municipality}}'),
        ' ({{ApplicationId}}) has arrived but does not meet the conditions of the call:',
      ),
      li('{{Issues}}'),
      p('Active English is a condition of taking part in the study excursions, so the application cannot be selected.'),
      p('What the excursions teach will be shared with all municipalities through SOS, yours included.'),
      p('Kind regards,'),
      p('{{SenderName}}'),
    ],
  },
  accepted: {
    subject: 'Excursion to {{ExcursionCity}}, {{ExcursionDates}}: places offered to {{Municipality}}',
    blocks: [
      h('An offer of places'),
      p('Dear {{ContactName}},'),
      p(
        'we are glad to offer ',
        b('{{Municipality}}'),
        ' places on the study excursion to ',
        b('{{ExcursionCity}}'),
        ' ({{ExcursionDates}}). Places offered: ',
        b('{{PlacesGranted}}'),
        '. The excursion is free of charge.',
      ),
      p('The places are held for you until ', b('{{ReplyBy}}'), '. Please answer by then through your personal link:'),
      p('{{ReplyLink}}'),
      li(
        'To take part, choose "We confirm" and write the name and position of each delegate under Delegates, one a line.',
      ),
      li(
        'If you will not take part, choose "We decline". The places will be offered to the municipalities on the waiting list.',
      ),
      p('If we have no answer by {{ReplyBy}}, the offer lapses and the places go to others.'),
      p('Kind regards,'),
      p('{{SenderName}}'),
    ],
  },
  waitlisted: {
    subject: 'Excursion to {{ExcursionCity}}, {{ExcursionDates}}: waiting list',
    blocks: [
      p('Dear {{ContactName}},'),
      p(
        'all places on the excursion to ',
        b('{{ExcursionCity}}'),
        ' ({{ExcursionDates}}) are taken. {{Municipality}} is number ',
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
        'we are sorry that {{Municipality}} was not selected for the excursion to {{ExcursionCity}} ({{ExcursionDates}}) this time.',
      ),
      p(
        'There is nothing you need to do. What the excursions teach will be shared with all municipalities through SOS.',
      ),
      p('Kind regards,'),
      p('{{SenderName}}'),
    ],
  },
  promoted: {
    subject: 'Excursion to {{ExcursionCity}}, {{ExcursionDates}}: a place has become free for {{Municipality}}',
    blocks: [
      h('An offer of places'),
      p('Dear {{ContactName}},'),
      p(
        'a place has become free on the excursion to ',
        b('{{ExcursionCity}}'),
        ' ({{ExcursionDates}}), which you ranked higher in your application, and we offer it to ',
        b('{{Municipality}}'),
        '. Places offered: ',
        b('{{PlacesGranted}}'),
        '.',
      ),
      p('{{Changes}}'),
      p('Please answer by ', b('{{ReplyBy}}'), ' through your personal link:'),
      p('{{ReplyLink}}'),
      li(
        'To take part, choose "We confirm" and write the name and position of each delegate under Delegates, one a line.',
      ),
      li('If you do not accept this offer, choose "We decline".'),
      p('If we have no answer by {{ReplyBy}}, the offer lapses and the place goes to others.'),
      p('Kind regards,'),
      p('{{SenderName}}'),
    ],
  },
  changed: {
    subject: 'Excursion to {{ExcursionCity}}, {{ExcursionDates}}: a change for {{Municipality}}',
    blocks: [
      p('Dear {{ContactName}},'),
      p(
        'there is a change on the excursion to ',
        b('{{ExcursionCity}}'),
        ' ({{ExcursionDates}}) for {{Municipality}}.',
      ),
      p('{{Changes}}'),
      p('If you have questions, please reply to this message.'),
      p('Kind regards,'),
      p('{{SenderName}}'),
    ],
  },
  reminder: {
    subject: 'Reminder: excursion to {{ExcursionCity}}, {{ExcursionDates}} – please answer by {{ReplyBy}}',
    blocks: [
      p('Dear {{ContactName}},'),
      p(
        'we offered {{Municipality}} places on the excursion to ',
        b('{{ExcursionCity}}'),
        ' ({{ExcursionDates}}); places offered: {{PlacesGranted}}. We have not had your answer yet.',
      ),
      p('The offer stands until ', b('{{ReplyBy}}'), '. Please answer by then through your personal link:'),
      p('{{ReplyLink}}'),
      li('To take part, choose "We confirm" and name your delegates.'),
      li('If you will not take part, choose "We decline".'),
      p('If we have no answer by {{ReplyBy}}, the offer lapses and the places go to others.'),
      p('Kind regards,'),
      p('{{SenderName}}'),
    ],
  },
  lapsed: {
    subject: 'Excursion to {{ExcursionCity}}, {{ExcursionDates}}: the offer has lapsed',
    blocks: [
      p('Dear {{ContactName}},'),
      p(
        'the offer of places on the excursion to {{ExcursionCity}} ({{ExcursionDates}}) for {{Municipality}} has lapsed, because we had no answer by {{ReplyBy}}. The places have gone to other municipalities.',
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
      p('thank you for the answer of {{Municipality}} about the excursion to {{ExcursionCity}} ({{ExcursionDates}}).'),
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
