/**
 * CacheService for the emulator: script, user and document caches whose entries expire on the
 * virtual clock, with the key, value, expiration and item limits of the Cache reference. Every
 * public Apps Script method records "Cache.<Class>.<method>" in env.calls; `peek` is
 * emulator-only and uncounted. Never bundled into build/Code.js.
 */
import type { Env } from './env';

export type CacheKind = 'script' | 'user' | 'document';

/** Cache reference, put(key, value): keys up to 250 characters, 100 KB per value, 600 s by default. */
export const MAX_KEY_LENGTH = 250;
export const MAX_VALUE_BYTES = 100 * 1024;
export const DEFAULT_EXPIRATION_S = 600;
/** put(key, value, expirationInSeconds): "the maximum is 21600 seconds (6 hours)". */
export const MAX_EXPIRATION_S = 21600;
/** "The cap for cached items is 1,000. If more than 1,000 items are written, the cache stores the 900 items farthest from expiration." */
export const MAX_ITEMS = 1000;
export const ITEMS_KEPT = 900;
export const KEY_TOO_LARGE = 'Argument too large: key';
export const VALUE_TOO_LARGE = 'Argument too large: value';

interface Entry {
  value: string;
  expiresAt: number;
}

const utf8 = new TextEncoder();

// https://developers.google.com/apps-script/reference/cache/cache
export class FakeCache
  implements Pick<GoogleAppsScript.Cache.Cache, 'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll'>
{
  constructor(
    private readonly env: Env,
    private readonly entries: Map<string, Entry>,
  ) {}

  private live(key: string): Entry | undefined {
    const e = this.entries.get(key);
    if (e && e.expiresAt <= this.env.clock.nowMs()) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }

  private static checkKey(key: unknown): string {
    const k = String(key);
    if (k.length > MAX_KEY_LENGTH) throw new Error(KEY_TOO_LARGE);
    return k;
  }

  /** Validates a batch, then writes it, then applies the item cap. */
  private write(values: [string, unknown][], expirationInSeconds: unknown): void {
    let seconds = expirationInSeconds === undefined ? DEFAULT_EXPIRATION_S : Math.floor(Number(expirationInSeconds));
    if (!Number.isFinite(seconds) || seconds < 1) seconds = DEFAULT_EXPIRATION_S;
    seconds = Math.min(seconds, MAX_EXPIRATION_S);
    const checked = values.map(([k, v]) => {
      const key = FakeCache.checkKey(k);
      const value = String(v);
      if (utf8.encode(value).length > MAX_VALUE_BYTES) throw new Error(VALUE_TOO_LARGE);
      return [key, value] as const;
    });
    const expiresAt = this.env.clock.nowMs() + seconds * 1000;
    for (const [key, value] of checked) {
      this.entries.delete(key);
      this.entries.set(key, { value, expiresAt });
    }
    this.evict();
  }

  private evict(): void {
    const now = this.env.clock.nowMs();
    for (const [k, e] of [...this.entries]) if (e.expiresAt <= now) this.entries.delete(k);
    if (this.entries.size <= MAX_ITEMS) return;
    const keep = [...this.entries].sort((a, b) => b[1].expiresAt - a[1].expiresAt).slice(0, ITEMS_KEPT);
    const kept = new Set(keep.map(([k]) => k));
    for (const k of [...this.entries.keys()]) if (!kept.has(k)) this.entries.delete(k);
  }

  get(key: string): string | null {
    this.env.calls.record('Cache.Cache.get');
    return this.live(String(key))?.value ?? null;
  }

  getAll(keys: string[]): Record<string, string> {
    this.env.calls.record('Cache.Cache.getAll');
    const out: Record<string, string> = {};
    for (const k of Array.isArray(keys) ? keys : []) {
      const e = this.live(String(k));
      if (e) out[String(k)] = e.value;
    }
    return out;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    this.env.calls.record('Cache.Cache.put');
    this.write([[key, value]], expirationInSeconds);
  }

  putAll(values: Record<string, unknown>, expirationInSeconds?: number): void {
    this.env.calls.record('Cache.Cache.putAll');
    this.write(Object.entries(values ?? {}), expirationInSeconds);
  }

  remove(key: string): void {
    this.env.calls.record('Cache.Cache.remove');
    this.entries.delete(String(key));
  }

  removeAll(keys: string[]): void {
    this.env.calls.record('Cache.Cache.removeAll');
    for (const k of Array.isArray(keys) ? keys : []) this.entries.delete(String(k));
  }
}

// https://developers.google.com/apps-script/reference/cache/cache-service
export class FakeCacheService
  implements Pick<GoogleAppsScript.Cache.CacheService, 'getScriptCache' | 'getUserCache' | 'getDocumentCache'>
{
  private readonly scriptEntries = new Map<string, Entry>();
  private readonly userEntries = new Map<string, Map<string, Entry>>();
  private readonly documentEntries = new Map<string, Map<string, Entry>>();

  constructor(private readonly env: Env) {}

  private entriesFor(kind: CacheKind): Map<string, Entry> | null {
    if (kind === 'script') return this.scriptEntries;
    const id = kind === 'user' ? this.env.user.email : this.env.activeSpreadsheetId;
    if (id === null) return null;
    const all = kind === 'user' ? this.userEntries : this.documentEntries;
    let entries = all.get(id);
    if (!entries) {
      entries = new Map();
      all.set(id, entries);
    }
    return entries;
  }

  getScriptCache(): FakeCache {
    this.env.calls.record('Cache.CacheService.getScriptCache');
    return new FakeCache(this.env, this.scriptEntries);
  }

  getUserCache(): FakeCache {
    this.env.calls.record('Cache.CacheService.getUserCache');
    return new FakeCache(this.env, this.entriesFor('user') as Map<string, Entry>);
  }

  /** null when the script is not bound to a document (no active spreadsheet). */
  getDocumentCache(): FakeCache | null {
    this.env.calls.record('Cache.CacheService.getDocumentCache');
    const entries = this.entriesFor('document');
    return entries ? new FakeCache(this.env, entries) : null;
  }

  /** The live entries of a cache with their expiry (virtual ms), uncounted (emulator-only). */
  peek(kind: CacheKind): Record<string, { value: string; expiresAt: number }> {
    const now = this.env.clock.nowMs();
    const out: Record<string, { value: string; expiresAt: number }> = {};
    for (const [k, e] of this.entriesFor(kind) ?? []) if (e.expiresAt > now) out[k] = { ...e };
    return out;
  }
}
