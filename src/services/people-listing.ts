import type { ListedPerson } from '../domain/person.js';
import { formatInstant } from '../domain/time.js';
import type { RelationshipService } from './relationship.service.js';

export interface ListingFacts {
  strength: number | null;
  band: string | null;
  lastInteractionAt: number | null;
}

/**
 * Strength, band and last contact for listing, from the per-person aggregates of the people listed only:
 * `tend people TEXT` (and `GET /api/people?q=`) reads and scores the matches, not the whole network
 * (docs/PERFORMANCE.md#people-search).
 */
export async function listingFacts(
  relationships: RelationshipService,
  now: number,
  people: readonly ListedPerson[],
): Promise<(person: ListedPerson) => ListingFacts> {
  const view = await relationships.view(now);
  const facts = await view.facts(people.map((person) => person.id));
  return (person) => {
    const personFacts = facts.get(person.id);
    const strength = view.score(person, personFacts, false);
    const last = personFacts?.lastInteractionAt ?? null;
    return {
      strength: strength.score,
      band: strength.band,
      lastInteractionAt: last !== null && last <= now ? last : null,
    };
  };
}

/**
 * A listed person as `people --json`, `show --json` and `GET /api/people` give them
 * (docs/rules/cli.md#json-shapes): one shape for the CLI and the API.
 */
export function listedPersonJson(person: ListedPerson, facts: ListingFacts) {
  return {
    id: person.id,
    name: person.name,
    company: person.company,
    position: person.position,
    circle: person.circle,
    strength: facts.strength,
    band: facts.band,
    lastInteractionAt: facts.lastInteractionAt === null ? null : formatInstant(facts.lastInteractionAt),
  };
}
