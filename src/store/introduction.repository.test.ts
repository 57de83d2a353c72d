import { CompiledQuery, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/support/test-databases.js';
import { isAppError } from '../domain/errors.js';
import { createInteractionRepository, type NewInteraction } from './interaction.repository.js';
import { createIntroductionRepository, type IntroductionRecord } from './introduction.repository.js';
import { createPersonRepository } from './person.repository.js';
import type { Store } from './store.js';

const NOW = Date.UTC(2026, 0, 15, 9);

async function addPerson(store: Store, name: string): Promise<number> {
  const [firstName = '', lastName = ''] = name.split(' ');
  return createPersonRepository(store).insert({
    firstName,
    lastName,
    name,
    nameKey: name.toLowerCase(),
    company: null,
    position: null,
    connectedAt: null,
    connectionState: 'connected',
    lastExportAt: null,
    searchText: name.toLowerCase(),
    now: NOW,
  });
}

function proposed(personA: number, personB: number, at = NOW): Omit<IntroductionRecord, 'id'> {
  return {
    personA,
    personB,
    why: 'she needs a React Native contractor',
    state: 'proposed',
    stateAt: at,
    history: [{ state: 'proposed', at, note: null }],
    createdAt: at,
  };
}

function interaction(
  personId: number,
  kind: NewInteraction['kind'],
  at: number,
  key: number,
): NewInteraction {
  return {
    personId,
    kind,
    direction: kind === 'help-received' ? 'in' : 'out',
    at,
    channel: 'logged',
    conversationKey: null,
    groupSize: 2,
    summary: `${kind} ${key}`,
    textHash: null,
    skippedReason: null,
    source: 'user',
    sourceKey: key,
  };
}

for (const database of testDatabases('introductions')) {
  describe(`introduction repository on ${database.name}`, () => {
    const stores: Store[] = [];
    const open = async () => {
      const store = await database.open();
      stores.push(store);
      return store;
    };
    afterAll(async () => {
      for (const store of stores) await store.close();
      await database.cleanup();
    });

    it('stores an introduction with its history and finds it by id, in a list and by pair', async () => {
      const store = await open();
      const [sofia, daniel] = [
        await addPerson(store, 'Sofia Reyes'),
        await addPerson(store, 'Daniel Okafor'),
      ];
      const repository = createIntroductionRepository(store);
      const id = await repository.insert(proposed(sofia, daniel));
      expect(await repository.findById(id)).toEqual({ id, ...proposed(sofia, daniel) });
      expect(await repository.findById(id + 100)).toBeUndefined();
      expect((await repository.list()).map((record) => record.id)).toEqual([id]);
      expect((await repository.openForPair(daniel, sofia))?.id).toBe(id);
      expect((await repository.openForPair(sofia, daniel))?.id).toBe(id);
    });

    it('allows one open introduction per pair, whichever is A, and a new one once the first is finished', async () => {
      const store = await open();
      const [a, b, c] = [
        await addPerson(store, 'Ann Berg'),
        await addPerson(store, 'Bo Lind'),
        await addPerson(store, 'Cai Wu'),
      ];
      const repository = createIntroductionRepository(store);
      const first = await repository.insert(proposed(a, b));
      for (const pair of [
        [a, b],
        [b, a],
      ] as const) {
        const refused = await repository.insert(proposed(pair[0], pair[1])).catch((error: unknown) => error);
        expect(isAppError(refused) && refused.code).toBe('conflict');
      }
      expect(await repository.insert(proposed(a, c))).toBeGreaterThan(first);

      const moved = await repository.updateState(first, 'proposed', {
        state: 'declined-a',
        stateAt: NOW + 1000,
        history: [
          { state: 'proposed', at: NOW, note: null },
          { state: 'declined-a', at: NOW + 1000, note: 'not now' },
        ],
      });
      expect(moved).toBe(true);
      expect(await repository.openForPair(a, b)).toBeUndefined();
      const again = await repository.insert(proposed(b, a, NOW + 2000));
      expect((await repository.openForPair(a, b))?.id).toBe(again);
      expect((await repository.findById(first))?.history.at(-1)).toEqual({
        state: 'declined-a',
        at: NOW + 1000,
        note: 'not now',
      });
    });

    it('moves a state on only from the state it was read in', async () => {
      const store = await open();
      const repository = createIntroductionRepository(store);
      const id = await repository.insert(
        proposed(await addPerson(store, 'Ann Berg'), await addPerson(store, 'Bo Lind')),
      );
      const next = { state: 'asked-a' as const, stateAt: NOW + 1, history: [] };
      expect(await repository.updateState(id, 'proposed', next)).toBe(true);
      expect(await repository.updateState(id, 'proposed', next)).toBe(false);
      expect((await repository.findById(id))?.state).toBe('asked-a');
    });

    it('reads group threads of the given people', async () => {
      const store = await open();
      const [a, b, c] = [
        await addPerson(store, 'Ann Berg'),
        await addPerson(store, 'Bo Lind'),
        await addPerson(store, 'Cai Wu'),
      ];
      await createInteractionRepository(store).addConversationMembers([
        { conversationKey: 'breakfast', personId: a },
        { conversationKey: 'breakfast', personId: b },
        { conversationKey: 'offsite', personId: a },
      ]);
      const threads = await createIntroductionRepository(store).groupThreads([a, b, c]);
      expect([...(threads.get(a) ?? [])].sort()).toEqual(['breakfast', 'offsite']);
      expect(threads.get(b)).toEqual(['breakfast']);
      expect(threads.has(c)).toBe(false);
      expect((await createIntroductionRepository(store).groupThreads([])).size).toBe(0);
    });

    it('reads the ledger through its partial index, whose predicate costs an insert no temporary table', async () => {
      const store = await open();
      const compiled = createIntroductionRepository(store).ledgerQuery(NOW, 7).compile();
      if (store.sqlite) {
        const plan = store.sqlite
          .prepare(`explain query plan ${compiled.sql}`)
          .all(...(compiled.parameters as unknown[])) as Array<{ detail: string }>;
        expect(plan.map((step) => step.detail).join('\n')).toMatch(/USING INDEX interactions_ledger\b/);
        // Migration 0016: `kind in (…three kinds)` was a temporary b-tree built for every inserted row.
        const insert = store.sqlite
          .prepare(
            `explain insert into interactions (workspace_id, person_id, kind, direction, at, channel, source, source_key, created_at) values ('w', null, 'message', 'in', 1, 'linkedin', 'linkedin', 1, 1)`,
          )
          .all() as Array<{ opcode: string }>;
        expect(insert.map((step) => step.opcode)).not.toContain('OpenEphemeral');
        return;
      }
      // PostgreSQL: with sequential scans off, a plan without the index would mean it cannot prove it applies.
      const plan = await store.transaction(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx.db);
        const explained = await trx.db.executeQuery<{ 'QUERY PLAN': string }>(
          CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]),
        );
        return explained.rows.map((row) => row['QUERY PLAN']).join('\n');
      });
      expect(plan).toMatch(/interactions_ledger/);
    });

    it('reads the ledger: help and introductions only, not skipped, not after the clock', async () => {
      const store = await open();
      const [a, b] = [await addPerson(store, 'Ann Berg'), await addPerson(store, 'Bo Lind')];
      const interactions = createInteractionRepository(store);
      await interactions.insertMany(
        [
          interaction(a, 'help-given', NOW - 3000, 1),
          interaction(a, 'message', NOW - 2500, 2),
          interaction(a, 'help-received', NOW - 2000, 3),
          interaction(b, 'introduction-made', NOW - 1000, 4),
          interaction(b, 'help-given', NOW + 5000, 5),
          { ...interaction(b, 'help-given', NOW - 500, 6), skippedReason: 'spam' },
        ],
        NOW,
      );
      const repository = createIntroductionRepository(store);
      const all = await repository.ledgerEntries(NOW);
      expect(all.map((entry) => [entry.personId, entry.kind])).toEqual([
        [a, 'help-given'],
        [a, 'help-received'],
        [b, 'introduction-made'],
      ]);
      expect(all[1]).toEqual({
        personId: a,
        kind: 'help-received',
        direction: 'in',
        at: NOW - 2000,
        summary: 'help-received 3',
        channel: 'logged',
      });
      expect((await repository.ledgerEntries(NOW, b)).map((entry) => entry.kind)).toEqual([
        'introduction-made',
      ]);
      expect(await repository.ledgerEntries(NOW + 10_000, b)).toHaveLength(2);
    });
  });
}
