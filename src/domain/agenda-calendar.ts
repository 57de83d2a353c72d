/**
 * The daily plan as iCalendar (RFC 5545) for calendar apps to subscribe to (docs/rules/cli.md#feed): one
 * all-day event per due item, its UID made from the item's id (stable across fetches, so an app updates
 * the event instead of adding another), the reason and the next step in the description.
 */
export interface CalendarItem {
  id: string;
  kind: string;
  subject: string;
  /** YYYY-MM-DD */
  due: string;
  reason: string;
  suggestion: string;
}

/** TEXT values: backslash, semicolon, comma and line breaks escaped (RFC 5545 §3.3.11). */
function text(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Lines folded at 75 octets, never inside a UTF-8 character (RFC 5545 §3.1). */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compactDay = (day: string) => day.replace(/-/g, '');

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

const stamp = (instant: number) =>
  new Date(instant)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/**
 * The calendar: an item due earlier than `today` is shown on `today` (still to do, where the user looks),
 * the others on their due day.
 */
export function agendaCalendar(items: readonly CalendarItem[], now: number, today: string): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//tend//agenda//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:tend',
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
  ];
  for (const item of items) {
    const day = item.due < today ? today : item.due;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${item.id}@tend`,
      `DTSTAMP:${stamp(now)}`,
      `DTSTART;VALUE=DATE:${compactDay(day)}`,
      `DTEND;VALUE=DATE:${compactDay(nextDay(day))}`,
      `SUMMARY:${text(`${item.kind}: ${item.subject}`)}`,
      `DESCRIPTION:${text(`${item.reason}\n\nNext step: ${item.suggestion}`)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
