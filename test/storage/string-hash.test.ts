import { describe, expect, it } from 'vitest';
import { StringHash } from '../../storage/string-hash.js';

/**
 * The hash of the entries' sources (storage/entry-table.ts's changeBySource) takes each message as it
 * is written, past the room it was made with: it doubles, and a key added twice — a message that made
 * a change, then another (an entry created, then withdrawn by the same message) — is still found with
 * the number it was added with first.
 */
describe('a hash of strings that grows as keys come', () => {
  it('finds every key with its first number, through several doublings', () => {
    const hash = new StringHash(4);
    const keys: string[] = [];
    for (let i = 0; i < 6_000; i += 1) {
      keys.push(`telegram:-100123:${i * 7919}`);
      hash.add(keys[i] as string, i);
      // Some added again later, with another number: the first stays the one found.
      if (i % 3 === 0 && i > 0) hash.add(keys[i - 3] as string, 100_000 + i);
    }
    const keyOf = (n: number) => keys[n >= 100_000 ? n - 100_000 - 3 : n];
    for (let i = 0; i < keys.length; i += 1) expect(hash.find(keys[i] as string, keyOf)).toBe(i);
    expect(hash.find('telegram:-100123:1', keyOf)).toBeUndefined();
    // 8,000 keys at three quarters full at most: 16,384 slots of two 4-byte numbers.
    expect(hash.bytes).toBe(16_384 * 8);
  });
});
