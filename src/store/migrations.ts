import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
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
  };
}

/**
 * Every command opens the store: when every migration is already applied, one read says so, instead of the
 * migrator's lock table write and its table listings on each start.
 */
async function isUpToDate(db: Kysely<unknown>, names: readonly string[], schema?: string): Promise<boolean> {
  try {
    const table = schema ? sql.table(`${schema}.kysely_migration`) : sql.table('kysely_migration');
    const result = await sql<{ name: string }>`select name from ${table}`.execute(db);
    const applied = new Set(result.rows.map((row) => row.name));
    return names.every((name) => applied.has(name)) && applied.size === names.length;
  } catch {
    return false; // No migration table yet: a new database.
  }
}

class StaticMigrationProvider implements MigrationProvider {
  constructor(private readonly migrations: Record<string, Migration>) {}
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(this.migrations);
  }
}

export async function migrateToLatest(
  db: Kysely<unknown>,
  dialect: SqlDialect,
  schema?: string,
): Promise<void> {
  if (await isUpToDate(db, Object.keys(allMigrations(dialect)), schema)) return;
  const migrator = new Migrator({
    db,
    provider: new StaticMigrationProvider(allMigrations(dialect)),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error');
    const message = error instanceof Error ? error.message : JSON.stringify(error);
    throw new AppError(
      'bad-input',
      `could not bring the database schema up to date${failed ? ` (migration ${failed.migrationName})` : ''}: ${message}`,
    );
  }
}
