import { chmodSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';

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
  await backupSqlite(database, target);
  onBackup?.(target);
  const older = readdirSync(folder)
    .filter((name) => name.startsWith('before-migration-') && name.endsWith('.db'))
    .sort()
    .slice(0, -KEEP_MIGRATION_BACKUPS);
  for (const name of older) rmSync(join(folder, name), { force: true });
}
