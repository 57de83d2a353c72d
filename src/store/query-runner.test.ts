import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { rowsStatement, type RowsWrite } from './query-runner.js';

interface Pairs {
  pairs: { left: string; right: number };
}
interface Pair {
  left: string;
  right: number;
}

const sqlite = new BetterSqlite3(':memory:');
sqlite.exec('create table pairs (left text, right integer)');
const db = new Kysely<Pairs>({ dialect: new SqliteDialect({ database: sqlite }) });
afterAll(() => db.destroy());

const build = (rows: readonly Pair[]) =>
  db.insertInto('pairs').values(rows.map((row) => ({ left: row.left, right: row.right })));

describe('rowsStatement: a multi-row write built once in Kysely', () => {
  it('binds each row where the compiled query has its values', () => {
    const write: RowsWrite<Pair> = {
      key: 'pairs',
      build,
      bind: (row, into) => into.push(row.left, row.right),
    };
    rowsStatement(sqlite, write, 2).run(['a', 1, 'b', 2]);
    expect(sqlite.prepare('select left, right from pairs order by right').raw(true).all()).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('refuses a binder that puts a value in another column, when it is compiled', () => {
    const swapped: RowsWrite<Pair> = {
      key: 'pairs-swapped',
      build,
      bind: (row, into) => into.push(row.right, row.left),
    };
    expect(() => rowsStatement(sqlite, swapped, 3)).toThrow(/not the compiled query's parameters/);
    const short: RowsWrite<Pair> = { key: 'pairs-short', build, bind: (row, into) => into.push(row.left) };
    expect(() => rowsStatement(sqlite, short, 1)).toThrow(/not the compiled query's parameters/);
  });
});
