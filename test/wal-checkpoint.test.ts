import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteFile } from '../src/store/sqlite-connection.js';
import { holdCheckpoints } from '../src/store/wal-checkpoint.js';

/**
 * A first import holds SQLite's checkpoints back and copies the log into the database file on a thread of its
 * own (docs/PERFORMANCE.md#checkpoint). The worker is the bundle's (global-setup.ts builds it): the TypeScript
 * sources have no compiled worker, and there the checkpoints are left as they are.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundledWorker = pathToFileURL(join(root, 'dist', 'bundle', 'wal-checkpoint.worker.js'));
const work = mkdtempSync(join(tmpdir(), 'tend-checkpoint-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function fill(database: ReturnType<typeof openSqliteFile>): void {
  database.exec('create table if not exists pages (body text)');
  const insert = database.prepare('insert into pages (body) values (?)');
  database.transaction(() => {
    for (let index = 0; index < 3_000; index++) insert.run(`${index} ${'x'.repeat(1_000)}`);
  })();
}

describe('checkpoints held during a bulk write', () => {
  it('leave the commit in the log, copy it into the file beside, then run again as before', async () => {
    const file = join(work, 'held.db');
    const database = openSqliteFile(file, { busyTimeoutMs: 1_000 });
    try {
      const held = holdCheckpoints(database, bundledWorker);
      expect(held).not.toBeNull();
      fill(database);
      // 3,000 pages committed, none copied: the file still has the size of its schema.
      expect(statSync(file).size).toBeLessThan(100_000);
      expect(statSync(`${file}-wal`).size).toBeGreaterThan(3_000_000);
      held?.copyBeside();
      await held?.release();
      expect(statSync(file).size).toBeGreaterThan(3_000_000);
      expect(database.pragma('wal_autocheckpoint', { simple: true })).toBe(1_000);
      expect(database.prepare('select count(*) as n from pages').get()).toEqual({ n: 3_000 });
    } finally {
      database.close();
    }
  });

  it('are not held where there is no compiled worker (the sources, as tests run them)', () => {
    const database = openSqliteFile(join(work, 'sources.db'), { busyTimeoutMs: 1_000 });
    try {
      expect(holdCheckpoints(database)).toBeNull();
      expect(database.pragma('wal_autocheckpoint', { simple: true })).toBe(1_000);
    } finally {
      database.close();
    }
  });
});
