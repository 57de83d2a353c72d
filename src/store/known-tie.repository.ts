import { inChunks } from './query-runner.js';
import type { StoreContext } from './store.js';

/** A group conversation (thread, or later a meeting) as evidence that its members know each other. */
export interface SharedConversation {
  key: string;
  /** Participants, me included (the largest group size seen in it). */
  size: number;
  lastAt: number;
  meeting: boolean;
  /** My people in it (never me). */
  members: number[];
}

export interface KnownTie {
  personA: number;
  personB: number;
  source: 'thread' | 'meeting' | 'knows' | 'colleague';
  strength: number;
  evidence: string | null;
}

/** Evidence that two of my people know each other; stored once per pair with the smaller id first. */
export function createKnownTieRepository(context: StoreContext) {
  const { db, workspaceId } = context;
  const toTie = (row: {
    person_a: number;
    person_b: number;
    source: string;
    strength: number;
    evidence: string | null;
  }): KnownTie => ({
    personA: Number(row.person_a),
    personB: Number(row.person_b),
    source: row.source as KnownTie['source'],
    strength: Number(row.strength),
    evidence: row.evidence,
  });
  const ordered = (a: number, b: number): [number, number] => (a < b ? [a, b] : [b, a]);

  return {
    async upsert(tie: KnownTie, now: number): Promise<void> {
      const [a, b] = tie.personA < tie.personB ? [tie.personA, tie.personB] : [tie.personB, tie.personA];
      await db
        .insertInto('known_ties')
        .values({
          workspace_id: workspaceId,
          person_a: a,
          person_b: b,
          source: tie.source,
          strength: tie.strength,
          evidence: tie.evidence,
          created_at: now,
        })
        .onConflict((conflict) =>
          conflict
            .columns(['workspace_id', 'person_a', 'person_b', 'source'])
            .doUpdateSet({ strength: tie.strength, evidence: tie.evidence }),
        )
        .execute();
    },

    async listFor(personId: number): Promise<KnownTie[]> {
      const rows = await db
        .selectFrom('known_ties')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where((eb) => eb.or([eb('person_a', '=', personId), eb('person_b', '=', personId)]))
        .execute();
      return rows.map((row) => ({
        personA: Number(row.person_a),
        personB: Number(row.person_b),
        source: row.source as KnownTie['source'],
        strength: row.strength,
        evidence: row.evidence,
      }));
    },

    async find(personA: number, personB: number, source: KnownTie['source']): Promise<KnownTie | undefined> {
      const [a, b] = ordered(personA, personB);
      const row = await db
        .selectFrom('known_ties')
        .select(['person_a', 'person_b', 'source', 'strength', 'evidence'])
        .where('workspace_id', '=', workspaceId)
        .where('person_a', '=', a)
        .where('person_b', '=', b)
        .where('source', '=', source)
        .executeTakeFirst();
      return row ? toTie(row) : undefined;
    },

    /** Deletes one tie; true when there was one. */
    async remove(personA: number, personB: number, source: KnownTie['source']): Promise<boolean> {
      const [a, b] = ordered(personA, personB);
      const result = await db
        .deleteFrom('known_ties')
        .where('workspace_id', '=', workspaceId)
        .where('person_a', '=', a)
        .where('person_b', '=', b)
        .where('source', '=', source)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    /**
     * Every tie with at least one end among `personIds`, each once. Two indexed lookups (by person_a through
     * the primary key, by person_b through known_ties_b), not an OR the planner may answer with a scan.
     */
    async listTouching(personIds: readonly number[]): Promise<KnownTie[]> {
      const seen = new Set<string>();
      const result: KnownTie[] = [];
      await inChunks([...new Set(personIds)], async (ids) => {
        for (const column of ['person_a', 'person_b'] as const) {
          const rows = await db
            .selectFrom('known_ties')
            .select(['person_a', 'person_b', 'source', 'strength', 'evidence'])
            .where('workspace_id', '=', workspaceId)
            .where(column, 'in', ids)
            .execute();
          for (const row of rows) {
            const tie = toTie(row);
            const key = `${tie.personA}:${tie.personB}:${tie.source}`;
            if (seen.has(key)) continue;
            seen.add(key);
            result.push(tie);
          }
        }
      });
      return result;
    },

    /**
     * The group conversations that any of `personIds` is in, with their size, last counted message at or
     * before `asOf` and members: the evidence that my people know each other from a shared thread. A
     * conversation with nothing counted by `asOf` is left out (`--now` earlier than the data).
     */
    async sharedConversations(personIds: readonly number[], asOf: number): Promise<SharedConversation[]> {
      const keys = new Set<string>();
      await inChunks([...new Set(personIds)], async (ids) => {
        const rows = await db
          .selectFrom('conversation_members')
          .select('conversation_key')
          .distinct()
          .where('workspace_id', '=', workspaceId)
          .where('person_id', 'in', ids)
          .execute();
        for (const row of rows) keys.add(row.conversation_key);
      });
      const conversations = new Map<string, SharedConversation>();
      await inChunks([...keys], async (batch) => {
        // group_size > 2 lets SQLite use the partial index on group conversations.
        const stats = await db
          .selectFrom('interactions')
          .select((eb) => [
            'conversation_key',
            eb.fn.max('group_size').as('size'),
            eb.fn.max('at').as('last_at'),
            eb.fn.max(eb.case().when('kind', '=', 'meeting').then(1).else(0).end()).as('meeting'),
          ])
          .where('workspace_id', '=', workspaceId)
          .where('group_size', '>', 2)
          .where('conversation_key', 'in', batch)
          .where('skipped_reason', 'is', null)
          .where('at', '<=', asOf)
          .groupBy('conversation_key')
          .execute();
        for (const row of stats) {
          if (row.conversation_key === null) continue;
          conversations.set(row.conversation_key, {
            key: row.conversation_key,
            size: Number(row.size),
            lastAt: Number(row.last_at),
            meeting: Number(row.meeting) === 1,
            members: [],
          });
        }
        const members = await db
          .selectFrom('conversation_members')
          .select(['conversation_key', 'person_id'])
          .where('workspace_id', '=', workspaceId)
          .where('conversation_key', 'in', batch)
          .execute();
        for (const row of members)
          conversations.get(row.conversation_key)?.members.push(Number(row.person_id));
      });
      return [...conversations.values()];
    },
  };
}
