import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { resolveConfig } from '../config.js';
import { tempDataDir } from '../../test/support/cli-harness.js';
import { tendSession } from '../../test/support/linkedin-fixtures.js';

/** docs/rules/identity-and-imports.md#placeholders: "NA" cells are empty, and re-importing heals. */

const HEADER = 'First Name,Last Name,Email Address,Company,Position,Connected On';
const MESSAGES_HEADER =
  'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER';

/** A mid-2021 to mid-2023 export (no URL column): people are found again by name and Connected On. */
function writeExport(folder: string, extraRows: readonly string[] = []): string {
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, 'Connections.csv'),
    [
      HEADER,
      'Rahul,NA,,NA,NA,01 Mar 2023',
      'Priya,Nair,,-,n/a,02 Mar 2023',
      'Ada,.,,Acme,Engineer,03 Mar 2023',
      ...extraRows,
    ].join('\n'),
  );
  writeFileSync(
    join(folder, 'messages.csv'),
    [
      MESSAGES_HEADER,
      'c1,,Rahul NA,,Sam Owner,2023-03-05 10:00:00 UTC,,Could you review my CV?,INBOX',
      'c1,,Sam Owner,https://www.linkedin.com/in/sam-owner,Rahul NA,2023-03-04 10:00:00 UTC,,Hi Rahul,INBOX',
      'c2,,Sam Owner,https://www.linkedin.com/in/sam-owner,Priya Nair,2023-03-04 11:00:00 UTC,,Hello Priya,INBOX',
    ].join('\n'),
  );
  return folder;
}

describe('placeholders at import', () => {
  it('stores no name part, company or position that is a placeholder', async () => {
    const session = tendSession('2023-03-10T12:00:00Z');
    const folder = writeExport(join(tempDataDir(), 'export'));
    expect((await session.importJson('--tz', 'UTC', folder)).code).toBe(0);
    const people = await session.people();
    const byName = new Map(people.map((person) => [person.name, person]));
    expect([...byName.keys()].sort()).toEqual(['Ada', 'Priya Nair', 'Rahul']);
    expect(byName.get('Rahul')).toMatchObject({ company: null, position: null });
    expect(byName.get('Priya Nair')).toMatchObject({ company: null, position: null });
    // Rahul's message found the connection by name although the sender was written "Rahul NA".
    const rahul = await session.show('Rahul');
    expect(rahul.timeline).toHaveLength(2);
    const today = await session.run('today', '--all');
    expect(today.stdout).not.toMatch(/\bNA\b/);
  });

  it('heals what an earlier import stored, without making anyone twice', async () => {
    const data = tempDataDir();
    const session = tendSession('2023-03-10T12:00:00Z', data);
    const folder = writeExport(join(data, 'export'));
    await session.importJson('--tz', 'UTC', folder);
    // What an importer before the rule stored: the placeholders as written, and keys made of them.
    const app = await createApp(resolveConfig({ data, now: '2023-03-10T12:00:00Z' }, {}));
    try {
      const db = app.store.db;
      await db
        .updateTable('people')
        .set({
          last_name: 'NA',
          display_name: 'Rahul NA',
          name_key: 'rahul na',
          company: 'NA',
          position: 'NA',
        })
        .where('display_name', '=', 'Rahul')
        .execute();
      await db.updateTable('people').set({ company: '-' }).where('display_name', '=', 'Priya Nair').execute();
      const rahul = await db
        .selectFrom('people')
        .select(['id', 'workspace_id'])
        .where('display_name', '=', 'Rahul NA')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('person_observations')
        .values({
          workspace_id: rahul.workspace_id,
          person_id: rahul.id,
          field: 'company',
          value: 'NA',
          seen_at: 1,
        })
        .execute();
      await db.deleteFrom('workspace_settings').where('key', '=', 'imports.placeholders-cleaned').execute();
    } finally {
      await app.close();
    }
    expect((await session.people()).map((person) => person.name).sort()).toEqual([
      'Ada',
      'Priya Nair',
      'Rahul NA',
    ]);

    // A later export of the same network (one more connection, so the file is read again).
    writeExport(folder, ['Zoe,Brandt,,Initech,CTO,04 Mar 2023']);
    expect((await session.importJson('--tz', 'UTC', folder)).code).toBe(0);
    const people = await session.people();
    expect(people.map((person) => person.name).sort()).toEqual(['Ada', 'Priya Nair', 'Rahul', 'Zoe Brandt']);
    expect(people.find((person) => person.name === 'Rahul')).toMatchObject({ company: null, position: null });
    expect(people.find((person) => person.name === 'Priya Nair')).toMatchObject({ company: null });
    const shown = await session.run('--json', 'show', 'Rahul');
    expect(shown.stdout).not.toMatch(/"NA"/);
  });
});
