import type { Kysely } from 'kysely';

/**
 * Every contact card an address book gave, as it gave it (docs/rules/contacts.md#cards): keyed by a source
 * key, so a re-import recognises it, and bound to the person it describes, so a later unmerge can tell which
 * card brought which identity. Photos live as files in the data folder; `photo` names the file.
 */
export function contactCardsSchema() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('contact_cards')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('source_key', 'bigint', (c) => c.notNull())
        .addColumn('person_id', 'bigint', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('content_hash', 'bigint', (c) => c.notNull())
        .addColumn('card', 'text', (c) => c.notNull())
        .addColumn('photo', 'text')
        .addColumn('imported_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('contact_cards_pk', ['workspace_id', 'source_key'])
        .execute();
      await db.schema
        .createIndex('contact_cards_person')
        .on('contact_cards')
        .columns(['workspace_id', 'person_id'])
        .execute();
    },
  };
}
