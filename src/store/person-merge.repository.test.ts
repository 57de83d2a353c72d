import { afterAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/support/test-databases.js';
import { createInteractionRepository, type NewInteraction } from './interaction.repository.js';
import { createInvitationRepository } from './invitation.repository.js';
import { createKnownTieRepository } from './known-tie.repository.js';
import { createPersonMergeRepository } from './person-merge.repository.js';
import { createPersonRepository } from './person.repository.js';
import type { Store } from './store.js';

const NOW = Date.UTC(2026, 0, 15, 9);

async function person(store: Store, name: string, connectionState: 'connected' | 'not-connected') {
  const [firstName = '', lastName = ''] = name.split(' ');
  return createPersonRepository(store).insert({
    firstName,
    lastName,
    name,
    nameKey: name.toLowerCase(),
    company: connectionState === 'connected' ? null : 'Hafenlicht GmbH',
    position: null,
    connectedAt: connectionState === 'connected' ? NOW - 86_400_000 : null,
    connectionState,
    lastExportAt: null,
    searchText: name.toLowerCase(),
    now: NOW,
  });
}

function message(personId: number, sourceKey: number, conversationKey = `c${sourceKey}`): NewInteraction {
  return {
    personId,
    kind: 'message',
    direction: 'in',
    at: NOW - sourceKey * 1000,
    channel: 'linkedin',
    conversationKey,
    groupSize: conversationKey === 'group' ? 4 : 2,
    summary: 'hello',
    textHash: sourceKey,
    skippedReason: null,
    source: 'linkedin',
    sourceKey,
  };
}

describe.each(testDatabases('person-merge'))('merging two people found to be one, on $name', (database) => {
  afterAll(() => database.cleanup());

  it('moves everything to the kept person, keeps what the user set on either, and deletes the other', async () => {
    const store = await database.open();
    const people = createPersonRepository(store);
    const keep = await person(store, 'Lukas Brenner', 'connected');
    const gone = await person(store, 'Lukas Brenner', 'not-connected');
    const friend = await person(store, 'Tomas Berglund', 'connected');
    await people.addIdentities(
      [{ personId: keep, kind: 'url', value: 'linkedin.com/in/lukas-brenner-b2' }],
      'linkedin',
    );
    await people.addIdentities(
      [
        { personId: gone, kind: 'email', value: 'lukas.brenner@example.de' },
        { personId: gone, kind: 'phone', value: '+49405550199' },
      ],
      'linkedin-contacts',
    );
    await people.updateUserFields(keep, { tags: ['hamburg'], howMet: 'Demo day' }, NOW);
    await people.updateUserFields(gone, { tags: ['pilot'], notes: 'Prefers calls', circle: 'close' }, NOW);
    await people.addObservations([
      { personId: keep, field: 'position', value: 'CTO', seenAt: NOW },
      { personId: gone, field: 'position', value: 'CTO', seenAt: NOW },
      { personId: gone, field: 'company', value: 'Hafenlicht GmbH', seenAt: NOW - 1 },
    ]);
    const interactions = createInteractionRepository(store);
    await interactions.insertMany([message(keep, 1), message(gone, 2), message(gone, 3, 'group')], NOW);
    await interactions.addConversationMembers([
      { conversationKey: 'group', personId: gone },
      { conversationKey: 'group', personId: friend },
    ]);
    await createInvitationRepository(store).insertMany(
      [
        {
          personId: gone,
          counterpartName: 'Lukas Brenner',
          counterpartUrl: null,
          counterpartUrn: null,
          direction: 'in',
          sentAt: NOW - 5000,
          message: 'Hi Linnea',
          exportAt: NOW,
          sourceKey: 10,
        },
      ],
      NOW,
    );
    await createKnownTieRepository(store).upsert(
      { personA: gone, personB: friend, source: 'knows', strength: 0.7, evidence: null },
      NOW,
    );

    expect(await createPersonMergeRepository(store).merge(keep, gone, NOW)).toBe(true);

    expect(await people.findById(gone)).toBeUndefined();
    const kept = await people.findById(keep);
    expect(kept).toMatchObject({
      connectionState: 'connected',
      company: 'Hafenlicht GmbH',
      howMet: 'Demo day',
      notes: 'Prefers calls',
      circle: 'close',
      tags: ['hamburg', 'pilot'],
    });
    expect((await people.listIdentities(keep)).map((identity) => identity.kind)).toEqual([
      'email',
      'phone',
      'url',
    ]);
    expect(
      (await people.listObservations(keep)).map((row) => [row.field, row.value, Number(row.seen_at)]),
    ).toEqual([
      ['company', 'Hafenlicht GmbH', NOW - 1],
      ['position', 'CTO', NOW],
    ]);
    expect((await interactions.timeline(keep)).map((entry) => entry.personId)).toEqual([keep, keep, keep]);
    expect((await createInvitationRepository(store).listForPerson(keep)).map((row) => row.sourceKey)).toEqual(
      [10],
    );
    expect((await createKnownTieRepository(store).listFor(keep)).map((tie) => tie.strength)).toEqual([0.7]);
    await store.close();
  });

  it('does nothing for one person or a person that is gone', async () => {
    const store = await database.open();
    const id = await person(store, 'Aiko Tanabe', 'connected');
    const merges = createPersonMergeRepository(store);
    expect(await merges.merge(id, id, NOW)).toBe(false);
    expect(await merges.merge(id, id + 999, NOW)).toBe(false);
    expect(await createPersonRepository(store).findById(id)).toBeDefined();
    await store.close();
  });
});
