import { sql, type Kysely } from 'kysely';
import type { SqlDialect } from '../sql-dialect.js';

/**
 * The first schema. Released migrations are never edited: change the schema with a new file.
 * Every table carries workspace_id, the distribution key for a future sharded team server.
 */
export function initialSchema(dialect: SqlDialect) {
  const idType = dialect === 'postgres' ? 'bigserial' : 'integer';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('people')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('first_name', 'text', (c) => c.notNull())
        .addColumn('last_name', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('name_key', 'text', (c) => c.notNull())
        .addColumn('company', 'text')
        .addColumn('position', 'text')
        .addColumn('headline', 'text')
        .addColumn('location', 'text')
        .addColumn('connected_at', 'bigint')
        .addColumn('connection_state', 'text', (c) => c.notNull())
        .addColumn('last_export_at', 'bigint')
        .addColumn('circle', 'text')
        .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('needs', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('offers', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('goals', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('how_met', 'text')
        .addColumn('notes', 'text')
        .addColumn('do_not_contact', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('strength_floor', 'integer')
        .addColumn('strength_override', 'integer')
        .addColumn('archived_at', 'bigint')
        .addColumn('imported_notes', 'text')
        .addColumn('search_text', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('people_name_key')
        .on('people')
        .columns(['workspace_id', 'name_key'])
        .execute();

      await db.schema
        .createTable('person_identities')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('person_id', 'bigint', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('person_identities_pk', ['workspace_id', 'kind', 'value'])
        .execute();
      await db.schema
        .createIndex('person_identities_person')
        .on('person_identities')
        .column('person_id')
        .execute();

      await db.schema
        .createTable('person_observations')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('person_id', 'bigint', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('field', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('seen_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('person_observations_pk', [
          'workspace_id',
          'person_id',
          'field',
          'value',
          'seen_at',
        ])
        .execute();

      await db.schema
        .createTable('interactions')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('person_id', 'bigint', (c) => c.references('people.id').onDelete('set null'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('direction', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('conversation_key', 'text')
        .addColumn('group_size', 'integer', (c) => c.notNull().defaultTo(2))
        .addColumn('summary', 'text')
        .addColumn('text_hash', 'bigint')
        .addColumn('skipped_reason', 'text')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('source_key', 'bigint', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      // Indexes, not table constraints, so a bulk import can build them after the rows are in
      // (store/interaction-indexes.ts keeps the same definitions).
      await db.schema
        .createIndex('interactions_source_key')
        .unique()
        .on('interactions')
        .columns(['workspace_id', 'source_key'])
        .execute();
      await db.schema
        .createIndex('interactions_person_at')
        .on('interactions')
        .columns(['workspace_id', 'person_id', 'at'])
        .execute();
      // Only group threads are looked up by conversation (timelines, structural evidence).
      await db.schema
        .createIndex('interactions_conversation')
        .on('interactions')
        .columns(['workspace_id', 'conversation_key', 'at'])
        .where(sql.ref('group_size'), '>', 2)
        .execute();

      await db.schema
        .createTable('conversation_members')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('conversation_key', 'text', (c) => c.notNull())
        .addColumn('person_id', 'bigint', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('conversation_members_pk', ['workspace_id', 'conversation_key', 'person_id'])
        .execute();
      await db.schema
        .createIndex('conversation_members_person')
        .on('conversation_members')
        .column('person_id')
        .execute();

      await db.schema
        .createTable('invitations')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('person_id', 'bigint', (c) => c.references('people.id').onDelete('set null'))
        .addColumn('counterpart_name', 'text', (c) => c.notNull())
        .addColumn('counterpart_url', 'text')
        .addColumn('counterpart_urn', 'text')
        .addColumn('direction', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'bigint', (c) => c.notNull())
        .addColumn('message', 'text')
        .addColumn('export_at', 'bigint')
        .addColumn('decision', 'text')
        .addColumn('decided_at', 'bigint')
        .addColumn('source_key', 'bigint', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('invitations_source_key', ['workspace_id', 'source_key'])
        .execute();
      await db.schema.createIndex('invitations_person').on('invitations').column('person_id').execute();

      await db.schema
        .createTable('introductions')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('person_a', 'bigint', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('person_b', 'bigint', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('why', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('state_at', 'bigint', (c) => c.notNull())
        .addColumn('history', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('known_ties')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('person_a', 'bigint', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('person_b', 'bigint', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('strength', 'real', (c) => c.notNull())
        .addColumn('evidence', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('known_ties_pk', ['workspace_id', 'person_a', 'person_b', 'source'])
        .execute();
      await db.schema
        .createIndex('known_ties_b')
        .on('known_ties')
        .columns(['workspace_id', 'person_b'])
        .execute();

      await db.schema
        .createTable('agenda_item_states')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('item_id', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('until_date', 'text')
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('agenda_item_states_pk', ['workspace_id', 'item_id'])
        .execute();

      await db.schema
        .createTable('imports')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('path', 'text', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .addColumn('imported_at', 'bigint', (c) => c.notNull())
        .addColumn('report', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('imports_fingerprint')
        .on('imports')
        .columns(['workspace_id', 'fingerprint'])
        .execute();

      await db.schema
        .createTable('owner_facts')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('detail', 'text')
        .addColumn('started', 'text')
        .addColumn('finished', 'text')
        .addColumn('source_key', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('owner_facts_pk', ['workspace_id', 'source_key'])
        .execute();

      await db.schema
        .createTable('workspace_settings')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('workspace_settings_pk', ['workspace_id', 'key'])
        .execute();
    },
  };
}
