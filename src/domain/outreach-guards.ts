import { foldedWords } from './text-normalization.js';

/**
 * The guards of compose that judge the messages themselves (docs/rules/segments.md#compose-guards): every
 * recipient has a personal line of their own, and no two bodies are near-duplicates.
 */

/**
 * Two bodies sharing this share or more of their word triples (Jaccard similarity of word 3-shingles,
 * folded) are near-duplicates. Measured on a 60-word template (outreach-guards.test.ts): personal lines of
 * 3–4 words ("Would be great!") give 0.79, refused; lines of 17 words a person would write to one person 0.57.
 * The longer the template, the more the personal line must say.
 */
export const NEAR_DUPLICATE_THRESHOLD = 0.7;

export interface PersonalLine {
  personId: number;
  name: string;
  line: string;
}

export type PersonalLineProblem =
  | { kind: 'empty'; personId: number; name: string }
  | { kind: 'same'; personId: number; name: string; sameAs: { personId: number; name: string } };

/** Empty lines, and lines the same (folded) as an earlier recipient's. */
export function personalLineProblems(lines: readonly PersonalLine[]): PersonalLineProblem[] {
  const problems: PersonalLineProblem[] = [];
  const seen = new Map<string, PersonalLine>();
  for (const entry of lines) {
    const key = foldedWords(entry.line);
    if (key.length === 0) {
      problems.push({ kind: 'empty', personId: entry.personId, name: entry.name });
      continue;
    }
    const earlier = seen.get(key);
    if (earlier)
      problems.push({
        kind: 'same',
        personId: entry.personId,
        name: entry.name,
        sameAs: { personId: earlier.personId, name: earlier.name },
      });
    else seen.set(key, entry);
  }
  return problems;
}

function shinglesOf(text: string): Set<string> {
  const words = foldedWords(text).split(' ').filter(Boolean);
  const shingles = new Set<string>();
  if (words.length < 3) {
    if (words.length > 0) shingles.add(words.join(' '));
    return shingles;
  }
  for (let index = 0; index + 3 <= words.length; index++)
    shingles.add(words.slice(index, index + 3).join(' '));
  return shingles;
}

export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const shingle of a) if (b.has(shingle)) shared++;
  return shared / (a.size + b.size - shared);
}

export interface NearDuplicate {
  a: number;
  b: number;
  similarity: number;
}

/** Pairs of bodies (by index) at or above the threshold, most similar first. */
export function nearDuplicateBodies(
  bodies: readonly string[],
  threshold = NEAR_DUPLICATE_THRESHOLD,
): NearDuplicate[] {
  const sets = bodies.map(shinglesOf);
  const pairs: NearDuplicate[] = [];
  for (let a = 0; a < sets.length; a++)
    for (let b = a + 1; b < sets.length; b++) {
      const value = similarity(sets[a] ?? new Set(), sets[b] ?? new Set());
      if (value >= threshold) pairs.push({ a, b, similarity: value });
    }
  return pairs.sort((x, y) => y.similarity - x.similarity);
}
