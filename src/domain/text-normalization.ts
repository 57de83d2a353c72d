// Triage verdicts are cached by their inputs and TRIAGE_RULES_VERSION (invitation-triage.ts), which uses
// this module: raise that version when a change here changes what triage writes.
/**
 * Normalised forms used for matching and for accent- and case-insensitive search. Computed in TypeScript
 * so SQLite and PostgreSQL compare exactly the same strings.
 */

import { withoutPlaceholderParts } from './imported-text.js';

const COMBINING_MARKS = /\p{M}+/gu;

/** NFKD, marks removed, lower case: "Zoë Brändt" → "zoe brandt". */
export function foldText(value: string): string {
  return value.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
}

/**
 * A display name reduced to letters and digits separated by single spaces, for name matching. Placeholder
 * words at either end are no part of a name ("Rahul NA" is Rahul: docs/rules/identity-and-imports.md#placeholders).
 */
export function normalizeName(value: string): string {
  return foldText(withoutPlaceholderParts(value))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
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
