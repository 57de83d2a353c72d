import type { Kysely } from 'kysely';

/** Weaker identity matches (same name, same name and company) are proposals, never silent merges. */
export function duplicateProposalsSchema() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('duplicate_proposals')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('person_a', 'bigint', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('person_b', 'bigint', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull().defaultTo('open'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('duplicate_proposals_pk', ['workspace_id', 'person_a', 'person_b'])
        .execute();
    },
  };
}
