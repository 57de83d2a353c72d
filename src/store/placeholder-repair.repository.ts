import type { StoreContext } from './store.js';

/** A person's imported name and work fields, as stored. */
export interface StoredNameFields {
  id: number;
  firstName: string;
  lastName: string;
  name: string;
  company: string | null;
  position: string | null;
}

/**
 * What the placeholder repair reads and rewrites (services/placeholder-repair.service.ts): earlier imports
 * stored "NA" and "-" as names, companies and positions.
 */
export function createPlaceholderRepairRepository(context: StoreContext) {
  const { db, workspaceId } = context;
  return {
    async nameFields(): Promise<StoredNameFields[]> {
      const rows = await db
        .selectFrom('people')
        .select(['id', 'first_name', 'last_name', 'display_name', 'company', 'position'])
        .where('workspace_id', '=', workspaceId)
        .execute();
      return rows.map((row) => ({
        id: Number(row.id),
        firstName: row.first_name,
        lastName: row.last_name,
        name: row.display_name,
        company: row.company,
        position: row.position,
      }));
    },

    async observationValues(): Promise<string[]> {
      const rows = await db
        .selectFrom('person_observations')
        .select('value')
        .distinct()
        .where('workspace_id', '=', workspaceId)
        .execute();
      return rows.map((row) => row.value);
    },

    async deleteObservations(values: readonly string[]): Promise<void> {
      if (values.length === 0) return;
      await db
        .deleteFrom('person_observations')
        .where('workspace_id', '=', workspaceId)
        .where('value', 'in', values)
        .execute();
    },

    async invitationNames(): Promise<Array<{ id: number; name: string }>> {
      const rows = await db
        .selectFrom('invitations')
        .select(['id', 'counterpart_name'])
        .where('workspace_id', '=', workspaceId)
        .execute();
      return rows.map((row) => ({ id: Number(row.id), name: row.counterpart_name }));
    },

    async renameInvitation(id: number, name: string): Promise<void> {
      await db
        .updateTable('invitations')
        .set({ counterpart_name: name })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },
  };
}
