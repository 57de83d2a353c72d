import { lazyCollator } from '../domain/collation.js';
import type { ListedPerson } from '../domain/person.js';
import { readDataVersion } from '../store/data-version.js';
import { createPersonSearchRepository } from '../store/person-search.repository.js';
import type { Store } from '../store/store.js';

const compareNames = lazyCollator(undefined, { sensitivity: 'base', numeric: true });

/** By name in the locale's collation, then id: the one order of every listing (`tend people`, the API). */
export function compareByName(a: { id: number; name: string }, b: { id: number; name: string }): number {
  return compareNames(a.name, b.name) || a.id - b.id;
}

interface KeptPerson {
  listed: ListedPerson;
  archived: boolean;
  /** The search column (folded): what free text's substring is looked for in. */
  text: string;
}

/**
 * Everyone's listing row and search column in memory, in name order, with a trigram index of the search
 * column: what `tend serve` keeps while the data stays as it was (docs/PERFORMANCE.md#kept-people), so a
 * name or company search neither scans 30,000 rows nor asks SQLite's trigram index, whose doclists for
 * common trigrams are long. The answer is the store's: a substring of the same folded column.
 */
export interface KeptPeople {
  /** Everyone (archived too), in name order; positions are their ranks. */
  readonly ordered: readonly KeptPerson[];
  rankOf(id: number): number | undefined;
  /** Ranks (ascending: name order) of the people whose search column contains `substring`. */
  containing(substring: string): number[];
  /** Body words (`word`, or `word*` for a prefix) the store was asked about at this data version: in a document? */
  readonly bodyWords: Map<string, boolean>;
}

function trigramsOf(text: string): Set<string> {
  const found = new Set<string>();
  for (let index = 0; index + 3 <= text.length; index++) found.add(text.slice(index, index + 3));
  return found;
}

export function buildKeptPeople(
  rows: ReadonlyArray<{ listed: ListedPerson; archived: boolean; text: string }>,
): KeptPeople {
  const ordered = [...rows].sort((a, b) => compareByName(a.listed, b.listed));
  const ranks = new Map<number, number>();
  ordered.forEach((person, rank) => ranks.set(person.listed.id, rank));
  // Made by the first substring search: the page's first listing (no text) does not wait for it.
  let index: Map<string, Int32Array> | undefined;
  const trigramIndex = () => {
    if (index) return index;
    const postings = new Map<string, number[]>();
    ordered.forEach((person, rank) => {
      for (const trigram of trigramsOf(person.text)) {
        const list = postings.get(trigram);
        if (list) list.push(rank);
        else postings.set(trigram, [rank]);
      }
    });
    index = new Map();
    for (const [trigram, list] of postings) index.set(trigram, Int32Array.from(list));
    return index;
  };
  return {
    ordered,
    bodyWords: new Map(),
    rankOf: (id) => ranks.get(id),
    containing(substring) {
      const found: number[] = [];
      if (substring.length < 3) {
        ordered.forEach((person, rank) => {
          if (person.text.includes(substring)) found.push(rank);
        });
        return found;
      }
      // The rarest of the substring's trigrams names every candidate; each is then checked whole.
      let rarest: Int32Array | undefined;
      for (const trigram of trigramsOf(substring)) {
        const list = trigramIndex().get(trigram);
        if (!list) return found;
        if (!rarest || list.length < rarest.length) rarest = list;
      }
      for (const rank of rarest ?? []) if (ordered[rank]?.text.includes(substring)) found.push(rank);
      return found;
    },
  };
}

/**
 * The kept people for the store's current data version, rebuilt on the first use after any commit; null
 * where there is no cheap data version (PostgreSQL), so the caller asks the store. `known`: the version the
 * caller has just read, with nothing awaited since (undefined: read it here).
 */
export function createKeptPeopleSource(store: Store): (known?: string | null) => Promise<KeptPeople | null> {
  let kept: { version: string; people: Promise<KeptPeople> } | null = null;
  return async (known) => {
    const version = known === undefined ? readDataVersion(store) : known;
    if (version === null) return null;
    if (kept?.version !== version) {
      const people = createPersonSearchRepository(store).everyone().then(buildKeptPeople);
      kept = { version, people };
      people.catch(() => {
        if (kept?.people === people) kept = null;
      });
    }
    return kept.people;
  };
}
