import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDataDir } from '../../../test/support/cli-harness.js';
import { testDatabases } from '../../../test/support/test-databases.js';
import { createContactCardRepository } from '../../store/contact-card.repository.js';
import { createPersonRepository } from '../../store/person.repository.js';
import type { Store } from '../../store/store.js';
import { createImportService } from '../import.service.js';
import { createRelationshipService } from '../relationship.service.js';
import { createPeopleService } from '../people.service.js';
import { createSettingsService } from '../settings.service.js';

/**
 * docs/rules/contacts.md#contact-csv: Google and Outlook contact CSV files go through the import like vCards:
 * recognised by their header, each row a card, the same person from several exports one person.
 */

const NOW = Date.parse('2026-12-01T12:00:00Z');
const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'contacts-csv');

describe.each(testDatabases('contact-csv-import'))('importing contact CSV files, on $name', (database) => {
  afterAll(() => database.cleanup());
  const opened: Store[] = [];
  afterAll(async () => {
    for (const store of opened) await store.close();
  });

  async function services() {
    const store = await database.open();
    opened.push(store);
    const dataDir = tempDataDir();
    const settings = createSettingsService(dataDir);
    const relationships = createRelationshipService({ store, settings });
    const imports = createImportService({ store, settings, clock: () => NOW, dataDir, relationships });
    return { store, imports, settings, people: createPersonRepository(store) };
  }

  it('makes one person of each contact the Google and Outlook exports share, windows-1252 files included', async () => {
    const { store, imports, people } = await services();
    const report = await imports.importPaths([FIXTURES]);
    expect(
      report.files
        .filter((file) => file.format !== 'ignored')
        .map((file) => [file.path.replace(/^.*\//, ''), file.format, file.imported]),
    ).toEqual([
      ['google-contacts.csv', 'google-csv', 4],
      ['google-legacy.csv', 'google-csv', 2],
      ['outlook-com.csv', 'outlook-csv', 1],
      ['outlook-desktop.csv', 'outlook-csv', 2],
      ['outlook-german.csv', 'outlook-csv', 1],
    ]);
    const names = (await people.search(null)).map((person) => person.name).sort();
    expect(names).toEqual([
      '+46 8 555 000 11',
      'Chloé Martin',
      'Ingrid Solberg',
      'Jürgen Weiß',
      'Marek Nowak',
      'Tomas Berg',
      'Åsa Lindqvist',
    ]);
    const ingrid = await people.findByIdentity('url', 'linkedin.com/in/ingrid-solberg');
    expect(await people.findByIdentity('email', 'ingrid@fjordlight.example')).toMatchObject({
      id: ingrid?.id,
    });
    expect(await createContactCardRepository(store).listForPerson(ingrid?.id ?? 0)).toHaveLength(3);
    const jurgen = await people.findByIdentity('email', 'j.weiss@mueller-soehne.example');
    expect(jurgen).toMatchObject({ name: 'Jürgen Weiß', company: 'Müller & Söhne GmbH' });
    expect(await people.findByIdentity('url', 'linkedin.com/in/juergen-weiss')).toMatchObject({
      id: jurgen?.id,
    });
    // The switchboard and the fax reach no one: only the mobile and the direct line are Jürgen's.
    expect((await people.listIdentities(jurgen?.id ?? 0)).filter((row) => row.kind === 'phone')).toHaveLength(
      2,
    );
  });

  it('adds nothing when read again, and fails a file with a quote that never closes, naming its line', async () => {
    const { imports, people } = await services();
    await imports.importPaths([FIXTURES]);
    const count = await people.count();
    const again = await imports.importPaths([FIXTURES]);
    expect(again.files.every((file) => file.unchanged || file.format === 'ignored')).toBe(true);
    const folder = mkdtempSync(join(tmpdir(), 'tend-contact-csv-'));
    // The notes cell's closing quote lost: it swallows the rest of the file.
    const broken = readFileSync(join(FIXTURES, 'google-legacy.csv'), 'utf8').replace(
      'of notes",',
      'of notes,',
    );
    writeFileSync(
      join(folder, 'contacts.csv'),
      `${broken}Zed,Zed,,Zed,,,,,,,,,,,,,,,,,,,,,,,* My Contacts,* Home,zed@mail.example\r\n`,
    );
    const report = await imports.importPaths([folder]);
    expect(report.files[0]?.failed).toMatch(/^line 3: unterminated quoted field/);
    expect(await people.count()).toBe(count);
  });

  it('finds a person by the international form of the national phone a Google CSV gave, and never merges two who share a phone', async () => {
    const { store, imports, people, settings } = await services();
    settings.set('phone-region', 'SE');
    const folder = mkdtempSync(join(tmpdir(), 'tend-phones-'));
    // Google's header (the fixture's), two rows filled by column name.
    const header =
      readFileSync(join(FIXTURES, 'google-contacts.csv'), 'utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)[0] ?? '';
    const row = (values: Record<string, string>) =>
      header
        .split(',')
        .map((column) => values[column] ?? '')
        .join(',');
    const person = (first: string, email: string, phone: string) =>
      row({ 'First Name': first, 'Last Name': 'Ek', 'E-mail 1 - Value': email, 'Phone 1 - Value': phone });
    writeFileSync(
      join(folder, 'contacts.csv'),
      [
        header,
        person('Sven', 'sven@example.se', '070-123 45 67'),
        person('Karin', 'karin@example.se', '+46 70 123 45 67'),
      ].join('\n') + '\n',
    );
    await imports.importPaths([folder]);
    const lookup = createPeopleService(store, { phoneRegion: () => 'SE' });
    expect((await lookup.resolveRef('+46 70 123 45 67')).name).toBe('Sven Ek');
    expect((await lookup.resolveRef('0046 70-123 45 67')).name).toBe('Sven Ek');
    const karin = await people.findByIdentity('email', 'karin@example.se');
    expect(karin?.name).toBe('Karin Ek');
    expect(karin?.id).not.toBe((await lookup.resolveRef('070 123 45 67')).id);
    const sven = await lookup.resolveRef('070 123 45 67');
    expect(await people.listIdentities(sven.id)).toContainEqual(
      expect.objectContaining({ kind: 'phone', value: '+46701234567' }),
    );
  });

  it("adds no E.164 phone beside the digits its person holds, from LinkedIn's Contacts.csv either", async () => {
    const { imports, people, settings } = await services();
    const header =
      'Source,FirstName,LastName,Companies,Title,Emails,PhoneNumbers,CreatedAt,Addresses,Sites,InstantMessageHandles,FullName,Birthday,Location,BookmarkedAt,Profiles';
    const contacts = (phone: string) => {
      const folder = mkdtempSync(join(tmpdir(), 'tend-linkedin-contacts-'));
      const row = `GOOGLE_CONTACTS,Sven,Ek,,,sven@example.se,${phone},"01/15/25, 10:00 AM",,,,Sven Ek,,,,`;
      writeFileSync(join(folder, 'Contacts.csv'), `${header}\n${row}\n`);
      return folder;
    };
    await imports.importPaths([contacts('070-123 45 67')]);
    settings.set('phone-region', 'SE');
    await imports.importPaths([contacts('+46 70 123 45 67')]);
    await imports.importPaths([contacts('070-1234567')]);
    const sven = await people.findByIdentity('email', 'sven@example.se');
    const phones = (await people.listIdentities(sven?.id ?? 0)).filter(
      (identity) => identity.kind === 'phone',
    );
    expect(phones.map((identity) => identity.value)).toEqual(['0701234567']);
    expect((await people.findByIdentity('phone', '0701234567'))?.id).toBe(sven?.id);
  });
});
