import type { AgendaItem, AgendaPerson } from '../domain/agenda.js';
import type { RelationshipFacts } from '../domain/relationship-facts.js';
import { createDuplicateRepository, pairKey } from '../store/duplicate.repository.js';
import { createPersonDirectoryRepository } from '../store/person-directory.repository.js';
import { createPersonIdentityRepository } from '../store/person-identity.repository.js';
import type { StoreContext } from '../store/store.js';
import type { RelationshipView } from './relationship-view.js';

type NamedRecord = Pick<AgendaPerson, 'id' | 'connectionState'>;

/** Groups of two or more records by normalised name. */
function sameNameGroups(people: ReadonlyArray<{ person: NamedRecord; nameKey: string }>): NamedRecord[][] {
  const byName = new Map<string, NamedRecord[]>();
  for (const { person, nameKey } of people) {
    if (nameKey === '') continue;
    const group = byName.get(nameKey);
    if (group) group.push(person);
    else byName.set(nameKey, [person]);
  }
  return [...byName.values()].filter((group) => group.length > 1);
}

/** The pairs of each group that may be one person: not both connections, not both with a profile URL. */
async function pairsOf(
  context: StoreContext,
  groups: NamedRecord[][],
): Promise<Array<readonly [number, number]>> {
  if (groups.length === 0) return [];
  const withUrl = await createPersonIdentityRepository(context).withIdentityKind(
    groups.flatMap((group) => group.map((person) => person.id)),
    'url',
  );
  const pairs: Array<readonly [number, number]> = [];
  for (const group of groups)
    for (const [index, a] of group.entries())
      for (const b of group.slice(index + 1)) {
        const bothConnected = a.connectionState === 'connected' && b.connectionState === 'connected';
        if (!bothConnected && !(withUrl.has(a.id) && withUrl.has(b.id))) pairs.push([a.id, b.id]);
      }
  return pairs;
}

/**
 * Pairs of people tend keeps apart who may be one person (docs/rules/agenda.md#possibly-one-person): the same
 * normalised name, not both connections (one export lists a connection once), and not both with a profile URL
 * (two profiles are two people). A name-only connection and a message sender with a URL, when the export has
 * two connections of that name, stay two records (docs/rules/identity-and-imports.md#name-only-records); the plan
 * gives them one care item between them.
 */
export async function possiblySamePeople(
  context: StoreContext,
  people: ReadonlyArray<{ person: NamedRecord; nameKey: string }>,
): Promise<Array<readonly [number, number]>> {
  return pairsOf(context, sameNameGroups(people));
}

/** Whether these facts hold something I said, or a two-way exchange, at or after `since`. */
function saidSince(facts: RelationshipFacts, since: number): boolean {
  return (
    (facts.lastExchangeAt !== null && facts.lastExchangeAt >= since) ||
    (facts.firstFromMeAfterConnection !== null && facts.firstFromMeAfterConnection >= since) ||
    (facts.unanswered.firstAt !== null && facts.unanswered.firstAt >= since) ||
    (facts.lastOneToOne !== null && facts.lastOneToOne.direction === 'out' && facts.lastOneToOne.at >= since)
  );
}

/**
 * Drops the follow-ups of connections whose possible other record (same name, not a connection) holds my
 * message or a two-way exchange since the connection: the pair's conversation is taken as the connection's,
 * so "nothing said since connecting" is not claimed (docs/rules/agenda.md#follow-up-held). `tend dupes`
 * proposes the pair for a merge; a pair dismissed there holds nothing. Returns how many were held.
 */
export async function holdFollowUpsSaidElsewhere(
  context: StoreContext,
  view: Pick<RelationshipView, 'facts'>,
  items: AgendaItem[],
): Promise<number> {
  const connectedAt = new Map<number, number>();
  for (const item of items)
    if (item.kind === 'follow-up' && item.person && typeof item.triggerAt === 'number')
      connectedAt.set(item.person.id, item.triggerAt);
  if (connectedAt.size === 0) return 0;
  const entries = await createPersonDirectoryRepository(context).namesakes([...connectedAt.keys()]);
  const pairs = await pairsOf(
    context,
    sameNameGroups(
      entries.map((entry) => ({
        person: { id: entry.id, connectionState: entry.connectionState },
        nameKey: entry.nameKey,
      })),
    ),
  );
  // Pairs the user said are two people (`tend dupes --dismiss`) hold nothing.
  const dismissed = pairs.length > 0 ? await createDuplicateRepository(context).dismissedPairs() : new Set();
  const partners = new Map<number, number[]>();
  for (const [a, b] of pairs.filter(([a, b]) => !dismissed.has(pairKey(a, b))))
    for (const [self, other] of [
      [a, b],
      [b, a],
    ] as const)
      if (connectedAt.has(self)) partners.set(self, [...(partners.get(self) ?? []), other]);
  if (partners.size === 0) return 0;
  const facts = await view.facts([...new Set([...partners.values()].flat())]);
  const held = new Set<number>();
  for (const [self, others] of partners) {
    const since = connectedAt.get(self) as number;
    if (
      others.some((other) => {
        const of = facts.get(other);
        return of !== undefined && saidSince(of, since);
      })
    )
      held.add(self);
  }
  if (held.size === 0) return 0;
  const kept = items.filter(
    (item) => !(item.kind === 'follow-up' && item.person && held.has(item.person.id)),
  );
  items.length = 0;
  items.push(...kept);
  return held.size;
}
