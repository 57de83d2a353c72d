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

/** A query's statement that returns rows as arrays, and its columns' names (see `rowsOf`). */
export interface RawStatement {
  statement: BetterSqlite3.Statement;
  columns: string[];
}

const rawCache = new WeakMap<BetterSqlite3.Database, Map<string, RawStatement>>();

/**
 * The statement of a query in raw mode (rows as arrays), prepared once per connection beside the others:
 * better-sqlite3 builds an object row by setting each column by name from C++, several times slower than
 * an array and an object made here (docs/PERFORMANCE.md#raw-rows).
 */
export function preparedRaw(database: BetterSqlite3.Database, text: string): RawStatement {
  let statements = rawCache.get(database);
  if (!statements) rawCache.set(database, (statements = new Map<string, RawStatement>()));
  let raw = statements.get(text);
  if (!raw) {
    const statement = database.prepare(text).raw(true);
    raw = { statement, columns: statement.columns().map((column) => column.name) };
    statements.set(text, raw);
  }
  return raw;
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
