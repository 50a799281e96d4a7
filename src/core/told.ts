/**
 * `Told` (Allocations, written by sending only): what the last notice sent about a row told the
 * applicant. Allocation compares a new row with it, never with the old Decision, so that every
 * change to what an applicant believes is told once, and nothing it already believes is told again.
 */
import type { NoticeType } from './vocabulary';

export type Told =
  | { kind: 'Accepted'; places: number }
  | { kind: 'Confirmed'; places: number }
  | { kind: 'Declined' }
  | { kind: 'Waitlisted' }
  | { kind: 'Not selected' }
  | { kind: 'Lapsed' }
  | { kind: 'none' };

const SIMPLE = ['Declined', 'Waitlisted', 'Not selected', 'Lapsed'] as const;

/** Reads a `Told` cell leniently (spacing and case); anything unreadable counts as nothing told. */
export function parseTold(raw: unknown): Told {
  const s = String(raw ?? '')
    .trim()
    .replace(/\s+/g, ' ');
  const offer = /^(accepted|confirmed) (\d+)$/i.exec(s);
  if (offer && Number(offer[2]) >= 1)
    return { kind: offer[1].toLowerCase() === 'accepted' ? 'Accepted' : 'Confirmed', places: Number(offer[2]) };
  const simple = SIMPLE.find((k) => k.toLowerCase() === s.toLowerCase());
  return simple ? { kind: simple } : { kind: 'none' };
}

/** The cell text of `told` ('' for nothing told). */
export function formatTold(told: Told): string {
  if (told.kind === 'Accepted' || told.kind === 'Confirmed') return `${told.kind} ${told.places}`;
  return told.kind === 'none' ? '' : told.kind;
}

/** N of `Accepted N` / `Confirmed N`, else 0: the places the applicant believes it has been offered here. */
export function toldPlaces(raw: unknown): number {
  const t = parseTold(raw);
  return t.kind === 'Accepted' || t.kind === 'Confirmed' ? t.places : 0;
}

/** What sending reads of an Allocations row. */
export interface RowNow {
  decision: string;
  placesGranted: number;
  response: string;
}

/** Notice types whose sending writes `Told` for their row. */
export const TELLING_TYPES: readonly NoticeType[] = [
  'accepted',
  'promoted',
  'changed',
  'waitlisted',
  'not_selected',
  'lapsed',
  'reply',
];

/** The `Told` a notice of `type` leaves for a row as it is now; null for a type that does not tell a row's decision. */
export function toldAfter(type: NoticeType, row: RowNow): Told | null {
  const offered = row.decision === 'Accepted' && row.placesGranted > 0;
  switch (type) {
    case 'accepted':
    case 'promoted':
      return { kind: 'Accepted', places: row.placesGranted };
    case 'changed':
      return offered ? { kind: 'Accepted', places: row.placesGranted } : { kind: 'Not selected' };
    case 'waitlisted':
      return { kind: 'Waitlisted' };
    case 'not_selected':
      return { kind: 'Not selected' };
    case 'lapsed':
      return { kind: 'Lapsed' };
    case 'reply':
      if (row.response === 'Confirmed') return { kind: 'Confirmed', places: row.placesGranted };
      return row.response === 'Declined' ? { kind: 'Declined' } : null;
    default:
      return null;
  }
}

/** Why a notice no longer fits its row (the send-time check), or null when it fits. */
export type Staleness = 'noRow' | 'notOffered' | 'alreadyTold' | 'notWaitlisted' | 'notNotSelected' | 'noAnswer';

/**
 * The send-time check: a notice queued by an earlier allocation (or reply, or lapse) whose row has
 * changed since, or whose news the applicant was already told, is not sent.
 */
export function staleness(type: NoticeType, told: Told, row: RowNow | null): Staleness | null {
  if (!TELLING_TYPES.includes(type) && type !== 'reminder') return null;
  if (!row) return 'noRow';
  const offered = row.decision === 'Accepted' && row.placesGranted > 0;
  const believesOffer = told.kind === 'Accepted' || told.kind === 'Confirmed';
  switch (type) {
    case 'accepted':
    case 'promoted':
      if (!offered || row.response === 'Declined' || row.response === 'Lapsed') return 'notOffered';
      return believesOffer ? 'alreadyTold' : null;
    case 'changed':
      if (!believesOffer) return 'alreadyTold';
      return offered && told.places === row.placesGranted ? 'alreadyTold' : null;
    case 'waitlisted':
      if (row.decision !== 'Waitlisted') return 'notWaitlisted';
      return told.kind === 'none' || told.kind === 'Not selected' ? null : 'alreadyTold';
    case 'not_selected':
      if (row.decision !== 'Not selected') return 'notNotSelected';
      return told.kind === 'none' || told.kind === 'Waitlisted' ? null : 'alreadyTold';
    case 'reminder':
      return offered && told.kind === 'Accepted' && row.response === '' ? null : 'notOffered';
    case 'lapsed':
      if (row.response !== 'Lapsed') return 'notOffered';
      return told.kind === 'Lapsed' ? 'alreadyTold' : null;
    case 'reply':
      if (row.response !== 'Confirmed' && row.response !== 'Declined') return 'noAnswer';
      return null;
    default:
      return null;
  }
}
