import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hash53 } from './source-key.js';

describe('53-bit record hashes', () => {
  it('are stable across releases (stored keys depend on them)', () => {
    expect(hash53('message', '2-abc', 'linkedin.com/in/ada', '2026-01-02 10:00:00 UTC', 42)).toBe(
      hash53('message', '2-abc', 'linkedin.com/in/ada', '2026-01-02 10:00:00 UTC', 42),
    );
    expect(hash53('')).toBe(3338908027751811);
  });

  it('are safe integers that keep the parts apart', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), (parts) => {
        const value = hash53(...parts);
        expect(Number.isSafeInteger(value) && value >= 0).toBe(true);
      }),
    );
    expect(hash53('ab', 'c')).not.toBe(hash53('a', 'bc'));
  });

  it('rarely collide on many similar inputs', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 200_000; i++)
      seen.add(hash53('message', `2-conv${i % 997}`, `2026-01-01 00:00:${i}`));
    expect(seen.size).toBe(200_000);
  });
});
