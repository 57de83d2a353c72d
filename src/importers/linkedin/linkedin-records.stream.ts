import { existsSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EntrySource } from '../import-sources.js';
import type { LinkedInFormat } from './linkedin-format.registry.js';
import { fromWorkerError, type WorkerJob, type WorkerReply } from './linkedin-records.protocol.js';
import { unpackMessages } from './message-batch.codec.js';
import {
  readRecordBatches,
  rowParserFor,
  type HeaderInfo,
  type RecordBatch,
} from './linkedin-records.reader.js';

/** Below this a worker's start-up (~40 ms) costs more than the parsing it takes over. */
const WORKER_MIN_BYTES = 8 * 1024 * 1024;
/**
 * Batches in flight between the threads: enough to keep both busy, few enough to bound memory (64 of
 * ~150 messages: about 10,000 records, as 8 batches of 1,000 were before the batches got smaller).
 */
const CREDITS = 64;
/**
 * Credits go back in groups: a message to the worker per batch cost the importing thread ~1 s of a million
 * short messages (docs/PERFORMANCE.md#parser-thread).
 */
const CREDITS_RETURNED_TOGETHER = 8;
const WORKER_HEAP_MB = 64;

const workerFile = new URL('./linkedin-records.worker.js', import.meta.url);

/**
 * The parser thread's heap was too small for this file (a few huge fields): the caller reads the file
 * again on its own thread, which has the process's whole heap.
 */
export class ParserThreadMemoryError extends Error {
  constructor() {
    super('the parser thread ran out of memory on this file');
  }
}

export interface RecordSource {
  source: EntrySource;
  size: number;
  open(): Promise<Readable>;
}

export interface StreamOptions {
  format: LinkedInFormat;
  header: HeaderInfo;
  zone: string;
  /** Bytes read so far, for progress. */
  onBytes?: (bytes: number) => void;
  /** false: always parse on this thread (the config's `parserThread`, `TEND_IMPORT_WORKER=0`). */
  worker?: boolean;
}

/**
 * The records of one LinkedIn file in batches. Large files are parsed in a worker thread while this thread
 * writes; running from TypeScript sources (tests) there is no compiled worker, and the same reader runs here.
 */
export function streamRecordBatches(
  entry: RecordSource,
  options: StreamOptions,
): AsyncGenerator<RecordBatch<object>> {
  const useWorker =
    options.worker !== false &&
    entry.size >= WORKER_MIN_BYTES &&
    workerFile.protocol === 'file:' &&
    existsSync(fileURLToPath(workerFile));
  return useWorker ? inWorker(entry, options) : onThisThread(entry, options);
}

async function* onThisThread(
  entry: RecordSource,
  options: StreamOptions,
): AsyncGenerator<RecordBatch<object>> {
  const stream = await entry.open();
  let read = 0;
  const counted = (async function* () {
    for await (const chunk of stream) {
      read += (chunk as Uint8Array).length;
      options.onBytes?.(read);
      yield chunk as Uint8Array;
    }
  })();
  try {
    yield* readRecordBatches(counted, options.header, rowParserFor(options.format, options.zone));
  } finally {
    stream.destroy();
  }
}

async function* inWorker(entry: RecordSource, options: StreamOptions): AsyncGenerator<RecordBatch<object>> {
  const job: WorkerJob = {
    source: entry.source,
    format: options.format,
    header: options.header,
    zone: options.zone,
    credits: CREDITS,
  };
  // Its live data is a few batches: a small heap makes it collect early (docs/PERFORMANCE.md#parser-thread).
  const worker = new Worker(workerFile, {
    workerData: job,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 16 },
  });
  const queue: WorkerReply[] = [];
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  worker.on('message', (reply: WorkerReply) => {
    queue.push(reply);
    wake?.();
  });
  worker.on('error', (error: Error & { code?: string }) => {
    failure = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new ParserThreadMemoryError() : error;
    wake?.();
  });
  worker.on('exit', (code) => {
    // Any end before its last message (done or error) is a failure, whatever the exit code says.
    failure ??= new Error(`the parser thread stopped before the end of the file (exit code ${code})`);
    wake?.();
  });
  let owed = 0;
  try {
    for (;;) {
      const reply = queue.shift();
      if (!reply) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (reply.type === 'error') throw fromWorkerError(reply.error);
      options.onBytes?.(reply.bytes);
      if (reply.type === 'done') return;
      yield reply.type === 'messages'
        ? { records: unpackMessages(reply.records), skips: reply.skips }
        : reply.batch;
      if (++owed === CREDITS_RETURNED_TOGETHER) {
        worker.postMessage({ type: 'credit', count: owed });
        owed = 0;
      }
    }
  } finally {
    await worker.terminate();
  }
}
