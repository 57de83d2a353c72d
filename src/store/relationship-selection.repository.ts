import type { AgendaPerson } from '../domain/agenda.js';
import type { Circle, ConnectionState } from '../domain/person.js';
import type { RelationshipFacts } from '../domain/relationship-facts.js';
import { sql, type JoinBuilder } from 'kysely';
import type { Database, PeopleTable } from './database.schema.js';
import { decodeFacts } from './facts-codec.js';
import { listOf } from './person.repository.js';
import { inChunks, iterateRows, rowsOf } from './query-runner.js';
import type { StoreContext } from './store.js';

/** What health reads (relationship.repository healthRows; recomputed in memory for an earlier `--now`). */
export interface HealthRows {
  connections: number;
  archived: number;
  circles: Record<string, number>;
  /** Connections made since the bound, with my first message after connecting. */
  recent: Array<{ connectedAt: number; firstFromMeAt: number | null }>;
  /** How many connections have a two-way exchange (each was handed to the caller as a ConversedRow). */
  conversed: number;
}

/** A connection with a two-way exchange; facts only when their last exchange is recent enough to score. */
export interface ConversedRow {
  person: ScoringColumns;
  lastExchangeAt: number;
  facts: RelationshipFacts | null;
}

/** A person who may have an agenda item: as the agenda reads them, their scoring settings and their facts. */
export interface AgendaCandidateRow {
  person: AgendaPerson;
  /** The normalised name: people tend keeps apart who may be one person share it (possibly-same-people.ts). */
  nameKey: string;
  scoring: ScoringColumns;
  facts: RelationshipFacts | null;
}

const AGENDA_COLUMNS = [
  'people.id',
  'people.display_name',
  'people.name_key',
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

/** A row of AGENDA_COLUMNS with the person's stored facts (null without stats). */
type AgendaRow = Pick<
  PeopleTable,
  | 'display_name'
  | 'name_key'
  | 'company'
  | 'position'
  | 'how_met'
  | 'needs'
  | 'offers'
  | 'goals'
  | 'circle'
  | 'connection_state'
  | 'connected_at'
  | 'do_not_contact'
  | 'archived_at'
  | 'strength_floor'
  | 'strength_override'
> & { id: number; facts: string | null };

/** A row of AGENDA_COLUMNS and the person's stored facts, as the agenda reads it. */
function candidateOf(row: AgendaRow): AgendaCandidateRow {
  const id = Number(row.id);
  const connectedAt = row.connected_at === null ? null : Number(row.connected_at);
  return {
    person: {
      id,
      name: row.display_name,
      company: row.company,
      position: row.position,
      howMet: row.how_met,
      needs: listOf(row.needs),
      offers: listOf(row.offers),
      goals: listOf(row.goals),
      circle: row.circle as Circle | null,
      connectionState: row.connection_state as ConnectionState,
      connectedAt,
      doNotContact: row.do_not_contact === 1,
      archived: row.archived_at !== null,
    },
    nameKey: row.name_key,
    scoring: {
      id,
      connectedAt,
      strengthFloor: row.strength_floor,
      strengthOverride: row.strength_override,
    },
    facts: row.facts === null ? null : decodeFacts(row.facts),
  };
}

/** The people the agenda, scoring, health and prune select, with what each of them reads. */
export function createRelationshipSelectionRepository(context: StoreContext) {
  const { db, workspaceId } = context;

  return {
    /**
     * People who may have a care item at `now` (a superset: the agenda rules decide). Bounds are instants
     * with slack either side (the caller's), so calendar days in any zone stay inside them.
     */
    async agendaCandidates(
      bounds: {
        connectedFrom: number;
        now: number;
        lastInFrom: number;
        unansweredBefore: number;
        reviveBefore: number;
      },
      /**
       * Each person in turn, on the embedded database as their row is read (none is kept, so rows and facts
       * die young: docs/PERFORMANCE.md#agenda-stream); without it, all of them returned.
       */
      onRow?: (row: AgendaCandidateRow) => void,
    ): Promise<AgendaCandidateRow[]> {
      // Selections with their people and facts, not one OR across a join; only the columns the agenda reads;
      // each condition through its own index, its constants written in so the partial indexes' conditions
      // match (docs/PERFORMANCE.md#agenda-selection, migrations/0011-agenda-indexes).
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
              eb('person_stats.exchange_count', '>', sql.lit(0)),
              eb('person_stats.unanswered_days', '>=', sql.lit(2)),
              eb('person_stats.unanswered_first_at', '<=', bounds.unansweredBefore),
            ]),
            eb.and([
              eb('person_stats.exchange_count', '>=', sql.lit(3)),
              eb('person_stats.last_exchange_at', '<=', bounds.reviveBefore),
            ]),
          ]),
        );
      const people = db
        .selectFrom('people')
        .leftJoin('person_stats', samePerson)
        .select(AGENDA_COLUMNS)
        .select('person_stats.facts')
        .where('people.workspace_id', '=', workspaceId);
      const connectedLately = people
        .where('people.connection_state', '=', 'connected')
        .where('people.connected_at', '>=', bounds.connectedFrom)
        .where('people.connected_at', '<=', bounds.now);
      const circled = people.where('people.circle', 'is not', null);
      const seen = new Set<number>();
      const found: AgendaCandidateRow[] = [];
      for (const query of [fromStats, connectedLately, circled]) {
        const rows = context.sqlite ? iterateRows(context.sqlite, query) : await query.execute();
        for (const row of rows) {
          const id = Number(row.id);
          if (seen.has(id)) continue;
          seen.add(id);
          const candidate = candidateOf(row);
          if (onRow) onRow(candidate);
          else found.push(candidate);
        }
      }
      return found;
    },

    /**
     * These people as the agenda reads them, whatever their facts say: one person's items (`tend show`)
     * come from the same rules as the day's agenda without reading everyone else's.
     */
    async agendaRows(personIds: readonly number[]): Promise<AgendaCandidateRow[]> {
      const rows = await inChunks(personIds, (chunk) =>
        rowsOf(
          context,
          db
            .selectFrom('people')
            .leftJoin('person_stats', samePerson)
            .select(AGENDA_COLUMNS)
            .select('person_stats.facts')
            .where('people.workspace_id', '=', workspaceId)
            .where('people.id', 'in', chunk),
        ),
      );
      return rows.map(candidateOf);
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
      const rows = await inChunks(ids, (chunk) =>
        db
          .selectFrom('people')
          .select(['id', 'connected_at', 'strength_floor', 'strength_override'])
          .where('workspace_id', '=', workspaceId)
          .where('id', 'in', chunk)
          .execute(),
      );
      return rows.map((row) => ({
        id: Number(row.id),
        connectedAt: row.connected_at === null ? null : Number(row.connected_at),
        strengthFloor: row.strength_floor,
        strengthOverride: row.strength_override,
      }));
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
    async healthRows(
      bounds: { recentFrom: number; activeFrom: number },
      /**
       * Each conversed connection in turn, on the embedded database as its row is read: none is kept, so
       * their facts die young instead of filling the heap (docs/PERFORMANCE.md#health).
       */
      onConversed: (row: ConversedRow) => void,
    ): Promise<HealthRows> {
      // Totals and circles in one scan: a group per circle (and one without), summed here.
      const groups = await db
        .selectFrom('people')
        .select((eb) => [
          'circle',
          eb.fn.countAll<number>().as('n'),
          eb.fn.count<number>('archived_at').as('archived'),
        ])
        .where('workspace_id', '=', workspaceId)
        .where('connection_state', '=', 'connected')
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
      const conversedQuery = db
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
        .where('people.connection_state', '=', 'connected');
      let conversed = 0;
      const rows = context.sqlite
        ? iterateRows(context.sqlite, conversedQuery)
        : await conversedQuery.execute();
      for (const row of rows) {
        conversed++;
        onConversed({
          person: {
            id: Number(row.id),
            connectedAt: row.connected_at === null ? null : Number(row.connected_at),
            strengthFloor: row.strength_floor,
            strengthOverride: row.strength_override,
          },
          lastExchangeAt: Number(row.last_exchange_at),
          facts: row.facts === null ? null : decodeFacts(row.facts),
        });
      }
      const circled = groups.filter((row) => row.circle !== null);
      return {
        connections: groups.reduce((sum, row) => sum + Number(row.n), 0),
        archived: groups.reduce((sum, row) => sum + Number(row.archived), 0),
        circles: Object.fromEntries(circled.map((row) => [row.circle ?? '', Number(row.n)])),
        recent: recent.map((row) => ({
          connectedAt: Number(row.connected_at),
          firstFromMeAt: row.first_from_me_at === null ? null : Number(row.first_from_me_at),
        })),
        conversed,
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
  };
}
