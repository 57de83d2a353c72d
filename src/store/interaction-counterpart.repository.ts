import { inChunks } from './query-runner.js';
import { storedInteractionsChanged, type StoreContext } from './store.js';

/**
 * Interactions stored without a person, and the counterparts they wait for: a one-to-one record whose other
 * side is known only by name or profile URL is filed under `name:…` / `url:…` until that person is known.
 */
export function createCounterpartRepository(context: StoreContext) {
  const { db, workspaceId } = context;
  const edited = () => storedInteractionsChanged(context);

  return {
    /**
     * Gives rows stored without a person (by source key) their person: the single counterpart of a one-to-one
     * conversation found later in the same file. Rows that already have a person keep it.
     */
    async assignPerson(personId: number, sourceKeys: readonly number[]): Promise<number> {
      edited();
      const updated = await inChunks(sourceKeys, async (chunk) => {
        const result = await db
          .updateTable('interactions')
          .set({ person_id: personId })
          .where('workspace_id', '=', workspaceId)
          .where('person_id', 'is', null)
          .where('source_key', 'in', chunk)
          .executeTakeFirst();
        return [Number(result.numUpdatedRows)];
      });
      return updated.reduce((sum, n) => sum + n, 0);
    },

    /**
     * The counterparts that one-to-one records stored without a person wait for: `name:<normalised name>`
     * (name-only records) or `url:<profile URL>` in `conversation_key`. Read through the person index
     * (person_id is null), so only person-less rows are visited.
     */
    async listWaitingCounterparts(): Promise<string[]> {
      const rows = await db
        .selectFrom('interactions')
        .select('conversation_key')
        .distinct()
        .where('workspace_id', '=', workspaceId)
        .where('person_id', 'is', null)
        .where('group_size', '<=', 2)
        .where((eb) =>
          eb.or([eb('conversation_key', 'like', 'name:%'), eb('conversation_key', 'like', 'url:%')]),
        )
        .execute();
      return rows.flatMap((row) => (row.conversation_key === null ? [] : [row.conversation_key]));
    },

    /** Files person-less rows (by source key) under the counterpart they wait for (`name:…`). */
    async fileUnderCounterpart(counterpartKey: string, sourceKeys: readonly number[]): Promise<void> {
      edited();
      await inChunks(sourceKeys, async (chunk) => {
        await db
          .updateTable('interactions')
          .set({ conversation_key: counterpartKey })
          .where('workspace_id', '=', workspaceId)
          .where('person_id', 'is', null)
          .where('source_key', 'in', chunk)
          .execute();
      });
    },

    /** Links every person-less one-to-one record waiting for `counterpartKey` to the person now known. */
    async assignCounterpart(counterpartKey: string, personId: number): Promise<number> {
      edited();
      const result = await db
        .updateTable('interactions')
        .set({ person_id: personId })
        .where('workspace_id', '=', workspaceId)
        .where('person_id', 'is', null)
        .where('group_size', '<=', 2)
        .where('conversation_key', '=', counterpartKey)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}
