import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A bound on the heap of a long bulk loop (an import writing a million rows while a parser thread feeds it).
 * V8 lets the old generation grow to several times the live data between full collections once a thread is
 * busy: during a messages import the importing thread's heap reached 190 MB for 30–40 MB of live data, which
 * alone put the import over its 400 MB RSS target (docs/PERFORMANCE.md). A CLI cannot pass `--max-old-space-size`
 * to its own Node without re-executing it, and that would be a hard limit; this collects early instead.
 *
 * `check()` is cheap (a heap statistics read); call it every few thousand rows. Once the heap in use passes
 * the budget it runs a full collection, and when the live data itself is large the budget grows to twice it,
 * so collections stay rare whatever the data (each one costs ~40–70 ms at 30 MB live, measured).
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
 * For a bulk loop whose objects each live for a batch or two (records, rows, their strings): V8's
 * allocation-site pretenuring sees them survive a scavenge and starts allocating them in the old
 * generation, where only full collections free them. On a million-message import the importing thread
 * then ran 28 full collections (0.95 s) besides its scavenges (0.95 s); without pretenuring, none, and
 * scavenges 0.67 s (`--trace-gc-nvp`: 360 → 95 MB promoted). A V8 flag set at run time, as `--expose-gc`
 * below: process-wide, for the rest of the process (a CLI command's life).
 */
export function keepBulkObjectsYoung(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}

/**
 * A full collection now: between two phases of bulk work, when what the first left is garbage that V8 would
 * keep until the second allocates. `--expose-gc` set at run time and `gc` taken from a new context: the
 * documented flag, reached the way test runners do it (a global `gc` appears only in contexts created after
 * the flag is set).
 */
export function fullCollection(): void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('typeof gc === "function" ? gc : undefined');
    // A Node without the flag: V8 collects on its own schedule (only the peak memory is higher).
    collect = typeof gc === 'function' ? (gc as () => void) : () => undefined;
  }
  collect();
}
