/**
 * Cleaning of text fields as imports find them, before anything is stored or matched
 * (docs/rules/identity-and-imports.md#placeholders). Exports write a placeholder where a field has no value — `NA`,
 * `N/A`, `-`, `null` — and tend must not show "Rahul NA" or "they are now NA at NA".
 */

/** Whole-cell placeholders (any case, trimmed); a cell of punctuation alone (`-`, `--`, `.`, `…`) is one too. */
const PLACEHOLDER_WORDS: ReadonlySet<string> = new Set([
  'na',
  'n/a',
  'n.a.',
  'n.a',
  'null',
  'none',
  'unknown',
  'nil',
]);
const ONLY_PUNCTUATION = /^[\p{P}\p{S}]+$/u;

/** Whether a cell holds a placeholder instead of a value (an empty cell is not a placeholder: it is empty). */
export function isPlaceholder(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length === 0) return false;
  return PLACEHOLDER_WORDS.has(trimmed.toLowerCase()) || ONLY_PUNCTUATION.test(trimmed);
}

/** A company, position or other single-value field: trimmed, and absent when empty or a placeholder. */
export function fieldValue(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const trimmed = text.trim();
  return trimmed.length === 0 || isPlaceholder(trimmed) ? null : trimmed;
}

/** A name part (a first or last name cell): empty when it is a placeholder. */
export function namePart(text: string): string {
  return isPlaceholder(text) ? '' : text.trim();
}

/**
 * A whole name as an export writes it ("Rahul NA", "NA Rahul"): the placeholder words at either end are
 * dropped, the ones inside kept ("Gbenga Totoyi - We are hiring" keeps its dash). A name that is nothing but
 * placeholders stays as it is: an empty name would match every other empty name.
 */
export function withoutPlaceholderParts(name: string): string {
  const words = name.trim().split(/\s+/);
  let start = 0;
  let end = words.length;
  while (start < end && isPlaceholder(words[start] ?? '')) start++;
  while (end > start && isPlaceholder(words[end - 1] ?? '')) end--;
  if (start === end) return name.trim();
  if (start === 0 && end === words.length) return name.trim();
  return words.slice(start, end).join(' ');
}

/**
 * A first and last name cell: a part that is a placeholder dropped, and placeholder words at the ends of a
 * part too ("Kumar NA", as a name split from a message sender), unless that would leave no name at all.
 */
export function nameParts(firstName: string, lastName: string): { firstName: string; lastName: string } {
  const first = namePart(firstName) && withoutPlaceholderParts(firstName);
  const last = namePart(lastName) && withoutPlaceholderParts(lastName);
  if (!first && !last) return { firstName: firstName.trim(), lastName: lastName.trim() };
  return { firstName: first, lastName: last };
}
