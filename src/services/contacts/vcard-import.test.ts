import { cpSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDataDir } from '../../../test/support/cli-harness.js';
import { testDatabases } from '../../../test/support/test-databases.js';
import { createContactCardRepository } from '../../store/contact-card.repository.js';
import { createDuplicateRepository } from '../../store/duplicate.repository.js';
import { createPersonRepository } from '../../store/person.repository.js';
import type { Store } from '../../store/store.js';
import { createImportService } from '../import.service.js';
import { createRelationshipService } from '../relationship.service.js';
import { createPeopleService } from '../people.service.js';
import { createSettingsService } from '../settings.service.js';
import type { StoredContactCard } from '../../domain/contact-card.js';

/**
 * docs/rules/contacts.md: vCard files from real clients become people with their identities, one card row
 * each, photos as files; e-mails and LinkedIn URLs make one person of several; a bad file fails alone.
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
  'vcard-ez-vcard',
);
const JOHN_DOE_CLIENTS = ['EVOLUTION', 'GMAIL', 'IPHONE', 'LOTUS_NOTES', 'MAC_ADDRESS_BOOK', 'MS_OUTLOOK'];

function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'tend-vcards-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

const card = (...lines: string[]) => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD', ''].join('\r\n');

describe.each(testDatabases('vcard-import'))('importing vCard files, on $name', (database) => {
  afterAll(() => database.cleanup());
  const opened: Store[] = [];
  afterAll(async () => {
    for (const store of opened) await store.close();
  });

  async function services(dataDir = tempDataDir(), clock = () => NOW) {
    const store = await database.open();
    opened.push(store);
    const settings = createSettingsService(dataDir);
    const relationships = createRelationshipService({ store, settings });
    const imports = createImportService({ store, settings, clock, dataDir, relationships });
    return { store, imports, dataDir, people: createPersonRepository(store) };
  }

  it('makes one John Doe of the IBM exports of six clients; the BlackBerry one is a same-name proposal', async () => {
    const { store, imports, people, dataDir } = await services();
    const report = await imports.importPaths([EXTERNAL]);
    expect(report.files.filter((file) => file.failed)).toEqual([]);
    expect(report.files.filter((file) => file.format === 'vcard')).toHaveLength(17);
    const john = await people.findByIdentity('email', 'john.doe@ibm.com');
    expect(john).toMatchObject({ name: 'John Doe', company: 'IBM', position: 'Money Counter' });
    const identities = await people.listIdentities(john?.id ?? 0);
    expect(
      identities
        .filter((identity) => identity.kind === 'email')
        .map((identity) => identity.value)
        .sort(),
    ).toEqual(['billy_bob@gmail.com', 'john.doe@ibm.cm', 'john.doe@ibm.com']);
    // The Outlook card (its e-mail mistyped as ibm.cm) joined by its phone and the same name.
    expect(identities).toContainEqual(expect.objectContaining({ kind: 'phone', value: '9055551234' }));
    const cards = await createContactCardRepository(store).listForPerson(john?.id ?? 0);
    expect(cards).toHaveLength(JOHN_DOE_CLIENTS.length);
    // BlackBerry's John Doe (Acme Solutions, another phone, no e-mail) shares only the name: proposed.
    const proposals = await createDuplicateRepository(store).openFor(john?.id ?? 0);
    expect(proposals).toContainEqual(expect.objectContaining({ otherName: 'john Doe', reason: 'same name' }));
    // Android's john.doe@company.com card has neither name nor anything of John's.
    expect(await people.findByIdentity('email', 'john.doe@company.com')).toMatchObject({
      name: 'john.doe@company.com',
    });
    // Photos are files in the data folder, named in the card rows; the database has no image bytes.
    const photos = readdirSync(join(dataDir, 'photos'));
    expect(photos.length).toBeGreaterThanOrEqual(6);
    const stored = cards.map((row) => JSON.parse(row.card) as StoredContactCard);
    for (const row of cards.filter((entry) => entry.photo))
      expect(existsSync(join(dataDir, row.photo ?? ''))).toBe(true);
    expect(stored.map((entry) => entry.photo)).toContainEqual({
      file: expect.stringMatching(/^photos\/[0-9a-f]{40}\.jpg$/) as string,
    });
    expect(JSON.stringify(stored)).not.toMatch(/\/9j\/4AAQ/);
    expect(stored.flatMap((entry) => entry.tags)).toEqual(['VIP']);
  });

  it('adds nothing when the files are read again, even as another folder', async () => {
    const { imports, people } = await services();
    await imports.importPaths([EXTERNAL]);
    const before = await people.count();
    const again = await imports.importPaths([EXTERNAL]);
    expect(again.files.filter((file) => file.format === 'vcard').every((file) => file.unchanged)).toBe(true);
    const copy = mkdtempSync(join(tmpdir(), 'tend-vcards-copy-'));
    cpSync(EXTERNAL, copy, { recursive: true });
    writeFileSync(join(copy, 'John_Doe_GMAIL.vcf'), `\r\n${card('FN:Ada Berg', 'EMAIL:ada@example.com')}`, {
      flag: 'a',
    });
    const third = await imports.importPaths([copy]);
    const gmail = third.files.find((file) => file.path.endsWith('John_Doe_GMAIL.vcf'));
    expect(gmail).toMatchObject({ rowsRead: 2, imported: 1, skipped: { 'already imported': 1 } });
    expect(third.totals.peopleAdded).toBe(1);
    expect(await people.count()).toBe(before + 1);
  });

  it('drops photos with photos: false, and writes them on a later import that keeps them', async () => {
    const { imports, dataDir } = await services();
    const file = join(EXTERNAL, 'John_Doe_IPHONE.vcf');
    await imports.importPaths([file], { photos: false });
    expect(existsSync(join(dataDir, 'photos'))).toBe(false);
    const report = await imports.importPaths([file]);
    expect(report.files[0]).toMatchObject({ imported: 1 });
    expect(readdirSync(join(dataDir, 'photos'))).toHaveLength(1);
  });

  it('merges two people one card names by e-mail and LinkedIn URL, keeping both cards', async () => {
    const { store, imports, people } = await services();
    await imports.importPaths([
      folderWith({
        'a.vcf': card('FN:Ada Berg', 'N:Berg;Ada;;;', 'EMAIL:ada@work.example'),
        'b.vcf': card('FN:Ada Berg', 'N:Berg;Ada;;;', 'item1.URL:https\\://www.linkedin.com/in/ada-berg/'),
      }),
    ]);
    expect(await people.count()).toBe(2);
    const report = await imports.importPaths([
      folderWith({
        'c.vcf': card(
          'FN:Ada Berg',
          'EMAIL;TYPE=HOME:Ada@Work.Example',
          'URL:http://linkedin.com/in/Ada-Berg',
          'CATEGORIES:Climbing',
          'BDAY:--0314',
        ),
      }),
    ]);
    expect(report.totals.peopleUpdated).toBeGreaterThanOrEqual(1);
    expect(await people.count()).toBe(1);
    const ada = await people.findByIdentity('url', 'linkedin.com/in/ada-berg');
    expect(await people.findByIdentity('email', 'ada@work.example')).toMatchObject({ id: ada?.id });
    expect(await createContactCardRepository(store).listForPerson(ada?.id ?? 0)).toHaveLength(3);
  });

  it('never joins a card to someone by a shared office phone when their e-mails differ', async () => {
    const { imports, people } = await services();
    await imports.importPaths([
      folderWith({
        'a.vcf': card('N:Berg;Ada;;;', 'EMAIL:ada@acme.example', 'TEL;TYPE=WORK:+46 8 123 456 00'),
        'b.vcf': card('N:Lind;Bo;;;', 'EMAIL:bo@acme.example', 'TEL;TYPE=WORK:+46 8 123 456 00'),
        'c.vcf': card('N:Lind;Bo;;;', 'TEL;TYPE=CELL:+46 70 555 12 34'),
        'd.vcf': card('N:Lind;Bo;;;', 'EMAIL:bo@home.example', 'TEL;TYPE=CELL:+46 70 555 12 34'),
      }),
    ]);
    const names = (await people.search(null)).map((person) => person.name).sort();
    // Bo's office card keeps its own person; his two mobile cards are one (no e-mail contradicts).
    expect(names).toEqual(['Ada Berg', 'Bo Lind', 'Bo Lind']);
    expect((await people.findByIdentity('email', 'bo@home.example'))?.id).toBe(
      (await people.findByIdentity('phone', '+46705551234'))?.id,
    );
  });

  it('fails a cut-off or mislabelled file alone, naming its line; nothing of it is written', async () => {
    const { store, imports, people, dataDir } = await services();
    const folder = folderWith({
      'good.vcf': card('FN:Ada Berg', 'EMAIL:ada@example.com'),
      'cut.vcf': `${card('FN:Bo Lind', 'EMAIL:bo@example.com', 'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD')}BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cy Dahl\r\n`,
      'sheet.vcf': 'First Name,Last Name\nAda,Berg\n',
    });
    const report = await imports.importPaths([folder]);
    const failed = Object.fromEntries(
      report.files.filter((file) => file.failed).map((file) => [file.path.replace(/^.*\//, ''), file.failed]),
    );
    expect(failed).toEqual({
      'cut.vcf':
        'line 7: the card starting here has no END:VCARD: the file is cut off; export the address book again',
      'sheet.vcf': 'line 1: not a vCard file: it does not start with BEGIN:VCARD',
    });
    expect((await people.search(null)).map((person) => person.name)).toEqual(['Ada Berg']);
    expect(await createContactCardRepository(store).count()).toBe(1);
    expect(existsSync(join(dataDir, 'photos'))).toBe(false);
  });

  it('finds by its international form a national phone stored before the phone-region setting existed', async () => {
    const { store, imports, people } = await services();
    const folder = folderWith({
      'ek.vcf': card('FN:Sven Ek', 'N:Ek;Sven;;;', 'TEL;TYPE=CELL:070-123 45 67'),
    });
    await imports.importPaths([folder]);
    const sven = await people.findByIdentity('phone', '0701234567');
    expect(sven?.name).toBe('Sven Ek');
    const lookup = createPeopleService(store, { phoneRegion: () => 'SE' });
    expect((await lookup.resolveRef('+46 70 123 45 67')).id).toBe(sven?.id);
    expect((await lookup.resolveRef('070-123 45 67')).id).toBe(sven?.id);
  });

  it("reads a national phone in the country of the card's address; a number already international stays as is", async () => {
    const { imports, people } = await services();
    await imports.importPaths([
      folderWith({
        'ek.vcf': card(
          'N:Ek;Sven;;;',
          'TEL;TYPE=CELL:070-123 45 67',
          'ADR;TYPE=HOME:;;Storgatan 1;Stockholm;;;Sweden',
        ),
        'weiss.vcf': card(
          'N:Weiß;Jürgen;;;',
          'TEL;TYPE=WORK:030 901820',
          'ADR;TYPE=WORK:;;;Berlin;;;Deutschland',
        ),
        'lind.vcf': card('N:Lind;Bo;;;', 'TEL;TYPE=CELL:+44 20 7946 0958', 'ADR;TYPE=HOME:;;;Stockholm;;;SE'),
      }),
    ]);
    expect((await people.findByIdentity('phone', '+46701234567'))?.name).toBe('Sven Ek');
    expect((await people.findByIdentity('phone', '+4930901820'))?.name).toBe('Jürgen Weiß');
    expect((await people.findByIdentity('phone', '+442079460958'))?.name).toBe('Bo Lind');
  });

  it('stores a phone once per person however its cards write it, and a re-import adds nothing', async () => {
    let now = NOW;
    const { store, imports, people, dataDir } = await services(tempDataDir(), () => (now += 60_000));
    createSettingsService(dataDir).set('phone-region', 'SE');
    const lookup = createPeopleService(store, { phoneRegion: () => 'SE' });
    const phonesOf = async (id: number) =>
      (await people.listIdentities(id))
        .filter((identity) => identity.kind === 'phone')
        .map((row) => row.value);
    const first = folderWith({
      'ek.vcf': card('UID:ek-1', 'N:Ek;Sven;;;', 'EMAIL:sven@example.se', 'TEL:+46 70 123 45 67'),
    });
    const second = folderWith({
      'ek.vcf': card(
        'UID:ek-2',
        'N:Ek;Sven;;;',
        'EMAIL:sven@example.se',
        'TEL:070-1234567',
        'TEL:+46701234567',
      ),
    });
    for (const folder of [first, second, first, second]) await imports.importPaths([folder]);
    const sven = await people.findByIdentity('email', 'sven@example.se');
    expect(await phonesOf(sven?.id ?? 0)).toEqual(['+46701234567']);
    expect((await lookup.details('sven@example.se')).addressBook?.phones).toEqual(['+46 70 123 45 67']);
    expect(await createContactCardRepository(store).count()).toBe(2);
  });

  it('adds no E.164 form beside a phone its person holds in the digits stored before', async () => {
    const { imports, people, dataDir } = await services();
    // Read without a region (no setting, no address): kept as its digits.
    await imports.importPaths([
      folderWith({ 'ek.vcf': card('UID:ek', 'N:Ek;Sven;;;', 'TEL:070-123 45 67') }),
    ]);
    const sven = await people.findByIdentity('phone', '0701234567');
    // The card again, now with its address in Sweden and the setting made: the same number, in its old form.
    createSettingsService(dataDir).set('phone-region', 'SE');
    await imports.importPaths([
      folderWith({
        'ek.vcf': card('UID:ek', 'N:Ek;Sven;;;', 'TEL:070-123 45 67', 'ADR:;;;Stockholm;;;Sweden'),
      }),
    ]);
    const phones = (await people.listIdentities(sven?.id ?? 0)).filter(
      (identity) => identity.kind === 'phone',
    );
    expect(phones.map((identity) => identity.value)).toEqual(['0701234567']);
    expect(await people.count()).toBe(1);
  });
});
