/**
 * One form answer -> one checked application (SPEC section 4). Pure: the caller passes the answer
 * as the form's named values, the municipality matcher, the excursions and the settings.
 */
import { type Language, type MessageKey, type MessageParam, t } from './i18n';
import { municipalityKey as keyOfName, type MunicipalityMatcher } from './municipalities';
import { cleanLine, cleanText } from './text';
import {
  type ApplicationStatus,
  AREAS,
  CONSENT_OPTION,
  ENGLISH_LEVELS,
  type EnglishLevel,
  PREFERENCE_COLUMNS,
  preferenceColumn,
  QUESTION,
  SOLUTIONS,
  YES_NO,
} from './vocabulary';

/** An excursion as intake needs it: the grid row label maps to an id. */
export interface ExcursionRef {
  id: string;
  label: string;
  start: Date | null;
}

export type Rank = (typeof PREFERENCE_COLUMNS)[number];

export interface Preference {
  excursionId: string;
  label: string;
  rank: Rank;
}

export interface IntakeContext {
  matcher: MunicipalityMatcher;
  /** Excursions whose label may appear in the grid (Open ones, and any other the form still shows). */
  excursions: readonly ExcursionRef[];
  deadline: Date | null;
  minEnglishLevel: EnglishLevel;
  language: Language;
  /** Formats the deadline for an issue text, in the spreadsheet's time zone. */
  formatDate: (d: Date) => string;
}

/** The application fields of SPEC section 3 that intake fills. */
export interface ApplicationDraft {
  submittedAt: Date;
  municipality: string;
  municipalityAsEntered: string;
  region: string;
  population: number | '';
  contactName: string;
  email: string;
  englishLevel: string;
  areas: string[];
  solutions: string[];
  preferences: Preference[];
  delegates: number;
  motivation: string;
  sharesKnowledge: string;
  status: ApplicationStatus;
  issues: string[];
  /** Identifies the municipality for duplicate detection (matched name, else the folded entry). */
  municipalityKey: string;
}

/** Named values as the form-submit event gives them: title -> [answer]. */
export type NamedValues = Record<string, readonly string[] | string | undefined>;

function first(values: NamedValues, title: string): string {
  const v = values[title];
  if (v === undefined) return '';
  return Array.isArray(v) ? String(v[0] ?? '') : String(v);
}

/**
 * Splits a multi-select answer ("a, b, c") by matching the known options, longest first, so an
 * option that itself contains ", " stays whole. Unknown parts are returned separately.
 */
export function splitOptions(answer: string, options: readonly string[]): { known: string[]; unknown: string[] } {
  const known: string[] = [];
  const unknown: string[] = [];
  const byLength = [...options].sort((a, b) => b.length - a.length);
  const text = cleanLine(answer);
  const folded = (s: string) => s.toLowerCase();
  let pos = 0;
  while (pos < text.length) {
    const rest = folded(text.slice(pos));
    const hit = byLength.find((o) => {
      const f = folded(o);
      return (
        rest.startsWith(f) &&
        (rest.length === f.length || rest.startsWith(', ', f.length) || rest.startsWith(',', f.length))
      );
    });
    if (hit) {
      if (!known.includes(hit)) known.push(hit);
      pos += hit.length;
    } else {
      const comma = text.indexOf(',', pos);
      const end = comma < 0 ? text.length : comma;
      const part = text.slice(pos, end).trim();
      if (part !== '') unknown.push(part);
      pos = end;
    }
    while (pos < text.length && (text[pos] === ',' || text[pos] === ' ')) pos++;
  }
  // Keep the options' own order, as the form lists them.
  known.sort((a, b) => options.indexOf(a) - options.indexOf(b));
  return { known, unknown };
}

const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/;

/** A plausible single e-mail address (no display name, no list, no spaces, a dotted domain). */
export function isValidEmail(s: string): boolean {
  return s.length <= 254 && EMAIL.test(s) && !s.includes('..') && !s.startsWith('.') && !s.split('@')[0].endsWith('.');
}

const RANK_ORDER: Record<Rank, number> = { '1st choice': 0, '2nd choice': 1, '3rd choice': 2, Interested: 3 };

/** The ranked list: 1st, 2nd, 3rd choice, then the `Interested` ones by start date, then label. */
export function rankPreferences(prefs: Preference[], excursions: readonly ExcursionRef[]): Preference[] {
  const start = new Map(excursions.map((e) => [e.id, e.start ? e.start.getTime() : Number.POSITIVE_INFINITY]));
  return [...prefs].sort(
    (a, b) =>
      RANK_ORDER[a.rank] - RANK_ORDER[b.rank] ||
      (start.get(a.excursionId) ?? 0) - (start.get(b.excursionId) ?? 0) ||
      a.label.localeCompare(b.label),
  );
}

/** "1st choice: Cologne, 25–27 April 2017 (CGN-2017-04)", one line each: readable, and parseable back. */
export function formatPreferences(prefs: readonly Preference[]): string {
  return prefs.map((p) => `${p.rank}: ${p.label} (${p.excursionId})`).join('\n');
}

/** Reads a Preferences cell back into the ranked list (ids in brackets at the end of each line). */
export function parsePreferences(cell: string): Preference[] {
  const out: Preference[] = [];
  for (const line of String(cell ?? '').split('\n')) {
    const m = /^(1st choice|2nd choice|3rd choice|Interested): (.*) \(([^()]+)\)\s*$/.exec(line.trim());
    if (m) out.push({ rank: m[1] as Rank, label: m[2], excursionId: m[3] });
  }
  return out;
}

/** Checks and normalises one form answer. Never throws for any answer text. */
export function readAnswer(values: NamedValues, submittedAt: Date, ctx: IntakeContext): ApplicationDraft {
  const issues: string[] = [];
  const say = (key: Parameters<typeof t>[1], params: Record<string, MessageParam> = {}) =>
    issues.push(t(ctx.language, key, params));
  let incomplete = false;
  let ineligible = false;

  // Municipality
  const entered = cleanLine(first(values, QUESTION.municipality));
  let municipality = entered;
  let region = '';
  let population: number | '' = '';
  let municipalityKey = keyOfName(entered);
  if (entered === '') {
    say('issue.municipalityMissing');
    incomplete = true;
  } else {
    const m = ctx.matcher.match(entered);
    if (m.kind === 'exact' || m.kind === 'fuzzy') {
      municipality = m.municipality.name;
      region = m.municipality.region;
      population = m.municipality.population ?? '';
      municipalityKey = keyOfName(m.municipality.name);
      if (m.kind === 'fuzzy') say('issue.municipalityTypo', { entered, name: m.municipality.name });
    } else if (m.kind === 'ambiguous') {
      say('issue.municipalityAmbiguous', { entered, candidates: m.candidates.map((c) => c.name).join(' / ') });
    } else {
      say('issue.municipalityUnknown', { entered });
    }
  }

  // Contact and e-mail
  const contactName = cleanLine(first(values, QUESTION.contact));
  if (contactName === '') say('issue.contactMissing');
  const email = cleanLine(first(values, QUESTION.email)).replace(/^mailto:/i, '');
  if (email === '') {
    say('issue.emailMissing');
    incomplete = true;
  } else if (!isValidEmail(email)) {
    say('issue.emailInvalid', { email });
    incomplete = true;
  }

  // English
  const englishRaw = cleanLine(first(values, QUESTION.english));
  const english = ENGLISH_LEVELS.find((l) => l.toLowerCase() === englishRaw.toLowerCase());
  if (englishRaw === '') {
    say('issue.englishMissing');
    incomplete = true;
  } else if (!english) {
    say('issue.englishUnknown', { value: englishRaw });
    incomplete = true;
  } else if (ENGLISH_LEVELS.indexOf(english) > ENGLISH_LEVELS.indexOf(ctx.minEnglishLevel)) {
    // The options as the form shows them (English), explained in the staff's language.
    say('issue.englishBelow', {
      value: { key: `level.${english}` as MessageKey },
      min: { key: `level.${ctx.minEnglishLevel}` as MessageKey },
    });
    ineligible = true;
  }

  // Multi-select answers, split against the known options
  const areas = splitOptions(first(values, QUESTION.areas), AREAS);
  for (const u of areas.unknown) say('issue.unknownOption', { question: QUESTION.areas, value: u });
  const solutions = splitOptions(first(values, QUESTION.solutions), SOLUTIONS);
  for (const u of solutions.unknown) say('issue.unknownOption', { question: QUESTION.solutions, value: u });

  // Preferences grid: one column per excursion label
  const prefs: Preference[] = [];
  const byLabel = new Map(ctx.excursions.map((e) => [e.label, e]));
  const prefix = `${QUESTION.preferences} [`;
  for (const title of Object.keys(values)) {
    if (!title.startsWith(prefix) || !title.endsWith(']')) continue;
    const label = title.slice(prefix.length, -1);
    const answer = cleanLine(first(values, title));
    if (answer === '') continue;
    const rank = PREFERENCE_COLUMNS.find((c) => c.toLowerCase() === answer.toLowerCase());
    const excursion = byLabel.get(label);
    if (!excursion) {
      say('issue.unknownExcursion', { label });
      continue;
    }
    if (!rank) {
      say('issue.unknownOption', { question: preferenceColumn(label), value: answer });
      continue;
    }
    prefs.push({ excursionId: excursion.id, label: excursion.label, rank });
  }
  let ranked = rankPreferences(prefs, ctx.excursions);
  for (const rank of ['1st choice', '2nd choice', '3rd choice'] as const) {
    const same = ranked.filter((p) => p.rank === rank);
    if (same.length > 1) {
      say('issue.rankTwice', { rank: { key: `choice.${rank}` as MessageKey }, label: same[0].label });
      ranked = ranked.filter((p) => p.rank !== rank || p === same[0]);
    }
  }
  if (ranked.length === 0) {
    say('issue.noExcursion');
    incomplete = true;
  }

  // Delegates
  const delegatesRaw = cleanLine(first(values, QUESTION.delegates));
  let delegates = Number(delegatesRaw);
  if (!['1', '2', '3'].includes(delegatesRaw)) {
    if (delegatesRaw !== '') say('issue.delegatesInvalid', { value: delegatesRaw });
    delegates = 1;
  }

  // Knowledge sharing and consent
  const sharingRaw = cleanLine(first(values, QUESTION.sharing));
  const sharesKnowledge = YES_NO.find((o) => o.toLowerCase() === sharingRaw.toLowerCase()) ?? '';
  if (sharingRaw !== '' && sharesKnowledge === '')
    say('issue.unknownOption', { question: QUESTION.sharing, value: sharingRaw });
  const consent = splitOptions(first(values, QUESTION.consent), [CONSENT_OPTION]).known.length > 0;
  if (!consent) {
    say('issue.consentMissing');
    incomplete = true;
  }

  const late = ctx.deadline !== null && submittedAt.getTime() >= ctx.deadline.getTime();
  if (late) say('issue.late', { deadline: ctx.formatDate(new Date(ctx.deadline!.getTime() - 1)) });

  const status: ApplicationStatus = ineligible ? 'Ineligible' : incomplete ? 'Incomplete' : late ? 'Late' : 'Received';
  return {
    submittedAt,
    municipality,
    municipalityAsEntered: entered,
    region,
    population,
    contactName,
    email,
    englishLevel: english ?? englishRaw,
    areas: areas.known,
    solutions: solutions.known,
    preferences: ranked,
    delegates,
    motivation: cleanText(first(values, QUESTION.motivation)),
    sharesKnowledge,
    status,
    issues,
    municipalityKey,
  };
}

/** An application already in the sheet, as duplicate detection sees it. */
export interface ExistingApplication {
  id: string;
  municipalityKey: string;
  status: string;
}

/**
 * The earlier applications a new one from the same municipality replaces: every one not already
 * `Duplicate` or `Withdrawn` (the newest counts).
 */
export function findReplaced(draft: ApplicationDraft, existing: readonly ExistingApplication[]): ExistingApplication[] {
  if (draft.municipalityKey === '') return [];
  return existing.filter(
    (a) => a.municipalityKey === draft.municipalityKey && a.status !== 'Duplicate' && a.status !== 'Withdrawn',
  );
}

/**
 * The notice a new application gets, following its Status: `incomplete` lists what is missing and
 * links the form again; `late` and `ineligible` say why without inviting a resubmission that could
 * not help; else `received`.
 */
export function intakeNotice(status: ApplicationStatus): IntakeNotice {
  if (status === 'Incomplete') return 'incomplete';
  if (status === 'Ineligible') return 'ineligible';
  return status === 'Late' ? 'late' : 'received';
}

/**
 * The id of the answer in row `responseRow` of the responses sheet: `APP-0042` for row 43, so
 * staff can find the answer and a re-run recognises an answer already taken in. `taken` holds the
 * ids in use; a clash (rows deleted from the responses sheet) gets a suffix.
 */
export function applicationIdFor(responseRow: number, taken: ReadonlySet<string>): string {
  const base = `APP-${String(Math.max(responseRow - 1, 0)).padStart(4, '0')}`;
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

export type IntakeNotice = 'received' | 'incomplete' | 'late' | 'ineligible';
