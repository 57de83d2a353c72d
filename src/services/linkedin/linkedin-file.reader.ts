import type { Readable } from 'node:stream';
import { readCsvRows, type CsvRow } from '../../importers/csv/csv.parser.js';
import type { DetectedFormat } from '../../importers/linkedin/linkedin-format.registry.js';
import {
  columnsOf,
  isProblem,
  type Columns,
  type RowResult,
} from '../../importers/linkedin/linkedin-row.parsers.js';
import { MALFORMED } from '../../importers/linkedin/linkedin.records.js';
import type { FileReport } from '../import.report.js';
import { countSkip } from '../import.report.js';

export interface HeaderInfo extends DetectedFormat {
  /** Physical line of the header row; data starts after it. */
  headerLine: number;
}

/** Counts the bytes that pass, for the progress bar. */
export function countBytes(stream: Readable, onBytes: (total: number) => void): AsyncIterable<Uint8Array> {
  let total = 0;
  return (async function* () {
    for await (const chunk of stream) {
      total += (chunk as Uint8Array).length;
      onBytes(total);
      yield chunk as Uint8Array;
    }
  })();
}

function isBlank(row: CsvRow): boolean {
  return row.cells.every((cell) => cell.trim().length === 0);
}

/**
 * Rows after the header turned into records in batches; skipped and malformed rows are counted in the
 * report with their line. `rowsRead` counts every non-blank data row.
 */
export async function* readRecords<T extends object>(
  bytes: AsyncIterable<Uint8Array>,
  header: HeaderInfo,
  report: FileReport,
  parseRow: (cells: readonly string[], columns: Columns, line: number) => RowResult<T>,
): AsyncGenerator<T[]> {
  const columns = columnsOf(header.header);
  const width = header.header.length;
  for await (const rows of readCsvRows(bytes)) {
    const records: T[] = [];
    for (const row of rows) {
      if (row.line <= header.headerLine || isBlank(row)) continue;
      if (row.cells.length > width && row.cells.slice(width).some((cell) => cell.trim().length > 0)) {
        report.rowsRead++;
        countSkip(
          report,
          MALFORMED,
          row.line,
          `${row.cells.length} fields where the header has ${width}: check for an unquoted comma`,
        );
        continue;
      }
      const result = parseRow(row.cells, columns, row.line);
      if (result === null) continue;
      if (isProblem(result)) {
        report.rowsRead++;
        countSkip(report, result.reason, result.line, result.message);
        continue;
      }
      records.push(result);
    }
    if (records.length > 0) yield records;
  }
}

export async function collectRecords<T>(batches: AsyncIterable<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const batch of batches) for (const record of batch) all.push(record);
  return all;
}
