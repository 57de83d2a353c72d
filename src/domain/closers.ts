import { CLOSER_LANGUAGES } from './closer-words.js';

/**
 * Closers need no answer (docs/rules/agenda.md#closers): a message with no question mark, no request
 * wording, at most 60 characters, that is only acknowledgement, thanks, agreement, greeting, good wishes or
 * emoji. A closer never makes a reply item and is never quoted as the last topic; it still counts as a reply
 * for two-way exchanges.
 */

export const CLOSER_MAX_CHARS = 60;
/** Unknown words allowed beside closer words when written with a capital: a name ("Thanks Priya!"). */
const NAMES_ALLOWED = 2;

const QUESTION = /[?¿？؟]/u;
// Smileys typed as text: ":)", ":-D", ";)", "<3", "xD", "^^".
const EMOTICONS = /(?:^|\s)(?:[:;=][-'^]?[)(\][dpo3*|/\\]+|<3+|x-?d+|\^\^|\(:)(?=\s|$)/giu;
const PICTOGRAPHS = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f|\u20e3/gu;
const COMBINING_MARKS = /\p{M}+/gu;
const HIGH_SURROGATE = /[\ud800-\udbff]/;

/** A character outside printable ASCII (tabs and line breaks aside): such a text takes the Unicode fold. */
const NOT_ASCII = /[^\t\n\r -~]/;
const EACH_NOT_ASCII = /[^\t\n\r -~]/gu;

/** Lower case, no accents, apostrophes joined ("you're" → "youre"), anything not a letter or digit a space. */
export function fold(text: string): string {
  // Most chat lines are ASCII: no accents to take off, and letters and digits are [A-Za-z0-9] — the same
  // result without Unicode normalisation and Unicode-aware patterns (closers-early-out.test.ts).
  if (!NOT_ASCII.test(text)) return foldAscii(text);
  // Most others are ASCII but for accented letters and curly apostrophes ("That’s", "café"), which fold to
  // ASCII on their own: the full fold decomposes each character by itself, so folding them one at a time and
  // the rest the ASCII way gives the same text (docs/PERFORMANCE.md#closers).
  const plain = text.replace(EACH_NOT_ASCII, foldCharacter);
  return NOT_ASCII.test(plain) ? foldInFull(text) : foldAscii(plain);
}

function foldAscii(text: string): string {
  return text
    .replace(/['`]/g, '')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim();
}

/** One character's part of `foldInFull` before the spaces: kept for the few hundred a language uses. */
const characterFolds = new Map<string, string>();

function foldCharacter(character: string): string {
  let folded = characterFolds.get(character);
  if (folded === undefined) {
    folded = withoutMarks(character);
    if (characterFolds.size < 4_096) characterFolds.set(character, folded);
  }
  return folded;
}

function withoutMarks(text: string): string {
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(/ß/g, 'ss')
    .replace(/['’`´]/g, '');
}

/** `fold` the long way, for any text (the test compares the two). */
export function foldInFull(text: string): string {
  return withoutMarks(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Letters typed again for emphasis ("thanksss", "okkk", "hiii"): the word as written, then with runs shortened. */
function variants(word: string): string[] {
  // Without a letter written twice in a row there is nothing to shorten.
  if (!/(\p{L})\1/u.test(word)) return [word];
  return [word, word.replace(/(\p{L})\1{2,}/gu, '$1$1'), word.replace(/(\p{L})\1+/gu, '$1')];
}

/** The word lists of every language, folded: made when a closer is first asked about, not at start. */
interface CloserTables {
  words: Set<string>;
  requests: string[];
  alone: Set<string>;
  /** Longer phrases first, so "dank je wel" is taken whole before anything shorter inside it. */
  paddedPhrases: string[];
  /** Every word of a phrase: a word outside them, the closer words and names rules a message out. */
  phraseWords: Set<string>;
}

let tables: CloserTables | undefined;

/**
 * Folding the lists takes a few milliseconds that only an import or a facts rebuild needs: every other command
 * loaded the bundle's top level with them (docs/PERFORMANCE.md#collators).
 */
function closerTables(): CloserTables {
  if (tables) return tables;
  const words = new Set<string>();
  const phrases: string[] = [];
  const requests: string[] = [];
  const alone = new Set<string>();
  for (const language of Object.values(CLOSER_LANGUAGES)) {
    for (const word of language.words.split(/\s+/)) if (word) words.add(fold(word).toLowerCase());
    for (const phrase of language.phrases) phrases.push(fold(phrase).toLowerCase());
    for (const request of language.requests) requests.push(fold(request).toLowerCase());
    for (const entry of language.alone ?? []) alone.add(fold(entry).toLowerCase());
  }
  phrases.sort((a, b) => b.length - a.length);
  return (tables = {
    words,
    requests,
    alone,
    paddedPhrases: phrases.map((phrase) => ` ${phrase} `),
    phraseWords: new Set(phrases.flatMap((phrase) => phrase.split(' '))),
  });
}

function containsPhrase(text: string, phrase: string): boolean {
  return ` ${text} `.includes(` ${phrase} `);
}

function isCloserWord(word: string): boolean {
  const { words } = closerTables();
  if (words.has(word)) return true;
  return variants(word).some((variant) => words.has(variant));
}

/**
 * Whether a closer is still possible: every word is part of some phrase, a closer word or written with a
 * capital (a name). A word that is none of these stays after the phrases and fails the last test of
 * `isCloser` anyway; checked first because most messages fail it at their first ordinary word, before the
 * hundreds of phrases are tried (the import asks this of every short message: docs/PERFORMANCE.md#closers).
 */
function mayBeCloser(original: string): boolean {
  const { phraseWords } = closerTables();
  for (const word of original.split(' ')) {
    const lowered = word.toLowerCase();
    if (phraseWords.has(lowered) || /^\p{Lu}/u.test(word) || isCloserWord(lowered)) continue;
    return false;
  }
  return true;
}

/** Whether a message needs no answer. Unknown text (null, empty) is not a closer. */
export function isCloser(text: string | null | undefined): boolean {
  return closerTest(text, true);
}

/** `isCloser` without the early way out (mayBeCloser), for the test that it never changes an answer. */
export function isCloserTriedInFull(text: string | null | undefined): boolean {
  return closerTest(text, false);
}

/**
 * Whether `text` has more than `max` characters (code points, as `[...text]` counts them) — without an array
 * of them: the import asks it of every long message.
 */
export function moreCharsThan(text: string, max: number): boolean {
  if (text.length <= max) return false;
  if (text.length > 2 * max) return true;
  // Without the high half of a surrogate pair every unit is a character (one scan in the regexp engine).
  if (!HIGH_SURROGATE.test(text)) return true;
  let chars = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    const before = index > 0 ? text.charCodeAt(index - 1) : 0;
    // The low half of a surrogate pair belongs to the character its high half started.
    if (unit >= 0xdc00 && unit <= 0xdfff && before >= 0xd800 && before <= 0xdbff) continue;
    if (++chars > max) return true;
  }
  return false;
}

function closerTest(text: string | null | undefined, earlyOut: boolean): boolean {
  if (!text) return false;
  const trimmed = text.trim();
  const tooLong = trimmed.length > CLOSER_MAX_CHARS && moreCharsThan(trimmed, CLOSER_MAX_CHARS);
  if (trimmed === '' || tooLong || QUESTION.test(trimmed)) return false;
  const withoutEmoji = trimmed.replace(EMOTICONS, ' ').replace(PICTOGRAPHS, ' ');
  const hadEmoji = withoutEmoji !== trimmed;
  const original = fold(withoutEmoji);
  const lower = original.toLowerCase();
  if (lower === '') return hadEmoji;
  const { alone, paddedPhrases, requests } = closerTables();
  if (alone.has(lower)) return true;
  if (earlyOut && !mayBeCloser(original)) return false;
  let rest = ` ${lower} `;
  let matched = hadEmoji;
  for (const padded of paddedPhrases) {
    if (rest.includes(padded)) {
      rest = rest.split(padded).join('  ');
      matched = true;
    }
  }
  // After the phrases: "bitte schön" thanks back, "bitte" alone in a sentence asks.
  if (requests.some((request) => containsPhrase(rest.replace(/\s+/g, ' ').trim(), request))) return false;
  const remaining = new Set(rest.split(' ').filter(Boolean));
  const originalWords = original.split(' ');
  let names = 0;
  for (const word of originalWords) {
    const lowered = word.toLowerCase();
    if (!remaining.has(lowered)) continue;
    if (isCloserWord(lowered)) {
      matched = true;
      continue;
    }
    // A name beside the thanks: written with a capital and not a digit.
    if (/^\p{Lu}/u.test(word) && ++names <= NAMES_ALLOWED) continue;
    return false;
  }
  return matched;
}
