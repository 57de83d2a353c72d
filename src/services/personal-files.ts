import type { ImportEntry } from '../importers/import-sources.js';
import { toLocalDate } from '../domain/time.js';
import { createPersonIdentityRepository } from '../store/person-identity.repository.js';
import type { StoreContext } from '../store/store.js';
import {
  CALENDAR_IMPORTER_VERSION,
  importCalendarFile,
  isCalendarFileName,
} from './calendar/calendar-file.importer.js';
import type { FileImportContext } from './linkedin/file-import.context.js';
import { startsAsMbox } from '../importers/mail/mbox.reader.js';
import { MAIL_IMPORTER_VERSION, importMailFile, mailFormatOfName } from './mail/mail-file.importer.js';

/**
 * Calendars and mailboxes: the user's own files beside LinkedIn's and the address books
 * (docs/rules/calendar.md, docs/rules/mail.md). They come after both in an import, so their participants
 * find the people those made.
 */
export type PersonalFormat = 'icalendar' | 'mbox' | 'eml';

export function personalFormatOfName(path: string): PersonalFormat | null {
  return isCalendarFileName(path) ? 'icalendar' : mailFormatOfName(path);
}

/** A file whose name has no extension (a Thunderbird folder: `Inbox`) is an mbox when it starts as one. */
export async function personalFormatOfContent(entry: ImportEntry): Promise<PersonalFormat | null> {
  const name = entry.innerPath.slice(entry.innerPath.lastIndexOf('/') + 1);
  if (name.includes('.') || entry.size < 5 || entry.brokenReason) return null;
  const stream = await entry.open();
  try {
    for await (const chunk of stream) return startsAsMbox(chunk as Buffer) ? 'mbox' : null;
    return null;
  } finally {
    stream.destroy();
  }
}

/**
 * What a calendar or mail file gives depends on more than its bytes: a calendar's meetings on the day of the
 * import (occurrences up to then), both on the people known by e-mail (a participant unknown before may be
 * known now) and on the flags. Their fingerprint carries all of it, so the same file is read again when any
 * changed; source keys keep it from adding anything twice.
 */
export async function personalFingerprint(
  format: PersonalFormat,
  entry: ImportEntry,
  now: number,
  options: { createPeople?: boolean; keepBodies?: boolean },
  store: StoreContext,
): Promise<string> {
  const people = await createPersonIdentityRepository(store).countIdentities('email');
  const flags = `${options.createPeople ? 'create-people' : 'known-people'}:${people}`;
  if (format === 'icalendar')
    return `${format}${CALENDAR_IMPORTER_VERSION}:${toLocalDate(now, 'UTC')}:${flags}:${await entry.fingerprint()}`;
  const bodies = options.keepBodies ? 'bodies' : 'headers';
  return `${format}${MAIL_IMPORTER_VERSION}:${bodies}:${flags}:${await entry.fingerprint()}`;
}

export async function importPersonalFile(
  format: PersonalFormat,
  entry: ImportEntry,
  context: FileImportContext,
): Promise<void> {
  if (format === 'icalendar') await importCalendarFile(entry, context);
  else await importMailFile(format, entry, context);
}
