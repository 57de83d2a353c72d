import { sql } from 'kysely';
import type { Database } from './database.schema.js';
import type { Statement } from 'better-sqlite3';
import { createInteractionIndexes, dropInteractionIndexes } from './interaction-indexes.js';
import { inChunks, iterateRows } from './query-runner.js';
import type { StoreContext } from './store.js';

/**
 * The tables a full export holds, in the order a restore writes them (people before what points at them),
 * each with the columns that order its rows. Left out, because they are derived and rebuilt: person_stats,
 * triage_results, the search documents and the facts' bookkeeping settings.
 */
export const EXPORT_TABLES = [
  ['people', ['id']],
  ['person_identities', ['kind', 'value']],
  ['person_observations', ['person_id', 'field', 'value', 'seen_at']],
  ['interactions', ['id']],
  ['conversation_members', ['conversation_key', 'person_id']],
  ['invitations', ['id']],
  ['introductions', ['id']],
  ['known_ties', ['person_a', 'person_b', 'source']],
  ['agenda_item_states', ['item_id']],
  ['agenda_actions', ['id']],
  ['imports', ['id']],
  ['owner_facts', ['source_key']],
  ['workspace_settings', ['key']],
  ['duplicate_proposals', ['person_a', 'person_b']],
  ['contact_cards', ['source_key']],
  ['saved_segments', ['name']],
  ['outreach_batches', ['id']],
  ['outreach_messages', ['batch_id', 'person_id']],
  ['person_merges', ['id']],
] as const satisfies readonly (readonly [keyof Database, readonly string[]])[];

export type ExportTable = (typeof EXPORT_TABLES)[number][0];

/** Settings that describe the derived facts, not the user's data: a restore rebuilds them. */
const DERIVED_SETTINGS = /^facts\./;

/** Tables whose rows carry a generated id: PostgreSQL's sequence must move past the restored ones. */
const ID_TABLES: readonly ExportTable[] = [
  'people',
  'interactions',
  'invitations',
  'introductions',
  'agenda_actions',
  'imports',
  'outreach_batches',
  'person_merges',
];

type Row = Record<string, unknown>;

/** Every row of the workspace, table by table, for `tend export --format json` and its restore. */
export function createDataExportRepository(context: StoreContext) {
  const { db, workspaceId } = context;
  const insertStatements = new Map<string, Statement>();

  function query(table: ExportTable, order: readonly string[]) {
    let built = db
      .selectFrom(table)
      .selectAll()
      .where('workspace_id', '=', workspaceId) as unknown as ReturnType<
      ReturnType<typeof db.selectFrom<'people'>>['selectAll']
    >;
    for (const column of order) built = built.orderBy(sql.ref(column));
    return built;
  }

  return {
    /**
     * The stored records that count as interactions (with a person, not flagged skipped) and the others,
     * kept for re-imports: what an import's report calls interactions added and records kept.
     */
    async interactionCounts(): Promise<{ interactions: number; kept: number }> {
      const row = await db
        .selectFrom('interactions')
        .select((eb) => [
          eb.fn.countAll<number>().as('all'),
          eb.fn
            .count<number>(
              eb
                .case()
                .when(eb.and([eb('skipped_reason', 'is', null), eb('person_id', 'is not', null)]))
                .then(1)
                .end(),
            )
            .as('counted'),
        ])
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirst();
      const all = Number(row?.all ?? 0);
      const counted = Number(row?.counted ?? 0);
      return { interactions: counted, kept: all - counted };
    },

    /** The rows of one table in a stable order, without the workspace: streamed on SQLite, paged by id. */
    async *rows(table: ExportTable, order: readonly string[]): AsyncGenerator<Row> {
      const strip = (row: Row): Row | undefined => {
        const { workspace_id: _workspace, ...rest } = row;
        if (table === 'workspace_settings' && DERIVED_SETTINGS.test(String(rest.key))) return undefined;
        return rest;
      };
      if (context.sqlite) {
        for (const row of iterateRows(context.sqlite, query(table, order)) as Iterable<Row>) {
          const kept = strip(row);
          if (kept) yield kept;
        }
        return;
      }
      if (!ID_TABLES.includes(table)) {
        for (const row of (await query(table, order).execute()) as Row[]) {
          const kept = strip(row);
          if (kept) yield kept;
        }
        return;
      }
      let after = 0;
      for (;;) {
        const page = (await query(table, order)
          .where(sql.ref('id'), '>', after)
          .limit(10_000)
          .execute()) as Row[];
        for (const row of page) yield strip(row) as Row;
        if (page.length < 10_000) return;
        after = Number(page.at(-1)?.id);
      }
    },

    /** Whether the workspace holds any person, interaction or import: a restore only goes into an empty one. */
    async isEmpty(): Promise<boolean> {
      for (const table of ['people', 'interactions', 'imports'] as const) {
        const row = await db
          .selectFrom(table)
          .select(sql<number>`1`.as('one'))
          .where('workspace_id', '=', workspaceId)
          .limit(1)
          .executeTakeFirst();
        if (row) return false;
      }
      return true;
    },

    /**
     * Before a restore: the two large interaction indexes dropped (rebuilt once by `afterRestore`, as a first
     * import does: docs/PERFORMANCE.md#interaction-indexes).
     */
    beforeRestore(): Promise<string[]> {
      return dropInteractionIndexes(context, true);
    },

    /** Writes rows of one table as exported, ids included. */
    async insert(table: ExportTable, rows: readonly Row[]): Promise<void> {
      const first = rows[0];
      if (!first) return;
      if (context.sqlite) {
        // One prepared statement per table, a row at a time inside the restore's transaction: several times
        // faster than multi-row statements compiled by Kysely (docs/PERFORMANCE.md#export).
        const columns = Object.keys(first);
        const key = `${table}(${columns.join(',')})`;
        let statement = insertStatements.get(key);
        if (!statement) {
          statement = context.sqlite.prepare(
            `insert into "${table}" (workspace_id, ${columns.map((column) => `"${column}"`).join(', ')}) values (?${', ?'.repeat(columns.length)})`,
          );
          insertStatements.set(key, statement);
        }
        for (const row of rows) statement.run(workspaceId, ...columns.map((column) => row[column] ?? null));
        return;
      }
      const columns = Math.max(1, Object.keys(rows[0] ?? {}).length + 1);
      await inChunks(
        rows.map((row) => ({ ...row, workspace_id: workspaceId })),
        async (chunk) => {
          await db.insertInto(table).values(chunk).execute();
        },
        Math.max(1, Math.floor(30_000 / columns)),
      );
    },

    /**
     * The dropped indexes built again; on PostgreSQL each id sequence moved past the largest restored id, so
     * new rows do not collide.
     */
    async afterRestore(dropped: readonly string[]): Promise<void> {
      await createInteractionIndexes(context, dropped);
      if (context.sqlite) return;
      for (const table of ID_TABLES)
        await sql`select setval(pg_get_serial_sequence(${table}, 'id'), greatest(coalesce((select max(id) from ${sql.table(table)}), 0), 1))`.execute(
          db,
        );
    },
  };
}
