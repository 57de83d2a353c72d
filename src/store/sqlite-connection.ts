import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { AppError } from '../domain/errors.js';
import { StoreBusyError, TRY_WAIT_MS, waitForWriteLock, type WriteWait } from './write-lock.js';

/** A SQLite error that another connection's lock caused (`SQLITE_BUSY…`, `SQLITE_LOCKED…`). */
export function isBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** Page cache sizes (`PRAGMA cache_size`, negative: KiB): every connection's, and an import's. */
const PAGE_CACHE = -2048;
export const BULK_PAGE_CACHE = -32768;

/**
 * Opens the embedded database: write-ahead log (readers never wait for a writer, nor a writer for readers),
 * the bounded busy timeout, and a new file created readable by its owner only (SQLite gives the -wal and -shm
 * files the database file's permissions). `readOnly` opens an existing file without ever writing to it.
 */
export function openSqliteFile(
  file: string,
  options: { readOnly?: boolean; busyTimeoutMs: number },
): BetterSqlite3.Database {
  let database: BetterSqlite3.Database | undefined;
  try {
    if (file !== ':memory:' && !options.readOnly) createPrivately(file);
    database = options.readOnly
      ? openReadOnly(file, options.busyTimeoutMs)
      : new BetterSqlite3(file, { timeout: options.busyTimeoutMs });
    // Already WAL on every file tend made: then this is a read, and needs no lock another process holds.
    if (database.pragma('journal_mode', { simple: true }) !== 'wal' && !options.readOnly)
      database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
    // WAL makes NORMAL durable against application crashes; it only risks the last commit on power loss.
    database.pragma('synchronous = NORMAL');
    // A small page cache: a command reads a few thousand pages once, and each page of a larger cache is
    // new memory (a page fault); an import raises it (BULK_PAGE_CACHE, docs/PERFORMANCE.md#page-cache).
    database.pragma(`cache_size = ${PAGE_CACHE}`);
    // The log is cut back after a checkpoint: a large import leaves no 400 MB -wal file behind.
    if (!options.readOnly) database.pragma('journal_size_limit = 67108864');
    return database;
  } catch (error) {
    database?.close();
    throw openFailure(file, error);
  }
}

/**
 * A database in a folder tend may not write to. SQLite reads a WAL database only beside its -shm file, which
 * it cannot create in such a folder (SQLITE_READONLY_DIRECTORY): then, when no -wal file holds commits not
 * yet in the database (tend checkpoints it on close), the file is read into memory, marked as a rollback-
 * journal database (header bytes 18–19, https://www.sqlite.org/fileformat.html#file_format_version_numbers)
 * so SQLite opens it from memory, and read from there.
 */
function openReadOnly(file: string, timeout: number): BetterSqlite3.Database {
  const database = new BetterSqlite3(file, { readonly: true, fileMustExist: true, timeout });
  try {
    database.pragma('schema_version');
    return database;
  } catch (error) {
    database.close();
    const code = (error as { code?: string }).code ?? '';
    if (!(code === 'SQLITE_READONLY_DIRECTORY' || code === 'SQLITE_CANTOPEN') || existsSync(`${file}-wal`))
      throw error;
  }
  const image = readFileSync(file);
  if (image.length >= 20 && image[18] === 2 && image[19] === 2) image.fill(1, 18, 20);
  return new BetterSqlite3(image, { readonly: true });
}

/**
 * The database as Kysely sees it when tend may only read: a statement that would write is refused with
 * `refusal()` before it runs, whichever path it comes by, instead of SQLite's bare "readonly database".
 */
export function refusingWrites(
  database: BetterSqlite3.Database,
  refusal: () => Error,
): BetterSqlite3.Database {
  return new Proxy(database, {
    get(target, key) {
      if (key === 'prepare')
        return (source: string) => {
          const statement = target.prepare(source);
          if (!statement.readonly) throw refusal();
          return statement;
        };
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function createPrivately(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  else if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
}

function openFailure(file: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code ?? '';
  const message = (error as Error).message;
  if (isBusyError(error)) return new StoreBusyError(0);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code.startsWith('SQLITE_READONLY'))
    return new AppError(
      'bad-input',
      `cannot open the database ${file}: ${message}; check the --data folder is writable`,
    );
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
    return new AppError(
      'bad-input',
      `${file} is not a tend database or is damaged (${message}): restore a backup with tend restore`,
    );
  return new AppError('bad-input', `cannot open the database ${file}: ${message}`);
}

/** Runs `work` in one SQLite transaction on `connection` that holds the write lock from its first statement. */
export async function immediateTransaction<DB, T>(
  database: BetterSqlite3.Database,
  connection: Kysely<DB>,
  work: () => Promise<T>,
  wait: WriteWait | false,
): Promise<T> {
  // The write lock up front: a deferred transaction fails at its first write when another process committed
  // since its first read (SQLITE_BUSY_SNAPSHOT), which no waiting can cure.
  const busyTimeout = database.pragma('busy_timeout', { simple: true }) as number;
  await waitForWriteLock(async () => {
    database.pragma(`busy_timeout = ${wait ? TRY_WAIT_MS : 0}`);
    try {
      await sql`begin immediate`.execute(connection);
      return true;
    } catch (error) {
      if (isBusyError(error)) return false;
      throw error;
    } finally {
      database.pragma(`busy_timeout = ${busyTimeout}`);
    }
  }, wait);
  try {
    const result = await work();
    await sql`commit`.execute(connection);
    return result;
  } catch (error) {
    if (database.inTransaction) await sql`rollback`.execute(connection);
    throw error;
  }
}
