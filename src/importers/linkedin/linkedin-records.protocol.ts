import { CsvParseError } from '../csv/csv.parser.js';
import { CsvDecodeError, type TextEncodingName } from '../csv/text-decoding.js';
import type { EntrySource } from '../import-sources.js';
import type { LinkedInFormat } from './linkedin-format.registry.js';
import type { HeaderInfo, RecordBatch, RowSkip } from './linkedin-records.reader.js';
import type { PackedMessages } from './message-batch.codec.js';

/** Messages between the importing thread and a parser worker (linkedin-records.worker.ts). */
export interface WorkerJob {
  source: EntrySource;
  format: LinkedInFormat;
  header: HeaderInfo;
  zone: string;
  /** Batches the worker may post before it waits for more credit. */
  credits: number;
}

/** More batches may be posted (the importing thread ends the worker with terminate()). */
export type WorkerRequest = { type: 'credit'; count: number };

export type WorkerError =
  | { kind: 'csv'; message: string; line: number }
  | { kind: 'decode'; message: string; offset: number; encoding: TextEncodingName }
  | { kind: 'other'; message: string };

export type WorkerReply =
  | { type: 'batch'; batch: RecordBatch<object>; bytes: number }
  /** Messages, the bulk of the work, packed (message-batch.codec.ts). */
  | { type: 'messages'; records: PackedMessages; skips: RowSkip[]; bytes: number }
  | { type: 'done'; bytes: number }
  | { type: 'error'; error: WorkerError };

export function toWorkerError(error: unknown): WorkerError {
  if (error instanceof CsvParseError) return { kind: 'csv', message: error.message, line: error.line };
  if (error instanceof CsvDecodeError)
    return { kind: 'decode', message: error.message, offset: error.offset, encoding: error.encoding };
  return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
}

/** The same error class on this side of the thread boundary, so failures read the same either way. */
export function fromWorkerError(error: WorkerError): Error {
  if (error.kind === 'csv') return new CsvParseError(error.message, error.line);
  if (error.kind === 'decode') return new CsvDecodeError(error.offset, error.encoding);
  return new Error(error.message);
}
