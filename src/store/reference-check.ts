import { sql } from 'kysely';
import type { StoreContext } from './store.js';

/**
 * What a transaction that ran without SQLite's row-by-row foreign key checks (store.ts
 * `verifiedReferences`) checks before its commit: that every person it referenced is stored. Counted in
 * one pass over the people instead of a cursor per written row (docs/PERFORMANCE.md#issue-12-fourth-session).
 */
export async function missingReferences(
  context: StoreContext,
  /** Person ids the interactions written reference. */
  personIds: ReadonlySet<number>,
  /** Tables written whose every foreign key is checked as SQLite would (small ones: identities, members). */
  tables: readonly string[],
): Promise<string[]> {
  const missing: string[] = [];
  if (personIds.size > 0) {
    const stored = new Set(
      (await context.db.selectFrom('people').select('id').execute()).map((row) => Number(row.id)),
    );
    let absent = 0;
    for (const id of personIds) if (!stored.has(id)) absent++;
    if (absent > 0) missing.push(`interactions: ${absent} people`);
  }
  for (const table of tables) {
    const rows = await sql<{ parent: string }>`select parent from pragma_foreign_key_check(${table})`.execute(
      context.db,
    );
    if (rows.rows.length > 0) missing.push(`${table}: ${rows.rows.length} rows`);
  }
  return missing;
}
