import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './store.js';

let dir: string | undefined;
const stores: Store[] = [];

async function open(): Promise<{ store: Store; file: string }> {
  dir ??= mkdtempSync(join(tmpdir(), 'tend-bulk-'));
  const file = join(dir, 'tend.db');
  const store = await openStore({ dialect: 'sqlite', file });
  stores.push(store);
  return { store, file };
}

const journalOf = (store: Store) => store.sqlite?.pragma('journal_mode', { simple: true });

afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('a bulk load on SQLite', () => {
  it('writes with the rollback journal and leaves the database in write-ahead-log mode', async () => {
    const { store } = await open();
    expect(journalOf(store)).toBe('wal');
    const during = await store.bulkLoad(async () => {
      await store.transaction(async (trx) => {
        await trx.db
          .insertInto('workspace_settings')
          .values({ workspace_id: trx.workspaceId, key: 'k', value: 'v' })
          .execute();
      });
      return journalOf(store);
    });
    expect(during).toBe('delete');
    expect(journalOf(store)).toBe('wal');
    const row = await store.db.selectFrom('workspace_settings').selectAll().executeTakeFirst();
    expect(row?.value).toBe('v');
  });

  it('returns to the write-ahead log when the work fails, and the failed transaction left nothing', async () => {
    const { store } = await open();
    const failing = store.bulkLoad(() =>
      store.transaction(async (trx) => {
        await trx.db
          .insertInto('workspace_settings')
          .values({ workspace_id: trx.workspaceId, key: 'k', value: 'v' })
          .execute();
        throw new Error('half-way');
      }),
    );
    await expect(failing).rejects.toThrow('half-way');
    expect(journalOf(store)).toBe('wal');
    expect(await store.db.selectFrom('workspace_settings').selectAll().execute()).toEqual([]);
  });

  it('keeps what it committed when another connection opened the file during the load', async () => {
    const { store, file } = await open();
    let other: BetterSqlite3.Database | undefined;
    try {
      await store.bulkLoad(async () => {
        await store.transaction(async (trx) => {
          await trx.db
            .insertInto('workspace_settings')
            .values({ workspace_id: trx.workspaceId, key: 'k', value: 'v' })
            .execute();
        });
        other = new BetterSqlite3(file, { timeout: 0 });
        other.prepare('begin').run();
        other.prepare('select count(*) from people').get();
      });
      other?.prepare('commit').run();
      expect(other?.prepare('select value from workspace_settings').get()).toEqual({ value: 'v' });
    } finally {
      other?.close();
    }
  }, 15_000);

  it('stays in write-ahead-log mode, without waiting, while another connection has the database open', async () => {
    const { store, file } = await open();
    const other = new BetterSqlite3(file);
    try {
      other.prepare('select count(*) from people').get();
      const started = performance.now();
      const during = await store.bulkLoad(() => Promise.resolve(journalOf(store)));
      expect(during).toBe('wal');
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(store.sqlite?.pragma('busy_timeout', { simple: true })).toBe(5_000);
    } finally {
      other.close();
    }
  });
});
