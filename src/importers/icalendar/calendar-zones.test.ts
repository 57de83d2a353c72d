import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { readCalendarMeetings } from './calendar-meetings.reader.js';

/** docs/rules/calendar.md#time-zones: every way producers name a zone gives the same instant. */

const NOW = Date.parse('2026-12-01T00:00:00Z');

function startOf(dtstart: string, vtimezone: string[] = []): { at: number; problems: string[] } {
  const text = [
    'BEGIN:VCALENDAR',
    ...vtimezone,
    'BEGIN:VEVENT',
    'UID:x',
    dtstart,
    'ATTENDEE:mailto:a@example.com',
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');
  const reading = readCalendarMeetings(Buffer.from(text), { now: NOW, zone: 'Asia/Tokyo' });
  return { at: reading.meetings[0]?.at ?? NaN, problems: reading.problems.map((problem) => problem.message) };
}

describe('calendar time zones', () => {
  const summerNewYork = Date.parse('2020-07-01T13:30:00Z');
  it.each([
    ['an IANA name', 'DTSTART;TZID=America/New_York:20200701T093000'],
    ['a quoted IANA name', 'DTSTART;TZID="America/New_York":20200701T093000'],
    ['a Windows zone id', 'DTSTART;TZID=Eastern Standard Time:20200701T093000'],
    ['an Exchange display name', 'DTSTART;TZID="(UTC-05:00) Eastern Time (US & Canada)":20200701T093000'],
    ['an older display name', 'DTSTART;TZID="(GMT-05:00) Eastern Time (US and Canada)":20200701T093000'],
  ])('reads %s with daylight saving', (_label, dtstart) => {
    expect(startOf(dtstart)).toEqual({ at: summerNewYork, problems: [] });
  });

  it('reads a zone the file defines itself (Exchange "Customized Time Zone")', () => {
    const vtimezone = [
      'BEGIN:VTIMEZONE',
      'TZID:Customized Time Zone',
      'BEGIN:STANDARD',
      'DTSTART:16010101T030000',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10',
      'END:STANDARD',
      'BEGIN:DAYLIGHT',
      'DTSTART:16010101T020000',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3',
      'END:DAYLIGHT',
      'END:VTIMEZONE',
    ];
    expect(startOf('DTSTART;TZID=Customized Time Zone:20200701T093000', vtimezone).at).toBe(
      Date.parse('2020-07-01T07:30:00Z'),
    );
    expect(startOf('DTSTART;TZID=Customized Time Zone:20200115T093000', vtimezone).at).toBe(
      Date.parse('2020-01-15T08:30:00Z'),
    );
  });

  it('takes the offset of an unknown display name, and the import zone for an unknown name, said once', () => {
    expect(startOf('DTSTART;TZID="(UTC+03:30) Somewhere new":20200701T093000').at).toBe(
      Date.parse('2020-07-01T06:00:00Z'),
    );
    const unknown = startOf('DTSTART;TZID=Mars Standard Time:20200701T093000');
    expect(unknown.at).toBe(Date.parse('2020-07-01T00:30:00Z'));
    expect(unknown.problems).toEqual([
      'time zone "Mars Standard Time" is unknown: its times were read in Asia/Tokyo (set another with --tz)',
    ]);
  });

  it('reads UTC, floating times and all-day dates', () => {
    expect(startOf('DTSTART:20200701T093000Z').at).toBe(Date.parse('2020-07-01T09:30:00Z'));
    expect(startOf('DTSTART:20200701T093000').at).toBe(Date.parse('2020-07-01T00:30:00Z'));
    expect(startOf('DTSTART;VALUE=DATE:20200701').at).toBe(Date.parse('2020-06-30T15:00:00Z'));
  });
});
