import { sql, type Selectable } from 'kysely';
import { AppError } from '../domain/errors.js';
import type { IntroductionState } from '../domain/introduction-flow.js';
import type { Direction } from '../domain/interaction.js';
import type { IntroductionsTable } from './database.schema.js';
import type { StoreContext } from './store.js';
import { inChunks } from './query-runner.js';

export interface IntroductionHistoryEntry {
  state: IntroductionState;
  at: number;
  note: string | null;
}

export interface IntroductionRecord {
  id: number;
  personA: number;
  personB: number;
  why: string | null;
  state: IntroductionState;
  stateAt: number;
  /** Every step with its time, the first being `proposed`. */
  history: IntroductionHistoryEntry[];
  createdAt: number;
}

export type LedgerKind = 'help-given' | 'help-received' | 'introduction-made';
export const LEDGER_KINDS: readonly LedgerKind[] = ['help-given', 'help-received', 'introduction-made'];

export interface LedgerEntry {
  personId: number;
  kind: LedgerKind;
  direction: Direction;
  at: number;
  summary: string | null;
  /** `intro` for what an introduction's steps recorded (src/services/introduction.service.ts). */
  channel: string | null;
}

const FINISHED_STATES: readonly IntroductionState[] = ['declined-a', 'declined-b', 'outcome'];

function parseHistory(value: string): IntroductionHistoryEntry[] {
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? (parsed as IntroductionHistoryEntry[]) : [];
  } catch {
    return [];
  }
}

function toRecord(row: Selectable<IntroductionsTable>): IntroductionRecord {
  return {
    id: Number(row.id),
    personA: Number(row.person_a),
    personB: Number(row.person_b),
    why: row.why,
    state: row.state as IntroductionState,
    stateAt: Number(row.state_at),
    history: parseHistory(row.history),
    createdAt: Number(row.created_at),
  };
}

/** The unique index on open pairs (migration 0005) refused the row: SQLite and PostgreSQL say it differently. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

export function createIntroductionRepository(context: StoreContext) {
  const { db, workspaceId } = context;
  const introductions = () =>
    db.selectFrom('introductions').selectAll().where('workspace_id', '=', workspaceId);

  /** The ledger's query (read through the partial index `interactions_ledger`). */
  function ledgerQuery(until: number, personId?: number) {
    let query = db
      .selectFrom('interactions')
      .select(['person_id', 'kind', 'direction', 'at', 'summary', 'channel'])
      .where('workspace_id', '=', workspaceId)
      // The partial index's own predicate (migration 0016), literally: only then can SQLite prove the index
      // applies (with bound parameters it walks every interaction). The range is the index's; the kinds
      // themselves are the ledger's.
      .where(sql<boolean>`kind >= 'help-given' and kind <= 'introduction-made'`)
      .where(sql<boolean>`kind in (${sql.join(LEDGER_KINDS.map((kind) => sql.lit(kind)))})`)
      .where('skipped_reason', 'is', null)
      .where('person_id', 'is not', null)
      .where('at', '<=', until);
    if (personId !== undefined) query = query.where('person_id', '=', personId);
    return query.orderBy('at').orderBy('id');
  }

  return {
    /** Inserts a new introduction; a `conflict` when the pair already has an open one. */
    async insert(record: Omit<IntroductionRecord, 'id'>): Promise<number> {
      try {
        const row = await db
          .insertInto('introductions')
          .values({
            workspace_id: workspaceId,
            person_a: record.personA,
            person_b: record.personB,
            why: record.why,
            state: record.state,
            state_at: record.stateAt,
            history: JSON.stringify(record.history),
            created_at: record.createdAt,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        return Number(row.id);
      } catch (error) {
        if (isUniqueViolation(error))
          throw new AppError('conflict', 'these two already have an open introduction', {
            personA: record.personA,
            personB: record.personB,
          });
        throw error;
      }
    },

    async findById(id: number): Promise<IntroductionRecord | undefined> {
      const row = await introductions().where('id', '=', id).executeTakeFirst();
      return row ? toRecord(row) : undefined;
    },

    /** Every introduction, oldest first. */
    async list(): Promise<IntroductionRecord[]> {
      return (await introductions().orderBy('id').execute()).map(toRecord);
    },

    /** The open introduction of a pair, whichever of the two is A. */
    async openForPair(personA: number, personB: number): Promise<IntroductionRecord | undefined> {
      const row = await introductions()
        .where((eb) =>
          eb.or([
            eb.and([eb('person_a', '=', personA), eb('person_b', '=', personB)]),
            eb.and([eb('person_a', '=', personB), eb('person_b', '=', personA)]),
          ]),
        )
        .where('state', 'not in', FINISHED_STATES)
        .executeTakeFirst();
      return row ? toRecord(row) : undefined;
    },

    /**
     * Moves an introduction on, only if it is still in `expected` (another process may have moved it since
     * it was read); returns whether it did.
     */
    async updateState(
      id: number,
      expected: IntroductionState,
      next: { state: IntroductionState; stateAt: number; history: IntroductionHistoryEntry[] },
    ): Promise<boolean> {
      const result = await db
        .updateTable('introductions')
        .set({ state: next.state, state_at: next.stateAt, history: JSON.stringify(next.history) })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .where('state', '=', expected)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Whether anyone has a need or a goal: without one there is nothing to match, and no network to score. */
    async anyoneSeeking(): Promise<boolean> {
      const row = await db
        .selectFrom('people')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('archived_at', 'is', null)
        // Written as the partial index people_seeking is (migration 0007), so the planner can use it.
        .where(sql<boolean>`(needs != '[]' or goals != '[]')`)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** The group conversations each of the given people is a member of. */
    async groupThreads(personIds: readonly number[]): Promise<Map<number, string[]>> {
      const result = new Map<number, string[]>();
      await inChunks(personIds, async (chunk) => {
        const rows = await db
          .selectFrom('conversation_members')
          .select(['person_id', 'conversation_key'])
          .where('workspace_id', '=', workspaceId)
          .where('person_id', 'in', chunk)
          .execute();
        for (const row of rows) {
          const id = Number(row.person_id);
          const list = result.get(id) ?? [];
          list.push(row.conversation_key);
          result.set(id, list);
        }
      });
      return result;
    },

    ledgerQuery,

    /** Help given and received and introductions made, up to `until`, oldest first (the give/ask ledger). */
    async ledgerEntries(until: number, personId?: number): Promise<LedgerEntry[]> {
      const rows = await ledgerQuery(until, personId).execute();
      return rows.map((row) => ({
        personId: Number(row.person_id),
        kind: row.kind as LedgerKind,
        direction: row.direction as Direction,
        at: Number(row.at),
        summary: row.summary,
        channel: row.channel,
      }));
    },
  };
}

export type IntroductionRepository = ReturnType<typeof createIntroductionRepository>;
