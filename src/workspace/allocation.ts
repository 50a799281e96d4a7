/**
 * Allocate places (SPEC section 6): reads Applications, Excursions, Municipalities and Allocations
 * once, lets the core decide, then writes Allocations in one block (staff's Locked, Response, Reply
 * By, Delegates Named, Told and own columns kept row by row), sets the allocated excursions'
 * Status, and queues a notice for each row whose news differs from what its `Told` says the
 * applicant was last told. Notices are queued before Allocations is written: a run that dies in
 * between is re-run to the same decisions, and a notice still Queued is not queued twice
 * (`nextKey`).
 */
import { type AllocApplicant, type AllocationRow, allocate, type PriorRow, type Reason } from '../core/allocation';
import { StaffError } from '../core/errors';
import { type Language, type MessageKey, t, vocabularyLabel } from '../core/i18n';
import { parsePreferences } from '../core/intake';
import { municipalityKey } from '../core/municipalities';
import { KeyFamilies } from '../core/notice-keys';
import { cellName } from '../core/table';
import { asText } from '../core/text';
import { parseTold as readTold, toldPlaces } from '../core/told';
import {
  ALLOCATION_HEADERS,
  APPLICATION_HEADERS,
  MUNICIPALITY_HEADERS,
  NOTICE_HEADERS,
  type NoticeType,
  SHEET,
} from '../core/vocabulary';
import { type ExcursionRow, readExcursions } from './excursions';
import { lookUpSheet, timeZoneOf } from './execution';
import { loadMunicipalities } from './municipality-cache';
import { noticeKey, type QueuedNotice, queueNotices } from './notices';
import { attendedMunicipalities } from './scoring';
import { loadSettings } from './settings';
import {
  type Cell,
  isDateCell,
  readSheet,
  readTable,
  rewriteRows,
  type Spreadsheet,
  text,
  writeColumns,
} from './sheets';

type AllocationHeader = (typeof ALLOCATION_HEADERS)[number];

/** One line of the dialog: who, where, and the places before and after. */
export interface PlannedChange {
  applicationId: string;
  municipality: string;
  excursionId: string;
  label: string;
  /** Places the applicant was told it has here (0: none). */
  before: number;
  /** Places it would have here now (0: none). */
  after: number;
  /** For a promotion: the label of the place it keeps until it answers. */
  keeps?: string;
}

export interface AllocationPlan {
  applicants: number;
  excursions: ExcursionRow[];
  seats: Record<string, { places: number; granted: number }>;
  decisions: Record<string, number>;
  changed: number;
  notices: QueuedNotice[];
  digest: string;
  /** New offers (an `accepted` notice). */
  offered: PlannedChange[];
  /** Offers ranked above a place held, kept until answered (a `promoted` notice). */
  promoted: PlannedChange[];
  /** Places withdrawn or changed in size (a `changed` notice). */
  lost: PlannedChange[];
  /** Municipalities as entered that are no name of the Municipalities sheet: their applications wait. */
  unmatched: string[];
  /** Places granted on rows declined or lapsed since the last allocation: what this one can hand out again. */
  freed: number;
  /** Writes the plan; returns how many notices were queued. */
  apply(): number;
}

function ordinal(rank: number, lang: Language): string {
  return rank <= 3 ? t(lang, `rank.${rank}` as MessageKey) : t(lang, 'rank.n', { n: rank });
}

/**
 * The Reason cell: words a member of staff can read out on the phone. `labelOf` names an
 * excursion; `held` is every seat held at this one (for a waitlisted row: what holds it back).
 */
export function describeReason(
  row: AllocationRow,
  labelOf: (excursionId: string) => string,
  mark: string,
  lang: Language,
  held = row.reason.seatsTaken,
): string {
  const r: Reason = row.reason;
  const rank = ordinal(r.rank, lang);
  const label = labelOf(row.excursionId);
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
      return t(lang, 'reason.kept', { rank, mark: vocabularyLabel(lang, mark), granted: row.placesGranted });
    case 'offer':
      return t(lang, 'reason.offer', { rank, granted: row.placesGranted });
    case 'promoted':
      return t(lang, 'reason.promoted', {
        rank,
        granted: row.placesGranted,
        releases: labelOf(r.releases ?? ''),
      });
    case 'full': {
      // Only what is true is said: no "0 of 3 places taken" when nobody ahead holds one.
      const why: string[] = [];
      if (r.places === 0) why.push(t(lang, 'reason.full.none'));
      if (r.ahead > 0)
        why.push(t(lang, 'reason.full.ahead', { ahead: r.ahead, taken: r.seatsTaken, places: r.places }));
      if (r.keptBelow > 0) why.push(t(lang, 'reason.full.kept', { kept: r.keptBelow }));
      const rest = held - r.seatsTaken - r.keptBelow;
      if (rest > 0) why.push(t(lang, 'reason.full.rounds', { rest }));
      return t(lang, 'reason.full', { rank, label, position: row.waitlistPosition ?? '', why: why.join('; ') });
    }
    case 'rejected':
      return t(lang, 'reason.rejected', { rank });
    case 'lapsed':
      return t(lang, 'reason.lapsed', { rank });
    case 'released':
      return t(lang, 'reason.released', { rank });
    case 'better':
      return t(lang, 'reason.better');
    default:
      return t(lang, 'reason.declined', { rank });
  }
}

/** A `Told` cell as core/told.ts reads it, flattened for this file: kind '' and 0 places when nothing was told. */
export function parseTold(cell: Cell | undefined): { kind: string; places: number } {
  const t = readTold(cell);
  return { kind: t.kind === 'none' ? '' : t.kind, places: toldPlaces(cell) };
}

/**
 * The notices allocation queues. `changed` (more or fewer places, a place withdrawn) is a type of
 * the notices work, which adds it to NOTICE_TYPES with its letters; written so that this file
 * compiles with or without that.
 */
export type AllocationNotice = NoticeType | 'changed';

/** Reasons whose applicant brought the outcome about, or was told it already (no `not_selected`, no `changed`). */
const QUIET = new Set<Reason['kind'] | 'gone'>(['declined', 'lapsed', 'released']);

/**
 * The notice a row needs, comparing it with what the applicant was last told (`Told`), never with
 * the old Decision: every change to what it believes is told once, and nothing it believes is told
 * again. `kind` 'gone' is a row the core no longer has (the application no longer takes part).
 */
export function noticeFor(
  row: { decision: string; placesGranted: number; kind: Reason['kind'] | 'gone' },
  told: Cell | undefined,
): AllocationNotice | null {
  const was = parseTold(told);
  const wasPlaces = toldPlaces(told);
  const believesOffer = wasPlaces > 0;
  if (row.decision === 'Accepted' && row.placesGranted > 0) {
    if (believesOffer) return wasPlaces === row.placesGranted ? null : 'changed';
    return row.kind === 'promoted' ? 'promoted' : 'accepted';
  }
  // A place it believes it has is gone: told as a withdrawal, unless it gave the place up itself.
  if (believesOffer) return QUIET.has(row.kind) ? null : 'changed';
  if (was.kind === 'Lapsed' || was.kind === 'Declined') return null;
  if (row.decision === 'Waitlisted') return was.kind === 'Waitlisted' ? null : 'waitlisted';
  if (was.kind === 'Not selected' || row.kind === 'gone' || row.kind === 'better' || QUIET.has(row.kind)) return null;
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

  const labelOf = (id: string) => byId.get(id)?.label || id;

  const register = registerNames(ss);
  const apps = readSheet(ss, SHEET.applications, APPLICATION_HEADERS);
  const a = apps.cols;
  const attended = attendedMunicipalities(ss);
  const emails = new Map<string, string>();
  const municipalities = new Map<string, string>();
  const applicants: AllocApplicant[] = [];
  const unscored: string[] = [];
  const unmatched = new Set<string>();
  for (const r of apps.rows) {
    const id = text(r[a['Application ID']]);
    const status = text(r[a.Status]);
    if (id === '') continue;
    emails.set(id, text(r[a.Email]));
    municipalities.set(id, text(r[a.Municipality]));
    const takesPart = status === 'Received' || (status === 'Late' && settings.acceptLate);
    if (!takesPart || (settings.requireSignedForm && r[a['Signed Form Received']] !== true)) continue;
    // Intake normalised the name to the register's spelling; one that is not there waits for staff.
    const municipality = text(r[a.Municipality]).trim();
    if (!register.has(municipality)) {
      unmatched.add(municipality || text(r[a['Municipality (as entered)']]).trim() || id);
      continue;
    }
    if (typeof r[a.Score] !== 'number') {
      unscored.push(id);
      continue;
    }
    const submitted = r[a['Submitted At']];
    applicants.push({
      id,
      municipality,
      score: r[a.Score] as number,
      // No time (a blank cell) is NaN, which the core sorts last: 0 would win every tie.
      submittedAt: isDateCell(submitted) ? submitted.getTime() : Number.NaN,
      newcomer: !attended.has(municipalityKey(municipality)),
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
  let freed = 0;
  for (const r of alloc.rows) {
    const key = keyOf(text(r[c['Application ID']]), text(r[c['Excursion ID']]));
    if (key !== '|' && !previous.has(key)) previous.set(key, r);
    // Still Accepted with places: no allocation has run since this decline or lapse.
    if (['Declined', 'Lapsed'].includes(text(r[c.Response])) && text(r[c.Decision]) === 'Accepted')
      freed += Number(r[c['Places Granted']]) || 0;
  }
  const toldOf = toldReader(ss, c, [...previous.values()]);
  const prior: PriorRow[] = [...previous.values()].map((r) => ({
    applicationId: text(r[c['Application ID']]),
    excursionId: text(r[c['Excursion ID']]),
    locked: (['Accepted', 'Rejected'].includes(text(r[c.Locked])) ? text(r[c.Locked]) : '') as PriorRow['locked'],
    response: (['Confirmed', 'Declined', 'Lapsed'].includes(text(r[c.Response]))
      ? text(r[c.Response])
      : '') as PriorRow['response'],
    placesGranted: Number(r[c['Places Granted']]) || 0,
    toldPlaces: toldPlaces(toldOf(r)),
  }));

  const input = {
    applicants,
    excursions: allocatable.map((e) => ({ id: e.id, places: e.places, maxPerMunicipality: e.maxPerMunicipality })),
    prior,
    maxExcursionsPerMunicipality: settings.maxExcursionsPerMunicipality,
    prioritizeNewcomers: settings.prioritizeNewcomers,
  };
  const result = allocate(input);

  // Notice keys already used, for `#n` when news is told again: Notices read once, and only when news is to be told.
  let known: KeyFamilies | null = null;
  const keysNow = () => {
    if (known) return known;
    const notes = readSheet(ss, SHEET.notices, NOTICE_HEADERS);
    known = new KeyFamilies(
      notes.rows.map((r) => [text(r[notes.cols['Notice Key']]).trim(), text(r[notes.cols.Status]).trim()] as const),
    );
    return known;
  };

  // The new block: the core's rows in excursion order, then earlier rows the core no longer has.
  const order = new Map(allocatable.map((e, i) => [e.id, i]));
  const sorted = [...result.rows].sort((x, y) => (order.get(x.excursionId) ?? 0) - (order.get(y.excursionId) ?? 0));
  const now = new Date();
  const statusOf = new Map(apps.rows.map((r) => [text(r[a['Application ID']]), text(r[a.Status])]));
  const block: Cell[][] = [];
  const notices: QueuedNotice[] = [];
  const offered: PlannedChange[] = [];
  const promoted: PlannedChange[] = [];
  const lost: PlannedChange[] = [];
  const decisions: Record<string, number> = { Accepted: 0, Waitlisted: 0, 'Not selected': 0 };
  let changed = 0;
  const seen = new Set<string>();
  const holding = new Set(result.rows.filter((r) => r.decision === 'Accepted').map((r) => r.applicationId));
  const staffCell = (v: Cell | undefined): Cell => (typeof v === 'string' ? asText(v) : (v ?? ''));
  const tell = (
    row: { decision: string; placesGranted: number; kind: Reason['kind'] | 'gone'; releases?: string },
    applicationId: string,
    excursionId: string,
    told: Cell | undefined,
  ) => {
    const found = noticeFor(row, told);
    if (!found) return;
    const type = found as NoticeType;
    const key = keysNow().next(noticeKey({ type, applicationId, excursionId }));
    // A notice of the same family still waits to be sent: the send-time check words it from the row as it is then.
    if (key === null) return;
    notices.push({ type, applicationId, excursionId, to: emails.get(applicationId) ?? '', key });
    const line: PlannedChange = {
      applicationId,
      municipality: municipalities.get(applicationId) || applicationId,
      excursionId,
      label: labelOf(excursionId),
      before: toldPlaces(told),
      after: row.decision === 'Accepted' ? row.placesGranted : 0,
    };
    if (found === 'accepted') offered.push(line);
    else if (found === 'promoted') promoted.push({ ...line, keeps: labelOf(row.releases ?? '') });
    else if (found === 'changed') lost.push(line);
  };
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
    const held = result.seats[row.excursionId]?.granted ?? 0;
    const values: Partial<Record<AllocationHeader, Cell>> = {
      'Application ID': asText(row.applicationId),
      Municipality: asText(municipalities.get(row.applicationId) ?? ''),
      'Excursion ID': asText(row.excursionId),
      Preference: row.preference,
      'Places Requested': row.placesRequested,
      'Places Granted': row.placesGranted,
      Decision: row.decision,
      'Waitlist Position': row.waitlistPosition ?? '',
      Reason: asText(describeReason(row, labelOf, mark, lang, held)),
      'Updated At': sameAsBefore && old ? old[c['Updated At']] : now,
    };
    block.push(withStaffColumns(alloc.width, c, values, old, staffCell));
    decisions[row.decision]++;
    if (oldDecision !== row.decision) changed++;
    tell(
      {
        decision: row.decision,
        placesGranted: row.placesGranted,
        kind: row.reason.kind,
        releases: row.reason.releases,
      },
      row.applicationId,
      row.excursionId,
      old ? toldOf(old) : '',
    );
  }
  for (const [key, old] of previous) {
    if (seen.has(key)) continue;
    const excursionId = text(old[c['Excursion ID']]);
    // An excursion not allocated now (Closed, Done) keeps its rows as they are: they record what happened.
    if (!byId.has(excursionId)) {
      block.push(withStaffColumns(alloc.width, c, {}, old, staffCell));
      continue;
    }
    // Kept, never deleted: the applicant now holds an excursion it prefers, or no longer takes part.
    const appId = text(old[c['Application ID']]);
    const status = statusOf.get(appId) || '—';
    const better = holding.has(appId);
    const gone = text(old[c.Decision]) !== 'Not selected' || Number(old[c['Places Granted']]) !== 0;
    const values: Partial<Record<AllocationHeader, Cell>> = {
      Decision: 'Not selected',
      'Places Granted': 0,
      'Waitlist Position': '',
      Reason: asText(
        better ? t(lang, 'reason.better') : t(lang, 'reason.gone', { status: vocabularyLabel(lang, status) }),
      ),
      'Updated At': gone ? now : old[c['Updated At']],
    };
    block.push(withStaffColumns(alloc.width, c, values, old, staffCell));
    if (gone) changed++;
    tell(
      { decision: 'Not selected', placesGranted: 0, kind: better ? 'better' : 'gone' },
      appId,
      excursionId,
      toldOf(old),
    );
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
    offered,
    promoted,
    lost,
    unmatched: [...unmatched].sort((x, y) => x.localeCompare(y, 'sl')),
    freed,
    apply() {
      queueNotices(ss, notices);
      rewriteRows(alloc, block);
      const ids = new Set(allocatable.filter((e) => e.status === 'Open').map((e) => e.id));
      if (ids.size > 0) {
        const ec = excursionTable.cols;
        writeColumns(excursionTable, ['Status'], (i) => {
          const current = excursionTable.rows[i][ec.Status];
          return ids.has(text(excursionTable.rows[i][ec['Excursion ID']])) ? 'Allocated' : staffCell(current);
        });
      }
      return notices.length;
    },
  };
}

/** What each allocation notice told, when sending did not record it in `Told` (design table). */
const TOLD_BY: Record<string, (row: Cell[], c: Record<AllocationHeader, number>) => string> = {
  accepted: (row, c) => (Number(row[c['Places Granted']]) > 0 ? `Accepted ${Number(row[c['Places Granted']])}` : ''),
  promoted: (row, c) => TOLD_BY.accepted(row, c),
  changed: (row, c) => (text(row[c.Decision]) === 'Accepted' ? TOLD_BY.accepted(row, c) : 'Not selected'),
  waitlisted: () => 'Waitlisted',
  not_selected: () => 'Not selected',
};

/**
 * `Told` of an Allocations row. A row told by a notice `Sent` before sending recorded `Told` (a
 * season under way when the add-on was updated) has it blank: then the last allocation notice Sent
 * for its pair says what the applicant was told, read against the row as that allocation left it.
 * Without this, the first allocation after an update would tell every applicant its place again.
 * Notices is read only when some row has `Told` blank.
 */
function toldReader(
  ss: Spreadsheet,
  c: Record<AllocationHeader, number>,
  rows: readonly Cell[][],
): (row: Cell[]) => Cell {
  if (rows.every((r) => text(r[c.Told]).trim() !== '')) return (row) => row[c.Told];
  const notes = readSheet(ss, SHEET.notices, NOTICE_HEADERS);
  const n = notes.cols;
  const lastSent = new Map<string, string>();
  for (const r of notes.rows) {
    const type = text(r[n.Type]);
    if (text(r[n.Status]) !== 'Sent' || !(type in TOLD_BY)) continue;
    lastSent.set(`${text(r[n['Application ID']])}|${text(r[n['Excursion ID']])}`, type);
  }
  return (row) => {
    if (text(row[c.Told]).trim() !== '') return row[c.Told];
    const type = lastSent.get(`${text(row[c['Application ID']])}|${text(row[c['Excursion ID']])}`);
    return type ? TOLD_BY[type](row, c) : '';
  };
}

/**
 * The names of the Municipalities sheet, trimmed, read fresh (not from the ten-minute cache, so a
 * name staff just added counts at once); the bundled list where the sheet is missing or empty.
 */
function registerNames(ss: Spreadsheet): Set<string> {
  const sheet = lookUpSheet(ss, SHEET.municipalities);
  if (sheet) {
    const table = readTable(sheet, MUNICIPALITY_HEADERS, SHEET.municipalities, ss);
    const names = table.rows.map((r) => text(r[table.cols.Name]).trim()).filter((n) => n !== '');
    if (names.length > 0) return new Set(names);
  }
  return new Set(loadMunicipalities(ss).map((m) => m.name.trim()));
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
    // SPEC values (a decision, a notice type) in the staff's words.
    .map(([k, n]) => t(lang, 'count.item', { label: vocabularyLabel(lang, k), count: n }));
  return parts.length > 0 ? parts.join(', ') : t(lang, 'allocate.none');
}

/** At most this many names per list in the dialog; the rest are counted. */
const NAMES_SHOWN = 10;

function names(items: readonly string[], lang: Language): string {
  const shown = items.slice(0, NAMES_SHOWN).join('; ');
  return items.length > NAMES_SHOWN
    ? `${shown}; ${t(lang, 'allocate.more', { count: items.length - NAMES_SHOWN })}`
    : shown;
}

/**
 * What the Allocate places dialog says before anything is written: who would be newly offered a
 * place, who promoted, who would lose or change a place, which municipalities wait unmatched, and
 * how many places declines and lapses freed since the last allocation. Empty lists are left out.
 */
export function describeChanges(plan: AllocationPlan, lang: Language): string {
  const lines: string[] = [];
  const list = (key: MessageKey, items: string[]) => {
    if (items.length > 0) lines.push(t(lang, key, { count: items.length, names: names(items, lang) }));
  };
  list(
    'allocate.offered',
    plan.offered.map((c) => `${c.municipality}, ${c.label}: ${t(lang, 'allocate.places', { places: c.after })}`),
  );
  list(
    'allocate.promoted',
    plan.promoted.map(
      (c) =>
        `${c.municipality}, ${c.label}: ${t(lang, 'allocate.places', { places: c.after })} (${t(lang, 'allocate.keeps', { label: c.keeps ?? '' })})`,
    ),
  );
  list(
    'allocate.lost',
    plan.lost.map(
      (c) =>
        `${c.municipality}, ${c.label}: ${c.after === 0 ? t(lang, 'allocate.withdrawn') : t(lang, 'allocate.change', { before: c.before, after: c.after })}`,
    ),
  );
  list('allocate.unmatched', plan.unmatched);
  if (plan.freed > 0) lines.push(t(lang, 'allocate.freed', { count: plan.freed }));
  return lines.length > 0 ? `\n\n${lines.join('\n\n')}` : '';
}
