/**
 * An `.ics` file → the meetings it records (docs/rules/calendar.md): every event with attendees, each
 * occurrence of a repeating one up to the import time (the latest 500 of a series at most), moved and
 * cancelled occurrences as their exceptions say, times in UTC whatever zone naming the producer used.
 * Rooms and resources are no one; declined attendees are kept, flagged, so the writer can tell whether the
 * owner declined. Pure apart from ical.js: no store, the clock passed in.
 */
import type { Buffer } from 'node:buffer';
import ICAL from 'ical.js';
import { zonedTimeToInstant } from '../../domain/time.js';
import { createZoneReader, type ZoneReader } from './calendar-zones.js';
import { lexICalendar, toICalComponent, type LexedComponent } from './icalendar.lexer.js';

type Component = InstanceType<typeof ICAL.Component>;
type Time = InstanceType<typeof ICAL.Time>;
/** ical.js's occurrence details (its declaration names a type it does not export). */
interface OccurrenceDetails {
  item: InstanceType<typeof ICAL.Event>;
  startDate: Time;
  recurrenceId: Time;
}

/** Occurrences of one series kept at most: the latest, the ones that speak for the tie now. */
export const MAX_OCCURRENCES = 500;
/** A rule that repeats every minute for years would never end: iteration stops here, said in the report. */
const MAX_ITERATIONS = 200_000;

export interface CalendarParticipant {
  /** Normalised later by the writer; as written here (lower case). */
  email: string | null;
  name: string | null;
  declined: boolean;
}

export interface CalendarMeeting {
  /** The occurrence's identity: the event's UID and, in a series, its recurrence id as written. */
  key: string;
  at: number;
  summary: string | null;
  /** The line of the event's BEGIN:VEVENT. */
  line: number;
  organizer: CalendarParticipant | null;
  attendees: CalendarParticipant[];
}

export interface CalendarReading {
  meetings: CalendarMeeting[];
  /** VEVENT components read. */
  events: number;
  /** Counted reasons for events, occurrences or attendees left out, with a line when one says more. */
  skipped: Array<{ reason: string; count?: number; line?: number; message?: string }>;
  problems: Array<{ line: number; message: string }>;
}

export const CALENDAR_SKIPS = {
  noAttendees: 'no attendees',
  cancelled: 'cancelled',
  future: 'not yet happened',
  overCap: `occurrences over ${MAX_OCCURRENCES} per series (older ones left out)`,
  room: 'room or resource',
  badRule: 'unreadable repeat rule',
  noStart: 'no start time',
} as const;

function text(component: Component, name: string): string | null {
  const value: unknown = component.getFirstPropertyValue(name);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function addressOf(value: string): string | null {
  const cleaned = value.trim().replace(/^"|"$/g, '');
  const match = /^mailto:(.+)$/i.exec(cleaned);
  const address = (match ? match[1] : cleaned)?.trim() ?? '';
  return /^[^@\s]+@[^@\s]+$/.test(address) ? address.toLowerCase() : null;
}

/** A room, a resource or a Google resource/group calendar: not a person one meets. */
function isRoom(property: InstanceType<typeof ICAL.Property>, email: string | null): boolean {
  const cutype = String(property.getParameter('cutype') ?? '').toUpperCase();
  if (cutype === 'ROOM' || cutype === 'RESOURCE') return true;
  return email !== null && /@(resource|group)\.calendar\.google\.com$/.test(email);
}

function participantOf(property: InstanceType<typeof ICAL.Property>): CalendarParticipant | 'room' {
  const value: unknown = property.getFirstValue();
  const cn = property.getParameter('cn');
  const name = typeof cn === 'string' && cn.trim() !== '' ? cn.trim() : null;
  const emailParam = property.getParameter('email');
  const email =
    (typeof value === 'string' ? addressOf(value) : null) ??
    (typeof emailParam === 'string' ? addressOf(emailParam) : null) ??
    (name ? addressOf(name) : null);
  if (isRoom(property, email)) return 'room';
  const partstat = String(property.getParameter('partstat') ?? '').toUpperCase();
  return {
    email,
    name: name && name.toLowerCase() !== email ? name : null,
    declined: partstat === 'DECLINED',
  };
}

/** Calendar components' VEVENTs grouped by UID: the master (highest SEQUENCE) and its exceptions. */
interface Series {
  master: { component: Component; line: number } | null;
  exceptions: Array<{ component: Component; line: number }>;
}

function sequenceOf(component: Component): number {
  const value: unknown = component.getFirstPropertyValue('sequence');
  return typeof value === 'number' ? value : 0;
}

function seriesOf(vevents: ReadonlyArray<{ component: Component; line: number }>): Map<string, Series> {
  const series = new Map<string, Series>();
  for (const event of vevents) {
    const uid =
      text(event.component, 'uid') ??
      `no-uid:${String(event.component.getFirstProperty('dtstart')?.toICALString() ?? '')}:${text(event.component, 'summary') ?? ''}`;
    let entry = series.get(uid);
    if (!entry) series.set(uid, (entry = { master: null, exceptions: [] }));
    if (event.component.hasProperty('recurrence-id')) entry.exceptions.push(event);
    else if (!entry.master || sequenceOf(event.component) >= sequenceOf(entry.master.component))
      entry.master = event;
  }
  return series;
}

function collect(component: LexedComponent, name: string, into: LexedComponent[]): void {
  for (const child of component.components) {
    if (child.name === name) into.push(child);
    else collect(child, name, into);
  }
}

/** Reads a whole calendar file as of `now`; dates without a zone are read in `zone`. */
export function readCalendarMeetings(bytes: Buffer, options: { now: number; zone: string }): CalendarReading {
  const lexed = lexICalendar(bytes);
  const reading: CalendarReading = { meetings: [], events: 0, skipped: [], problems: [...lexed.problems] };
  const vtimezones = new Map<string, Component>();
  const vevents: Array<{ component: Component; line: number }> = [];
  for (const calendar of lexed.calendars) {
    const zones: LexedComponent[] = [];
    collect(calendar, 'vtimezone', zones);
    for (const zone of zones) {
      const component = toICalComponent(zone);
      const tzid = text(component, 'tzid');
      if (tzid) vtimezones.set(tzid, component);
    }
    const events: LexedComponent[] = [];
    collect(calendar, 'vevent', events);
    for (const event of events) vevents.push({ component: toICalComponent(event), line: event.line });
  }
  reading.events = vevents.length;
  const zones = createZoneReader(vtimezones, options.zone);
  const reported = new Set<string>();
  for (const [uid, series] of seriesOf(vevents)) {
    const master = series.master;
    if (master) readSeries(uid, master, series.exceptions, zones, options, reading, reported);
    // Exceptions whose series is not in the file stand alone.
    else
      for (const exception of series.exceptions)
        readSeries(uid, exception, [], zones, options, reading, reported, true);
  }
  return reading;
}

function instantOf(time: Time, tzid: string | null, zones: ZoneReader, importZone: string): number {
  const local = {
    year: time.year,
    month: time.month,
    day: time.day,
    hour: time.isDate ? 0 : time.hour,
    minute: time.isDate ? 0 : time.minute,
    second: time.isDate ? 0 : time.second,
  };
  if (time.isDate || (!tzid && time.zone?.tzid !== 'UTC')) return zonedTimeToInstant(local, importZone);
  if (time.zone?.tzid === 'UTC')
    return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  return zones.read(tzid ?? 'UTC').toInstant(local);
}

function participantsOf(component: Component, line: number, reading: CalendarReading) {
  const organizerProperty = component.getFirstProperty('organizer');
  const organizerRead = organizerProperty ? participantOf(organizerProperty) : null;
  const attendees: CalendarParticipant[] = [];
  let rooms = 0;
  for (const property of component.getAllProperties('attendee')) {
    const participant = participantOf(property);
    if (participant === 'room') rooms++;
    else attendees.push(participant);
  }
  if (rooms > 0) reading.skipped.push({ reason: CALENDAR_SKIPS.room, count: rooms, line });
  return { organizer: organizerRead === 'room' ? null : organizerRead, attendees };
}

function readSeries(
  uid: string,
  master: { component: Component; line: number },
  exceptions: ReadonlyArray<{ component: Component; line: number }>,
  zones: ZoneReader,
  options: { now: number; zone: string },
  reading: CalendarReading,
  reported: Set<string>,
  standalone = false,
): void {
  const { component, line } = master;
  if (String(text(component, 'status') ?? '').toUpperCase() === 'CANCELLED') {
    reading.skipped.push({ reason: CALENDAR_SKIPS.cancelled });
    return;
  }
  if (component.getAllProperties('attendee').length === 0) {
    reading.skipped.push({ reason: CALENDAR_SKIPS.noAttendees });
    return;
  }
  const event = new ICAL.Event(component, { exceptions: exceptions.map((entry) => entry.component) });
  const tzid = (time: Time | null, fallback: string | null): string | null => {
    const zoneId = time?.zone?.tzid;
    return zoneId && zoneId !== 'floating' ? zoneId : fallback;
  };
  const startProperty = component.getFirstProperty('dtstart');
  if (!startProperty) {
    reading.skipped.push({
      reason: CALENDAR_SKIPS.noStart,
      line,
      message: 'an event without a start (DTSTART) left out',
    });
    return;
  }
  const startTzid = startProperty.getParameter('tzid');
  const masterTzid = typeof startTzid === 'string' ? startTzid : null;
  const noteZone = (zoneId: string | null) => {
    if (!zoneId || reported.has(zoneId)) return;
    reported.add(zoneId);
    const zone = zones.read(zoneId);
    if (zone.guessed)
      reading.problems.push({
        line,
        message: `time zone "${zoneId}" is unknown: its times were read in ${options.zone} (set another with --tz)`,
      });
  };
  noteZone(masterTzid);

  const kept: CalendarMeeting[] = [];
  let occurrences = 0;
  const take = (
    start: Time,
    recurrenceId: Time | null,
    item: InstanceType<typeof ICAL.Event>,
    itemLine: number,
  ) => {
    if (String(text(item.component, 'status') ?? '').toUpperCase() === 'CANCELLED') {
      reading.skipped.push({ reason: CALENDAR_SKIPS.cancelled });
      return;
    }
    const itemStart = item.component.getFirstProperty('dtstart')?.getParameter('tzid');
    const itemTzid = typeof itemStart === 'string' ? itemStart : masterTzid;
    noteZone(itemTzid);
    const at = instantOf(start, tzid(start, itemTzid), zones, options.zone);
    const { organizer, attendees } = participantsOf(item.component, itemLine, reading);
    kept.push({
      key: recurrenceId ? `${uid}|${recurrenceId.toString()}` : uid,
      at,
      summary: text(item.component, 'summary'),
      line: itemLine,
      organizer,
      attendees,
    });
    occurrences++;
    if (kept.length > MAX_OCCURRENCES) kept.shift();
  };

  if (!event.isRecurring() || standalone) {
    const at = instantOf(event.startDate, tzid(event.startDate, masterTzid), zones, options.zone);
    if (at > options.now) {
      reading.skipped.push({ reason: CALENDAR_SKIPS.future });
      return;
    }
    const recurrenceId = standalone
      ? (component.getFirstPropertyValue('recurrence-id') as Time | null)
      : null;
    take(event.startDate, recurrenceId, event, line);
  } else {
    try {
      const iterator = event.iterator();
      for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
        const next = iterator.next();
        if (!next) break;
        const details = event.getOccurrenceDetails(next) as OccurrenceDetails;
        const exceptionLine = exceptions.find((entry) => entry.component === details.item.component)?.line;
        const at = instantOf(details.startDate, tzid(details.startDate, masterTzid), zones, options.zone);
        // Occurrences come in order of their original times; a moved one may now lie after `now`.
        if (instantOf(next, tzid(next, masterTzid), zones, options.zone) > options.now) break;
        if (at > options.now) continue;
        take(details.startDate, details.recurrenceId, details.item, exceptionLine ?? line);
      }
    } catch (error) {
      reading.problems.push({
        line,
        message: `the repeat rule of "${text(component, 'summary') ?? uid}" could not be followed (${(error as Error).message}): the occurrences before it kept`,
      });
      reading.skipped.push({ reason: CALENDAR_SKIPS.badRule });
    }
    if (kept.length === 0 && occurrences === 0) reading.skipped.push({ reason: CALENDAR_SKIPS.future });
  }
  if (occurrences > MAX_OCCURRENCES) {
    reading.skipped.push({
      reason: CALENDAR_SKIPS.overCap,
      count: occurrences - MAX_OCCURRENCES,
      line,
      message: `"${text(component, 'summary') ?? uid}" repeats ${occurrences} times up to now: the latest ${MAX_OCCURRENCES} kept`,
    });
  }
  reading.meetings.push(...kept);
}
