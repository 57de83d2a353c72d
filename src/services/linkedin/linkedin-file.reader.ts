import { CsvParseError, readCsvRows, type CsvRow } from '../../importers/csv/csv.parser.js';
import type { ImportEntry } from '../../importers/import-sources.js';
import { detectLinkedInFormat } from '../../importers/linkedin/linkedin-format.registry.js';
import type { HeaderInfo, RecordBatch } from '../../importers/linkedin/linkedin-records.reader.js';
import type { FileReport } from '../import.report.js';
import { countSkip } from '../import.report.js';

export type { HeaderInfo } from '../../importers/linkedin/linkedin-records.reader.js';

const PEEK_ROWS = 25;

/** The LinkedIn format of a CSV file by the header among its first rows, or null. */
export async function peekHeader(entry: ImportEntry): Promise<HeaderInfo | null> {
  const stream = await entry.open();
  const rows: CsvRow[] = [];
  try {
    for await (const batch of readCsvRows(stream)) {
      rows.push(...batch);
      if (rows.length >= PEEK_ROWS) break;
    }
  } catch (error) {
    // An unterminated quote in the first rows of a big file only shows at the end of the peek window.
    if (!(error instanceof CsvParseError) || rows.length === 0) throw error;
  } finally {
    stream.destroy();
  }
  const detected = detectLinkedInFormat(
    rows.slice(0, PEEK_ROWS).map((row) => row.cells),
    entry.innerPath,
  );
  if (!detected) return null;
  return { ...detected, headerLine: rows[detected.headerIndex]?.line ?? 1 };
}

/** Reads an entry to its end (a damaged zip entry then fails as damaged). */
export async function readWhole(entry: ImportEntry): Promise<void> {
  const stream = await entry.open();
  for await (const chunk of stream) void chunk;
}

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
