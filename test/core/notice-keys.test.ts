import { KeyFamilies, nextKey, splitKey } from '../../src/core/notice-keys';

describe('nextKey', () => {
  const K = 'accepted:APP-0001:CGN-2017-04';

  it('gives the base key when none of its family is in Notices', () => {
    expect(nextKey(new Map([['accepted:APP-0002:CGN-2017-04', 'Sent']]), K)).toBe(K);
    expect(nextKey([], K)).toBe(K);
  });

  it('gives #2 when the decision is told again after the first was sent, then #3', () => {
    expect(nextKey(new Map([[K, 'Sent']]), K)).toBe(`${K}#2`);
    expect(
      nextKey(
        [
          [K, 'Sent'],
          [`${K}#2`, 'Skipped'],
        ],
        K,
      ),
    ).toBe(`${K}#3`);
  });

  it('queues nothing while one of the family is Queued or Failed: that one tells the news when sent', () => {
    expect(nextKey(new Map([[K, 'Queued']]), K)).toBeNull();
    expect(
      nextKey(
        [
          [K, 'Sent'],
          [`${K}#2`, 'Failed'],
        ],
        K,
      ),
    ).toBeNull();
  });

  it('a key left Sending is not pending: the next free #n follows it', () => {
    expect(nextKey([[K, 'Sending']], K)).toBe(`${K}#2`);
  });

  it('does not take a longer key with the same beginning for its family', () => {
    expect(nextKey([[`${K}X`, 'Queued']], K)).toBe(K);
    expect(nextKey([['accepted:APP-0001', 'Queued']], K)).toBe(K);
  });
});

describe('splitKey', () => {
  it('reads the base and n of a key', () => {
    expect(splitKey('changed:APP-0001:STO#12')).toEqual({ base: 'changed:APP-0001:STO', n: 12 });
    expect(splitKey(' received:APP-0001 ')).toEqual({ base: 'received:APP-0001', n: 1 });
  });
});

describe('KeyFamilies, the key rule indexed once', () => {
  it('gives what nextKey gives, notice after notice, on random Notices sheets', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const bases = ['accepted:A:X', 'changed:A:X', 'accepted:B:X', 'waitlisted:B:Y'];
      const statuses = ['Sent', 'Queued', 'Failed', 'Skipped', 'Sending'];
      const existing: [string, string][] = [];
      for (let i = rand(6); i > 0; i--) {
        const n = rand(4);
        existing.push([`${bases[rand(4)]}${n > 1 ? `#${n}` : ''}`, statuses[rand(5)]]);
      }
      const families = new KeyFamilies(existing);
      for (let i = 0; i < 4; i++) {
        const base = bases[rand(4)];
        const expected = nextKey(existing, base);
        expect(families.next(base)).toBe(expected);
        if (expected !== null) existing.push([expected, 'Queued']);
      }
    }
  });
});
