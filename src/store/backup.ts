import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

/** Backups taken before a migration that are kept (the oldest beyond these are removed). */
const KEEP_MIGRATION_BACKUPS = 3;

/**
 * Copies the database to `target` with SQLite's online backup: a consistent snapshot even while other
 * processes read and write (it restarts when another connection writes during the copy). Written beside the
 * target under another name and renamed when whole, readable by its owner only.
 */
export async function backupSqlite(database: BetterSqlite3.Database, target: string): Promise<void> {
  const partial = join(dirname(target), `.${basename(target)}.partial-${process.pid}`);
  try {
    await database.backup(partial);
    if (!existsSync(partial)) throw new Error(`SQLite wrote no copy of the database to ${partial}`);
    chmodSync(partial, 0o600);
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
}

/**
 * Before a migration changes a database that has data: a copy in `backups/` beside it, named after the
 * schema it was at, so an upgrade that goes wrong can be undone with `tend restore`.
 */
export async function backupBeforeMigration(
  database: BetterSqlite3.Database,
  file: string,
  label: string,
  onBackup?: (file: string) => void,
): Promise<void> {
  if (database.memory) return;
  const folder = join(dirname(file), 'backups');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  const target = join(folder, `before-migration-${stamp}-from-${label}.db`);
  // From a connection of its own: `database` is inside the migration's transaction, and a backup from the
  // connection that holds a transaction writes nothing. The transaction holds the write lock and has not
  // written yet, so this connection reads the database exactly as it is before the migration.
  await backupSqliteFile(file, target);
  onBackup?.(target);
  const older = readdirSync(folder)
    .filter((name) => name.startsWith('before-migration-') && name.endsWith('.db'))
    .sort()
    .slice(0, -KEEP_MIGRATION_BACKUPS);
  for (const name of older) rmSync(join(folder, name), { force: true });
}

/**
 * What a database file holds, read without changing it: the migrations applied (null when it has no tend
 * schema), how many people and records, and SQLite's own integrity check. Throws SQLite's error when the file
 * is not a SQLite database.
 */
export function inspectSqliteFile(file: string): {
  migrations: string[] | null;
  people: number;
  records: number;
  integrity: string;
} {
  const database = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = String(database.pragma('quick_check', { simple: true }));
    const tables = new Set(
      database.prepare(`select name from sqlite_master where type = 'table'`).pluck().all() as string[],
    );
    const count = (table: string) =>
      tables.has(table) ? (database.prepare(`select count(*) from "${table}"`).pluck().get() as number) : 0;
    const migrations = tables.has('kysely_migration')
      ? (database.prepare('select name from kysely_migration order by name').pluck().all() as string[])
      : null;
    const people = count('people');
    return { migrations, people, records: people + count('interactions') + count('invitations'), integrity };
  } finally {
    database.close();
  }
}

/** Copies the database file `file` to `target` (online backup), for a database no store has open here. */
export async function backupSqliteFile(file: string, target: string): Promise<void> {
  const database = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    await backupSqlite(database, target);
  } finally {
    database.close();
  }
}

/**
 * Replaces the database in `target` by the one in `source`, page by page through SQLite's backup API: it
 * takes the write lock, so another process sees the old database or the new one, never a mix, and the
 * write-ahead log is kept consistent (copying the file over it would not be). A new target is made 0600.
 */
export async function restoreSqlite(source: string, target: string): Promise<void> {
  if (!existsSync(target)) closeSync(openSync(target, 'a', 0o600));
  const database = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
  try {
    await database.backup(target);
  } finally {
    database.close();
  }
}
