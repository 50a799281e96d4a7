/** An error a member of staff can act on: it carries a message key, shown in their language. */
import type { MessageKey, MessageParam } from './i18n';

export class StaffError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Record<string, MessageParam> = {},
  ) {
    super(`${key} ${JSON.stringify(params)}`);
    this.name = 'StaffError';
  }
}

/** True for a StaffError, also one that crossed a realm boundary (duck-typed, not instanceof). */
export function isStaffError(e: unknown): e is StaffError {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'StaffError' && 'key' in e;
}

/** The message of any thrown value, for Log rows. */
export function describeError(e: unknown): string {
  if (typeof e === 'object' && e !== null && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}
