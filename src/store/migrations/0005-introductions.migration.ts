import { sql, type Kysely } from 'kysely';
import type { SqlDialect } from '../sql-dialect.js';

/**
 * Introductions: at most one open introduction per pair, whichever of the two is A (a unique index, so two
 * `tend intro start` at once cannot both succeed), and a small partial index over the give/ask kinds of
 * interactions, so the ledger reads a few rows instead of scanning a million messages.
 */
export function introductionsSchema(dialect: SqlDialect) {
  const [low, high] = dialect === 'postgres' ? ['least', 'greatest'] : ['min', 'max'];
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql`create unique index introductions_open_pair on introductions
          (workspace_id, ${sql.raw(low)}(person_a, person_b), ${sql.raw(high)}(person_a, person_b))
          where state not in ('declined-a', 'declined-b', 'outcome')`.execute(db);
      await db.schema
        .createIndex('interactions_ledger')
        .on('interactions')
        .columns(['workspace_id', 'person_id', 'at'])
        .where(sql<boolean>`kind in ('help-given', 'help-received', 'introduction-made')`)
        .execute();
    },
  };
}
