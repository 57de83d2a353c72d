import type { Kysely } from 'kysely';

/**
 * Per-person relationship aggregates, maintained when data changes
 * (docs/rules/exchanges-and-strength.md#aggregates).
 */
export function personStatsSchema() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('person_stats')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('person_id', 'bigint', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('facts', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('person_stats_pk', ['workspace_id', 'person_id'])
        .execute();
    },
  };
}
