/**
 * Notice keys (SPEC section 7): `type:applicationId[:excursionId]`, and `#n` (n = 2, 3, …) after it
 * when the same notice is told again after what it told had changed. A key is sent at most once,
 * so telling a decision again needs a key of its own.
 */

/** Statuses of a notice that is still to be sent: a second one of its family would tell it twice. */
const PENDING = new Set(['Queued', 'Failed']);

/** The base key and n of `key` (`accepted:APP-1:CGN#3` → base `accepted:APP-1:CGN`, n 3; no `#n` → 1). */
export function splitKey(key: string): { base: string; n: number } {
  const m = /^(.*)#(\d+)$/.exec(key.trim());
  return m ? { base: m[1], n: Number(m[2]) } : { base: key.trim(), n: 1 };
}

/**
 * The key under which a notice of base key `base` is queued, given the Notices rows as (key,
 * status) pairs (a Map of key → status serves): null when one of its family (K, K#2, …) is still
 * Queued or Failed (it is pending already, and says what the new one would), `base` when none
 * exists, else the next free `base#n`.
 */
export function nextKey(existing: Iterable<readonly [string, string]>, base: string): string | null {
  let highest = 0;
  for (const [key, status] of existing) {
    const k = splitKey(String(key));
    if (k.base !== base) continue;
    if (PENDING.has(String(status).trim())) return null;
    highest = Math.max(highest, k.n);
  }
  return highest === 0 ? base : `${base}#${highest + 1}`;
}

/**
 * `nextKey` over many notices at once: the Notices rows are indexed by family once, so queueing
 * a notice per allocation row costs no scan of every notice (20,000 applications would otherwise
 * cost 20,000 × 20,000 comparisons). `next` records the key it gives as Queued.
 */
export class KeyFamilies {
  private readonly families = new Map<string, { highest: number; pending: boolean }>();

  constructor(existing: Iterable<readonly [string, string]>) {
    for (const [key, status] of existing) this.add(String(key), String(status));
  }

  private add(key: string, status: string): void {
    const k = splitKey(key);
    const family = this.families.get(k.base) ?? { highest: 0, pending: false };
    family.highest = Math.max(family.highest, k.n);
    if (PENDING.has(status.trim())) family.pending = true;
    this.families.set(k.base, family);
  }

  /** As `nextKey(existing, base)`; the key given counts as Queued from now on. */
  next(base: string): string | null {
    const family = this.families.get(base);
    if (family?.pending) return null;
    const key = !family || family.highest === 0 ? base : `${base}#${family.highest + 1}`;
    this.add(key, 'Queued');
    return key;
  }

  /** Whether any key of the family of `base` exists. */
  has(base: string): boolean {
    return this.families.has(base);
  }
}
