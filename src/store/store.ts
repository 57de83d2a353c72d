import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type LogEvent, type Transaction } from 'kysely';
import type { Pool, PoolConfig } from 'pg';
import { AppError } from '../domain/errors.js';
import type { Database } from './database.schema.js';
import { migrateToLatest } from './migrations.js';
import { backupBeforeMigration } from './backup.js';
import {
  BULK_PAGE_CACHE,
  immediateTransaction,
  openSqliteFile,
  refusingWrites,
} from './sqlite-connection.js';
import { withPragmas } from './sqlite-statements.js';
import { StoreBusyError, WRITE_WAIT_MS, waitForWriteLock, type WriteWait } from './write-lock.js';
import type { SqlDialect } from './sql-dialect.js';

export type StoreLocation = (
  | {
      dialect: 'sqlite';
      file: string;
      /** Opens an existing database without writing to it (a read-only data folder); writes then fail. */
      readOnly?: boolean;
    }
  | { dialect: 'postgres'; url: string; schema?: string }
) & {
  /** Each query and its time on stderr (`TEND_DEBUG_SQL=1`): what a slow command spends its time on. */
  logQueries?: boolean;
  /** How long a writer waits for another process's write (default WRITE_WAIT_MS). */
  writeWaitMs?: number;
  /** Told once when a writer has been waiting a while for another process. */
  onWait?: () => void;
  /** Told before a migration changes a database that has data: where its backup was written. */
  onBackup?: (file: string) => void;
};

/** The handle every repository works through; `db` is the store-wide Kysely or a transaction. */
export interface StoreContext {
  db: Kysely<Database>;
  dialect: SqlDialect;
  workspaceId: string;
  /**
   * The embedded database's own handle, for the bulk paths of repositories: prepared statements run on the
   * same connection as Kysely, so inside a Kysely transaction they are part of it.
   */
  sqlite?: BetterSqlite3.Database;
  /** Shared by the store and every transaction on it: what a caller may need to know was changed. */
  edits?: StoreEdits;
}

export interface StoreEdits {
  /**
   * Statements that changed interactions already stored (person, conversation, time; merges), not inserts:
   * an import that kept its own copy of the rows it wrote knows the copy still matches while this stands.
   */
  storedInteractions: number;
}

/** Every statement that changes stored interactions (not inserts) says so here (see StoreEdits). */
export function storedInteractionsChanged(context: StoreContext): void {
  if (context.edits) context.edits.storedInteractions++;
}

export interface TransactionOptions {
  /**
   * false: give up at once (StoreBusyError) when another process is writing, instead of waiting for it —
   * for work only worth doing now, such as keeping a cache of results a reader computed anyway.
   */
  wait?: boolean;
  /**
   * SQLite: the transaction runs without checking foreign keys row by row (a cursor on `people` opened for
   * every inserted interaction; docs/PERFORMANCE.md#issue-12-fourth-session). This function runs before the
   * commit, in the transaction, and must throw when any reference the work wrote is missing: nothing is then
   * written. Only for work that deletes nothing (no cascades run meanwhile). PostgreSQL checks as always.
   */
  verifiedReferences?: (context: StoreContext) => Promise<void>;
}

export interface Store extends StoreContext {
  /**
   * Runs `work` in one transaction: all of it is written or none. It holds the write lock from the start
   * (another process's writer waits, readers never do) and waits, bounded, for one that holds it now.
   */
  transaction<T>(work: (context: StoreContext) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Refreshes the planner's statistics after bulk changes (an import), so indexes are chosen well. */
  optimize(): Promise<void>;
  /**
   * `work` with the page cache of bulk writes (an import: 32 MB on the embedded database) instead of the small
   * one a connection opens with (docs/PERFORMANCE.md#page-cache).
   */
  withBulkPageCache<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const DEFAULT_WORKSPACE = 'default';
const CONNECT_TIMEOUT_MS = 5_000;

export async function openStore(location: StoreLocation, workspaceId = DEFAULT_WORKSPACE): Promise<Store> {
  const log = location.logQueries ? logQuery : undefined;
  const wait: WriteWait = {
    timeoutMs: location.writeWaitMs ?? WRITE_WAIT_MS,
    ...(location.onWait ? { onWait: location.onWait } : {}),
  };
  const sqlite =
    location.dialect === 'sqlite'
      ? openSqliteFile(location.file, { readOnly: location.readOnly ?? false, busyTimeoutMs: wait.timeoutMs })
      : undefined;
  const db = sqlite
    ? new Kysely<Database>({
        dialect: new SqliteDialect({
          database:
            location.dialect === 'sqlite' && location.readOnly
              ? refusingWrites(sqlite, () => readOnlyRefusal(location.file, {}))
              : sqlite,
        }),
        ...(log ? { log } : {}),
      })
    : await openPostgres(location as { url: string; schema?: string }, log);
  const schema = location.dialect === 'postgres' ? location.schema : undefined;
  const edits = { storedInteractions: 0 };
  const contextOn = (handle: Kysely<Database>): StoreContext => ({
    db: handle,
    dialect: location.dialect,
    workspaceId,
    ...(sqlite ? { sqlite } : {}),
    edits,
  });

  async function transaction<T>(
    work: (context: StoreContext) => Promise<T>,
    options: TransactionOptions = {},
  ): Promise<T> {
    if (location.dialect === 'sqlite' && location.readOnly) throw readOnlyRefusal(location.file, options);
    if (!sqlite)
      return db.transaction().execute(async (trx: Transaction<Database>) => {
        // One writer at a time here too: readers are never blocked, and no two writers deadlock on rows.
        await waitForWriteLock(
          async () => {
            const { rows } = await sql<{
              taken: boolean;
            }>`select pg_try_advisory_xact_lock(hashtext(${`tend:write:${workspaceId}:`} || current_schema())) as taken`.execute(
              trx,
            );
            return rows[0]?.taken === true;
          },
          options.wait === false ? false : wait,
        );
        return work(contextOn(trx));
      });
    // One connection, reserved for the transaction: Kysely's own would begin a deferred one, which fails
    // at its first write when another process committed since its first read (SQLITE_BUSY_SNAPSHOT).
    const verify = options.verifiedReferences;
    return db.connection().execute(async (connection) => {
      const run = () =>
        immediateTransaction(
          sqlite,
          connection,
          verify
            ? async () => {
                const context = contextOn(connection);
                const result = await work(context);
                await verify(context);
                return result;
              }
            : () => work(contextOn(connection)),
          options.wait === false ? false : wait,
        );
      if (!verify) return run();
      // The pragma does nothing inside a transaction: switched on this connection before BEGIN, back after.
      sqlite.pragma('foreign_keys = OFF');
      try {
        return await run();
      } finally {
        sqlite.pragma('foreign_keys = ON');
      }
    });
  }

  try {
    await migrateToLatest(db as Kysely<unknown>, location.dialect, {
      ...(schema ? { schema } : {}),
      ...(location.dialect === 'sqlite' && location.readOnly ? { readOnly: dirname(location.file) } : {}),
      locked: (work) =>
        sqlite
          ? transaction((context) => work(context.db as Kysely<unknown>))
          : db.transaction().execute(async (trx) => {
              // Serialises every process that migrates this schema: the second one finds it done.
              const key = `tend:migrations:${schema ?? 'public'}`;
              await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
              if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(trx);
              return work(trx as unknown as Kysely<unknown>);
            }),
      ...(sqlite && location.dialect === 'sqlite'
        ? {
            backup: (label: string) => backupBeforeMigration(sqlite, location.file, label, location.onBackup),
          }
        : {}),
    });
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return {
    ...contextOn(db),
    transaction,
    async optimize() {
      // SQLite: ANALYZE (half a second on a million rows) — without statistics the
      // planner takes the workspace-prefixed primary key for `person_id = ?` lookups and scans.
      if (sqlite) await transaction(() => Promise.resolve(void sqlite.exec('ANALYZE')));
      else await sql`analyze`.execute(db);
    },
    withBulkPageCache: (work) =>
      sqlite ? withPragmas(sqlite, { cache_size: BULK_PAGE_CACHE }, work) : work(),
    close: () => db.destroy(),
  };
}

/**
 * A write to a database opened read-only: work that is only worth doing now (a cache a reader computed
 * anyway) is skipped as when another process writes; anything the user asked to change is refused.
 */
function readOnlyRefusal(file: string, options: TransactionOptions): AppError {
  if (options.wait === false) return new StoreBusyError(0);
  return new AppError(
    'bad-input',
    `cannot change anything: ${file} is read-only (the file or its folder); make them writable, or use --data to choose a folder you can write to`,
  );
}

function logQuery(event: LogEvent): void {
  const text = event.query.sql.replace(/\s+/g, ' ').slice(0, 160);
  process.stderr.write(
    `sql ${event.queryDurationMillis.toFixed(1)} ms ${event.level === 'error' ? 'FAILED ' : ''}${text}\n`,
  );
}

async function openPostgres(
  location: { url: string; schema?: string },
  log?: (event: LogEvent) => void,
): Promise<Kysely<Database>> {
  // Loaded on demand: the embedded default should not pay for the PostgreSQL driver at start-up.
  const pg = (await import('pg')).default;
  // bigint columns (instants, ids) come back as JS numbers: every value tend stores fits in 53 bits.
  const defaultParser = pg.types.getTypeParser.bind(pg.types) as (oid: number, format?: string) => unknown;
  const pgTypes = {
    getTypeParser: (oid: number, format?: string): unknown =>
      oid === 20 ? (value: string) => Number(value) : defaultParser(oid, format),
  } as PoolConfig['types'];
  let pool: Pool;
  try {
    pool = new pg.Pool({
      connectionString: location.url,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      max: 4,
      types: pgTypes,
      ...(location.schema ? { options: `-c search_path=${location.schema}` } : {}),
    });
  } catch (error) {
    throw new AppError('bad-input', `the database URL is not usable: ${(error as Error).message}`);
  }
  pool.on('error', () => {
    // An idle client that loses its connection is dropped by the pool; the next query reports the problem.
  });
  try {
    // The schema itself is created under the migrations' lock: two processes creating it at once collide.
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new AppError(
      'bad-input',
      `cannot connect to PostgreSQL at ${redactUrl(location.url)}: ${(error as Error).message || 'connection failed'}; check --db or TEND_DATABASE_URL`,
    );
  }
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), ...(log ? { log } : {}) });
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/** Quick liveness query, used by tests and `tend doctor`-style checks. */
export async function pingStore(store: StoreContext): Promise<void> {
  await sql`select 1`.execute(store.db);
}
