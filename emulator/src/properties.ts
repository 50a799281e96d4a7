/**
 * PropertiesService for the emulator: script, user and document stores of string key/value pairs
 * that live in the service object, so they persist across executions as the real stores do, with
 * the size limits of the quotas page. Every public Apps Script method records
 * "Properties.<Class>.<method>" in env.calls; `peek` is emulator-only and uncounted.
 * Never bundled into build/Code.js.
 */
import type { Env } from './env';

export type PropertyStoreKind = 'script' | 'user' | 'document';

/** Quotas page, "Current limitations": properties value size 9 KB / val, total 500 KB / property store. */
export const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;
export const VALUE_TOO_LARGE = 'Argument too large: value';
export const STORE_FULL = 'You have exceeded the property storage quota. Please remove some properties and try again.';

const utf8 = new TextEncoder();

function byteLength(s: string): number {
  return utf8.encode(s).length;
}

function keyOf(key: unknown): string {
  if (key === undefined || key === null || key === '') throw new Error('Invalid argument: key');
  return String(key);
}

// https://developers.google.com/apps-script/reference/properties/properties
export class FakeProperties
  implements
    Pick<
      GoogleAppsScript.Properties.Properties,
      | 'getProperty'
      | 'setProperty'
      | 'getProperties'
      | 'setProperties'
      | 'deleteProperty'
      | 'deleteAllProperties'
      | 'getKeys'
    >
{
  constructor(
    private readonly env: Env,
    /** The store itself (shared by every FakeProperties for the same store). */
    private readonly store: Map<string, string>,
  ) {}

  /** Checks the limits for the store as it would be after the change; throws before anything is written. */
  private check(next: Map<string, string>, changed: Iterable<string>): void {
    for (const k of changed) {
      const v = next.get(k);
      if (v !== undefined && byteLength(v) > MAX_VALUE_BYTES) throw new Error(VALUE_TOO_LARGE);
    }
    let total = 0;
    for (const [k, v] of next) total += byteLength(k) + byteLength(v);
    if (total > MAX_STORE_BYTES) throw new Error(STORE_FULL);
  }

  getProperty(key: string): string | null {
    this.env.calls.record('Properties.Properties.getProperty');
    return this.store.get(String(key)) ?? null;
  }

  setProperty(key: string, value: unknown): this {
    this.env.calls.record('Properties.Properties.setProperty');
    const k = keyOf(key);
    const next = new Map(this.store);
    next.set(k, String(value));
    this.check(next, [k]);
    this.store.set(k, String(value));
    return this;
  }

  getProperties(): Record<string, string> {
    this.env.calls.record('Properties.Properties.getProperties');
    return Object.fromEntries(this.store);
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean): this {
    this.env.calls.record('Properties.Properties.setProperties');
    if (properties === null || typeof properties !== 'object') throw new Error('Invalid argument: properties');
    const entries = Object.entries(properties).map(([k, v]) => [keyOf(k), String(v)] as const);
    const next = deleteAllOthers === true ? new Map<string, string>() : new Map(this.store);
    for (const [k, v] of entries) next.set(k, v);
    this.check(
      next,
      entries.map(([k]) => k),
    );
    this.store.clear();
    for (const [k, v] of next) this.store.set(k, v);
    return this;
  }

  deleteProperty(key: string): this {
    this.env.calls.record('Properties.Properties.deleteProperty');
    this.store.delete(String(key));
    return this;
  }

  deleteAllProperties(): this {
    this.env.calls.record('Properties.Properties.deleteAllProperties');
    this.store.clear();
    return this;
  }

  getKeys(): string[] {
    this.env.calls.record('Properties.Properties.getKeys');
    return [...this.store.keys()];
  }
}

// https://developers.google.com/apps-script/reference/properties/properties-service
export class FakePropertiesService
  implements
    Pick<
      GoogleAppsScript.Properties.PropertiesService,
      'getScriptProperties' | 'getUserProperties' | 'getDocumentProperties'
    >
{
  private readonly scriptStore = new Map<string, string>();
  /** User stores by user e-mail. */
  private readonly userStores = new Map<string, Map<string, string>>();
  /** Document stores by document (spreadsheet) id. */
  private readonly documentStores = new Map<string, Map<string, string>>();

  constructor(private readonly env: Env) {}

  private storeFor(kind: PropertyStoreKind): Map<string, string> | null {
    if (kind === 'script') return this.scriptStore;
    const id = kind === 'user' ? this.env.user.email : this.env.activeSpreadsheetId;
    if (id === null) return null;
    const stores = kind === 'user' ? this.userStores : this.documentStores;
    let store = stores.get(id);
    if (!store) {
      store = new Map();
      stores.set(id, store);
    }
    return store;
  }

  getScriptProperties(): FakeProperties {
    this.env.calls.record('Properties.PropertiesService.getScriptProperties');
    return new FakeProperties(this.env, this.scriptStore);
  }

  getUserProperties(): FakeProperties {
    this.env.calls.record('Properties.PropertiesService.getUserProperties');
    return new FakeProperties(this.env, this.storeFor('user') as Map<string, string>);
  }

  /** null when the script is not bound to a document (no active spreadsheet). */
  getDocumentProperties(): FakeProperties {
    this.env.calls.record('Properties.PropertiesService.getDocumentProperties');
    const store = this.storeFor('document');
    return (store ? new FakeProperties(this.env, store) : null) as FakeProperties;
  }

  /** Writes entries into a store, uncounted (emulator-only): a spreadsheet carried over from an earlier run keeps its properties. */
  seed(kind: PropertyStoreKind, entries: Record<string, string>): void {
    const store = this.storeFor(kind);
    if (!store) throw new Error(`No ${kind} property store in this context`);
    for (const [k, v] of Object.entries(entries)) store.set(k, v);
  }

  /** A copy of a store's contents, uncounted (emulator-only). */
  peek(kind: PropertyStoreKind): Record<string, string> {
    return Object.fromEntries(this.storeFor(kind) ?? []);
  }
}
