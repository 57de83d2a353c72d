// SQLite's own cost of the interactions' bulk insert, with and without what a first import no longer pays
// per row (docs/PERFORMANCE.md#issue-12-fourth-session): the ledger index's predicate as the list of three
// kinds (before migration 0016) or as their range, and the person foreign key checked or not.
//
//   node bench/interaction-insert.bench.mjs DATABASE [ROWS=200000] [RUNS=5]
//
// DATABASE: a tend.db with an imported export (e.g. bench/out/engine-30k, or the data folder of a first
// import of bench/data/30k-short). Its first ROWS interactions are inserted into an empty copy of the
// people and interactions tables (its people copied first), 32 rows a statement as tend's insert, in one
// transaction; each variant RUNS times, alternated. Prints the least CPU milliseconds of each.
import { rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

const [source, rowCount = '200000', runCount = '5'] = process.argv.slice(2);
if (!source) {
  console.error('usage: node bench/interaction-insert.bench.mjs DATABASE [ROWS] [RUNS]');
  process.exit(2);
}
const COLUMNS =
  'workspace_id, person_id, direction, at, conversation_key, group_size, summary, text_hash, skipped_reason, source_key, created_at';
const ROWS_PER_STATEMENT = 32;
const LEDGER = {
  list: `where kind in ('help-given', 'help-received', 'introduction-made')`,
  range: `where kind >= 'help-given' and kind <= 'introduction-made'`,
};

const from = new BetterSqlite3(source, { readonly: true });
const rows = from
  .prepare(`select ${COLUMNS} from interactions order by id limit ?`)
  .raw()
  .all(Number(rowCount));
const tables = from
  .prepare(`select sql from sqlite_master where type = 'table' and name in ('people', 'interactions')`)
  .pluck()
  .all();
const people = from.prepare('select * from people').raw().all();
const peopleColumns = from.prepare('select * from people limit 1').columns().length;
from.close();

function run(ledger, foreignKeys) {
  const file = join(tmpdir(), 'tend-interaction-insert.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -32768');
  for (const table of tables) db.exec(table);
  db.exec(`create index interactions_conversation on interactions (workspace_id, conversation_key, at)
    where group_size > 2`);
  db.exec(`create index interactions_ledger on interactions (workspace_id, person_id, at) ${LEDGER[ledger]}`);
  const person = db.prepare(`insert into people values (${Array(peopleColumns).fill('?').join(', ')})`);
  db.transaction(() => {
    for (const row of people) person.run(row);
  })();
  db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  const one = `(?, ?, 'message', ?, ?, 'linkedin', ?, ?, ?, ?, ?, 'linkedin', ?, ?)`;
  const insert = db.prepare(
    `insert into interactions (workspace_id, person_id, kind, direction, at, channel, conversation_key,
      group_size, summary, text_hash, skipped_reason, source, source_key, created_at)
      values ${Array(ROWS_PER_STATEMENT).fill(one).join(', ')} on conflict do nothing`,
  );
  const values = [];
  const started = process.cpuUsage();
  db.exec('begin immediate');
  for (let at = 0; at + ROWS_PER_STATEMENT <= rows.length; at += ROWS_PER_STATEMENT) {
    values.length = 0;
    for (let k = at; k < at + ROWS_PER_STATEMENT; k++) values.push(...rows[k]);
    insert.run(values);
  }
  db.exec('commit');
  const used = process.cpuUsage(started);
  db.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  return (used.user + used.system) / 1000;
}

const variants = {
  'ledger as a list of kinds, foreign keys on (before)': ['list', true],
  'ledger as a range of kinds, foreign keys on': ['range', true],
  'ledger as a list of kinds, foreign keys off': ['list', false],
  'ledger as a range of kinds, foreign keys off (a first import now)': ['range', false],
};
const least = {};
for (let round = 0; round < Number(runCount); round++)
  for (const [name, [ledger, keys]] of Object.entries(variants))
    least[name] = Math.min(least[name] ?? Infinity, run(ledger, keys));
console.log(
  `${rows.length} rows, least CPU ms of ${runCount} alternated runs, load ${loadavg()[0].toFixed(1)}`,
);
for (const [name, ms] of Object.entries(least)) console.log(`${ms.toFixed(0).padStart(6)}  ${name}`);
