import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, calendarDaysBetween, startOfLocalDate, toLocalDate, zonedTimeToInstant } from './time.js';

const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
];

function slowLocalDate(instant: number, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
}

describe('calendar time in a zone', () => {
  it('gives the same local date as Intl for any instant and zone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom(...ZONES),
        (instant, zone) => {
          expect(toLocalDate(instant, zone)).toBe(slowLocalDate(instant, zone));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads a wall-clock time in the zone, across daylight saving changes', () => {
    expect(
      zonedTimeToInstant({ year: 2018, month: 9, day: 9, hour: 9, minute: 41, second: 0 }, 'Europe/Berlin'),
    ).toBe(Date.UTC(2018, 8, 9, 7, 41));
    expect(
      zonedTimeToInstant(
        { year: 2026, month: 1, day: 15, hour: 9, minute: 0, second: 0 },
        'America/New_York',
      ),
    ).toBe(Date.UTC(2026, 0, 15, 14));
    expect(startOfLocalDate('2026-03-29', 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 28, 23));
  });

  it('counts the days between the two local dates, for any instants and zone', () => {
    const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) });
    fc.assert(
      fc.property(instant, instant, fc.constantFrom(...ZONES), (from, to, zone) => {
        const days =
          (Date.parse(slowLocalDate(to, zone)) - Date.parse(slowLocalDate(from, zone))) / 86_400_000;
        expect(calendarDaysBetween(from, to, zone)).toBe(days);
      }),
      { numRuns: 1000 },
    );
  });

  it('counts calendar days, not 24-hour periods', () => {
    const lateEvening = Date.UTC(2026, 0, 14, 23, 30); // 00:30 on the 15th in Berlin
    const nextMorning = Date.UTC(2026, 0, 15, 6, 0);
    expect(calendarDaysBetween(lateEvening, nextMorning, 'UTC')).toBe(1);
    expect(calendarDaysBetween(lateEvening, nextMorning, 'Europe/Berlin')).toBe(0);
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
  });
});

describe('dates from their caches', () => {
  it('are the dates Intl and Date give, for any instant and zone, and any date plus days', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        fc.constantFrom('UTC', 'Europe/Berlin', 'America/St_Johns', 'Asia/Kolkata', 'Pacific/Chatham'),
        fc.integer({ min: -1000, max: 1000 }),
        (instant, zone, days) => {
          const inZone = new Intl.DateTimeFormat('en-CA', {
            timeZone: zone,
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
          }).format(instant);
          expect(toLocalDate(instant, zone)).toBe(inZone);
          const date = new Date(instant).toISOString().slice(0, 10);
          expect(addDays(date, days)).toBe(
            new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10),
          );
        },
      ),
    );
  });
});
