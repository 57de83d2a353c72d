import type BetterSqlite3 from 'better-sqlite3';
import type { CompiledQuery } from 'kysely';
import { prepared, preparedRaw } from './sqlite-statements.js';
import type { StoreContext } from './store.js';

/**
 * Every query is built once, in Kysely. On the embedded database its compiled SQL runs through a statement
 * prepared once per connection (several times faster for the hot paths: docs/PERFORMANCE.md#prepared-statements);
 * on PostgreSQL Kysely runs it. Rows come back as objects named by their columns on both.
 */
export interface BuiltQuery<Row> {
  compile(): CompiledQuery<Row>;
  execute(): Promise<Row[]>;
}

/** Ids per `in (…)` list, or rows per multi-row write: far below both databases' limits on bound values. */
export const IN_LIST = 900;

/**
 * `work` on consecutive slices of `items` of at most `size`, one after the other; what each returns, in order.
 * For `in (…)` lists and multi-row writes (`size` × columns bound values must stay below 32,766).
 */
export async function inChunks<T, R = never>(
  items: readonly T[],
  work: (chunk: T[]) => Promise<readonly R[] | void>,
  size: number = IN_LIST,
): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    const found = await work(items.slice(start, start + size));
    if (found) for (const item of found) results.push(item);
  }
  return results;
}

/** The rows of a query. */
export async function rowsOf<Row>(context: StoreContext, query: BuiltQuery<Row>): Promise<Row[]> {
  if (!context.sqlite) return query.execute();
  const compiled = query.compile();
  const { statement, rowOf } = preparedRaw(context.sqlite, compiled.sql);
  return (statement.all(compiled.parameters) as unknown[][]).map((values) => rowOf(values) as Row);
}

/** The rows of a query one at a time, without holding them all (the embedded database only: see scans). */
export function* iterateRows<Row>(sqlite: BetterSqlite3.Database, query: BuiltQuery<Row>): Generator<Row> {
  const compiled = query.compile();
  const { statement, rowOf } = preparedRaw(sqlite, compiled.sql);
  for (const values of statement.iterate(compiled.parameters) as Iterable<unknown[]>)
    yield rowOf(values) as Row;
}

/** A marker standing for a row's field while a multi-row write is compiled once (see `rowsStatement`). */
const MARK = '\u0000tend-mark:';

/**
 * A write of many rows per statement on the embedded database: the query built in Kysely, and `bind`, which
 * pushes one row's values in the order the compiled SQL binds them (so the hot loop reads plain fields).
 */
export interface RowsWrite<Row> {
  /** Names what the compiled SQL depends on besides the row count (constants written into it). */
  key: string;
  build(rows: readonly Row[]): { compile(): CompiledQuery<unknown> };
  bind(row: Row, into: unknown[]): void;
}

const rowStatements = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

/**
 * The prepared statement of `write` for `count` rows, built and compiled once per connection. When it is
 * compiled, `bind` is checked against the compiled query on rows whose every field is a marker of its own:
 * the two can never bind a value to another column (docs/PERFORMANCE.md#prepared-statements).
 */
export function rowsStatement<Row extends object>(
  sqlite: BetterSqlite3.Database,
  write: RowsWrite<Row>,
  count: number,
): BetterSqlite3.Statement {
  let statements = rowStatements.get(sqlite);
  if (!statements) rowStatements.set(sqlite, (statements = new Map<string, BetterSqlite3.Statement>()));
  const key = `${write.key}:${count}`;
  const known = statements.get(key);
  if (known) return known;
  const marked = Array.from(
    { length: count },
    (_, index) => new Proxy({}, { get: (_row, field) => `${MARK}${index}:${String(field)}` }) as Row,
  );
  const compiled = write.build(marked).compile();
  const bound: unknown[] = [];
  for (const row of marked) write.bind(row, bound);
  const parameters = compiled.parameters;
  if (bound.length !== parameters.length || bound.some((value, index) => value !== parameters[index]))
    throw new Error(`${write.key}: the values bound are not the compiled query's parameters`);
  const statement = sqlite.prepare(compiled.sql);
  statements.set(key, statement);
  return statement;
}

/** A marker standing for a row's column while a write is compiled once (see rowWriter). */
const SLOT = '\u0000tend-slot:';

/** How one bound value of a compiled write is filled: from a column of the row, or a constant of the query. */
type Slot<Row> = { column: keyof Row } | { constant: unknown };

interface CompiledWrite<Row> {
  statement: BetterSqlite3.Statement;
  slots: Array<Slot<Row>>;
}

const compiledWrites = new WeakMap<BetterSqlite3.Database, Map<string, CompiledWrite<object>>>();

/**
 * A write of one row built in Kysely (`build([row])`), compiled once per connection and workspace under `name`: the row's
 * values are bound where the compiled SQL has them. `build` must give the same query for every row apart
 * from the row's own values (constants such as the workspace are part of `name`'s statement).
 */
function compiledWrite<Row extends object>(
  sqlite: BetterSqlite3.Database,
  workspaceId: string,
  write: {
    name: string;
    columns: ReadonlyArray<keyof Row & string>;
    build: (rows: Row[]) => BuiltQuery<unknown>;
  },
): CompiledWrite<Row> {
  const { columns, build } = write;
  const name = `${write.name}:${workspaceId}`;
  let writes = compiledWrites.get(sqlite);
  if (!writes) compiledWrites.set(sqlite, (writes = new Map<string, CompiledWrite<object>>()));
  const known = writes.get(name) as CompiledWrite<Row> | undefined;
  if (known) return known;
  const template = Object.fromEntries(columns.map((column) => [column, `${SLOT}${column}`])) as Row;
  const compiled = build([template]).compile();
  const slots = compiled.parameters.map((value): Slot<Row> =>
    typeof value === 'string' && value.startsWith(SLOT)
      ? { column: value.slice(SLOT.length) as keyof Row }
      : { constant: value },
  );
  const compiledOnce = { statement: prepared(sqlite, compiled.sql), slots };
  writes.set(name, compiledOnce as CompiledWrite<object>);
  return compiledOnce;
}

function valuesOf<Row>(slots: ReadonlyArray<Slot<Row>>, row: Row): unknown[] {
  return slots.map((slot) => ('column' in slot ? row[slot.column] : slot.constant));
}

/**
 * Writes rows with a query built once in Kysely for any number of rows (`build(rows)`): on the embedded
 * database one prepared statement run per row, elsewhere one statement per chunk of `perStatement` rows.
 * Returns the rows the database reports changed (inserted, or updated by an upsert).
 */
export async function writeRows<Row extends object>(
  context: StoreContext,
  write: {
    name: string;
    columns: ReadonlyArray<keyof Row & string>;
    build: (rows: Row[]) => BuiltQuery<unknown> & {
      executeTakeFirst(): Promise<{ numInsertedOrUpdatedRows?: bigint } | undefined>;
    };
    perStatement?: number;
  },
  rows: Iterable<Row>,
): Promise<number> {
  if (context.sqlite) {
    const { statement, slots } = compiledWrite(context.sqlite, context.workspaceId, write);
    let changed = 0;
    for (const row of rows) changed += statement.run(valuesOf(slots, row)).changes;
    return changed;
  }
  const results = await inChunks(
    [...rows],
    async (chunk) => [Number((await write.build(chunk).executeTakeFirst())?.numInsertedOrUpdatedRows ?? 0)],
    write.perStatement ?? Math.floor(IN_LIST / 2),
  );
  return results.reduce((sum, n) => sum + n, 0);
}

/** Inserts one row with a query built once in Kysely that returns its `id`. */
export async function insertReturningId<Row extends object>(
  context: StoreContext,
  write: {
    name: string;
    columns: ReadonlyArray<keyof Row & string>;
    build: (rows: Row[]) => BuiltQuery<unknown> & { executeTakeFirstOrThrow(): Promise<unknown> };
  },
  row: Row,
): Promise<number> {
  if (context.sqlite) {
    const { statement, slots } = compiledWrite(context.sqlite, context.workspaceId, write);
    return Number((statement.get(valuesOf(slots, row)) as { id: number }).id);
  }
  return Number(((await write.build([row]).executeTakeFirstOrThrow()) as { id: number | string }).id);
}
