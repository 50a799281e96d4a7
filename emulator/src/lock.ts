/**
 * LockService for the emulator. A script lock is one for the whole project, a user lock one per
 * user, a document lock one per document (null outside one), as the LockService reference says;
 * an add-on's customers therefore wait only on their own document. The emulator runs one
 * execution at a time (or nested ones), so "another process"
 * is pretended: LockRegistry.holdElsewhere makes the lock busy (for a while, or until released),
 * and tryLock/waitLock move the virtual clock forward by the time they would have waited. Every
 * public Apps Script method records "Lock.<Class>.<method>" in env.calls; LockRegistry is
 * emulator-only and uncounted. Never bundled into build/Code.js.
 */
import type { Env } from './env';

export type LockKind = 'script' | 'document' | 'user';

/** Who holds a lock: an execution id of this emulator, or a pretended other process. */
export type LockHolder = number | 'elsewhere';

export const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

interface Hold {
  holder: LockHolder;
  /** For a timed hold elsewhere: the virtual time (ms) it ends. */
  until?: number;
}

/**
 * Which lock `kind` means where a call runs: "script", "user:<email>" or "document:<id>" (null
 * outside a document).
 */
export type LockScope = (kind: LockKind) => string | null;

/**
 * Who holds which lock (emulator-only, uncounted). Its methods take a kind and mean that kind's
 * lock where the call runs (the user and the document of the execution or of the context); a
 * `scope` names one explicitly ("document:<id>", "user:<email>").
 */
export class LockRegistry {
  private readonly holds = new Map<string, Hold>();
  private clock: { nowMs(): number } | null;
  private scopeOf: LockScope = (kind) => kind;

  /** `clock` is the virtual clock timed holds are measured on; FakeLockService attaches env.clock. */
  constructor(clock?: { nowMs(): number }) {
    this.clock = clock ?? null;
  }

  /** Uses `clock` for timed holds unless one was given already. */
  attachClock(clock: { nowMs(): number }): void {
    this.clock ??= clock;
  }

  /** Resolves kinds to the lock of the running user and document (FakeLockService attaches it). */
  attachScope(scopeOf: LockScope): void {
    this.scopeOf = scopeOf;
  }

  private key(kindOrScope: LockKind | string): string {
    if (kindOrScope.includes(':')) return kindOrScope;
    // Outside a document the bare kind stands for "the" document lock (tests of the registry alone).
    return this.scopeOf(kindOrScope as LockKind) ?? kindOrScope;
  }

  private now(): number {
    return this.clock ? this.clock.nowMs() : Date.now();
  }

  /** The holder of `kind` now (a timed hold that has ended is dropped), or null when free. */
  holder(kind: LockKind | string): LockHolder | null {
    const key = this.key(kind);
    const h = this.holds.get(key);
    if (!h) return null;
    if (h.until !== undefined && this.now() >= h.until) {
      this.holds.delete(key);
      return null;
    }
    return h.holder;
  }

  /** When a timed hold elsewhere ends (virtual ms), or undefined. */
  heldUntil(kind: LockKind | string): number | undefined {
    return this.holds.get(this.key(kind))?.until;
  }

  /**
   * Makes another (pretended) process hold the lock; with `forMs` the hold ends once the virtual
   * clock has moved `forMs` past now.
   */
  holdElsewhere(kind: LockKind | string = 'script', forMs?: number): void {
    const hold: Hold = { holder: 'elsewhere' };
    if (forMs !== undefined) hold.until = this.now() + forMs;
    this.holds.set(this.key(kind), hold);
  }

  /** Ends the pretended other process's hold. */
  releaseElsewhere(kind: LockKind | string = 'script'): void {
    const key = this.key(kind);
    if (this.holds.get(key)?.holder === 'elsewhere') this.holds.delete(key);
  }

  /** Gives the lock to an execution (used by FakeLock). */
  take(kind: LockKind | string, executionId: number): void {
    this.holds.set(this.key(kind), { holder: executionId });
  }

  /** Frees the lock if `executionId` holds it (used by FakeLock). */
  release(kind: LockKind | string, executionId: number): void {
    const key = this.key(kind);
    if (this.holds.get(key)?.holder === executionId) this.holds.delete(key);
  }

  /** The locks held now, by scope ("script", "user:<email>", "document:<id>"), uncounted. */
  held(): Record<string, LockHolder> {
    const out: Record<string, LockHolder> = {};
    for (const key of [...this.holds.keys()]) {
      const h = this.holder(key);
      if (h !== null) out[key] = h;
    }
    return out;
  }

  /** Frees every lock an execution holds; the emulator calls it when the execution ends. */
  releaseAll(executionId: number): void {
    for (const [kind, h] of [...this.holds]) if (h.holder === executionId) this.holds.delete(kind);
  }
}

// https://developers.google.com/apps-script/reference/lock/lock
export class FakeLock implements Pick<GoogleAppsScript.Lock.Lock, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'> {
  /** The lock this object stands for, fixed when it was got: "script", "user:<email>", "document:<id>". */
  readonly scope: string;

  constructor(
    private readonly env: Env,
    private readonly registry: LockRegistry,
    /** Which lock this object stands for (emulator-only). */
    readonly kind: LockKind,
    scope?: string,
  ) {
    this.scope = scope ?? lockScope(env, kind) ?? kind;
  }

  private me(): number {
    return this.env.execution?.id ?? 0;
  }

  /** Waits up to `timeoutMs` of virtual time; true once the lock is ours. */
  private acquire(timeoutMs: unknown): boolean {
    const timeout = Math.max(0, Number(timeoutMs) || 0);
    const clock = this.env.clock;
    const me = this.me();
    const holder = this.registry.holder(this.scope);
    if (holder === null || holder === me) {
      this.registry.take(this.scope, me);
      return true;
    }
    const until = holder === 'elsewhere' ? this.registry.heldUntil(this.scope) : undefined;
    if (until !== undefined && until - clock.nowMs() <= timeout) {
      clock.advance(Math.max(0, until - clock.nowMs()));
      this.registry.holder(this.scope);
      this.registry.take(this.scope, me);
      return true;
    }
    clock.advance(timeout);
    return false;
  }

  tryLock(timeoutInMillis: number): boolean {
    this.env.calls.record('Lock.Lock.tryLock');
    return this.acquire(timeoutInMillis);
  }

  waitLock(timeoutInMillis: number): void {
    this.env.calls.record('Lock.Lock.waitLock');
    if (!this.acquire(timeoutInMillis)) throw new Error(LOCK_TIMEOUT);
  }

  releaseLock(): void {
    this.env.calls.record('Lock.Lock.releaseLock');
    this.registry.release(this.scope, this.me());
  }

  hasLock(): boolean {
    this.env.calls.record('Lock.Lock.hasLock');
    return this.registry.holder(this.scope) === this.me();
  }
}

// https://developers.google.com/apps-script/reference/lock/lock-service
export class FakeLockService
  implements Pick<GoogleAppsScript.Lock.LockService, 'getScriptLock' | 'getDocumentLock' | 'getUserLock'>
{
  constructor(
    private readonly env: Env,
    private readonly registry: LockRegistry,
  ) {
    registry.attachClock(env.clock);
    registry.attachScope((kind) => lockScope(env, kind));
  }

  /** "Gets a lock that prevents any user from concurrently running a section of code": one for the whole project. */
  getScriptLock(): FakeLock {
    this.env.calls.record('Lock.LockService.getScriptLock');
    return new FakeLock(this.env, this.registry, 'script');
  }

  /**
   * One lock per document: "can be executed simultaneously by script instances running in the
   * context of different documents"; null "outside of the context of a containing document" (an
   * add-on's time-driven trigger has none, see Emulator).
   */
  getDocumentLock(): FakeLock {
    this.env.calls.record('Lock.LockService.getDocumentLock');
    if (this.env.activeSpreadsheetId === null) return null as unknown as FakeLock;
    return new FakeLock(this.env, this.registry, 'document');
  }

  /** One lock per user: "can be executed simultaneously by different users". */
  getUserLock(): FakeLock {
    this.env.calls.record('Lock.LockService.getUserLock');
    return new FakeLock(this.env, this.registry, 'user');
  }
}

/** The lock `kind` stands for where `env` runs now, or null (a document lock outside a document). */
export function lockScope(env: Pick<Env, 'user' | 'activeSpreadsheetId'>, kind: LockKind): string | null {
  if (kind === 'script') return 'script';
  if (kind === 'user') return `user:${env.user.email}`;
  return env.activeSpreadsheetId === null ? null : `document:${env.activeSpreadsheetId}`;
}
