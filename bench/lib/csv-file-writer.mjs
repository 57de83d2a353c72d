// Writes a CSV file the way LinkedIn's 2023–2025 exports do: UTF-8 without BOM, LF line endings, RFC 4180
// quoting only where needed (a comma, a quote or a line break in the field; quotes doubled). Rows are
// buffered in chunks of about 1 MB and written synchronously, so no file is ever held whole in memory.
// Each file is written under a temporary name and renamed into place when complete: the working tree is
// shared, and a reader of the previous export keeps reading the old file rather than a half-written one.
import { Buffer } from 'node:buffer';
import { closeSync, openSync, renameSync, writeSync } from 'node:fs';

const NEEDS_QUOTES = /[",\r\n]/;
const CHUNK_CHARS = 1 << 20;

export function csvField(value) {
  const text = value ?? '';
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells) {
  return cells.map(csvField).join(',');
}

/**
 * `finalNewline: false` leaves the last row unterminated, as Connections.csv is in real exports
 * (docs/rules/linkedin-export.md#no-final-newline): rows are joined with LF rather than each ending with one.
 */
export function openCsvFile(path, { finalNewline = true } = {}) {
  const partial = `${path}.partial`;
  const fd = openSync(partial, 'w');
  let buffer = '';
  let rows = 0;
  let bytes = 0;
  const flush = () => {
    if (buffer.length === 0) return;
    const chunk = Buffer.from(buffer, 'utf8');
    // writeSync may write less than asked; loop until the whole chunk is on disk.
    for (let offset = 0; offset < chunk.length;) offset += writeSync(fd, chunk, offset);
    bytes += chunk.length;
    buffer = '';
  };
  const append = (line) => {
    buffer += finalNewline ? `${line}\n` : rows === 0 ? line : `\n${line}`;
    rows++;
    if (buffer.length >= CHUNK_CHARS) flush();
  };
  return {
    /** A line written as is (the Connections preamble, a header with a trailing comma). */
    writeLine: append,
    writeRow: (cells) => append(csvRow(cells)),
    close: () => {
      flush();
      closeSync(fd);
      renameSync(partial, path);
      return { path, bytes, lines: rows };
    },
  };
}
