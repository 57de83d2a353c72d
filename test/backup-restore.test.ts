import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, inject, it } from 'vitest';
import { inspectSqliteFile } from '../src/store/backup.js';
import { spawnTend } from './support/built-cli.js';
import { runCli } from './support/cli-harness.js';
import { fileRows } from './support/crash-scenario.js';
import { materializeEra } from './support/linkedin-fixtures.js';

/**
 * `tend backup` and `tend restore` (docs/RELIABILITY.md#backup): a consistent copy while another process
 * writes, a restore that never replaces data without --force (and keeps it when forced), PostgreSQL sent to
 * pg_dump with one line.
 */
const NOW = '2025-03-10T12:00:00Z';
const work = mkdtempSync(join(tmpdir(), 'tend-backup-'));
const tendIn = (dataDir: string, ...argv: string[]) => runCli(['--data', dataDir, '--now', NOW, ...argv]);

async function folderWithData(name: string): Promise<string> {
  const dataDir = join(work, name);
  expect((await tendIn(dataDir, 'import', materializeEra('2024-2025'))).code).toBe(0);
  expect((await tendIn(dataDir, 'log', 'Hanna', 'call', 'before the backup')).code).toBe(0);
  return dataDir;
}

describe('tend backup', () => {
  it('writes a consistent copy while another process imports', { timeout: 120_000 }, async () => {
    const dataDir = join(work, 'busy');
    let importing = true;
    const importRun = spawnTend([
      '--data',
      dataDir,
      '--now',
      NOW,
      'import',
      inject('generatedExport1k'),
    ]).finally(() => (importing = false));
    const copies: string[] = [];
    while (importing || copies.length < 2) {
      const copy = join(work, `busy-${copies.length}.db`);
      const result = await spawnTend(['--data', dataDir, '--now', NOW, 'backup', copy]);
      if (result.code === 0) copies.push(copy);
      // Before the import made the database there is nothing to back up yet (exit 2, one line).
      else expect(result.stderr).toMatch(/^tend: [^\n]+\n$/);
    }
    expect((await importRun).code).toBe(0);
    const final = new BetterSqlite3(join(dataDir, 'tend.db'), { readonly: true });
    const complete = fileRows(final).rows;
    final.close();
    for (const copy of copies) {
      expect(statSync(copy).mode & 0o777).toBe(0o600);
      const database = new BetterSqlite3(copy, { readonly: true });
      const { rows, recorded } = fileRows(database);
      expect(database.pragma('integrity_check', { simple: true })).toBe('ok');
      database.close();
      // Each file whole with its imports row, or absent without it: a snapshot between two commits.
      for (const [format, count] of Object.entries(rows))
        expect({ format, count }).toEqual({
          format,
          count: recorded.includes(format) ? complete[format] : 0,
        });
    }
  });

  it('refuses to replace a file without --force, and PostgreSQL with the pg_dump way', async () => {
    const dataDir = await folderWithData('refusals');
    const copy = join(work, 'refusals.db');
    writeFileSync(copy, 'mine');
    const refused = await tendIn(dataDir, 'backup', copy);
    expect([refused.code, refused.stderr]).toEqual([
      1,
      expect.stringMatching(/^tend: .* exists: .*--force[^\n]*\n$/),
    ]);
    expect((await tendIn(dataDir, 'backup', copy, '--force')).code).toBe(0);
    for (const command of ['backup', 'restore']) {
      const postgres = await tendIn(dataDir, '--db', 'postgres://tend@127.0.0.1:1/none', command, copy);
      expect([postgres.code, postgres.stderr]).toEqual([
        1,
        expect.stringMatching(/^tend: .*pg_dump[^\n]*\n$/),
      ]);
    }
  });
});

describe('tend restore', () => {
  it('brings a backup back into an empty folder, refuses a folder with data without --force, keeps it with', async () => {
    const source = await folderWithData('source');
    const copy = join(work, 'source.db');
    const backedUp = await tendIn(source, 'backup', copy);
    expect(backedUp.stdout).toMatch(
      /^Backed up \d+ people \(schema \S+, \d+ KB\) to .*source\.db\. To restore it: tend restore /,
    );
    const empty = join(work, 'empty');
    const restored = await tendIn(empty, 'restore', copy);
    expect([restored.code, restored.stderr]).toEqual([0, '']);
    expect((await tendIn(empty, '--json', 'show', 'Hanna')).stdout).toContain('before the backup');
    expect(statSync(join(empty, 'tend.db')).mode & 0o777).toBe(0o600);

    const other = await folderWithData('other');
    expect((await tendIn(other, 'log', 'Ingrid', 'call', 'only here')).code).toBe(0);
    const refused = await tendIn(other, 'restore', copy);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^tend: the data folder .* already holds data .*--force[^\n]*\n$/);
    expect((await tendIn(other, '--json', 'show', 'Ingrid')).stdout).toContain('only here');

    const forced = await tendIn(other, 'restore', copy, '--force');
    expect(forced.code).toBe(0);
    expect(forced.stderr).toMatch(
      /^tend: the data that was there is kept in .*backups\/before-restore-\d{8}T\d{6}\.db\n$/,
    );
    expect((await tendIn(other, '--json', 'show', 'Ingrid')).stdout).not.toContain('only here');
    const kept = readdirSync(join(other, 'backups')).filter((name) => name.startsWith('before-restore-'));
    expect(kept).toHaveLength(1);
    const keptFile = join(other, 'backups', kept[0] ?? '');
    expect(statSync(keptFile).mode & 0o777).toBe(0o600);
    expect(inspectSqliteFile(keptFile).records).toBeGreaterThan(0);
  });

  it('refuses what is not a tend backup with one line, changing nothing', async () => {
    const dataDir = join(work, 'untouched');
    const notADatabase = join(work, 'notes.txt');
    writeFileSync(notADatabase, 'not a database at all, but long enough to be read as a header of one');
    const foreign = join(work, 'foreign.db');
    new BetterSqlite3(foreign).exec('create table things (id integer)');
    for (const [file, code, message] of [
      [notADatabase, 2, /is not a tend backup/],
      [foreign, 2, /is not a tend backup: it is a SQLite database without tend's tables/],
      [join(work, 'missing.db'), 3, /does not exist/],
    ] as const) {
      const result = await tendIn(dataDir, 'restore', file);
      expect([result.code, result.stderr]).toEqual([code, expect.stringMatching(message)]);
      expect(result.stderr.split('\n')).toHaveLength(2);
    }
    expect(existsSync(join(dataDir, 'tend.db'))).toBe(false);
  });
});
