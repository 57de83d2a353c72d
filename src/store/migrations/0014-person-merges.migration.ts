import type { Kysely } from 'kysely';
import type { SqlDialect } from '../sql-dialect.js';

/**
 * Every merge of two people is recorded with what it moved, so `tend unmerge` gives both back exactly and a
 * later import does not split them again (docs/rules/identity-and-imports.md#merge-records). The merged-away
 * person's name key and `Connected On` stay as columns: the import's people directory reads them as aliases
 * of the kept person.
 */
export function personMergesSchema(dialect: SqlDialect) {
  const idType = dialect === 'postgres' ? 'bigserial' : 'integer';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('person_merges')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('kept_id', 'bigint', (c) => c.notNull())
        .addColumn('gone_id', 'bigint', (c) => c.notNull())
        .addColumn('gone_name', 'text', (c) => c.notNull())
        .addColumn('gone_name_key', 'text', (c) => c.notNull())
        .addColumn('gone_connected_at', 'bigint')
        .addColumn('gone_connection_state', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('record', 'text', (c) => c.notNull())
        .addColumn('undone_at', 'bigint')
        .execute();
      await db.schema
        .createIndex('person_merges_kept')
        .on('person_merges')
        .columns(['workspace_id', 'kept_id'])
        .execute();
    },
  };
}
