import type { StoreContext } from './store.js';

export interface OwnerFact {
  kind: 'profile' | 'position' | 'education' | 'event';
  name: string;
  detail: string | null;
  started: string | null;
  finished: string | null;
  sourceKey: number;
}

/** The owner's own history (positions, schools, events): the basis of shared-employer and school signals. */
export function createOwnerFactsRepository(context: StoreContext) {
  const { db, workspaceId } = context;
  return {
    async insertMany(facts: readonly OwnerFact[]): Promise<number> {
      if (facts.length === 0) return 0;
      const result = await db
        .insertInto('owner_facts')
        .values(
          facts.map((fact) => ({
            workspace_id: workspaceId,
            kind: fact.kind,
            name: fact.name,
            detail: fact.detail,
            started: fact.started,
            finished: fact.finished,
            source_key: fact.sourceKey,
          })),
        )
        .onConflict((conflict) => conflict.columns(['workspace_id', 'source_key']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0);
    },

    async list(kind?: OwnerFact['kind']): Promise<OwnerFact[]> {
      let query = db.selectFrom('owner_facts').selectAll().where('workspace_id', '=', workspaceId);
      if (kind) query = query.where('kind', '=', kind);
      const rows = await query.orderBy('kind').orderBy('started').execute();
      return rows.map((row) => ({
        kind: row.kind as OwnerFact['kind'],
        name: row.name,
        detail: row.detail,
        started: row.started,
        finished: row.finished,
        sourceKey: Number(row.source_key),
      }));
    },
  };
}
