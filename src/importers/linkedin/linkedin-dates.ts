import { zonedTimeToInstant } from '../../domain/time.js';

/**
 * One explicit parser per date shape of the LinkedIn export (docs/rules/linkedin-export.md#date-shapes);
 * never Date.parse. Each returns UTC milliseconds, or null when the text does not have the shape.
 */

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function monthNumber(name: string): number | undefined {
  return MONTHS[
    name.toLowerCase().slice(0, name.length > 3 && name.toLowerCase() !== 'sept' ? 3 : name.length)
  ];
}

function fullYear(text: string): number {
  const year = Number(text);
  return text.length <= 2 ? 2000 + year : year;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1990 || year > 2100) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 31));
}

/** Digits of `text` from `start` to `end` as a number, or -1 if any is not a digit. */
function digitsAt(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * The exact shape of every 2021+ messages DATE, `2023-06-11 15:33:58 UTC`, read without a regex (a million
 * rows); anything else, or anything doubtful, is left to the general parser (undefined).
 */
function parseCanonicalUtc(raw: string): number | undefined {
  if (raw.length !== 23 || raw.charCodeAt(4) !== 45 || raw.charCodeAt(10) !== 32 || !raw.endsWith(' UTC'))
    return undefined;
  const year = digitsAt(raw, 0, 4);
  const month = digitsAt(raw, 5, 7);
  const day = digitsAt(raw, 8, 10);
  const hour = digitsAt(raw, 11, 13);
  const minute = digitsAt(raw, 14, 16);
  const second = digitsAt(raw, 17, 19);
  if (raw.charCodeAt(7) !== 45 || raw.charCodeAt(13) !== 58 || raw.charCodeAt(16) !== 58) return undefined;
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  if (!validDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** `YYYY-MM-DD HH:MM:SS UTC` (messages), `YYYY/MM/DD HH:MM:SS UTC` (endorsements), minutes-only variants. */
export function parseUtcTimestamp(raw: string): number | null {
  const canonical = parseCanonicalUtc(raw);
  if (canonical !== undefined) return canonical;
  const match =
    /^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*(?:UTC|GMT|Z))?\s*$/i.exec(
      raw,
    );
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const year = Number(y),
    month = Number(mo),
    day = Number(d);
  if (!validDate(year, month, day) || Number(h) > 23 || Number(mi) > 59) return null;
  return Date.UTC(year, month - 1, day, Number(h), Number(mi), Number(s ?? 0));
}

/**
 * `M/D/YY, h:mm AM` without a zone (Invitations `Sent At`, 2018 files, Recommendations): read in `zone`.
 * Also accepts four-digit years, seconds and a 24-hour clock, as spreadsheets re-save it.
 */
export function parseLocalUsDateTime(raw: string, zone: string): number | null {
  const match =
    /^\s*(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?\s*$/.exec(
      raw,
    );
  if (!match) return null;
  const [, mo, d, y, h, mi, s, meridiem] = match;
  const year = fullYear(y ?? ''),
    month = Number(mo),
    day = Number(d);
  let hour = Number(h);
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    const pm = meridiem.toLowerCase() === 'pm';
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (!validDate(year, month, day) || hour > 23 || Number(mi) > 59) return null;
  return zonedTimeToInstant({ year, month, day, hour, minute: Number(mi), second: Number(s ?? 0) }, zone);
}

/**
 * A calendar date as `YYYY-MM-DD`: `15 Mar 2021` (Connections 2021+), `4-Apr-21` (Excel re-save),
 * `M/D/YY[, h:mm AM]` (2018) and `YYYY-MM-DD`. `Connected On` is a calendar date
 * (docs/rules/identity-and-imports.md#zone-less-dates).
 */
export function parseCalendarDate(raw: string): string | null {
  const text = raw.trim();
  let year: number, month: number | undefined, day: number;
  let match = /^(\d{1,2})[ -]([A-Za-z]{3,9})[ -](\d{2}|\d{4})$/.exec(text);
  if (match) {
    day = Number(match[1]);
    month = monthNumber(match[2] ?? '');
    year = fullYear(match[3] ?? '');
  } else if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text))) {
    year = Number(match[1]);
    month = Number(match[2]);
    day = Number(match[3]);
  } else if (
    (match = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp][Mm])?)?$/.exec(
      text,
    ))
  ) {
    month = Number(match[1]);
    day = Number(match[2]);
    year = fullYear(match[3] ?? '');
  } else if ((match = /^([A-Za-z]{3,9})\s+(\d{1,2}),?\s+(\d{4})$/.exec(text))) {
    month = monthNumber(match[1] ?? '');
    day = Number(match[2]);
    year = Number(match[3]);
  } else {
    return null;
  }
  if (month === undefined || !validDate(year, month, day)) return null;
  return `${year.toString().padStart(4, '0')}-${month.toString().padStart(2, '0')}-${day.toString().padStart(2, '0')}`;
}

/** `Jan 2024` or `2024` (Positions, Education) → `2024-01` / `2024`; empty → null (current). */
export function parseMonthYear(raw: string): string | null {
  const text = raw.trim();
  let match = /^([A-Za-z]{3,9})\s+(\d{4})$/.exec(text);
  if (match) {
    const month = monthNumber(match[1] ?? '');
    return month ? `${match[2]}-${month.toString().padStart(2, '0')}` : null;
  }
  match = /^(\d{4})$/.exec(text);
  return match ? (match[1] ?? null) : null;
}
