import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App } from '../../src/app.js';
import { openStore, type Store } from '../../src/store/store.js';

/** What a test may set when it opens a store: how writers wait. */
export interface StoreOptions {
  writeWaitMs?: number;
  onWait?: () => void;
}

/**
 * The repository suite runs on both dialects. SQLite always; PostgreSQL when TEND_TEST_DATABASE_URL is
 * set (CI sets it and must fail when the server is unreachable). Each test file works in its own schema.
 */
export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  open(): Promise<Store>;
  /** A second store on the database `open` opened last: another process's view of the same data. */
  openAgain(options?: StoreOptions): Promise<Store>;
  cleanup(): Promise<void>;
}

const postgresUrl = process.env.TEND_TEST_DATABASE_URL;

export const postgresAvailable = Boolean(postgresUrl);

if (postgresUrl) {
  console.warn(`PostgreSQL tests RUN against ${postgresUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}`);
} else if (!process.env.TEND_TEST_QUIET) {
  console.warn(
    'PostgreSQL tests SKIPPED: set TEND_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to run them.',
  );
}

let counter = 0;

export function testDatabases(label: string): TestDatabase[] {
  const databases: TestDatabase[] = [];
  let sqliteDir: string | undefined;
  let lastFile = '';
  databases.push({
    name: 'sqlite',
    open: () => {
      sqliteDir ??= mkdtempSync(join(tmpdir(), 'tend-test-'));
      lastFile = join(sqliteDir, `test-${counter++}.db`);
      return openStore({ dialect: 'sqlite', file: lastFile });
    },
    openAgain: (options = {}) => openStore({ dialect: 'sqlite', file: lastFile, ...options }),
    cleanup: () => {
      if (sqliteDir) rmSync(sqliteDir, { recursive: true, force: true });
      sqliteDir = undefined;
      return Promise.resolve();
    },
  });
  if (postgresUrl) {
    const schemas: string[] = [];
    databases.push({
      name: 'postgres',
      open: () => {
        const schema = `t_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${process.pid}_${counter++}`;
        schemas.push(schema);
        return openStore({ dialect: 'postgres', url: postgresUrl, schema });
      },
      openAgain: (options = {}) =>
        openStore({ dialect: 'postgres', url: postgresUrl, schema: schemas.at(-1) ?? '', ...options }),
      cleanup: async () => {
        if (schemas.length === 0) return;
        const pg = (await import('pg')).default;
        const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 5000 });
        await client.connect();
        for (const schema of schemas.splice(0))
          await client.query(`drop schema if exists "${schema}" cascade`);
        await client.end();
      },
    });
  }
  return databases;
}

/**
 * A PostgreSQL URL whose connections work in a schema of their own (`search_path`), for tests that run the
 * CLI in other processes; `drop` removes the schema.
 */
export async function postgresSchemaUrl(label: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (!postgresUrl) throw new Error('TEND_TEST_DATABASE_URL is not set');
  const schema = `t_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${process.pid}_${counter++}`;
  const pg = (await import('pg')).default;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 5000 });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create schema "${schema}"`);
  const separator = postgresUrl.includes('?') ? '&' : '?';
  return {
    url: `${postgresUrl}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    drop: () => admin(`drop schema if exists "${schema}" cascade`),
  };
}

/** Closes the apps a test opened, dropping the PostgreSQL schema each one worked in. */
export async function closeApps(apps: readonly App[]): Promise<void> {
  for (const app of apps) {
    if (app.store.dialect === 'postgres') {
      const schema = (app.config.store as { schema?: string }).schema;
      if (schema) await app.store.db.schema.dropSchema(schema).ifExists().cascade().execute();
    }
    await app.close();
  }
}
