/**
 * Streaming RFC 4180 CSV reader for LinkedIn data exports.
 *
 * This is a hot path: messages.csv can be hundreds of megabytes and a million rows. So the parser is a
 * char-code state machine over each decoded chunk that jumps with `indexOf` (native, vectorised) to the next
 * quote, delimiter or line break instead of looking at every character in JavaScript, slices fields out of the
 * chunk instead of building them character by character, and hands rows to the caller in batches (one array
 * per input chunk, or per 64 Ki characters of it) so that a million rows cost a few thousand awaits, not a million.
 *
 * It is strict only where being lenient would lose data (a quote that is never closed swallows the rest of the
 * file, so that is an error) and lenient where real files are sloppy: a stray quote inside an unquoted field is
 * kept as text, and text after a closing quote is appended to the field.
 */

import { StreamingTextDecoder } from './text-decoding.js';

export interface CsvRow {
  cells: string[];
  /** 1-based physical line on which the row starts, counting line breaks inside quoted fields, as an editor does. */
  line: number;
}

/** Thrown for input that cannot be split into rows without guessing, such as an unterminated quoted field. */
export class CsvParseError extends Error {
  override readonly name = 'CsvParseError';
  readonly line: number;

  constructor(message: string, line: number) {
    super(message);
    this.line = line;
  }
}

export interface CsvParseOptions {
  /** Field separator; detected from the first non-empty line when not given. */
  delimiter?: ',' | '\t' | ';';
  /**
   * Cells are the UTF-8 bytes of their text, one character per byte, whatever the file's encoding: the
   * caller decodes the cells it uses with `textOfUtf8Bytes` (readCsvRows only; much faster on large files).
   */
  bytesAsText?: boolean;
}

type Delimiter = NonNullable<CsvParseOptions['delimiter']>;

const QUOTE = 0x22; // "
const LF = 0x0a;
const CR = 0x0d;
const TAB = 0x09;
const COMMA = 0x2c;
const SEMICOLON = 0x3b;
const SPACE = 0x20;

/**
 * Reads CSV rows from a byte stream (for example `fs.createReadStream(path)`). The encoding is sniffed from the
 * first bytes (UTF-8, or UTF-16 with or without a BOM) and the BOM is dropped. Yields non-empty batches of rows in
 * file order; a completely empty line is a row with `cells: ['']`, left for the caller to skip.
 *
 * Throws CsvDecodeError for bytes that are not valid text and CsvParseError for an unterminated quoted field.
 */
export async function* readCsvRows(
  source: AsyncIterable<Uint8Array>,
  options: CsvParseOptions = {},
): AsyncGenerator<CsvRow[]> {
  const decoder = new StreamingTextDecoder({ bytesAsText: options.bytesAsText ?? false });
  let tokenizer = options.delimiter === undefined ? undefined : new CsvTokenizer(options.delimiter);
  // Text held back until the first non-empty line is complete and the delimiter can be detected.
  let head = '';

  for await (const bytes of source) {
    let text = decoder.decode(bytes);
    if (tokenizer === undefined) {
      head += text;
      const delimiter = detectDelimiter(head, false);
      if (delimiter === undefined) continue;
      tokenizer = new CsvTokenizer(delimiter);
      text = head;
      head = '';
    }
    yield* batchesOf(tokenizer, text);
  }

  const rest = decoder.end();
  if (tokenizer === undefined) {
    head += rest;
    tokenizer = new CsvTokenizer(detectDelimiter(head, true) ?? ',');
    yield* batchesOf(tokenizer, head);
  } else {
    yield* batchesOf(tokenizer, rest);
  }
  // Hand over the rows completed before an unterminated quote, then report it.
  const rows: CsvRow[] = [];
  let failure: CsvParseError | undefined;
  try {
    tokenizer.finish(rows);
  } catch (error) {
    if (!(error instanceof CsvParseError)) throw error;
    failure = error;
  }
  if (rows.length > 0) yield rows;
  if (failure !== undefined) throw failure;
}

/**
 * Text parsed per batch. A source may hand over huge chunks (a 1 MiB read buffer, a whole file); cutting them
 * keeps each batch to a few thousand rows, which the caller can process and drop while they are still young:
 * a 1 MiB batch of tiny rows measured twice as slow, from garbage collection alone.
 */
const BATCH_CHARS = 64 * 1024;

function* batchesOf(tokenizer: CsvTokenizer, text: string): Generator<CsvRow[]> {
  for (let at = 0; at < text.length; at += BATCH_CHARS) {
    const rows: CsvRow[] = [];
    tokenizer.push(text.length <= BATCH_CHARS ? text : text.slice(at, at + BATCH_CHARS), rows);
    if (rows.length > 0) yield rows;
  }
}

/** Parses a whole CSV text (already decoded; a leading U+FEFF byte order mark is ignored). */
export function parseCsvText(text: string, options: CsvParseOptions = {}): CsvRow[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const tokenizer = new CsvTokenizer(options.delimiter ?? detectDelimiter(body, true) ?? ',');
  const rows: CsvRow[] = [];
  tokenizer.push(body, rows);
  tokenizer.finish(rows);
  return rows;
}

/** How much text to look at for the first non-empty line before settling for a comma. */
const DETECT_LIMIT = 64 * 1024;

/**
 * Picks the delimiter from the first non-empty line: tab if it has more tabs than commas (LinkedIn's 2018
 * exports), semicolon if it has more semicolons than commas and no tabs (spreadsheets in comma-decimal locales),
 * else comma. Returns undefined when `text` does not yet hold a complete first line and more may follow.
 */
function detectDelimiter(text: string, complete: boolean): Delimiter | undefined {
  const limit = Math.min(text.length, DETECT_LIMIT);
  let tabs = 0;
  let commas = 0;
  let semicolons = 0;
  let nonEmpty = false;
  for (let i = 0; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) {
      if (nonEmpty) return pickDelimiter(tabs, commas, semicolons);
      tabs = commas = semicolons = 0;
    } else {
      if (c === TAB) tabs++;
      else if (c === COMMA) commas++;
      else if (c === SEMICOLON) semicolons++;
      if (c !== SPACE) nonEmpty = true;
    }
  }
  if (!complete && text.length < DETECT_LIMIT) return undefined;
  return pickDelimiter(tabs, commas, semicolons);
}

function pickDelimiter(tabs: number, commas: number, semicolons: number): Delimiter {
  if (tabs > commas) return '\t';
  if (semicolons > commas && tabs === 0) return ';';
  return ',';
}

/**
 * A field that grows past this across chunks is almost certainly an unterminated quote (or not a CSV file at
 * all); failing early keeps memory bounded and avoids V8's "Invalid string length" RangeError further on.
 */
const MAX_FIELD_LENGTH = 64 * 1024 * 1024;

// Parser states between two characters.
/** At the first character of a field (after a delimiter or a line break). */
const FIELD_START = 0;
/** Inside an unquoted field, or in the text after a closing quote, which is appended to the field. */
const UNQUOTED = 1;
/** Inside a quoted field. */
const QUOTED = 2;
/** Inside a quoted field, just after a quote that ended a chunk: an escaped `""` or the closing quote, the next chunk will tell. */
const QUOTE_PENDING = 3;

type State = typeof FIELD_START | typeof UNQUOTED | typeof QUOTED | typeof QUOTE_PENDING;

/**
 * The incremental parser. `push` takes the text in order, in chunks split anywhere, and appends completed rows
 * to `out`; `finish` flushes the last row. All state that must survive a chunk boundary lives in the fields.
 */
class CsvTokenizer {
  private readonly delimiter: string;
  private readonly delimiterCode: number;
  private state: State = FIELD_START;
  /** Cells of the row being read. */
  private cells: string[] = [];
  /** Text of the current field read from earlier chunks (or before an escaped quote). */
  private field = '';
  /** Physical line at the current position. */
  private line = 1;
  /** Physical line on which the row being read started. */
  private rowLine = 1;
  /** Line of the opening quote of the current quoted field, for the error message. */
  private quoteLine = 1;
  /** The previous chunk ended with a CR that ended a row: an LF starting this chunk is the rest of a CRLF. */
  private skipLF = false;
  /** Last character code of the previous chunk, to see whether an LF at the start of a chunk completes a CRLF. */
  private lastCode = -1;

  constructor(delimiter: Delimiter) {
    this.delimiter = delimiter;
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  push(s: string, out: CsvRow[]): void {
    const n = s.length;
    if (n === 0) return;
    const delimiter = this.delimiter;
    const delimiterCode = this.delimiterCode;
    // Hot state in locals; written back at the end.
    let state = this.state;
    let field = this.field;
    let cells = this.cells;
    let line = this.line;
    let rowLine = this.rowLine;

    let i = 0;
    /** Where the unquoted text of the current field starts in `s`. */
    let fieldStart = 0;
    // Position of the next delimiter / LF / CR at or after the position they were searched from (n: none left in
    // this chunk). Each is searched again only once the scan has passed it, so every character is looked at by
    // indexOf at most once per kind, however the fields are laid out.
    let nextDelimiter = -1;
    let nextLF = -1;
    let nextCR = -1;

    if (this.skipLF) {
      this.skipLF = false;
      if (s.charCodeAt(0) === LF) i = 1;
    }
    if (state === QUOTE_PENDING) {
      if (s.charCodeAt(0) === QUOTE) {
        field += '"';
        i = 1;
        state = QUOTED;
      } else {
        state = UNQUOTED; // It was the closing quote; whatever follows is handled as unquoted text.
      }
    }

    while (i < n) {
      if (state === FIELD_START) {
        if (s.charCodeAt(i) === QUOTE) {
          state = QUOTED;
          this.quoteLine = line;
          i++;
          continue;
        }
        state = UNQUOTED;
        fieldStart = i;
      }

      if (state === QUOTED) {
        const quote = s.indexOf('"', i);
        const stop = quote === -1 ? n : quote;
        // Count the line breaks inside the quoted text so that later rows get the line an editor shows. CRLF is
        // one break: a CR always counts, an LF only when it does not follow a CR.
        if (nextLF < i) nextLF = indexOrEnd(s, '\n', i);
        while (nextLF < stop) {
          if ((nextLF > 0 ? s.charCodeAt(nextLF - 1) : this.lastCode) !== CR) line++;
          nextLF = indexOrEnd(s, '\n', nextLF + 1);
        }
        if (nextCR < i) nextCR = indexOrEnd(s, '\r', i);
        while (nextCR < stop) {
          line++;
          nextCR = indexOrEnd(s, '\r', nextCR + 1);
        }

        if (quote === -1) {
          // The field goes on in the next chunk.
          field += s.slice(i);
          if (field.length > MAX_FIELD_LENGTH) throw fieldTooLong(this.quoteLine, true);
          i = n;
          break;
        }
        if (quote + 1 === n) {
          field += s.slice(i, quote);
          if (field.length > MAX_FIELD_LENGTH) throw fieldTooLong(this.quoteLine, true);
          state = QUOTE_PENDING;
          i = n;
          break;
        }
        if (s.charCodeAt(quote + 1) === QUOTE) {
          // Escaped quote: keep one, carry on inside the quotes.
          field += s.slice(i, quote + 1);
          i = quote + 2;
          continue;
        }
        // Closing quote. Usually a delimiter or line break follows, which the unquoted path below finds at once.
        field += s.slice(i, quote);
        i = quote + 1;
        fieldStart = i;
        state = UNQUOTED;
      }

      // UNQUOTED: the field runs to the next delimiter or line break. Quotes here are plain text.
      let end: number;
      const c = s.charCodeAt(i);
      if (c === delimiterCode || c === LF || c === CR) {
        end = i; // Empty field, or right after a closing quote: no need to search.
      } else {
        if (nextDelimiter < i) nextDelimiter = indexOrEnd(s, delimiter, i);
        if (nextLF < i) nextLF = indexOrEnd(s, '\n', i);
        if (nextCR < i) nextCR = indexOrEnd(s, '\r', i);
        end = nextDelimiter < nextLF ? nextDelimiter : nextLF;
        if (nextCR < end) end = nextCR;
        if (end === n) {
          // The field goes on in the next chunk.
          field += s.slice(fieldStart);
          if (field.length > MAX_FIELD_LENGTH) throw fieldTooLong(line, false);
          i = n;
          break;
        }
      }

      cells.push(field === '' ? s.slice(fieldStart, end) : field + s.slice(fieldStart, end));
      field = '';
      state = FIELD_START;
      i = end + 1;
      const terminator = s.charCodeAt(end);
      if (terminator === delimiterCode) continue;

      // Line break: the row is complete.
      out.push({ cells, line: rowLine });
      cells = [];
      line++;
      rowLine = line;
      if (terminator === CR) {
        if (i < n) {
          if (s.charCodeAt(i) === LF) i++;
        } else {
          this.skipLF = true;
        }
      }
    }

    this.state = state;
    this.field = field;
    this.cells = cells;
    this.line = line;
    this.rowLine = rowLine;
    this.lastCode = s.charCodeAt(n - 1);
  }

  /** Ends the input: emits the last row if the text did not end with a line break. */
  finish(out: CsvRow[]): void {
    if (this.state === QUOTED) {
      throw new CsvParseError(`unterminated quoted field starting on line ${this.quoteLine}`, this.quoteLine);
    }
    // FIELD_START with no cells: the input ended right after a line break (or was empty), nothing is pending.
    if (this.state !== FIELD_START || this.cells.length > 0) {
      this.cells.push(this.field);
      out.push({ cells: this.cells, line: this.rowLine });
    }
    this.state = FIELD_START;
    this.cells = [];
    this.field = '';
  }
}

function indexOrEnd(s: string, search: string, from: number): number {
  const at = s.indexOf(search, from);
  return at === -1 ? s.length : at;
}

function fieldTooLong(line: number, quoted: boolean): CsvParseError {
  const limit = `${MAX_FIELD_LENGTH / (1024 * 1024)}M characters`;
  return quoted
    ? new CsvParseError(
        `quoted field starting on line ${line} is longer than ${limit}: probably an unterminated quote`,
        line,
      )
    : new CsvParseError(`field on line ${line} is longer than ${limit}: is this a CSV file?`, line);
}
