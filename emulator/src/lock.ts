/**
 * LockService for the emulator. The emulator runs one execution at a time, so "another process"
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

/** Who holds the script, document and user locks (emulator-only, uncounted). */
export class LockRegistry {
  private readonly holds = new Map<LockKind, Hold>();
  private clock: { nowMs(): number } | null;

  /** `clock` is the virtual clock timed holds are measured on; FakeLockService attaches env.clock. */
  constructor(clock?: { nowMs(): number }) {
    this.clock = clock ?? null;
  }

  /** Uses `clock` for timed holds unless one was given already. */
  attachClock(clock: { nowMs(): number }): void {
    this.clock ??= clock;
  }

  private now(): number {
    return this.clock ? this.clock.nowMs() : Date.now();
  }

  /** The holder of `kind` now (a timed hold that has ended is dropped), or null when free. */
  holder(kind: LockKind): LockHolder | null {
    const h = this.holds.get(kind);
    if (!h) return null;
    if (h.until !== undefined && this.now() >= h.until) {
      this.holds.delete(kind);
      return null;
    }
    return h.holder;
  }

  /** When a timed hold elsewhere ends (virtual ms), or undefined. */
  heldUntil(kind: LockKind): number | undefined {
    return this.holds.get(kind)?.until;
  }

  /**
   * Makes another (pretended) process hold the lock; with `forMs` the hold ends once the virtual
   * clock has moved `forMs` past now.
   */
  holdElsewhere(kind: LockKind = 'script', forMs?: number): void {
    const hold: Hold = { holder: 'elsewhere' };
    if (forMs !== undefined) hold.until = this.now() + forMs;
    this.holds.set(kind, hold);
  }

  /** Ends the pretended other process's hold. */
  releaseElsewhere(kind: LockKind = 'script'): void {
    if (this.holds.get(kind)?.holder === 'elsewhere') this.holds.delete(kind);
  }

  /** Gives the lock to an execution (used by FakeLock). */
  take(kind: LockKind, executionId: number): void {
    this.holds.set(kind, { holder: executionId });
  }

  /** Frees the lock if `executionId` holds it (used by FakeLock). */
  release(kind: LockKind, executionId: number): void {
    if (this.holds.get(kind)?.holder === executionId) this.holds.delete(kind);
  }

  /** Frees every lock an execution holds; the emulator calls it when the execution ends. */
  releaseAll(executionId: number): void {
    for (const [kind, h] of [...this.holds]) if (h.holder === executionId) this.holds.delete(kind);
  }
}

// https://developers.google.com/apps-script/reference/lock/lock
export class FakeLock implements Pick<GoogleAppsScript.Lock.Lock, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'> {
  constructor(
    private readonly env: Env,
    private readonly registry: LockRegistry,
    /** Which lock this object stands for (emulator-only). */
    readonly kind: LockKind,
  ) {}

  private me(): number {
    return this.env.execution?.id ?? 0;
  }

  /** Waits up to `timeoutMs` of virtual time; true once the lock is ours. */
  private acquire(timeoutMs: unknown): boolean {
    const timeout = Math.max(0, Number(timeoutMs) || 0);
    const clock = this.env.clock;
    const me = this.me();
    const holder = this.registry.holder(this.kind);
    if (holder === null || holder === me) {
      this.registry.take(this.kind, me);
      return true;
    }
    const until = holder === 'elsewhere' ? this.registry.heldUntil(this.kind) : undefined;
    if (until !== undefined && until - clock.nowMs() <= timeout) {
      clock.advance(Math.max(0, until - clock.nowMs()));
      this.registry.holder(this.kind);
      this.registry.take(this.kind, me);
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
    this.registry.release(this.kind, this.me());
  }

  hasLock(): boolean {
    this.env.calls.record('Lock.Lock.hasLock');
    return this.registry.holder(this.kind) === this.me();
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
  }

  getScriptLock(): FakeLock {
    this.env.calls.record('Lock.LockService.getScriptLock');
    return new FakeLock(this.env, this.registry, 'script');
  }

  /** null outside a containing document (the script here is bound to a spreadsheet when one is active). */
  getDocumentLock(): FakeLock {
    this.env.calls.record('Lock.LockService.getDocumentLock');
    if (this.env.activeSpreadsheetId === null) return null as unknown as FakeLock;
    return new FakeLock(this.env, this.registry, 'document');
  }

  getUserLock(): FakeLock {
    this.env.calls.record('Lock.LockService.getUserLock');
    return new FakeLock(this.env, this.registry, 'user');
  }
}
