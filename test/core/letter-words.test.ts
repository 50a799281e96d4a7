/**
 * Issue 14 item 1: the one wording module of the letters, checked against sentences written by
 * hand (Slovenian number, case and prose dates; English plurals).
 */
import {
  cityName,
  cityPhrase,
  delegates,
  delegatesNamed,
  excursionLine,
  municipalityName,
  places,
  proseDay,
  proseDays,
} from '../../src/core/letter-words';

const day = (year: number, month: number, d: number) => ({ year, month, day: d });

describe('places: the noun agrees with the number', () => {
  it('Slovenian: 1 mesto, 2 mesti, 3 and 4 mesta, 5 and more mest, by the last two digits', () => {
    expect([1, 2, 3, 4, 5, 21, 101, 102, 104, 111, 112].map((n) => places('sl', n))).toEqual([
      '1 mesto',
      '2 mesti',
      '3 mesta',
      '4 mesta',
      '5 mest',
      '21 mest',
      '101 mesto',
      '102 mesti',
      '104 mesta',
      '111 mest',
      '112 mest',
    ]);
  });

  it('English: 1 place, 2 places, never "place(s)"', () => {
    expect([1, 2, 3, 5, 21].map((n) => places('en', n))).toEqual([
      '1 place',
      '2 places',
      '3 places',
      '5 places',
      '21 places',
    ]);
  });
});

describe('delegates: the noun agrees with the number', () => {
  it('Slovenian: 1 delegat, 2 delegata, 3 delegati, 5 delegatov', () => {
    expect([1, 2, 3, 4, 5, 21, 102].map((n) => delegates('sl', n))).toEqual([
      '1 delegat',
      '2 delegata',
      '3 delegati',
      '4 delegati',
      '5 delegatov',
      '21 delegatov',
      '102 delegata',
    ]);
  });

  it('the line before the delegates named agrees with how many', () => {
    expect([1, 2, 3, 5].map((n) => delegatesNamed('sl', n))).toEqual([
      'Delegat, kot ste ga navedli:',
      'Delegata, kot ste ju navedli:',
      'Delegati, kot ste jih navedli:',
      'Delegati, kot ste jih navedli:',
    ]);
    expect([1, 2].map((n) => delegatesNamed('en', n))).toEqual(['The delegate you named:', 'The delegates you named:']);
  });

  it('English: 1 delegate, 2 delegates', () => {
    expect([1, 2].map((n) => delegates('en', n))).toEqual(['1 delegate', '2 delegates']);
  });
});

describe('dates in prose', () => {
  it('one day', () => {
    expect(proseDay('sl', day(2017, 2, 22))).toBe('22. februarja 2017');
    expect(proseDay('en', day(2017, 2, 22))).toBe('22 February 2017');
    expect(proseDays('sl', day(2017, 4, 25), day(2017, 4, 25))).toBe('25. aprila 2017');
    expect(proseDays('en', day(2017, 4, 25), null)).toBe('25 April 2017');
  });

  it('within a month', () => {
    expect(proseDays('sl', day(2017, 4, 25), day(2017, 4, 27))).toBe('25.–27. aprila 2017');
    expect(proseDays('en', day(2017, 4, 25), day(2017, 4, 27))).toBe('25–27 April 2017');
  });

  it('across months', () => {
    expect(proseDays('sl', day(2017, 4, 30), day(2017, 5, 2))).toBe('30. aprila – 2. maja 2017');
    expect(proseDays('en', day(2017, 4, 30), day(2017, 5, 2))).toBe('30 April – 2 May 2017');
  });

  it('across years', () => {
    expect(proseDays('sl', day(2017, 12, 30), day(2018, 1, 2))).toBe('30. decembra 2017 – 2. januarja 2018');
    expect(proseDays('en', day(2017, 12, 30), day(2018, 1, 2))).toBe('30 December 2017 – 2 January 2018');
  });
});

describe('the municipality as the register names it', () => {
  it('a municipality: Občina Kobilje, declined by case; the place name stays as it is', () => {
    expect(municipalityName('sl', 'Kobilje', false)).toBe('Občina Kobilje');
    expect(municipalityName('sl', 'Kobilje', false, 'genitive')).toBe('Občine Kobilje');
    expect(municipalityName('sl', 'Kobilje', false, 'dative')).toBe('Občini Kobilje');
    expect(municipalityName('sl', 'Kobilje', false, 'accusative')).toBe('Občino Kobilje');
    expect(municipalityName('sl', 'Kobilje', false, 'locative')).toBe('Občini Kobilje');
    expect(municipalityName('sl', 'Kobilje', false, 'instrumental')).toBe('Občino Kobilje');
    expect(municipalityName('en', 'Kobilje', false)).toBe('Municipality of Kobilje');
  });

  it('a city municipality (Urban): Mestna občina Celje, never "občina Celje"', () => {
    expect(municipalityName('sl', 'Celje', true)).toBe('Mestna občina Celje');
    expect(municipalityName('sl', 'Celje', true, 'genitive')).toBe('Mestne občine Celje');
    expect(municipalityName('sl', 'Celje', true, 'dative')).toBe('Mestni občini Celje');
    expect(municipalityName('sl', 'Celje', true, 'accusative')).toBe('Mestno občino Celje');
    expect(municipalityName('en', 'Celje', true)).toBe('City Municipality of Celje');
  });

  it('a name typed with its own "Občina" or "Mestna občina" is not prefixed again, only declined', () => {
    expect(municipalityName('sl', 'Občina Nekje', false)).toBe('Občina Nekje');
    expect(municipalityName('sl', 'občina  Nekje', false, 'genitive')).toBe('Občine Nekje');
    expect(municipalityName('sl', 'Mestna občina Nekje', false)).toBe('Mestna občina Nekje');
    expect(municipalityName('sl', 'Mestna obcina Nekje', false, 'genitive')).toBe('Mestne občine Nekje');
    expect(municipalityName('en', 'Občina Nekje', false)).toBe('Municipality of Nekje');
    expect(municipalityName('en', 'Municipality of Nekje', false)).toBe('Municipality of Nekje');
    expect(municipalityName('sl', 'Municipality of Nekje', false)).toBe('Občina Nekje');
    expect(municipalityName('en', 'Nekje municipality', false)).toBe('Nekje municipality');
    expect(municipalityName('sl', '', false)).toBe('');
  });
});

describe('cities', () => {
  it('known cities take their Slovenian exonym and cases, whatever spelling staff typed', () => {
    expect(cityName('sl', 'Cologne')).toBe('Köln');
    expect(cityName('sl', 'Koeln')).toBe('Köln');
    expect(cityName('en', 'Köln')).toBe('Cologne');
    expect(cityPhrase('sl', 'Cologne', 'to')).toBe('v Köln');
    expect(cityPhrase('sl', 'Köln', 'in')).toBe('v Kölnu');
    expect(cityPhrase('sl', 'Stockholm', 'to')).toBe('v Stockholm');
    expect(cityPhrase('sl', 'Stockholm', 'in')).toBe('v Stockholmu');
    expect(cityPhrase('sl', 'Barcelona', 'to')).toBe('v Barcelono');
    expect(cityPhrase('sl', 'Barcelona', 'in')).toBe('v Barceloni');
    expect(cityPhrase('en', 'Köln', 'to')).toBe('to Cologne');
    expect(cityPhrase('en', 'Barcelona', 'in')).toBe('in Barcelona');
  });

  it('an unknown city is never declined by guess: it stays as typed and has no phrase in Slovenian', () => {
    expect(cityName('sl', 'Dunaj')).toBe('Dunaj');
    expect(cityPhrase('sl', 'Dunaj', 'to')).toBeNull();
    expect(cityPhrase('sl', 'Dunaj', 'in')).toBeNull();
    expect(cityPhrase('en', 'Vienna', 'to')).toBe('to Vienna');
  });

  it('an excursion as one line: the city in the language of the letter, the dates in prose', () => {
    expect(excursionLine('sl', { city: 'Cologne', start: day(2017, 4, 25), end: day(2017, 4, 27) })).toBe(
      'Köln, 25.–27. aprila 2017',
    );
    expect(excursionLine('en', { city: 'Köln', start: day(2017, 4, 25), end: day(2017, 4, 27) })).toBe(
      'Cologne, 25–27 April 2017',
    );
    expect(excursionLine('sl', { city: 'Dunaj', start: day(2017, 12, 30), end: day(2018, 1, 2) })).toBe(
      'Dunaj, 30. decembra 2017 – 2. januarja 2018',
    );
    expect(excursionLine('sl', { city: 'Stockholm', start: day(2017, 10, 10), end: null })).toBe(
      'Stockholm, 10. oktobra 2017',
    );
  });
});
