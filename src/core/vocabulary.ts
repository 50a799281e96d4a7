/**
 * The one place that spells the contract's names (SPEC sections 3 and 4): sheet names, column
 * headers, question titles, statuses and notice types. Nothing else in the code spells them.
 */

export const SHEET = {
  applications: 'Applications',
  excursions: 'Excursions',
  allocations: 'Allocations',
  notices: 'Notices',
  settings: 'Settings',
  scoring: 'Scoring',
  municipalities: 'Municipalities',
  summary: 'Summary',
  log: 'Log',
} as const;

/**
 * The first column of a form's responses, as Sheets names it in the owner's language ("Timestamp"
 * in English). The add-on finds the response sheet by its form and this column by its place (Forms
 * writes it first); the names serve to recognise a responses export. The Slovenian one is the
 * likeliest translation, not confirmed by a public source; the Spanish one is seen in public code.
 */
export const TIMESTAMP_HEADERS = ['Timestamp', 'Časovni žig', 'Časovna oznaka', 'Marca temporal'] as const;

export const APPLICATION_HEADERS = [
  'Application ID',
  'Submitted At',
  'Municipality',
  'Municipality (as entered)',
  'Region',
  'Population',
  'Contact Name',
  'Email',
  'English Level',
  'Areas',
  'Solutions',
  'Preferences',
  'Delegates',
  'Motivation',
  'Shares Knowledge',
  'Signed Form Received',
  'Status',
  'Issues',
  'Content Score',
  'Manual Adjustment',
  'Score',
  'Score Breakdown',
  'Notes',
] as const;

export const EXCURSION_HEADERS = [
  'Excursion ID',
  'City',
  'Label',
  'Start Date',
  'End Date',
  'Places',
  'Max Per Municipality',
  'Themes',
  'Status',
] as const;

export const ALLOCATION_HEADERS = [
  'Application ID',
  'Municipality',
  'Excursion ID',
  'Preference',
  'Places Requested',
  'Places Granted',
  'Decision',
  'Waitlist Position',
  'Reason',
  'Locked',
  'Response',
  'Reply By',
  'Delegates Named',
  'Told',
  'Updated At',
] as const;

export const NOTICE_HEADERS = [
  'Notice Key',
  'Application ID',
  'Excursion ID',
  'Type',
  'To',
  'Subject',
  'Status',
  'Sent At',
  'Error',
] as const;

export const SETTINGS_HEADERS = ['Key', 'Value', 'Description'] as const;
export const SCORING_HEADERS = ['Criterion', 'Weight', 'Description'] as const;
export const MUNICIPALITY_HEADERS = ['Name', 'Population', 'Region', 'Urban', 'Aliases', 'Email'] as const;
export const LOG_HEADERS = ['At', 'User', 'Action', 'Details'] as const;

/** Required headers of every sheet the add-on manages (Summary holds figures, not a table). */
export const REQUIRED_HEADERS: Record<string, readonly string[]> = {
  [SHEET.applications]: APPLICATION_HEADERS,
  [SHEET.excursions]: EXCURSION_HEADERS,
  [SHEET.allocations]: ALLOCATION_HEADERS,
  [SHEET.notices]: NOTICE_HEADERS,
  [SHEET.settings]: SETTINGS_HEADERS,
  [SHEET.scoring]: SCORING_HEADERS,
  [SHEET.municipalities]: MUNICIPALITY_HEADERS,
  [SHEET.log]: LOG_HEADERS,
};

/** The sheets Set up creates, in tab order. */
export const MANAGED_SHEETS = [
  SHEET.applications,
  SHEET.excursions,
  SHEET.allocations,
  SHEET.notices,
  SHEET.summary,
  SHEET.settings,
  SHEET.scoring,
  SHEET.municipalities,
  SHEET.log,
] as const;

export const APPLICATION_STATUS = ['Received', 'Incomplete', 'Late', 'Duplicate', 'Ineligible', 'Withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUS)[number];

export const EXCURSION_STATUS = ['Open', 'Closed', 'Allocated', 'Done'] as const;
export type ExcursionStatus = (typeof EXCURSION_STATUS)[number];

export const DECISIONS = ['Accepted', 'Waitlisted', 'Not selected'] as const;
export type Decision = (typeof DECISIONS)[number];

export const LOCKED_VALUES = ['Accepted', 'Rejected'] as const;
/** `Lapsed` is written by the add-on when `Reply By` passed without an answer; staff may type the others. */
export const RESPONSE_VALUES = ['Confirmed', 'Declined', 'Lapsed'] as const;
export type ResponseValue = (typeof RESPONSE_VALUES)[number];

export const NOTICE_TYPES = [
  'invitation',
  'call_reminder',
  'received',
  'incomplete',
  'late',
  'ineligible',
  'accepted',
  'waitlisted',
  'not_selected',
  'promoted',
  'changed',
  'reminder',
  'lapsed',
  'reply',
] as const;
export type NoticeType = (typeof NOTICE_TYPES)[number];

export const NOTICE_STATUS = ['Queued', 'Sending', 'Sent', 'Failed', 'Skipped'] as const;
export type NoticeStatus = (typeof NOTICE_STATUS)[number];

/** Question titles of the form (SPEC section 4); they are also the CSV headers of a responses export. */
export const QUESTION = {
  timestamp: 'Timestamp',
  municipality: 'Municipality',
  contact: 'Contact person',
  position: 'Position',
  email: 'Email address',
  phone: 'Phone',
  english: 'English proficiency',
  areas: 'Areas of interest',
  solutions: 'Smart solutions of interest',
  stream: 'Knowledge-transfer stream',
  preferences: 'Excursion preferences',
  delegates: 'Number of delegates',
  motivation: 'Motivation',
  projects: 'Ongoing or planned smart city projects',
  sharing: 'Knowledge sharing',
  consent: 'Consent',
} as const;

export const ENGLISH_LEVELS = ['Fluent', 'Good working knowledge', 'Basic', 'None'] as const;
export type EnglishLevel = (typeof ENGLISH_LEVELS)[number];

export const AREAS = ['Low energy districts', 'Integrated infrastructures', 'Sustainable urban mobility'] as const;

export const SOLUTIONS = [
  'Smart building shell refurbishment',
  'Smart building logistics',
  'Smart energy-saving tenants',
  'Smart local electricity management',
  'Smart street lighting',
  'Waste heat recovery',
  'Smart waste collection',
  'Big data management',
  'Sustainable delivery',
  'Smart traffic management',
  'Alternative fuel driven vehicles',
  'Smart mobility solutions',
] as const;

export const STREAMS = ['Smart City governance', 'Smart City themes'] as const;
export const PREFERENCE_COLUMNS = ['1st choice', '2nd choice', '3rd choice', 'Interested'] as const;
export const DELEGATE_OPTIONS = ['1', '2', '3'] as const;
export const YES_NO = ['Yes', 'No'] as const;
export const CONSENT_OPTION = 'I agree';

/** The column title Forms gives one row of the preferences grid in the responses sheet and CSV. */
export function preferenceColumn(label: string): string {
  return `${QUESTION.preferences} [${label}]`;
}

/** The scoring criteria the scorer knows (SPEC section 5); the Scoring sheet gives their weights. */
export const CRITERIA = {
  english: 'English level',
  sharing: 'Knowledge sharing',
  content: 'Content score',
  smaller: 'Smaller municipality',
  solutions: 'Solutions of interest',
  firstTime: 'First-time participant',
} as const;

/** Question titles of the reply form (SPEC section 4); also the CSV headers of its responses export. */
export const REPLY_QUESTION = {
  code: 'Reply code',
  answer: 'Your answer',
  delegates: 'Delegates',
  message: 'Message',
} as const;

export const REPLY_ANSWERS = ['We confirm', 'We decline'] as const;
export type ReplyAnswer = (typeof REPLY_ANSWERS)[number];
