import { AppError } from '../domain/errors.js';
import { normalizeEmail, normalizeProfileUrl, phoneForms } from '../domain/identity.js';
import type { ListedPerson, Person } from '../domain/person.js';
import { foldText, normalizeName } from '../domain/text-normalization.js';
import { addressBookDetails, type StoredContactCard } from '../domain/contact-card.js';
import { createContactCardRepository } from '../store/contact-card.repository.js';
import { createDuplicateRepository } from '../store/duplicate.repository.js';
import { createInteractionRepository } from '../store/interaction.repository.js';
import { createInvitationRepository } from '../store/invitation.repository.js';
import { createPersonRepository } from '../store/person.repository.js';
import type { StoreContext } from '../store/store.js';
import { compareByName } from './kept-people.js';
import type { PeopleQuery, SearchIndexProgress } from './people-query.js';

const MAX_CANDIDATES = 10;

/**
 * By name in the locale's collation, then id: a total order whatever order the rows came in (a list already
 * in that order, as kept people answer, costs one comparison a row).
 */
function byName<T extends { id: number; name: string }>(people: T[]): T[] {
  return people.sort(compareByName);
}

/**
 * `query` is the segment query engine (people-query.ts); without it (tests of other services) a query is
 * plain text matched as a substring of the search column.
 */
export function createPeopleService(
  store: StoreContext,
  engine: { query?: PeopleQuery; clock?: () => number; phoneRegion?: () => string | null } = {},
) {
  const people = createPersonRepository(store);
  const interactions = createInteractionRepository(store);
  const invitations = createInvitationRepository(store);
  const duplicates = createDuplicateRepository(store);
  const contactCards = createContactCardRepository(store);

  /**
   * REF is an id, a profile URL, an e-mail address, a phone number or a name fragment matching one person
   * (docs/rules/cli.md#ref). Several matches → `ambiguous` with up to 10 candidates; none → `not-found`.
   */
  async function resolveRef(ref: string): Promise<Person> {
    const text = ref.trim();
    if (text.length === 0)
      throw new AppError('usage', 'a person reference is empty: give an id, profile URL, e-mail or name');
    if (/^\d+$/.test(text)) {
      const person = await people.findById(Number(text));
      if (!person) throw new AppError('not-found', `no person with id ${text}`);
      return person;
    }
    if (/linkedin\.com\//i.test(text) || /^https?:\/\//i.test(text)) {
      const url = normalizeProfileUrl(text);
      const person = url ? await people.findByIdentity('url', url) : undefined;
      if (!person) throw new AppError('not-found', `no person with profile URL ${text}`);
      return person;
    }
    if (text.includes('@')) {
      const email = normalizeEmail(text);
      const person = email ? await people.findByIdentity('email', email) : undefined;
      if (!person) throw new AppError('not-found', `no person with e-mail ${text}`);
      return person;
    }
    // `+46 70 123 45 67`, `070-123 45 67`: a phone (digits alone are an id), in any form it was stored in.
    if (/^(?:\+|00|\()?[\d\s()./-]+$/.test(text) && /\D/.test(text)) {
      const forms = phoneForms(text, engine.phoneRegion?.() ?? null) ?? [];
      for (const value of forms) {
        const person = await people.findByIdentity('phone', value);
        if (person) return person;
      }
      if (forms.length > 0) throw new AppError('not-found', `no person with phone ${text}`);
    }
    const fragment = normalizeName(text);
    const matches = (await people.search(text, { includeArchived: true })).filter((person) =>
      normalizeName(person.name).includes(fragment),
    );
    const exact = matches.filter((person) => normalizeName(person.name) === fragment);
    const chosen = exact.length === 1 ? exact : matches;
    if (chosen.length === 1 && chosen[0]) return chosen[0];
    if (chosen.length === 0) throw new AppError('not-found', `no person matches "${text}"`);
    const candidates = chosen
      .slice(0, MAX_CANDIDATES)
      .map((person) => ({ id: person.id, name: person.name, company: person.company }));
    throw new AppError(
      'ambiguous',
      `"${text}" matches ${chosen.length} people: use an id — ${candidates.map((c) => `${c.id} ${c.name}${c.company ? ` (${c.company})` : ''}`).join('; ')}`,
      { candidates },
    );
  }

  return {
    resolveRef,

    /** Sorted by name with the locale's collation: "Élodie" among the E's, not after "Z" (docs/rules/cli.md#output-width). */
    async list(query: string | null): Promise<Person[]> {
      return byName(await people.search(query));
    },

    /**
     * What a listing shows of each person a segment query selects (`tend people QUERY`, the API), sorted
     * like `list`; plain words select as they always did (docs/rules/segments.md). `now` defaults to the
     * app's clock.
     */
    async listing(
      query: string | null,
      now?: number,
      options: { includeArchived?: boolean; onIndexProgress?: SearchIndexProgress } = {},
    ): Promise<ListedPerson[]> {
      const text = query?.trim() ? query : null;
      if (!engine.query) return byName(await people.listing(text));
      return engine.query.listing(text, now ?? engine.clock?.() ?? Date.now(), options);
    },

    async details(ref: string) {
      const person = await resolveRef(ref);
      const [identities, observations, timeline, personInvitations, possibleDuplicates, cards] =
        await Promise.all([
          people.listIdentities(person.id),
          people.listObservations(person.id),
          interactions.timeline(person.id),
          invitations.listForPerson(person.id),
          duplicates.openFor(person.id),
          contactCards.listForPerson(person.id),
        ]);
      // An accepted invitation (its counterpart is a connection) says who initiated and how we met.
      const accepted =
        person.connectionState === 'connected'
          ? (personInvitations
              .filter((invitation) => invitation.sentAt <= (person.connectedAt ?? Infinity) + 86_400_000)
              .at(-1) ?? personInvitations.at(-1))
          : undefined;
      return {
        person,
        identities,
        observations,
        timeline,
        invitations: personInvitations,
        possibleDuplicates,
        addressBook: addressBookDetails(
          cards.map((row) => JSON.parse(row.card) as StoredContactCard),
          engine.phoneRegion?.() ?? null,
        ),
        howMet: person.howMet ?? accepted?.message ?? null,
        initiatedBy: accepted ? (accepted.direction === 'out' ? ('me' as const) : ('them' as const)) : null,
      };
    },

    lastInteractionTimes(personIds: readonly number[]): Promise<Map<number, number>> {
      return interactions.lastInteractionTimes(personIds);
    },

    matchesQuery(person: Person, query: string): boolean {
      return foldText(`${person.name} ${person.company ?? ''} ${person.position ?? ''}`).includes(
        foldText(query),
      );
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
