/**
 * Session and Logger for the emulator. Session answers from the kernel (env.user, env.timeZone);
 * Logger keeps the execution log in memory. Every public Apps Script method records
 * "Base.<Class>.<method>" in env.calls; `entries`, `hideActiveUserEmail` and `clearEntries` are
 * emulator-only and uncounted. Never bundled into build/Code.js.
 */
import { createHash } from 'node:crypto';
import type { Env } from './env';
import { formatSimpleDate, sprintf } from './utilities';

type GUser = GoogleAppsScript.Base.User;

// https://developers.google.com/apps-script/reference/base/user
export class FakeUser implements Pick<GUser, 'getEmail'> {
  constructor(
    private readonly env: Env,
    private readonly email: string,
  ) {}

  getEmail(): string {
    this.env.calls.record('Base.User.getEmail');
    return this.email;
  }
}

// https://developers.google.com/apps-script/reference/base/session
export class FakeSession
  implements
    Pick<
      GoogleAppsScript.Base.Session,
      'getActiveUser' | 'getEffectiveUser' | 'getScriptTimeZone' | 'getActiveUserLocale' | 'getTemporaryActiveUserKey'
    >
{
  /**
   * When true, getActiveUser().getEmail() is '' — as the reference says happens when security
   * policies hide the user's identity (e.g. a consumer account running another user's script).
   * Emulator-only.
   */
  hideActiveUserEmail = false;

  constructor(private readonly env: Env) {}

  getActiveUser(): GUser {
    this.env.calls.record('Base.Session.getActiveUser');
    return new FakeUser(this.env, this.hideActiveUserEmail ? '' : this.env.user.email) as unknown as GUser;
  }

  getEffectiveUser(): GUser {
    this.env.calls.record('Base.Session.getEffectiveUser');
    return new FakeUser(this.env, this.env.user.email) as unknown as GUser;
  }

  getScriptTimeZone(): string {
    this.env.calls.record('Base.Session.getScriptTimeZone');
    return this.env.timeZone;
  }

  getActiveUserLocale(): string {
    this.env.calls.record('Base.Session.getActiveUserLocale');
    return this.env.user.locale;
  }

  /** A stable, opaque key for the active user within this script (the real one rotates every 30 days). */
  getTemporaryActiveUserKey(): string {
    this.env.calls.record('Base.Session.getTemporaryActiveUserKey');
    return createHash('sha256').update(`temporary-key:${this.env.user.email}`).digest('base64url').slice(0, 43);
  }
}

/** How Logger prints a single non-string value (objects as JSON, like the V8 runtime's log viewer). */
function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return 'undefined';
  if (v === null) return 'null';
  if (typeof v === 'object') {
    try {
      return JSON.stringify(v);
    } catch {
      return String(v);
    }
  }
  return String(v);
}

// https://developers.google.com/apps-script/reference/base/logger
export class FakeLogger implements Pick<GoogleAppsScript.Base.Logger, 'log' | 'getLog' | 'clear'> {
  /** The logged messages without timestamps, oldest first (emulator-only). */
  readonly entries: string[] = [];
  private readonly lines: string[] = [];

  constructor(private readonly env: Env) {}

  /** log(data) or log(format, ...values) with %s (and the other formatString conversions). */
  log(format: unknown, ...values: unknown[]): this {
    this.env.calls.record('Base.Logger.log');
    const message =
      values.length > 0
        ? sprintf(
            show(format),
            values.map((v) => (typeof v === 'object' ? show(v) : v)),
          )
        : show(format);
    this.entries.push(message);
    const stamp = formatSimpleDate(this.env.clock.nowMs(), this.env.timeZone, 'yy-MM-dd HH:mm:ss:SSS z');
    this.lines.push(`[${stamp}] ${message}`);
    return this;
  }

  /** Every line logged since the start or the last clear(), each "[yy-MM-dd HH:mm:ss:SSS z] message\n". */
  getLog(): string {
    this.env.calls.record('Base.Logger.getLog');
    return this.lines.map((l) => `${l}\n`).join('');
  }

  clear(): void {
    this.env.calls.record('Base.Logger.clear');
    this.lines.length = 0;
  }

  /** Empties the emulator-only `entries` too (uncounted). */
  clearEntries(): void {
    this.entries.length = 0;
    this.lines.length = 0;
  }
}
