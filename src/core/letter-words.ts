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
          ? `Ponudba na tej ekskurziji (${places(lang, c.before)}) je umaknjena: mest vam ne moremo več zagotoviti.`
          : `The offer on this excursion (${places(lang, c.before)}) has been withdrawn: we can no longer give you these places.`;
        const next =
          c.waitlistPosition !== null
            ? sl
              ? `Občina je zdaj na čakalnem seznamu, na ${c.waitlistPosition}. mestu. Če se mesto sprosti, vam ga ponudimo in vam damo rok za odgovor.`
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
      const held = c.held.map((h) => `${h.label} (${places(lang, h.places)})`).join(sl ? ' in ' : ' and ');
      return sl
        ? `Mesto, ki ga imate na ekskurziji ${held}, vam ostane, dokler ne odgovorite. Če to ponudbo potrdite, se tisto mesto sprosti za druge občine; če jo odklonite ali ne odgovorite pravočasno, ga obdržite.`
        : `The place you hold on the excursion ${held} stays yours until you answer. If you confirm this offer, that place is released to others; if you decline it, or do not answer in time, you keep it.`;
    }
    case 'reply': {
      if (c.answer === 'Declined')
        return sl
          ? 'Zabeležili smo, da se občina te ekskurzije ne bo udeležila. Mesta bomo ponudili občinam na čakalnem seznamu.'
          : 'We have recorded that you will not take part in this excursion. The places will be offered to the municipalities on the waiting list.';
      const head = sl
        ? `Zabeležili smo, da občina potrjuje udeležbo (${places(lang, c.places)}).`
        : `We have recorded that you confirm your participation (${places(lang, c.places)}).`;
      const names =
        c.delegates.length > 0
          ? `${sl ? 'Delegati, kot ste jih navedli:' : 'Your delegates, as you named them:'}\n${c.delegates.map((d) => `– ${d}`).join('\n')}`
          : sl
            ? 'Imen delegatov niste navedli: prosimo, pošljite jih z odgovorom na to sporočilo.'
            : 'You named no delegates: please send their names and positions in reply to this message.';
      return `${head}\n${names}`;
    }
  }
}
