import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/support/test-databases.js';
import { openStore, type Store, type StoreLocation } from './store.js';

/** Schema migrations: serialised across processes, applied exactly once, never onto a newer schema. */
const migrationsOf = async (store: Store) =>
  (
    await sql<{
      name: string;
      timestamp: string;
    }>`select name, timestamp from kysely_migration order by name`.execute(store.db)
  ).rows;

describe.each(testDatabases('migrations'))('migrations on $name', (database) => {
  afterAll(() => database.cleanup());

  it('applies each migration once: opening again changes nothing', async () => {
    const first = await database.open();
    const before = await migrationsOf(first);
    await first.close();
    const again = await database.openAgain();
    expect(await migrationsOf(again)).toEqual(before);
    expect(before.length).toBeGreaterThanOrEqual(7);
    await again.close();
  });

  it('refuses a database that a newer version of tend migrated, and leaves it alone', async () => {
    const store = await database.open();
    await sql`insert into kysely_migration (name, timestamp) values ('9999-from-the-future', 'x')`.execute(
      store.db,
    );
    await store.close();
    const refused = await database.openAgain().catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'bad-input' });
    expect((refused as Error).message).toContain(
      '9999-from-the-future) by a newer version of tend: update tend',
    );
  });
});

describe('stores opened at once on a new database', () => {
  const locations: Array<[string, () => StoreLocation, () => void]> = [];
  const folder = mkdtempSync(join(tmpdir(), 'tend-migrate-'));
  locations.push([
    'SQLite',
    () => ({ dialect: 'sqlite', file: join(folder, 'tend.db') }),
    () => rmSync(folder, { recursive: true, force: true }),
  ]);
  const url = process.env.TEND_TEST_DATABASE_URL;
  const schema = `t_migrate_at_once_${process.pid}`;
  if (url) locations.push(['PostgreSQL', () => ({ dialect: 'postgres', url, schema }), () => undefined]);

  afterAll(async () => {
    for (const [, , cleanup] of locations) cleanup();
    if (url) {
      // Through the test's own schema: the shared database's public schema may be another branch's newer one.
      const store = await openStore({ dialect: 'postgres', url, schema });
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
      await store.close();
    }
  });

  it.each(locations)('migrate it once on %s, every one of them succeeding', async (_, location) => {
    const stores = await Promise.all(Array.from({ length: 12 }, () => openStore(location())));
    try {
      const names = (await migrationsOf(stores[0] as Store)).map((row) => row.name);
      expect(new Set(names).size).toBe(names.length);
      expect(names.length).toBeGreaterThanOrEqual(7);
    } finally {
      for (const store of stores) await store.close();
    }
  });
});
