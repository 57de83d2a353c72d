/**
 * mbox files of any size in constant memory (docs/rules/mail.md#mbox): the bytes stream through; each
 * message's header block is handed on as latin1 text, its body skipped (or kept, capped, for
 * `--keep-bodies`). A message starts at a `From ` line at the start of the file or of a line that looks like
 * a From_ line (sender, weekday, month, time): `From 1583290388308606088@xxx Mon Nov 06 04:42:58 +0000 2017`
 * (Gmail Takeout), `From - Thu Oct 13 11:39:48 2016` (Thunderbird), `From MAILER-DAEMON Fri Jul  8 …`.
 * `>From` in bodies is left as it is (mboxrd): bodies are not read. CRLF and LF both work.
 */
import { Buffer } from 'node:buffer';

export interface RawMessage {
  /** The header block as latin1 text (one character per byte). */
  headers: string;
  /** The line of the message's From_ line (mbox) or of its first header (.eml). */
  line: number;
  /** The body's bytes, at most `bodyLimit` of them, when bodies are kept; else null. */
  body: Buffer | null;
}

/** The file is not a mailbox, or is damaged: the message names the line. */
export class MailParseError extends Error {
  override readonly name = 'MailParseError';
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const FROM_LINE = /^From \S+ +(?:[A-Z][a-z]{2},? +)?[A-Z][a-z]{2} +\d{1,2}.*\d{1,2}:\d{2}/;
/** Headers longer than this are not a message's headers: the file is damaged (or not mail). */
export const HEADER_LIMIT = 1024 * 1024;
const BOUNDARY = '\nFrom ';
const NEWLINE = 0x0a;

function countLines(bytes: Buffer, from: number, to: number): number {
  let count = 0;
  for (
    let index = bytes.indexOf(NEWLINE, from);
    index >= 0 && index < to;
    index = bytes.indexOf(NEWLINE, index + 1)
  )
    count++;
  return count;
}

/** Control bytes no header holds (tab and line ends aside): a binary file. */
/**
 * Whether a file's first bytes are an mbox's From_ line: Thunderbird keeps each folder as an mbox without an
 * extension (`Inbox`, `Sent`), so such a file is told by its content (docs/rules/mail.md#mbox).
 */
export function startsAsMbox(firstBytes: Uint8Array): boolean {
  const text = new TextDecoder('latin1').decode(firstBytes.subarray(0, 200));
  return FROM_LINE.test(text.split(/\r?\n/, 1)[0] ?? '');
}

export function binaryAt(text: string): number {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return index;
  }
  return -1;
}

/** The blank line that ends a header block at or after `from`: [its start, the body's start], or null. */
function headerEnd(bytes: Buffer, from: number): [number, number] | null {
  for (let index = bytes.indexOf(NEWLINE, from); index >= 0; index = bytes.indexOf(NEWLINE, index + 1)) {
    const next = bytes[index + 1];
    if (next === NEWLINE) return [index + 1, index + 2];
    if (next === 0x0d && bytes[index + 2] === NEWLINE) return [index + 1, index + 3];
    if (next === undefined) return null;
  }
  return null;
}

/**
 * The messages of an mbox stream, in order. Throws `MailParseError` for a file that does not start with a
 * From_ line, holds binary bytes in a header block, or ends inside a message's headers (cut off).
 */
export async function* readMbox(
  chunks: AsyncIterable<Buffer>,
  options: { bodyLimit: number | null },
): AsyncGenerator<RawMessage> {
  let pending: Buffer | null = null;
  let state: 'start' | 'headers' | 'body' = 'start';
  /** The line number at `pending[0]`. */
  let line = 1;
  let messageLine = 1;
  let currentHeaders = '';
  let body: Buffer[] = [];
  let bodySize = 0;
  const keepBody = (bytes: Buffer) => {
    if (options.bodyLimit === null || bodySize >= options.bodyLimit) return;
    const part = bytes.subarray(0, options.bodyLimit - bodySize);
    body.push(Buffer.from(part));
    bodySize += part.length;
  };
  const takeBody = (): Buffer | null => {
    if (options.bodyLimit === null) return null;
    const whole = Buffer.concat(body);
    body = [];
    bodySize = 0;
    return whole;
  };

  // What is left of a chunk (a header block, a line) goes before the next one in this buffer, reused: a new
  // buffer per chunk costs a page fault per 4 KB of it (docs/PERFORMANCE.md#mbox).
  let work = Buffer.allocUnsafeSlow(0);
  for await (const chunk of chunks) {
    let bytes: Buffer = chunk;
    if (pending) {
      const size = pending.length + chunk.length;
      if (work.length < size) {
        const larger = Buffer.allocUnsafeSlow(Math.max(size, work.length * 2));
        pending.copy(larger, 0);
        work = larger;
      } else pending.copy(work, 0);
      chunk.copy(work, pending.length);
      bytes = work.subarray(0, size);
    }
    pending = null;
    let position = 0;
    for (;;) {
      if (state === 'start') {
        // Blank lines before the first message are tolerated; then there must be a From_ line.
        while (bytes[position] === NEWLINE || bytes[position] === 0x0d) {
          if (bytes[position] === NEWLINE) line++;
          position++;
        }
        const end = bytes.indexOf(NEWLINE, position);
        if (end < 0 && bytes.length - position < 4096) {
          pending = bytes.subarray(position);
          break;
        }
        const first = bytes.toString('latin1', position, end < 0 ? position + 200 : end);
        if (!FROM_LINE.test(first))
          throw new MailParseError(
            line,
            binaryAt(first) >= 0
              ? 'binary data, not an mbox file: export the mailbox again'
              : `not an mbox file (it should start with a "From " line, found "${first.slice(0, 40)}"): export the mailbox again`,
          );
        messageLine = line;
        line++;
        position = end + 1;
        state = 'headers';
      }
      if (state === 'headers') {
        const found = headerEnd(bytes, position === 0 ? 0 : position - 1);
        if (!found) {
          if (bytes.length - position > HEADER_LIMIT)
            throw new MailParseError(messageLine, 'a message whose headers never end: the file is damaged');
          pending = bytes.subarray(position);
          break;
        }
        const headers = bytes.toString('latin1', position, found[0]);
        const binary = binaryAt(headers);
        if (binary >= 0)
          throw new MailParseError(
            line + countLines(bytes, position, position + binary),
            'binary data in a message header: the file is damaged or not an mbox file',
          );
        line += countLines(bytes, position, found[1]);
        position = found[1];
        state = 'body';
        // Without bodies the message is complete now; with them, at the next From_ line.
        if (options.bodyLimit === null) yield { headers, line: messageLine, body: null };
        else currentHeaders = headers;
      }
      // state === 'body': look for the next From_ line.
      let hit = bytes.indexOf(BOUNDARY, position > 0 ? position - 1 : 0, 'latin1');
      let boundary = -1;
      let incomplete = false;
      while (hit >= 0) {
        const end = bytes.indexOf(NEWLINE, hit + 1);
        if (end < 0) {
          incomplete = true;
          break;
        }
        if (FROM_LINE.test(bytes.toString('latin1', hit + 1, Math.min(end, hit + 200)))) {
          boundary = hit;
          break;
        }
        hit = bytes.indexOf(BOUNDARY, hit + 1, 'latin1');
      }
      if (boundary < 0) {
        // Keep what may be the start of a From_ line for the next chunk.
        const keepFrom = incomplete ? hit : Math.max(position, bytes.length - BOUNDARY.length);
        keepBody(bytes.subarray(position, keepFrom));
        line += countLines(bytes, position, keepFrom);
        pending = bytes.subarray(keepFrom);
        break;
      }
      keepBody(bytes.subarray(position, boundary));
      line += countLines(bytes, position, boundary + 1);
      if (options.bodyLimit !== null) yield { headers: currentHeaders, line: messageLine, body: takeBody() };
      messageLine = line;
      const fromEnd = bytes.indexOf(NEWLINE, boundary + 1);
      line++;
      position = fromEnd + 1;
      state = 'headers';
    }
    // What is held over must outlive the reader's reused chunk: in `work` it does; a chunk's own tail is copied.
    if (pending && pending.buffer !== work.buffer) pending = Buffer.from(pending);
  }
  if (state === 'start') throw new MailParseError(1, 'the file is empty: export the mailbox again');
  if (state === 'headers')
    throw new MailParseError(
      messageLine,
      'the file ends inside the headers of this message (cut off?): export the mailbox again',
    );
  if (pending) keepBody(pending);
  if (options.bodyLimit !== null) yield { headers: currentHeaders, line: messageLine, body: takeBody() };
}

const HEADER_LINE = /^[\x21-\x39\x3b-\x7e]+[ \t]*:/;

/**
 * One `.eml` message: its headers up to the first blank line (the whole file when it has no body). Throws
 * `MailParseError` when the file does not start with a header line or holds binary bytes in its headers.
 */
export async function readEml(
  chunks: AsyncIterable<Buffer>,
  options: { bodyLimit: number | null },
): Promise<RawMessage> {
  const parts: Buffer[] = [];
  let size = 0;
  let headerBytes = -1;
  let bodyStart = -1;
  for await (const chunk of chunks) {
    parts.push(Buffer.from(chunk));
    size += chunk.length;
    if (headerBytes < 0) {
      const whole = Buffer.concat(parts);
      const found = headerEnd(whole, 0);
      if (found) [headerBytes, bodyStart] = found;
      else if (size > HEADER_LIMIT)
        throw new MailParseError(1, 'headers that never end: the file is damaged or not an e-mail message');
    }
    if (headerBytes >= 0 && (options.bodyLimit === null || size - bodyStart >= options.bodyLimit)) break;
  }
  const whole = Buffer.concat(parts);
  if (headerBytes < 0) headerBytes = bodyStart = whole.length;
  let headers = whole.toString('latin1', 0, headerBytes).replace(/^\xEF\xBB\xBF/, '');
  // A message saved from an mbox keeps its From_ line (mailparser's large_text.eml): not a header.
  const fromLine = /^From [^\n]*\n/.exec(headers);
  if (fromLine && FROM_LINE.test(fromLine[0])) headers = headers.slice(fromLine[0].length);
  const firstLine = headers.slice(0, headers.indexOf('\n') < 0 ? headers.length : headers.indexOf('\n'));
  const binary = binaryAt(headers);
  if (binary >= 0 || !HEADER_LINE.test(firstLine))
    throw new MailParseError(
      binary >= 0 ? headers.slice(0, binary).split('\n').length : 1,
      binary >= 0
        ? 'binary data, not an e-mail message: save the message again as .eml'
        : `not an e-mail message (it should start with a header such as "From:", found "${firstLine.slice(0, 40)}")`,
    );
  return {
    headers,
    line: 1,
    body: options.bodyLimit === null ? null : whole.subarray(bodyStart, bodyStart + options.bodyLimit),
  };
}
