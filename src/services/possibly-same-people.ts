import type { AgendaPerson } from '../domain/agenda.js';
import { createPersonIdentityRepository } from '../store/person-identity.repository.js';
import type { StoreContext } from '../store/store.js';

/**
 * Pairs of people tend keeps apart who may be one person (docs/rules/agenda.md#possibly-one-person): the same
 * normalised name, not both connections (one export lists a connection once), and not both with a profile URL
 * (two profiles are two people). A name-only connection and a message sender with a URL, when the export has
 * two connections of that name, stay two records (docs/rules/identity-and-imports.md#name-only-records); the plan
 * gives them one care item between them.
 */
export async function possiblySamePeople(
  context: StoreContext,
  people: ReadonlyArray<{ person: Pick<AgendaPerson, 'id' | 'connectionState'>; nameKey: string }>,
): Promise<Array<readonly [number, number]>> {
  const byName = new Map<string, Array<Pick<AgendaPerson, 'id' | 'connectionState'>>>();
  for (const { person, nameKey } of people) {
    if (nameKey === '') continue;
    const group = byName.get(nameKey);
    if (group) group.push(person);
    else byName.set(nameKey, [person]);
  }
  const groups = [...byName.values()].filter((group) => group.length > 1);
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
