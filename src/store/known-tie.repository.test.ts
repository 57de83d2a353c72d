import { afterAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/support/test-databases.js';
import { createInteractionRepository, type NewInteraction } from './interaction.repository.js';
import { createKnownTieRepository } from './known-tie.repository.js';
import { createPersonRepository } from './person.repository.js';
import type { Store } from './store.js';

const NOW = Date.UTC(2026, 0, 15, 9);
const DAY = 86_400_000;

async function addPeople(
  store: Store,
  names: string[],
  companies: Array<string | null> = [],
): Promise<number[]> {
  const people = createPersonRepository(store);
  const ids: number[] = [];
  for (const [index, name] of names.entries()) {
    const [firstName = '', lastName = ''] = name.split(' ');
    ids.push(
      await people.insert({
        firstName,
        lastName,
        name,
        nameKey: name.toLowerCase(),
        company: companies[index] ?? null,
        position: null,
        connectedAt: null,
        connectionState: 'connected',
        lastExportAt: null,
        searchText: name.toLowerCase(),
        now: NOW,
      }),
    );
  }
  return ids;
}

let key = 1;
function groupMessage(
  personId: number,
  conversationKey: string,
  at: number,
  extra: Partial<NewInteraction> = {},
): NewInteraction {
  return {
    personId,
    kind: 'message',
    direction: 'in',
    at,
    channel: 'linkedin',
    conversationKey,
    groupSize: 4,
    summary: 'hi all',
    textHash: key,
    skippedReason: null,
    source: 'linkedin',
    sourceKey: key++,
    ...extra,
  };
}

for (const database of testDatabases('known-ties')) {
  describe(`known ties, shared conversations and company lookups on ${database.name}`, () => {
    const stores: Store[] = [];
    afterAll(async () => {
      for (const store of stores) await store.close();
      await database.cleanup();
    });
    const open = async () => {
      const store = await database.open();
      stores.push(store);
      return store;
    };

    it('finds, updates and removes one recorded tie whatever the order of the pair', async () => {
      const store = await open();
      const [ann = 0, bo = 0, cy = 0] = await addPeople(store, ['Ann Lee', 'Bo Ek', 'Cy Roe']);
      const ties = createKnownTieRepository(store);
      await ties.upsert({ personA: bo, personB: ann, source: 'knows', strength: 0.7, evidence: 'Acme' }, NOW);
      await ties.upsert({ personA: ann, personB: bo, source: 'thread', strength: 0.3, evidence: null }, NOW);
      await ties.upsert({ personA: cy, personB: bo, source: 'knows', strength: 0.5, evidence: null }, NOW);
      expect(await ties.find(bo, ann, 'knows')).toEqual({
        personA: Math.min(ann, bo),
        personB: Math.max(ann, bo),
        source: 'knows',
        strength: 0.7,
        evidence: 'Acme',
      });
      expect(await ties.find(ann, cy, 'knows')).toBeUndefined();

      const touching = await ties.listTouching([ann, bo, bo]);
      expect(touching.map((tie) => `${tie.personA}-${tie.personB}-${tie.source}`).sort()).toEqual(
        [`${ann}-${bo}-knows`, `${ann}-${bo}-thread`, `${bo}-${cy}-knows`].sort(),
      );
      expect(await ties.listTouching([])).toEqual([]);

      expect(await ties.remove(ann, bo, 'knows')).toBe(true);
      expect(await ties.remove(ann, bo, 'knows')).toBe(false);
      expect((await ties.listFor(ann)).map((tie) => tie.source)).toEqual(['thread']);
    });

    it('lists each current company once and who works at the chosen ones (company targets of tend path)', async () => {
      const store = await open();
      const [ann = 0, bo = 0, , dee = 0] = await addPeople(
        store,
        ['Ann Lee', 'Bo Ek', 'Cy Roe', 'Dee Oh'],
        ['Acme Inc.', 'ACME', null, 'Acme Inc.'],
      );
      const people = createPersonRepository(store);
      await people.updateUserFields(dee, { archivedAt: NOW, doNotContact: true }, NOW);
      expect((await people.distinctCompanies()).sort()).toEqual(['ACME', 'Acme Inc.']);
      expect(await people.listAtCompanies(['Acme Inc.', 'ACME'])).toEqual([
        { id: ann, name: 'Ann Lee', company: 'Acme Inc.', archived: false, doNotContact: false },
        { id: bo, name: 'Bo Ek', company: 'ACME', archived: false, doNotContact: false },
        { id: dee, name: 'Dee Oh', company: 'Acme Inc.', archived: true, doNotContact: true },
      ]);
      expect(await people.listAtCompanies([])).toEqual([]);
    });

    it('lists the group conversations of people with their size, last counted message and members', async () => {
      const store = await open();
      const [ann = 0, bo = 0, cy = 0, dee = 0] = await addPeople(store, [
        'Ann Lee',
        'Bo Ek',
        'Cy Roe',
        'Dee Oh',
      ]);
      const interactions = createInteractionRepository(store);
      await interactions.insertMany(
        [
          groupMessage(ann, 'breakfast', NOW - 10 * DAY),
          groupMessage(bo, 'breakfast', NOW - 8 * DAY, { groupSize: 5 }),
          // Skipped messages and messages after `asOf` are no evidence.
          groupMessage(bo, 'breakfast', NOW - 2 * DAY, { skippedReason: 'spam' }),
          groupMessage(cy, 'breakfast', NOW + 5 * DAY),
          groupMessage(cy, 'later', NOW + 5 * DAY),
          groupMessage(dee, 'standup', NOW - 3 * DAY, { kind: 'meeting', direction: 'both' }),
        ],
        NOW,
      );
      await interactions.addConversationMembers([
        { conversationKey: 'breakfast', personId: ann },
        { conversationKey: 'breakfast', personId: bo },
        { conversationKey: 'breakfast', personId: cy },
        { conversationKey: 'later', personId: cy },
        { conversationKey: 'later', personId: ann },
        { conversationKey: 'standup', personId: dee },
        { conversationKey: 'standup', personId: ann },
      ]);
      const ties = createKnownTieRepository(store);
      const shared = await ties.sharedConversations([ann], NOW);
      expect(
        shared
          .map((conversation) => ({
            ...conversation,
            members: [...conversation.members].sort((x, y) => x - y),
          }))
          .sort((x, y) => x.key.localeCompare(y.key)),
      ).toEqual([
        { key: 'breakfast', size: 5, lastAt: NOW - 8 * DAY, meeting: false, members: [ann, bo, cy] },
        { key: 'standup', size: 4, lastAt: NOW - 3 * DAY, meeting: true, members: [ann, dee] },
      ]);
      expect((await ties.sharedConversations([cy], NOW + 6 * DAY)).map((c) => c.key).sort()).toEqual([
        'breakfast',
        'later',
      ]);
      expect(await ties.sharedConversations([], NOW)).toEqual([]);
    });
  });
}
