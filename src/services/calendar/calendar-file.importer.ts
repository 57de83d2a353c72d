import { Buffer } from 'node:buffer';
import { AppError } from '../../domain/errors.js';
import { normalizeEmail } from '../../domain/identity.js';
import { hash53 } from '../../domain/source-key.js';
import {
  readCalendarMeetings,
  type CalendarMeeting,
  type CalendarParticipant,
} from '../../importers/icalendar/calendar-meetings.reader.js';
import { ICalendarParseError } from '../../importers/icalendar/icalendar.lexer.js';
import type { ImportEntry } from '../../importers/import-sources.js';
import type { NewInteraction } from '../../store/interaction.repository.js';
import { ALREADY_IMPORTED, countSkip } from '../import.report.js';
import { insertInteractions, type FileImportContext } from '../linkedin/file-import.context.js';
import { mostCounted, ownerAddresses, type OwnerAddresses } from '../owner-addresses.js';

/** Part of a calendar file's fingerprint: raising it makes an improved reader read old files again. */
export const CALENDAR_IMPORTER_VERSION = 1;

export const CALENDAR_SKIPS_BY_OWNER = {
  declined: 'declined by me',
  onlyMe: 'no one but me',
  unknown: 'unknown attendee (import with --create-people to add them)',
} as const;

/** A file named like a calendar export (its content decides whether it is one). */
export function isCalendarFileName(path: string): boolean {
  return /\.(ics|ical|ifb|icalendar)$/i.test(path);
}

async function readAll(entry: ImportEntry): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await entry.open()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function addressOf(participant: CalendarParticipant | null): string | null {
  return participant?.email ? normalizeEmail(participant.email) : null;
}

/** In one's own calendar the owner is in nearly every meeting: the address seen in the most of them. */
function mostFrequentParticipant(meetings: readonly CalendarMeeting[]): string | null {
  const counts = new Map<string, number>();
  for (const meeting of meetings) {
    const seen = new Set<string>();
    for (const participant of [meeting.organizer, ...meeting.attendees]) {
      const address = addressOf(participant);
      if (address) seen.add(address);
    }
    for (const address of seen) counts.set(address, (counts.get(address) ?? 0) + 1);
  }
  return mostCounted(counts);
}

function splitName(name: string | null): { firstName: string; lastName: string } {
  const parts = (name ?? '')
    .replace(/\s*\(.*\)\s*$/, '')
    .split(/\s+/)
    .filter(Boolean);
  if (parts.length === 0) return { firstName: '', lastName: '' };
  // "Doe, John" as Exchange writes CN.
  if (parts[0]?.endsWith(','))
    return { firstName: parts.slice(1).join(' '), lastName: parts[0].slice(0, -1) };
  return { firstName: parts[0] ?? '', lastName: parts.slice(1).join(' ') };
}

/**
 * Reads one calendar file and writes its meetings in the caller's transaction (docs/rules/calendar.md):
 * one meeting interaction per occurrence and known attendee, organised by me = out, invited = in; group
 * meetings record their members (warm paths' shared-meeting evidence). A file that is not a calendar, is cut
 * off or binary fails whole with its line.
 */
export async function importCalendarFile(
  entry: ImportEntry,
  context: FileImportContext,
): Promise<OwnerAddresses> {
  const { report, totals, directory, interactions } = context;
  let reading;
  try {
    reading = readCalendarMeetings(await readAll(entry), { now: context.now, zone: context.zone });
  } catch (error) {
    if (error instanceof ICalendarParseError)
      throw new AppError('bad-input', `line ${error.line}: ${error.message}`);
    throw error;
  }
  report.rowsRead = reading.events;
  for (const problem of reading.problems) countProblem(context, problem.line, problem.message);
  for (const skip of reading.skipped) {
    report.skipped[skip.reason] = (report.skipped[skip.reason] ?? 0) + (skip.count ?? 1);
    if (skip.line !== undefined && skip.message) countProblem(context, skip.line, skip.message);
  }
  const owner = await ownerAddresses(context, () => mostFrequentParticipant(reading.meetings));
  const isMine = (participant: CalendarParticipant | null) => {
    const address = addressOf(participant);
    return address !== null && owner.addresses.has(address);
  };
  const unknown = new Set<string>();
  const rows: NewInteraction[] = [];
  const members: Array<{ conversationKey: string; personId: number }> = [];
  for (const meeting of reading.meetings) {
    if ([meeting.organizer, ...meeting.attendees].some((p) => p?.declined && isMine(p))) {
      countSkip(report, CALENDAR_SKIPS_BY_OWNER.declined);
      continue;
    }
    const others = new Map<string, CalendarParticipant>();
    for (const participant of [meeting.organizer, ...meeting.attendees]) {
      const address = addressOf(participant);
      if (!participant || participant.declined || !address || owner.addresses.has(address)) continue;
      if (!others.has(address)) others.set(address, participant);
    }
    if (others.size === 0) {
      countSkip(report, CALENDAR_SKIPS_BY_OWNER.onlyMe);
      continue;
    }
    const direction = meeting.organizer ? (isMine(meeting.organizer) ? 'out' : 'in') : 'both';
    const conversationKey = `calendar:${hash53('calendar-meeting', meeting.key)}`;
    const groupSize = others.size + 1;
    for (const [address, participant] of others) {
      const identity = [{ kind: 'email' as const, value: address }];
      let personId = directory.find(identity);
      if (personId === undefined && context.createPeople)
        personId = await directory.create({ ...splitName(participant.name), email: address }, 'calendar');
      if (personId === undefined) {
        unknown.add(address);
        continue;
      }
      rows.push({
        personId,
        kind: 'meeting',
        direction,
        at: meeting.at,
        channel: 'calendar',
        conversationKey,
        groupSize,
        summary: meeting.summary,
        textHash: null,
        skippedReason: null,
        source: 'calendar',
        sourceKey: hash53('calendar-meeting', meeting.key, address),
      });
      if (groupSize > 2) members.push({ conversationKey, personId });
    }
  }
  if (unknown.size > 0) report.skipped[CALENDAR_SKIPS_BY_OWNER.unknown] = unknown.size;
  const known = await interactions.knownSourceKeys(rows.map((row) => row.sourceKey));
  const fresh = rows.filter((row) => !known.has(row.sourceKey));
  if (rows.length > fresh.length) report.skipped[ALREADY_IMPORTED] = rows.length - fresh.length;
  await insertInteractions(context, fresh);
  await interactions.addConversationMembers(members);
  report.imported += fresh.length;
  totals.interactionsAdded += fresh.length;
  return owner;
}

function countProblem(context: FileImportContext, line: number, message: string): void {
  if (context.report.problems.length < 200) context.report.problems.push({ line, message });
}
