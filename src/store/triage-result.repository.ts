import type { StoreContext } from './store.js';

/** Cached triage results: a result is valid while the hash of what it was worked out from is the same. */
export function createTriageResultRepository(context: StoreContext) {
  const { db, workspaceId } = context;
  return {
    async load(invitationIds: readonly number[]): Promise<Map<number, { basis: number; result: string }>> {
      const found = new Map<number, { basis: number; result: string }>();
      for (let start = 0; start < invitationIds.length; start += 900) {
        const rows = await db
          .selectFrom('triage_results')
          .select(['invitation_id', 'basis', 'result'])
          .where('workspace_id', '=', workspaceId)
          .where('invitation_id', 'in', invitationIds.slice(start, start + 900))
          .execute();
        for (const row of rows)
          found.set(Number(row.invitation_id), { basis: Number(row.basis), result: row.result });
      }
      return found;
    },

    async save(rows: ReadonlyArray<{ invitationId: number; basis: number; result: string }>): Promise<void> {
      for (let start = 0; start < rows.length; start += 500) {
        await db
          .insertInto('triage_results')
          .values(
            rows.slice(start, start + 500).map((row) => ({
              workspace_id: workspaceId,
              invitation_id: row.invitationId,
              basis: row.basis,
              result: row.result,
            })),
          )
          .onConflict((conflict) =>
            conflict.columns(['workspace_id', 'invitation_id']).doUpdateSet((eb) => ({
              basis: eb.ref('excluded.basis'),
              result: eb.ref('excluded.result'),
            })),
          )
          .execute();
      }
    },
  };
}
