import { AppError } from '../domain/errors.js';

/**
 * How long a writer waits for another process's write to end before it gives up (nothing written). Longer
 * than the longest single transaction tend runs: an import commits one file at a time, and the messages of
 * a million-message export take about 10–25 s on a small machine (docs/RELIABILITY.md).
 */
export const WRITE_WAIT_MS = 120_000;
/** After this long a waiting writer says why it waits. */
const TELL_AFTER_MS = 1_000;
const RETRY_EVERY_MS = 50;

export interface WriteWait {
  /** The most a writer waits for the write lock, in milliseconds. */
  timeoutMs: number;
  /** Called once when a writer has waited a while for another process (a notice for the user). */
  onWait?: () => void;
}

export class StoreBusyError extends AppError {
  constructor(waitedMs: number) {
    super(
      'busy',
      waitedMs > 0
        ? `another tend process has been writing to this database for over ${Math.round(waitedMs / 1000)} s (an import?); nothing was changed: try again when it has finished`
        : 'another tend process is writing to this database right now',
    );
  }
}

/**
 * One writer at a time, on both databases: `tryOnce` tries to take the write lock (true when taken) and is
 * tried again, without blocking the event loop, until the bound. `wait: false` gives up at once: for work
 * only worth doing now, such as keeping a cache of results a reader computed anyway.
 */
export async function waitForWriteLock(
  tryOnce: () => Promise<boolean>,
  wait: WriteWait | false,
): Promise<void> {
  const started = Date.now();
  let told = false;
  for (;;) {
    if (await tryOnce()) return;
    const waited = Date.now() - started;
    if (!wait) throw new StoreBusyError(0);
    if (waited >= wait.timeoutMs) throw new StoreBusyError(waited);
    if (!told && waited >= TELL_AFTER_MS) {
      told = true;
      wait.onWait?.();
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_EVERY_MS));
  }
}

/** The short wait inside one try (SQLite's busy timeout while it tries), so a freed lock is seen at once. */
export const TRY_WAIT_MS = RETRY_EVERY_MS;
