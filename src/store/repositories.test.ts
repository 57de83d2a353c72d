import { afterAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/support/test-databases.js';
import { createDataExportRepository } from './data-export.repository.js';
import { createImportLogRepository } from './import-log.repository.js';
import { createInteractionRepository, type NewInteraction } from './interaction.repository.js';
import { createInvitationRepository } from './invitation.repository.js';
import { createKnownTieRepository } from './known-tie.repository.js';
import { createPersonDirectoryRepository } from './person-directory.repository.js';
import { createPersonRepository, type NewPerson } from './person.repository.js';
import { createWorkspaceSettingsRepository } from './workspace-settings.repository.js';
import type { Store } from './store.js';

const NOW = Date.UTC(2026, 10, 20, 12);

function newPerson(name: string, extra: Partial<NewPerson> = {}): NewPerson {
  const [firstName = '', lastName = ''] = name.split(' ');
  return {
    firstName,
    lastName,
    name,
    nameKey: name.toLowerCase(),
    company: 'Acme',
    position: 'Engineer',
    connectedAt: Date.UTC(2025, 0, 1),
    connectionState: 'connected',
    lastExportAt: null,
    searchText: `${name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()} acme engineer`,
    now: NOW,
    ...extra,
  };
}

function message(personId: number, sourceKey: number, at: number): NewInteraction {
  return {
    personId,
    kind: 'message',
    direction: 'in',
    at,
    channel: 'linkedin',
    conversationKey: 'c1',
    groupSize: 2,
    summary: 'hello',
    textHash: 42,
    skippedReason: null,
    source: 'linkedin',
    sourceKey,
  };
}

for (const database of testDatabases('repositories')) {
  describe(`repositories on ${database.name}`, () => {
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

    it('stores a person and finds them by id, identity and accent-insensitive search', async () => {
      const store = await open();
      const people = createPersonRepository(store);
      const id = await people.insert(newPerson('Zoë Brandt'));
      await people.addIdentities(
        [{ personId: id, kind: 'url', value: 'linkedin.com/in/zoë-brandt' }],
        'linkedin',
      );
      expect((await people.findById(id))?.name).toBe('Zoë Brandt');
      expect((await people.findByIdentity('url', 'linkedin.com/in/zoë-brandt'))?.id).toBe(id);
      expect((await people.search('ZOE')).map((person) => person.id)).toEqual([id]);
      expect(await people.search('nobody-like-this')).toEqual([]);
      expect(await people.search('100%')).toEqual([]);
    });

    it('finds the namesakes of people, and counts stored interactions apart from records kept', async () => {
      const store = await open();
      const people = createPersonRepository(store);
      const a = await people.insert(newPerson('Rahul Verma'));
      const b = await people.insert(
        newPerson('Rahul Verma', { connectionState: 'not-connected', connectedAt: null }),
      );
      await people.insert(newPerson('Sara Lind'));
      const found = await createPersonDirectoryRepository(store).namesakes([a]);
      expect(found.map((entry) => [entry.id, entry.connectionState]).sort()).toEqual(
        [
          [a, 'connected'],
          [b, 'not-connected'],
        ].sort(),
      );
      expect(await createPersonDirectoryRepository(store).namesakes([])).toEqual([]);
      const interactions = createInteractionRepository(store);
      await interactions.insertMany(
        [
          message(a, 1, NOW - 1000),
          { ...message(b, 2, NOW - 900), skippedReason: 'spam' },
          { ...message(a, 3, NOW - 800), personId: null },
        ],
        NOW,
      );
      expect(await createDataExportRepository(store).interactionCounts()).toEqual({
        interactions: 1,
        kept: 2,
      });
    });

    it('reads %, _ and \\ in search text as themselves, not as patterns', async () => {
      const store = await open();
      const people = createPersonRepository(store);
      const percent = await people.insert(newPerson('Ana 100%'));
      const underscore = await people.insert(newPerson('Bo a_b'));
      const backslash = await people.insert(newPerson('Cy c\\d'));
      await people.insert(newPerson('Di 1000 axb c-d'));
      const found = async (text: string) => (await people.search(text)).map((person) => person.id);
      const listed = async (text: string) => (await people.listing(text)).map((person) => person.id);
      for (const search of [found, listed]) {
        expect(await search('100%')).toEqual([percent]);
        expect(await search('a_b')).toEqual([underscore]);
        expect(await search('c\\d')).toEqual([backslash]);
        expect(await search('%')).toEqual([percent]);
        expect(await search('_')).toEqual([underscore]);
        expect(await search('\\')).toEqual([backslash]);
      }
    });

    it('lists the people a search finds, with what a listing shows of them', async () => {
      const store = await open();
      const people = createPersonRepository(store);
      const ids = [await people.insert(newPerson('Zoë Brandt')), await people.insert(newPerson('Ana Lima'))];
      await people.updateUserFields(ids[1]!, { circle: 'close', strengthFloor: 40 }, 0);
      for (const text of ['ZOE', 'lima', null, 'nobody-like-this', '100%'])
        expect(
          (await people.listing(text)).sort((a, b) => a.id - b.id),
          String(text),
        ).toEqual(
          (await people.search(text))
            .sort((a, b) => a.id - b.id)
            .map((person) => ({
              id: person.id,
              name: person.name,
              company: person.company,
              position: person.position,
              circle: person.circle,
              connectedAt: person.connectedAt,
              strengthFloor: person.strengthFloor,
              strengthOverride: person.strengthOverride,
            })),
        );
    });

    it('keeps user fields apart from imported fields', async () => {
      const store = await open();
      const people = createPersonRepository(store);
      const id = await people.insert(newPerson('Ada Lovelace'));
      await people.updateUserFields(
        id,
        { circle: 'close', tags: ['math'], needs: ['a loom'], howMet: 'at the salon' },
        NOW,
      );
      await people.updateImported(id, { company: 'Engines Ltd' }, NOW);
      const person = await people.findById(id);
      expect(person).toMatchObject({
        circle: 'close',
        tags: ['math'],
        needs: ['a loom'],
        howMet: 'at the salon',
        company: 'Engines Ltd',
      });
    });

    it('never gives one identity to two people', async () => {
      const store = await open();
      const people = createPersonRepository(store);
      const a = await people.insert(newPerson('Ann One'));
      const b = await people.insert(newPerson('Ann Two'));
      expect(
        await people.addIdentities([{ personId: a, kind: 'email', value: 'ann@example.com' }], 'test'),
      ).toBe(1);
      expect(
        await people.addIdentities([{ personId: b, kind: 'email', value: 'ann@example.com' }], 'test'),
      ).toBe(0);
      expect((await people.findByIdentity('email', 'ann@example.com'))?.id).toBe(a);
    });

    it('inserts interactions once per source key and returns a timeline newest first', async () => {
      const store = await open();
      const people = createPersonRepository(store);
      const interactions = createInteractionRepository(store);
      const id = await people.insert(newPerson('Tim Target'));
      const rows = [message(id, 1, Date.UTC(2026, 0, 1)), message(id, 2, Date.UTC(2026, 0, 2))];
      expect(await interactions.insertMany(rows, NOW)).toBe(2);
      expect(await interactions.insertMany(rows, NOW)).toBe(0);
      expect([...(await interactions.knownSourceKeys([1, 2, 3]))].sort()).toEqual([1, 2]);
      const timeline = await interactions.timeline(id);
      expect(timeline.map((row) => row.at)).toEqual([Date.UTC(2026, 0, 2), Date.UTC(2026, 0, 1)]);
      expect((await interactions.lastInteractionTimes([id])).get(id)).toBe(Date.UTC(2026, 0, 2));
    });

    it('stores every column of every row, batches of one kind and of mixed kinds, 32 rows a statement and the rest one by one', async () => {
      const store = await open();
      const people = createPersonRepository(store);
      const interactions = createInteractionRepository(store);
      const id = await people.insert(newPerson('Rows Many'));
      const rowAt = (index: number): NewInteraction => ({
        ...message(index % 3 === 0 ? id : 0, 1_000 + index, Date.UTC(2026, 0, 1) + index * 60_000),
        personId: index % 3 === 0 ? id : null,
        direction: index % 2 === 0 ? 'in' : 'out',
        conversationKey: index % 5 === 0 ? null : `c-${index % 4}`,
        groupSize: 2 + (index % 3),
        summary: index % 7 === 0 ? null : `text ${index} it's`,
        textHash: index % 6 === 0 ? null : index * 7_919,
        skippedReason: index % 11 === 0 ? 'spam' : null,
      });
      const oneKind = Array.from({ length: 70 }, (_, index) => rowAt(index));
      const mixed = Array.from({ length: 35 }, (_, index) => ({
        ...rowAt(100 + index),
        kind: index % 2 === 0 ? ('message' as const) : ('note' as const),
        channel: index % 3 === 0 ? 'linkedin' : 'manual',
        source: index % 2 === 0 ? 'linkedin' : 'user',
      }));
      expect(await interactions.insertMany(oneKind, NOW)).toBe(70);
      expect(await interactions.insertMany(mixed, NOW + 1)).toBe(35);
      const stored = await store.db
        .selectFrom('interactions')
        .selectAll()
        .where('workspace_id', '=', store.workspaceId)
        .orderBy('source_key')
        .execute();
      expect(
        stored.map((row) => ({
          personId: row.person_id === null ? null : Number(row.person_id),
          kind: row.kind,
          direction: row.direction,
          at: Number(row.at),
          channel: row.channel,
          conversationKey: row.conversation_key,
          groupSize: row.group_size,
          summary: row.summary,
          textHash: row.text_hash === null ? null : Number(row.text_hash),
          skippedReason: row.skipped_reason,
          source: row.source,
          sourceKey: Number(row.source_key),
          createdAt: Number(row.created_at),
        })),
      ).toEqual([
        ...oneKind.map((row) => ({ ...row, createdAt: NOW })),
        ...mixed.map((row) => ({ ...row, createdAt: NOW + 1 })),
      ]);
    });

    it('stores 53-bit source keys exactly', async () => {
      const store = await open();
      const interactions = createInteractionRepository(store);
      const big = Number.MAX_SAFE_INTEGER - 7;
      await interactions.insertMany([{ ...message(0, big, NOW), personId: null }], NOW);
      expect([...(await interactions.knownSourceKeys([big]))]).toEqual([big]);
    });

    it('links invitations to people who become known later', async () => {
      const store = await open();
      const invitations = createInvitationRepository(store);
      const people = createPersonRepository(store);
      await invitations.insertMany(
        [
          {
            personId: null,
            counterpartName: 'Pat Peer',
            counterpartUrl: 'linkedin.com/in/pat',
            counterpartUrn: null,
            direction: 'in',
            sentAt: NOW,
            message: 'Hi',
            exportAt: NOW,
            sourceKey: 7,
          },
        ],
        NOW,
      );
      const id = await people.insert(newPerson('Pat Peer'));
      await people.addIdentities([{ personId: id, kind: 'url', value: 'linkedin.com/in/pat' }], 'test');
      await invitations.linkPeople();
      expect((await invitations.listForPerson(id)).map((row) => row.counterpartName)).toEqual(['Pat Peer']);
    });

    it('rolls back everything written in a failed transaction', async () => {
      const store = await open();
      await expect(
        store.transaction(async (trx) => {
          await createPersonRepository(trx).insert(newPerson('Half Written'));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await createPersonRepository(store).count()).toBe(0);
    });

    it('keeps workspace facts, known ties and the import log', async () => {
      const store = await open();
      const settings = createWorkspaceSettingsRepository(store);
      await settings.set('owner.url', 'a');
      await settings.set('owner.url', 'b');
      expect(await settings.get('owner.url')).toBe('b');
      const people = createPersonRepository(store);
      const a = await people.insert(newPerson('Kim A'));
      const b = await people.insert(newPerson('Lee B'));
      const ties = createKnownTieRepository(store);
      await ties.upsert(
        { personA: b, personB: a, source: 'knows', strength: 0.5, evidence: 'worked together' },
        NOW,
      );
      await ties.upsert(
        { personA: a, personB: b, source: 'knows', strength: 0.8, evidence: 'close friends' },
        NOW,
      );
      expect(await ties.listFor(b)).toEqual([
        { personA: a, personB: b, source: 'knows', strength: 0.8, evidence: 'close friends' },
      ]);
      const log = createImportLogRepository(store);
      await log.record({
        path: 'x.csv',
        format: 'linkedin-connections',
        fingerprint: 'f1',
        at: NOW,
        report: { ok: true },
      });
      expect((await log.findByFingerprint('f1'))?.format).toBe('linkedin-connections');
      expect(await log.findByFingerprint('f2')).toBeUndefined();
    });
  });
}
