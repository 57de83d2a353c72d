import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
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
 * docs/rules/mail.md: mbox (Gmail Takeout) and .eml messages between people become e-mail interactions
 * with direction, thread and participants; lists and robots are counted, not stored; an answered thread is
 * a two-way exchange; a broken file fails alone.
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
  'eml-mailparser',
);

const ADDRESS_BOOK = [
  ['Alice', 'Adams', 'alice@example.com'],
  ['Bob', 'Brown', 'bob@example.com'],
  ['Carol', 'Cole', 'carol@example.com'],
]
  .map(([first, last, email]) =>
    [
      'BEGIN:VCARD',
      'VERSION:3.0',
      `FN:${first} ${last}`,
      `N:${last};${first};;;`,
      `EMAIL:${email}`,
      'END:VCARD',
    ].join('\r\n'),
  )
  .join('\r\n');

let thread = 1000;
function message(headers: Record<string, string>, body = 'Hello.'): string {
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return [`From ${thread++}@xxx Mon Nov 06 04:42:58 +0000 2026`, ...lines, '', body, ''].join('\n');
}

const MAILBOX = [
  message({
    'X-GM-THRID': '1700000000000000001',
    'X-Gmail-Labels': 'Inbox,Opened',
    From: 'Alice Adams <alice@example.com>',
    To: 'me@example.com',
    Subject: 'Lunch next week?',
    Date: 'Mon, 2 Nov 2026 09:00:00 +0000',
    'Message-ID': '<a1@example.com>',
  }),
  message({
    'X-GM-THRID': '1700000000000000001',
    'X-Gmail-Labels': 'Sent',
    From: 'Me <me@example.com>',
    To: 'Alice Adams <alice@example.com>',
    Subject: 'Re: Lunch next week?',
    Date: 'Mon, 2 Nov 2026 11:30:00 +0100',
    'Message-ID': '<m1@example.com>',
    'In-Reply-To': '<a1@example.com>',
  }),
  message({
    'X-Gmail-Labels': 'Sent',
    From: 'me@example.com',
    To: 'bob@example.com',
    Subject: 'Intro',
    Date: 'Tue, 3 Nov 2026 10:00:00 +0000',
    'Message-ID': '<m2@example.com>',
  }),
  message({
    'X-Gmail-Labels': 'Sent',
    From: 'me@example.com',
    To: 'alice@example.com, carol@example.com',
    Cc: 'stranger@example.org',
    Subject: 'Project kickoff',
    Date: 'Wed, 4 Nov 2026 10:00:00 +0000',
    'Message-ID': '<m3@example.com>',
  }),
  message({
    'X-Gmail-Labels': 'Inbox',
    From: 'Carol Cole <carol@example.com>',
    To: 'me@example.com, alice@example.com, stranger@example.org',
    Subject: 'Re: Project kickoff',
    Date: 'Wed, 4 Nov 2026 12:00:00 +0000',
    'Message-ID': '<c1@example.com>',
    References: '<m3@example.com>',
  }),
  message({
    From: 'News <news@shop.example>',
    To: 'me@example.com',
    'List-Id': '<deals.shop.example>',
    Date: 'Thu, 5 Nov 2026 10:00:00 +0000',
  }),
  message({ From: 'no-reply@bank.example', To: 'me@example.com', Date: 'Thu, 5 Nov 2026 10:00:00 +0000' }),
  message({
    From: 'Digest <digest@x.example>',
    To: 'me@example.com',
    Precedence: 'bulk',
    Date: 'Thu, 5 Nov 2026 10:00:00 +0000',
  }),
  message({
    From: 'Alice <alice@example.com>',
    To: 'me@example.com',
    'Auto-Submitted': 'auto-replied',
    Date: 'Thu, 5 Nov 2026 10:00:00 +0000',
  }),
  message({
    'X-Gmail-Labels': 'Spam',
    From: 'prize@x.example',
    To: 'me@example.com',
    Date: 'Thu, 5 Nov 2026 10:00:00 +0000',
  }),
  message({
    From: 'Dan <dan@example.net>',
    To: 'me@example.com',
    Subject: 'Hi',
    Date: 'Fri, 6 Nov 2026 10:00:00 +0000',
    'Message-ID': '<d1@example.net>',
  }),
  message({ From: 'alice@example.com', To: 'me@example.com', Subject: 'undated', Date: 'sometime' }),
].join('');

/** The line of the mailbox where `text` first occurs. */
const lineOf = (text: string) => MAILBOX.slice(0, MAILBOX.indexOf(text)).split('\n').length;

function folderWith(files: Record<string, string | Buffer>): string {
  const folder = mkdtempSync(join(tmpdir(), 'tend-mail-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
  return folder;
}

describe.each(testDatabases('mail-import'))('importing mail, on $name', (database) => {
  afterAll(() => database.cleanup());
  const opened: Store[] = [];
  afterAll(async () => {
    for (const store of opened) await store.close();
  });

  async function services() {
    const dataDir = tempDataDir();
    const store = await database.open();
    opened.push(store);
    const settings = createSettingsService(dataDir);
    const relationships = createRelationshipService({ store, settings });
    const imports = createImportService({ store, settings, clock: () => NOW, dataDir, relationships });
    const people = createPersonRepository(store);
    const timelineOf = async (email: string) => {
      const person = await people.findByIdentity('email', email);
      return person ? createInteractionRepository(store).timeline(person.id) : [];
    };
    const bandOf = async (email: string) => {
      const person = await people.findByIdentity('email', email);
      return person ? (await relationships.strengths(NOW, [person.id])).get(person.id)?.band : undefined;
    };
    return { store, imports, settings, people, timelineOf, bandOf };
  }

  it('makes e-mails of messages between people: direction, threads, groups; lists and robots counted', async () => {
    const { imports, timelineOf, bandOf } = await services();
    const report = await imports.importPaths([
      folderWith({ 'contacts.vcf': ADDRESS_BOOK, 'All mail.mbox': MAILBOX }),
    ]);
    const file = report.files.find((entry) => entry.format === 'mbox');
    expect(file?.failed).toBeUndefined();
    expect(report.owner).toMatchObject({ emails: ['me@example.com'], emailsFrom: 'inferred' });
    expect(file).toMatchObject({ rowsRead: 12, imported: 5 });
    expect(file?.skipped).toEqual({
      'mailing list': 1,
      'automated sender': 1,
      'bulk mail': 1,
      'automated message': 1,
      spam: 1,
      'unknown correspondent (import with --create-people to add them)': 1,
      'no date': 1,
    });
    // The line of the message's From_ line, three lines above its Subject.
    expect(file?.problems).toEqual([
      { line: lineOf('Subject: undated') - 3, message: 'a message without a readable Date ("sometime")' },
    ]);
    const alice = await timelineOf('alice@example.com');
    expect(alice.map((entry) => [entry.direction, entry.summary, entry.groupSize])).toEqual([
      ['in', 'Re: Project kickoff', 4],
      ['out', 'Project kickoff', 4],
      ['out', 'Re: Lunch next week?', 2],
      ['in', 'Lunch next week?', 2],
    ]);
    // Her question answered the same day: a two-way exchange. Bob never answered: no tie yet.
    expect(await bandOf('alice@example.com')).not.toBe('none');
    expect(await bandOf('bob@example.com')).toBe('none');
    // Carol answered my group message (four people): an exchange in the group thread.
    expect(await bandOf('carol@example.com')).not.toBe('none');
  });

  it('keeps bodies only with --keep-bodies, makes people only with --create-people; adds nothing twice', async () => {
    const { imports, timelineOf, people } = await services();
    const folder = folderWith({ 'contacts.vcf': ADDRESS_BOOK, 'All mail.mbox': MAILBOX });
    await imports.importPaths([folder]);
    expect((await timelineOf('alice@example.com')).every((entry) => !entry.summary?.includes('Hello.'))).toBe(
      true,
    );
    const again = await imports.importPaths([join(folder, 'All mail.mbox')], {
      createPeople: true,
      keepBodies: true,
    });
    expect(again.totals.interactionsAdded).toBe(1);
    expect(await people.findByIdentity('email', 'dan@example.net')).toMatchObject({ name: 'Dan' });
    expect(await timelineOf('dan@example.net')).toMatchObject([{ summary: 'Hi\n\nHello.' }]);
    expect(await people.findByIdentity('email', 'news@shop.example')).toBeUndefined();
  });

  it('reads every real message of the mailparser fixtures', async () => {
    const { imports, people, timelineOf } = await services();
    const report = await imports.importPaths([EXTERNAL], { createPeople: true });
    const messages = report.files.filter((file) => file.format === 'eml');
    expect(messages).toHaveLength(11);
    expect(messages.filter((file) => file.failed)).toEqual([]);
    const byName = (name: string) => messages.find((file) => file.path.endsWith(name));
    expect(byName('spam.eml')?.skipped).toEqual({ 'automated sender': 1 });
    expect(byName('large_text.eml')?.skipped).toEqual({ 'mailing list': 1 });
    expect(byName('delivery-status.eml')?.skipped).toEqual({ 'automated sender': 1 });
    expect(byName('mixed.eml')?.skipped).toEqual({ 'no sender': 1 });
    expect(await people.findByIdentity('email', 'andris@kreata.ee')).toMatchObject({ name: 'Andris Kreata' });
    expect((await timelineOf('andris@kreata.ee')).map((entry) => entry.summary).sort()).toEqual([
      'Nodemailer is unicode friendly ✔ (1476358788189)',
      'test',
    ]);
  });

  it('reads Apple Mail’s export: a file named mbox in a NAME.mbox folder', async () => {
    const { imports } = await services();
    const folder = folderWith({ 'contacts.vcf': ADDRESS_BOOK });
    mkdirSync(join(folder, 'INBOX.mbox'));
    writeFileSync(join(folder, 'INBOX.mbox', 'mbox'), MAILBOX);
    const report = await imports.importPaths([folder]);
    expect(report.files.find((file) => file.path.endsWith('mbox'))).toMatchObject({
      format: 'mbox',
      imported: 5,
    });
  });

  it('fails a mailbox that is cut off, binary or not mail, with its line; the others import', async () => {
    const { imports } = await services();
    const cut = MAILBOX.slice(0, MAILBOX.indexOf('Subject: Intro'));
    const report = await imports.importPaths(
      [
        folderWith({
          'a-cut.mbox': cut,
          'b-binary.mbox': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01, 0x0a]),
          'c-csv.eml': 'First Name,Last Name\nAda,Lovelace\n',
          'd-good.mbox': MAILBOX,
        }),
      ],
      { createPeople: true },
    );
    const byName = (name: string) => report.files.find((file) => file.path.endsWith(name));
    expect(byName('a-cut.mbox')?.failed).toBe(
      `line ${lineOf('Subject: Intro') - 4}: the file ends inside the headers of this message (cut off?): export the mailbox again`,
    );
    expect(byName('a-cut.mbox')?.imported).toBe(0);
    expect(byName('b-binary.mbox')?.failed).toMatch(/^line 1: binary data, not an mbox file/);
    expect(byName('c-csv.eml')?.failed).toMatch(/^line 1: not an e-mail message/);
    expect(byName('d-good.mbox')?.failed).toBeUndefined();
    expect(report.totals.interactionsAdded).toBeGreaterThan(0);
  });
});
