import { sql, type Kysely } from 'kysely';
import type { SqlDialect } from '../sql-dialect.js';

/**
 * The score and agenda inputs of each person's facts as columns, so commands select the people that can
 * have an agenda item (or a band above none) with one query instead of reading everyone's facts.
 * The facts of earlier versions have another shape: they are dropped here and rebuilt on first use.
 */
export function personStatsColumnsSchema(dialect: SqlDialect) {
  const integerColumns = [
    'exchange_count',
    'unanswered_days',
    'records',
    'help_given',
    'help_received',
    'introductions',
  ];
  const instantColumns = [
    'first_exchange_at',
    'last_exchange_at',
    'last_in_at',
    'unanswered_first_at',
    'first_from_me_at',
    'last_interaction_at',
  ];
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql`delete from person_stats`.execute(db);
      await sql`delete from workspace_settings where key in ('facts.zone', 'facts.through')`.execute(db);
      // One column per statement: SQLite's ALTER TABLE adds a single column at a time.
      for (const column of integerColumns) {
        await db.schema
          .alterTable('person_stats')
          .addColumn(column, 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
      }
      for (const column of instantColumns) {
        await db.schema.alterTable('person_stats').addColumn(column, 'bigint').execute();
      }
      // PostgreSQL's `real` is single precision; the key needs a double (see domain intensityKey).
      await db.schema
        .alterTable('person_stats')
        .addColumn('intensity_key', dialect === 'postgres' ? 'double precision' : 'real')
        .execute();
    },
  };
}
