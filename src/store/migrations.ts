import { sql, type Kysely, type Migration } from 'kysely';
import { AppError } from '../domain/errors.js';
import type { SqlDialect } from './sql-dialect.js';
import { initialSchema } from './migrations/0001-initial.migration.js';
import { personStatsSchema } from './migrations/0002-person-stats.migration.js';
import { duplicateProposalsSchema } from './migrations/0003-duplicate-proposals.migration.js';
import { personStatsColumnsSchema } from './migrations/0004-person-stats-columns.migration.js';
import { introductionsSchema } from './migrations/0005-introductions.migration.js';
import { triageResultsSchema } from './migrations/0006-triage-results.migration.js';
import { peopleSeekingSchema } from './migrations/0007-people-seeking.migration.js';
import { foldLettersData } from './migrations/0008-fold-letters.migration.js';
import { agendaActionsSchema } from './migrations/0009-agenda-actions.migration.js';
import { contactCardsSchema } from './migrations/0010-contact-cards.migration.js';
import { agendaIndexesSchema } from './migrations/0011-agenda-indexes.migration.js';
import { segmentsSchema } from './migrations/0012-segments.migration.js';
import { healthHistorySchema } from './migrations/0013-health-history.migration.js';
import { personMergesSchema } from './migrations/0014-person-merges.migration.js';
import { linkedinLimitsAndSendingSchema } from './migrations/0015-linkedin-limits-and-sending.migration.js';
import { ledgerKindsRangeSchema } from './migrations/0016-ledger-kinds-range.migration.js';

/** Versioned, in order. Append only: a released migration is never edited. */
function allMigrations(dialect: SqlDialect): Record<string, Migration> {
  return {
    '0001-initial': initialSchema(dialect),
    '0002-person-stats': personStatsSchema(),
    '0003-duplicate-proposals': duplicateProposalsSchema(),
    '0004-person-stats-columns': personStatsColumnsSchema(dialect),
    '0005-introductions': introductionsSchema(dialect),
    '0006-triage-results': triageResultsSchema(),
    '0007-people-seeking': peopleSeekingSchema(),
    '0008-fold-letters': foldLettersData(),
    '0009-agenda-actions': agendaActionsSchema(dialect),
    '0010-contact-cards': contactCardsSchema(),
    '0011-agenda-indexes': agendaIndexesSchema(),
    '0012-segments': segmentsSchema(dialect),
    '0013-health-history': healthHistorySchema(),
    '0014-person-merges': personMergesSchema(dialect),
    '0015-linkedin-limits-and-sending': linkedinLimitsAndSendingSchema(),
    '0016-ledger-kinds-range': ledgerKindsRangeSchema(),
  };
}

/** The names of every migration this version knows: a database with another one was made by a newer tend. */
export function knownMigrations(): string[] {
  return Object.keys(allMigrations('sqlite'));
}

const MIGRATION_TABLE = 'kysely_migration';

export interface MigrationOptions {
  /** The PostgreSQL schema the tables live in. */
  schema?: string;
  /**
   * Runs `work` in one transaction that no other process's migration runs beside (SQLite: the write lock
   * taken up front; PostgreSQL: an advisory lock): all migrations are applied or none.
   */
  locked(work: (db: Kysely<unknown>) => Promise<void>): Promise<void>;
  /** Copies a database that has data before its schema changes; `label` names the schema it is at. */
  backup?(label: string): Promise<void>;
  /** Set for a database tend may only read (a read-only data folder): its schema is checked, not changed. */
  readOnly?: string;
}

function migrationTable(schema?: string) {
  return sql.table(schema ? `${schema}.${MIGRATION_TABLE}` : MIGRATION_TABLE);
}

/** The names of the migrations applied, or null when the database has none (a new database). */
async function appliedMigrations(db: Kysely<unknown>, schema?: string): Promise<string[] | null> {
  try {
    const result = await sql<{ name: string }>`select name from ${migrationTable(schema)}`.execute(db);
    return result.rows.map((row) => row.name);
  } catch {
    return null;
  }
}

/**
 * Brings the schema to the latest version. Every command opens the store: when every migration is applied,
 * one read says so. Otherwise, under the lock, the applied ones are read again — another process may have
 * migrated meanwhile — and only those still missing run, in order, in the same transaction: running it
 * twice, or in two processes at once, applies each migration exactly once.
 */
export async function migrateToLatest(
  db: Kysely<unknown>,
  dialect: SqlDialect,
  options: MigrationOptions,
): Promise<void> {
  const migrations = allMigrations(dialect);
  const names = Object.keys(migrations);
  const isCurrent = (applied: readonly string[] | null) =>
    applied !== null && names.every((name) => applied.includes(name));
  const before = await appliedMigrations(db, options.schema);
  refuseNewer(before, names);
  if (isCurrent(before)) return;
  if (options.readOnly)
    throw new AppError(
      'bad-input',
      `the database in ${options.readOnly} was made by an older version of tend and its schema must be updated, which needs a folder tend can write to: make it writable and run tend again`,
    );
  let failed: string | undefined;
  try {
    await options.locked(async (trx) => {
      await trx.schema
        .createTable(options.schema ? `${options.schema}.${MIGRATION_TABLE}` : MIGRATION_TABLE)
        .ifNotExists()
        .addColumn('name', 'varchar(255)', (column) => column.notNull().primaryKey())
        .addColumn('timestamp', 'varchar(255)', (column) => column.notNull())
        .execute();
      const applied = (await appliedMigrations(trx, options.schema)) ?? [];
      refuseNewer(applied, names);
      const missing = names.filter((name) => !applied.includes(name));
      if (missing.length === 0) return;
      if (applied.length > 0) await options.backup?.(applied.at(-1) ?? 'unknown');
      for (const name of missing) {
        failed = name;
        await migrations[name]?.up(trx);
        await sql`insert into ${migrationTable(options.schema)} (name, timestamp) values (${name}, ${new Date().toISOString()})`.execute(
          trx,
        );
      }
      failed = undefined;
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      'bad-input',
      `could not bring the database schema up to date${failed ? ` (migration ${failed})` : ''}: ${(error as Error).message}; nothing was changed`,
    );
  }
}

/** A database a newer tend migrated: this version does not know its schema and must not write to it. */
function refuseNewer(applied: readonly string[] | null, known: readonly string[]): void {
  const unknown = applied?.filter((name) => !known.includes(name)) ?? [];
  if (unknown.length > 0)
    throw new AppError(
      'bad-input',
      `this database was brought to a newer schema (${unknown.join(', ')}) by a newer version of tend: update tend to use it`,
    );
}
