/** The Settings sheet: its keys, defaults, descriptions, and reading its values with types. */

import { LANGUAGES, type Language, type MessageKey, t, toLanguage } from './i18n';
import { ENGLISH_LEVELS, type EnglishLevel, NOTICE_TYPES, type NoticeType } from './vocabulary';

export interface Settings {
  applicationDeadline: Date | null;
  language: Language;
  acceptLate: boolean;
  minEnglishLevel: EnglishLevel;
  requireSignedForm: boolean;
  senderName: string;
  replyTo: string;
  quotaReserve: number;
  maxExcursionsPerMunicipality: number;
  prioritizeNewcomers: boolean;
  attachPdf: boolean;
  /** Days an offer may be answered in: `Reply By` is the day the offer is sent plus these. */
  replyDays: number;
  /** Days before `Reply By` when the one reminder goes. */
  reminderDays: number;
  /** Offer the places freed by a decline or a lapse at once, without staff running Allocate places. */
  autoReallocate: boolean;
  templateFolderId: string;
  /** Days before the last day to apply when the one call reminder goes; null (blank) for none. */
  callReminderDays: number | null;
  /** The `received` notice carries the application as a PDF to print, sign and stamp. */
  attachApplicationPdf: boolean;
  /** Template Doc ids by "type.language", e.g. "accepted.sl". */
  templates: Record<string, string>;
}

export interface SettingDefinition {
  key: string;
  /** The default written at set-up (the sample call's values). */
  value: string | number | boolean | Date;
  description: string;
}

/** `template.<type>.<language>` */
export function templateKey(type: NoticeType, lang: Language): string {
  return `template.${type}.${lang}`;
}

/** Every setting in the order Set up writes them, described in `lang`. */
export function settingDefinitions(lang: Language = 'en'): SettingDefinition[] {
  const defs: SettingDefinition[] = (
    [
      // 22 February 2017, 00:00 in Ljubljana: the sample call's deadline day.
      ['applicationDeadline', new Date(Date.UTC(2017, 1, 21, 23, 0, 0))],
      ['language', 'sl'],
      ['acceptLate', false],
      ['minEnglishLevel', 'Good working knowledge'],
      ['requireSignedForm', false],
      ['senderName', 'Skupnost občin Slovenije'],
      ['replyTo', ''],
      ['quotaReserve', 10],
      ['maxExcursionsPerMunicipality', 1],
      ['prioritizeNewcomers', true],
      ['attachPdf', false],
      ['replyDays', 7],
      ['reminderDays', 2],
      ['autoReallocate', false],
      ['templateFolderId', ''],
      ['callReminderDays', 2],
      ['attachApplicationPdf', true],
    ] as const
  ).map(([key, value]) => ({
    key,
    value,
    description: t(lang, `setting.${key}` as MessageKey, { levels: ENGLISH_LEVELS.join(', ') }),
  }));
  for (const type of NOTICE_TYPES) {
    for (const language of LANGUAGES) {
      defs.push({
        key: templateKey(type, language),
        value: '',
        description: t(lang, 'setting.template', {
          type: { key: `noticeType.${type}` as MessageKey },
          language: { key: `language.in.${language}` as MessageKey },
        }),
      });
    }
  }
  return defs;
}

/** A problem with one setting's value, named for the staff. */
export interface SettingProblem {
  key: string;
  /** What is wrong, as a message for staff (worded in their language by the caller). */
  problem: MessageKey;
  params: Record<string, string | number>;
}

function isDateValue(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]' && !Number.isNaN((v as Date).getTime());
}

function toBool(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  const s = String(v ?? '')
    .trim()
    .toLowerCase();
  if (['true', 'yes', 'da', '1', 'y'].includes(s)) return true;
  if (['false', 'no', 'ne', '0', 'n', ''].includes(s)) return false;
  return null;
}

/**
 * Typed settings from Key/Value pairs. A wrong value falls back to its default and is reported,
 * so an action can refuse to run or carry on with a warning as it sees fit.
 * `endOfDay` turns a date-only deadline into the instant it ends (done by the caller, who knows
 * the spreadsheet's time zone).
 */
export function readSettings(
  pairs: Map<string, unknown>,
  endOfDay: (d: Date) => Date = (d) => d,
): { settings: Settings; problems: SettingProblem[] } {
  const problems: SettingProblem[] = [];
  const defaults = new Map(settingDefinitions().map((d) => [d.key, d.value]));
  const raw = (key: string): unknown => (pairs.has(key) ? pairs.get(key) : defaults.get(key));
  const bool = (key: string): boolean => {
    const b = toBool(raw(key));
    if (b === null) {
      problems.push({ key, problem: 'settingProblem.bool', params: { value: String(raw(key)) } });
      return defaults.get(key) as boolean;
    }
    return b;
  };
  const int = (key: string, min: number): number => {
    const v = raw(key);
    const n = typeof v === 'number' ? v : Number(String(v).trim());
    if (!Number.isInteger(n) || n < min || String(v).trim() === '') {
      problems.push({ key, problem: 'settingProblem.int', params: { value: String(v), min } });
      return defaults.get(key) as number;
    }
    return n;
  };
  const text = (key: string): string => String(raw(key) ?? '').trim();

  let applicationDeadline: Date | null = null;
  const deadline = raw('applicationDeadline');
  if (isDateValue(deadline)) applicationDeadline = endOfDay(deadline);
  else if (String(deadline ?? '').trim() !== '') {
    const parsed = /^\d{4}-\d{2}-\d{2}$/.test(String(deadline).trim()) ? null : new Date(String(deadline));
    if (parsed && !Number.isNaN(parsed.getTime())) applicationDeadline = parsed;
    else
      problems.push({
        key: 'applicationDeadline',
        problem: 'settingProblem.date',
        params: { value: String(deadline) },
      });
  }

  const languageRaw = text('language');
  if (languageRaw !== '' && toLanguage(languageRaw) === 'en' && !/^en|^english|^angle/i.test(languageRaw))
    problems.push({ key: 'language', problem: 'settingProblem.language', params: { value: languageRaw } });

  let minEnglishLevel = text('minEnglishLevel') as EnglishLevel;
  if (!ENGLISH_LEVELS.includes(minEnglishLevel)) {
    problems.push({
      key: 'minEnglishLevel',
      problem: 'settingProblem.level',
      params: { value: minEnglishLevel, levels: ENGLISH_LEVELS.join(', ') },
    });
    minEnglishLevel = defaults.get('minEnglishLevel') as EnglishLevel;
  }

  // Blank is a value of its own here: no call reminder.
  let callReminderDays: number | null = null;
  if (text('callReminderDays') !== '') callReminderDays = int('callReminderDays', 0);

  const templates: Record<string, string> = {};
  for (const type of NOTICE_TYPES)
    for (const lang of LANGUAGES) templates[`${type}.${lang}`] = text(templateKey(type, lang));

  return {
    settings: {
      applicationDeadline,
      language: toLanguage(languageRaw || 'sl'),
      acceptLate: bool('acceptLate'),
      minEnglishLevel,
      requireSignedForm: bool('requireSignedForm'),
      senderName: text('senderName'),
      replyTo: text('replyTo'),
      quotaReserve: int('quotaReserve', 0),
      maxExcursionsPerMunicipality: int('maxExcursionsPerMunicipality', 1),
      prioritizeNewcomers: bool('prioritizeNewcomers'),
      attachPdf: bool('attachPdf'),
      replyDays: int('replyDays', 1),
      reminderDays: int('reminderDays', 0),
      autoReallocate: bool('autoReallocate'),
      templateFolderId: text('templateFolderId'),
      callReminderDays,
      attachApplicationPdf: bool('attachApplicationPdf'),
      templates,
    },
    problems,
  };
}
