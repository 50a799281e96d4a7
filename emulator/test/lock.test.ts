/**
 * LockService fake: acquiring, a lock held by another (pretended) process, the virtual time spent
 * waiting, timed holds, re-entry, release at the end of an execution, call counting and faults.
 * Each quirk cites its reference.
 */
import { createEnv, type Env, InjectedFault } from '../src/env';
import { FakeLockService, LOCK_TIMEOUT, LockRegistry } from '../src/lock';

const LOCK = 'https://developers.google.com/apps-script/reference/lock/lock';
const LOCK_SERVICE = 'https://developers.google.com/apps-script/reference/lock/lock-service';

function setup(executionId: number | null = 1) {
  const env: Env = createEnv({ start: new Date('2017-04-03T10:00:00Z') });
  if (executionId !== null) {
    env.execution = {
      id: executionId,
      startedAt: env.clock.nowMs(),
      functionName: 'sendNotices',
      authMode: 'FULL',
      fromTrigger: false,
    };
  }
  const registry = new LockRegistry();
  const service = new FakeLockService(env, registry);
  const LockService = service as unknown as GoogleAppsScript.Lock.LockService;
  return { env, registry, LockService };
}

describe('Lock', () => {
  // LOCK#tryLock(Integer): returns true when the lock was acquired; LOCK#hasLock() then is true.
  it(`tryLock takes a free lock at once — ${LOCK}#tryLock(Integer)`, () => {
    const { env, registry, LockService } = setup();
    const lock = LockService.getScriptLock();
    expect(lock.hasLock()).toBe(false);
    const before = env.clock.nowMs();
    expect(lock.tryLock(10000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    expect(env.clock.nowMs()).toBe(before);
    expect(registry.holder('script')).toBe(1);
  });

  // LOCK#tryLock(Integer): "Attempts to acquire the lock, timing out after the provided number of milliseconds."
  it('tryLock returns false while another process holds the lock, after waiting the whole timeout', () => {
    const { env, registry, LockService } = setup();
    registry.holdElsewhere('script');
    const lock = LockService.getScriptLock();
    const before = env.clock.nowMs();
    expect(lock.tryLock(5000)).toBe(false);
    expect(env.clock.nowMs() - before).toBe(5000);
    expect(lock.hasLock()).toBe(false);
  });

  // LOCK#waitLock(Integer): "timing out with an exception after the provided number of milliseconds".
  it(`waitLock throws "${LOCK_TIMEOUT}" after the timeout — ${LOCK}#waitLock(Integer)`, () => {
    const { env, registry, LockService } = setup();
    registry.holdElsewhere();
    const before = env.clock.nowMs();
    expect(() => LockService.getScriptLock().waitLock(30000)).toThrow(LOCK_TIMEOUT);
    expect(env.clock.nowMs() - before).toBe(30000);
  });

  // A hold that ends within the wait: the lock is acquired when the other process releases it.
  it('succeeds when a timed hold elsewhere ends within the wait, having waited only until then', () => {
    const { env, registry, LockService } = setup();
    registry.holdElsewhere('script', 2000);
    const before = env.clock.nowMs();
    const lock = LockService.getScriptLock();
    lock.waitLock(30000);
    expect(env.clock.nowMs() - before).toBe(2000);
    expect(lock.hasLock()).toBe(true);
  });

  it('fails when the timed hold outlasts the timeout', () => {
    const { env, registry, LockService } = setup();
    registry.holdElsewhere('script', 60000);
    const before = env.clock.nowMs();
    expect(LockService.getScriptLock().tryLock(1000)).toBe(false);
    expect(env.clock.nowMs() - before).toBe(1000);
  });

  it('a timed hold that ended while the clock moved on leaves the lock free', () => {
    const { env, registry, LockService } = setup();
    registry.holdElsewhere('script', 1000);
    env.clock.advance(1000);
    expect(registry.holder('script')).toBeNull();
    expect(LockService.getScriptLock().tryLock(0)).toBe(true);
  });

  it('releaseElsewhere frees the lock', () => {
    const { registry, LockService } = setup();
    registry.holdElsewhere('script');
    registry.releaseElsewhere('script');
    expect(LockService.getScriptLock().tryLock(0)).toBe(true);
  });

  // Re-acquiring a lock the same execution already holds succeeds (no self-deadlock).
  it('lets the execution that holds the lock acquire it again, through another Lock object too', () => {
    const { env, LockService } = setup();
    const a = LockService.getScriptLock();
    a.waitLock(1000);
    const before = env.clock.nowMs();
    expect(a.tryLock(1000)).toBe(true);
    expect(LockService.getScriptLock().tryLock(1000)).toBe(true);
    expect(env.clock.nowMs()).toBe(before);
  });

  // LOCK#releaseLock(): "Releases the lock, allowing other processes waiting on the lock to continue"; no effect if not acquired.
  it('releaseLock frees the lock; releasing a lock not held does nothing', () => {
    const { registry, LockService } = setup();
    const lock = LockService.getScriptLock();
    lock.releaseLock();
    lock.tryLock(0);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    expect(registry.holder('script')).toBeNull();
    registry.holdElsewhere();
    lock.releaseLock();
    expect(registry.holder('script')).toBe('elsewhere');
  });

  // LOCK#releaseLock(): "Locks are released automatically when the script terminates" — releaseAll(executionId).
  it('releaseAll(executionId) frees every lock the execution holds, and only those', () => {
    const { env, registry, LockService } = setup(7);
    LockService.getScriptLock().tryLock(0);
    LockService.getUserLock().tryLock(0);
    registry.holdElsewhere('document');
    registry.releaseAll(7);
    expect(registry.holder('script')).toBeNull();
    expect(registry.holder('user')).toBeNull();
    expect(registry.holder('document')).toBe('elsewhere');
    env.execution = null;
    expect(LockService.getScriptLock().tryLock(0)).toBe(true);
    expect(registry.holder('script')).toBe(0);
  });

  it('a lock held by another execution (an outer run) makes the inner one wait and fail', () => {
    const { env, registry, LockService } = setup(1);
    LockService.getScriptLock().waitLock(0);
    env.execution = {
      id: 2,
      startedAt: env.clock.nowMs(),
      functionName: 'onFormSubmit',
      authMode: 'FULL',
      fromTrigger: true,
    };
    expect(LockService.getScriptLock().tryLock(500)).toBe(false);
    expect(registry.holder('script')).toBe(1);
  });
});

describe('LockService', () => {
  // LOCK_SERVICE#getDocumentLock(): null outside a containing document.
  it(`getDocumentLock is null without a bound document — ${LOCK_SERVICE}#getDocumentLock()`, () => {
    const { env, LockService } = setup();
    expect(LockService.getDocumentLock()).toBeNull();
    env.activeSpreadsheetId = 'ss-1';
    expect(LockService.getDocumentLock().tryLock(0)).toBe(true);
  });

  // Script, user and document locks are separate locks.
  it('keeps the script, user and document locks apart', () => {
    const { env, registry, LockService } = setup();
    env.activeSpreadsheetId = 'ss-1';
    registry.holdElsewhere('script');
    expect(LockService.getUserLock().tryLock(0)).toBe(true);
    expect(LockService.getDocumentLock().tryLock(0)).toBe(true);
    expect(LockService.getScriptLock().tryLock(0)).toBe(false);
  });

  it('counts Lock.* calls and injects faults', () => {
    const { env, LockService } = setup();
    const lock = LockService.getScriptLock();
    lock.tryLock(0);
    lock.hasLock();
    lock.releaseLock();
    expect(env.calls.snapshot('Lock.')).toEqual({
      'Lock.Lock.hasLock': 1,
      'Lock.Lock.releaseLock': 1,
      'Lock.Lock.tryLock': 1,
      'Lock.LockService.getScriptLock': 1,
    });
    env.calls.failNext('Lock.Lock.waitLock');
    expect(() => lock.waitLock(1000)).toThrow(InjectedFault);
    expect(lock.hasLock()).toBe(false);
  });
});
