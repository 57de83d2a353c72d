import type BetterSqlite3 from 'better-sqlite3';

/**
 * Prepared statements of the embedded database, prepared once per connection: bulk writes through these are
 * several times faster than a statement per batch (docs/PERFORMANCE.md#prepared-statements).
 */
const cache = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

export function prepared(database: BetterSqlite3.Database, text: string): BetterSqlite3.Statement {
  let statements = cache.get(database);
  if (!statements) cache.set(database, (statements = new Map<string, BetterSqlite3.Statement>()));
  let statement = statements.get(text);
  if (!statement) statements.set(text, (statement = database.prepare(text)));
  return statement;
}

/**
 * `work` with some connection settings changed (`PRAGMA name = value`), each set back to what it was
 * afterwards, whether `work` succeeds or throws.
 */
export async function withPragmas<T>(
  database: BetterSqlite3.Database,
  settings: Record<string, number>,
  work: () => T | Promise<T>,
): Promise<T> {
  const before = Object.keys(settings).map(
    (name) => [name, database.pragma(name, { simple: true }) as number] as const,
  );
  try {
    for (const [name, value] of Object.entries(settings)) database.pragma(`${name} = ${value}`);
    return await work();
  } finally {
    for (const [name, value] of before) database.pragma(`${name} = ${value}`);
  }
}
