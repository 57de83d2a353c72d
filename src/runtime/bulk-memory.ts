import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * How a long bulk loop (an import writing a million rows, the facts built from them) keeps the process's
 * memory bounded: V8's heap policy and forced collections, in one place (docs/PERFORMANCE.md#heap-budget).
 * Services say what their loop is and where its phases end; this module decides what V8 is told.
 */
export interface BulkMemory {
  /** Cheap (a heap statistics read): call it every few thousand rows; collects once the budget is passed. */
  check(): void;
  /** Between two phases: what the first left is garbage V8 would otherwise keep until the second allocates. */
  collect(): void;
}

export interface BulkMemoryPolicy {
  /** The heap in use that triggers a full collection; grows to twice the live data when that is larger. */
  heapBudgetMb: number;
  /** The loop's objects each live for a batch or two: no allocation-site pretenuring from now on. */
  shortLivedObjects?: boolean;
}

/**
 * For a process that answers one command and ends (not an import): the young generation keeps its first size
 * instead of doubling up to 32 MB as objects survive. Each page it grows into is new memory, a page fault
 * (~11 µs on the measured machine), for a few MB of live data: `today` on 30k people took 5,600 fewer
 * faults with it (docs/PERFORMANCE.md#young-generation). A V8 flag read when the space would grow, set at run
 * time; bulk work under withBulkMemoryPolicy lets it grow again.
 */
export function answeringHeapPolicy(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}

/** Runs `work` under a bulk memory policy. */
export async function withBulkMemoryPolicy<T>(
  policy: BulkMemoryPolicy,
  work: (memory: BulkMemory) => Promise<T>,
): Promise<T> {
  // V8's default growth, whatever an answering command set before (a facts rebuild inside `today`).
  setFlagsFromString('--semi-space-growth-factor=2');
  if (policy.shortLivedObjects) keepBulkObjectsYoung();
  const budget = new HeapBudget(policy.heapBudgetMb);
  return work({ check: () => budget.check(), collect: fullCollection });
}

/**
 * A bound on the heap of a long bulk loop: V8 lets a busy thread's heap grow to several times its live data,
 * and a CLI cannot set `--max-old-space-size` for itself (docs/PERFORMANCE.md#heap-budget).
 *
 * `check()` is cheap (a heap statistics read); call it every few thousand rows. Once the heap in use passes
 * the budget it runs a full collection, and when the live data itself is large the budget grows to twice it,
 * so collections stay rare whatever the data.
 */
export class HeapBudget {
  #bytes: number;

  constructor(megabytes: number) {
    this.#bytes = megabytes * 1024 * 1024;
  }

  /** The heap in use that triggers the next full collection. */
  get bytes(): number {
    return this.#bytes;
  }

  check(): void {
    if (getHeapStatistics().used_heap_size < this.#bytes) return;
    fullCollection();
    this.#bytes = Math.max(this.#bytes, 2 * getHeapStatistics().used_heap_size);
  }
}

let collect: (() => void) | undefined;

/**
 * For a bulk loop whose objects each live for a batch or two: no allocation-site pretenuring, which moved
 * them to the old generation where only full collections free them (docs/PERFORMANCE.md#heap-budget). A V8
 * flag set at run time, as `--expose-gc` below: process-wide, for the rest of the process (a command's life).
 */
function keepBulkObjectsYoung(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}

/**
 * A full collection now: between two phases of bulk work, when what the first left is garbage that V8 would
 * keep until the second allocates. `--expose-gc` set at run time and `gc` taken from a new context: the
 * documented flag, reached the way test runners do it (a global `gc` appears only in contexts created after
 * the flag is set).
 */
function fullCollection(): void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('typeof gc === "function" ? gc : undefined');
    // A Node without the flag: V8 collects on its own schedule (only the peak memory is higher).
    collect = typeof gc === 'function' ? (gc as () => void) : () => undefined;
  }
  collect();
}
