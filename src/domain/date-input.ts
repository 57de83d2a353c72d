import { addDays } from './time.js';

/**
 * Dates and times the user types (`--now`, `--at`, `--until`): only real calendar days are dates. The
 * JavaScript parser rolls "2027-02-30" over to March 2; here it is refused, so a typo never becomes a
 * different day silently (docs/rules/cli.md#dates).
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isRealDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** `YYYY-MM-DD` when it names a real calendar day, else null. */
export function parseCalendarDate(text: string): string | null {
  const match = DATE.exec(text.trim());
  if (!match) return null;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  return isRealDay(year, month, day) ? text.trim() : null;
}

/**
 * A date (`2026-11-20`, read as noon UTC so that the calendar day is the same in every zone from UTC−11 to
 * UTC+11) or an ISO 8601 time (`2026-11-20T09:00:00Z`, `…T09:00+01:00`; without a zone, the machine's) as
 * UTC milliseconds; null when it is neither or names a day or hour that does not exist.
 */
export function parseDateOrTime(text: string): number | null {
  const value = text.trim();
  const date = parseCalendarDate(value);
  if (date) return Date.parse(`${date}T12:00:00Z`);
  const match = INSTANT.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (!isRealDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  const zone = match[8];
  if (zone && zone.toUpperCase() !== 'Z') {
    const [hours, minutes] = [Number(zone.slice(1, 3)), Number(zone.slice(-2))];
    if (hours > 14 || minutes > 59) return null;
  }
  const instant = Date.parse(value);
  return Number.isNaN(instant) ? null : instant;
}

/**
 * `--until`: a date, or a span from today — `3d`, `2w`, `1m` (months), `next-week` (next Monday),
 * `next-month` (the first of next month). Returns the calendar date, or null when the text is none of these.
 */
export function parseUntilDate(text: string, today: string): string | null {
  const value = text.trim().toLowerCase();
  const date = parseCalendarDate(value);
  if (date) return date;
  const span = /^(\d{1,4})\s*(d|day|days|w|week|weeks|m|month|months)$/.exec(value);
  if (span) {
    const count = Number(span[1]);
    const unit = span[2]?.charAt(0);
    if (unit === 'd') return addDays(today, count);
    if (unit === 'w') return addDays(today, count * 7);
    return addMonths(today, count);
  }
  if (value === 'tomorrow') return addDays(today, 1);
  if (value === 'next-week') {
    const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
    return addDays(today, (8 - weekday) % 7 || 7);
  }
  if (value === 'next-month') return `${addMonths(today, 1).slice(0, 7)}-01`;
  return null;
}

/** The same day `months` later, or the month's last day when it has no such day (Jan 31 + 1 → Feb 28). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(targetDay).padStart(2, '0')}`;
}
