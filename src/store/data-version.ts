import type BetterSqlite3 from 'better-sqlite3';
import type { StoreContext } from './store.js';

const statements = new WeakMap<BetterSqlite3.Database, BetterSqlite3.Statement>();

/**
 * A token that differs whenever the database may answer differently than when it was read: on SQLite,
 * `data_version` (changes when another connection — the CLI importing or logging in another terminal, the
 * import job's own connection — commits) beside `total_changes()` (rows this connection has changed, so the
 * server's own writes count too). One prepared statement, a few microseconds: cheap enough to read per request.
 * null on PostgreSQL: it has no equally cheap and correct signal for commits by other sessions, so whoever
 * keeps results must not keep them there.
 */
export function readDataVersion(store: StoreContext): string | null {
  const sqlite = store.sqlite;
  if (store.dialect !== 'sqlite' || !sqlite) return null;
  let statement = statements.get(sqlite);
  if (!statement) {
    statement = sqlite.prepare(
      'SELECT (SELECT data_version FROM pragma_data_version) AS version, total_changes() AS changes',
    );
    statements.set(sqlite, statement);
  }
  const row = statement.get() as { version: number; changes: number };
  return `${row.version}:${row.changes}`;
}
