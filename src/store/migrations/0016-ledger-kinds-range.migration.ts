import { sql, type Kysely } from 'kysely';

/**
 * The give/ask ledger's partial index (migration 0005) with a predicate SQLite evaluates as two comparisons.
 * Its first predicate, `kind in ('help-given', 'help-received', 'introduction-made')`, is coded by SQLite as
 * a temporary b-tree of the three values built anew for every inserted row: a tenth of a first import's
 * insert cost (docs/PERFORMANCE.md#issue-12-fourth-session). The kinds sort together
 * (`endorsement-received` < `help-given` < `help-received` < `introduction-made` < `meeting`, in any
 * collation), so one range holds exactly them; the ledger's query names the same two comparisons (so both
 * databases can prove the index applies) and its three kinds.
 */
export function ledgerKindsRangeSchema() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('interactions_ledger').ifExists().execute();
      await db.schema
        .createIndex('interactions_ledger')
        .on('interactions')
        .columns(['workspace_id', 'person_id', 'at'])
        .where(sql<boolean>`kind >= 'help-given' and kind <= 'introduction-made'`)
        .execute();
    },
  };
}
