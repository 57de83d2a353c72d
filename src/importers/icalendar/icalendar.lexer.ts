/**
 * iCalendar text → components, tolerant of what real producers write (docs/rules/calendar.md#reading):
 * folded lines are joined with their first line's number kept, each property is parsed alone by ical.js (so
 * one bad line costs one property, not the file), a parameter with an unbalanced quote (Exchange's
 * `TZID="W. Europe Standard Time:2020…"`) is read again without quotes. What cannot be used at all —
 * binary bytes, no `BEGIN:VCALENDAR`, a calendar cut off before its `END` — is an `ICalendarParseError`
 * naming the line.
 */
import { isUtf8, type Buffer } from 'node:buffer';
import { TextDecoder } from 'node:util';
import ICAL from 'ical.js';

/** The file cannot be read as a calendar: the message says what is wrong at which line. */
export class ICalendarParseError extends Error {
  override readonly name = 'ICalendarParseError';
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** ical.js's jCal shapes: a property `[name, params, type, ...values]`, a component `[name, props, comps]`. */
export type JCalProperty = [string, Record<string, unknown>, string, ...unknown[]];
export interface LexedComponent {
  name: string;
  line: number;
  properties: JCalProperty[];
  components: LexedComponent[];
}

export interface LexedCalendar {
  calendars: LexedComponent[];
  /** Lines that could not be read, each skipped alone. */
  problems: Array<{ line: number; message: string }>;
}

interface LogicalLine {
  text: string;
  line: number;
}

/** UTF-8 as RFC 5545 says; a file that is not (an old Outlook export) is read as windows-1252. */
function decode(bytes: Buffer): string {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  return new TextDecoder(isUtf8(body) ? 'utf-8' : 'windows-1252').decode(body);
}

function logicalLines(text: string): LogicalLine[] {
  const lines: LogicalLine[] = [];
  const physical = text.split(/\r\n|\n|\r/);
  for (let index = 0; index < physical.length; index++) {
    const raw = physical[index] ?? '';
    const last = lines[lines.length - 1];
    // A fold is CRLF then one space or tab; the blank that starts the continuation is not content.
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && last) last.text += raw.slice(1);
    // Blanks before the first line are a producer's indentation, not a fold.
    else if (raw.trim() !== '') lines.push({ text: last ? raw : raw.trimStart(), line: index + 1 });
  }
  return lines;
}

function parseProperty(text: string): JCalProperty | null {
  try {
    return ICAL.parse.property(text) as JCalProperty;
  } catch {
    if (!text.includes('"')) return null;
    try {
      return ICAL.parse.property(text.replaceAll('"', '')) as JCalProperty;
    } catch {
      return null;
    }
  }
}

/** Control characters no calendar holds (tab, line ends and form feed aside): a binary file. */
function isBinary(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) return true;
  }
  return false;
}

/** Reads a whole `.ics` file; throws `ICalendarParseError` when it is not a calendar or is cut off. */
export function lexICalendar(bytes: Buffer): LexedCalendar {
  const text = decode(bytes);
  const lines = logicalLines(text);
  const first = lines[0];
  if (!first || !/^BEGIN:VCALENDAR\s*$/i.test(first.text)) {
    const binary = isBinary(text.slice(0, 4096));
    throw new ICalendarParseError(
      first?.line ?? 1,
      binary
        ? 'binary data, not an iCalendar file: export the calendar as .ics again'
        : `not an iCalendar file (it should start with BEGIN:VCALENDAR, found "${(first?.text ?? '').slice(0, 40)}"): export the calendar as .ics again`,
    );
  }
  const calendars: LexedComponent[] = [];
  const problems: LexedCalendar['problems'] = [];
  const stack: LexedComponent[] = [];
  for (const { text: lineText, line } of lines) {
    if (isBinary(lineText))
      throw new ICalendarParseError(line, 'binary data inside the calendar: the file is damaged');
    const begin = /^BEGIN:(.+?)\s*$/i.exec(lineText);
    if (begin) {
      const component: LexedComponent = {
        name: (begin[1] ?? '').toLowerCase(),
        line,
        properties: [],
        components: [],
      };
      const parent = stack[stack.length - 1];
      if (parent) parent.components.push(component);
      else if (component.name === 'vcalendar') calendars.push(component);
      else throw new ICalendarParseError(line, `${lineText} outside a calendar`);
      stack.push(component);
      continue;
    }
    const end = /^END:(.+?)\s*$/i.exec(lineText);
    if (end) {
      const name = (end[1] ?? '').toLowerCase();
      const open = stack[stack.length - 1];
      if (!open || open.name !== name)
        throw new ICalendarParseError(
          line,
          `END:${name.toUpperCase()} does not close ${open ? `BEGIN:${open.name.toUpperCase()} of line ${open.line}` : 'anything'}: the file is damaged`,
        );
      stack.pop();
      continue;
    }
    const open = stack[stack.length - 1];
    if (!open) continue;
    const property = parseProperty(lineText);
    if (property) open.properties.push(property);
    else problems.push({ line, message: `unreadable property "${lineText.slice(0, 60)}" left out` });
  }
  const unclosed = stack[stack.length - 1];
  if (unclosed)
    throw new ICalendarParseError(
      lines[lines.length - 1]?.line ?? 1,
      `the file ends inside BEGIN:${unclosed.name.toUpperCase()} of line ${unclosed.line} (cut off?): export the calendar again`,
    );
  return { calendars, problems };
}

/** The ical.js component of a lexed one (its jCal). */
export function toICalComponent(component: LexedComponent): InstanceType<typeof ICAL.Component> {
  return new ICAL.Component(toJCal(component));
}

function toJCal(component: LexedComponent): [string, JCalProperty[], unknown[]] {
  return [component.name, component.properties, component.components.map(toJCal)];
}
