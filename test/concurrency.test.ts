import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { ProcessResult } from './support/built-cli.js';
import {
  importWhileOthersWork,
  parallelFirstStarts,
  trimmedExport,
  type Target,
} from './support/concurrency-scenario.js';
import { postgresAvailable, postgresSchemaUrl } from './support/test-databases.js';

/**
 * Several terminals on one data folder (docs/RELIABILITY.md, Concurrency): readers never fail while an
 * import writes, writers wait for it, and processes that start at once on a fresh folder agree on the
 * schema. Real processes of the built CLI; `test/stress/` runs the same on a larger export.
 */
const folders: string[] = [];
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  for (const cleanup of cleanups) await cleanup();
});

function freshFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'tend-concurrency-'));
  folders.push(folder);
  return folder;
}

const explain = (failures: readonly ProcessResult[]) =>
  failures.map((run) => `${run.argv.slice(-3).join(' ')} → ${run.code}: ${run.stderr.trim()}`);

function targets(): Array<[string, () => Promise<Target>]> {
  const list: Array<[string, () => Promise<Target>]> = [
    ['SQLite', () => Promise.resolve({ dataDir: freshFolder() })],
  ];
  if (postgresAvailable)
    list.push([
      'PostgreSQL',
      async () => {
        const schema = await postgresSchemaUrl('concurrency');
        cleanups.push(() => schema.drop());
        return { dataDir: freshFolder(), url: schema.url };
      },
    ]);
  return list;
}

describe.each(targets())('several processes on one database (%s)', (name, open) => {
  it('lets others read and log while an import writes: no failures, every log kept', async () => {
    const target = await open();
    // PostgreSQL imports a message per round trip: a share of the export keeps the test short.
    const exportDir = target.url
      ? trimmedExport(inject('generatedExport1k'), 3_000)
      : inject('generatedExport1k');
    if (target.url) folders.push(exportDir);
    const result = await importWhileOthersWork(target, exportDir);
    expect(result.importRun.code, result.importRun.stderr).toBe(0);
    expect(explain(result.failures)).toEqual([]);
    expect(result.logged.length).toBeGreaterThanOrEqual(2);
    expect(result.stored.sort()).toEqual([...result.logged].sort());
    if (name === 'SQLite') {
      const database = new BetterSqlite3(join(target.dataDir, 'tend.db'), { readonly: true });
      expect(database.pragma('integrity_check', { simple: true })).toBe('ok');
      database.close();
    }
  }, 180_000);

  it('starts 20 processes at once on a fresh folder: one schema, no failures', async () => {
    const target = await open();
    const failures = await parallelFirstStarts(target, 20);
    expect(explain(failures)).toEqual([]);
  }, 120_000);
});
