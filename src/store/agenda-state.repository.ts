import type { ItemState } from '../domain/agenda.js';
import type { StoreContext } from './store.js';

/** What `tend undo` needs to reverse one action. */
export interface AgendaAction {
  id: number;
  at: number;
  description: string;
  itemId: string | null;
  /** The item's state before the action (null: it had none). */
  previous: ItemState | null;
  interactionId: number | null;
  personId: number | null;
}

const nullableNumber = (value: number | string | null) => (value === null ? null : Number(value));

/** Done / snoozed / dismissed, by stable agenda item id, and the journal of actions `tend undo` reverses. */
export function createAgendaStateRepository(context: StoreContext) {
  const { db, workspaceId } = context;
  return {
    async all(): Promise<Map<string, ItemState>> {
      const rows = await db
        .selectFrom('agenda_item_states')
        .select(['item_id', 'state', 'until_date', 'person_id', 'at'])
        .where('workspace_id', '=', workspaceId)
        .execute();
      return new Map(
        rows.map((row) => [
          row.item_id,
          {
            state: row.state as ItemState['state'],
            until: row.until_date,
            personId: nullableNumber(row.person_id),
            at: Number(row.at),
          },
        ]),
      );
    },

    async set(itemId: string, state: ItemState, now: number): Promise<void> {
      const values = {
        state: state.state,
        until_date: state.until,
        at: state.at ?? now,
        person_id: state.personId ?? null,
      };
      await db
        .insertInto('agenda_item_states')
        .values({ workspace_id: workspaceId, item_id: itemId, ...values })
        .onConflict((conflict) => conflict.columns(['workspace_id', 'item_id']).doUpdateSet(values))
        .execute();
    },

    async remove(itemId: string): Promise<void> {
      await db
        .deleteFrom('agenda_item_states')
        .where('workspace_id', '=', workspaceId)
        .where('item_id', '=', itemId)
        .execute();
    },

    async record(action: Omit<AgendaAction, 'id'>): Promise<void> {
      await db
        .insertInto('agenda_actions')
        .values({
          workspace_id: workspaceId,
          at: action.at,
          description: action.description,
          item_id: action.itemId,
          previous: action.previous ? JSON.stringify(action.previous) : null,
          interaction_id: action.interactionId,
          person_id: action.personId,
          undone_at: null,
        })
        .execute();
    },

    /** The latest action not undone yet. */
    async last(): Promise<AgendaAction | null> {
      const row = await db
        .selectFrom('agenda_actions')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('undone_at', 'is', null)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (!row) return null;
      return {
        id: Number(row.id),
        at: Number(row.at),
        description: row.description,
        itemId: row.item_id,
        previous: row.previous ? (JSON.parse(row.previous) as ItemState) : null,
        interactionId: nullableNumber(row.interaction_id),
        personId: nullableNumber(row.person_id),
      };
    },

    async markUndone(id: number, now: number): Promise<void> {
      await db
        .updateTable('agenda_actions')
        .set({ undone_at: now })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },
  };
}
