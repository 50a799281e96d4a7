/**
 * Issue 14 item 1: every default template of both languages, merged with the values the wording
 * module gives for edge cases (1, 2, 3, 5 and 21 places; dates within a month, across months,
 * across years; a municipality, a city municipality, a name typed with its own "Občina"), compared
 * with whole sentences written by hand.
 */
import { type Block, defaultTemplate, type TemplateText } from '../../src/core/default-templates';
import { LANGUAGES, type Language } from '../../src/core/i18n';
import { cityName, type Day, municipalityName, places, proseDay, proseDays } from '../../src/core/letter-words';
import { type DocBlock, type Placeholder, parseTemplate, renderNotice } from '../../src/core/templates';
import { NOTICE_TYPES, type NoticeType } from '../../src/core/vocabulary';

/** A default template as the Doc adapter reads it back. */
function toDocBlocks(text: TemplateText): DocBlock[] {
  const block = (b: Block): DocBlock => {
    const runs = b.inlines.map((i) => ({ text: i.text, bold: i.bold, italic: i.italic, link: i.link ?? null }));
    if (b.kind === 'heading') return { kind: 'heading', level: 2, runs };
    if (b.kind === 'bullet') return { kind: 'listItem', ordered: false, nesting: 0, runs };
    return { kind: 'paragraph', runs };
  };
  return [{ kind: 'paragraph', runs: [{ text: `Subject: ${text.subject}` }] }, ...text.blocks.map(block)];
}

const day = (year: number, month: number, d: number): Day => ({ year, month, day: d });
const WITHIN = [day(2017, 4, 25), day(2017, 4, 27)] as const;
const ACROSS_MONTHS = [day(2017, 4, 30), day(2017, 5, 2)] as const;
const ACROSS_YEARS = [day(2017, 12, 30), day(2018, 1, 2)] as const;

interface Case {
  municipality?: string;
  urban?: boolean;
  city?: string;
  dates?: readonly [Day, Day];
  places?: number;
}

/** The merge values as sending builds them, from the wording module. */
function values(lang: Language, c: Case = {}): Record<Placeholder, string> {
  const [from, to] = c.dates ?? WITHIN;
  return {
    Municipality: municipalityName(lang, c.municipality ?? 'Celje', c.urban ?? true),
    ContactName: 'Tina Krajnc',
    ApplicationId: 'APP-0007',
    ExcursionCity: cityName(lang, c.city ?? 'Cologne'),
    ExcursionDates: proseDays(lang, from, to),
    ExcursionLabel: 'Cologne, 25–27 April 2017',
    PlacesGranted: places(lang, c.places ?? 2),
    WaitlistPosition: '3',
    Issues: lang === 'sl' ? 'Manjka e-poštni naslov.' : 'The e-mail address is missing.',
    Deadline: proseDay(lang, day(2017, 2, 22)),
    SenderName: 'Skupnost občin Slovenije',
    ReplyLink: 'https://docs.google.com/forms/d/e/REPLY/viewform',
    ReplyBy: proseDay(lang, day(2017, 3, 10)),
    FormLink: 'https://docs.google.com/forms/d/e/FORM/viewform',
    Changes: '',
    Excursions:
      lang === 'sl' ? 'Köln, 25.–27. aprila 2017\nStockholm, 10.–12. oktobra 2017' : 'Cologne, 25–27 April 2017',
    ReplyTo: 'growsmarter@sos.example',
    NextStep: 'Do takrat vam ni treba storiti ničesar.',
  };
}

function letter(type: NoticeType, lang: Language, c: Case = {}) {
  const { template, problems } = parseTemplate(toDocBlocks(defaultTemplate(type, lang)));
  expect(problems).toEqual([]);
  const notice = renderNotice(template, values(lang, c));
  return { subject: notice.subject, paragraphs: notice.text.split(/\n+/) };
}

describe('places agree with their number in the offer', () => {
  const sl = (n: string) =>
    `z veseljem vam sporočamo, da vam na študijski ekskurziji (Köln, 25.–27. aprila 2017) ponujamo ${n}. Ponudba je dana na podlagi prijave APP-0007, ki jo je oddala Mestna občina Celje. Udeležba je brezplačna.`;
  it.each([
    [1, sl('1 mesto')],
    [2, sl('2 mesti')],
    [3, sl('3 mesta')],
    [5, sl('5 mest')],
    [21, sl('21 mest')],
  ])('sl accepted, %i places', (n, sentence) => {
    expect(letter('accepted', 'sl', { places: n }).paragraphs).toContain(sentence);
  });

  it.each([
    [
      1,
      'na študijski ekskurziji (Köln, 25.–27. aprila 2017) smo vam ponudili 1 mesto, vašega odgovora pa še nismo prejeli.',
    ],
    [
      2,
      'na študijski ekskurziji (Köln, 25.–27. aprila 2017) smo vam ponudili 2 mesti, vašega odgovora pa še nismo prejeli.',
    ],
    [
      3,
      'na študijski ekskurziji (Köln, 25.–27. aprila 2017) smo vam ponudili 3 mesta, vašega odgovora pa še nismo prejeli.',
    ],
    [
      5,
      'na študijski ekskurziji (Köln, 25.–27. aprila 2017) smo vam ponudili 5 mest, vašega odgovora pa še nismo prejeli.',
    ],
    [
      21,
      'na študijski ekskurziji (Köln, 25.–27. aprila 2017) smo vam ponudili 21 mest, vašega odgovora pa še nismo prejeli.',
    ],
  ])('sl reminder, %i places', (n, sentence) => {
    expect(letter('reminder', 'sl', { places: n }).paragraphs).toContain(sentence);
  });

  it.each([
    [1, '1 place'],
    [2, '2 places'],
    [3, '3 places'],
    [5, '5 places'],
    [21, '21 places'],
  ])('en accepted and promoted, %i places', (n, words) => {
    expect(letter('accepted', 'en', { places: n }).paragraphs).toContain(
      `We are glad to offer you ${words} on the study excursion to Cologne (25–27 April 2017), for application APP-0007 of the City Municipality of Celje. Taking part is free of charge.`,
    );
    expect(letter('promoted', 'en', { places: n }).paragraphs).toContain(
      `On the study excursion to Cologne (25–27 April 2017), which you ranked higher in your application, we can now offer you ${words}.`,
    );
  });
});

describe('subjects name the excursion with its dates in prose', () => {
  it.each([
    [WITHIN, 'Ponudba mest na ekskurziji: Köln, 25.–27. aprila 2017 (Mestna občina Celje)'],
    [ACROSS_MONTHS, 'Ponudba mest na ekskurziji: Köln, 30. aprila – 2. maja 2017 (Mestna občina Celje)'],
    [ACROSS_YEARS, 'Ponudba mest na ekskurziji: Köln, 30. decembra 2017 – 2. januarja 2018 (Mestna občina Celje)'],
  ])('sl accepted %#', (dates, subject) => {
    expect(letter('accepted', 'sl', { dates }).subject).toBe(subject);
  });

  it.each([
    [WITHIN, 'Excursion to Cologne, 25–27 April 2017: waiting list'],
    [ACROSS_MONTHS, 'Excursion to Cologne, 30 April – 2 May 2017: waiting list'],
    [ACROSS_YEARS, 'Excursion to Cologne, 30 December 2017 – 2 January 2018: waiting list'],
  ])('en waitlisted %#', (dates, subject) => {
    expect(letter('waitlisted', 'en', { dates }).subject).toBe(subject);
  });

  it('every Slovenian subject of an excursion, written out', () => {
    const subjects = Object.fromEntries(
      (['waitlisted', 'not_selected', 'promoted', 'changed', 'reminder', 'lapsed', 'reply'] as const).map((t) => [
        t,
        letter(t, 'sl', { municipality: 'Kobilje', urban: false, city: 'Barcelona', dates: ACROSS_MONTHS }).subject,
      ]),
    );
    expect(subjects).toEqual({
      waitlisted: 'Čakalni seznam za ekskurzijo: Barcelona, 30. aprila – 2. maja 2017 (Občina Kobilje)',
      not_selected: 'Izid izbora za ekskurzijo: Barcelona, 30. aprila – 2. maja 2017 (Občina Kobilje)',
      promoted: 'Nova ponudba mest na ekskurziji: Barcelona, 30. aprila – 2. maja 2017 (Občina Kobilje)',
      changed: 'Sprememba ponudbe na ekskurziji: Barcelona, 30. aprila – 2. maja 2017 (Občina Kobilje)',
      reminder: 'Opomnik: prosimo za odgovor do 10. marca 2017 (ekskurzija: Barcelona, 30. aprila – 2. maja 2017)',
      lapsed: 'Potekla ponudba mest na ekskurziji: Barcelona, 30. aprila – 2. maja 2017',
      reply: 'Prejeli smo vaš odgovor glede ekskurzije: Barcelona, 30. aprila – 2. maja 2017',
    });
  });
});

describe('the municipality as the register names it, in a sentence where its case is right', () => {
  it.each([
    ['Kobilje', false, 'hvala za prijavo, ki jo je Občina Kobilje oddala'],
    ['Celje', true, 'hvala za prijavo, ki jo je Mestna občina Celje oddala'],
    ['Občina Nekje', false, 'hvala za prijavo, ki jo je Občina Nekje oddala'],
  ] as const)('sl received: %s', (municipality, urban, start) => {
    const { subject, paragraphs } = letter('received', 'sl', { municipality, urban });
    expect(paragraphs[1]).toBe(
      `${start} v interesno skupino mest projekta GrowSmarter. Prijava ima številko APP-0007; prosimo, da jo navedete v nadaljnji korespondenci.`,
    );
    expect(subject).toBe(
      `Prijava prejeta: ${start.slice('hvala za prijavo, ki jo je '.length, -' oddala'.length)} (APP-0007)`,
    );
  });

  it('sl waitlisted: the municipality is the subject of its sentence', () => {
    expect(letter('waitlisted', 'sl', { municipality: 'Kobilje', urban: false }).paragraphs).toContain(
      'vsa mesta na študijski ekskurziji (Köln, 25.–27. aprila 2017) smo ponudili drugim občinam. Občina Kobilje je na čakalnem seznamu na 3. mestu.',
    );
  });

  it('en: the Municipality of Kobilje, the City Municipality of Celje', () => {
    expect(letter('received', 'en', { municipality: 'Kobilje', urban: false }).paragraphs[1]).toBe(
      'Thank you for the application of the Municipality of Kobilje to the GrowSmarter city interest group. Its number is APP-0007; please quote it in any further correspondence.',
    );
    expect(letter('late', 'en').paragraphs[1]).toBe(
      'The application of the City Municipality of Celje arrived after the closing date, 22 February 2017, so it cannot take part in the regular selection of participants.',
    );
  });
});

describe('the call', () => {
  it('sl invitation: the interest group, the excursions, free, English, smaller municipalities, the deadline and the link', () => {
    const { subject, paragraphs } = letter('invitation', 'sl', { municipality: 'Kobilje', urban: false });
    expect(subject).toBe('Vabilo v interesno skupino mest projekta GrowSmarter in na brezplačne študijske ekskurzije');
    expect(paragraphs).toEqual([
      'Spoštovane, spoštovani,',
      'vabimo vas, da se Občina Kobilje pridruži interesni skupini mest projekta GrowSmarter, ki ga financira program Obzorje 2020.',
      'V projektu mesta svetilniki Stockholm, Köln in Barcelona v praksi preizkušajo pametne rešitve za nizkoenergijske mestne četrti, povezano infrastrukturo in trajnostno mestno mobilnost. Člani interesne skupine te rešitve spoznajo od blizu in si izmenjujejo izkušnje.',
      'Za člane interesne skupine pripravljamo študijske ekskurzije:',
      '- Köln, 25.–27. aprila 2017',
      '- Stockholm, 10.–12. oktobra 2017',
      'Udeležba na ekskurzijah je brezplačna. Število mest je lahko omejeno; udeležence izbere sekretariat ob upoštevanju vsebine prijav.',
      'Pogoj za udeležbo je aktivno znanje angleškega jezika. Prijave manjših občin so še posebej dobrodošle.',
      'Izkušnje z ekskurzij bomo delili z vsemi občinami.',
      'Prijavo oddajte do 22. februarja 2017 prek spletnega obrazca na spodnji povezavi, na kateri je ime vaše občine že vpisano:',
      'https://docs.google.com/forms/d/e/FORM/viewform',
      'Za vprašanja smo vam na voljo v odgovoru na to sporočilo.',
      'Lep pozdrav,',
      'Skupnost občin Slovenije',
      'growsmarter@sos.example',
    ]);
  });

  it('sl call reminder: the deadline is near, the link again, ignore it if already sent', () => {
    const { subject, paragraphs } = letter('call_reminder', 'sl', { municipality: 'Celje', urban: true });
    expect(subject).toBe('Opomnik: rok za prijavo na študijske ekskurzije GrowSmarter se izteče 22. februarja 2017');
    expect(paragraphs[1]).toBe(
      'rok za prijavo v interesno skupino mest projekta GrowSmarter in na brezplačne študijske ekskurzije se izteče 22. februarja 2017. Prijave vaše občine (Mestna občina Celje) še nismo prejeli.',
    );
    expect(paragraphs).toContain('https://docs.google.com/forms/d/e/FORM/viewform');
    expect(paragraphs).toContain('Če ste prijavo medtem že oddali, vas prosimo, da to sporočilo prezrete.');
  });

  it('en invitation and reminder: the same, in plain English', () => {
    const invitation = letter('invitation', 'en', { municipality: 'Kobilje', urban: false }).paragraphs;
    expect(invitation[1]).toBe(
      'We invite the Municipality of Kobilje to join the city interest group of GrowSmarter, a smart-city project funded by the Horizon 2020 programme.',
    );
    expect(invitation).toContain('- Cologne, 25–27 April 2017');
    expect(invitation).toContain(
      'Active English is a condition of taking part. Applications from smaller municipalities are especially welcome.',
    );
    expect(letter('call_reminder', 'en').subject).toBe(
      'Reminder: applications for the GrowSmarter study excursions close on 22 February 2017',
    );
  });
});

describe('what no default template may say', () => {
  const all = NOTICE_TYPES.flatMap((type) => LANGUAGES.map((lang) => ({ type, lang, t: defaultTemplate(type, lang) })));
  const words = ({ t }: { t: TemplateText }) =>
    [t.subject, ...t.blocks.map((b) => b.inlines.map((i) => i.text).join(''))].join('\n');

  it('no "place(s)", no seats, no "What the excursions teach"', () => {
    for (const x of all) {
      expect([x.type, x.lang, /place\(s\)|mest\(a\)|seat|sedež/i.test(words(x))]).toEqual([x.type, x.lang, false]);
      expect([x.type, x.lang, words(x).includes('What the excursions teach')]).toEqual([x.type, x.lang, false]);
    }
  });

  it('Slovenian: the formal plural greeting, never "Spoštovani" with a name; the municipality never after a word that would decline it', () => {
    for (const x of all.filter((a) => a.lang === 'sl')) {
      const text = words(x);
      expect([x.type, text.includes('Spoštovane, spoštovani,')]).toEqual([x.type, true]);
      expect([x.type, /Spoštovan[ia]\s*\{\{/.test(text)]).toEqual([x.type, false]);
      // "občina {{Municipality}}" would write "občina Občina Kobilje"; "za/pri/občini {{Municipality}}" a wrong case.
      expect([x.type, /(občin\w*|za|pri|v|od|do|z|s|o|k|h)\s+\*?\{\{Municipality\}\}/i.test(text)]).toEqual([
        x.type,
        false,
      ]);
      // A city is named only as a label with its dates, never declined by a preposition.
      expect([x.type, /\b(v|iz|na)\s+\{\{ExcursionCity\}\}/.test(text)]).toEqual([x.type, false]);
    }
  });

  it('every merged count is a whole phrase from the wording module: no template spells a noun after {{PlacesGranted}}', () => {
    for (const x of all)
      expect([x.type, x.lang, /\{\{PlacesGranted\}\}\s*(mest|place)/i.test(words(x))]).toEqual([x.type, x.lang, false]);
  });
});
