// Triage verdicts are cached by their inputs and TRIAGE_RULES_VERSION (triage/verdict.ts), which uses
// this module: raise that version when a change here changes what triage writes.
/**
 * Normalised forms used for matching and for accent- and case-insensitive search. Computed in TypeScript
 * so SQLite and PostgreSQL compare exactly the same strings.
 */

import { withoutPlaceholderParts } from './imported-text.js';

const COMBINING_MARKS = /\p{M}+/gu;

/**
 * Letters NFKD does not decompose but that people type without the accent ("Bjørn" as "Bjorn", "Straße" as
 * "Strasse"); "nätverk"/"natverk" need nothing, NFKD splits off the mark.
 */
const EXTRA_FOLDS: Readonly<Record<string, string>> = {
  ø: 'o',
  Ø: 'O',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ß: 'ss',
  ẞ: 'SS',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'TH',
  ı: 'i',
};
const EXTRA_FOLD_LETTERS = new RegExp(`[${Object.keys(EXTRA_FOLDS).join('')}]`, 'g');

// The whole 7-bit range, control characters included: they need no folding either.
// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

/** Accents and the letters above folded, case kept: "Bjørn Ångström" → "Bjorn Angstrom". */
export function foldAccents(value: string): string {
  // ASCII is its own NFKD form and has none of the letters: most names and notes take this branch.
  if (ASCII.test(value)) return value;
  return value
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(EXTRA_FOLD_LETTERS, (letter) => EXTRA_FOLDS[letter] ?? letter);
}

/** Lower-case words separated by single spaces: punctuation and apostrophes become spaces ("I'd" → "i d"). */
export function foldedWords(text: string): string {
  // ASCII is its own fold, and once lower-cased its letters and digits are [a-z0-9]: the same words without
  // Unicode property classes (the first of those compiles slowly: docs/PERFORMANCE.md#today-speed).
  if (ASCII.test(text))
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return foldAccents(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The folded words of a text and a way back from a match in their lower-case form to the words as written
 * ("your Product Tank Stockholm talk"): cues are reported as the sender wrote them, less the accents.
 * Lower-casing a folded letter rarely changes the length; when it does, the lower-case words are reported.
 */
export interface FoldedWords {
  lower: string;
  asWritten(start: number, end: number): string;
}

export function foldedWordsWithCase(text: string): FoldedWords {
  // Apostrophes stay in the written form ("I'm") and become spaces in the matched one ("i m"), one for one.
  const cased = foldAccents(text)
    .replace(/[^\p{L}\p{N}'’]+/gu, ' ')
    .trim();
  const lowerCased = cased.toLowerCase();
  const aligned = lowerCased.length === cased.length;
  const lower = lowerCased.replace(/['’]/g, ' ');
  return { lower, asWritten: (start, end) => (aligned ? cased : lower).slice(start, end).trim() };
}

/**
 * Folded and lower case: "Zoë Brändt" → "zoe brandt", "Bjørn" → "bjorn". Stored in name keys and the search
 * column: when the fold changes, a migration folds what is stored (0008-fold-letters).
 */
export function foldText(value: string): string {
  return foldAccents(value).toLowerCase();
}

/** A display name reduced to letters and digits separated by single spaces, for name matching. */
export function normalizeName(value: string): string {
  return foldText(value)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The key a person's name is matched by: `normalizeName` without placeholder words at either end, so the
 * sender "Rahul NA" finds the connection Rahul (docs/rules/identity-and-imports.md#placeholders).
 */
export function personNameKey(name: string): string {
  return normalizeName(withoutPlaceholderParts(name));
}

/** The search column: every searchable part folded and joined, so one LIKE finds any of them. */
export function buildSearchText(parts: ReadonlyArray<string | null | undefined>): string {
  return parts
    .filter((part): part is string => typeof part === 'string' && part.length > 0)
    .map(foldText)
    .join(' \u0001 ');
}

/** Collapse runs of whitespace to single spaces and trim. */
export function collapseWhitespace(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** What `\s` matches in a regular expression (ECMAScript WhiteSpace and LineTerminator). */
export function isWhitespaceCode(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
