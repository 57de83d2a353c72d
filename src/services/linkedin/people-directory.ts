import type { Identity } from '../../domain/identity.js';
import { normalizeEmail, normalizeMemberUrn, normalizeProfileUrl } from '../../domain/identity.js';
import { displayName } from '../../domain/person.js';
import { buildSearchText, normalizeName } from '../../domain/text-normalization.js';
import type { PersonRepository } from '../../store/person.repository.js';
import type { ConnectionState } from '../../domain/person.js';
import type { ImportTotals } from '../import.report.js';

export interface PersonFacts {
  firstName: string;
  lastName: string;
  url?: string | null;
  email?: string | null;
  urn?: string | null;
  company?: string | null;
  position?: string | null;
  connectedAt?: number | null;
  connectionState?: ConnectionState;
  lastExportAt?: number | null;
}

export function identitiesOf(facts: {
  url?: string | null;
  email?: string | null;
  urn?: string | null;
}): Identity[] {
  const identities: Identity[] = [];
  const url = facts.url ? normalizeProfileUrl(facts.url) : null;
  if (url) identities.push({ kind: 'url', value: url });
  const email = facts.email ? normalizeEmail(facts.email) : null;
  if (email) identities.push({ kind: 'email', value: email });
  const urn = facts.urn ? normalizeMemberUrn(facts.urn) : null;
  if (urn) identities.push({ kind: 'urn', value: urn });
  return identities;
}

export function personSearchText(parts: {
  name: string;
  company?: string | null;
  position?: string | null;
  identities?: readonly Identity[];
}): string {
  return buildSearchText([
    parts.name,
    parts.company,
    parts.position,
    ...(parts.identities ?? [])
      .filter((identity) => identity.kind !== 'urn')
      .map((identity) => identity.value),
  ]);
}

/**
 * Resolves people during one import run, in memory (rules.md, People and identity): profile URL, then
 * e-mail, then member URN; name-only records only when the name is unique among connections.
 */
export class PeopleDirectory {
  private constructor(
    private readonly people: PersonRepository,
    private readonly identities: Map<string, number>,
    private readonly connectionsByName: Map<string, number[]>,
    private readonly totals: ImportTotals,
    private readonly now: number,
  ) {}

  static async load(people: PersonRepository, totals: ImportTotals, now: number): Promise<PeopleDirectory> {
    const identities = await people.loadIdentityIndex();
    const byName = new Map<string, number[]>();
    for (const person of await people.listNames()) {
      if (person.connectionState === 'not-connected') continue;
      const key = normalizeName(person.name);
      byName.set(key, [...(byName.get(key) ?? []), person.id]);
    }
    return new PeopleDirectory(people, identities, byName, totals, now);
  }

  find(identities: readonly Identity[]): number | undefined {
    for (const identity of identities) {
      const id = this.identities.get(`${identity.kind}:${identity.value}`);
      if (id !== undefined) return id;
    }
    return undefined;
  }

  /** The connection with exactly this normalised name, when exactly one has it. */
  findUniqueConnectionByName(name: string): number | undefined {
    const ids = this.connectionsByName.get(normalizeName(name));
    return ids?.length === 1 ? ids[0] : undefined;
  }

  isConnectionName(name: string): boolean {
    return (this.connectionsByName.get(normalizeName(name))?.length ?? 0) > 0;
  }

  async addIdentities(personId: number, identities: readonly Identity[], source: string): Promise<void> {
    const fresh = identities.filter((identity) => !this.identities.has(`${identity.kind}:${identity.value}`));
    if (fresh.length === 0) return;
    await this.people.addIdentities(
      fresh.map((identity) => ({ personId, ...identity })),
      source,
    );
    for (const identity of fresh) this.identities.set(`${identity.kind}:${identity.value}`, personId);
  }

  async create(facts: PersonFacts, source: string): Promise<number> {
    const identities = identitiesOf(facts);
    const name = displayName(facts.firstName, facts.lastName) || identities[0]?.value || 'Unknown';
    const id = await this.people.insert({
      firstName: facts.firstName,
      lastName: facts.lastName,
      name,
      nameKey: normalizeName(name),
      company: facts.company ?? null,
      position: facts.position ?? null,
      connectedAt: facts.connectedAt ?? null,
      connectionState: facts.connectionState ?? 'not-connected',
      lastExportAt: facts.lastExportAt ?? null,
      searchText: personSearchText({ name, company: facts.company, position: facts.position, identities }),
      now: this.now,
    });
    this.totals.peopleAdded++;
    await this.addIdentities(id, identities, source);
    if (facts.connectionState === 'connected') this.rememberConnectionName(name, id);
    return id;
  }

  rememberConnectionName(name: string, id: number): void {
    const key = normalizeName(name);
    const ids = this.connectionsByName.get(key) ?? [];
    if (!ids.includes(id)) this.connectionsByName.set(key, [...ids, id]);
  }

  /** Finds the person by identities or creates a not-connected one (message senders, contacts). */
  async findOrCreate(facts: PersonFacts, source: string): Promise<number> {
    const identities = identitiesOf(facts);
    const existing = this.find(identities);
    if (existing !== undefined) {
      await this.addIdentities(existing, identities, source);
      return existing;
    }
    return this.create(facts, source);
  }
}
