import type { StoreContext } from './store.js';

/** Which files were imported, by fingerprint, so an unchanged file is recognised without reading it. */
export function createImportLogRepository(context: StoreContext) {
  const { db, workspaceId } = context;
  return {
    async findByFingerprint(fingerprint: string): Promise<{ format: string; report: string } | undefined> {
      return db
        .selectFrom('imports')
        .select(['format', 'report'])
        .where('workspace_id', '=', workspaceId)
        .where('fingerprint', '=', fingerprint)
        .orderBy('id', 'desc')
        .executeTakeFirst();
    },

    async record(entry: {
      path: string;
      format: string;
      fingerprint: string;
      at: number;
      report: unknown;
    }): Promise<void> {
      await db
        .insertInto('imports')
        .values({
          workspace_id: workspaceId,
          path: entry.path,
          format: entry.format,
          fingerprint: entry.fingerprint,
          imported_at: entry.at,
          report: JSON.stringify(entry.report),
        })
        .execute();
    },
  };
}
