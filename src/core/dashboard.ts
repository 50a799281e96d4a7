/**
 * The dashboard's figures (SPEC section 8 and the Summary sheet): one payload type shared by the
 * server function `getDashboardData`, the sidebar page, the Summary sheet and report.html.
 */
import type { Language } from './i18n';

export interface ExcursionFigures {
  id: string;
  label: string;
  status: string;
  places: number;
  /** Applications that take part and list this excursion. */
  demand: number;
  firstChoices: number;
  accepted: number;
  seatsGranted: number;
  waitlisted: number;
  notSelected: number;
}

export interface Count {
  name: string;
  count: number;
}

export interface NoticeFigures {
  type: string;
  queued: number;
  sending: number;
  sent: number;
  failed: number;
  skipped: number;
}

/** The payload of getDashboardData: everything the sidebar and the report show. */
export interface DashboardData {
  language: Language;
  /** ISO 8601 time the figures were read. */
  generatedAt: string;
  totals: {
    applications: number;
    takingPart: number;
    places: number;
    seatsGranted: number;
    noticesSent: number;
    noticesWaiting: number;
  };
  excursions: ExcursionFigures[];
  statuses: Count[];
  regions: Count[];
  /** Score distribution in bands of 5 points ("0–5", "5–10", …), and "no score". */
  scores: Count[];
  notices: NoticeFigures[];
  /** MailApp recipients left today, null where it could not be read. */
  quota: number | null;
}

/** What the figures are counted from, already read from the sheets. */
export interface DashboardInput {
  language: Language;
  now: Date;
  applications: {
    id: string;
    status: string;
    region: string;
    score: number | null;
    takesPart: boolean;
    preferences: string[];
  }[];
  excursions: { id: string; label: string; status: string; places: number }[];
  allocations: { applicationId: string; excursionId: string; decision: string; placesGranted: number }[];
  notices: { type: string; status: string }[];
  quota: number | null;
}

function counts(values: readonly string[], order: readonly string[] = []): Count[] {
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
  const taking = input.applications.filter((a) => a.takesPart);
  const excursions: ExcursionFigures[] = input.excursions.map((e) => {
    const rows = input.allocations.filter((r) => r.excursionId === e.id);
    return {
      id: e.id,
      label: e.label,
      status: e.status,
      places: e.places,
      demand: taking.filter((a) => a.preferences.includes(e.id)).length,
      firstChoices: taking.filter((a) => a.preferences[0] === e.id).length,
      accepted: rows.filter((r) => r.decision === 'Accepted').length,
      seatsGranted: rows.filter((r) => r.decision === 'Accepted').reduce((s, r) => s + r.placesGranted, 0),
      waitlisted: rows.filter((r) => r.decision === 'Waitlisted').length,
      notSelected: rows.filter((r) => r.decision === 'Not selected').length,
    };
  });
  const scored = input.applications.map((a) => a.score);
  const top = Math.max(5, ...scored.filter((s): s is number => s !== null));
  const bands: string[] = [];
  for (let lo = 0; lo < top; lo += 5) bands.push(`${lo}–${lo + 5}`);
  const band = (s: number | null) =>
    s === null ? 'no score' : bands[Math.min(Math.max(Math.floor(s / 5), 0), bands.length - 1)];
  const noticeTypes = [...new Set(input.notices.map((n) => n.type))];
  const notices = ['received', 'incomplete', 'accepted', 'waitlisted', 'not_selected', 'promoted']
    .filter((t) => noticeTypes.includes(t))
    .concat(
      noticeTypes.filter(
        (t) => !['received', 'incomplete', 'accepted', 'waitlisted', 'not_selected', 'promoted'].includes(t),
      ),
    )
    .map((type) => {
      const of = input.notices.filter((n) => n.type === type);
      const by = (s: string) => of.filter((n) => n.status === s).length;
      return {
        type,
        queued: by('Queued'),
        sending: by('Sending'),
        sent: by('Sent'),
        failed: by('Failed'),
        skipped: by('Skipped'),
      };
    });
  return {
    language: input.language,
    generatedAt: input.now.toISOString(),
    totals: {
      applications: input.applications.length,
      takingPart: taking.length,
      places: excursions.reduce((s, e) => s + e.places, 0),
      seatsGranted: excursions.reduce((s, e) => s + e.seatsGranted, 0),
      noticesSent: notices.reduce((s, n) => s + n.sent, 0),
      noticesWaiting: notices.reduce((s, n) => s + n.queued + n.failed, 0),
    },
    excursions,
    statuses: counts(
      input.applications.map((a) => a.status || '—'),
      ['Received', 'Incomplete', 'Late', 'Duplicate', 'Ineligible', 'Withdrawn'],
    ).filter((c) => c.count > 0),
    regions: counts(input.applications.map((a) => a.region || '—')),
    scores: counts(scored.map(band), [...bands, 'no score']).filter((c) => c.count > 0 || c.name !== 'no score'),
    notices,
    quota: input.quota,
  };
}
