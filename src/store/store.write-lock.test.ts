import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { testDatabases, type StoreOptions } from '../../test/support/test-databases.js';
import type { Store } from './store.js';

/**
 * One writer at a time, the others wait for it (bounded) and readers never do: the store's side of
 * docs/RELIABILITY.md, Concurrency. The second store stands for another process on the same database.
 */
const opened: Store[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

/** Holds the write lock in `store` until the returned release is called. */
async function holdWriteLock(store: Store): Promise<{ release(): void; done: Promise<void> }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let started!: () => void;
  const holding = new Promise<void>((resolve) => (started = resolve));
  const done = store.transaction(async (trx) => {
    await trx.db
      .insertInto('workspace_settings')
      .values({ workspace_id: trx.workspaceId, key: 'holder', value: 'first' })
      .execute();
    started();
    await released;
  });
  await holding;
  return { release, done };
}

const setting = (store: Store, key: string) =>
  store.db
    .selectFrom('workspace_settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst()
    .then((row) => row?.value);

describe.each(testDatabases('write-lock'))('writers on $name', (database) => {
  afterAll(() => database.cleanup());

  async function twoStores(options: StoreOptions = {}) {
    const first = await database.open();
    opened.push(first);
    const second = await database.openAgain(options);
    opened.push(second);
    return { first, second };
  }

  it('lets a reader read while another writer holds the lock, without waiting', async () => {
    const { first, second } = await twoStores();
    const holder = await holdWriteLock(first);
    const started = Date.now();
    expect(await setting(second, 'holder')).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1_000);
    holder.release();
    await holder.done;
    expect(await setting(second, 'holder')).toBe('first');
  });

  it('makes a second writer wait for the first and then write, telling once that it waits', async () => {
    let told = 0;
    const { first, second } = await twoStores({ onWait: () => (told += 1) });
    const holder = await holdWriteLock(first);
    const waiting = second.transaction((trx) =>
      trx.db
        .insertInto('workspace_settings')
        .values({ workspace_id: trx.workspaceId, key: 'waiter', value: 'second' })
        .execute(),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    // Read by a third: on SQLite each store has one connection, and both are busy.
    const reader = await database.openAgain();
    opened.push(reader);
    expect(await setting(reader, 'waiter')).toBeUndefined();
    holder.release();
    await Promise.all([holder.done, waiting]);
    expect(await setting(first, 'waiter')).toBe('second');
    expect(told).toBe(1);
  });

  it('gives up after its bound with one clear line, having written nothing', async () => {
    const { first, second } = await twoStores({ writeWaitMs: 300 });
    const holder = await holdWriteLock(first);
    const waiting = second.transaction((trx) =>
      trx.db
        .insertInto('workspace_settings')
        .values({ workspace_id: trx.workspaceId, key: 'waiter', value: 'second' })
        .execute(),
    );
    const failure = await waiting.catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'busy' });
    expect((failure as Error).message).toMatch(
      /another tend process has been writing .* nothing was changed/,
    );
    holder.release();
    await holder.done;
    expect(await setting(first, 'waiter')).toBeUndefined();
  });

  it('gives up at once when asked not to wait (a cache only worth keeping now)', async () => {
    const { first, second } = await twoStores();
    const holder = await holdWriteLock(first);
    const started = Date.now();
    await expect(second.transaction(() => Promise.resolve(), { wait: false })).rejects.toMatchObject({
      code: 'busy',
    });
    expect(Date.now() - started).toBeLessThan(1_000);
    holder.release();
    await holder.done;
  });
});
