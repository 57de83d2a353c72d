/**
 * Cleaning of text fields as imports find them, before anything is stored or matched
 * (docs/rules/identity-and-imports.md#placeholders). Exports write a placeholder where a field has no value — `NA`,
 * `N/A`, `-`, `null` — and tend must not show "Rahul NA" or "they are now NA at NA". Control characters are
 * removed (docs/RELIABILITY.md#control-characters): an ESC or BEL in a name is a command to the terminal
 * that prints it, and a NUL made a person impossible to find by name.
 */

/** C0 and C1 control characters and DEL. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const LINE_BREAKS = /[\t\n\v\f\r\u0085]+/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]+/g;
// eslint-disable-next-line no-control-regex
const CONTROLS_BUT_TAB_AND_NEWLINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]+/g;

/** A name or another one-line field: line breaks and tabs become a space, other control characters go. */
export function singleLine(text: string): string {
  return CONTROL.test(text) ? text.replace(LINE_BREAKS, ' ').replace(CONTROLS, '') : text;
}

/** A text of several lines (a message, a note): newlines and tabs kept (CRLF as LF), other controls gone. */
export function multiLine(text: string): string {
  if (!CONTROL.test(text)) return text;
  return text.replace(/\r\n?/g, '\n').replace(CONTROLS_BUT_TAB_AND_NEWLINE, '');
}

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
  const trimmed = singleLine(text).trim();
  return trimmed.length === 0 || isPlaceholder(trimmed) ? null : trimmed;
}

/** A name part (a first or last name cell): empty when it is a placeholder. */
export function namePart(text: string): string {
  const clean = singleLine(text);
  return isPlaceholder(clean) ? '' : clean.trim();
}

/**
 * A whole name as an export writes it ("Rahul NA", "NA Rahul"): the placeholder words at either end are
 * dropped, the ones inside kept ("Gbenga Totoyi - We are hiring" keeps its dash). A name that is nothing but
 * placeholders stays as it is: an empty name would match every other empty name.
 */
export function withoutPlaceholderParts(text: string): string {
  const name = singleLine(text);
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
  if (!first && !last)
    return { firstName: singleLine(firstName).trim(), lastName: singleLine(lastName).trim() };
  return { firstName: first, lastName: last };
}
