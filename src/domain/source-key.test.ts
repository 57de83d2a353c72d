import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hash53, hash53After, hash53Collapsed, hash53Prefix } from './source-key.js';

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

  it('give the same value when the leading parts are hashed once as a prefix', () => {
    const part = fc.oneof(fc.string(), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));
    fc.assert(
      fc.property(fc.array(part, { maxLength: 5 }), fc.array(part, { maxLength: 5 }), (head, tail) => {
        expect(hash53After(hash53Prefix(...head), tail)).toBe(hash53(...head, ...tail));
      }),
      { numRuns: 1000 },
    );
  });

  it('rarely collide on many similar inputs', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 200_000; i++)
      seen.add(hash53('message', `2-conv${i % 997}`, `2026-01-01 00:00:${i}`));
    expect(seen.size).toBe(200_000);
  });

  it('hashes text with whitespace collapsed exactly as hashing the collapsed text does', () => {
    const spaces = [' ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '  \n '];
    const piece = fc.oneof(fc.string(), fc.constantFrom(...spaces), fc.string({ unit: 'grapheme' }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(hash53Collapsed(text)).toBe(hash53(text.replace(/\s+/g, ' ').trim()));
      }),
      { numRuns: 2000 },
    );
  });

  it('hashes several parts exactly as the joined text (stored keys must never change)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true })), { maxLength: 6 }),
        (parts) => {
          if (parts.length === 0) return;
          expect(hash53(...parts)).toBe(hash53(parts.join('\u001f')));
        },
      ),
      { numRuns: 2000 },
    );
    // Pinned values: keys stored by earlier versions of tend.
    expect(hash53('message', '2-abc', 'linkedin.com/in/ann', '2024-01-01 10:00:00 UTC', 42)).toBe(
      6786328194856911,
    );
  });
});
