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

/** A query's statement that returns rows as arrays, its columns' names, and its rows' maker (see `rowsOf`). */
export interface RawStatement {
  statement: BetterSqlite3.Statement;
  columns: string[];
  /** The row of these values as an object named by the columns, as better-sqlite3 makes them. */
  rowOf: (values: readonly unknown[]) => Record<string, unknown>;
}

/**
 * A maker of one statement's rows: an object literal of its columns (a later column of one name wins, as
 * better-sqlite3 has it). Setting each column by its name in a loop made every row's properties through V8's
 * slowest, megamorphic stores (docs/PERFORMANCE.md#today-speed); the names are the statement's own columns.
 */
function rowMaker(columns: readonly string[]): RawStatement['rowOf'] {
  const fields = columns.map((name, index) => `${JSON.stringify(name)}: values[${index}]`);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- a literal of known column names
  return new Function('values', `return { ${fields.join(', ')} };`) as RawStatement['rowOf'];
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
    const columns = statement.columns().map((column) => column.name);
    raw = { statement, columns, rowOf: rowMaker(columns) };
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
