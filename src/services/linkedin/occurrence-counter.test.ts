import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OccurrenceCounter } from './occurrence-counter.js';

describe('the occurrence counter', () => {
  it('counts like a Map for any sequence of 53-bit keys, through every resize', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 50 }), fc.maxSafeNat()), { maxLength: 3000 }),
        (keys) => {
          const counter = new OccurrenceCounter(4);
          const reference = new Map<number, number>();
          for (const key of keys) {
            const before = reference.get(key) ?? 0;
            expect(counter.next(key)).toBe(before);
            reference.set(key, before + 1);
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it('tells key 0 from an empty slot', () => {
    const counter = new OccurrenceCounter(2);
    expect(counter.next(0)).toBe(0);
    expect(counter.next(0)).toBe(1);
    expect(counter.next(Number.MAX_SAFE_INTEGER)).toBe(0);
  });
});
