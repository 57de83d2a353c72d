import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { spawnTend, type ProcessResult } from './built-cli.js';
import { folderEntries, writeZip } from './linkedin-fixtures.js';
import { trimmedExport } from './concurrency-scenario.js';

/**
 * SIGKILL at a random moment of an import (docs/RELIABILITY.md#crashes): what the killed process left must
 * be an intact database in which each file is there whole or not at all, the next start of tend removes the
 * spill files it left, and importing again gives what one uninterrupted import gives.
 */
const NOW = '2026-11-21T12:00:00Z';

/**
 * Each file tend imported from the export, by its format, and how to count the rows it wrote: a file is
 * all or nothing when its count is the uninterrupted import's with its `imports` row, and 0 without it.
 */
const ROWS_OF_FILE: Record<string, string> = {
  'linkedin-profile': `select count(*) from owner_facts where kind = 'profile'`,
  'linkedin-connections': `select count(*) from people where connected_at is not null`,
  'linkedin-invitations': `select count(*) from invitations`,
  'linkedin-messages': `select count(*) from interactions where kind = 'message'`,
  'linkedin-positions': `select count(*) from owner_facts where kind = 'position'`,
  'linkedin-education': `select count(*) from owner_facts where kind = 'education'`,
  'linkedin-recommendations-received': `select count(*) from interactions where kind = 'help-received'`,
  'linkedin-endorsements-received': `select count(*) from interactions where kind = 'endorsement-received'`,
};

/** Columns that hold when something was computed, not what: left out of the canonical dump. */
const WHEN_COMPUTED: Record<string, string[]> = {
  kysely_migration: ['timestamp'],
  person_stats: ['updated_at'],
  health_snapshots: ['taken_at'],
};

/**
 * The generated export (its people, invitations and owner files, the first `messages` messages) as a zip
 * with the export inside an inner zip, as a download of a download is: the import spills the inner zip to
 * DATA/tmp while it runs, so a kill leaves a spill file behind.
 */
export function crashExport(exportDir: string, messages: number): string {
  const trimmed = trimmedExport(exportDir, messages, true);
  const folder = mkdtempSync(join(tmpdir(), 'tend-crash-export-'));
  const inner = writeZip(join(folder, 'Basic_LinkedInDataExport.zip'), folderEntries(trimmed));
  const outer = writeZip(
    join(folder, 'export.zip'),
    folderEntries(folder).filter((entry) => entry.name === 'Basic_LinkedInDataExport.zip'),
  );
  rmSync(inner);
  rmSync(trimmed, { recursive: true, force: true });
  return outer;
}

/** Every table's rows, sorted, without the columns that say when something was computed. */
export function canonicalDump(file: string): string {
  const database = new BetterSqlite3(file, { readonly: true });
  try {
    const tables = database
      .prepare(
        `select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`,
      )
      .pluck()
      .all() as string[];
    return tables
      .map((table) => {
        const rows = (
          database.prepare(`select * from "${table}"`).all() as Array<Record<string, unknown>>
        ).map((row) => {
          for (const column of WHEN_COMPUTED[table] ?? []) delete row[column];
          return JSON.stringify(row);
        });
        return [`${table} (${rows.length})`, ...rows.sort()].join('\n');
      })
      .join('\n');
  } finally {
    database.close();
  }
}

/** Rows written per file format, and the formats recorded as imported. */
export function fileRows(database: BetterSqlite3.Database): {
  rows: Record<string, number>;
  recorded: string[];
} {
  const hasImports = database
    .prepare(`select count(*) from sqlite_master where name = 'imports'`)
    .pluck()
    .get() as number;
  const rows: Record<string, number> = {};
  if (hasImports === 0) return { rows, recorded: [] };
  for (const [format, query] of Object.entries(ROWS_OF_FILE))
    rows[format] = database.prepare(query).pluck().get() as number;
  const recorded = database.prepare(`select format from imports`).pluck().all() as string[];
  return { rows, recorded };
}

export interface Reference {
  /** The canonical dump of one uninterrupted import. */
  dump: string;
  /** What each file wrote there. */
  rows: Record<string, number>;
  /** How long the import took, in milliseconds. */
  durationMs: number;
  /** How many files it imported (its `imports` rows). */
  files: number;
}

export async function uninterruptedImport(exportZip: string): Promise<Reference> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tend-crash-reference-'));
  const started = Date.now();
  const result = await spawnTend(['--data', dataDir, '--now', NOW, 'import', exportZip]);
  const durationMs = Date.now() - started;
  if (result.code !== 0) throw new Error(`the reference import failed: ${result.stderr}`);
  const file = join(dataDir, 'tend.db');
  const database = new BetterSqlite3(file, { readonly: true });
  const { rows, recorded } = fileRows(database);
  database.close();
  const dump = canonicalDump(file);
  rmSync(dataDir, { recursive: true, force: true });
  return { dump, rows, durationMs, files: recorded.length };
}

export interface Trial {
  killedAfterMs: number;
  /** How long the killed import ran (its whole run when it ended before the kill). */
  ranMs: number;
  /** False when the import ended before the kill (the trial then proves nothing about a crash). */
  killed: boolean;
  integrity: string;
  /** Files (formats) whose rows are neither all there with their `imports` row nor absent without it. */
  partialFiles: string[];
  /** How many files the killed import had committed. */
  committedFiles: number;
  /** Spill files the killed import left, and those still there after the next start of tend. */
  spillsLeft: number;
  spillsAfterNextStart: number;
  /** The re-run's exit code and whether its canonical dump is the uninterrupted import's. */
  rerun: ProcessResult;
  sameAsUninterrupted: boolean;
  /** Where the re-run's dump differs from the uninterrupted import's (a failure says what, not only that). */
  dumpDifference: string[];
}

/** Lines only one of two dumps has, a few of each side: enough to name the table and rows that differ. */
export function dumpDifference(expected: string, actual: string, limit = 8): string[] {
  const expectedLines = new Set(expected.split('\n'));
  const actualLines = new Set(actual.split('\n'));
  const missing = [...expectedLines].filter((line) => !actualLines.has(line)).slice(0, limit);
  const extra = [...actualLines].filter((line) => !expectedLines.has(line)).slice(0, limit);
  return [...missing.map((line) => `- ${line}`), ...extra.map((line) => `+ ${line}`)];
}

/** When to kill: after a time, or `delayMs` after the import has committed this many files. */
export type KillMoment = { afterMs: number } | { afterFiles: number; delayMs?: number };

function killIfRunning(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // It ended before its kill: the trial says so (`killed` is false).
  }
}

/** Kills `pid` at `moment`; returns what stops the watch. */
function scheduleKill(pid: number, moment: KillMoment, file: string): () => void {
  if ('afterMs' in moment) {
    const timer = setTimeout(() => process.kill(pid, 'SIGKILL'), moment.afterMs);
    return () => clearTimeout(timer);
  }
  let database: BetterSqlite3.Database | undefined;
  const poll = setInterval(() => {
    try {
      database ??= existsSync(file) ? new BetterSqlite3(file, { readonly: true }) : undefined;
      const committed = database?.prepare('select count(*) from imports').pluck().get() as number | undefined;
      if ((committed ?? 0) < moment.afterFiles) return;
      clearInterval(poll);
      setTimeout(() => killIfRunning(pid), moment.delayMs ?? 0);
    } catch {
      // No schema yet, or the process has ended: poll again or stop.
    }
  }, 2);
  return () => {
    clearInterval(poll);
    database?.close();
  };
}

/** One import killed at `moment`, checked, then started again and compared with `reference`. */
export async function killedImport(
  exportZip: string,
  reference: Reference,
  moment: KillMoment,
): Promise<Trial> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tend-crash-'));
  const file = join(dataDir, 'tend.db');
  const spillDir = join(dataDir, 'tmp');
  let stop: (() => void) | undefined;
  const started = Date.now();
  const run = await spawnTend(['--data', dataDir, '--now', NOW, 'import', exportZip], {
    onSpawn: (pid) => (stop = scheduleKill(pid, moment, file)),
  });
  stop?.();
  const ranMs = Date.now() - started;
  const killed = run.signal === 'SIGKILL';
  const spills = () => (existsSync(spillDir) ? readdirSync(spillDir).length : 0);
  const spillsLeft = spills();
  let integrity = 'ok';
  let partialFiles: string[] = [];
  let committedFiles = 0;
  if (existsSync(file)) {
    // Opened for writing, as the next tend would: SQLite recovers the write-ahead log first.
    const database = new BetterSqlite3(file);
    try {
      integrity = (database.pragma('integrity_check', { simple: true }) as string) ?? 'no answer';
      const { rows, recorded } = fileRows(database);
      committedFiles = recorded.length;
      partialFiles = Object.keys(rows).filter(
        (format) => rows[format] !== (recorded.includes(format) ? reference.rows[format] : 0),
      );
    } finally {
      database.close();
    }
  }
  const nextStart = await spawnTend(['--data', dataDir, '--now', NOW, 'people']);
  if (nextStart.code !== 0) integrity = `the next start failed: ${nextStart.stderr}`;
  const spillsAfterNextStart = spills();
  const rerun = await spawnTend(['--data', dataDir, '--now', NOW, 'import', exportZip]);
  const rerunDump = rerun.code === 0 ? canonicalDump(file) : '';
  const sameAsUninterrupted = rerun.code === 0 && rerunDump === reference.dump;
  rmSync(dataDir, { recursive: true, force: true });
  return {
    killedAfterMs: 'afterMs' in moment ? moment.afterMs : -1,
    ranMs,
    killed,
    integrity,
    partialFiles,
    committedFiles,
    spillsLeft,
    spillsAfterNextStart,
    rerun,
    sameAsUninterrupted,
    dumpDifference: sameAsUninterrupted ? [] : dumpDifference(reference.dump, rerunDump),
  };
}

/** `trials` killed imports at moments spread over the uninterrupted import's duration. */
export async function crashTrials(
  exportZip: string,
  trials: number,
  seed: number,
  reference: Reference,
): Promise<Trial[]> {
  // The same seed gives the same kill times (fast-check's generator, seeded).
  const points = fc.sample(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), {
    seed,
    numRuns: trials,
  });
  const results: Trial[] = [];
  // How long an import takes: the reference's time, or less when a trial's import ended before its kill
  // (the reference ran on a busier machine), so the later kills still fall inside the import.
  let span = reference.durationMs;
  for (let index = 0; index < trials; index += 1) {
    // Spread over the run: trial i falls in the i-th of `trials` equal slices, at a random point in it.
    const moment = (index + (points[index] ?? 0)) / trials;
    const trial = await killedImport(exportZip, reference, { afterMs: Math.round(moment * span * 0.95) });
    if (!trial.killed) span = Math.min(span, trial.ranMs);
    results.push(trial);
  }
  return results;
}

/** What must hold after every trial, in one object so that a failure shows all of it. */
export function verdict(trial: Trial) {
  return {
    integrity: trial.integrity,
    partialFiles: trial.partialFiles,
    spillsAfterNextStart: trial.spillsAfterNextStart,
    rerunCode: trial.rerun.code,
    sameAsUninterrupted: trial.sameAsUninterrupted,
    dumpDifference: trial.dumpDifference,
  };
}

export const SOUND: ReturnType<typeof verdict> = {
  integrity: 'ok',
  partialFiles: [],
  spillsAfterNextStart: 0,
  rerunCode: 0,
  sameAsUninterrupted: true,
  dumpDifference: [],
};
