import { foldText, foldedWords } from './text-normalization.js';

/**
 * A person's search document (docs/rules/segments.md#meaning): every text folded by the one fold, so both
 * databases compare the same strings. Field values are substrings to look in; lists keep their items apart
 * with a unit separator so that a tag matches whole; the body is the folded words of everything free text
 * reads beyond the search column — notes, how we met, needs, offers, goals, tags, headline, location and
 * interaction summaries — single-spaced with a space at each end, so a word-prefix phrase is `% w1 w2%`.
 */
export const LIST_SEPARATOR = '\u001f';

export interface SearchDocumentSource {
  company: string | null;
  position: string | null;
  headline: string | null;
  location: string | null;
  tags: readonly string[];
  needs: readonly string[];
  offers: readonly string[];
  goals: readonly string[];
  howMet: string | null;
  notes: string | null;
  importedNotes: string | null;
}

export interface SearchDocument {
  company: string;
  title: string;
  location: string;
  tags: string;
  howMet: string;
  needs: string;
  offers: string;
  body: string;
}

function list(items: readonly string[]): string {
  return items.length === 0
    ? ''
    : `${LIST_SEPARATOR}${items.map((item) => foldText(item.trim())).join(LIST_SEPARATOR)}${LIST_SEPARATOR}`;
}

export function buildSearchDocument(
  person: SearchDocumentSource,
  summaries: Iterable<string | null>,
): SearchDocument {
  const words: string[] = [];
  const add = (text: string | null | undefined) => {
    if (!text) return;
    const folded = foldedWords(text);
    if (folded.length > 0) words.push(folded);
  };
  [person.notes, person.importedNotes, person.howMet, person.headline, person.location].forEach(add);
  [...person.tags, ...person.needs, ...person.offers, ...person.goals].forEach(add);
  for (const summary of summaries) add(summary);
  return {
    company: foldText(person.company ?? ''),
    title: [person.position, person.headline]
      .filter(Boolean)
      .map((part) => foldText(part ?? ''))
      .join(` ${LIST_SEPARATOR} `),
    location: foldText(person.location ?? ''),
    tags: list(person.tags),
    howMet: foldText(person.howMet ?? ''),
    needs: list(person.needs),
    offers: list(person.offers),
    body: words.length === 0 ? '' : ` ${words.join(' ')} `,
  };
}
