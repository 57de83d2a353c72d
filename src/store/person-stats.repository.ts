import { factsIndexOf, type RelationshipFacts } from '../domain/relationship-facts.js';
import type { Insertable } from 'kysely';
import type { PersonStatsTable } from './database.schema.js';
import { decodeFacts, encodeFacts } from './facts-codec.js';
import { inChunks, rowsOf, writeRows } from './query-runner.js';
import { prepared } from './sqlite-statements.js';
import type { StoreContext } from './store.js';

/** Up to this many people's facts come through a plain prepared statement (a page of the People list). */
const FEW = 100;

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
] as const satisfies ReadonlyArray<keyof PersonStatsTable>;

type StatRow = { [K in (typeof STAT_COLUMNS)[number]]-?: Insertable<PersonStatsTable>[K] };

function* mapped<T, R>(items: Iterable<T>, map: (item: T) => R): Generator<R> {
  for (const item of items) yield map(item);
}

/** The per-person facts the relationship engine keeps, with the columns that index them, and their totals. */
export function createPersonStatsRepository(context: StoreContext) {
  const { db, workspaceId } = context;

  return {
    /** Facts as JSON beside their index columns; `replaceAll` drops everyone else's first. */
    async saveFacts(facts: Iterable<RelationshipFacts>, now: number, replaceAll: boolean): Promise<void> {
      if (replaceAll) await db.deleteFrom('person_stats').where('workspace_id', '=', workspaceId).execute();
      const rowOf = (entry: RelationshipFacts): StatRow => {
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
      await writeRows(
        context,
        {
          name: 'person_stats.save',
          columns: STAT_COLUMNS,
          build: (rows: StatRow[]) =>
            db
              .insertInto('person_stats')
              .values(rows)
              .onConflict((conflict) =>
                conflict
                  .columns(['workspace_id', 'person_id'])
                  .doUpdateSet((eb) =>
                    Object.fromEntries(
                      STAT_COLUMNS.filter(
                        (column) => column !== 'workspace_id' && column !== 'person_id',
                      ).map((column) => [column, eb.ref(`excluded.${column}`)]),
                    ),
                  ),
              ),
        },
        mapped(facts, rowOf),
      );
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
      if (personIds.length === 0) return result;
      const sqlite = context.sqlite;
      if (sqlite && personIds.length <= FEW) {
        // A search's matches or a page, request after request: one prepared statement per length, without
        // building and compiling the Kysely query each time (docs/PERFORMANCE.md#varied-names).
        const statement = prepared(
          sqlite,
          `select person_id, facts from person_stats where workspace_id = ? and person_id in (${'?, '.repeat(personIds.length - 1)}?)`,
        );
        for (const [id, facts] of statement.raw(true).all(workspaceId, ...personIds) as Array<
          [number, string]
        >)
          result.set(Number(id), decodeFacts(facts));
        return result;
      }
      // Prepared once per list length (rowsOf): a listing's page or one search's matches, request after request.
      add(await inChunks(personIds, (chunk) => rowsOf(context, query().where('person_id', 'in', chunk))));
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

    /**
     * People listed by `tend people` who are not connections, with a two-way exchange at or after `from` by
     * their stored facts (a superset as of an earlier `now`): the only ones whose band is above dormant that
     * health's bands of connections leave out (docs/rules/prune-and-health.md#health-figures).
     */
    async conversedOthers(from: number): Promise<number[]> {
      const rows = await db
        .selectFrom('person_stats')
        .innerJoin('people', (join) =>
          join
            .onRef('people.id', '=', 'person_stats.person_id')
            .onRef('people.workspace_id', '=', 'person_stats.workspace_id'),
        )
        .select('people.id')
        .where('person_stats.workspace_id', '=', workspaceId)
        .where('person_stats.last_exchange_at', '>=', from)
        .where('people.connection_state', '!=', 'connected')
        .where('people.archived_at', 'is', null)
        .execute();
      return rows.map((row) => Number(row.id));
    },
  };
}
