import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { inspectSqliteFile } from '../src/store/backup.js';
import { knownMigrations } from '../src/store/migrations.js';
import { repositoryRoot } from './support/built-cli.js';
import { runCli } from './support/cli-harness.js';

/**
 * Every schema tend has had (docs/RELIABILITY.md#backup): a database made by the code of each version
 * (test/fixtures/schema-versions/, how in its README) is brought to the current schema by the next command,
 * after a backup of it, keeping everything in it.
 */
const FIXTURES = join(repositoryRoot, 'test', 'fixtures', 'schema-versions');
const NOW = '2025-03-10T12:00:00Z';

/** A data folder whose database is the fixture's SQL, as that version left it. */
function folderFrom(fixture: string): { dataDir: string; database: string } {
  const dataDir = mkdtempSync(join(tmpdir(), 'tend-schema-'));
  const database = join(dataDir, 'tend.db');
  const sqlite = new BetterSqlite3(database);
  sqlite.exec(readFileSync(join(FIXTURES, fixture), 'utf8'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.close();
  return { dataDir, database };
}

const fixtures = readdirSync(FIXTURES).filter((name) => name.endsWith('.sql'));

describe('databases of every earlier schema', () => {
  it('are all here: one per version, the last with the current schema (a new migration needs a new one)', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(9);
    const newest = fixtures.map((fixture) => inspectSqliteFile(folderFrom(fixture).database).migrations);
    expect(newest).toContainEqual([...knownMigrations()].sort());
  });

  it.each(fixtures)('%s: upgraded after a backup, with everything kept', async (fixture) => {
    const { dataDir, database } = folderFrom(fixture);
    const before = inspectSqliteFile(database);
    const current = knownMigrations();
    const result = await runCli(['--data', dataDir, '--now', NOW, '--json', 'people']);
    expect(result.stderr).not.toMatch(/unexpected error/);
    expect(result.code).toBe(0);
    const after = inspectSqliteFile(database);
    expect(after.integrity).toBe('ok');
    expect(after.migrations).toEqual([...current].sort());
    expect(after.people).toBe(before.people);
    expect(after.records).toBe(before.records);
    const upgraded = JSON.stringify(before.migrations) !== JSON.stringify([...current].sort());
    if (upgraded) {
      expect(result.stderr).toMatch(/the database schema is being updated; a backup of it is in .*backups/);
      const backups = readdirSync(join(dataDir, 'backups'));
      expect(backups).toEqual([
        expect.stringMatching(
          `^before-migration-\\d{8}T\\d{6}-from-${before.migrations?.at(-1) ?? ''}\\.db$`,
        ),
      ]);
      const backup = join(dataDir, 'backups', backups[0] ?? '');
      expect(statSync(backup).mode & 0o777).toBe(0o600);
      expect(inspectSqliteFile(backup)).toEqual(before);
    } else expect(existsSync(join(dataDir, 'backups'))).toBe(false);
    if (before.people === 0) return;
    const shown = await runCli(['--data', dataDir, '--now', NOW, '--json', 'show', 'Hanna']);
    expect(shown.stdout).toContain('schema fixture call');
    expect(shown.stdout).toContain('fixture-tag');
  });
});
