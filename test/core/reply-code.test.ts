import { createHmac } from 'node:crypto';
import { base64Url, keyRevision, makeReplyCode, readReplyCode, type Signer } from '../../src/core/reply-code';

const signer =
  (secret: string): Signer =>
  (message) =>
    createHmac('sha256', secret).update(message, 'utf8').digest('base64url');
const sign = signer('the secret of one spreadsheet');
const offer = { applicationId: 'APP-0007', excursionId: 'CGN-2017-04', revision: 1 };

describe('the reply code', () => {
  it('reads back the offer it was made for', () => {
    const code = makeReplyCode(offer, sign);
    expect(code).toMatch(/^APP-0007\.CGN-2017-04\.1\.[A-Za-z0-9_-]{16}$/);
    expect(readReplyCode(code, sign)).toEqual({ ok: true, offer });
  });

  it('carries ids with any character, and forgives spaces and a wrapped line', () => {
    const odd = { applicationId: 'APP 7', excursionId: 'Köln: 25.–27. 4.', revision: 3 };
    const code = makeReplyCode(odd, sign);
    expect(code.startsWith('~')).toBe(true);
    expect(readReplyCode(` ${code.slice(0, 9)}\n${code.slice(9)} `, sign)).toEqual({ ok: true, offer: odd });
  });

  it('refuses a missing, altered, re-numbered or foreign code', () => {
    const code = makeReplyCode(offer, sign);
    expect(readReplyCode('', sign)).toEqual({ ok: false, problem: 'missing' });
    expect(readReplyCode('APP-0007.CGN-2017-04', sign)).toEqual({ ok: false, problem: 'malformed' });
    expect(readReplyCode(code.replace('APP-0007', 'APP-0008'), sign)).toEqual({ ok: false, problem: 'signature' });
    expect(readReplyCode(code.replace('.1.', '.2.'), sign)).toEqual({ ok: false, problem: 'signature' });
    expect(readReplyCode(code.replace('.1.', '.0.'), sign)).toEqual({ ok: false, problem: 'malformed' });
    const last = code.slice(-1) === 'A' ? 'B' : 'A';
    expect(readReplyCode(code.slice(0, -1) + last, sign)).toEqual({ ok: false, problem: 'signature' });
    expect(readReplyCode(code, signer('another spreadsheet'))).toEqual({ ok: false, problem: 'signature' });
  });

  it('encodes base64url as Node does', () => {
    for (const s of ['', 'a', 'ab', 'abc', 'abcd', 'Občina Škofja Loka ž', '😀 x'])
      expect(base64Url(s)).toBe(Buffer.from(s, 'utf8').toString('base64url'));
  });

  it('reads the revision of a notice key', () => {
    expect(keyRevision('accepted:APP-1:CGN')).toBe(1);
    expect(keyRevision('accepted:APP-1:CGN#3')).toBe(3);
  });
});
