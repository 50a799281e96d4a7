/**
 * Who is sending notices in a spreadsheet. Staff actions hold the document lock, but an add-on's
 * time-driven run has none (LockService.getDocumentLock() is null outside a document), so both
 * also take a lease kept in the spreadsheet's developer metadata, which both can reach. Each party
 * writes its own lease, flushes, then reads every lease: it goes on only when no other live one is
 * there, and otherwise removes its own and backs off. Two parties at the same moment may both back
 * off (and try again later); they never both send.
 */

import { RESUME_AFTER_TIME_MS, scheduleResume } from './sending';

const LEASE_KEY = 'excursionDesk.sendingLease';
/** A run that found the lease taken asks the holder's run to make sure a later run sends what it queued. */
const ASK_KEY = 'excursionDesk.moreToSend';
/** Longer than any execution (6 minutes), so a lease left by a run that died expires by itself. */
const LEASE_MS = 7 * 60 * 1000;

interface Lease {
  holder: string;
  until: number;
}

/** A one-off failure of a Sheets call is tried once more: a lease left behind blocks sending for minutes. */
function twice<T>(call: () => T): T {
  try {
    return call();
  } catch (_e) {
    return call();
  }
}

function readLeases(ss: GoogleAppsScript.Spreadsheet.Spreadsheet) {
  return twice(() =>
    ss
      .getDeveloperMetadata()
      .filter((m) => m.getKey() === LEASE_KEY)
      .map((m) => {
        let lease: Lease | null = null;
        try {
          lease = JSON.parse(m.getValue() ?? '') as Lease;
        } catch (_e) {
          // A damaged lease counts as expired.
        }
        return { m, lease };
      }),
  );
}

/**
 * Takes the sending lease of `ss`: returns its release, or null when another run holds a live one
 * (nothing of ours is left behind then). Expired leases found on the way are removed.
 */
export function takeSendingLease(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): (() => void) | null {
  const me = Utilities.getUuid();
  const now = Date.now();
  ss.addDeveloperMetadata(LEASE_KEY, JSON.stringify({ holder: me, until: now + LEASE_MS }));
  twice(() => SpreadsheetApp.flush());
  const leases = readLeases(ss);
  const mine = leases.filter((l) => l.lease?.holder === me).map((l) => l.m);
  const release = () => {
    for (const m of mine) twice(() => m.remove());
  };
  let taken = true;
  for (const l of leases) {
    if (l.lease?.holder === me) continue;
    if (l.lease && l.lease.until > now) taken = false;
    else twice(() => l.m.remove());
  }
  if (taken) return release;
  release();
  return null;
}

/** Takes (and removes) the requests other runs left; true when there was one. */
function takeRequests(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): boolean {
  const asks = twice(() => ss.getDeveloperMetadata().filter((m) => m.getKey() === ASK_KEY));
  for (const m of asks) twice(() => m.remove());
  return asks.length > 0;
}

/**
 * Runs `body` holding the sending lease of `ss`; null (body not run) when another run holds it.
 * With `askIfTaken`, a taken lease leaves a request and is tried once more: either the holder has
 * finished by then and this run sends, or the holder, which looks for requests after releasing,
 * schedules a run that sends what this one queued. Nothing queued is left without a run to send it.
 */
export function whileSending<T>(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  body: () => T,
  askIfTaken = false,
): T | null {
  let release = takeSendingLease(ss);
  if (!release && askIfTaken) {
    ss.addDeveloperMetadata(ASK_KEY, String(Date.now()));
    release = takeSendingLease(ss);
  }
  if (!release) return null;
  try {
    return body();
  } finally {
    release();
    if (takeRequests(ss)) scheduleResume(ss, RESUME_AFTER_TIME_MS);
  }
}
