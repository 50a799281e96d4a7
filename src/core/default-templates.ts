/**
 * The default notice templates Set up writes as Google Docs (six types, Slovenian and English).
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
  received: {
    subject: 'Prijava prejeta: {{Municipality}} ({{ApplicationId}})',
    blocks: [
      p('Spoštovani {{ContactName}},'),
      p('hvala za prijavo občine ', b('{{Municipality}}'), ' v interesno skupino mest projekta GrowSmarter.'),
      p(
        'Vaša prijava ima številko ',
        b('{{ApplicationId}}'),
        '. Izbor udeležencev ekskurzij bo pripravil sekretariat SOS ob upoštevanju vsebine prijave.',
      ),
      p('Rok za prijave: {{Deadline}}.'),
      p('Lep pozdrav,'),
      p('{{SenderName}}'),
    ],
  },
  incomplete: {
    subject: 'Prijava ni popolna: {{Municipality}} ({{ApplicationId}})',
    blocks: [
      p('Spoštovani {{ContactName}},'),
      p('prijava občine ', b('{{Municipality}}'), ' je prispela, vendar ni popolna:'),
      li('{{Issues}}'),
      p('Prosimo, da obrazec oddate znova do ', b('{{Deadline}}'), '. Upoštevana bo zadnja prijava.'),
      p('Lep pozdrav,'),
      p('{{SenderName}}'),
    ],
  },
  accepted: {
    subject: 'Ekskurzija {{ExcursionCity}}: potrjeno mesto za {{Municipality}}',
    blocks: [
      h('Potrditev udeležbe'),
      p('Spoštovani {{ContactName}},'),
      p(
        'z veseljem sporočamo, da ima občina ',
        b('{{Municipality}}'),
        ' na ekskurziji ',
        b('{{ExcursionCity}}'),
        ' ({{ExcursionDates}}) zagotovljenih mest: ',
        b('{{PlacesGranted}}'),
        '.',
      ),
      p('Ekskurzija je brezplačna. Prosimo, da udeležbo potrdite z odgovorom na to sporočilo.'),
      p('Lep pozdrav,'),
      p('{{SenderName}}'),
    ],
  },
  waitlisted: {
    subject: 'Ekskurzija {{ExcursionCity}}: čakalni seznam',
    blocks: [
      p('Spoštovani {{ContactName}},'),
      p(
        'vsa mesta na ekskurziji ',
        b('{{ExcursionCity}}'),
        ' ({{ExcursionDates}}) so zasedena. Občina {{Municipality}} je na čakalnem seznamu na ',
        b('{{WaitlistPosition}}'),
        '. mestu.',
      ),
      p('Če se mesto sprosti, vas bomo obvestili.'),
      p('Lep pozdrav,'),
      p('{{SenderName}}'),
    ],
  },
  not_selected: {
    subject: 'Ekskurzija {{ExcursionCity}}: obvestilo o izboru',
    blocks: [
      p('Spoštovani {{ContactName}},'),
      p('žal občina {{Municipality}} tokrat ni bila izbrana za ekskurzijo {{ExcursionCity}} ({{ExcursionDates}}).'),
      p('Izsledke ekskurzij bomo delili z vsemi občinami prek SOS.'),
      p('Lep pozdrav,'),
      p('{{SenderName}}'),
    ],
  },
  promoted: {
    subject: 'Ekskurzija {{ExcursionCity}}: sprostilo se je mesto',
    blocks: [
      p('Spoštovani {{ContactName}},'),
      p(
        'na ekskurziji ',
        b('{{ExcursionCity}}'),
        ' ({{ExcursionDates}}) se je sprostilo mesto. Občina {{Municipality}} ima zdaj zagotovljenih mest: ',
        b('{{PlacesGranted}}'),
        '.',
      ),
      p('Prosimo, da udeležbo potrdite z odgovorom na to sporočilo.'),
      p('Lep pozdrav,'),
      p('{{SenderName}}'),
    ],
  },
};

const en: Record<NoticeType, TemplateText> = {
  received: {
    subject: 'Application received: {{Municipality}} ({{ApplicationId}})',
    blocks: [
      p('Dear {{ContactName}},'),
      p('thank you for the application of ', b('{{Municipality}}'), ' to the GrowSmarter city interest group.'),
      p(
        'Your application number is ',
        b('{{ApplicationId}}'),
        '. The SOS secretariat selects the participants of the excursions, taking into account the content of the application.',
      ),
      p('Applications close on {{Deadline}}.'),
      p('Kind regards,'),
      p('{{SenderName}}'),
    ],
  },
  incomplete: {
    subject: 'Application incomplete: {{Municipality}} ({{ApplicationId}})',
    blocks: [
      p('Dear {{ContactName}},'),
      p('the application of ', b('{{Municipality}}'), ' has arrived but is not complete:'),
      li('{{Issues}}'),
      p('Please submit the form again by ', b('{{Deadline}}'), '. The latest application counts.'),
      p('Kind regards,'),
      p('{{SenderName}}'),
    ],
  },
  accepted: {
    subject: 'Excursion to {{ExcursionCity}}: place confirmed for {{Municipality}}',
    blocks: [
      h('Confirmation of participation'),
      p('Dear {{ContactName}},'),
      p(
        'we are glad to tell you that ',
        b('{{Municipality}}'),
        ' has ',
        b('{{PlacesGranted}}'),
        ' place(s) on the excursion to ',
        b('{{ExcursionCity}}'),
        ' ({{ExcursionDates}}).',
      ),
      p('The excursion is free of charge. Please confirm your participation by replying to this message.'),
      p('Kind regards,'),
      p('{{SenderName}}'),
    ],
  },
  waitlisted: {
    subject: 'Excursion to {{ExcursionCity}}: waiting list',
    blocks: [
      p('Dear {{ContactName}},'),
      p(
        'all places on the excursion to ',
        b('{{ExcursionCity}}'),
        ' ({{ExcursionDates}}) are taken. {{Municipality}} is number ',
        b('{{WaitlistPosition}}'),
        ' on the waiting list.',
      ),
      p('We will let you know if a place becomes free.'),
      p('Kind regards,'),
      p('{{SenderName}}'),
    ],
  },
  not_selected: {
    subject: 'Excursion to {{ExcursionCity}}: selection result',
    blocks: [
      p('Dear {{ContactName}},'),
      p(
        'we are sorry that {{Municipality}} was not selected for the excursion to {{ExcursionCity}} ({{ExcursionDates}}) this time.',
      ),
      p('What the excursions teach will be shared with all municipalities through SOS.'),
      p('Kind regards,'),
      p('{{SenderName}}'),
    ],
  },
  promoted: {
    subject: 'Excursion to {{ExcursionCity}}: a place is free for you',
    blocks: [
      p('Dear {{ContactName}},'),
      p(
        'a place has become free on the excursion to ',
        b('{{ExcursionCity}}'),
        ' ({{ExcursionDates}}). {{Municipality}} now has ',
        b('{{PlacesGranted}}'),
        ' place(s).',
      ),
      p('Please confirm your participation by replying to this message.'),
      p('Kind regards,'),
      p('{{SenderName}}'),
    ],
  },
};

/** The default template of a notice type in a language. */
export function defaultTemplate(type: NoticeType, lang: Language): TemplateText {
  return (lang === 'sl' ? sl : en)[type];
}
