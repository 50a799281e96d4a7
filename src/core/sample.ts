/**
 * The default data Set up writes: the seven excursions of the sample call and the default scoring
 * criteria. The call (SOS, February 2017) gives the first excursion's dates (Cologne, 25–27 April
 * 2017) and says two each to Stockholm, Cologne and Barcelona follow up to 2019; it gives no other
 * dates and no seat counts, so those below are the sample's own and are marked as such.
 */
import type { Language } from './i18n';
import { CRITERIA } from './vocabulary';

export interface SampleExcursion {
  id: string;
  city: string;
  label: string;
  start: string;
  end: string;
  places: number;
  maxPerMunicipality: number;
  themes: string;
}

export const SAMPLE_EXCURSIONS: readonly SampleExcursion[] = [
  {
    id: 'CGN-2017-04',
    city: 'Cologne',
    label: 'Cologne, 25–27 April 2017',
    start: '2017-04-25',
    end: '2017-04-27',
    places: 12,
    maxPerMunicipality: 2,
    themes: 'Low energy districts; Integrated infrastructures; Sustainable urban mobility',
  },
  {
    id: 'STO-2017-10',
    city: 'Stockholm',
    label: 'Stockholm, October 2017 (sample dates)',
    start: '2017-10-10',
    end: '2017-10-12',
    places: 10,
    maxPerMunicipality: 2,
    themes: 'Smart building shell refurbishment; Waste heat recovery; Smart waste collection',
  },
  {
    id: 'BCN-2018-03',
    city: 'Barcelona',
    label: 'Barcelona, March 2018 (sample dates)',
    start: '2018-03-13',
    end: '2018-03-15',
    places: 10,
    maxPerMunicipality: 2,
    themes: 'Smart street lighting; Smart traffic management; Big data management',
  },
  {
    id: 'CGN-2018-06',
    city: 'Cologne',
    label: 'Cologne, June 2018 (sample dates)',
    start: '2018-06-12',
    end: '2018-06-14',
    places: 10,
    maxPerMunicipality: 2,
    themes: 'Smart local electricity management; Smart mobility solutions',
  },
  {
    id: 'STO-2018-10',
    city: 'Stockholm',
    label: 'Stockholm, October 2018 (sample dates)',
    start: '2018-10-09',
    end: '2018-10-11',
    places: 8,
    maxPerMunicipality: 1,
    themes: 'Alternative fuel driven vehicles; Sustainable delivery',
  },
  {
    id: 'BCN-2019-03',
    city: 'Barcelona',
    label: 'Barcelona, March 2019 (sample dates)',
    start: '2019-03-19',
    end: '2019-03-21',
    places: 8,
    maxPerMunicipality: 1,
    themes: 'Smart energy-saving tenants; Smart building logistics',
  },
  {
    id: 'CGN-2019-06',
    city: 'Cologne',
    label: 'Cologne, June 2019 (sample dates)',
    start: '2019-06-04',
    end: '2019-06-06',
    places: 8,
    maxPerMunicipality: 1,
    themes: 'Smart City governance; lessons learnt',
  },
];

/**
 * The Slovenian call's own names for the sample excursions: the exonym Köln, months in the
 * nominative as a label writes them ("oktober 2017"), the first one's dates as prose writes them.
 */
const SL_SAMPLE: Record<string, { city: string; label: string }> = {
  'CGN-2017-04': { city: 'Köln', label: 'Köln, 25.–27. aprila 2017' },
  'STO-2017-10': { city: 'Stockholm', label: 'Stockholm, oktober 2017 (datumi so vzorčni)' },
  'BCN-2018-03': { city: 'Barcelona', label: 'Barcelona, marec 2018 (datumi so vzorčni)' },
  'CGN-2018-06': { city: 'Köln', label: 'Köln, junij 2018 (datumi so vzorčni)' },
  'STO-2018-10': { city: 'Stockholm', label: 'Stockholm, oktober 2018 (datumi so vzorčni)' },
  'BCN-2019-03': { city: 'Barcelona', label: 'Barcelona, marec 2019 (datumi so vzorčni)' },
  'CGN-2019-06': { city: 'Köln', label: 'Köln, junij 2019 (datumi so vzorčni)' },
};

/** The sample excursions in the call's language: their cities and labels are what the form and the letters show. */
export function sampleExcursions(lang: Language): readonly SampleExcursion[] {
  return lang === 'sl' ? SAMPLE_EXCURSIONS.map((e) => ({ ...e, ...SL_SAMPLE[e.id] })) : SAMPLE_EXCURSIONS;
}

export interface CriterionDefault {
  criterion: string;
  weight: number;
}

/** The default criteria and weights; their descriptions are in i18n (`criterionHelp.*`). */
export const DEFAULT_CRITERIA: readonly CriterionDefault[] = [
  { criterion: CRITERIA.english, weight: 2 },
  { criterion: CRITERIA.sharing, weight: 2 },
  { criterion: CRITERIA.content, weight: 1 },
  { criterion: CRITERIA.smaller, weight: 1 },
  { criterion: CRITERIA.solutions, weight: 0.5 },
  { criterion: CRITERIA.firstTime, weight: 1 },
];
