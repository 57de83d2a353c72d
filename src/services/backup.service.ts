import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../domain/errors.js';
import { backupSqlite, backupSqliteFile, inspectSqliteFile, restoreSqlite } from '../store/backup.js';
import { knownMigrations } from '../store/migrations.js';
import type { Store } from '../store/store.js';

/**
 * `tend backup` and `tend restore` (docs/RELIABILITY.md#backup): a consistent copy of the embedded database
 * while other processes use it, and its way back — never over data without `--force`, and then only after
 * the data there was itself backed up.
 */
export interface BackupSummary {
  file: string;
  people: number;
  /** The last migration of the copy's schema. */
  schema: string;
  bytes: number;
}

const POSTGRES_WAY =
  'with PostgreSQL (--db) use its own tools: pg_dump --format=custom --file FILE URL, and pg_restore --clean --dbname URL FILE to restore (docs/RELIABILITY.md#backup)';

export function refuseForPostgres(command: 'backup' | 'restore'): AppError {
  return new AppError('usage', `tend ${command} works on the embedded database; ${POSTGRES_WAY}`);
}

function summaryOf(file: string): BackupSummary {
  const facts = inspectSqliteFile(file);
  return {
    file,
    people: facts.people,
    schema: facts.migrations?.at(-1) ?? 'none',
    bytes: statSync(file).size,
  };
}

export async function backupDatabase(store: Store, target: string, force = false): Promise<BackupSummary> {
  if (!store.sqlite) throw refuseForPostgres('backup');
  if (existsSync(target) && !force)
    throw new AppError('usage', `${target} exists: choose another file, or add --force to replace it`);
  if (!existsSync(dirname(target)))
    throw new AppError(
      'not-found',
      `the folder ${dirname(target)} does not exist: create it or choose another`,
    );
  await backupSqlite(store.sqlite, target);
  return summaryOf(target);
}

/** Whether `file` is a tend database this version can open, with the reason when it is not. */
function checkBackup(file: string): void {
  if (!existsSync(file)) throw new AppError('not-found', `${file} does not exist`);
  let facts: ReturnType<typeof inspectSqliteFile>;
  try {
    facts = inspectSqliteFile(file);
  } catch (error) {
    throw new AppError('bad-input', `${file} is not a tend backup: ${(error as Error).message}`);
  }
  if (facts.integrity !== 'ok')
    throw new AppError('bad-input', `${file} is damaged (${facts.integrity}): restore another backup`);
  if (facts.migrations === null)
    throw new AppError(
      'bad-input',
      `${file} is not a tend backup: it is a SQLite database without tend's tables`,
    );
  const known = knownMigrations();
  const newer = facts.migrations.filter((name) => !known.includes(name));
  if (newer.length > 0)
    throw new AppError(
      'bad-input',
      `${file} was made by a newer version of tend (schema ${newer.join(', ')}): update tend to restore it`,
    );
}

/**
 * Puts the database in `source` in place of the data folder's. A folder that holds people or records is
 * refused without `force`; with it, its database is first copied to `backups/`. The restored database is
 * brought to this version's schema when the store next opens it (itself after a backup).
 */
export async function restoreDatabase(
  source: string,
  databaseFile: string,
  force = false,
): Promise<{ replaced?: string }> {
  checkBackup(source);
  let replaced: string | undefined;
  if (existsSync(databaseFile) && statSync(databaseFile).size > 0) {
    let records = 0;
    try {
      records = inspectSqliteFile(databaseFile).records;
    } catch {
      records = 1; // Not readable as a database: still something a user may want back.
    }
    if (records > 0) {
      if (!force)
        throw new AppError(
          'conflict',
          `the data folder ${dirname(databaseFile)} already holds data (${records} people and records): restoring would replace it; add --force to replace it (a copy of it is kept in backups/), or use --data to restore into another folder`,
        );
      const folder = join(dirname(databaseFile), 'backups');
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      replaced = join(
        folder,
        `before-restore-${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')}.db`,
      );
      await backupSqliteFile(databaseFile, replaced);
    }
  }
  mkdirSync(dirname(databaseFile), { recursive: true, mode: 0o700 });
  await restoreSqlite(source, databaseFile);
  return replaced ? { replaced } : {};
}
