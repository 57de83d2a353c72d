import type { Identity, IdentityKind } from '../../domain/identity.js';
import { normalizeEmail, normalizeMemberUrn, normalizeProfileUrl } from '../../domain/identity.js';
import { displayName } from '../../domain/person.js';
import { buildSearchText, personNameKey } from '../../domain/text-normalization.js';
import type { PersonRepository } from '../../store/person.repository.js';
import type { DirectoryEntry, PersonDirectoryRepository } from '../../store/person-directory.repository.js';
import type { createPersonMergeRepository } from '../../store/person-merge.repository.js';
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

export interface DirectoryRepositories {
  people: PersonRepository;
  directoryEntries: PersonDirectoryRepository;
  merges: ReturnType<typeof createPersonMergeRepository>;
}

/** The identity source of the address book uploaded to LinkedIn (Contacts.csv, Imported Contacts.csv). */
export const ADDRESS_BOOK_SOURCE = 'linkedin-contacts';

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

const KIND_BITS: Record<IdentityKind, number> = { url: 1, email: 2, urn: 4, phone: 8 };
/**
 * Identities that make two records one person (docs/rules/identity-and-imports.md#match-order); a phone
 * only finds, never merges.
 */
const STRONG_KINDS: ReadonlySet<IdentityKind> = new Set(['url', 'email', 'urn']);

function kindBitOfKey(key: string): number {
  const kind = key.slice(0, key.indexOf(':')) as IdentityKind;
  return KIND_BITS[kind] ?? 0;
}

const nameDateKey = (nameKey: string, connectedAt: number) => `${nameKey}|${connectedAt}`;

function addTo(map: Map<string, number[]>, key: string, id: number): void {
  const ids = map.get(key);
  if (!ids) map.set(key, [id]);
  else if (!ids.includes(id)) ids.push(id);
}

function removeFrom(map: Map<string, number[]>, key: string, id: number): void {
  const ids = map.get(key)?.filter((other) => other !== id);
  if (ids && ids.length > 0) map.set(key, ids);
  else map.delete(key);
}

/**
 * Resolves people during the import of one file, in memory (docs/rules/identity-and-imports.md#match-order):
 * profile URL, then e-mail, then member URN; name-only records only when the name is unique among
 * connections; across exports, a connection by name and `Connected On` date when no identity tells them
 * apart.
 */
export class PeopleDirectory {
  private constructor(
    private readonly repositories: DirectoryRepositories,
    private readonly identities: Map<string, number>,
    /** Which identity kinds each person has (bits of KIND_BITS). */
    private readonly kinds: Map<number, number>,
    private readonly entries: Map<number, DirectoryEntry>,
    private readonly connectionsByName: Map<string, number[]>,
    private readonly connectionsByNameAndDate: Map<string, number[]>,
    private readonly unconnectedByName: Map<string, number[]>,
    private readonly totals: ImportTotals,
    private readonly now: number,
  ) {}

  /**
   * The same people for the next file of the run, bound to that file's transaction and totals: loading
   * 30,000 people and their identities once per run instead of once per file. Only valid while every
   * earlier file of the run committed (a rolled-back file's people are gone: load again).
   */
  forFile(repositories: DirectoryRepositories, totals: ImportTotals, now: number): PeopleDirectory {
    return new PeopleDirectory(
      repositories,
      this.identities,
      this.kinds,
      this.entries,
      this.connectionsByName,
      this.connectionsByNameAndDate,
      this.unconnectedByName,
      totals,
      now,
    );
  }

  static async load(
    repositories: DirectoryRepositories,
    totals: ImportTotals,
    now: number,
  ): Promise<PeopleDirectory> {
    const identities = await repositories.people.loadIdentityIndex();
    const kinds = new Map<number, number>();
    for (const [key, id] of identities) kinds.set(id, (kinds.get(id) ?? 0) | kindBitOfKey(key));
    const entries = new Map<number, DirectoryEntry>();
    const byName = new Map<string, number[]>();
    const byNameAndDate = new Map<string, number[]>();
    const unconnected = new Map<string, number[]>();
    const index = (entry: DirectoryEntry) => {
      if (entry.connectionState === 'not-connected') {
        addTo(unconnected, entry.nameKey, entry.id);
        return;
      }
      addTo(byName, entry.nameKey, entry.id);
      if (entry.connectedAt !== null)
        addTo(byNameAndDate, nameDateKey(entry.nameKey, entry.connectedAt), entry.id);
    };
    for (const entry of await repositories.directoryEntries.listEntries()) {
      entries.set(entry.id, entry);
      index(entry);
    }
    // Someone merged away is found again as the person they joined: a merge is never split by an import.
    for (const alias of await repositories.directoryEntries.listMergedAliases())
      if (entries.has(alias.id)) index(alias);
    return new PeopleDirectory(
      repositories,
      identities,
      kinds,
      entries,
      byName,
      byNameAndDate,
      unconnected,
      totals,
      now,
    );
  }

  /**
   * Profile URLs found, keyed by the URL's own string (a messages batch shares each one among its rows): no
   * key is built per message. Cleared by a merge, the one change of a known identity's person.
   */
  private readonly byUrl = new Map<string, number>();

  /** `find` of one normalised profile URL (every message looks its people up so). */
  findUrl(url: string): number | undefined {
    let id = this.byUrl.get(url);
    if (id === undefined) {
      id = this.identities.get(`url:${url}`);
      if (id !== undefined) this.byUrl.set(url, id);
    }
    return id;
  }

  find(identities: readonly Identity[]): number | undefined {
    for (const identity of identities) {
      const id = this.identities.get(`${identity.kind}:${identity.value}`);
      if (id !== undefined) return id;
    }
    return undefined;
  }

  /** The person's normalised name as the directory knows it. */
  nameKeyOf(personId: number): string | undefined {
    return this.entries.get(personId)?.nameKey;
  }

  hasIdentityKind(personId: number, kind: IdentityKind): boolean {
    return ((this.kinds.get(personId) ?? 0) & KIND_BITS[kind]) !== 0;
  }

  /** The connection with exactly this normalised name, when exactly one has it. */
  findUniqueConnectionByName(name: string): number | undefined {
    return this.findUniqueConnectionByNameKey(personNameKey(name));
  }

  findUniqueConnectionByNameKey(nameKey: string): number | undefined {
    const ids = this.connectionsByName.get(nameKey);
    return ids?.length === 1 ? ids[0] : undefined;
  }

  /**
   * The unique connection of this name, when it has none of these identities' kinds: a record with a
   * profile URL unknown to tend is that connection only if the connection has no URL of its own (the
   * mid-2021 to mid-2023 exports carry no URLs in Connections.csv); a different URL is a different person.
   */
  findUniqueConnectionWithout(name: string, identities: readonly Identity[]): number | undefined {
    const id = this.findUniqueConnectionByName(name);
    if (id === undefined) return undefined;
    return identities.some((identity) => this.hasIdentityKind(id, identity.kind)) ? undefined : id;
  }

  isConnectionName(name: string): boolean {
    return (this.connectionsByName.get(personNameKey(name))?.length ?? 0) > 0;
  }

  /**
   * Across exports, the connection with the same normalised name and `Connected On` date
   * (docs/rules/identity-and-imports.md#name-and-connected-on), when exactly one exists and no URL or e-mail
   * tells the two apart (both having one of a kind, unequal).
   */
  findSameConnection(
    nameKey: string,
    connectedAt: number,
    identities: readonly Identity[],
  ): number | undefined {
    const candidates = (this.connectionsByNameAndDate.get(nameDateKey(nameKey, connectedAt)) ?? []).filter(
      (id) =>
        !identities.some((identity) => identity.kind !== 'phone' && this.hasIdentityKind(id, identity.kind)),
    );
    return candidates.length === 1 ? candidates[0] : undefined;
  }

  /**
   * The not-connected person of this name (a message sender, an address-book contact, someone added with
   * `tend knows`) whom no identity tells apart from a connection row: the same name-only match as when that
   * record is read after Connections.csv, in the other order
   * (docs/rules/identity-and-imports.md#import-order).
   */
  findUnconnectedSameName(nameKey: string, identities: readonly Identity[]): number | undefined {
    const candidates = (this.unconnectedByName.get(nameKey) ?? []).filter(
      (id) =>
        !identities.some((identity) => identity.kind !== 'phone' && this.hasIdentityKind(id, identity.kind)),
    );
    return candidates.length === 1 ? candidates[0] : undefined;
  }

  /**
   * The person these identities name. When its strong identities (URL, e-mail, URN) name several people, they
   * are one person: the others are merged into the first found
   * (docs/rules/identity-and-imports.md#merge-by-identity).
   */
  async resolve(identities: readonly Identity[]): Promise<number | undefined> {
    const found: number[] = [];
    for (const identity of identities) {
      const id = this.identities.get(`${identity.kind}:${identity.value}`);
      if (id === undefined || found.includes(id)) continue;
      if (found.length > 0 && !STRONG_KINDS.has(identity.kind)) continue;
      found.push(id);
    }
    const [keep, ...others] = found;
    if (keep === undefined) return undefined;
    for (const other of others) await this.merge(keep, other);
    return keep;
  }

  /** Makes `goneId` part of `keepId` in the store and in this directory. */
  async merge(keepId: number, goneId: number): Promise<void> {
    const { people, merges } = this.repositories;
    const goneIdentities = await people.listIdentities(goneId);
    if (!(await merges.merge(keepId, goneId, this.now))) return;
    for (const identity of goneIdentities) this.identities.set(`${identity.kind}:${identity.value}`, keepId);
    this.byUrl.clear();
    this.kinds.set(keepId, (this.kinds.get(keepId) ?? 0) | (this.kinds.get(goneId) ?? 0));
    this.kinds.delete(goneId);
    const gone = this.entries.get(goneId);
    if (gone) {
      removeFrom(this.connectionsByName, gone.nameKey, goneId);
      if (gone.connectedAt !== null)
        removeFrom(this.connectionsByNameAndDate, nameDateKey(gone.nameKey, gone.connectedAt), goneId);
      removeFrom(this.unconnectedByName, gone.nameKey, goneId);
      this.entries.delete(goneId);
    }
    const kept = await people.findById(keepId);
    if (kept) {
      const identities = (await people.listIdentities(keepId)).map(({ kind, value }) => ({ kind, value }));
      await people.updateImported(
        keepId,
        { searchText: personSearchText({ ...kept, identities }) },
        this.now,
      );
      if (kept.connectionState !== 'not-connected')
        this.rememberConnection(keepId, kept.name, kept.connectedAt, kept.connectionState);
    }
    this.totals.peopleUpdated++;
  }

  /**
   * Each number's identity (its first form), less those whose person already holds the number in another form
   * (digits stored before E.164, docs/rules/identity-and-imports.md#phones): one phone, one identity per person.
   */
  phonesNotHeld(personId: number, numbers: readonly Identity[][]): Identity[] {
    return numbers.flatMap(([identity, ...earlier]) =>
      identity && this.find(earlier) !== personId ? [identity] : [],
    );
  }

  /** Adds the identities nobody has yet; returns how many were new. */
  async addIdentities(personId: number, identities: readonly Identity[], source: string): Promise<number> {
    const fresh = identities.filter((identity) => !this.identities.has(`${identity.kind}:${identity.value}`));
    if (fresh.length === 0) return 0;
    await this.repositories.people.addIdentities(
      fresh.map((identity) => ({ personId, ...identity })),
      source,
    );
    let bits = this.kinds.get(personId) ?? 0;
    for (const identity of fresh) {
      this.identities.set(`${identity.kind}:${identity.value}`, personId);
      bits |= KIND_BITS[identity.kind];
    }
    this.kinds.set(personId, bits);
    return fresh.length;
  }

  async create(facts: PersonFacts, source: string): Promise<number> {
    const identities = identitiesOf(facts);
    const name = displayName(facts.firstName, facts.lastName) || identities[0]?.value || 'Unknown';
    const connectionState = facts.connectionState ?? 'not-connected';
    const connectedAt = facts.connectedAt ?? null;
    // Folded once (a million-message import creates tens of thousands of people).
    const nameKey = personNameKey(name);
    const id = await this.repositories.people.insert({
      firstName: facts.firstName,
      lastName: facts.lastName,
      name,
      nameKey,
      company: facts.company ?? null,
      position: facts.position ?? null,
      connectedAt,
      connectionState,
      lastExportAt: facts.lastExportAt ?? null,
      searchText: personSearchText({ name, company: facts.company, position: facts.position, identities }),
      now: this.now,
    });
    this.totals.peopleAdded++;
    this.entries.set(id, { id, nameKey, connectedAt, connectionState });
    await this.addIdentities(id, identities, source);
    if (connectionState !== 'not-connected')
      this.rememberConnection(id, name, connectedAt, connectionState, nameKey);
    else addTo(this.unconnectedByName, nameKey, id);
    return id;
  }

  /** A person who is (or became) a connection, under the name and date they now have. */
  rememberConnection(
    id: number,
    name: string,
    connectedAt: number | null,
    connectionState: ConnectionState = 'connected',
    /** `personNameKey(name)`, when the caller has it. */
    nameKey = personNameKey(name),
  ): void {
    const previous = this.entries.get(id);
    if (previous?.connectionState === 'not-connected')
      removeFrom(this.unconnectedByName, previous.nameKey, id);
    else if (previous) {
      removeFrom(this.connectionsByName, previous.nameKey, id);
      if (previous.connectedAt !== null)
        removeFrom(this.connectionsByNameAndDate, nameDateKey(previous.nameKey, previous.connectedAt), id);
    }
    this.entries.set(id, { id, nameKey, connectedAt, connectionState });
    addTo(this.connectionsByName, nameKey, id);
    if (connectedAt !== null) addTo(this.connectionsByNameAndDate, nameDateKey(nameKey, connectedAt), id);
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
