import { describe, expect, it } from 'vitest';
import { dateBounds } from './segment-filter.js';

const NOW = Date.parse('2026-01-15T09:00:00Z');
const day = (date: string) => Date.parse(`${date}T00:00:00Z`);
const inside = (bounds: { from: number | null; to: number | null }, instant: number) =>
  (bounds.from === null || instant >= bounds.from) && (bounds.to === null || instant < bounds.to);

describe('segment date bounds', () => {
  it('reads an age as calendar days before today: <90d is after the day 90 days ago (N−1, N, N+1)', () => {
    const within = dateBounds('<', { kind: 'age', amount: 90, unit: 'd' }, NOW, 'UTC');
    expect(inside(within, day('2025-10-18'))).toBe(true); // 89 days ago
    expect(inside(within, day('2025-10-17'))).toBe(false); // 90 days ago
    expect(inside(within, day('2025-10-16'))).toBe(false); // 91 days ago
    const over = dateBounds('>', { kind: 'age', amount: 90, unit: 'd' }, NOW, 'UTC');
    expect(inside(over, day('2025-10-16') + 3_600_000)).toBe(true);
    expect(inside(over, day('2025-10-17') + 3_600_000)).toBe(false);
    const exactly = dateBounds('=', { kind: 'age', amount: 90, unit: 'd' }, NOW, 'UTC');
    expect(inside(exactly, day('2025-10-17') + 3_600_000)).toBe(true);
    expect(inside(exactly, day('2025-10-18'))).toBe(false);
  });

  it('reads dates, months and years in the zone, > after the whole period and < before it', () => {
    const after = dateBounds('>', { kind: 'date', text: '2024-01' }, NOW, 'UTC');
    expect(after).toEqual({ from: day('2024-02-01'), to: null });
    const year = dateBounds('=', { kind: 'date', text: '2024' }, NOW, 'UTC');
    expect(year).toEqual({ from: day('2024-01-01'), to: day('2025-01-01') });
    const before = dateBounds('<=', { kind: 'date', text: '2024-02-29' }, NOW, 'UTC');
    expect(before).toEqual({ from: null, to: day('2024-03-01') });
    const stockholm = dateBounds('>=', { kind: 'date', text: '2024-06-01' }, NOW, 'Europe/Stockholm');
    expect(stockholm.from).toBe(Date.parse('2024-05-31T22:00:00Z'));
  });
});
