/**
 * Words of the letters that depend on a number, a date or a change (SPEC section 7): "2 mesti",
 * "25.–27. aprila 2017", and `{{Changes}}`. In the letter's language, not the staff's.
 */
import type { Language } from './i18n';

/** A calendar day in the spreadsheet's zone. */
export interface Day {
  year: number;
  month: number; // 1..12
  day: number;
}

const SL_MONTHS = [
  'januarja',
  'februarja',
  'marca',
  'aprila',
  'maja',
  'junija',
  'julija',
  'avgusta',
  'septembra',
  'oktobra',
  'novembra',
  'decembra',
];
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** One day as prose: `22. februarja 2017`, `22 February 2017`. */
export function proseDay(lang: Language, d: Day): string {
  return lang === 'sl'
    ? `${d.day}. ${SL_MONTHS[d.month - 1]} ${d.year}`
    : `${d.day} ${EN_MONTHS[d.month - 1]} ${d.year}`;
}

/** A span of days as prose: `25.–27. aprila 2017`, `30. aprila – 2. maja 2017`; one day when they are equal. */
export function proseDays(lang: Language, from: Day, to: Day | null): string {
  if (!to || (to.year === from.year && to.month === from.month && to.day === from.day)) return proseDay(lang, from);
  if (from.year === to.year && from.month === to.month) {
    return lang === 'sl' ? `${from.day}.–${proseDay(lang, to)}` : `${from.day}–${proseDay(lang, to)}`;
  }
  if (from.year === to.year) {
    const head =
      lang === 'sl' ? `${from.day}. ${SL_MONTHS[from.month - 1]}` : `${from.day} ${EN_MONTHS[from.month - 1]}`;
    return `${head} – ${proseDay(lang, to)}`;
  }
  return `${proseDay(lang, from)} – ${proseDay(lang, to)}`;
}

/** A number of places with the noun in its grammatical number: `1 mesto, 2 mesti, 3 mesta, 5 mest`; `1 place, 2 places`. */
export function places(lang: Language, n: number): string {
  if (lang === 'en') return `${n} ${n === 1 ? 'place' : 'places'}`;
  const h = Math.abs(n) % 100;
  const noun = h === 1 ? 'mesto' : h === 2 ? 'mesti' : h === 3 || h === 4 ? 'mesta' : 'mest';
  return `${n} ${noun}`;
}

/** What `{{Changes}}` words, by the notice it goes in. */
export type Change =
  /** `changed`: the places of an offer went from `before` to `now` (`now` 0: withdrawn). */
  | {
      kind: 'places';
      before: number;
      now: number;
      /** The row's waitlist position where the withdrawn applicant waits now. */
      waitlistPosition: number | null;
      /** The applicant confirmed already: nothing more to answer. */
      confirmed: boolean;
      replyBy: string;
      replyLink: string;
    }
  /** `promoted`: the lower places it holds until it answers (none: it held nothing). */
  | { kind: 'promoted'; held: { label: string; places: number }[] }
  /** `reply`: what was recorded. */
  | { kind: 'reply'; answer: 'Confirmed' | 'Declined'; places: number; delegates: string[] };

/** `{{Changes}}` in words, lines joined by `\n`. */
export function describeChange(lang: Language, c: Change): string {
  const sl = lang === 'sl';
  switch (c.kind) {
    case 'places': {
      if (c.now === 0) {
        const first = sl
          ? `Ponudbo na tej ekskurziji (${places(lang, c.before)}) smo morali umakniti; žal je ne moremo ohraniti.`
          : `The offer on this excursion (${places(lang, c.before)}) has been withdrawn; we are sorry that we cannot keep it.`;
        const next =
          c.waitlistPosition !== null
            ? sl
              ? `Vaša občina je zdaj na čakalnem seznamu, na ${c.waitlistPosition}. mestu. Če se mesto sprosti, vam ga ponudimo in vam damo rok za odgovor.`
              : `You are now number ${c.waitlistPosition} on the waiting list. If a place becomes free, we will offer it to you with a date to answer by.`
            : sl
              ? 'Ničesar vam ni treba storiti.'
              : 'There is nothing you need to do.';
        return `${first}\n${next}`;
      }
      const first = sl
        ? `Število mest na tej ekskurziji se je spremenilo: prej ${places(lang, c.before)}, zdaj ${places(lang, c.now)}.`
        : `The number of places on this excursion has changed: it was ${places(lang, c.before)}, it is now ${places(lang, c.now)}.`;
      if (c.confirmed)
        return `${first}\n${
          sl
            ? 'Vaša potrditev velja za novo število mest. Če morate zaradi tega spremeniti seznam delegatov, odgovorite na to sporočilo.'
            : 'Your confirmation stands for the new number of places. If your list of delegates must change because of it, reply to this message.'
        }`;
      const link = c.replyLink
        ? sl
          ? ` prek osebne povezave: ${c.replyLink}`
          : ` through your personal link: ${c.replyLink}`
        : '';
      const by = c.replyBy ? (sl ? ` do ${c.replyBy}` : ` by ${c.replyBy}`) : '';
      return `${first}\n${
        sl
          ? `Prosimo, da ponudbo potrdite ali odklonite${by}${link}`
          : `Please confirm or decline the offer${by}${link}`
      }`;
    }
    case 'promoted': {
      if (c.held.length === 0) return '';
      const held = c.held.map((h) => `${h.label}, ${places(lang, h.places)}`).join('; ');
      // The held offers are listed after a colon, in the nominative, so that no city and no count
      // has to agree with a verb; the words around them agree with how many offers there are.
      const k = c.held.length;
      if (!sl)
        return k === 1
          ? `Until you answer, you also keep the offer you hold now: ${held}. If you confirm the new offer, the one you hold now passes to other municipalities; if you decline it, or do not answer in time, you keep it.`
          : `Until you answer, you also keep the offers you hold now: ${held}. If you confirm the new offer, the ones you hold now pass to other municipalities; if you decline it, or do not answer in time, you keep them.`;
      const [keeps, them, yours] =
        k === 1
          ? ['vam ostane tudi dosedanja ponudba', 'dosedanjo', 'dosedanja ponudba ostane vaša']
          : k === 2
            ? ['vam ostaneta tudi dosedanji ponudbi', 'dosedanji', 'dosedanji ponudbi ostaneta vaši']
            : ['vam ostanejo tudi dosedanje ponudbe', 'dosedanje', 'dosedanje ponudbe ostanejo vaše'];
      return `Do vašega odgovora ${keeps}: ${held}. Če novo ponudbo potrdite, ${them} prepustimo drugim občinam; če jo odklonite ali nanjo ne odgovorite pravočasno, ${yours}.`;
    }
    case 'reply': {
      if (c.answer === 'Declined')
        return sl
          ? 'Zabeležili smo, da se vaša občina te ekskurzije ne bo udeležila. Ponudbo bomo prenesli na občine na čakalnem seznamu.'
          : 'We have recorded that you will not take part in this excursion. The offer will pass to the municipalities on the waiting list.';
      const head = sl
        ? `Zabeležili smo, da vaša občina potrjuje udeležbo (${places(lang, c.places)}).`
        : `We have recorded that you confirm your participation (${places(lang, c.places)}).`;
      const names =
        c.delegates.length > 0
          ? `${delegatesNamed(lang, c.delegates.length)}\n${c.delegates.map((d) => `– ${d}`).join('\n')}`
          : sl
            ? 'Imen delegatov niste navedli: prosimo, pošljite jih z odgovorom na to sporočilo.'
            : 'You named no delegates: please send their names and positions in reply to this message.';
      return `${head}\n${names}`;
    }
  }
}

/** A number of delegates, the noun in its grammatical number: `1 delegat, 2 delegata, 3 delegati, 5 delegatov`; `1 delegate, 2 delegates`. */
export function delegates(lang: Language, n: number): string {
  if (lang === 'en') return `${n} ${n === 1 ? 'delegate' : 'delegates'}`;
  const h = Math.abs(n) % 100;
  const noun = h === 1 ? 'delegat' : h === 2 ? 'delegata' : h === 3 || h === 4 ? 'delegati' : 'delegatov';
  return `${n} ${noun}`;
}

/** The grammatical cases the letters use. */
export type GrammaticalCase = 'nominative' | 'genitive' | 'dative' | 'accusative' | 'locative' | 'instrumental';

const OBCINA: Record<GrammaticalCase, string> = {
  nominative: 'Občina',
  genitive: 'Občine',
  dative: 'Občini',
  accusative: 'Občino',
  locative: 'Občini',
  instrumental: 'Občino',
};
const MESTNA_OBCINA: Record<GrammaticalCase, string> = {
  nominative: 'Mestna občina',
  genitive: 'Mestne občine',
  dative: 'Mestni občini',
  accusative: 'Mestno občino',
  locative: 'Mestni občini',
  instrumental: 'Mestno občino',
};

/**
 * A municipality as the register names it, in `grammaticalCase`: `Občina Kobilje`, `Občine
 * Kobilje`; `Mestna občina Celje`, `Mestne občine Celje` (`urban`: the Municipalities sheet's
 * `Urban`); in English `Municipality of Kobilje`, `City Municipality of Celje`. `name` is the
 * register's bare name, or a name as the applicant typed it: one that already begins with
 * `Občina`/`Mestna občina` (or `Municipality of`) is not prefixed again, only declined. Only the
 * words "(Mestna) občina" decline: in an official name the place name stays as it is ("župan
 * Mestne občine Celje"). Capitalised, as the name of the institution that applies.
 */
export function municipalityName(
  lang: Language,
  name: string,
  urban: boolean,
  grammaticalCase: GrammaticalCase = 'nominative',
): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed === '') return '';
  const typed =
    /^(mestna\s+ob[cč]ina|mestne\s+ob[cč]ine|city\s+municipality\s+of)\s+(.+)$/i.exec(trimmed) ??
    /^(ob[cč]ina|ob[cč]ine|municipality\s+of)\s+(.+)$/i.exec(trimmed);
  const isUrban = typed ? /^(mestn|city)/i.test(typed[1]) : urban;
  const bare = typed ? typed[2] : trimmed;
  if (lang === 'en') {
    // A name typed with an English word of its own ("Nekje municipality") is left as it was typed.
    if (!typed && /\bmunicipality\b/i.test(trimmed)) return trimmed;
    return `${isUrban ? 'City Municipality of' : 'Municipality of'} ${bare}`;
  }
  return `${(isUrban ? MESTNA_OBCINA : OBCINA)[grammaticalCase]} ${bare}`;
}

/**
 * Cities the letters know how to name and decline in Slovenian (the sample call's three), by the
 * spellings staff may type. Any other city is never declined by guess: the texts name it in the
 * nominative, as a label ("ekskurzija: Dunaj, 3.–5. maja 2018"), which is always correct.
 */
const CITIES: readonly { spellings: readonly string[]; sl: string; to: string; in: string; en: string }[] = [
  { spellings: ['köln', 'koln', 'koeln', 'cologne'], sl: 'Köln', to: 'v Köln', in: 'v Kölnu', en: 'Cologne' },
  { spellings: ['stockholm'], sl: 'Stockholm', to: 'v Stockholm', in: 'v Stockholmu', en: 'Stockholm' },
  { spellings: ['barcelona'], sl: 'Barcelona', to: 'v Barcelono', in: 'v Barceloni', en: 'Barcelona' },
];

function knownCity(city: string) {
  const key = city.trim().toLowerCase();
  return CITIES.find((c) => c.spellings.includes(key)) ?? null;
}

/** A city as the letter's language names it: `Köln` in Slovenian, `Cologne` in English; an unknown city as typed. */
export function cityName(lang: Language, city: string): string {
  const known = knownCity(city);
  return known ? (lang === 'sl' ? known.sl : known.en) : city.trim();
}

/**
 * The city with its preposition, `to` (direction: `v Köln`, `v Barcelono`; `to Cologne`) or `in`
 * (location: `v Kölnu`, `v Barceloni`; `in Cologne`). Null in Slovenian for a city it does not know:
 * the caller then builds its sentence with the name in the nominative.
 */
export function cityPhrase(lang: Language, city: string, where: 'to' | 'in'): string | null {
  const known = knownCity(city);
  if (lang === 'en') return `${where} ${known ? known.en : city.trim()}`;
  return known ? known[where] : null;
}

/** One excursion as a line of a letter: `Köln, 25.–27. aprila 2017`; `Cologne, 25–27 April 2017`. */
export function excursionLine(lang: Language, e: { city: string; start: Day | null; end?: Day | null }): string {
  const city = cityName(lang, e.city);
  return e.start ? `${city}, ${proseDays(lang, e.start, e.end ?? null)}` : city;
}

/** The line before the delegates a reply named, agreeing with how many: `Delegat, kot ste ga navedli:`, `Delegata, kot ste ju navedli:`. */
export function delegatesNamed(lang: Language, n: number): string {
  if (lang === 'en') return n === 1 ? 'The delegate you named:' : 'The delegates you named:';
  const h = Math.abs(n) % 100;
  return h === 1
    ? 'Delegat, kot ste ga navedli:'
    : h === 2
      ? 'Delegata, kot ste ju navedli:'
      : 'Delegati, kot ste jih navedli:';
}

/**
 * `{{NextStep}}` of the `received` letter: with the application attached (`attachApplicationPdf`),
 * the request to sign, stamp and return it by the deadline; otherwise that nothing is needed yet.
 */
export function receivedNextStep(lang: Language, attached: boolean, deadline: string): string {
  const by = deadline ? (lang === 'sl' ? ` do ${deadline}` : ` by ${deadline}`) : '';
  if (lang === 'sl')
    return attached
      ? `V prilogi vam pošiljamo prijavo, kot ste jo oddali. Prosimo, da jo natisnete, podpišete, žigosate in nam jo vrnete${by} (skenirano v odgovoru na to sporočilo ali po pošti). Drugega vam do obvestila o izidu ni treba storiti.`
      : 'Do takrat vam ni treba storiti ničesar.';
  return attached
    ? `Attached is your application as you submitted it. Please print it, sign and stamp it, and send it back to us${by} (scanned, in reply to this message, or by post). Until we tell you the result there is nothing else you need to do.`
    : 'Until then there is nothing you need to do.';
}
