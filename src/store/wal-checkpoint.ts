import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';

const compiledWorker = new URL('./wal-checkpoint.worker.js', import.meta.url);
/** A copy that cannot start at once is left to SQLite's next checkpoint (on close at the latest). */
const BUSY_TIMEOUT_MS = 1_000;

/** The log's checkpoint held back during a bulk write, then run beside other work (see `holdCheckpoints`). */
export interface HeldCheckpoints {
  /** Starts copying the log into the database file on a thread of its own. */
  copyBeside(): void;
  /** Waits for the copy and turns SQLite's automatic checkpoints back on (also after a failure). */
  release(): Promise<void>;
}

/**
 * SQLite copies the write-ahead log into the database file (a checkpoint) when a commit leaves more than
 * 1,000 pages in it: after a million rows, 1–1.5 s of the importing thread's time inside the commit
 * (docs/PERFORMANCE.md#checkpoint). Held back, the copy runs on another thread while the importing thread
 * goes on. Null where there is nothing to gain: a database in memory, or no compiled worker (the TypeScript
 * sources, as the tests run them), where SQLite's automatic checkpoints stay as they are.
 */
export function holdCheckpoints(
  sqlite: BetterSqlite3.Database,
  workerFile: URL = compiledWorker,
): HeldCheckpoints | null {
  if (sqlite.memory || workerFile.protocol !== 'file:' || !existsSync(fileURLToPath(workerFile))) return null;
  const before = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
  sqlite.pragma('wal_autocheckpoint = 0');
  let copy: Promise<void> | undefined;
  return {
    copyBeside() {
      copy ??= copyOnThread(workerFile, sqlite.name);
    },
    async release() {
      try {
        await copy;
      } finally {
        sqlite.pragma(`wal_autocheckpoint = ${before}`);
      }
    },
  };
}

/** Never fails: a copy that did not happen is SQLite's to do at the next checkpoint. */
function copyOnThread(workerFile: URL, file: string): Promise<void> {
  return new Promise((resolve) => {
    const worker = new Worker(workerFile, { workerData: { file, busyTimeoutMs: BUSY_TIMEOUT_MS } });
    const done = () => {
      resolve();
      void worker.terminate();
    };
    worker.once('message', done);
    worker.once('error', done);
    worker.once('exit', done);
  });
}
