import { foldAccents, foldedWords } from '../text-normalization.js';
import { COURTESY_PHRASES, GREETING, NOT_A_NAME, TEMPLATE_PHRASES } from './phrase-tables.js';

/**
 * The generic template. A note is generic when, after an optional greeting with the recipient's name and an
 * optional signature, it consists only of stock networking phrases and courtesies — at least one of them a
 * request to connect. One specific word anywhere ("we met at…", "Brightloop") makes it not generic. Matched
 * on a folded form, so "Möchte", "mochte" and "MÖCHTE" agree.
 */

/** Templates are short; anything longer is not one, and the cap bounds the matching work. */
const MAX_TEMPLATE_LENGTH = 600;

interface Phrase {
  pattern: RegExp;
  template: boolean;
}

const PHRASES: readonly Phrase[] = [
  ...TEMPLATE_PHRASES.map((source) => ({ pattern: new RegExp(`(?:${source})(?= |$)`, 'y'), template: true })),
  ...COURTESY_PHRASES.map((source) => ({
    pattern: new RegExp(`(?:${source})(?= |$)`, 'y'),
    template: false,
  })),
];

const GREETING_AT_START = new RegExp(`^${GREETING}(?= |$)`);

/** Consumes `words` from `start` with stock phrases only, longest first; linear, no backtracking between phrases. */
function onlyStockPhrases(words: string, start: number): { ok: boolean; template: boolean } {
  let position = start;
  let template = false;
  while (position < words.length) {
    let best: Phrase | null = null;
    let bestEnd = position;
    for (const phrase of PHRASES) {
      phrase.pattern.lastIndex = position;
      const match = phrase.pattern.exec(words);
      if (match && position + match[0].length > bestEnd) {
        best = phrase;
        bestEnd = position + match[0].length;
      }
    }
    if (!best) return { ok: false, template };
    template ||= best.template;
    position = bestEnd + 1;
  }
  return { ok: true, template };
}

/** "Hi Maya," / "Dear Ms. Lindqvist:" / "Maya —" at the start, in the sender's own capitalisation. */
const LEADING_NAME = /^\s*(?:\p{Lu}[\p{L}'’.-]*\s+){0,2}\p{Lu}[\p{L}'’.-]*\s*[,!:—–]+/u;
/** "…network. – Michael Brooks" / "…, Maya!" at the end, set off by punctuation. */
const TRAILING_NAME = /(^|[\n,.!?;:—–]|\s-)\s*\p{Lu}[\p{L}'’.!-]*(?:\s+\p{Lu}[\p{L}'’.!-]*){0,2}\s*$/u;

export function isGenericInvitationNote(text: string): boolean {
  if (text.length > MAX_TEMPLATE_LENGTH) return false;
  const folded = foldAccents(text);
  const trimmed = folded.replace(LEADING_NAME, ' ').replace(TRAILING_NAME, '$1');
  const words = foldedWords(trimmed);
  if (!words) return false;
  const direct = onlyStockPhrases(words, 0);
  if (direct.ok) return direct.template;
  // "hi maya i d like to…" without the comma: a greeting, then up to three name words.
  const greeting = GREETING_AT_START.exec(words);
  if (!greeting) return false;
  let position = greeting[0].length + 1;
  for (let names = 0; names <= 3 && position <= words.length; names++) {
    const attempt = onlyStockPhrases(words, position);
    if (attempt.ok) return attempt.template;
    const next = words.indexOf(' ', position);
    const word = words.slice(position, next === -1 ? undefined : next);
    if (NOT_A_NAME.has(word) || next === -1) return false;
    position = next + 1;
  }
  return false;
}
