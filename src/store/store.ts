import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type LogEvent, type Transaction } from 'kysely';
import type { Pool, PoolConfig } from 'pg';
import { AppError } from '../domain/errors.js';
import type { Database } from './database.schema.js';
import { migrateToLatest } from './migrations.js';
import { withPragmas } from './sqlite-statements.js';
import type { SqlDialect } from './sql-dialect.js';

export type StoreLocation = (
  { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string; schema?: string }
) & {
  /** Each query and its time on stderr (`TEND_DEBUG_SQL=1`): what a slow command spends its time on. */
  logQueries?: boolean;
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

export interface Store extends StoreContext {
  /** Runs `work` in one transaction: all of it is written or none. */
  transaction<T>(work: (context: StoreContext) => Promise<T>): Promise<T>;
  /**
   * Runs a first load of a large amount of data (an import into an empty workspace) as fast as the
   * database can take it; what `work` writes is as safe as always (it commits or rolls back).
   */
  bulkLoad<T>(work: () => Promise<T>): Promise<T>;
  /** Refreshes the planner's statistics after bulk changes (an import), so indexes are chosen well. */
  optimize(): Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_WORKSPACE = 'default';
const CONNECT_TIMEOUT_MS = 5_000;

export async function openStore(location: StoreLocation, workspaceId = DEFAULT_WORKSPACE): Promise<Store> {
  let sqlite: BetterSqlite3.Database | undefined;
  const log = location.logQueries ? logQuery : undefined;
  const db =
    location.dialect === 'sqlite'
      ? openSqlite(location.file, (handle) => (sqlite = handle), log)
      : await openPostgres(location, log);
  try {
    await migrateToLatest(
      db as Kysely<unknown>,
      location.dialect,
      location.dialect === 'postgres' ? location.schema : undefined,
    );
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const raw = { ...(sqlite ? { sqlite } : {}), edits: { storedInteractions: 0 } };
  return {
    db,
    dialect: location.dialect,
    workspaceId,
    ...raw,
    transaction: (work) =>
      db
        .transaction()
        .execute((trx: Transaction<Database>) =>
          work({ db: trx, dialect: location.dialect, workspaceId, ...raw }),
        ),
    bulkLoad: (work) => (sqlite ? withRollbackJournal(sqlite, work) : work()),
    async optimize() {
      // SQLite: ANALYZE (half a second on a million rows) — without statistics the
      // planner takes the workspace-prefixed primary key for `person_id = ?` lookups and scans.
      if (sqlite) sqlite.exec('ANALYZE');
      else await sql`analyze`.execute(db);
    },
    close: () => db.destroy(),
  };
}

/**
 * `work` with SQLite's rollback journal instead of the write-ahead log, which is back afterwards (and on the
 * next open after a crash: openSqlite sets it). Rows written to new pages then go to the database file
 * once, instead of to the log and again into the file at the checkpoint: on a million-row first import the
 * commit took 1.4–2.0 s in WAL mode and 0.2 s with the journal, and the reads after it were faster
 * (docs/PERFORMANCE.md). A rollback journal keeps the transaction just as atomic; only readers in other
 * processes wait while it commits, so it is taken only when no other connection has the database open
 * (the switch needs the file to itself, and does not wait for it).
 */
async function withRollbackJournal<T>(sqlite: BetterSqlite3.Database, work: () => Promise<T>): Promise<T> {
  if (sqlite.memory) return work();
  const switched = (await journalModeNow(sqlite, 'DELETE')) === 'delete';
  try {
    return await work();
  } finally {
    // When another process opened the file meanwhile, what was written is committed all the same and the
    // next open sets the write-ahead log again: failing the import now would report a loss that is not one.
    if (switched) await journalModeNow(sqlite, 'WAL');
  }
}

/** Sets the journal mode if no other connection is in the way (without waiting); returns the mode. */
async function journalModeNow(
  sqlite: BetterSqlite3.Database,
  mode: 'DELETE' | 'WAL',
): Promise<string | null> {
  try {
    return await withPragmas(
      sqlite,
      { busy_timeout: 0 },
      () => sqlite.pragma(`journal_mode = ${mode}`, { simple: true }) as string,
    );
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
    return null;
  }
}

function logQuery(event: LogEvent): void {
  const text = event.query.sql.replace(/\s+/g, ' ').slice(0, 160);
  process.stderr.write(
    `sql ${event.queryDurationMillis.toFixed(1)} ms ${event.level === 'error' ? 'FAILED ' : ''}${text}\n`,
  );
}

function openSqlite(
  file: string,
  expose: (handle: BetterSqlite3.Database) => void,
  log?: (event: LogEvent) => void,
): Kysely<Database> {
  let database: BetterSqlite3.Database;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    database = new BetterSqlite3(file);
    database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    // WAL makes NORMAL durable against application crashes; it only risks the last commit on power loss.
    database.pragma('synchronous = NORMAL');
    // 32 MB of page cache (the default is 2 MB): a million-row import's pages and index builds stay mostly
    // in memory; 64 MB measured no faster and a higher peak RSS.
    database.pragma('cache_size = -32768');
  } catch (error) {
    throw new AppError(
      'bad-input',
      `cannot open the database ${file}: ${(error as Error).message}; check the --data folder is writable`,
    );
  }
  expose(database);
  return new Kysely<Database>({ dialect: new SqliteDialect({ database }), ...(log ? { log } : {}) });
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
    const client = await pool.connect();
    if (location.schema) await client.query(`create schema if not exists "${location.schema}"`);
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
