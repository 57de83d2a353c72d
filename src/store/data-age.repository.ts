import type { StoreContext } from './store.js';
import { createWorkspaceSettingsRepository } from './workspace-settings.repository.js';

const NEWEST_KEY = 'data.newest-imported';

/**
 * How old the imported data is: the newest imported event — an imported message or record, a connection
 * made, an invitation sent (docs/rules/agenda.md#old-data); what the user logs is not imported data. An
 * import remembers it, so `today` reads one value instead of scanning a million messages.
 */
export function createDataAgeRepository(context: StoreContext) {
  const { db, workspaceId } = context;
  const workspace = createWorkspaceSettingsRepository(context);

  /** `newestInteraction`: the newest LinkedIn interaction when the caller knows it (null: none). */
  async function newestImportedAt(until: number, newestInteraction?: number | null): Promise<number | null> {
    const [interactions, people, invitations] = await Promise.all([
      newestInteraction !== undefined
        ? { newest: newestInteraction }
        : db
            .selectFrom('interactions')
            .select((eb) => eb.fn.max('at').as('newest'))
            .where('workspace_id', '=', workspaceId)
            .where('source', '=', 'linkedin')
            .where('at', '<=', until)
            .executeTakeFirst(),
      db
        .selectFrom('people')
        .select((eb) => eb.fn.max('connected_at').as('newest'))
        .where('workspace_id', '=', workspaceId)
        .where('connected_at', '<=', until)
        .executeTakeFirst(),
      db
        .selectFrom('invitations')
        .select((eb) => eb.fn.max('sent_at').as('newest'))
        .where('workspace_id', '=', workspaceId)
        .where('sent_at', '<=', until)
        .executeTakeFirst(),
    ]);
    const values = [interactions?.newest, people?.newest, invitations?.newest]
      .filter((value) => value !== null && value !== undefined)
      .map(Number);
    return values.length > 0 ? Math.max(...values) : null;
  }

  return {
    newestImportedAt,

    /**
     * After an import: remember the newest imported event. A first import knows its newest LinkedIn
     * interaction from the rows it wrote (`newestInteraction`): the scan of every interaction is skipped.
     */
    async remember(newestInteraction?: number | null): Promise<void> {
      const newest = await newestImportedAt(Number.MAX_SAFE_INTEGER, newestInteraction);
      await workspace.set(NEWEST_KEY, newest === null ? '' : String(newest));
    },

    /** The newest imported event as of `now` (remembered, or looked up when `now` is earlier or none is). */
    async asOf(now: number): Promise<number | null> {
      const stored = await workspace.get(NEWEST_KEY);
      if (stored === '') return null;
      const remembered = stored === undefined ? Number.NaN : Number(stored);
      if (Number.isFinite(remembered) && remembered <= now) return remembered;
      return newestImportedAt(now);
    },

    /** Whether any conversation was imported, from any source (without one, depth is unknown, not 0 %). */
    async hasImportedMessages(): Promise<boolean> {
      const row = await db
        .selectFrom('interactions')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        // A conversation from any source: LinkedIn messages, mail, meetings, calls.
        .where('kind', 'in', ['message', 'email', 'meeting', 'call'])
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}
