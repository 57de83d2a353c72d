import type { Kysely } from 'kysely';

/**
 * Health over time (docs/rules/prune-and-health.md#health-history): the health figures as they stood on a
 * day, one row a day, taken by the first command run that day. The figures are kept as one JSON text, so a
 * figure added later needs no migration (an older snapshot simply lacks it).
 */
export function healthHistorySchema() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('health_snapshots')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('taken_at', 'bigint', (c) => c.notNull())
        .addColumn('figures', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('health_snapshots_pk', ['workspace_id', 'day'])
        .execute();
    },
  };
}
