/**
 * Allocate places (SPEC section 6): reads Applications, Excursions and Allocations once, lets the
 * core decide, then writes Allocations in one block (staff's Locked, Response and own columns kept
 * row by row), sets the allocated excursions' Status, and queues a notice for each decision that
 * changed. Notices are queued before Allocations is written: a run that dies in between is
 * re-run to the same decisions and queues nothing twice.
 */
import { type AllocApplicant, type AllocationRow, allocate, type PriorRow, type Reason } from '../core/allocation';
import { StaffError } from '../core/errors';
import { type Language, type MessageKey, t } from '../core/i18n';
import { parsePreferences } from '../core/intake';
import { municipalityKey } from '../core/municipalities';
import { cellName } from '../core/table';
import { asText } from '../core/text';
import { ALLOCATION_HEADERS, APPLICATION_HEADERS, type NoticeType, SHEET } from '../core/vocabulary';
import { type ExcursionRow, readExcursions } from './excursions';
import { timeZoneOf } from './execution';
import { missingNotices, type QueuedNotice, queueNotices } from './notices';
import { attendedMunicipalities } from './scoring';
import { loadSettings } from './settings';
import { type Cell, isDateCell, readSheet, rewriteRows, type Spreadsheet, text, writeColumns } from './sheets';

type AllocationHeader = (typeof ALLOCATION_HEADERS)[number];

export interface AllocationPlan {
  applicants: number;
  excursions: ExcursionRow[];
  seats: Record<string, { places: number; granted: number }>;
  decisions: Record<string, number>;
  changed: number;
  notices: QueuedNotice[];
  digest: string;
  /** Writes the plan; returns how many notices were queued (keys already in Notices are not queued again). */
  apply(): number;
}

function ordinal(rank: number, lang: Language): string {
  return rank <= 3 ? t(lang, `rank.${rank}` as MessageKey) : t(lang, 'rank.n', { n: rank });
}

/** The Reason cell: words a member of staff can read out on the phone. */
export function describeReason(row: AllocationRow, label: string, mark: string, lang: Language): string {
  const r: Reason = row.reason;
  const rank = ordinal(r.rank, lang);
  switch (r.kind) {
    case 'granted':
      return t(lang, 'reason.granted', {
        rank,
        priority: r.priority,
        competitors: r.competitors,
        label,
        granted: row.placesGranted,
        requested: row.placesRequested,
      });
    case 'kept':
      return t(lang, 'reason.kept', { rank, mark, granted: row.placesGranted });
    case 'full':
      return t(lang, 'reason.full', {
        rank,
        priority: r.priority,
        competitors: r.competitors,
        label,
        taken: r.seatsTaken,
        places: r.places,
      });
    case 'rejected':
      return t(lang, 'reason.rejected', { rank });
    default:
      return t(lang, 'reason.declined', { rank });
  }
}

/** The notice a changed decision needs (none when it did not change). */
export function noticeFor(previous: string | undefined, next: string): NoticeType | null {
  if (previous === next) return null;
  if (next === 'Accepted') return previous === 'Waitlisted' ? 'promoted' : 'accepted';
  if (next === 'Waitlisted') return 'waitlisted';
  return 'not_selected';
}

function wholeNumber(value: Cell, cell: string, what: string, min: number): number {
  const n = typeof value === 'number' ? value : Number(text(value));
  if (text(value) === '' || !Number.isInteger(n) || n < min)
    throw new StaffError('error.badPlaces', { cell, value: text(value), what, min });
  return n;
}

/** Reads everything, decides, and returns what would change; `apply()` writes it. */
export function planAllocation(ss: Spreadsheet, lang: Language): AllocationPlan {
  const tz = timeZoneOf(ss);
  const { settings } = loadSettings(ss, tz, true);
  const { table: excursionTable, excursions } = readExcursions(ss);
  const allocatable = excursions.filter((e) => e.status === 'Open' || e.status === 'Allocated');
  if (allocatable.length === 0) throw new StaffError('error.noExcursions');
  for (const e of allocatable) {
    const c = excursionTable.cols;
    const row = excursionTable.rows[e.row];
    e.places = wholeNumber(row[c.Places], cellName(SHEET.excursions, e.row, c.Places), 'Places', 0);
    e.maxPerMunicipality = wholeNumber(
      row[c['Max Per Municipality']],
      cellName(SHEET.excursions, e.row, c['Max Per Municipality']),
      'Max Per Municipality',
      1,
    );
  }
  const byId = new Map(allocatable.map((e) => [e.id, e]));

  const apps = readSheet(ss, SHEET.applications, APPLICATION_HEADERS);
  const a = apps.cols;
  const attended = attendedMunicipalities(ss);
  const emails = new Map<string, string>();
  const municipalities = new Map<string, string>();
  const applicants: AllocApplicant[] = [];
  const unscored: string[] = [];
  for (const r of apps.rows) {
    const id = text(r[a['Application ID']]);
    const status = text(r[a.Status]);
    if (id === '') continue;
    emails.set(id, text(r[a.Email]));
    municipalities.set(id, text(r[a.Municipality]));
    const takesPart = status === 'Received' || (status === 'Late' && settings.acceptLate);
    if (!takesPart || (settings.requireSignedForm && r[a['Signed Form Received']] !== true)) continue;
    if (typeof r[a.Score] !== 'number') {
      unscored.push(id);
      continue;
    }
    const submitted = r[a['Submitted At']];
    applicants.push({
      id,
      municipality: text(r[a.Municipality]),
      score: r[a.Score] as number,
      // No time (a blank cell) is NaN, which the core sorts last: 0 would win every tie.
      submittedAt: isDateCell(submitted) ? submitted.getTime() : Number.NaN,
      newcomer: !attended.has(municipalityKey(text(r[a.Municipality]))),
      requested: Math.max(1, Math.round(Number(r[a.Delegates]) || 1)),
      preferences: parsePreferences(text(r[a.Preferences]))
        .map((p) => p.excursionId)
        .filter((x) => byId.has(x)),
    });
  }
  if (unscored.length > 0) throw new StaffError('error.noScore', { count: unscored.length, first: unscored[0] });

  const alloc = readSheet(ss, SHEET.allocations, ALLOCATION_HEADERS);
  const c = alloc.cols;
  const keyOf = (appId: string, excId: string) => `${appId}|${excId}`;
  const previous = new Map<string, Cell[]>();
  for (const r of alloc.rows) {
    const key = keyOf(text(r[c['Application ID']]), text(r[c['Excursion ID']]));
    if (key !== '|' && !previous.has(key)) previous.set(key, r);
  }
  const prior: PriorRow[] = [...previous.values()].map((r) => ({
    applicationId: text(r[c['Application ID']]),
    excursionId: text(r[c['Excursion ID']]),
    locked: (['Accepted', 'Rejected'].includes(text(r[c.Locked])) ? text(r[c.Locked]) : '') as PriorRow['locked'],
    response: (['Confirmed', 'Declined', 'Lapsed'].includes(text(r[c.Response]))
      ? text(r[c.Response])
      : '') as PriorRow['response'],
    placesGranted: Number(r[c['Places Granted']]) || 0,
    toldPlaces: toldPlaces(r[c.Told]),
  }));

  const input = {
    applicants,
    excursions: allocatable.map((e) => ({ id: e.id, places: e.places, maxPerMunicipality: e.maxPerMunicipality })),
    prior,
    maxExcursionsPerMunicipality: settings.maxExcursionsPerMunicipality,
    prioritizeNewcomers: settings.prioritizeNewcomers,
  };
  const result = allocate(input);

  // The new block: the core's rows in excursion order, then earlier rows the core no longer has.
  const order = new Map(allocatable.map((e, i) => [e.id, i]));
  const sorted = [...result.rows].sort((x, y) => (order.get(x.excursionId) ?? 0) - (order.get(y.excursionId) ?? 0));
  const now = new Date();
  const statusOf = new Map(apps.rows.map((r) => [text(r[a['Application ID']]), text(r[a.Status])]));
  const block: Cell[][] = [];
  const notices: QueuedNotice[] = [];
  const decisions: Record<string, number> = { Accepted: 0, Waitlisted: 0, 'Not selected': 0 };
  let changed = 0;
  const seen = new Set<string>();
  const holding = new Set(result.rows.filter((r) => r.decision === 'Accepted').map((r) => r.applicationId));
  const staffCell = (v: Cell | undefined): Cell => (typeof v === 'string' ? asText(v) : (v ?? ''));
  for (const row of sorted) {
    const key = keyOf(row.applicationId, row.excursionId);
    seen.add(key);
    const old = previous.get(key);
    const oldDecision = old ? text(old[c.Decision]) : undefined;
    const mark = old ? [text(old[c.Locked]), text(old[c.Response])].filter(Boolean).join(', ') : '';
    const sameAsBefore =
      old !== undefined &&
      oldDecision === row.decision &&
      Number(old[c['Places Granted']]) === row.placesGranted &&
      text(old[c['Waitlist Position']]) === (row.waitlistPosition === null ? '' : String(row.waitlistPosition));
    const values: Partial<Record<AllocationHeader, Cell>> = {
      'Application ID': asText(row.applicationId),
      Municipality: asText(municipalities.get(row.applicationId) ?? ''),
      'Excursion ID': asText(row.excursionId),
      Preference: row.preference,
      'Places Requested': row.placesRequested,
      'Places Granted': row.placesGranted,
      Decision: row.decision,
      'Waitlist Position': row.waitlistPosition ?? '',
      Reason: asText(describeReason(row, byId.get(row.excursionId)?.label ?? row.excursionId, mark, lang)),
      Locked: staffCell(old?.[c.Locked]),
      Response: staffCell(old?.[c.Response]),
      'Updated At': sameAsBefore && old ? old[c['Updated At']] : now,
    };
    block.push(withStaffColumns(alloc.width, c, values, old, staffCell));
    decisions[row.decision]++;
    if (oldDecision !== row.decision) changed++;
    // A municipality that declined is not told it was not selected.
    const type = row.reason.kind === 'declined' ? null : noticeFor(oldDecision, row.decision);
    if (type)
      notices.push({
        type,
        applicationId: row.applicationId,
        excursionId: row.excursionId,
        to: emails.get(row.applicationId) ?? '',
      });
  }
  for (const [key, old] of previous) {
    if (seen.has(key)) continue;
    // Kept, never deleted: the applicant now holds an excursion it prefers, or no longer takes part.
    const appId = text(old[c['Application ID']]);
    const status = statusOf.get(appId) || '—';
    const better = holding.has(appId);
    const gone = text(old[c.Decision]) !== 'Not selected' || Number(old[c['Places Granted']]) !== 0;
    const values: Partial<Record<AllocationHeader, Cell>> = {
      Decision: 'Not selected',
      'Places Granted': 0,
      'Waitlist Position': '',
      Reason: asText(better ? t(lang, 'reason.better') : t(lang, 'reason.gone', { status })),
      'Updated At': gone ? now : old[c['Updated At']],
    };
    block.push(withStaffColumns(alloc.width, c, values, old, staffCell));
    if (gone) changed++;
  }

  const digest = Utilities.computeDigest(
    Utilities.DigestAlgorithm.SHA_256,
    JSON.stringify(input),
    Utilities.Charset.UTF_8,
  )
    .slice(0, 8)
    .map((b) => ((b + 256) % 256).toString(16).padStart(2, '0'))
    .join('');

  return {
    applicants: applicants.length,
    excursions: allocatable,
    seats: result.seats,
    decisions,
    changed,
    notices,
    digest,
    apply() {
      const fresh = missingNotices(ss, notices);
      queueNotices(ss, fresh);
      rewriteRows(alloc, block);
      const ids = new Set(allocatable.filter((e) => e.status === 'Open').map((e) => e.id));
      if (ids.size > 0) {
        const ec = excursionTable.cols;
        writeColumns(excursionTable, ['Status'], (i) => {
          const current = excursionTable.rows[i][ec.Status];
          return ids.has(text(excursionTable.rows[i][ec['Excursion ID']])) ? 'Allocated' : staffCell(current);
        });
      }
      return fresh.length;
    },
  };
}

/** A full row: the computed values over the staff's own cells of the same row (carried by key). */
function withStaffColumns(
  width: number,
  cols: Record<AllocationHeader, number>,
  values: Partial<Record<AllocationHeader, Cell>>,
  old: Cell[] | undefined,
  staffCell: (v: Cell | undefined) => Cell,
): Cell[] {
  const row: Cell[] = Array.from({ length: width }, (_, i) => staffCell(old?.[i]));
  for (const [header, value] of Object.entries(values) as [AllocationHeader, Cell][]) row[cols[header]] = value;
  return row;
}

/** "CGN-2017-04 12/12" per excursion, for the confirmation. */
export function describeSeats(plan: AllocationPlan): string {
  return plan.excursions.map((e) => `${e.id} ${plan.seats[e.id]?.granted ?? 0}/${e.places}`).join(', ');
}

export function describeCounts(counts: Record<string, number>, lang: Language): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`);
  return parts.length > 0 ? parts.join(', ') : t(lang, 'allocate.none');
}

/** N of a `Told` cell reading `Accepted N` or `Confirmed N` (spacing and case forgiven), else 0. */
export function toldPlaces(cell: Cell | undefined): number {
  const m = /^(accepted|confirmed)\s+(\d+)$/i.exec(text(cell).trim());
  return m ? Number(m[2]) : 0;
}
