import { sql, type RawBuilder } from 'kysely';

/** `%`, `_` and `\` in the user's text as themselves: escaped with `\`, the escape every `like` here names. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** A `like` pattern that holds `value` anywhere. */
export const containsPattern = (value: string): string => `%${escapeLike(value)}%`;

/**
 * `column like '%value%'` with the escape character named: SQLite has none by default (PostgreSQL's is `\`),
 * so without `escape` an escaped `\%` would there be a backslash and a wildcard.
 */
export function columnContains(column: string, value: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} like ${containsPattern(value)} escape '\\'`;
}
