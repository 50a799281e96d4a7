/**
 * Session, Logger and Utilities fakes: users, time zone and locale; the log; formatDate with
 * SimpleDateFormat patterns across time zones and the March 2017 DST change; formatString; base64
 * with UTF-8; digests; sleep on the virtual clock; parseCsv; newBlob. Each quirk cites its reference.
 */
import { createEnv, type Env, InjectedFault } from '../src/env';
import { FakeLogger, FakeSession } from '../src/session';
import { FakeUtilities, formatSimpleDate } from '../src/utilities';

const SESSION = 'https://developers.google.com/apps-script/reference/base/session';
const LOGGER = 'https://developers.google.com/apps-script/reference/base/logger';
const UTILITIES = 'https://developers.google.com/apps-script/reference/utilities/utilities';
const SIMPLE_DATE_FORMAT = 'https://docs.oracle.com/javase/8/docs/api/java/text/SimpleDateFormat.html';

function setup() {
  const env: Env = createEnv({
    start: new Date('2017-04-03T10:00:00Z'),
    userEmail: 'desk@example.org',
    locale: 'sl',
    timeZone: 'Europe/Ljubljana',
  });
  const blobs: { bytes: Uint8Array; contentType?: string; name?: string }[] = [];
  const utilities = new FakeUtilities(env, {
    makeBlob: (bytes, contentType, name) => {
      blobs.push({ bytes, contentType, name });
      return { fake: 'blob', name };
    },
  });
  const session = new FakeSession(env);
  const logger = new FakeLogger(env);
  return {
    env,
    blobs,
    session,
    logger,
    Utilities: utilities as unknown as GoogleAppsScript.Utilities.Utilities,
    Session: session as unknown as GoogleAppsScript.Base.Session,
    Logger: logger as unknown as GoogleAppsScript.Base.Logger,
  };
}

const hex = (bytes: number[]) => bytes.map((b) => (b & 0xff).toString(16).padStart(2, '0')).join('');

describe('Session', () => {
  // SESSION#getActiveUser(), #getEffectiveUser(), #getScriptTimeZone(), #getActiveUserLocale().
  it(`answers from the kernel — ${SESSION}`, () => {
    const { Session } = setup();
    expect(Session.getActiveUser().getEmail()).toBe('desk@example.org');
    expect(Session.getEffectiveUser().getEmail()).toBe('desk@example.org');
    expect(Session.getScriptTimeZone()).toBe('Europe/Ljubljana');
    expect(Session.getActiveUserLocale()).toBe('sl');
  });

  // SESSION#getActiveUser(): "If security policies do not allow access to the user's identity, User.getEmail() returns a blank string."
  it('can hide the active user e-mail as security policies do', () => {
    const { Session, session } = setup();
    session.hideActiveUserEmail = true;
    expect(Session.getActiveUser().getEmail()).toBe('');
    expect(Session.getEffectiveUser().getEmail()).toBe('desk@example.org');
  });

  // SESSION#getTemporaryActiveUserKey(): a unique, opaque key per user.
  it('gives a stable temporary key that does not reveal the e-mail', () => {
    const { env, Session } = setup();
    const k = Session.getTemporaryActiveUserKey();
    expect(Session.getTemporaryActiveUserKey()).toBe(k);
    expect(k).not.toContain('desk');
    env.user.email = 'other@example.org';
    expect(Session.getTemporaryActiveUserKey()).not.toBe(k);
  });

  it('counts Base.Session.* and Base.User.* calls', () => {
    const { env, Session } = setup();
    Session.getActiveUser().getEmail();
    expect(env.calls.snapshot('Base.')).toEqual({ 'Base.Session.getActiveUser': 1, 'Base.User.getEmail': 1 });
  });
});

describe('Logger', () => {
  // LOGGER#log(String,Object...): "Writes a formatted string to the logging console, using %s".
  it(`substitutes %s and keeps the log until clear() — ${LOGGER}`, () => {
    const { Logger, logger } = setup();
    Logger.log('Sent %s of %s notices', 3, 10);
    Logger.log({ a: 1 });
    expect(logger.entries).toEqual(['Sent 3 of 10 notices', '{"a":1}']);
    expect(Logger.getLog()).toBe(
      '[17-04-03 12:00:00:000 CEST] Sent 3 of 10 notices\n[17-04-03 12:00:00:000 CEST] {"a":1}\n',
    );
    Logger.clear();
    expect(Logger.getLog()).toBe('');
  });

  it('log returns the Logger for chaining and counts Base.Logger.log', () => {
    const { env, Logger } = setup();
    expect(Logger.log('a').log('b')).toBe(Logger);
    expect(env.calls.count('Base.Logger.log')).toBe(2);
  });
});

describe('Utilities.formatDate', () => {
  const at = new Date('2017-04-03T10:05:09.045Z'); // a Monday

  // UTILITIES#formatDate(Date,String,String) uses java.text.SimpleDateFormat patterns.
  it(`formats the SimpleDateFormat letters — ${SIMPLE_DATE_FORMAT}`, () => {
    const { Utilities } = setup();
    const f = (p: string) => Utilities.formatDate(at, 'UTC', p);
    expect(f('y yy yyyy')).toBe('2017 17 2017');
    expect(f('M MM MMM MMMM')).toBe('4 04 Apr April');
    expect(f('d dd E EEE EEEE')).toBe('3 03 Mon Mon Monday');
    expect(f('H HH h hh m mm s ss')).toBe('10 10 10 10 5 05 9 09');
    expect(f('S SSS a')).toBe('45 045 AM');
    expect(Utilities.formatDate(new Date('2017-04-03T22:00:00Z'), 'UTC', 'h hh a HH')).toBe('10 10 PM 22');
    expect(Utilities.formatDate(new Date('2017-04-03T00:30:00Z'), 'UTC', 'h a H')).toBe('12 AM 0');
  });

  it("copies quoted text: 'T', 'o''clock' and '' for a quote", () => {
    const { Utilities } = setup();
    expect(Utilities.formatDate(at, 'UTC', "yyyy-MM-dd'T'HH:mm:ss'Z'")).toBe('2017-04-03T10:05:09Z');
    expect(Utilities.formatDate(at, 'UTC', "h 'o''clock'")).toBe("10 o'clock");
    expect(Utilities.formatDate(at, 'UTC', "''HH''")).toBe("'10'");
  });

  // SIMPLE_DATE_FORMAT: z general time zone, Z RFC 822, X ISO 8601 ("Z" for a zero offset).
  it('prints z, Z, X and XXX', () => {
    const { Utilities } = setup();
    expect(Utilities.formatDate(at, 'Europe/Ljubljana', 'HH:mm z Z X XX XXX')).toBe(
      '12:05 CEST +0200 +02 +0200 +02:00',
    );
    expect(Utilities.formatDate(at, 'UTC', 'z Z X XXX')).toBe('UTC +0000 Z Z');
    expect(Utilities.formatDate(at, 'America/New_York', 'HH:mm z Z')).toBe('06:05 EDT -0400');
    expect(Utilities.formatDate(at, 'Asia/Kolkata', 'HH:mm XXX X')).toBe('15:35 +05:30 +05');
  });

  // Europe/Ljubljana moved from CET to CEST at 01:00 UTC on 26 March 2017 (02:00 local became 03:00).
  it('follows the DST change in Europe/Ljubljana in March 2017', () => {
    const { Utilities } = setup();
    const p = 'yyyy-MM-dd HH:mm:ss z Z XXX';
    expect(Utilities.formatDate(new Date('2017-03-26T00:59:59Z'), 'Europe/Ljubljana', p)).toBe(
      '2017-03-26 01:59:59 CET +0100 +01:00',
    );
    expect(Utilities.formatDate(new Date('2017-03-26T01:00:00Z'), 'Europe/Ljubljana', p)).toBe(
      '2017-03-26 03:00:00 CEST +0200 +02:00',
    );
    expect(Utilities.formatDate(new Date('2017-10-29T00:59:59Z'), 'Europe/Ljubljana', 'HH:mm z')).toBe('02:59 CEST');
    expect(Utilities.formatDate(new Date('2017-10-29T01:00:00Z'), 'Europe/Ljubljana', 'HH:mm z')).toBe('02:00 CET');
  });

  // java.util.TimeZone custom ids: "GMT+1", "GMT+01:00", "GMT-0530"; their name is "GMT+01:00".
  it('accepts GMT+1 style time-zone ids', () => {
    const { Utilities } = setup();
    expect(Utilities.formatDate(at, 'GMT+1', 'yyyy/MM/dd hh:mm:ss a z')).toBe('2017/04/03 11:05:09 AM GMT+01:00');
    expect(Utilities.formatDate(at, 'GMT+01:00', 'HH:mm Z')).toBe('11:05 +0100');
    expect(Utilities.formatDate(at, 'GMT-0530', 'HH:mm XXX')).toBe('04:35 -05:30');
  });

  // java.util.TimeZone.getTimeZone: an id it does not know is GMT.
  it('treats an unknown time-zone id as GMT', () => {
    const { Utilities } = setup();
    expect(Utilities.formatDate(at, 'Mars/Olympus', 'HH:mm z')).toBe('10:05 GMT');
  });

  it('throws for an illegal pattern letter and for a non-date', () => {
    const { Utilities } = setup();
    expect(() => Utilities.formatDate(at, 'UTC', 'yyyy q')).toThrow("Illegal pattern character 'q'");
    expect(() => Utilities.formatDate('2017-04-03' as unknown as Date, 'UTC', 'yyyy')).toThrow(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
  });

  it('accepts a Date from another realm (duck-typed by isDate)', () => {
    const vm = require('node:vm') as typeof import('node:vm');
    const foreign = vm.runInNewContext('new Date(Date.UTC(2017, 3, 3, 10, 0, 0))') as Date;
    expect(formatSimpleDate(foreign.getTime(), 'UTC', 'yyyy-MM-dd')).toBe('2017-04-03');
    const { Utilities } = setup();
    expect(Utilities.formatDate(foreign, 'UTC', 'HH:mm')).toBe('10:00');
  });
});

describe('Utilities: strings, bytes, digests', () => {
  // UTILITIES#formatString(String,Object...): sprintf-like formatting.
  it(`formatString handles %s %d %.2f %05d and widths — ${UTILITIES}#formatString(String,Object...)`, () => {
    const { Utilities } = setup();
    expect(Utilities.formatString('%s has %d places, %.2f%%', 'Koper', 3, 2.5)).toBe('Koper has 3 places, 2.50%');
    expect(Utilities.formatString('%05d|%-4s|%4s|%x', 42, 'ab', 'cd', 255)).toBe('00042|ab  |  cd|ff');
  });

  // UTILITIES#base64Encode(String,Charset) / base64Decode(String): bytes are Java bytes (-128..127).
  it('round-trips č/š/ž through base64 in UTF-8, decoding to signed bytes', () => {
    const { Utilities } = setup();
    const encoded = Utilities.base64Encode('čšž', Utilities.Charset.UTF_8);
    expect(encoded).toBe('xI3FocW+');
    const bytes = Utilities.base64Decode(encoded);
    expect(bytes).toEqual([-60, -115, -59, -95, -59, -66]);
    expect(Buffer.from(bytes.map((b) => b & 0xff)).toString('utf8')).toBe('čšž');
    expect(Utilities.base64Encode(bytes)).toBe('xI3FocW+');
  });

  // UTILITIES#base64EncodeWebSafe: '-' and '_' instead of '+' and '/'.
  it('encodes web-safe base64', () => {
    const { Utilities } = setup();
    expect(Utilities.base64EncodeWebSafe('čšž', Utilities.Charset.UTF_8)).toBe('xI3FocW-');
    expect(Utilities.base64DecodeWebSafe('xI3FocW-')).toEqual([-60, -115, -59, -95, -59, -66]);
  });

  // UTILITIES#computeDigest(DigestAlgorithm,String): known test vectors for "abc" (FIPS 180-2, RFC 1321).
  it('computes MD5, SHA-1, SHA-256 and SHA-512 as signed bytes', () => {
    const { Utilities } = setup();
    const sha256 = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'abc');
    expect(hex(sha256)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256[0]).toBe(-70);
    expect(Math.min(...sha256)).toBeGreaterThanOrEqual(-128);
    expect(Math.max(...sha256)).toBeLessThanOrEqual(127);
    expect(hex(Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'abc'))).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(hex(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_1, 'abc'))).toBe(
      'a9993e364706816aba3e25717850c26c9cd0d89d',
    );
    expect(hex(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_512, [97, 98, 99]))).toMatch(/^ddaf35a193617aba/);
  });

  // UTILITIES#computeHmacSha256Signature: RFC 4231 test case 2.
  it('computes HMAC-SHA256', () => {
    const { Utilities } = setup();
    expect(hex(Utilities.computeHmacSha256Signature('what do ya want for nothing?', 'Jefe'))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('getUuid returns a random RFC 4122 UUID', () => {
    const { Utilities } = setup();
    const a = Utilities.getUuid();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Utilities.getUuid()).not.toBe(a);
  });
});

describe('Utilities: sleep, parseCsv, newBlob', () => {
  // UTILITIES#sleep(Integer): "The maximum allowed value is 300000 (or 5 minutes)".
  it('sleep advances the virtual clock without blocking, up to 300000 ms', () => {
    const { env, Utilities } = setup();
    const before = env.clock.nowMs();
    Utilities.sleep(300000);
    expect(env.clock.nowMs() - before).toBe(300000);
    expect(() => Utilities.sleep(300001)).toThrow();
  });

  // UTILITIES#parseCsv(String,Char): quoted fields with delimiters, line breaks and doubled quotes.
  it('parseCsv reads quoted fields and another delimiter', () => {
    const { Utilities } = setup();
    expect(Utilities.parseCsv('a,"b,c",d\n"he said ""hi""",x\r\n"multi\nline",y\n')).toEqual([
      ['a', 'b,c', 'd'],
      ['he said "hi"', 'x'],
      ['multi\nline', 'y'],
    ]);
    expect(Utilities.parseCsv('a;b\n;', ';')).toEqual([
      ['a', 'b'],
      ['', ''],
    ]);
  });

  // UTILITIES#newBlob(String,String,String): strings are stored as UTF-8 bytes.
  it('newBlob passes UTF-8 bytes, content type and name to makeBlob', () => {
    const { Utilities, blobs } = setup();
    const b = Utilities.newBlob('čšž', 'text/plain', 'note.txt');
    expect(b).toEqual({ fake: 'blob', name: 'note.txt' });
    expect([...blobs[0].bytes]).toEqual([0xc4, 0x8d, 0xc5, 0xa1, 0xc5, 0xbe]);
    expect(blobs[0].contentType).toBe('text/plain');
    Utilities.newBlob([-1, 0, 1]);
    expect([...blobs[1].bytes]).toEqual([255, 0, 1]);
  });

  it('counts Utilities.* calls and injects faults', () => {
    const { env, Utilities } = setup();
    Utilities.getUuid();
    env.calls.failOn('Utilities.Utilities.sleep', 1);
    const before = env.clock.nowMs();
    expect(() => Utilities.sleep(1000)).toThrow(InjectedFault);
    expect(env.clock.nowMs()).toBe(before);
    expect(env.calls.snapshot('Utilities.')).toEqual({
      'Utilities.Utilities.getUuid': 1,
      'Utilities.Utilities.sleep': 1,
    });
  });
});
