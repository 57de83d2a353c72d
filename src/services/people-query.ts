import { AppError } from '../domain/errors.js';
import { withBulkMemoryPolicy } from '../runtime/bulk-memory.js';
import type { ListedPerson } from '../domain/person.js';
import { expandSegmentReferences } from '../domain/segment-expansion.js';
import {
  compares,
  isEngineAtom,
  toPersonFilter,
  usesEngine,
  type PersonFilter,
  type StoredAtom,
} from '../domain/segment-filter.js';
import { parseSegmentQuery } from '../domain/segment-query.parser.js';
import { segmentReferences, type SegmentNode } from '../domain/segment-query.js';
import { readDataVersion } from '../store/data-version.js';
import { createPersonSearchRepository } from '../store/person-search.repository.js';
import { createSavedSegmentRepository } from '../store/saved-segment.repository.js';
import type { Store } from '../store/store.js';
import { compareByName, createKeptPeopleSource, type KeptPeople } from './kept-people.js';
import type { RelationshipService } from './relationship.service.js';
import type { SettingsService } from './settings.service.js';

export interface PeopleQueryDeps {
  store: Store;
  relationships: RelationshipService;
  settings: SettingsService;
  /** `tend serve`: everyone's listing rows and search column kept in memory between queries (kept-people.ts). */
  keep?: boolean;
}

/** Whether any atom reads the search documents (free text and the document's fields). */
function readsDocuments(filter: PersonFilter): boolean {
  switch (filter.kind) {
    case 'text':
    case 'field':
    case 'tag':
      return true;
    case 'not':
      return readsDocuments(filter.node);
    case 'and':
    case 'or':
      return filter.nodes.some(readsDocuments);
    default:
      return false;
  }
}

/** How far a rebuild of search documents is: people done of the people to do. */
export type SearchIndexProgress = (done: number, total: number) => void;

/** People whose documents one transaction rebuilds: an import's refresh commits (and shows progress) after each. */
const PEOPLE_PER_TRANSACTION = 1_000;
const SEARCH_HEAP_BUDGET_MB = 96;

/**
 * Brings the search documents up to date (docs/rules/segments.md#documents) when they are stale: at the end of
 * an import, with its progress, and before a search that finds them stale (a data folder an older tend
 * imported into). A slice of people per transaction, so that a large rebuild holds neither the write lock nor
 * its changed pages for long; one interrupted leaves the rest marked stale. Returns how many were rebuilt.
 */
export async function refreshSearchDocuments(
  store: Store,
  options: { wait?: boolean; onProgress?: SearchIndexProgress | undefined } = {},
): Promise<number> {
  const search = createPersonSearchRepository(store);
  if (!(await search.isStale())) return 0;
  const { people, through } = await search.pending();
  const wait = options.wait ?? true;
  // Each slice's summaries are garbage once it is written: a bound on the heap keeps the peak near one slice's.
  await withBulkMemoryPolicy({ heapBudgetMb: SEARCH_HEAP_BUDGET_MB }, async (memory) => {
    // What an import left is garbage by now: collected before the slices allocate on top of it.
    memory.collect();
    for (let start = 0; start < people.length; start += PEOPLE_PER_TRANSACTION) {
      const slice = people.slice(start, start + PEOPLE_PER_TRANSACTION);
      await store.transaction((trx) => createPersonSearchRepository(trx).rebuildPeople(slice), { wait });
      options.onProgress?.(start + slice.length, people.length);
      memory.check();
    }
  });
  await store.transaction((trx) => createPersonSearchRepository(trx).markThrough(through), { wait });
  return people.length;
}

/** ASCII letters and digits: one whole token to FTS5's unicode61 tokenizer, for certain (any Unicode version). */
const WORD = /^[a-z0-9]+$/;

function storedAtoms(filter: PersonFilter, into: StoredAtom[] = []): StoredAtom[] {
  if (filter.kind === 'not') storedAtoms(filter.node, into);
  else if (filter.kind === 'and' || filter.kind === 'or')
    filter.nodes.forEach((node) => storedAtoms(node, into));
  else if (!isEngineAtom(filter)) into.push(filter);
  return into;
}

/**
 * `tend people QUERY`, the API's people search and compose's recipients (docs/rules/segments.md): the query
 * parsed, saved segments expanded, the store selecting by its atoms and the relationship engine deciding
 * strength, band and last contact, as of `now` (docs/rules/identity-and-imports.md#now).
 */
export function createPeopleQuery(deps: PeopleQueryDeps) {
  const { store, relationships, settings } = deps;
  const search = createPersonSearchRepository(store);
  const saved = createSavedSegmentRepository(store);

  const keptPeople = deps.keep
    ? createKeptPeopleSource(store)
    : (_version?: string | null) => Promise.resolve(null);
  /** The data version the documents were last found fresh at: nothing changed since, nothing to check. */
  let freshAt: string | null = null;

  /**
   * Documents brought up to date; skipped (answering from those stored) while another process writes.
   * Returns the data version read last (undefined: none read after a refresh), so the kept people need not
   * read it again in the same request (docs/PERFORMANCE.md#varied-names).
   */
  async function freshDocuments(onProgress?: SearchIndexProgress): Promise<string | null | undefined> {
    const version = readDataVersion(store);
    if (version !== null && version === freshAt) return version;
    try {
      await refreshSearchDocuments(store, { wait: false, onProgress });
      freshAt = readDataVersion(store);
      return freshAt;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'busy')) throw error;
      return undefined;
    }
  }

  /**
   * Whether the body's phrase (`"w1 w2"*`) can match at all: each word in some document, the last as a
   * prefix; the store is asked once per word per data version. A name whose words no note or message has
   * skips the phrase query (docs/PERFORMANCE.md#varied-names).
   */
  function mayHaveWords(kept: KeptPeople, words: string): boolean {
    const list = words.split(' ');
    return list.every((word, index) => {
      // Only a plain word is one of FTS5's tokens for certain; anything else is left to the phrase query.
      if (!WORD.test(word)) return true;
      const prefix = index === list.length - 1;
      const key = prefix ? `${word}*` : word;
      let known = kept.bodyWords.get(key);
      if (known === undefined) {
        if (kept.bodyWords.size >= 100_000) kept.bodyWords.clear();
        kept.bodyWords.set(key, (known = search.anyWithWord(word, prefix)));
      }
      return known;
    });
  }

  /** Free text from the kept people: the search column's substring, or the body's words (the store's FTS). */
  async function keptText(
    kept: KeptPeople,
    atom: { substring: string; words: string },
    includeArchived: boolean,
  ): Promise<ListedPerson[]> {
    const ranks = kept.containing(atom.substring);
    if (atom.words.length > 0 && mayHaveWords(kept, atom.words)) {
      const own = new Set(ranks);
      for (const id of await search.idsWithWords(atom.words)) {
        const rank = kept.rankOf(id);
        if (rank !== undefined && !own.has(rank)) ranks.push(rank);
      }
      ranks.sort((a, b) => a - b);
    }
    const found: ListedPerson[] = [];
    for (const rank of ranks) {
      const person = kept.ordered[rank];
      if (person && (includeArchived || !person.archived)) found.push(person.listed);
    }
    return found;
  }

  async function expanded(tree: SegmentNode): Promise<SegmentNode> {
    if (segmentReferences(tree).length === 0) return tree;
    const queries = new Map((await saved.list()).map((segment) => [segment.name, segment.query]));
    return expandSegmentReferences(tree, (name) => queries.get(name));
  }

  async function byEngine(
    whole: PersonFilter,
    now: number,
    includeArchived: boolean,
  ): Promise<ListedPerson[]> {
    // The conjuncts the store decides alone narrow who is scored: `stockholm strength:>=40` scores the
    // people of stockholm, not the network.
    const conjuncts = whole.kind === 'and' ? whole.nodes : [whole];
    const stored = conjuncts.filter((node) => !usesEngine(node));
    const filter: PersonFilter = { kind: 'and', nodes: conjuncts.filter(usesEngine) };
    const everyone = await search.listing(
      stored.length > 0 ? { kind: 'and', nodes: stored } : null,
      includeArchived,
    );
    const atoms = storedAtoms(filter);
    const sets = new Map<StoredAtom, Set<number>>();
    for (const atom of atoms) sets.set(atom, await search.idsMatching(atom));
    const view = await relationships.view(now);
    const facts = await view.facts(everyone.map((person) => person.id));
    return everyone.filter((person) => {
      const personFacts = facts.get(person.id);
      let strength: ReturnType<typeof view.score> | undefined;
      const scored = () => (strength ??= view.score(person, personFacts, false));
      const holds = (node: PersonFilter): boolean => {
        switch (node.kind) {
          case 'not':
            return !holds(node.node);
          case 'and':
            return node.nodes.every(holds);
          case 'or':
            return node.nodes.some(holds);
          case 'strength':
            return compares(node.op, scored().score, node.value);
          case 'band':
            return scored().band === node.value;
          case 'last': {
            const last = personFacts?.lastInteractionAt ?? null;
            if (last === null || last > now) return false;
            return (node.from === null || last >= node.from) && (node.to === null || last < node.to);
          }
          default:
            return sets.get(node)?.has(person.id) ?? false;
        }
      };
      return holds(filter);
    });
  }

  return {
    /**
     * People not archived whom the query selects (everyone for an empty query), in name order (kept people
     * come in it, without comparing names again). A malformed query
     * throws a positioned `usage` error; an unknown `@NAME` is `not-found`.
     */
    async listing(
      query: string | null,
      now: number,
      options: { includeArchived?: boolean; onIndexProgress?: SearchIndexProgress } = {},
    ): Promise<ListedPerson[]> {
      const includeArchived = options.includeArchived ?? false;
      const tree = query === null ? null : parseSegmentQuery(query);
      // Kept people are asked for only where they answer: made after a commit, they cost a read of everyone.
      const kept = tree === null ? await keptPeople() : null;
      if (tree === null)
        return kept
          ? kept.ordered
              .filter((person) => includeArchived || !person.archived)
              .map((person) => person.listed)
          : (await search.listing(null, includeArchived)).sort(compareByName);
      const filter = toPersonFilter(await expanded(tree), now, settings.timeZone());
      const version = readsDocuments(filter) ? await freshDocuments(options.onIndexProgress) : undefined;
      // After the documents' refresh (a commit of its own): the kept people of the version after it.
      const keptForText = filter.kind === 'text' ? await keptPeople(version) : null;
      if (keptForText && filter.kind === 'text') return keptText(keptForText, filter, includeArchived);
      const found = usesEngine(filter)
        ? await byEngine(filter, now, includeArchived)
        : await search.listing(filter, includeArchived);
      return found.sort(compareByName);
    },

    /** The query checked as a segment would be: it parses and every `@NAME` it uses exists, without cycles. */
    async check(query: string): Promise<SegmentNode | null> {
      const tree = parseSegmentQuery(query);
      if (tree !== null) await expanded(tree);
      return tree;
    },
  };
}

export type PeopleQuery = ReturnType<typeof createPeopleQuery>;
