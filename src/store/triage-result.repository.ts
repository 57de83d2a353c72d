import type { StoreContext } from './store.js';
import { inChunks } from './query-runner.js';

/** Cached triage results: a result is valid while the hash of what it was worked out from is the same. */
export function createTriageResultRepository(context: StoreContext) {
  const { db, workspaceId } = context;
  return {
    async load(invitationIds: readonly number[]): Promise<Map<number, { basis: number; result: string }>> {
      const found = new Map<number, { basis: number; result: string }>();
      await inChunks(invitationIds, async (chunk) => {
        const rows = await db
          .selectFrom('triage_results')
          .select(['invitation_id', 'basis', 'result'])
          .where('workspace_id', '=', workspaceId)
          .where('invitation_id', 'in', chunk)
          .execute();
        for (const row of rows)
          found.set(Number(row.invitation_id), { basis: Number(row.basis), result: row.result });
      });
      return found;
    },

    async save(rows: ReadonlyArray<{ invitationId: number; basis: number; result: string }>): Promise<void> {
      await inChunks(
        rows,
        async (chunk) => {
          await db
            .insertInto('triage_results')
            .values(
              chunk.map((row) => ({
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
        },
        500,
      );
    },
  };
}
