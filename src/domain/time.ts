/**
 * Calendar arithmetic in the user's time zone (docs/rules/identity-and-imports.md#calendar-days). Instants
 * are UTC milliseconds; a zone turns local wall-clock readings into instants and instants into calendar days.
 * Intl does the zone work, so the domain needs no time-zone database of its own.
 */

const DAY_MS = 86_400_000;

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = formatterCache.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatterCache.set(zone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(zone: string): boolean {
  try {
    partsFormatter(zone);
    return true;
  } catch {
    return false;
  }
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockAt(instant: number, zone: string): WallClock {
  const values: Record<string, number> = {};
  for (const part of partsFormatter(zone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  return {
    year: values.year ?? 1970,
    month: values.month ?? 1,
    day: values.day ?? 1,
    hour: values.hour ?? 0,
    minute: values.minute ?? 0,
    second: values.second ?? 0,
  };
}

function offsetAt(instant: number, zone: string): number {
  const wall = wallClockAt(instant, zone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant at which the wall clock in `zone` reads the given local time (DST gaps resolve forward). */
export function zonedTimeToInstant(local: WallClock, zone: string): number {
  const guess = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  if (zone === 'UTC' || zone === 'Etc/UTC') return guess;
  const first = guess - cachedOffset(guess, zone);
  const second = guess - cachedOffset(first, zone);
  return second;
}

// Zone offsets only change on quarter-hour boundaries, so one Intl lookup serves a whole quarter hour.
// Agenda and strength ask for tens of thousands of local dates per command; Intl is the slow part.
const QUARTER_HOUR_MS = 900_000;
const offsetCache = new Map<string, Map<number, number>>();

function cachedOffset(instant: number, zone: string): number {
  let byBucket = offsetCache.get(zone);
  if (!byBucket) offsetCache.set(zone, (byBucket = new Map<number, number>()));
  const bucket = Math.floor(instant / QUARTER_HOUR_MS);
  let offset = byBucket.get(bucket);
  if (offset === undefined) {
    offset = offsetAt(bucket * QUARTER_HOUR_MS, zone);
    if (byBucket.size > 500_000) byBucket.clear();
    byBucket.set(bucket, offset);
  }
  return offset;
}

/**
 * Dates by day number and day numbers by date: the agenda writes and reads a few thousand distinct dates tens
 * of thousands of times, and a `Date` and its ISO text each time was a large part of its work
 * (docs/PERFORMANCE.md#dates).
 */
const dateOfDay = new Map<number, string>();
const dayOfDate = new Map<string, number>();

function dateOfDayNumber(day: number): string {
  let date = dateOfDay.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dateOfDay.size > 100_000) dateOfDay.clear();
    dateOfDay.set(day, date);
  }
  return date;
}

/** `YYYY-MM-DD` of an instant in `zone`. */
export function toLocalDate(instant: number, zone: string): string {
  return dateOfDayNumber(localDayNumber(instant, zone));
}

/**
 * The calendar day of an instant in `zone` as a day number (days since 1970-01-01 there): day counts
 * between two instants are differences of these, without building date strings on the hot path.
 */
export function localDayNumber(instant: number, zone: string): number {
  const offset = zone === 'UTC' || zone === 'Etc/UTC' ? 0 : cachedOffset(instant, zone);
  return Math.floor((instant + offset) / DAY_MS);
}

/** The instant a calendar date starts in `zone`. */
export function startOfLocalDate(date: string, zone: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return zonedTimeToInstant(
    { year: year ?? 1970, month: month ?? 1, day: day ?? 1, hour: 0, minute: 0, second: 0 },
    zone,
  );
}

/** Calendar days from `from` to `to` in `zone` (negative when `to` is earlier). */
export function calendarDaysBetween(from: number, to: number, zone: string): number {
  return localDayNumber(to, zone) - localDayNumber(from, zone);
}

/** A `YYYY-MM-DD` date plus whole days. */
export function addDays(date: string, days: number): string {
  let day = dayOfDate.get(date);
  if (day === undefined) {
    const start = Date.parse(`${date}T00:00:00Z`);
    // Not a date: the error the ISO text of an invalid date throws, as before the cache.
    if (Number.isNaN(start)) return new Date(start).toISOString();
    day = Math.floor(start / DAY_MS);
    if (dayOfDate.size > 100_000) dayOfDate.clear();
    dayOfDate.set(date, day);
  }
  return dateOfDayNumber(day + days);
}

/** ISO 8601 UTC without milliseconds, as JSON output uses it. */
export function formatInstant(instant: number): string {
  return new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export { DAY_MS };
