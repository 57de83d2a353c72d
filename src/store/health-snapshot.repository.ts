import type { StoreContext } from './store.js';

export interface StoredHealthSnapshot {
  day: string;
  takenAt: number;
  /** The figures as JSON, read by the service that wrote them. */
  figures: string;
}

/** The daily health snapshots (docs/rules/prune-and-health.md#health-history): one row a day, never changed. */
export function createHealthSnapshotRepository(context: StoreContext) {
  const { db, workspaceId } = context;
  return {
    /** Whether `day` has its snapshot: one primary-key lookup, what every command pays. */
    async has(day: string): Promise<boolean> {
      const row = await db
        .selectFrom('health_snapshots')
        .select('day')
        .where('workspace_id', '=', workspaceId)
        .where('day', '=', day)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** Writes the day's snapshot unless it has one (the first taken that day stays), or over it (`replace`). */
    async add(snapshot: StoredHealthSnapshot, replace = false): Promise<void> {
      await db
        .insertInto('health_snapshots')
        .values({
          workspace_id: workspaceId,
          day: snapshot.day,
          taken_at: snapshot.takenAt,
          figures: snapshot.figures,
        })
        .onConflict((conflict) =>
          replace
            ? conflict.columns(['workspace_id', 'day']).doUpdateSet((eb) => ({
                taken_at: eb.ref('excluded.taken_at'),
                figures: eb.ref('excluded.figures'),
              }))
            : conflict.columns(['workspace_id', 'day']).doNothing(),
        )
        .execute();
    },

    /** The snapshots from `fromDay` to `toDay` (both included), oldest first. */
    async between(fromDay: string, toDay: string): Promise<StoredHealthSnapshot[]> {
      const rows = await db
        .selectFrom('health_snapshots')
        .select(['day', 'taken_at', 'figures'])
        .where('workspace_id', '=', workspaceId)
        .where('day', '>=', fromDay)
        .where('day', '<=', toDay)
        .orderBy('day')
        .execute();
      return rows.map((row) => ({ day: row.day, takenAt: Number(row.taken_at), figures: row.figures }));
    },
  };
}
