import { afterAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/support/test-databases.js';
import { createInteractionRepository, type NewInteraction } from './interaction.repository.js';
import { createPersonRepository } from './person.repository.js';
import { missingReferences } from './reference-check.js';
import type { Store, StoreContext } from './store.js';

const NOW = Date.UTC(2026, 0, 15, 9);

function message(personId: number | null, key: number): NewInteraction {
  return {
    personId,
    kind: 'message',
    direction: 'in',
    at: NOW - key,
    channel: 'linkedin',
    conversationKey: null,
    groupSize: 2,
    summary: 'hello',
    textHash: key,
    skippedReason: null,
    source: 'linkedin',
    sourceKey: key,
  };
}

async function addPerson(store: StoreContext): Promise<number> {
  return createPersonRepository(store).insert({
    firstName: 'Ann',
    lastName: 'Berg',
    name: 'Ann Berg',
    nameKey: 'ann berg',
    company: null,
    position: null,
    connectedAt: null,
    connectionState: 'connected',
    lastExportAt: null,
    searchText: 'ann berg',
    now: NOW,
  });
}

/** A transaction whose references are checked once before its commit, as a first import's messages file. */
function checkedAtCommit(personIds: Set<number>) {
  return {
    async verifiedReferences(context: StoreContext) {
      const missing = await missingReferences(context, personIds, ['person_identities']);
      if (missing.length > 0) throw new Error(`missing: ${missing.join('; ')}`);
    },
  };
}

for (const database of testDatabases('reference-check')) {
  describe(`references checked at commit on ${database.name}`, () => {
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

    it('commits rows whose people are stored, and foreign keys are checked again after', async () => {
      const store = await open();
      const person = await addPerson(store);
      await store.transaction(
        async (trx) => {
          await createInteractionRepository(trx).insertMany([message(person, 1), message(null, 2)], NOW);
        },
        checkedAtCommit(new Set([person])),
      );
      expect(await createInteractionRepository(store).lastInteractionTimes([person])).toEqual(
        new Map([[person, NOW - 1]]),
      );
      if (store.sqlite) expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    });

    it('writes nothing when a row names a person who is not stored', async () => {
      const store = await open();
      const person = await addPerson(store);
      const missing = person + 1000;
      await expect(
        store.transaction(
          async (trx) => {
            await createInteractionRepository(trx).insertMany([message(person, 1), message(missing, 2)], NOW);
          },
          checkedAtCommit(new Set([person, missing])),
        ),
      ).rejects.toThrow(database.name === 'sqlite' ? /missing: interactions: 1 people/ : /foreign key/);
      expect(await createInteractionRepository(store).isEmpty()).toBe(true);
      if (store.sqlite) expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    });

    it('finds identities of people who are not stored (SQLite checks those tables as it would)', async () => {
      const store = await open();
      if (!store.sqlite) return;
      const person = await addPerson(store);
      await expect(
        store.transaction(async (trx) => {
          await createPersonRepository(trx).addIdentities(
            [{ personId: person + 1000, kind: 'url', value: 'linkedin.com/in/nobody' }],
            'linkedin',
          );
        }, checkedAtCommit(new Set())),
      ).rejects.toThrow(/missing: person_identities: 1 rows/);
    });
  });
}
