import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseUtcTimestamp } from './linkedin-dates.js';

/** The general shape's reading, as the parser had it before its fast path for the canonical shape. */
function reference(raw: string): number | null {
  const match =
    /^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*(?:UTC|GMT|Z))?\s*$/i.exec(
      raw,
    );
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const [year, month, day] = [Number(y), Number(mo), Number(d)];
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1990 || year > 2100) return null;
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  if (Number(h) > 23 || Number(mi) > 59) return null;
  return Date.UTC(year, month - 1, day, Number(h), Number(mi), Number(s ?? 0));
}

const two = (n: number) => String(n).padStart(2, '0');

describe('UTC timestamps of the LinkedIn export', () => {
  it('reads `YYYY-MM-DD HH:MM:SS UTC` as the general parser does, valid or not', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1980, max: 2110 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 61 }),
        fc.integer({ min: 0, max: 61 }),
        (year, month, day, hour, minute, second) => {
          const raw = `${year}-${two(month)}-${two(day)} ${two(hour)}:${two(minute)}:${two(second)} UTC`;
          expect(parseUtcTimestamp(raw)).toBe(reference(raw));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('reads the other shapes: slashes, minutes only, no zone, surrounding space', () => {
    for (const raw of [
      '2023/06/20 13:05:02 UTC',
      '2023-06-11 15:33 UTC',
      ' 2023-6-1 5:03:09 ',
      '2024-02-29 00:00:00 UTC',
    ])
      expect(parseUtcTimestamp(raw)).toBe(reference(raw));
    expect(parseUtcTimestamp('2023-02-29 00:00:00 UTC')).toBeNull();
    expect(parseUtcTimestamp('2023-06-11T15:33:58Z')).toBe(Date.UTC(2023, 5, 11, 15, 33, 58));
  });
});
