import type { StoreContext } from './store.js';

/** Facts tend derives and keeps per workspace (the detected owner, the newest export date…). */
export function createWorkspaceSettingsRepository(context: StoreContext) {
  const { db, workspaceId } = context;
  return {
    async get(key: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('workspace_settings')
        .select('value')
        .where('workspace_id', '=', workspaceId)
        .where('key', '=', key)
        .executeTakeFirst();
      return row?.value;
    },

    async set(key: string, value: string): Promise<void> {
      await db
        .insertInto('workspace_settings')
        .values({ workspace_id: workspaceId, key, value })
        .onConflict((conflict) => conflict.columns(['workspace_id', 'key']).doUpdateSet({ value }))
        .execute();
    },
  };
}
