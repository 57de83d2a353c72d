import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { AppError } from '../domain/errors.js';
import type { SqlDialect } from './sql-dialect.js';
import { initialSchema } from './migrations/0001-initial.migration.js';
import { personStatsSchema } from './migrations/0002-person-stats.migration.js';
import { duplicateProposalsSchema } from './migrations/0003-duplicate-proposals.migration.js';
import { personStatsColumnsSchema } from './migrations/0004-person-stats-columns.migration.js';

/** Versioned, in order. Append only: a released migration is never edited. */
function allMigrations(dialect: SqlDialect): Record<string, Migration> {
  return {
    '0001-initial': initialSchema(dialect),
    '0002-person-stats': personStatsSchema(),
    '0003-duplicate-proposals': duplicateProposalsSchema(),
    '0004-person-stats-columns': personStatsColumnsSchema(dialect),
  };
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
