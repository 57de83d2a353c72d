import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createInteractionRepository } from '../store/interaction.repository.js';
import { createInvitationRepository } from '../store/invitation.repository.js';
import { createPersonRepository } from '../store/person.repository.js';
import { fileReport, materializeEra, tendSession } from '../../test/support/linkedin-fixtures.js';
import { tempDataDir } from '../../test/support/cli-harness.js';
import { testDatabases } from '../../test/support/test-databases.js';
import { createImportService } from './import.service.js';
import { createRelationshipService } from './relationship.service.js';
import { createSettingsService } from './settings.service.js';

/**
 * docs/rules/identity-and-imports.md#file-failure: a file fails on an unterminated quote or more than 5%
 * malformed rows; then nothing of it is written, the other files commit, and `import` exits with 2. A file
 * with a few malformed rows imports the rest and lists each with its line.
 */

const NOW = Date.parse('2025-03-10T12:00:00Z');
const SVEN = 'https://www.linkedin.com/in/sven-olofsson';
const OWNER = 'https://www.linkedin.com/in/linnea-voss';

/** The 2024–2025 export whose messages.csv ends in a quote that never closes, and an Invitations.csv with 1 bad row of 7. */
function brokenExport(): string {
  const folder = materializeEra('2024-2025');
  appendFileSync(
    join(folder, 'messages.csv'),
    `2-c3Zlbi1vbmx5LWhhbGYtd3JpdHRlbg==,,Sven Olofsson,${SVEN},Linnea Voss,${OWNER},2023-01-31 09:00:00 UTC,,"<p>A thought that never ends, INBOX\n`,
  );
  const invitations = join(folder, 'Invitations.csv');
  const lines = readFileSync(invitations, 'utf8').split('\n');
  lines.splice(2, 0, 'Mallory Unquoted,Linnea Voss,3/1/25, 9:00 AM,Hi, I would like to connect,INCOMING,,');
  writeFileSync(invitations, lines.join('\n'));
  return folder;
}

/** 25 good connections and one whose date is not a date: 1 of 26 rows is below the 5% limit. */
function connectionsWithOneBadRow(): string {
  const rows = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
  for (let i = 1; i <= 25; i++) {
    rows.push(
      `Person${i},Example,https://www.linkedin.com/in/person-${i},,"Acme, Inc.",Engineer,0${(i % 9) + 1} Jan 2024`,
    );
    if (i === 12)
      rows.push('Broken,Row,https://www.linkedin.com/in/broken-row,,Acme,Engineer,sometime in 2024');
  }
  const file = join(tempDataDir(), 'Connections.csv');
  writeFileSync(file, rows.join('\n'));
  return file;
}

describe.each(testDatabases('import-failures'))('a file that cannot be used, on $name', (database) => {
  afterAll(() => database.cleanup());

  async function services() {
    const store = await database.open();
    const dataDir = tempDataDir();
    const settings = createSettingsService(dataDir);
    settings.set('timezone', 'Europe/Berlin');
    const relationships = createRelationshipService({ store, settings });
    const imports = createImportService({ store, settings, clock: () => NOW, dataDir, relationships });
    return { store, imports };
  }

  it('fails alone, with its file and line, and leaves nothing of itself; the other files commit', async () => {
    const { store, imports } = await services();
    try {
      const report = await imports.importPaths([brokenExport()]);
      const messages = fileReport(report, 'messages.csv');
      expect(messages.failed).toMatch(/^line 27: unterminated quoted field starting on line 27/);
      expect(messages.imported).toBe(0);
      const invitations = fileReport(report, 'Invitations.csv');
      expect(invitations.failed).toMatch(/1 of 7 rows are malformed \(more than 5%\), the first on line 3/);
      expect(invitations.problems).toEqual([
        {
          line: 3,
          message: expect.stringMatching(/"Sent At" is not a date|fields where the header has/) as string,
        },
      ]);
      // Nothing of the failed files: no message, no invitation, no person created by a message (Ruth Asante).
      const people = createPersonRepository(store);
      const interactions = createInteractionRepository(store);
      const kinds = new Set<string>();
      for (const person of await people.search(null)) {
        for (const row of await interactions.timeline(person.id)) kinds.add(row.kind);
      }
      expect([...kinds].sort()).toEqual(['endorsement-given', 'endorsement-received', 'help-received']);
      expect(await createInvitationRepository(store).count()).toBe(0);
      expect(await people.search('Ruth Asante')).toEqual([]);
      // The other files are committed: connections, contacts, endorsements, the recommendation.
      expect(fileReport(report, 'Connections.csv')).toMatchObject({ imported: 12 });
      expect(
        report.files.filter((file) => file.failed).map((file) => file.path.replace(/^.*\//, '')),
      ).toEqual(['Invitations.csv', 'messages.csv']);
      expect(await people.count()).toBe(13);
      const tomas = await people.findByIdentity('url', 'linkedin.com/in/tomas-berglund-3f2a1b');
      expect(
        (await createInteractionRepository(store).timeline(tomas?.id ?? 0)).map((row) => row.kind),
      ).toEqual(['endorsement-given', 'endorsement-received']);
    } finally {
      await store.close();
    }
  });

  it('imports a file with one malformed row among many, listing the line', async () => {
    const { store, imports } = await services();
    try {
      const report = await imports.importPaths([connectionsWithOneBadRow()]);
      const [connections] = report.files;
      expect(connections).toMatchObject({
        format: 'linkedin-connections',
        rowsRead: 26,
        imported: 25,
        skipped: { malformed: 1 },
        problems: [{ line: 14, message: '"Connected On" is not a date: "sometime in 2024"' }],
      });
      expect(connections?.failed).toBeUndefined();
      expect(await createPersonRepository(store).count()).toBe(25);
    } finally {
      await store.close();
    }
  });
});

describe('the exit code of import', () => {
  it('is 2 when a file failed (the report still on stdout), 0 when rows were only skipped', async () => {
    const failing = await tendSession('2025-03-10T12:00:00Z').run('--json', 'import', brokenExport());
    expect(failing.code).toBe(2);
    expect(() => failing.json()).not.toThrow();
    expect(failing.stderr).not.toMatch(/\n\s+at /);
    const human = await tendSession('2025-03-10T12:00:00Z').run('import', brokenExport());
    expect(human.code).toBe(2);
    // The failure is an error: on stderr, so it shows when stdout goes to a file (--json too).
    expect(human.stderr).toMatch(/FAILED +\S*messages\.csv: line 27: unterminated quoted field/);
    expect(human.stdout).not.toMatch(/FAILED/);
    expect(failing.stderr).toMatch(/FAILED +\S*messages\.csv: line 27/);
    const skippedOnly = await tendSession('2025-03-10T12:00:00Z').run(
      '--json',
      'import',
      connectionsWithOneBadRow(),
    );
    expect(skippedOnly.code).toBe(0);
  });
});
