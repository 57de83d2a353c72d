import type { ConnectionState } from '../domain/person.js';
import { inChunks, rowsOf } from './query-runner.js';
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

    /**
     * These people and everyone who shares a normalised name with one of them, lean: the records that may be
     * one person with them (services/possibly-same-people.ts).
     */
    async namesakes(personIds: readonly number[]): Promise<DirectoryEntry[]> {
      const rows = await inChunks(personIds, (chunk) => {
        const keys = db
          .selectFrom('people')
          .select('name_key')
          .where('workspace_id', '=', workspaceId)
          .where('id', 'in', chunk)
          .where('name_key', '!=', '');
        return rowsOf(
          context,
          db
            .selectFrom('people')
            .select(['id', 'name_key', 'connected_at', 'connection_state'])
            .where('workspace_id', '=', workspaceId)
            .where('name_key', 'in', keys),
        );
      });
      const seen = new Set<number>();
      return rows.flatMap((row) => {
        const id = Number(row.id);
        if (seen.has(id)) return [];
        seen.add(id);
        return [
          {
            id,
            nameKey: row.name_key,
            connectedAt: row.connected_at === null ? null : Number(row.connected_at),
            connectionState: row.connection_state as ConnectionState,
          },
        ];
      });
    },

    /**
     * The people merged away, as aliases of the person they joined (followed through later merges): a
     * later import finds the kept person by the merged one's name, as it found the merged one
     * (docs/rules/identity-and-imports.md#merge-records).
     */
    async listMergedAliases(): Promise<DirectoryEntry[]> {
      const rows = await db
        .selectFrom('person_merges')
        .select(['kept_id', 'gone_id', 'gone_name_key', 'gone_connected_at', 'gone_connection_state'])
        .where('workspace_id', '=', workspaceId)
        .where('undone_at', 'is', null)
        .orderBy('id')
        .execute();
      const keptOf = new Map(rows.map((row) => [Number(row.gone_id), Number(row.kept_id)]));
      const finalKept = (id: number) => {
        for (let hops = 0; keptOf.has(id) && hops < rows.length; hops++) id = keptOf.get(id) as number;
        return id;
      };
      return rows.map((row) => ({
        id: finalKept(Number(row.kept_id)),
        nameKey: row.gone_name_key,
        connectedAt: row.gone_connected_at === null ? null : Number(row.gone_connected_at),
        connectionState: row.gone_connection_state as ConnectionState,
      }));
    },
  };
}

export type PersonDirectoryRepository = ReturnType<typeof createPersonDirectoryRepository>;
