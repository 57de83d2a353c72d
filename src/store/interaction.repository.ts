import { sql, type Selectable } from 'kysely';
import type { Direction, Interaction, InteractionKind, SkipReason } from '../domain/interaction.js';
import type { InteractionsTable } from './database.schema.js';
import { createInteractionIndexes, dropInteractionIndexes } from './interaction-indexes.js';
import { createCounterpartRepository } from './interaction-counterpart.repository.js';
import { inChunks, rowsStatement, type RowsWrite } from './query-runner.js';
import { storedInteractionsChanged, type StoreContext } from './store.js';

export interface NewInteraction {
  personId: number | null;
  kind: InteractionKind;
  direction: Direction;
  at: number;
  channel: string;
  conversationKey: string | null;
  groupSize: number;
  summary: string | null;
  textHash: number | null;
  skippedReason: SkipReason | null;
  source: string;
  sourceKey: number;
  /** `needsNoAnswer(summary)` (closers, nudges, promotion asks) when the parser thread worked it out (a first import's facts read it); not stored. */
  closer?: boolean | null;
}

/** Rows per multi-row INSERT on SQLite: 11 bound values a row, 352 a statement. */
const ROWS_PER_STATEMENT = 32;

// SQLite allows 32,766 bound values per statement, PostgreSQL 65,535; 14 columns × 400 rows stays well below.
const BATCH_ROWS = 400;

/** The columns every row of a batch shares (each imported file's: one kind from one source). */
type SharedColumns = Pick<NewInteraction, 'kind' | 'channel' | 'source'>;

export function toInteraction(row: Selectable<InteractionsTable>): Interaction {
  return {
    id: Number(row.id),
    personId: row.person_id === null ? null : Number(row.person_id),
    kind: row.kind as InteractionKind,
    direction: row.direction as Direction,
    at: Number(row.at),
    channel: row.channel,
    conversationKey: row.conversation_key,
    groupSize: row.group_size,
    summary: row.summary,
    skippedReason: row.skipped_reason as SkipReason | null,
    source: row.source,
  };
}

export function createInteractionRepository(context: StoreContext) {
  const { db, workspaceId } = context;
  const edited = () => storedInteractionsChanged(context);

  /**
   * The one insert of interactions, built in Kysely: rows whose source key is new (known keys are left as
   * they are). `shared` columns are written into the statement as constants. SQLite's plain DO NOTHING
   * needs no unique index (a first import builds it after the rows); PostgreSQL's needs the target.
   */
  function insertWrite(shared: SharedColumns | null, now: number) {
    const build = (rows: readonly NewInteraction[]) =>
      db
        .insertInto('interactions')
        .values(
          rows.map((row) => ({
            workspace_id: workspaceId,
            person_id: row.personId,
            kind: shared ? sql.lit(shared.kind) : row.kind,
            direction: row.direction,
            at: row.at,
            channel: shared ? sql.lit(shared.channel) : row.channel,
            conversation_key: row.conversationKey,
            group_size: row.groupSize,
            summary: row.summary,
            text_hash: row.textHash,
            skipped_reason: row.skippedReason,
            source: shared ? sql.lit(shared.source) : row.source,
            source_key: row.sourceKey,
            created_at: now,
          })),
        )
        .onConflict((conflict) =>
          context.dialect === 'sqlite'
            ? conflict.doNothing()
            : conflict.columns(['workspace_id', 'source_key']).doNothing(),
        );
    // The same values in the order `build` binds them (checked by rowsStatement when it compiles).
    const bind = shared
      ? (row: NewInteraction, into: unknown[]) => {
          into.push(
            workspaceId,
            row.personId,
            row.direction,
            row.at,
            row.conversationKey,
            row.groupSize,
            row.summary,
            row.textHash,
            row.skippedReason,
            row.sourceKey,
            now,
          );
        }
      : (row: NewInteraction, into: unknown[]) => {
          into.push(
            workspaceId,
            row.personId,
            row.kind,
            row.direction,
            row.at,
            row.channel,
            row.conversationKey,
            row.groupSize,
            row.summary,
            row.textHash,
            row.skippedReason,
            row.source,
            row.sourceKey,
            now,
          );
        };
    const key = shared ? `interactions:${shared.kind}|${shared.channel}|${shared.source}` : 'interactions';
    return { key, build, bind } satisfies RowsWrite<NewInteraction>;
  }

  return {
    /**
     * Inserts rows whose source key is new; returns how many were added (known keys are left as they are).
     * `ids`, when given, gets each row's id where it is known (every row of a statement inserted), else -1.
     */
    async insertMany(rows: readonly NewInteraction[], now: number, ids?: number[]): Promise<number> {
      let added = 0;
      const first = rows[0];
      // A batch of one kind from one source (every imported file): those three columns are written into
      // the statement instead of being bound on every row (a fifth less time). Only tend's own constants,
      // never a time or an id: the prepared statements are kept for the connection's life.
      const shared =
        first !== undefined &&
        rows.every(
          (row) => row.kind === first.kind && row.channel === first.channel && row.source === first.source,
        )
          ? { kind: first.kind, channel: first.channel, source: first.source }
          : null;
      const write = insertWrite(shared, now);
      if (context.sqlite) {
        // Many rows per statement, prepared once (docs/PERFORMANCE.md#prepared-statements).
        const many = rowsStatement(context.sqlite, write, ROWS_PER_STATEMENT);
        const one = rowsStatement(context.sqlite, write, 1);
        const values: unknown[] = [];
        const insert = (from: number, count: number) => {
          values.length = 0;
          for (let index = from; index < from + count; index++)
            write.bind(rows[index] as NewInteraction, values);
          const result = (count === 1 ? one : many).run(values);
          added += result.changes;
          if (ids) {
            // One statement's rows get consecutive ids (no other writer inside the transaction).
            const first = Number(result.lastInsertRowid) - count + 1;
            for (let k = 0; k < count; k++) ids[from + k] = result.changes === count ? first + k : -1;
          }
        };
        let start = 0;
        for (; start + ROWS_PER_STATEMENT <= rows.length; start += ROWS_PER_STATEMENT)
          insert(start, ROWS_PER_STATEMENT);
        for (; start < rows.length; start++) insert(start, 1);
        return added;
      }
      if (ids) for (let index = 0; index < rows.length; index++) ids[index] = -1;
      await inChunks(
        rows,
        async (batch) => {
          const result = await write.build(batch).executeTakeFirst();
          added += Number(result.numInsertedOrUpdatedRows ?? 0);
        },
        BATCH_ROWS,
      );
      return added;
    },

    async knownSourceKeys(keys: readonly number[]): Promise<Set<number>> {
      const rows = await inChunks(keys, (chunk) =>
        db
          .selectFrom('interactions')
          .select('source_key')
          .where('workspace_id', '=', workspaceId)
          .where('source_key', 'in', chunk)
          .execute(),
      );
      return new Set(rows.map((row) => Number(row.source_key)));
    },

    /** Messages of the same person and direction within a time window, for recognising re-exported ones. */
    async findNear(personId: number | null, direction: string, from: number, to: number) {
      let query = db
        .selectFrom('interactions')
        .select(['id', 'at', 'text_hash'])
        .where('workspace_id', '=', workspaceId)
        .where('direction', '=', direction)
        .where('at', '>=', from)
        .where('at', '<=', to);
      query =
        personId === null ? query.where('person_id', 'is', null) : query.where('person_id', '=', personId);
      const rows = await query.execute();
      return rows.map((row) => ({
        id: Number(row.id),
        at: Number(row.at),
        textHash: row.text_hash === null ? null : Number(row.text_hash),
      }));
    },

    ...createCounterpartRepository(context),

    async updateTime(id: number, at: number): Promise<void> {
      edited();
      await db
        .updateTable('interactions')
        .set({ at })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },

    async findById(id: number): Promise<Interaction | undefined> {
      const row = await db
        .selectFrom('interactions')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toInteraction(row) : undefined;
    },

    /** Removes one interaction (`tend unlog`); imported rows are not removed this way. */
    async deleteById(id: number): Promise<void> {
      edited();
      await db
        .deleteFrom('interactions')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },

    /** Whether no workspace has any interaction: then indexes can be built after a bulk insert. */
    async tableIsEmpty(): Promise<boolean> {
      const row = await db.selectFrom('interactions').select('id').limit(1).executeTakeFirst();
      return row === undefined;
    },

    /** Drops the interaction indexes until `restore()`; only for an empty table (see interaction-indexes.ts). */
    async suspendIndexes(): Promise<{ restore(): Promise<void> }> {
      // PostgreSQL's ON CONFLICT needs the unique index to exist; SQLite's plain DO NOTHING does not.
      const dropped = await dropInteractionIndexes(context, context.dialect === 'sqlite');
      return { restore: () => createInteractionIndexes(context, dropped) };
    },

    /** Whether the workspace has any interaction at all (a first import can take the bulk path). */
    async isEmpty(): Promise<boolean> {
      const row = await db
        .selectFrom('interactions')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .limit(1)
        .executeTakeFirst();
      return row === undefined;
    },

    /** A person's timeline, newest first: their own interactions and group threads they took part in. */
    async timeline(personId: number, limit = 200): Promise<Interaction[]> {
      // Two indexed queries merged, not one OR: SQLite cannot use an index for the OR and scans the table.
      const own = await db
        .selectFrom('interactions')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('person_id', '=', personId)
        .orderBy('at', 'desc')
        .limit(limit)
        .execute();
      const conversations = await db
        .selectFrom('conversation_members')
        .select('conversation_key')
        .where('workspace_id', '=', workspaceId)
        .where('person_id', '=', personId)
        .execute();
      const group =
        conversations.length === 0
          ? []
          : await db
              .selectFrom('interactions')
              .selectAll()
              .where('workspace_id', '=', workspaceId)
              .where('group_size', '>', 2)
              // A meeting has a row of its own for each attendee (each is met): theirs are not this person's.
              .where('kind', '!=', 'meeting')
              .where(
                'conversation_key',
                'in',
                conversations.map((row) => row.conversation_key),
              )
              .orderBy('at', 'desc')
              .limit(limit)
              .execute();
      const byId = new Map([...own, ...group].map((row) => [row.id, row]));
      return [...byId.values()]
        .sort((a, b) => Number(b.at) - Number(a.at) || Number(b.id) - Number(a.id))
        .slice(0, limit)
        .map(toInteraction);
    },

    /** The newest counted interaction per person (skipped messages do not count). */
    async lastInteractionTimes(personIds: readonly number[]): Promise<Map<number, number>> {
      const result = new Map<number, number>();
      if (personIds.length === 0) return result;
      let query = db
        .selectFrom('interactions')
        .select((eb) => ['person_id', eb.fn.max('at').as('last')])
        .where('workspace_id', '=', workspaceId)
        .where('skipped_reason', 'is', null)
        .where('person_id', 'is not', null)
        .groupBy('person_id');
      if (personIds.length <= 500) query = query.where('person_id', 'in', personIds);
      for (const row of await query.execute()) result.set(Number(row.person_id), Number(row.last));
      return result;
    },

    async addConversationMembers(
      rows: ReadonlyArray<{ conversationKey: string; personId: number }>,
    ): Promise<void> {
      // 3 values a row: 2,000 rows a statement.
      await inChunks(
        rows,
        async (chunk) => {
          await db
            .insertInto('conversation_members')
            .values(
              chunk.map((row) => ({
                workspace_id: workspaceId,
                conversation_key: row.conversationKey,
                person_id: row.personId,
              })),
            )
            .onConflict((conflict) => conflict.doNothing())
            .execute();
        },
        2000,
      );
    },
  };
}

export type InteractionRepository = ReturnType<typeof createInteractionRepository>;
