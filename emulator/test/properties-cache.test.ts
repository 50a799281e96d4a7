/**
 * PropertiesService and CacheService fakes: string values, bulk set with deleteAllOthers, the
 * store and value limits, persistence across executions, cache expiry on the virtual clock and the
 * cache limits. Each quirk cites its reference.
 */

import { VALUE_TOO_LARGE as CACHE_VALUE_TOO_LARGE, FakeCacheService, KEY_TOO_LARGE, MAX_ITEMS } from '../src/cache';
import { createEnv, type Env, InjectedFault } from '../src/env';
import { FakePropertiesService, STORE_FULL, VALUE_TOO_LARGE } from '../src/properties';

const PROPERTIES = 'https://developers.google.com/apps-script/reference/properties/properties';
const PROPERTIES_GUIDE = 'https://developers.google.com/apps-script/guides/properties';
const QUOTAS = 'https://developers.google.com/apps-script/guides/services/quotas';
const CACHE = 'https://developers.google.com/apps-script/reference/cache/cache';

function setup() {
  const env: Env = createEnv({ start: new Date('2017-04-03T10:00:00Z'), userEmail: 'desk@example.org' });
  const props = new FakePropertiesService(env);
  const caches = new FakeCacheService(env);
  return {
    env,
    props,
    caches,
    PropertiesService: props as unknown as GoogleAppsScript.Properties.PropertiesService,
    CacheService: caches as unknown as GoogleAppsScript.Cache.CacheService,
  };
}

describe('PropertiesService', () => {
  // PROPERTIES_GUIDE, "Data format": values that are not strings are converted to strings.
  it(`stores every value as a string — ${PROPERTIES_GUIDE}`, () => {
    const { PropertiesService } = setup();
    const p = PropertiesService.getScriptProperties();
    p.setProperty('lastTicket', 42 as unknown as string);
    p.setProperty('flag', true as unknown as string);
    expect(p.getProperty('lastTicket')).toBe('42');
    expect(p.getProperty('flag')).toBe('true');
  });

  // PROPERTIES#getProperty(String): null if no such key exists.
  it('getProperty returns null for a missing key', () => {
    const { PropertiesService } = setup();
    expect(PropertiesService.getScriptProperties().getProperty('nope')).toBeNull();
  });

  // PROPERTIES#setProperties(Object,Boolean): optionally deletes all other properties in the store.
  it(`setProperties keeps others unless deleteAllOthers — ${PROPERTIES}#setProperties(Object,Boolean)`, () => {
    const { PropertiesService } = setup();
    const p = PropertiesService.getScriptProperties();
    p.setProperties({ a: '1', b: '2' });
    p.setProperties({ c: 3 } as unknown as Record<string, string>);
    expect(p.getProperties()).toEqual({ a: '1', b: '2', c: '3' });
    p.setProperties({ d: '4' }, true);
    expect(p.getProperties()).toEqual({ d: '4' });
    expect(p.getKeys()).toEqual(['d']);
  });

  // PROPERTIES#getProperties(): "Gets a copy of all key-value pairs".
  it('getProperties returns a copy, not a live view', () => {
    const { PropertiesService } = setup();
    const p = PropertiesService.getScriptProperties();
    p.setProperty('a', '1');
    const copy = p.getProperties();
    copy.a = 'changed';
    expect(p.getProperty('a')).toBe('1');
  });

  it('deleteProperty and deleteAllProperties remove keys and chain', () => {
    const { PropertiesService } = setup();
    const p = PropertiesService.getScriptProperties();
    p.setProperty('a', '1').setProperty('b', '2').deleteProperty('a');
    expect(p.getKeys()).toEqual(['b']);
    p.deleteAllProperties();
    expect(p.getKeys()).toEqual([]);
  });

  // QUOTAS: "Properties value size 9 KB / val".
  it(`refuses a value over 9 KB — ${QUOTAS}`, () => {
    const { PropertiesService } = setup();
    const p = PropertiesService.getScriptProperties();
    expect(() => p.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow(VALUE_TOO_LARGE);
    expect(p.getProperty('big')).toBeNull();
    // UTF-8 bytes count: 4,700 "č" are 9,400 bytes.
    expect(() => p.setProperty('big', 'č'.repeat(4700))).toThrow(VALUE_TOO_LARGE);
    p.setProperty('ok', 'x'.repeat(9 * 1024));
  });

  // QUOTAS: "Properties total storage 500 KB / property store".
  it('refuses a write that would take the store over 500 KB, writing nothing of the batch', () => {
    const { PropertiesService } = setup();
    const p = PropertiesService.getScriptProperties();
    const batch: Record<string, string> = {};
    for (let i = 0; i < 55; i++) batch[`k${i}`] = 'x'.repeat(9000);
    p.setProperties(batch);
    expect(() => p.setProperties({ more1: 'x'.repeat(9000), more2: 'x'.repeat(9000) })).toThrow(STORE_FULL);
    expect(p.getProperty('more1')).toBeNull();
    expect(p.getKeys()).toHaveLength(55);
  });

  // PROPERTIES_GUIDE: script properties are shared by all users; user properties belong to one user; document properties to one document.
  it('keeps script, user and document stores apart; document properties are null without a document', () => {
    const { env, PropertiesService, props } = setup();
    expect(PropertiesService.getDocumentProperties()).toBeNull();
    PropertiesService.getScriptProperties().setProperty('k', 'script');
    PropertiesService.getUserProperties().setProperty('k', 'user');
    env.activeSpreadsheetId = 'ss-1';
    PropertiesService.getDocumentProperties().setProperty('k', 'doc');
    expect(props.peek('script')).toEqual({ k: 'script' });
    expect(props.peek('user')).toEqual({ k: 'user' });
    expect(props.peek('document')).toEqual({ k: 'doc' });
    env.user.email = 'other@example.org';
    expect(PropertiesService.getUserProperties().getProperty('k')).toBeNull();
    expect(PropertiesService.getScriptProperties().getProperty('k')).toBe('script');
  });

  it('persists across executions (the store lives in the service)', () => {
    const { env, PropertiesService } = setup();
    env.execution = { id: 1, startedAt: 0, functionName: 'a', authMode: 'FULL', fromTrigger: false };
    PropertiesService.getScriptProperties().setProperty('cursor', '17');
    env.execution = { id: 2, startedAt: 0, functionName: 'b', authMode: 'FULL', fromTrigger: true };
    expect(PropertiesService.getScriptProperties().getProperty('cursor')).toBe('17');
  });

  it('counts Properties.* calls and injects faults before writing', () => {
    const { env, PropertiesService } = setup();
    const p = PropertiesService.getScriptProperties();
    env.calls.failOn('Properties.Properties.setProperty', 1);
    expect(() => p.setProperty('a', '1')).toThrow(InjectedFault);
    expect(p.getProperty('a')).toBeNull();
    expect(env.calls.count('Properties.Properties.getProperty')).toBe(1);
    expect(env.calls.count('Properties.PropertiesService.getScriptProperties')).toBe(1);
  });
});

describe('CacheService', () => {
  // CACHE#put(String,String): "The value will expire from the cache after 600 seconds (10 minutes)".
  it(`expires an entry after 600 s by default on the virtual clock — ${CACHE}#put(String,String)`, () => {
    const { env, CacheService } = setup();
    const c = CacheService.getScriptCache();
    c.put('feed', 'data');
    env.clock.advance(599_999);
    expect(c.get('feed')).toBe('data');
    env.clock.advance(1);
    expect(c.get('feed')).toBeNull();
  });

  // CACHE#put(String,String,Integer): expiration in seconds, "the maximum is 21600 seconds (6 hours)".
  it('honours expirationInSeconds and caps it at 21600 s', () => {
    const { env, CacheService } = setup();
    const c = CacheService.getScriptCache();
    c.put('short', 'x', 5);
    c.put('long', 'y', 100000);
    env.clock.advance(5000);
    expect(c.get('short')).toBeNull();
    env.clock.advance(21600 * 1000 - 5001);
    expect(c.get('long')).toBe('y');
    env.clock.advance(1);
    expect(c.get('long')).toBeNull();
  });

  // CACHE#getAll(String[]), putAll(Object,Integer), remove, removeAll.
  it('getAll returns only the keys found; putAll, remove and removeAll work in bulk', () => {
    const { CacheService } = setup();
    const c = CacheService.getScriptCache();
    c.putAll({ a: '1', b: '2', c: '3' }, 60);
    expect(c.getAll(['a', 'b', 'zz'])).toEqual({ a: '1', b: '2' });
    c.remove('a');
    c.removeAll(['b']);
    expect(c.getAll(['a', 'b', 'c'])).toEqual({ c: '3' });
  });

  // CACHE#put(String,String): "The maximum length of a key is 250 characters. The maximum amount of data that can be stored per key is 100KB."
  it('refuses a key over 250 characters and a value over 100 KB', () => {
    const { CacheService } = setup();
    const c = CacheService.getScriptCache();
    expect(() => c.put('k'.repeat(251), 'v')).toThrow(KEY_TOO_LARGE);
    expect(() => c.put('k', 'v'.repeat(100 * 1024 + 1))).toThrow(CACHE_VALUE_TOO_LARGE);
    c.put('k'.repeat(250), 'v'.repeat(100 * 1024));
    expect(c.get('k'.repeat(250))).toHaveLength(100 * 1024);
  });

  // CACHE#put(String,String): "The cap for cached items is 1,000. If more than 1,000 items are written, the cache stores the 900 items farthest from expiration."
  it('keeps the 900 entries farthest from expiry when more than 1,000 are written', () => {
    const { caches, CacheService } = setup();
    const c = CacheService.getScriptCache();
    for (let i = 0; i < MAX_ITEMS; i++) c.put(`k${i}`, 'v', 1000 + i);
    expect(Object.keys(caches.peek('script'))).toHaveLength(1000);
    c.put('newest', 'v', 21600);
    expect(Object.keys(caches.peek('script'))).toHaveLength(900);
    expect(c.get('newest')).toBe('v');
    expect(c.get('k0')).toBeNull();
    expect(c.get('k999')).toBe('v');
  });

  it('getDocumentCache is null without a document; user caches belong to one user', () => {
    const { env, CacheService } = setup();
    expect(CacheService.getDocumentCache()).toBeNull();
    CacheService.getUserCache().put('k', 'mine');
    env.user.email = 'other@example.org';
    expect(CacheService.getUserCache().get('k')).toBeNull();
    env.activeSpreadsheetId = 'ss-1';
    CacheService.getDocumentCache()?.put('d', '1');
    expect(CacheService.getDocumentCache()?.get('d')).toBe('1');
  });

  it('counts Cache.* calls', () => {
    const { env, CacheService } = setup();
    const c = CacheService.getScriptCache();
    c.put('a', '1');
    c.get('a');
    expect(env.calls.snapshot('Cache.')).toEqual({
      'Cache.Cache.get': 1,
      'Cache.Cache.put': 1,
      'Cache.CacheService.getScriptCache': 1,
    });
  });
});
