import type { EngineInteraction } from '../domain/relationship-facts.js';
import { ENGINE_COLUMNS, toEngine } from './engine-rows.js';
import { inChunks, iterateRows } from './query-runner.js';
import type { StoreContext } from './store.js';

const SCAN_BATCH = 2_000;
/** Of a cited message, enough for the longest quote a suggestion makes (domain/suggestions.ts snippet). */
const SNIPPET_CHARS = 200;

/** What the relationship engine reads of the interactions (without their text), group members and known ties. */
export function createInteractionScanRepository(context: StoreContext) {
  const { db, workspaceId } = context;
  /** The group conversations a person is a member of. */
  const conversationsOf = (personId: number) =>
    db
      .selectFrom('conversation_members')
      .select('conversation_key')
      .where('workspace_id', '=', workspaceId)
      .where('person_id', '=', personId);
  const engineRows = () =>
    db.selectFrom('interactions').select(ENGINE_COLUMNS).where('workspace_id', '=', workspaceId);

  return {
    /**
     * Every interaction, in batches and in no particular order (the facts builder groups them): the
     * embedded database streams rows from its statement, PostgreSQL pages through them by id.
     */
    async *scanInteractions(): AsyncGenerator<EngineInteraction[]> {
      if (context.sqlite) {
        let batch: EngineInteraction[] = [];
        for (const row of iterateRows(context.sqlite, engineRows())) {
          batch.push(toEngine(row));
          if (batch.length === SCAN_BATCH) {
            yield batch;
            batch = [];
          }
        }
        if (batch.length > 0) yield batch;
        return;
      }
      for (let after = -1; ;) {
        const rows = await engineRows().where('id', '>', after).orderBy('id').limit(SCAN_BATCH).execute();
        if (rows.length === 0) return;
        yield rows.map(toEngine);
        after = Number(rows[rows.length - 1]?.id ?? after);
      }
    },

    /** A person's own interactions and every message of the group threads they are in. */
    async interactionsAround(personId: number): Promise<EngineInteraction[]> {
      const rows = await engineRows()
        .where((eb) =>
          eb.or([
            eb('person_id', '=', personId),
            eb.and([eb('group_size', '>', 2), eb('conversation_key', 'in', conversationsOf(personId))]),
          ]),
        )
        .execute();
      return rows.map(toEngine);
    },

    /** The beginning of these messages' texts (suggestions quote at most 90 characters of them). */
    async summaries(ids: readonly number[]): Promise<Map<number, string | null>> {
      const rows = await inChunks(ids, (chunk) =>
        db
          .selectFrom('interactions')
          .select((eb) => [
            'id',
            eb.fn<string | null>('substr', ['summary', eb.lit(1), eb.lit(SNIPPET_CHARS)]).as('summary'),
          ])
          // By primary key alone: with workspace_id the planner may pick a workspace-prefixed index and scan.
          .where('id', 'in', chunk)
          .execute(),
      );
      return new Map(rows.map((row) => [Number(row.id), row.summary]));
    },

    async groupMembers(personId?: number): Promise<Map<string, number[]>> {
      let query = db
        .selectFrom('conversation_members')
        .select(['conversation_key', 'person_id'])
        .where('workspace_id', '=', workspaceId);
      if (personId !== undefined) {
        query = query.where('conversation_key', 'in', conversationsOf(personId));
      }
      const members = new Map<string, number[]>();
      for (const row of await query.execute()) {
        const list = members.get(row.conversation_key) ?? [];
        list.push(Number(row.person_id));
        members.set(row.conversation_key, list);
      }
      return members;
    },

    async tiePairs(): Promise<Array<[number, number]>> {
      const rows = await db
        .selectFrom('known_ties')
        .select(['person_a', 'person_b'])
        .where('workspace_id', '=', workspaceId)
        .execute();
      return rows.map((row) => [Number(row.person_a), Number(row.person_b)]);
    },

    async countInteractions(): Promise<number> {
      const row = await db
        .selectFrom('interactions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async newestInteractionAt(): Promise<number> {
      const row = await db
        .selectFrom('interactions')
        .select((eb) => eb.fn.max('at').as('newest'))
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirst();
      return Number(row?.newest ?? 0);
    },
  };
}
