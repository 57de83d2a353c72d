import type { ConnectionState } from '../domain/person.js';
import { rowsOf } from './query-runner.js';
import type { StoreContext } from './store.js';

export interface DirectoryEntry {
  id: number;
  nameKey: string;
  connectedAt: number | null;
  connectionState: ConnectionState;
}

/** What an import resolves people by, read once per imported file (services/linkedin/people-directory.ts). */
export function createPersonDirectoryRepository(context: StoreContext) {
  const { db, workspaceId } = context;
  return {
    /** Everyone's name key, connection state and date, lean (30,000 people). */
    async listEntries(): Promise<DirectoryEntry[]> {
      const query = db
        .selectFrom('people')
        .select(['id', 'name_key', 'connected_at', 'connection_state'])
        .where('workspace_id', '=', workspaceId);
      return (await rowsOf(context, query)).map((row) => ({
        id: Number(row.id),
        nameKey: row.name_key,
        connectedAt: row.connected_at === null ? null : Number(row.connected_at),
        connectionState: row.connection_state as ConnectionState,
      }));
    },
  };
}

export type PersonDirectoryRepository = ReturnType<typeof createPersonDirectoryRepository>;
