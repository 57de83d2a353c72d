import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/support/test-databases.js';
import { normalizeName } from '../../domain/text-normalization.js';
import { foldLettersData } from './0008-fold-letters.migration.js';

const NOW = Date.UTC(2026, 10, 20, 12);

for (const database of testDatabases('fold-letters')) {
  describe(`the fold-letters migration (${database.name})`, () => {
    afterAll(() => database.cleanup());

    it('folds name keys, the search column and URL-less conversation keys as the fold now does', async () => {
      const store = await database.open();
      try {
        const { db, workspaceId } = store;
        // What an import stored before the fold knew ø and ß.
        const person = async (name: string, nameKey: string, searchText: string) =>
          Number(
            (
              await db
                .insertInto('people')
                .values({
                  workspace_id: workspaceId,
                  first_name: name.split(' ')[0] ?? '',
                  last_name: name.split(' ')[1] ?? '',
                  display_name: name,
                  name_key: nameKey,
                  search_text: searchText,
                  connection_state: 'connected',
                  tags: '[]',
                  needs: '[]',
                  offers: '[]',
                  goals: '[]',
                  do_not_contact: 0,
                  created_at: NOW,
                  updated_at: NOW,
                })
                .returning('id')
                .executeTakeFirstOrThrow()
            ).id,
          );
        const bjorn = await person('Bjørn Weiß', 'bjørn weiß', 'bjørn weiß \u0001 straße ab');
        const ann = await person('Ann Lee', 'ann lee', 'ann lee');
        for (const key of ['name:bjørn weiß', 'name:bjorn weiss', 'c-1'])
          await db
            .insertInto('conversation_members')
            .values({ workspace_id: workspaceId, conversation_key: key, person_id: bjorn })
            .execute();
        await db
          .insertInto('interactions')
          .values({
            workspace_id: workspaceId,
            person_id: bjorn,
            kind: 'message',
            direction: 'in',
            at: NOW,
            channel: 'linkedin',
            conversation_key: 'name:bjørn weiß',
            group_size: 2,
            summary: 'hej',
            text_hash: null,
            skipped_reason: null,
            source: 'linkedin',
            source_key: 1,
            created_at: NOW,
          })
          .execute();

        await foldLettersData().up(db as never);

        const people = await db
          .selectFrom('people')
          .select(['id', 'name_key', 'search_text'])
          .orderBy('id')
          .execute();
        expect(people.map((row) => [Number(row.id), row.name_key, row.search_text])).toEqual([
          [bjorn, normalizeName('Bjørn Weiß'), 'bjorn weiss \u0001 strasse ab'],
          [ann, 'ann lee', 'ann lee'],
        ]);
        expect(normalizeName('Bjørn Weiß')).toBe('bjorn weiss');
        const keys = await db
          .selectFrom('conversation_members')
          .select('conversation_key')
          .orderBy('conversation_key')
          .execute();
        expect(keys.map((row: { conversation_key: string }) => row.conversation_key)).toEqual([
          'c-1',
          'name:bjorn weiss',
        ]);
        const stored = await sql<{
          conversation_key: string;
        }>`select conversation_key from interactions`.execute(db);
        expect(stored.rows.map((row) => row.conversation_key)).toEqual(['name:bjorn weiss']);
      } finally {
        await store.close();
      }
    });
  });
}
