import type { StoreContext } from './store.js';

export interface SavedSegment {
  name: string;
  query: string;
  createdAt: number;
  updatedAt: number;
}

/** Saved segments by name (docs/rules/segments.md#saved); names compare as typed. */
export function createSavedSegmentRepository(context: StoreContext) {
  const { db, workspaceId } = context;
  const toSegment = (row: { name: string; query: string; created_at: number; updated_at: number }) => ({
    name: row.name,
    query: row.query,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  });
  return {
    async list(): Promise<SavedSegment[]> {
      const rows = await db
        .selectFrom('saved_segments')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('name')
        .execute();
      return rows.map(toSegment);
    },

    async get(name: string): Promise<SavedSegment | undefined> {
      const row = await db
        .selectFrom('saved_segments')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('name', '=', name)
        .executeTakeFirst();
      return row ? toSegment(row) : undefined;
    },

    /** Saves or replaces; true when it replaced one. */
    async save(name: string, query: string, now: number): Promise<boolean> {
      const existing = await this.get(name);
      if (existing) {
        await db
          .updateTable('saved_segments')
          .set({ query, updated_at: now })
          .where('workspace_id', '=', workspaceId)
          .where('name', '=', name)
          .execute();
        return true;
      }
      await db
        .insertInto('saved_segments')
        .values({ workspace_id: workspaceId, name, query, created_at: now, updated_at: now })
        .execute();
      return false;
    },

    async remove(name: string): Promise<boolean> {
      const result = await db
        .deleteFrom('saved_segments')
        .where('workspace_id', '=', workspaceId)
        .where('name', '=', name)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

export type SavedSegmentRepository = ReturnType<typeof createSavedSegmentRepository>;
