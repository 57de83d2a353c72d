import type { ItemState } from '../domain/agenda.js';
import type { StoreContext } from './store.js';

/** Done / snoozed / dismissed, by stable agenda item id. */
export function createAgendaStateRepository(context: StoreContext) {
  const { db, workspaceId } = context;
  return {
    async all(): Promise<Map<string, ItemState>> {
      const rows = await db
        .selectFrom('agenda_item_states')
        .select(['item_id', 'state', 'until_date'])
        .where('workspace_id', '=', workspaceId)
        .execute();
      return new Map(
        rows.map((row) => [row.item_id, { state: row.state as ItemState['state'], until: row.until_date }]),
      );
    },

    async set(itemId: string, state: ItemState, now: number): Promise<void> {
      await db
        .insertInto('agenda_item_states')
        .values({
          workspace_id: workspaceId,
          item_id: itemId,
          state: state.state,
          until_date: state.until,
          at: now,
        })
        .onConflict((conflict) =>
          conflict
            .columns(['workspace_id', 'item_id'])
            .doUpdateSet({ state: state.state, until_date: state.until, at: now }),
        )
        .execute();
    },
  };
}
