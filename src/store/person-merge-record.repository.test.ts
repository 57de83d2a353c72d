import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpWorkspace } from '../../test/support/workspace-dump.js';
import { testDatabases } from '../../test/support/test-databases.js';
import { createInteractionRepository } from './interaction.repository.js';
import { createKnownTieRepository } from './known-tie.repository.js';
import { createPersonMergeRecordRepository } from './person-merge-record.repository.js';
import { createPersonMergeRepository } from './person-merge.repository.js';
import { createPersonRepository } from './person.repository.js';
import type { Store } from './store.js';

const NOW = Date.UTC(2026, 0, 15, 9);
const NAMES = ['Lukas Brenner', 'Aiko Tanabe', 'Tomas Berglund', 'Sofia Marques'];
const TAGS = ['alumni', 'mentor', 'hamburg'];
const KEYS = ['t1', 't2', 't3'];

const personShape = fc.record({
  name: fc.constantFrom(...NAMES),
  company: fc.option(fc.constantFrom('Acme', 'Hafenlicht GmbH'), { nil: null }),
  connected: fc.boolean(),
  tags: fc.subarray(TAGS),
  circle: fc.option(fc.constantFrom('close', 'active'), { nil: null }),
  notes: fc.option(fc.constantFrom('Prefers calls', 'Met at FOSDEM'), { nil: null }),
  phone: fc.boolean(),
  observed: fc.subarray([1, 2, 3]),
  messages: fc.array(fc.record({ key: fc.constantFrom(...KEYS), out: fc.boolean() }), { maxLength: 3 }),
});

const world = fc.record({
  people: fc.array(personShape, { minLength: 2, maxLength: 6 }),
  ties: fc.array(fc.tuple(fc.nat(5), fc.nat(5)), { maxLength: 4 }),
  introductions: fc.array(fc.tuple(fc.nat(5), fc.nat(5), fc.constantFrom('proposed', 'outcome')), {
    maxLength: 3,
  }),
  merges: fc.array(fc.tuple(fc.nat(5), fc.nat(5)), { minLength: 1, maxLength: 5 }),
});

type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

let sourceKey = 0;

/** Writes the generated people and what they have; returns their ids in order. */
async function build(store: Store, generated: World): Promise<number[]> {
  const people = createPersonRepository(store);
  const interactions = createInteractionRepository(store);
  const ids: number[] = [];
  for (const [index, shape] of generated.people.entries()) {
    const [firstName = '', lastName = ''] = shape.name.split(' ');
    const id = await people.insert({
      firstName,
      lastName,
      name: shape.name,
      nameKey: shape.name.toLowerCase(),
      company: shape.company,
      position: null,
      connectedAt: shape.connected ? NOW - 86_400_000 : null,
      connectionState: shape.connected ? 'connected' : 'not-connected',
      lastExportAt: null,
      searchText: shape.name.toLowerCase(),
      now: NOW,
    });
    ids.push(id);
    const unique = `${id}-${index}-${sourceKey}`;
    await people.addIdentities(
      [
        { personId: id, kind: 'email', value: `p${unique}@example.org` },
        ...(shape.phone ? [{ personId: id, kind: 'phone' as const, value: `+4940555${unique}` }] : []),
      ],
      'vcard',
    );
    await people.updateUserFields(
      id,
      { tags: shape.tags, ...(shape.circle ? { circle: shape.circle } : {}), notes: shape.notes },
      NOW,
    );
    await people.addObservations(
      shape.observed.map((day) => ({ personId: id, field: 'company', value: 'Acme', seenAt: NOW - day })),
    );
    await interactions.insertMany(
      shape.messages.map((message) => ({
        personId: id,
        kind: 'message' as const,
        direction: message.out ? ('out' as const) : ('in' as const),
        at: NOW - ++sourceKey * 1000,
        channel: 'linkedin',
        conversationKey: message.key,
        groupSize: 4,
        summary: 'hello',
        textHash: sourceKey,
        skippedReason: null,
        source: 'linkedin',
        sourceKey,
      })),
      NOW,
    );
    await interactions.addConversationMembers(
      shape.messages.map((message) => ({ conversationKey: message.key, personId: id })),
    );
  }
  const at = (index: number) => ids[index % ids.length] as number;
  for (const [a, b] of generated.ties)
    if (at(a) !== at(b))
      await createKnownTieRepository(store).upsert(
        { personA: at(a), personB: at(b), source: 'knows', strength: 0.5, evidence: null },
        NOW,
      );
  for (const [a, b, state] of generated.introductions)
    if (at(a) !== at(b))
      await store.db
        .insertInto('introductions')
        .values({
          workspace_id: store.workspaceId,
          person_a: at(a),
          person_b: at(b),
          why: null,
          state,
          state_at: NOW,
          history: '[]',
          created_at: NOW,
        })
        .onConflict((conflict) => conflict.doNothing())
        .execute();
  return ids;
}

/** Compared without the rows' change times and the merge journal, which remembers the undone merges. */
const dump = (store: Store) =>
  dumpWorkspace(store, { people: ['updated_at'] }).then(({ person_merges: _journal, ...rest }) => rest);

describe.each(testDatabases('person-merge-record'))('merging and unmerging people, on $name', (database) => {
  let store: Store;
  beforeAll(async () => {
    store = await database.open();
  });
  afterAll(async () => {
    await store.close();
    await database.cleanup();
  });

  it('gives back the original people and everything they had when the merges are undone in reverse', async () => {
    await fc.assert(
      fc.asyncProperty(world, async (generated) => {
        const ids = await build(store, generated);
        const before = await dump(store);
        const merges = createPersonMergeRepository(store);
        const records = createPersonMergeRecordRepository(store);
        const alive = new Set(ids);
        let done = 0;
        for (const [a, b] of generated.merges) {
          const keep = ids[a % ids.length] as number;
          const gone = ids[b % ids.length] as number;
          if (keep === gone || !alive.has(keep) || !alive.has(gone)) continue;
          expect(await merges.mergeRecorded(keep, gone, NOW, 'user')).toBeGreaterThan(0);
          alive.delete(gone);
          done++;
        }
        if (done > 0) expect(await dump(store)).not.toEqual(before);
        for (let undone = 0; undone < done; undone++) {
          const [latest] = await records.listOpen();
          if (!latest) throw new Error('a merge record is missing');
          await records.undo(latest, NOW + 1);
        }
        expect(await records.listOpen()).toEqual([]);
        expect(await dump(store)).toEqual(before);
      }),
      { numRuns: database.name === 'sqlite' ? 40 : 12 },
    );
  });

  it('undoes a merge out of order without touching the later one', async () => {
    const ids = await build(store, {
      people: NAMES.slice(0, 3).map((name) => ({
        name,
        company: null,
        connected: true,
        tags: [name.slice(0, 4)],
        circle: null,
        notes: null,
        phone: false,
        observed: [],
        messages: [{ key: `solo-${name}`, out: false }],
      })),
      ties: [],
      introductions: [],
      merges: [],
    });
    const [a, b, c] = ids as [number, number, number];
    const merges = createPersonMergeRepository(store);
    const records = createPersonMergeRecordRepository(store);
    const first = await merges.mergeRecorded(a, b, NOW, 'user');
    await merges.mergeRecorded(a, c, NOW, 'user');
    const entry = (await records.listOpen()).find((record) => record.id === first);
    if (!entry) throw new Error('no record');
    expect(await records.undo(entry, NOW)).toBe(b);
    const people = createPersonRepository(store);
    expect((await people.findById(b))?.name).toBe('Aiko Tanabe');
    expect((await people.listIdentities(c)).length).toBe(0);
    expect((await people.listIdentities(a)).length).toBe(2);
    expect((await createInteractionRepository(store).timeline(b)).length).toBe(1);
    expect((await createInteractionRepository(store).timeline(a)).length).toBe(2);
  });
});
