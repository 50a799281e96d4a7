/**
 * The dashboard's figures (SPEC section 8 and the Summary sheet): one payload type shared by the
 * server function `getDashboardData`, the sidebar page, the Summary sheet and report.html. Every
 * text in it that staff read is already in the call's language: statuses and notice types
 * translated, score bands in words, the time local to the spreadsheet.
 */
import { catalogue, type Language, type MessageKey, t } from './i18n';
import { APPLICATION_STATUS, NOTICE_TYPES } from './vocabulary';

export interface ExcursionFigures {
  id: string;
  /** The Excursions label as staff typed it. */
  label: string;
  /** The label shown, never cut: the label, with the id after it where two labels are the same. */
  displayLabel: string;
  status: string;
  places: number;
  /** Municipalities that take part and list this excursion. */
  applicants: number;
  /** Places those municipalities asked for (their delegates, at least 1 each): the same unit as `places`. */
  placesRequested: number;
  firstChoices: number;
  /** Municipalities holding an offer (Accepted, not declined nor lapsed). */
  accepted: number;
  /** Places held by those offers. */
  placesGranted: number;
  waitlisted: number;
  /** Municipalities that declined their offer: their own choice, not a rejection. */
  declined: number;
  /** Offers not answered by Reply By. */
  lapsed: number;
  /** Not selected by the allocation (or rejected by staff), declines and lapses apart. */
  notSelected: number;
  /** Places of offers declined or lapsed that still carry their Accepted decision (the next allocation frees them). */
  placesFreed: number;
}

export interface Count {
  /** The value as the sheet holds it (a status, a region, a band's lower bound). */
  name: string;
  /** The same, as staff read it in the call's language. */
  label: string;
  count: number;
}

export interface NoticeFigures {
  type: string;
  label: string;
  queued: number;
  sending: number;
  sent: number;
  failed: number;
  skipped: number;
}

/** A time as the spreadsheet's clock shows it. */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The payload of getDashboardData: everything the sidebar and the report show. */
export interface DashboardData {
  language: Language;
  /** ISO 8601 instant the figures were read (for machines). */
  generatedAt: string;
  /** The same in the spreadsheet's time zone, as staff read it ("2. 3. 2017 12:30", "2 Mar 2017, 12:30"). */
  generatedAtText: string;
  totals: {
    applications: number;
    takingPart: number;
    places: number;
    placesRequested: number;
    placesGranted: number;
    placesFreed: number;
    noticesSent: number;
    noticesWaiting: number;
  };
  excursions: ExcursionFigures[];
  statuses: Count[];
  regions: Count[];
  /** Score distribution in bands of 5 points that do not overlap (below 5, 5 to below 10, …), and "no score". */
  scores: Count[];
  notices: NoticeFigures[];
  /** MailApp recipients left today, null where it could not be read. */
  quota: number | null;
}

/** What the figures are counted from, already read from the sheets. */
export interface DashboardInput {
  language: Language;
  now: Date;
  /** `now` on the spreadsheet's clock. */
  localNow: LocalTime;
  applications: {
    id: string;
    status: string;
    region: string;
    score: number | null;
    takesPart: boolean;
    preferences: string[];
    /** Places asked for (Delegates); at least 1, as the allocation reads it. */
    requested: number;
  }[];
  excursions: { id: string; label: string; status: string; places: number }[];
  allocations: {
    applicationId: string;
    excursionId: string;
    decision: string;
    placesGranted: number;
    response: string;
  }[];
  notices: { type: string; status: string }[];
  quota: number | null;
}

// The orders SPEC section 3 lists them in (the season's order for notices).
const STATUS_ORDER: readonly string[] = APPLICATION_STATUS;
const NOTICE_ORDER: readonly string[] = NOTICE_TYPES;
const BAND = 5;

/** `prefix + value` translated where the catalogue has it; a value staff typed themselves stays as typed. */
function translated(lang: Language, prefix: 'status.' | 'noticeType.', value: string): string {
  const key = `${prefix}${value}`;
  if (!(key in catalogue(lang))) return value;
  // The catalogue words a type for the middle of a sentence; a table cell begins with a capital.
  const word = t(lang, key as MessageKey);
  return word.charAt(0).toLocaleUpperCase(lang) + word.slice(1);
}

/** An application status as staff read it ("Prejeta" for Received in Slovenian). */
export function statusLabel(lang: Language, status: string): string {
  return status === '' ? t(lang, 'dash.noStatus') : translated(lang, 'status.', status);
}

/** A notice type as staff read it ("Ponujeno mesto" for accepted in Slovenian). */
export function noticeTypeLabel(lang: Language, type: string): string {
  return translated(lang, 'noticeType.', type);
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2. 3. 2017 12:30" in Slovenian, "2 Mar 2017, 12:30" in English. */
export function localTimeText(lang: Language, at: LocalTime): string {
  const time = `${at.hour}:${String(at.minute).padStart(2, '0')}`;
  return lang === 'sl'
    ? `${at.day}. ${at.month}. ${at.year} ${time}`
    : `${at.day} ${EN_MONTHS[at.month - 1]} ${at.year}, ${time}`;
}

/** The score band of `score`: the lower bound of its [from, from + 5) band, negatives in the first. */
function bandOf(score: number): number {
  return Math.max(0, Math.floor(score / BAND) * BAND);
}

function bandLabel(lang: Language, from: number): string {
  return from === 0 ? t(lang, 'dash.scoreBelow', { to: BAND }) : t(lang, 'dash.scoreBand', { from, to: from + BAND });
}

function counts(values: readonly string[], order: readonly string[] = []): { name: string; count: number }[] {
  const map = new Map<string, number>(order.map((o) => [o, 0]));
  for (const v of values) map.set(v, (map.get(v) ?? 0) + 1);
  const known = order.map((name) => ({ name, count: map.get(name) ?? 0 }));
  const rest = [...map.entries()]
    .filter(([name]) => !order.includes(name))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([name, count]) => ({ name, count }));
  return [...known, ...rest];
}

/** Counts every figure of the dashboard from the sheets' rows. */
export function summarize(input: DashboardInput): DashboardData {
  const lang = input.language;
  const taking = input.applications.filter((a) => a.takesPart);
  const sameLabel = new Map<string, number>();
  for (const e of input.excursions) sameLabel.set(e.label, (sameLabel.get(e.label) ?? 0) + 1);
  const excursions: ExcursionFigures[] = input.excursions.map((e) => {
    const rows = input.allocations.filter((r) => r.excursionId === e.id);
    // A decline or a lapse is the municipality's (or the clock's) doing, never the allocation's.
    const declined = rows.filter((r) => r.response === 'Declined');
    const lapsed = rows.filter((r) => r.response === 'Lapsed');
    const refused = new Set([...declined, ...lapsed]);
    const held = rows.filter((r) => r.decision === 'Accepted' && !refused.has(r));
    const listing = taking.filter((a) => a.preferences.includes(e.id));
    return {
      id: e.id,
      label: e.label,
      displayLabel: (sameLabel.get(e.label) ?? 0) > 1 || e.label === '' ? `${e.label} (${e.id})`.trim() : e.label,
      status: e.status,
      places: e.places,
      applicants: listing.length,
      placesRequested: listing.reduce((s, a) => s + a.requested, 0),
      firstChoices: taking.filter((a) => a.preferences[0] === e.id).length,
      accepted: held.length,
      placesGranted: held.reduce((s, r) => s + r.placesGranted, 0),
      waitlisted: rows.filter((r) => r.decision === 'Waitlisted' && !refused.has(r)).length,
      declined: declined.length,
      lapsed: lapsed.length,
      notSelected: rows.filter((r) => r.decision === 'Not selected' && !refused.has(r)).length,
      placesFreed: [...refused].filter((r) => r.decision === 'Accepted').reduce((s, r) => s + r.placesGranted, 0),
    };
  });
  const scored = input.applications.map((a) => a.score);
  const top = Math.max(0, ...scored.filter((s): s is number => s !== null).map(bandOf));
  const bands: string[] = [];
  for (let from = 0; from <= top; from += BAND) bands.push(String(from));
  const scoreCounts = counts(
    scored.map((s) => (s === null ? '' : String(bandOf(s)))),
    [...bands, ''],
  ).filter((c) => c.count > 0 || c.name !== '');
  const noticeTypes = [...new Set(input.notices.map((n) => n.type))];
  const notices = NOTICE_ORDER.filter((t) => noticeTypes.includes(t))
    .concat(noticeTypes.filter((t) => !NOTICE_ORDER.includes(t)))
    .map((type) => {
      const of = input.notices.filter((n) => n.type === type);
      const by = (s: string) => of.filter((n) => n.status === s).length;
      return {
        type,
        label: noticeTypeLabel(lang, type),
        queued: by('Queued'),
        sending: by('Sending'),
        sent: by('Sent'),
        failed: by('Failed'),
        skipped: by('Skipped'),
      };
    });
  const sum = (f: (e: ExcursionFigures) => number) => excursions.reduce((s, e) => s + f(e), 0);
  return {
    language: lang,
    generatedAt: input.now.toISOString(),
    generatedAtText: localTimeText(lang, input.localNow),
    totals: {
      applications: input.applications.length,
      takingPart: taking.length,
      places: sum((e) => e.places),
      placesRequested: sum((e) => e.placesRequested),
      placesGranted: sum((e) => e.placesGranted),
      placesFreed: sum((e) => e.placesFreed),
      noticesSent: notices.reduce((s, n) => s + n.sent, 0),
      noticesWaiting: notices.reduce((s, n) => s + n.queued + n.failed, 0),
    },
    excursions,
    statuses: counts(
      input.applications.map((a) => a.status),
      STATUS_ORDER,
    )
      .filter((c) => c.count > 0)
      .map((c) => ({ ...c, label: statusLabel(lang, c.name) })),
    regions: counts(input.applications.map((a) => a.region)).map((c) => ({
      ...c,
      label: c.name === '' ? t(lang, 'dash.noRegion') : c.name,
    })),
    scores: scoreCounts.map((c) => ({
      ...c,
      label: c.name === '' ? t(lang, 'dash.noScore') : bandLabel(lang, Number(c.name)),
    })),
    notices,
    quota: input.quota,
  };
}
