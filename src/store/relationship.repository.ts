import {
  factsIndexOf,
  type EngineInteraction,
  type RelationshipFacts,
} from '../domain/relationship-facts.js';
import type { Direction, InteractionKind } from '../domain/interaction.js';
import type { AgendaPerson } from '../domain/agenda.js';
import { isCloser } from '../domain/closers.js';
import { ENGINE_COLUMNS, SHORT_TEXT_SQL, toEngine } from './engine-rows.js';
import type { Circle, ConnectionState } from '../domain/person.js';
import { decodeFacts, encodeFacts } from './facts-codec.js';
import { listOf } from './person.repository.js';
import { prepared } from './sqlite-statements.js';
import type { StoreContext } from './store.js';
import type { CompiledQuery, JoinBuilder } from 'kysely';
import type { Database } from './database.schema.js';

const SCAN_BATCH = 2_000;
/** Of a cited message, enough for the longest quote a suggestion makes (domain/suggestions.ts snippet). */
const SNIPPET_CHARS = 200;

/** What health reads (relationship.repository healthRows; recomputed in memory for an earlier `--now`). */
export interface HealthRows {
  connections: number;
  archived: number;
  circles: Record<string, number>;
  /** Connections made since the bound, with my first message after connecting. */
  recent: Array<{ connectedAt: number; firstFromMeAt: number | null }>;
  /** Connections with a two-way exchange; facts only for those whose last exchange is recent enough to score. */
  conversed: Array<{
    person: {
      id: number;
      connectedAt: number | null;
      strengthFloor: number | null;
      strengthOverride: number | null;
    };
    lastExchangeAt: number;
    facts: RelationshipFacts | null;
  }>;
}

/** A person who may have an agenda item: as the agenda reads them, their scoring settings and their facts. */
export interface AgendaCandidateRow {
  person: AgendaPerson;
  scoring: ScoringColumns;
  facts: RelationshipFacts | null;
}

const AGENDA_COLUMNS = [
  'people.id',
  'people.display_name',
  'people.company',
  'people.position',
  'people.how_met',
  'people.needs',
  'people.offers',
  'people.goals',
  'people.circle',
  'people.connection_state',
  'people.connected_at',
  'people.do_not_contact',
  'people.archived_at',
  'people.strength_floor',
  'people.strength_override',
] as const;

/**
 * A query's rows as arrays in the order of its columns: on SQLite straight from a prepared statement in raw
 * mode (no object per row), elsewhere from the rows' values.
 */
async function rowsOf(
  context: StoreContext,
  query: { compile(): CompiledQuery; execute(): Promise<Array<Record<string, unknown>>> },
): Promise<unknown[][]> {
  if (context.sqlite) {
    const compiled = query.compile();
    return prepared(context.sqlite, compiled.sql).raw(true).all(compiled.parameters) as unknown[][];
  }
  return (await query.execute()).map((row) => Object.values(row));
}

/**
 * The join of a person's row and their stats: same id and same workspace (workspace_id is the future
 * distribution key, so joins carry it).
 */
function samePerson(join: JoinBuilder<Database, 'people' | 'person_stats'>) {
  return join
    .onRef('person_stats.person_id', '=', 'people.id')
    .onRef('person_stats.workspace_id', '=', 'people.workspace_id');
}

/** A person's own settings that scoring reads (not the rest of their record). */
export interface ScoringColumns {
  id: number;
  connectedAt: number | null;
  strengthFloor: number | null;
  strengthOverride: number | null;
}

/** A connection's own columns that health reads when it recomputes (an earlier `--now`). */
export interface ConnectionRow {
  id: number;
  connectedAt: number | null;
  circle: string | null;
  archived: boolean;
  strengthFloor: number | null;
  strengthOverride: number | null;
}

/** Ids per `in (…)` list: far below both databases' limits on bound values. */
const IN_LIST = 900;

const STAT_COLUMNS = [
  'workspace_id',
  'person_id',
  'facts',
  'updated_at',
  'exchange_count',
  'first_exchange_at',
  'last_exchange_at',
  'last_in_at',
  'unanswered_days',
  'unanswered_first_at',
  'records',
  'first_from_me_at',
  'last_interaction_at',
  'help_given',
  'help_received',
  'introductions',
  'intensity_key',
] as const;

/**
 * What the relationship engine reads (interactions without their text, group members, known ties) and the
 * per-person facts it keeps.
 */
export function createRelationshipRepository(context: StoreContext) {
  const { db, workspaceId } = context;

  return {
    /**
     * Every interaction, in batches and in no particular order (the facts builder groups them): the
     * embedded database streams rows from a prepared statement, PostgreSQL pages through them by id.
     */
    async *scanInteractions(): AsyncGenerator<EngineInteraction[]> {
      if (context.sqlite) {
        const statement = prepared(
          context.sqlite,
          `select id, person_id, kind, direction, at, channel, conversation_key, group_size, skipped_reason is not null, ${SHORT_TEXT_SQL}
             from interactions where workspace_id = ?`,
        ).raw(true);
        let batch: EngineInteraction[] = [];
        for (const row of statement.iterate(workspaceId) as Iterable<unknown[]>) {
          batch.push({
            id: row[0] as number,
            personId: row[1] as number | null,
            kind: row[2] as InteractionKind,
            direction: row[3] as Direction,
            at: row[4] as number,
            channel: row[5] as string,
            conversationKey: row[6] as string | null,
            groupSize: row[7] as number,
            summary: null,
            skipped: row[8] === 1,
            closer: isCloser(row[9] as string | null),
          });
          if (batch.length === SCAN_BATCH) {
            yield batch;
            batch = [];
          }
        }
        if (batch.length > 0) yield batch;
        return;
      }
      for (let after = -1; ;) {
        const rows = await db
          .selectFrom('interactions')
          .select(ENGINE_COLUMNS)
          .where('workspace_id', '=', workspaceId)
          .where('id', '>', after)
          .orderBy('id')
          .limit(SCAN_BATCH)
          .execute();
        if (rows.length === 0) return;
        yield rows.map(toEngine);
        after = Number(rows[rows.length - 1]?.id ?? after);
      }
    },

    /** A person's own interactions and every message of the group threads they are in. */
    async interactionsAround(personId: number): Promise<EngineInteraction[]> {
      const rows = await db
        .selectFrom('interactions')
        .select(ENGINE_COLUMNS)
        .where('workspace_id', '=', workspaceId)
        .where((eb) =>
          eb.or([
            eb('person_id', '=', personId),
            eb.and([
              eb('group_size', '>', 2),
              eb(
                'conversation_key',
                'in',
                eb
                  .selectFrom('conversation_members')
                  .select('conversation_key')
                  .where('workspace_id', '=', workspaceId)
                  .where('person_id', '=', personId),
              ),
            ]),
          ]),
        )
        .execute();
      return rows.map(toEngine);
    },

    /** The beginning of these messages' texts (suggestions quote at most 90 characters of them). */
    async summaries(ids: readonly number[]): Promise<Map<number, string | null>> {
      const result = new Map<number, string | null>();
      for (let start = 0; start < ids.length; start += IN_LIST) {
        const rows = await db
          .selectFrom('interactions')
          .select((eb) => [
            'id',
            eb.fn<string | null>('substr', ['summary', eb.lit(1), eb.lit(SNIPPET_CHARS)]).as('summary'),
          ])
          // By primary key alone: with workspace_id the planner may pick a workspace-prefixed index and scan.
          .where('id', 'in', ids.slice(start, start + IN_LIST))
          .execute();
        for (const row of rows) result.set(Number(row.id), row.summary);
      }
      return result;
    },

    async groupMembers(personId?: number): Promise<Map<string, number[]>> {
      let query = db
        .selectFrom('conversation_members')
        .select(['conversation_key', 'person_id'])
        .where('workspace_id', '=', workspaceId);
      if (personId !== undefined) {
        query = query.where(
          'conversation_key',
          'in',
          db
            .selectFrom('conversation_members')
            .select('conversation_key')
            .where('workspace_id', '=', workspaceId)
            .where('person_id', '=', personId),
        );
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

    /** Facts as JSON beside their index columns; `replaceAll` drops everyone else's first. */
    async saveFacts(facts: Iterable<RelationshipFacts>, now: number, replaceAll: boolean): Promise<void> {
      if (replaceAll) await db.deleteFrom('person_stats').where('workspace_id', '=', workspaceId).execute();
      const rowOf = (entry: RelationshipFacts) => {
        const index = factsIndexOf(entry);
        return {
          workspace_id: workspaceId,
          person_id: entry.personId,
          facts: encodeFacts(entry),
          updated_at: now,
          exchange_count: index.exchangeCount,
          first_exchange_at: index.firstExchangeAt,
          last_exchange_at: index.lastExchangeAt,
          last_in_at: index.lastInAt,
          unanswered_days: index.unansweredDays,
          unanswered_first_at: index.unansweredFirstAt,
          records: index.records,
          first_from_me_at: index.firstFromMeAt,
          last_interaction_at: index.lastInteractionAt,
          help_given: index.helpGiven,
          help_received: index.helpReceived,
          introductions: index.introductions,
          intensity_key: index.intensityKey,
        };
      };
      if (context.sqlite) {
        const statement = prepared(
          context.sqlite,
          `insert or replace into person_stats (${STAT_COLUMNS.join(', ')}) values (${STAT_COLUMNS.map(() => '?').join(', ')})`,
        );
        for (const entry of facts) {
          const row = rowOf(entry);
          statement.run(...STAT_COLUMNS.map((column) => row[column]));
        }
        return;
      }
      let batch: ReturnType<typeof rowOf>[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        await db
          .insertInto('person_stats')
          .values(batch)
          .onConflict((conflict) =>
            conflict
              .columns(['workspace_id', 'person_id'])
              .doUpdateSet((eb) =>
                Object.fromEntries(
                  STAT_COLUMNS.filter((column) => column !== 'workspace_id' && column !== 'person_id').map(
                    (column) => [column, eb.ref(`excluded.${column}`)],
                  ),
                ),
              ),
          )
          .execute();
        batch = [];
      };
      for (const entry of facts) {
        batch.push(rowOf(entry));
        if (batch.length >= 500) await flush();
      }
      await flush();
    },

    async loadFacts(personIds?: readonly number[]): Promise<Map<number, RelationshipFacts>> {
      const result = new Map<number, RelationshipFacts>();
      const query = () =>
        db.selectFrom('person_stats').select(['person_id', 'facts']).where('workspace_id', '=', workspaceId);
      const add = (rows: Array<{ person_id: number; facts: string }>) => {
        for (const row of rows) result.set(Number(row.person_id), decodeFacts(row.facts));
      };
      if (!personIds) {
        add(await query().execute());
        return result;
      }
      for (let start = 0; start < personIds.length; start += IN_LIST)
        add(
          await query()
            .where('person_id', 'in', personIds.slice(start, start + IN_LIST))
            .execute(),
        );
      return result;
    },

    /**
     * The intensity key at the 95th percentile of people with any decayed activity (the ego reference,
     * docs/rules/exchanges-and-strength.md#ego-reference). Keys order people the same at every later instant
     * (domain intensityKey).
     */
    async intensityReferenceKey(): Promise<number | null> {
      const stats = () =>
        db
          .selectFrom('person_stats')
          .where('workspace_id', '=', workspaceId)
          .where('intensity_key', 'is not', null);
      const counted = await stats()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const n = Number(counted.n);
      if (n === 0) return null;
      const row = await stats()
        .select('intensity_key')
        .orderBy('intensity_key')
        .limit(1)
        .offset(Math.min(n - 1, Math.ceil(0.95 * n) - 1))
        .executeTakeFirst();
      return row?.intensity_key ?? null;
    },

    /**
     * People who may have a care item at `now` (a superset: the agenda rules decide). Bounds are instants
     * with slack either side (the caller's), so calendar days in any zone stay inside them.
     */
    async agendaCandidates(bounds: {
      connectedFrom: number;
      now: number;
      lastInFrom: number;
      unansweredBefore: number;
      reviveBefore: number;
    }): Promise<AgendaCandidateRow[]> {
      // Two selections with their people and facts, not one OR across a join; only the columns the agenda
      // reads (docs/PERFORMANCE.md#agenda-selection).
      const fromStats = db
        .selectFrom('person_stats')
        .innerJoin('people', samePerson)
        .select(AGENDA_COLUMNS)
        .select('person_stats.facts')
        .where('person_stats.workspace_id', '=', workspaceId)
        .where((eb) =>
          eb.or([
            eb('person_stats.last_in_at', '>=', bounds.lastInFrom),
            eb.and([
              eb('person_stats.exchange_count', '>', 0),
              eb('person_stats.unanswered_days', '>=', 2),
              eb('person_stats.unanswered_first_at', '<=', bounds.unansweredBefore),
            ]),
            eb.and([
              eb('person_stats.exchange_count', '>=', 3),
              eb('person_stats.last_exchange_at', '<=', bounds.reviveBefore),
            ]),
          ]),
        );
      const fromPeople = db
        .selectFrom('people')
        .leftJoin('person_stats', samePerson)
        .select(AGENDA_COLUMNS)
        .select('person_stats.facts')
        .where('people.workspace_id', '=', workspaceId)
        .where((eb) =>
          eb.or([
            eb.and([
              eb('people.connection_state', '=', 'connected'),
              eb('people.connected_at', '>=', bounds.connectedFrom),
              eb('people.connected_at', '<=', bounds.now),
            ]),
            eb('people.circle', 'is not', null),
          ]),
        );
      const found = new Map<number, AgendaCandidateRow>();
      // Rows as arrays (the columns of AGENDA_COLUMNS, then the facts): several thousand rows of sixteen
      // columns, read without building an object per row first.
      for (const row of [...(await rowsOf(context, fromStats)), ...(await rowsOf(context, fromPeople))]) {
        const id = Number(row[0]);
        if (found.has(id)) continue;
        const connectedAt = row[10] === null ? null : Number(row[10]);
        const facts = row[15] as string | null;
        found.set(id, {
          person: {
            id,
            name: row[1] as string,
            company: row[2] as string | null,
            position: row[3] as string | null,
            howMet: row[4] as string | null,
            needs: listOf(row[5] as string),
            offers: listOf(row[6] as string),
            goals: listOf(row[7] as string),
            circle: row[8] as Circle | null,
            connectionState: row[9] as ConnectionState,
            connectedAt,
            doNotContact: row[11] === 1,
            archived: row[12] !== null,
          },
          scoring: {
            id,
            connectedAt,
            strengthFloor: row[13] as number | null,
            strengthOverride: row[14] as number | null,
          },
          facts: facts === null ? null : decodeFacts(facts),
        });
      }
      return [...found.values()];
    },

    /**
     * Everyone with a two-way exchange at or after `from` — the only people whose band can be above
     * dormant — with what scoring needs of them, in one read.
     */
    async activeScoring(from: number): Promise<Array<{ person: ScoringColumns; facts: RelationshipFacts }>> {
      const rows = await db
        .selectFrom('person_stats')
        .innerJoin('people', samePerson)
        .select([
          'people.id',
          'people.connected_at',
          'people.strength_floor',
          'people.strength_override',
          'person_stats.facts',
        ])
        .where('person_stats.workspace_id', '=', workspaceId)
        .where('person_stats.last_exchange_at', '>=', from)
        .execute();
      return rows.map((row) => ({
        person: {
          id: Number(row.id),
          connectedAt: row.connected_at === null ? null : Number(row.connected_at),
          strengthFloor: row.strength_floor,
          strengthOverride: row.strength_override,
        },
        facts: decodeFacts(row.facts),
      }));
    },

    /** What scoring needs of these people (their settings), lean. */
    async scoringColumns(ids: readonly number[]): Promise<ScoringColumns[]> {
      const found: ScoringColumns[] = [];
      for (let start = 0; start < ids.length; start += IN_LIST) {
        const rows = await db
          .selectFrom('people')
          .select(['id', 'connected_at', 'strength_floor', 'strength_override'])
          .where('workspace_id', '=', workspaceId)
          .where('id', 'in', ids.slice(start, start + IN_LIST))
          .execute();
        for (const row of rows)
          found.push({
            id: Number(row.id),
            connectedAt: row.connected_at === null ? null : Number(row.connected_at),
            strengthFloor: row.strength_floor,
            strengthOverride: row.strength_override,
          });
      }
      return found;
    },

    /** Every connection with its own columns (the stats come from recomputed facts: an earlier `--now`). */
    async connectionRows(): Promise<ConnectionRow[]> {
      const people = await db
        .selectFrom('people')
        .select(['id', 'connected_at', 'circle', 'archived_at', 'strength_floor', 'strength_override'])
        .where('workspace_id', '=', workspaceId)
        .where('connection_state', '=', 'connected')
        .execute();
      return people.map((row) => ({
        id: Number(row.id),
        connectedAt: row.connected_at === null ? null : Number(row.connected_at),
        circle: row.circle,
        archived: row.archived_at !== null,
        strengthFloor: row.strength_floor,
        strengthOverride: row.strength_override,
      }));
    },

    /**
     * What `tend health` needs, aggregated where the rows are: totals and circles counted in SQL, and rows
     * only for recent connections and for connections with an exchange (facts only for the active ones).
     */
    async healthRows(bounds: { recentFrom: number; activeFrom: number }): Promise<HealthRows> {
      const connected = () =>
        db
          .selectFrom('people')
          .where('workspace_id', '=', workspaceId)
          .where('connection_state', '=', 'connected');
      const totals = await connected()
        .select((eb) => [
          eb.fn.countAll<number>().as('connections'),
          eb.fn.count<number>('archived_at').as('archived'),
        ])
        .executeTakeFirstOrThrow();
      const circles = await connected()
        .select((eb) => ['circle', eb.fn.countAll<number>().as('n')])
        .where('circle', 'is not', null)
        .groupBy('circle')
        .execute();
      const recent = await db
        .selectFrom('people')
        .leftJoin('person_stats', samePerson)
        .select(['people.connected_at', 'person_stats.first_from_me_at'])
        .where('people.workspace_id', '=', workspaceId)
        .where('people.connection_state', '=', 'connected')
        .where('people.connected_at', '>=', bounds.recentFrom)
        .execute();
      const conversed = await db
        .selectFrom('person_stats')
        .innerJoin('people', samePerson)
        .select((eb) => [
          'people.id',
          'people.connected_at',
          'people.strength_floor',
          'people.strength_override',
          'person_stats.last_exchange_at',
          eb
            .case()
            .when('person_stats.last_exchange_at', '>=', bounds.activeFrom)
            .then(eb.ref('person_stats.facts'))
            .else(null)
            .end()
            .as('facts'),
        ])
        .where('person_stats.workspace_id', '=', workspaceId)
        .where('person_stats.exchange_count', '>', 0)
        .where('people.connection_state', '=', 'connected')
        .execute();
      return {
        connections: Number(totals.connections),
        archived: Number(totals.archived),
        circles: Object.fromEntries(circles.map((row) => [row.circle ?? '', Number(row.n)])),
        recent: recent.map((row) => ({
          connectedAt: Number(row.connected_at),
          firstFromMeAt: row.first_from_me_at === null ? null : Number(row.first_from_me_at),
        })),
        conversed: conversed.map((row) => ({
          person: {
            id: Number(row.id),
            connectedAt: row.connected_at === null ? null : Number(row.connected_at),
            strengthFloor: row.strength_floor,
            strengthOverride: row.strength_override,
          },
          lastExchangeAt: Number(row.last_exchange_at),
          facts: row.facts === null ? null : decodeFacts(row.facts),
        })),
      };
    },

    /** Help given and received and introductions made, over everyone. */
    async giveAskTotals(): Promise<{ given: number; received: number; introductions: number }> {
      const row = await db
        .selectFrom('person_stats')
        .select((eb) => [
          eb.fn.sum<number>('help_given').as('given'),
          eb.fn.sum<number>('help_received').as('received'),
          eb.fn.sum<number>('introductions').as('introductions'),
        ])
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirst();
      return {
        given: Number(row?.given ?? 0),
        received: Number(row?.received ?? 0),
        introductions: Number(row?.introductions ?? 0),
      };
    },

    /** Connections made before `connectedBefore` with no record of any kind and nothing the user set. */
    async pruneCandidateIds(connectedBefore: number, checkRecords: boolean): Promise<number[]> {
      let query = db
        .selectFrom('people')
        .leftJoin('person_stats', samePerson)
        .select('people.id')
        .where('people.workspace_id', '=', workspaceId)
        .where('people.connection_state', '=', 'connected')
        .where('people.archived_at', 'is', null)
        .where('people.connected_at', '<=', connectedBefore)
        .where('people.circle', 'is', null)
        .where('people.tags', '=', '[]')
        .where('people.notes', 'is', null)
        .where('people.imported_notes', 'is', null);
      if (checkRecords)
        query = query.where((eb) =>
          eb.or([eb('person_stats.records', 'is', null), eb('person_stats.records', '=', 0)]),
        );
      return (await query.execute()).map((row) => Number(row.id));
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

export type RelationshipRepository = ReturnType<typeof createRelationshipRepository>;
