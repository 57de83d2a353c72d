/**
 * Copies the write-ahead log of one database file into the file (a passive checkpoint) on a thread of its
 * own, while the importing thread builds the facts (wal-checkpoint.ts).
 */
import BetterSqlite3 from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

const { file, busyTimeoutMs } = workerData as { file: string; busyTimeoutMs: number };
try {
  const database = new BetterSqlite3(file, { timeout: busyTimeoutMs, fileMustExist: true });
  try {
    database.pragma('wal_checkpoint(PASSIVE)');
  } finally {
    database.close();
  }
  parentPort?.postMessage({ done: true });
} catch (error) {
  parentPort?.postMessage({ error: (error as Error).message });
}
