import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDataDir } from '../../../test/support/cli-harness.js';
import { testDatabases } from '../../../test/support/test-databases.js';
import { createInteractionRepository } from '../../store/interaction.repository.js';
import { createPersonRepository } from '../../store/person.repository.js';
import type { Store } from '../../store/store.js';
import { createImportService } from '../import.service.js';
import { createRelationshipService } from '../relationship.service.js';
import { createSettingsService } from '../settings.service.js';

/**
 * docs/rules/calendar.md: events with attendees become meetings with every known attendee (organiser
 * included; rooms, resources and declined attendees left out), repeating events expanded up to the import
 * time, Windows zone names read, direction from who organised; a broken file fails alone.
 */

const NOW = Date.parse('2026-12-01T12:00:00Z');
const EXTERNAL = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'test',
  'fixtures',
  'external',
  'ical-node-ical',
);

const calendar = (...events: string[][]) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
    ...events.flat(),
    'END:VCALENDAR',
    '',
  ].join('\r\n');
const event = (...lines: string[]) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'];
const me = 'ATTENDEE;CN=Me;PARTSTAT=ACCEPTED:mailto:me@example.com';

const ADDRESS_BOOK = ['Alice Adams:alice@example.com', 'Carol Cole:carol@example.com']
  .map((entry) => {
    const [name, email] = entry.split(':');
    return [
      'BEGIN:VCARD',
      'VERSION:3.0',
      `FN:${name}`,
      `N:${name?.split(' ')[1]};${name?.split(' ')[0]};;;`,
      `EMAIL:${email}`,
      'END:VCARD',
    ].join('\r\n');
  })
  .join('\r\n');

const MEETINGS = calendar(
  event(
    'UID:planning-1',
    'SUMMARY:Roadmap planning',
    'DTSTART:20261110T100000Z',
    'DTEND:20261110T110000Z',
    'ORGANIZER;CN=Me:mailto:me@example.com',
    me,
    'ATTENDEE;CN=Alice Adams;PARTSTAT=ACCEPTED:mailto:alice@example.com',
    'ATTENDEE;CN=Bob Brown;PARTSTAT=DECLINED:mailto:bob@example.com',
    'ATTENDEE;CUTYPE=ROOM;CN=Room 4:mailto:room4@example.com',
    'ATTENDEE;CN=Big room:mailto:c_188@resource.calendar.google.com',
  ),
  event(
    'UID:weekly-sync',
    'SUMMARY:Weekly sync',
    'DTSTART;TZID=W. Europe Standard Time:20261005T090000',
    'DTEND;TZID=W. Europe Standard Time:20261005T093000',
    'RRULE:FREQ=WEEKLY;BYDAY=MO',
    'EXDATE;TZID=W. Europe Standard Time:20261019T090000',
    'ORGANIZER;CN=Carol Cole:MAILTO:carol@example.com',
    me,
    'ATTENDEE;CN=Alice Adams;PARTSTAT=TENTATIVE:mailto:alice@example.com',
  ),
  event(
    'UID:weekly-sync',
    'RECURRENCE-ID;TZID=W. Europe Standard Time:20261026T090000',
    'SUMMARY:Weekly sync (moved)',
    'DTSTART;TZID=W. Europe Standard Time:20261027T100000',
    'DTEND;TZID=W. Europe Standard Time:20261027T103000',
    'ORGANIZER;CN=Carol Cole:mailto:carol@example.com',
    me,
    'ATTENDEE;CN=Alice Adams;PARTSTAT=ACCEPTED:mailto:alice@example.com',
  ),
  event(
    'UID:declined-by-me',
    'SUMMARY:Vendor pitch',
    'DTSTART:20261112T150000Z',
    'ORGANIZER:mailto:carol@example.com',
    'ATTENDEE;PARTSTAT=DECLINED:mailto:me@example.com',
  ),
  event(
    'UID:future',
    'SUMMARY:Offsite',
    'DTSTART:20270110T100000Z',
    'ORGANIZER:mailto:carol@example.com',
    me,
  ),
  event(
    'UID:with-dave',
    'SUMMARY:Coffee',
    'DTSTART:20261120T080000Z',
    'ORGANIZER:mailto:me@example.com',
    'ATTENDEE;CN="Example, Dave":mailto:dave@example.com',
  ),
  event('UID:alone', 'SUMMARY:Focus time', 'DTSTART:20261121T080000Z'),
);

function folderWith(files: Record<string, string | Buffer>): string {
  const folder = mkdtempSync(join(tmpdir(), 'tend-calendar-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
  return folder;
}

describe.each(testDatabases('calendar-import'))('importing calendars, on $name', (database) => {
  afterAll(() => database.cleanup());
  const opened: Store[] = [];
  afterAll(async () => {
    for (const store of opened) await store.close();
  });

  async function services(now = NOW) {
    const dataDir = tempDataDir();
    const store = await database.open();
    opened.push(store);
    const settings = createSettingsService(dataDir);
    const relationships = createRelationshipService({ store, settings });
    let clock = now;
    const imports = createImportService({ store, settings, clock: () => clock, dataDir, relationships });
    const people = createPersonRepository(store);
    const timelineOf = async (email: string, limit?: number) => {
      const person = await people.findByIdentity('email', email);
      return person ? createInteractionRepository(store).timeline(person.id, limit) : [];
    };
    return { store, imports, settings, people, timelineOf, setClock: (at: number) => (clock = at) };
  }

  it('makes meetings of events with attendees: rooms, declined and the owner left out, series expanded', async () => {
    const { imports, timelineOf } = await services();
    const folder = folderWith({ 'contacts.vcf': ADDRESS_BOOK, 'work.ics': MEETINGS });
    const report = await imports.importPaths([folder]);
    const file = report.files.find((entry) => entry.format === 'icalendar');
    expect(file?.failed).toBeUndefined();
    expect(report.owner.emails).toEqual(['me@example.com']);
    expect(file).toMatchObject({ rowsRead: 7 });
    expect(file?.skipped).toMatchObject({
      'room or resource': 2,
      'declined by me': 1,
      'not yet happened': 1,
      'no attendees': 1,
      'unknown attendee (import with --create-people to add them)': 1,
    });
    const alice = await timelineOf('alice@example.com');
    // Planning (organised by me) + 8 Mondays of the weekly sync (9 up to Dec 1st, one excluded).
    expect(alice.map((entry) => entry.kind)).toEqual(Array(9).fill('meeting'));
    const planning = alice.find((entry) => entry.summary === 'Roadmap planning');
    // Bob declined, the rooms are no one: Alice and I.
    expect(planning).toMatchObject({
      direction: 'out',
      groupSize: 2,
      at: Date.parse('2026-11-10T10:00:00Z'),
    });
    const sync = alice.filter((entry) => entry.summary?.startsWith('Weekly sync'));
    expect(sync.every((entry) => entry.direction === 'in' && entry.groupSize === 3)).toBe(true);
    const times = sync.map((entry) => new Date(entry.at).toISOString()).sort();
    // 09:00 in Berlin: CEST (UTC+2) until October 25th, CET (UTC+1) after; the moved one at 10:00 on the 27th.
    expect(times).toEqual([
      '2026-10-05T07:00:00.000Z',
      '2026-10-12T07:00:00.000Z',
      '2026-10-27T09:00:00.000Z',
      '2026-11-02T08:00:00.000Z',
      '2026-11-09T08:00:00.000Z',
      '2026-11-16T08:00:00.000Z',
      '2026-11-23T08:00:00.000Z',
      '2026-11-30T08:00:00.000Z',
    ]);
    // The organiser of the series is met too.
    expect(await timelineOf('carol@example.com')).toHaveLength(8);
    expect(await timelineOf('bob@example.com')).toEqual([]);
  });

  it('adds people for unknown attendees only with --create-people; importing again adds nothing', async () => {
    const { imports, people, timelineOf } = await services();
    const folder = folderWith({ 'work.ics': MEETINGS });
    await imports.importPaths([folder]);
    expect(await people.findByIdentity('email', 'dave@example.com')).toBeUndefined();
    const second = await imports.importPaths([folder], { createPeople: true });
    expect(second.totals.interactionsAdded).toBe(1 + 9 + 8);
    expect(await people.findByIdentity('email', 'dave@example.com')).toMatchObject({ name: 'Dave Example' });
    expect(await timelineOf('dave@example.com')).toHaveLength(1);
    // Read again once (Dave became known by e-mail since), adding nothing; then recognised as unchanged.
    const third = await imports.importPaths([folder], { createPeople: true });
    expect(third.totals.interactionsAdded).toBe(0);
    const fourth = await imports.importPaths([folder], { createPeople: true });
    expect(fourth.files[0]?.unchanged).toBe(true);
  });

  it('adds the occurrences since when the same file is imported on a later day', async () => {
    const { imports, timelineOf, setClock } = await services(Date.parse('2026-11-20T12:00:00Z'));
    const folder = folderWith({ 'contacts.vcf': ADDRESS_BOOK, 'work.ics': MEETINGS });
    await imports.importPaths([folder]);
    expect(await timelineOf('carol@example.com')).toHaveLength(6);
    setClock(NOW);
    const later = await imports.importPaths([join(folder, 'work.ics')]);
    expect(later.totals.interactionsAdded).toBe(2 * 2);
    expect(later.files[0]?.skipped['already imported']).toBe(1 + 6 + 6);
    expect(await timelineOf('carol@example.com')).toHaveLength(8);
  });

  it('keeps the latest 500 occurrences of a series and says so', async () => {
    const { imports, timelineOf } = await services();
    const daily = calendar(
      event(
        'UID:daily-standup',
        'SUMMARY:Standup',
        'DTSTART;TZID=Europe/Berlin:20240101T093000',
        'RRULE:FREQ=DAILY',
        'ORGANIZER:mailto:me@example.com',
        'ATTENDEE:mailto:alice@example.com',
        me,
      ),
    );
    const report = await imports.importPaths([folderWith({ 'a.vcf': ADDRESS_BOOK, 'standup.ics': daily })], {
      createPeople: false,
    });
    const file = report.files.find((entry) => entry.format === 'icalendar');
    expect(file?.problems[0]?.message).toMatch(/repeats 1066 times up to now: the latest 500 kept/);
    expect(file?.skipped['occurrences over 500 per series (older ones left out)']).toBe(566);
    const alice = await timelineOf('alice@example.com', 1000);
    expect(alice).toHaveLength(500);
    expect(Math.max(...alice.map((entry) => entry.at))).toBe(Date.parse('2026-12-01T08:30:00Z'));
  });

  it('fails a file that is cut off, binary or not a calendar, with its line; the others import', async () => {
    const { imports } = await services();
    const cut = MEETINGS.slice(0, MEETINGS.indexOf('END:VEVENT'));
    const folder = folderWith({
      'a-cut.ics': cut,
      'b-binary.ics': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01, 0x02, 0xff]),
      'c-csv.ics': 'First Name,Last Name\nAda,Lovelace\n',
      'd-good.ics': MEETINGS,
    });
    const report = await imports.importPaths([folder], { createPeople: true });
    const byName = (name: string) => report.files.find((file) => file.path.endsWith(name));
    expect(byName('a-cut.ics')?.failed).toMatch(
      /^line 14: the file ends inside BEGIN:VEVENT of line 4 \(cut off\?\)/,
    );
    expect(byName('b-binary.ics')?.failed).toMatch(/^line 1: binary data, not an iCalendar file/);
    expect(byName('c-csv.ics')?.failed).toMatch(/^line 1: not an iCalendar file/);
    expect(byName('d-good.ics')?.imported).toBe(1 + 9 + 8);
  });

  it('reads every real calendar of the node-ical fixtures (Exchange, Google, Apple, Zimbra…)', async () => {
    const { imports, people } = await services();
    const report = await imports.importPaths([EXTERNAL], { createPeople: true });
    const calendars = report.files.filter((file) => file.format === 'icalendar');
    expect(calendars).toHaveLength(51);
    expect(calendars.filter((file) => file.failed)).toEqual([]);
    // Apple's tentative and confirmed attendees met, the cancelled event not.
    const apple = calendars.find((file) => file.path.endsWith('tentative-apple-calendar.ics'));
    expect(apple?.skipped).toMatchObject({ cancelled: 1 });
    expect(await people.findByIdentity('email', 'tentative@example.com')).toBeDefined();
    expect(await people.findByIdentity('email', 'cancelled@example.com')).toBeUndefined();
    // The Exchange line with an unbalanced quote is read again without quotes, not lost.
    const exchange = calendars.find((file) => file.path.endsWith('ms_timezones.ics'));
    expect(exchange?.problems).toEqual([]);
  });
});
