import { readCsvRows, type CsvRow } from '../csv/csv.parser.js';
import { textOfUtf8Bytes } from '../csv/text-decoding.js';
import type { DetectedFormat, LinkedInFormat } from './linkedin-format.registry.js';
import { columnsOf, type Columns } from './linkedin-columns.js';
import {
  isProblem,
  parseConnectionRow,
  parseContactRow,
  parseHelpRow,
  parseInvitationRow,
  parseMessageRow,
  parseNoteRow,
  parseOwnerHistoryRow,
  parseProfileRow,
  type RowResult,
  type TextHashing,
} from './linkedin-row.parsers.js';
import { MALFORMED } from './linkedin.records.js';

export interface HeaderInfo extends DetectedFormat {
  /** Physical line of the header row; data starts after it. */
  headerLine: number;
}

/** A data row that is not a record: counted under `reason`, listed as a problem when it has a message. */
export interface RowSkip {
  reason: string;
  line: number;
  message: string | null;
}

/** Records of one stretch of the file, with the rows skipped in it (blank rows are neither). */
export interface RecordBatch<T> {
  records: T[];
  skips: RowSkip[];
}

export type RowParser<T> = (cells: readonly string[], columns: Columns, line: number) => RowResult<T>;

/** The row parser of each LinkedIn file kind; zone is for dates written without one. */
export function rowParserFor(
  format: LinkedInFormat,
  zone: string,
  hashTexts?: TextHashing,
): RowParser<object> {
  switch (format) {
    case 'linkedin-connections':
      return parseConnectionRow;
    case 'linkedin-messages':
      return (cells, columns, line) => parseMessageRow(cells, columns, line, zone, hashTexts);
    case 'linkedin-invitations':
      return (cells, columns, line) => parseInvitationRow(cells, columns, line, zone);
    case 'linkedin-profile':
      return parseProfileRow;
    case 'linkedin-positions':
    case 'linkedin-education':
    case 'linkedin-events':
      return (cells, columns, line) => parseOwnerHistoryRow(format, cells, columns, line);
    case 'linkedin-notes':
      return parseNoteRow;
    case 'linkedin-contacts':
      return parseContactRow;
    case 'linkedin-recommendations-given':
    case 'linkedin-recommendations-received':
    case 'linkedin-endorsements-given':
    case 'linkedin-endorsements-received':
      return (cells, columns, line) => parseHelpRow(format, cells, columns, line, zone);
  }
}

const isBlankCell = (cell: string) => textOfUtf8Bytes(cell).trim().length === 0;

function isBlank(row: CsvRow): boolean {
  return row.cells.every(isBlankCell);
}

/**
 * Batches of at least this many records, in practice one per 64 KB of text the CSV reader hands over (about
 * 150 messages): small enough that a batch is garbage before the collector promotes it, on either thread
 * (docs/PERFORMANCE.md#parser-thread).
 */
const BATCH_RECORDS = 128;

/**
 * The rows after the header turned into records, in batches, with every skipped or malformed row and its
 * line. Throws CsvDecodeError / CsvParseError for a file that cannot be read as CSV.
 */
export async function* readRecordBatches<T extends object>(
  bytes: AsyncIterable<Uint8Array>,
  header: HeaderInfo,
  parseRow: RowParser<T>,
): AsyncGenerator<RecordBatch<T>> {
  // Cells stay UTF-8 bytes until a parser reads them: most are never decoded, none costs a two-byte string.
  const columns = columnsOf(header.header, textOfUtf8Bytes);
  const width = header.header.length;
  let batch: RecordBatch<T> = { records: [], skips: [] };
  for await (const rows of readCsvRows(bytes, { bytesAsText: true })) {
    for (const row of rows) {
      if (row.line <= header.headerLine || isBlank(row)) continue;
      if (row.cells.length > width && !row.cells.slice(width).every(isBlankCell)) {
        batch.skips.push({
          reason: MALFORMED,
          line: row.line,
          message: `${row.cells.length} fields where the header has ${width}: check for an unquoted comma`,
        });
        continue;
      }
      const result = parseRow(row.cells, columns, row.line);
      if (result === null) continue;
      if (isProblem(result))
        batch.skips.push({ reason: result.reason, line: result.line, message: result.message });
      else batch.records.push(result);
    }
    if (batch.records.length >= BATCH_RECORDS) {
      yield batch;
      batch = { records: [], skips: [] };
    }
  }
  if (batch.records.length > 0 || batch.skips.length > 0) yield batch;
}
