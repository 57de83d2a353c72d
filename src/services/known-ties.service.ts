import { AppError } from '../domain/errors.js';
import { normalizeProfileUrl } from '../domain/identity.js';
import { displayName, type Person } from '../domain/person.js';
import { personNameKey } from '../domain/text-normalization.js';
import { EDGE_VALUES } from '../domain/path-evidence.js';
import { createKnownTieRepository, type KnownTie } from '../store/known-tie.repository.js';
import { createPersonRepository } from '../store/person.repository.js';
import type { Store, StoreContext } from '../store/store.js';
import { identitiesOf, personSearchText } from './linkedin/people-directory.js';
import type { PeopleService } from './people.service.js';
import type { RelationshipService } from './relationship.service.js';

export interface KnowsChanges {
  /** 0..1 as typed; default 0.5, or the strength already recorded. */
  strength?: string;
  /** How they know each other; an empty text clears it. */
  how?: string;
  /** The name of B when B is a profile URL of someone not yet in tend. */
  name?: string;
}

/** A tie the user recorded, seen from one of its two people. */
export interface PersonTie {
  other: Person;
  strength: number;
  /** How they know each other, as recorded (`--how`). */
  how: string | null;
}

export interface RecordedTie {
  a: Person;
  b: Person;
  tie: KnownTie;
  /** B was a profile URL of someone not in tend and was added as a not-connected person. */
  personCreated: boolean;
}

const isUrl = (text: string) => /linkedin\.com\//i.test(text) || /^https?:\/\//i.test(text);

export function parseTieStrength(value: string): number {
  const text = value.trim();
  const number = /^(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : NaN;
  if (!(number >= 0 && number <= 1))
    throw new AppError('usage', `--strength "${value}" must be a number from 0 to 1, for example 0.7`);
  return number;
}

/** "tim-roe-3c8d51fa" → "Tim Roe": the slug's words, without LinkedIn's trailing id. */
export function nameFromProfileUrl(url: string): string {
  const slug = (url.replace(/\/+$/, '').split('/').at(-1) ?? '').trim();
  const words = slug.split(/[-_.\s]+/).filter(Boolean);
  if (words.length > 1 && /\d/.test(words.at(-1) ?? '')) words.pop();
  const name = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
  return name || url;
}

/**
 * `tend knows A B`: the user's own word that two of their people know each other (known_ties source
 * `knows`). It feeds warm paths and the structural component of both people's strength, so both are
 * refreshed in the same transaction.
 */
export function createKnownTiesService(deps: {
  store: Store;
  people: PeopleService;
  relationships: RelationshipService;
  clock: () => number;
}) {
  const { store, people, relationships, clock } = deps;

  /** B may be a profile URL of someone not yet in tend: then they are added, not connected. */
  async function findOrAddByUrl(
    context: StoreContext,
    ref: string,
    name: string | undefined,
  ): Promise<{ person: Person; created: boolean }> {
    const url = normalizeProfileUrl(ref);
    if (!url) throw new AppError('usage', `"${ref}" is not a profile URL`);
    const repository = createPersonRepository(context);
    const existing = await repository.findByIdentity('url', url);
    if (existing) return { person: existing, created: false };
    const fullName = name?.trim() || nameFromProfileUrl(url);
    const [firstName = '', ...rest] = fullName.split(/\s+/);
    const shown = displayName(firstName, rest.join(' ')) || fullName;
    const identities = identitiesOf({ url: ref });
    const id = await repository.insert({
      firstName,
      lastName: rest.join(' '),
      name: shown,
      nameKey: personNameKey(shown),
      company: null,
      position: null,
      connectedAt: null,
      connectionState: 'not-connected',
      lastExportAt: null,
      searchText: personSearchText({ name: shown, identities }),
      now: clock(),
    });
    await repository.addIdentities(
      identities.map((identity) => ({ personId: id, ...identity })),
      'user',
    );
    const person = await repository.findById(id);
    if (!person) throw new AppError('internal', `the person added for ${ref} was not found again`);
    return { person, created: true };
  }

  function requireTwo(a: Person, b: Person): void {
    if (a.id === b.id)
      throw new AppError('usage', `both references are ${a.name}: give two different people`);
  }

  return {
    async record(aRef: string, bRef: string, changes: KnowsChanges = {}): Promise<RecordedTie> {
      const strength = changes.strength === undefined ? undefined : parseTieStrength(changes.strength);
      const a = await people.resolveRef(aRef);
      // Resolved before the transaction: on SQLite a query outside it would wait for its connection.
      const known = isUrl(bRef) ? undefined : await people.resolveRef(bRef);
      return store.transaction(async (trx) => {
        const { person: b, created } = known
          ? { person: known, created: false }
          : await findOrAddByUrl(trx, bRef, changes.name);
        requireTwo(a, b);
        const ties = createKnownTieRepository(trx);
        const before = await ties.find(a.id, b.id, 'knows');
        await ties.upsert(
          {
            personA: a.id,
            personB: b.id,
            source: 'knows',
            // Re-running with only --how keeps the recorded strength, and the other way round.
            strength: strength ?? before?.strength ?? EDGE_VALUES.knows,
            evidence: changes.how === undefined ? (before?.evidence ?? null) : changes.how.trim() || null,
          },
          clock(),
        );
        await relationships.refreshPerson(trx, a.id);
        await relationships.refreshPerson(trx, b.id);
        const tie = await ties.find(a.id, b.id, 'knows');
        if (!tie) throw new AppError('internal', 'the recorded tie was not found again');
        return { a, b, tie, personCreated: created };
      });
    },

    /**
     * The ties the user recorded for one person (`tend knows A`, the Person page), by the other's name.
     * Evidence tend found itself (a shared thread or meeting) is not stored as a tie and is not listed.
     */
    async recordedFor(ref: string): Promise<{ person: Person; ties: PersonTie[] }> {
      const person = await people.resolveRef(ref);
      const ties = (await createKnownTieRepository(store).listFor(person.id)).filter(
        (tie) => tie.source === 'knows',
      );
      const otherOf = (tie: KnownTie) => (tie.personA === person.id ? tie.personB : tie.personA);
      const others = new Map(
        (await createPersonRepository(store).findByIds(ties.map(otherOf))).map((other) => [other.id, other]),
      );
      const listed: PersonTie[] = [];
      for (const tie of ties) {
        const other = others.get(otherOf(tie));
        if (other) listed.push({ other, strength: tie.strength, how: tie.evidence });
      }
      listed.sort((x, y) => x.other.name.localeCompare(y.other.name) || x.other.id - y.other.id);
      return { person, ties: listed };
    },

    /** Deletes what the user recorded; evidence tend found itself (threads, meetings) is not touched. */
    async remove(aRef: string, bRef: string): Promise<{ a: Person; b: Person }> {
      const a = await people.resolveRef(aRef);
      const b = await people.resolveRef(bRef);
      requireTwo(a, b);
      return store.transaction(async (trx) => {
        const removed = await createKnownTieRepository(trx).remove(a.id, b.id, 'knows');
        if (!removed)
          throw new AppError(
            'not-found',
            `you have not recorded that ${a.name} and ${b.name} know each other`,
          );
        await relationships.refreshPerson(trx, a.id);
        await relationships.refreshPerson(trx, b.id);
        return { a, b };
      });
    },
  };
}

export type KnownTiesService = ReturnType<typeof createKnownTiesService>;
