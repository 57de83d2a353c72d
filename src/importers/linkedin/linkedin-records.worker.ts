/**
 * Parser thread for large LinkedIn files: opens the entry itself, decodes, parses and builds records, and
 * posts them in batches to the importing thread, which resolves people and writes (the two cores overlap;
 * docs/ARCHITECTURE.md#decisions-worth-knowing, two threads for imports). Credits from the importing thread
 * bound what is in flight.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openEntrySource } from '../import-sources.js';
import { readRecordBatches, rowParserFor, type RecordBatch } from './linkedin-records.reader.js';
import type { MessageRecord } from './linkedin.records.js';
import { packMessages, transferablesOf } from './message-batch.codec.js';
import { messageKeys } from './linkedin-row.parsers.js';
import { needsNoAnswer } from '../../domain/needs-no-answer.js';
import {
  toWorkerError,
  type WorkerJob,
  type WorkerReply,
  type WorkerRequest,
} from './linkedin-records.protocol.js';

const port = parentPort;
if (!port) throw new Error('linkedin-records.worker runs only as a worker thread');
const job = workerData as WorkerJob;
let credits = job.credits;
/** Whether this thread hashes message texts (else the importing thread does): see the loop below. */
let hashTexts = true;
let wake: (() => void) | undefined;

port.on('message', (request: WorkerRequest) => {
  credits += request.count;
  wake?.();
});

const post = (reply: WorkerReply, transfer: ArrayBuffer[] = []) => {
  port.postMessage(reply, transfer);
};

function postBatch(batch: RecordBatch<object>, bytes: number): void {
  if (job.format !== 'linkedin-messages') {
    post({ type: 'batch', batch, bytes });
    return;
  }
  const records = packMessages(workAhead(batch.records as MessageRecord[]));
  post({ type: 'messages', records, skips: batch.skips, bytes }, transferablesOf(records));
}

/**
 * Per message, what the importing thread would otherwise work out while it writes: whether the text is a
 * closer (a first import's facts ask it of every message) and, with the text hash, the source key's base
 * (docs/PERFORMANCE.md#parser-thread).
 */
function workAhead(records: MessageRecord[]): MessageRecord[] {
  for (const record of records) {
    record.closer = needsNoAnswer(record.summary);
    if (record.textHash !== null) record.sourceBase = messageKeys(record).sourceBase;
  }
  return records;
}

async function run(): Promise<void> {
  const opened = await openEntrySource(job.source);
  let bytes = 0;
  const counted = (async function* () {
    for await (const chunk of opened.chunks) {
      bytes += chunk.length;
      yield chunk;
    }
  })();
  try {
    const parseRow = rowParserFor(job.format, job.zone, () => hashTexts);
    for await (const batch of readRecordBatches(counted, job.header, parseRow)) {
      // Out of credit: the importing thread is the slower one, so this thread hashes the texts too; with
      // most credits unused it is the faster one, and leaves them to it (both measured the busier in turn).
      if (credits <= 0) hashTexts = true;
      else if (credits > job.credits / 2) hashTexts = false;
      while (credits <= 0) await new Promise<void>((resolve) => (wake = resolve));
      credits--;
      postBatch(batch, bytes);
    }
    post({ type: 'done', bytes });
  } finally {
    opened.close();
  }
}

run().catch((error: unknown) => post({ type: 'error', error: toWorkerError(error) }));
