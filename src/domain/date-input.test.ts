import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, parseCalendarDate, parseDateOrTime, parseUntilDate } from './date-input.js';

describe('dates the user types', () => {
  it.each(['2027-02-30', '2027-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-11-00', '2026-1-5'])(
    'refuses %s, a day that does not exist',
    (text) => {
      expect(parseCalendarDate(text)).toBeNull();
      expect(parseDateOrTime(text)).toBeNull();
      expect(parseDateOrTime(`${text}T09:00:00Z`)).toBeNull();
    },
  );

  it('takes leap days in leap years only', () => {
    expect(parseCalendarDate('2028-02-29')).toBe('2028-02-29');
    expect(parseCalendarDate('2100-02-29')).toBeNull();
    expect(parseCalendarDate('2000-02-29')).toBe('2000-02-29');
  });

  it('reads a date as noon UTC and a time with its zone', () => {
    expect(parseDateOrTime('2026-11-20')).toBe(Date.parse('2026-11-20T12:00:00Z'));
    expect(parseDateOrTime('2026-11-20T09:30:00Z')).toBe(Date.parse('2026-11-20T09:30:00Z'));
    expect(parseDateOrTime('2026-11-20T09:30+01:00')).toBe(Date.parse('2026-11-20T08:30:00Z'));
    expect(parseDateOrTime(' 2026-11-20T09:30:00.250Z ')).toBe(Date.parse('2026-11-20T09:30:00.250Z'));
  });

  it.each([
    '2026-11-20T24:00:00Z',
    '2026-11-20T12:60Z',
    '2026-11-20T12:00:61Z',
    'yesterday',
    '20.11.2026',
    '',
  ])('refuses %j', (text) => expect(parseDateOrTime(text)).toBeNull());

  it('every real day is a date, and the parser agrees with the calendar', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2199-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (date) => {
          const text = date.toISOString().slice(0, 10);
          expect(parseCalendarDate(text)).toBe(text);
          expect(new Date(parseDateOrTime(text) ?? NaN).toISOString().slice(0, 10)).toBe(text);
        },
      ),
    );
  });

  it('a day past the end of its month is never a date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
        const pad = (n: number) => String(n).padStart(2, '0');
        expect(parseCalendarDate(`${year}-${pad(month)}-${pad(last)}`)).not.toBeNull();
        if (last < 31) expect(parseCalendarDate(`${year}-${pad(month)}-${pad(last + 1)}`)).toBeNull();
      }),
    );
  });
});

describe('--until', () => {
  const today = '2026-11-20'; // a Friday

  it.each([
    ['2026-12-24', '2026-12-24'],
    ['3d', '2026-11-23'],
    ['2w', '2026-12-04'],
    ['2 weeks', '2026-12-04'],
    ['1m', '2026-12-20'],
    ['tomorrow', '2026-11-21'],
    ['next-week', '2026-11-23'],
    ['next-month', '2026-12-01'],
  ])('%s from %s is %s', (text, expected) => expect(parseUntilDate(text, today)).toBe(expected));

  it.each(['2026-02-30', 'soon', '-3d', '3y'])('refuses %s', (text) =>
    expect(parseUntilDate(text, today)).toBeNull(),
  );

  it('a month later is the last day of a shorter month', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(parseUntilDate('next-month', '2026-12-31')).toBe('2027-01-01');
  });
});
