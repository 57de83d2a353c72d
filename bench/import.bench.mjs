// The import benchmark (issue: import within 3× of the sqlite3 shell's bare `.import`, peak RSS < 400 MB,
// re-import of an unchanged export < 10% of the first import). In one run it measures, on the same files:
//   1. the floor: `sqlite3 floor.db -cmd ".mode csv" ".import --skip 3 Connections.csv connections"
//      ".import messages.csv messages" ".import Invitations.csv invitations"` into a fresh database;
//   2. tend's first import of the export folder into a fresh data folder (timezone UTC), as a user runs it:
//      `node bin/tend --data D --now 2026-11-21T12:00:00Z import EXPORT --json` under /usr/bin/time;
//   3. tend's re-import of the unchanged export into the same data folder.
//
//   node bench/import.bench.mjs [--size 30k] [--messages long|short] [--runs 1]
//
// `--messages short` measures the export whose personal messages are chat lines of ~60 bytes
// (bench/data/<size>-short), where the per-row cost dominates. Generates the export with bench/generate-export.mjs when it is missing; needs `npm run build`
// (dist/cli/main.js). With --runs N each figure is the median of N runs (peak RSS: the largest). Prints a
// table and writes it as JSON to bench/out/import-<size>.json; the temporary data under bench/out/ is
// removed at the end. Exit code 1 when a target is missed or a check fails.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { MESSAGE_LENGTHS, exportName } from './generate-export.mjs';
import { option, root } from './lib/bench-options.mjs';
import { timed } from './lib/measure-process.mjs';

const size = option('size', '30k');
const messageLength = option('messages', 'long');
const name = exportName(size, messageLength);
const runs = Number(option('runs', '1'));
const exportDir = join(root, 'bench', 'data', name);
const outDir = join(root, 'bench', 'out');
const workDir = join(outDir, `import-${name}-work`);
const snapshotDir = join(outDir, `import-${name}-tend`);
// The build measured: a copy of dist/ taken at the start (see snapshotTend).
let tend = join(root, 'bin', 'tend');
const now = '2026-11-21T12:00:00Z';
const TARGETS = { ratio: 3, rssMb: 400, reimportShare: 0.1 };
let sqliteVersion;

/** A failed precondition or check: reported as one line, after the temporary data is removed. */
class BenchFailure extends Error {}
function fail(message) {
  throw new BenchFailure(message);
}

/** Runs a command under /usr/bin/time: wall and CPU seconds, peak RSS in KB, exit status, output. */
function measure(command, argv, options = {}) {
  return timed(command, argv, join(workDir, 'time.txt'), { maxBuffer: 1024 * 1024 * 1024, ...options });
}

function floorRun() {
  const db = join(workDir, 'floor.db');
  rmSync(db, { force: true });
  const run = measure(
    'sqlite3',
    [
      db,
      '-cmd',
      '.mode csv',
      // The preamble is 3 lines (Notes:, the quoted sentence, a blank line); the header names the columns.
      '.import --skip 3 Connections.csv connections',
      '.import messages.csv messages',
      '.import Invitations.csv invitations',
    ],
    { cwd: exportDir },
  );
  if (run.status !== 0) fail(`sqlite3 .import failed: ${run.stderr}`);
  const counts = execFileSync(
    'sqlite3',
    [
      db,
      'select (select count(*) from connections), (select count(*) from messages), (select count(*) from invitations)',
    ],
    { encoding: 'utf8' },
  )
    .trim()
    .split('|')
    .map(Number);
  rmSync(db, { force: true });
  return { ...run, rows: { connections: counts[0], messages: counts[1], invitations: counts[2] } };
}

function tendImport(dataDir) {
  const run = measure(process.execPath, [
    tend,
    '--data',
    dataDir,
    '--now',
    now,
    'import',
    exportDir,
    '--json',
  ]);
  if (run.status !== 0) fail(`tend import exited ${run.status}: ${run.stderr.slice(-2000)}`);
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    fail(`tend import --json did not print JSON: ${run.stdout.slice(0, 500)}`);
  }
  return { seconds: run.seconds, cpuSeconds: run.cpuSeconds, rssKb: run.rssKb, report };
}

function distBuiltAt() {
  return statSync(join(root, 'dist', 'cli', 'main.js')).mtime.toISOString();
}

/**
 * Copies dist/, bin/ and package.json (node_modules and sample/ linked) and runs that copy: the working tree
 * is shared, and a rebuild during a run would otherwise mix two builds (a worker file loads late).
 */
function snapshotTend() {
  for (let attempt = 0; attempt < 3; attempt++) {
    const before = distBuiltAt();
    rmSync(snapshotDir, { recursive: true, force: true });
    mkdirSync(snapshotDir, { recursive: true });
    for (const name of ['dist', 'bin', 'package.json']) {
      cpSync(join(root, name), join(snapshotDir, name), { recursive: true });
    }
    for (const name of ['node_modules', 'sample']) {
      if (existsSync(join(root, name))) symlinkSync(join(root, name), join(snapshotDir, name), 'dir');
    }
    if (distBuiltAt() === before) return { bin: join(snapshotDir, 'bin', 'tend'), builtAt: before };
  }
  fail('dist/ keeps changing (someone is rebuilding): try again later');
}

function gitHead() {
  const result = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

const problems = [];
function check(condition, message) {
  if (!condition) problems.push(message);
}

function oneRun(index) {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const floor = floorRun();
  const dataDir = join(workDir, 'data');
  const config = spawnSync(process.execPath, [tend, '--data', dataDir, 'config', 'timezone', 'UTC'], {
    encoding: 'utf8',
  });
  if (config.status !== 0) fail(`tend config timezone UTC exited ${config.status}: ${config.stderr}`);
  const first = tendImport(dataDir);
  const again = tendImport(dataDir);

  const { totals } = first.report;
  const messages = first.report.files.find((file) => file.format === 'linkedin-messages');
  const skippedMessages = Object.values(messages?.skipped ?? {}).reduce((sum, n) => sum + n, 0);
  check(!first.report.files.some((file) => file.failed), 'the first import has failed files');
  check(messages?.rowsRead === floor.rows.messages, 'tend read another number of message rows than sqlite3');
  // Every message row is an interaction unless skipped (spam, sponsored, …); endorsements and
  // recommendations add a few hundred more.
  check(
    totals.interactionsAdded >= floor.rows.messages - skippedMessages &&
      totals.interactionsAdded <= floor.rows.messages + 5_000,
    `interactionsAdded ${totals.interactionsAdded} is implausible for ${floor.rows.messages} message rows`,
  );
  // The generator's shapes that must come out as skipped, and the owner it writes.
  const connections = first.report.files.find((file) => file.format === 'linkedin-connections');
  check((connections?.skipped['hidden profile'] ?? 0) > 0, 'no hidden-profile rows were counted');
  check(
    (messages?.skipped.spam ?? 0) > 0 && (messages?.skipped.sponsored ?? 0) > 0,
    'SPAM/sponsored not skipped',
  );
  check(/\/alex-owner\/?$/.test(first.report.owner.url ?? ''), `owner is ${first.report.owner.url}`);
  check(
    again.report.files.every((file) => file.unchanged || file.format === 'ignored'),
    'the re-import read a file again',
  );
  const addedAgain = Object.values(again.report.totals).reduce((sum, n) => sum + n, 0);
  check(addedAgain === 0, `the re-import added or updated something: ${JSON.stringify(again.report.totals)}`);
  if (index === 0) {
    console.error(`bench: sqlite3 rows ${JSON.stringify(floor.rows)}`);
    console.error(`bench: first import totals ${JSON.stringify(totals)}, owner ${first.report.owner.url}`);
    console.error(`bench: re-import totals ${JSON.stringify(again.report.totals)}`);
  }
  return { floor, first, again };
}

function main() {
  if (!Number.isInteger(runs) || runs < 1) fail('--runs must be a positive integer');
  if (!MESSAGE_LENGTHS.includes(messageLength)) fail(`--messages is ${MESSAGE_LENGTHS.join(' or ')}`);
  if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
    fail('dist/cli/main.js is missing: build tend first with `npm run build`');
  }
  if (!existsSync('/usr/bin/time')) fail('/usr/bin/time is needed for peak RSS (apt-get install time)');
  sqliteVersion = spawnSync('sqlite3', ['--version'], { encoding: 'utf8' });
  if (sqliteVersion.status !== 0) fail('the sqlite3 shell is needed for the floor (apt-get install sqlite3)');
  const [major, minor] = sqliteVersion.stdout.split(/[.\s]/).map(Number);
  // `.import --skip N` (to pass over the Connections.csv preamble) arrived in sqlite3 3.32.
  if (major < 3 || (major === 3 && minor < 32))
    fail(`sqlite3 ${sqliteVersion.stdout.trim()} is older than 3.32`);
  if (!existsSync(join(exportDir, 'messages.csv'))) {
    console.error(`bench: ${exportDir} is missing; generating it…`);
    execFileSync(
      process.execPath,
      [
        join(root, 'bench', 'generate-export.mjs'),
        '--size',
        size,
        '--messages',
        messageLength,
        '--out',
        exportDir,
      ],
      {
        stdio: 'inherit',
      },
    );
  }

  // Machines here are shared: the load average says how much else ran while we measured.
  const loadBefore = loadavg()[0];
  const samples = [];
  let build;
  try {
    build = snapshotTend();
    tend = build.bin;
    for (let index = 0; index < runs; index++) samples.push(oneRun(index));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
    rmSync(snapshotDir, { recursive: true, force: true });
  }
  const load = { before: loadBefore, after: loadavg()[0] };

  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const figure = (pick) => ({
    seconds: median(samples.map((sample) => pick(sample).seconds)),
    cpuSeconds: median(samples.map((sample) => pick(sample).cpuSeconds)),
  });
  const floor = figure((sample) => sample.floor);
  const first = figure((sample) => sample.first);
  const reimport = figure((sample) => sample.again);
  const peakRssMb = Math.max(...samples.flatMap((sample) => [sample.first.rssKb, sample.again.rssKb])) / 1024;
  const results = {
    floorSeconds: floor.seconds,
    tendSeconds: first.seconds,
    ratio: first.seconds / floor.seconds,
    peakRssMb,
    reimportSeconds: reimport.seconds,
    reimportShare: reimport.seconds / first.seconds,
    cpuSeconds: { floor: floor.cpuSeconds, first: first.cpuSeconds, reimport: reimport.cpuSeconds },
  };
  const met = {
    ratio: results.ratio <= TARGETS.ratio,
    peakRssMb: results.peakRssMb < TARGETS.rssMb,
    reimportShare: results.reimportShare < TARGETS.reimportShare,
  };
  const mark = (ok) => (ok ? 'met' : '**missed**');
  const exportRows = samples[0].floor.rows;
  const s2 = (value) => value.toFixed(2);
  const lines = [
    `import benchmark, ${size}, ${messageLength} messages (${exportRows.connections} connections, ${exportRows.messages} messages, ${exportRows.invitations} invitations), ` +
      `median of ${runs} run(s), ${new Date().toISOString()}, ${cpus().length} cores, load ${load.before.toFixed(1)} → ${load.after.toFixed(1)}, ` +
      `node ${process.version}, sqlite3 ${sqliteVersion.stdout.split(' ')[0]}`,
    '',
    '| figure | wall | CPU s | target | |',
    '|---|---|---|---|---|',
    `| floor: sqlite3 .import (s) | ${s2(floor.seconds)} | ${s2(floor.cpuSeconds)} | | |`,
    `| tend first import (s) | ${s2(first.seconds)} | ${s2(first.cpuSeconds)} | | |`,
    `| ratio tend / floor | ${results.ratio.toFixed(1)}× | | ≤ ${TARGETS.ratio}× | ${mark(met.ratio)} |`,
    `| peak RSS, first import and re-import (MB) | ${peakRssMb.toFixed(0)} | | < ${TARGETS.rssMb} | ${mark(met.peakRssMb)} |`,
    `| re-import (s) | ${s2(reimport.seconds)} | ${s2(reimport.cpuSeconds)} | | |`,
    `| re-import / first | ${(100 * results.reimportShare).toFixed(1)}% | | < ${100 * TARGETS.reimportShare}% | ${mark(met.reimportShare)} |`,
  ];
  console.log(lines.join('\n'));
  const sampleOf = ({ seconds, cpuSeconds, rssKb }) => ({ seconds, cpuSeconds, rssKb });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(
    join(outDir, `import-${name}.json`),
    `${JSON.stringify(
      {
        size,
        messages: messageLength,
        runs,
        at: new Date().toISOString(),
        machine: { cores: cpus().length, load, node: process.version, sqlite3: sqliteVersion.stdout.trim() },
        // The tree is shared and dist/ is rebuilt by others: say which build was measured.
        tend: { commit: gitHead(), distBuiltAt: build.builtAt },
        exportRows,
        targets: TARGETS,
        results,
        met,
        problems,
        samples: samples.map((sample) => ({
          floor: sampleOf(sample.floor),
          first: { ...sampleOf(sample.first), totals: sample.first.report.totals },
          reimport: { ...sampleOf(sample.again), totals: sample.again.report.totals },
        })),
      },
      null,
      2,
    )}\n`,
  );
  for (const problem of problems) console.error(`bench: check failed: ${problem}`);
  const missed = Object.entries(met).filter(([, ok]) => !ok);
  if (missed.length) console.error(`bench: targets missed: ${missed.map(([name]) => name).join(', ')}`);
  if (missed.length || problems.length) process.exitCode = 1;
}

try {
  main();
} catch (error) {
  if (!(error instanceof BenchFailure)) throw error;
  console.error(`bench: ${error.message}`);
  process.exitCode = 1;
}
