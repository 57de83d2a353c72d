import type { RecordBatch } from '../../importers/linkedin/linkedin-records.reader.js';
import type { FileReport } from '../import.report.js';
import { countSkip } from '../import.report.js';

export type { HeaderInfo } from '../../importers/linkedin/linkedin-records.reader.js';

/**
 * Record batches as plain arrays for the writers, with every skipped or malformed row counted in the report
 * with its line. `rowsRead` counts skipped rows here and records where the writers take them.
 */
export async function* recordsOf<T>(
  batches: AsyncIterable<RecordBatch<object>>,
  report: FileReport,
): AsyncGenerator<T[]> {
  for await (const batch of batches) {
    for (const skip of batch.skips) {
      report.rowsRead++;
      countSkip(report, skip.reason, skip.line, skip.message);
    }
    if (batch.records.length > 0) yield batch.records as T[];
  }
}

export async function collectRecords<T>(batches: AsyncIterable<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const batch of batches) for (const record of batch) all.push(record);
  return all;
}
