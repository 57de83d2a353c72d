import { multiLine, singleLine } from '../../domain/imported-text.js';

/** Columns by normalised header name, never by position (docs/rules/linkedin-export.md#columns-by-name). */
export interface Columns {
  /** The cell as written (trimmed): for dates, URLs and codes, which are parsed strictly. */
  get(cells: readonly string[], name: string): string;
  /** A name or other one-line field, without control characters (docs/RELIABILITY.md#control-characters). */
  line(cells: readonly string[], name: string): string;
  /** A text of several lines (a note, a recommendation), without control characters but newlines and tabs. */
  text(cells: readonly string[], name: string): string;
  has(name: string): boolean;
}

/** `cellText` turns a cell as parsed into its text (cells read as UTF-8 bytes: `textOfUtf8Bytes`). */
export function columnsOf(header: readonly string[], cellText?: (cell: string) => string): Columns {
  const index = new Map<string, number>();
  header.forEach((name, position) => {
    if (!index.has(name)) index.set(name, position);
  });
  const get = (cells: readonly string[], name: string): string => {
    const position = index.get(name);
    if (position === undefined) return '';
    const cell = cells[position] ?? '';
    // Decoded before trimming: U+00A0 is whitespace to trim() and also a UTF-8 continuation byte.
    return (cellText ? cellText(cell) : cell).trim();
  };
  return {
    get,
    line: (cells, name) => singleLine(get(cells, name)).trim(),
    text: (cells, name) => multiLine(get(cells, name)).trim(),
    has: (name) => index.has(name),
  };
}
