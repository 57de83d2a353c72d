/**
 * Byte → text decoding for CSV exports.
 *
 * LinkedIn has shipped its exports in more than one encoding: current files are UTF-8 (sometimes with a
 * BOM, after a round trip through Excel), the 2018 files are UTF-16LE with a BOM. We sniff the encoding
 * from the first bytes, strip the BOM, and decode strictly: a wrong guess or a damaged file must fail
 * loudly with a byte offset the user can act on, never turn into silently mangled names.
 */

// Imported rather than global: the project compiles without the DOM lib, which is where the global's type lives.
import { TextDecoder } from 'node:util';
import { Buffer, isUtf8 } from 'node:buffer';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

/** Bytes held back before sniffing, so that the guess does not depend on how the input happens to be chunked. */
const SNIFF_BYTES = 64;

const ENCODING_LABELS: Readonly<Record<TextEncodingName, string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
};

/** Thrown when the bytes are not valid text in the sniffed encoding. `offset` is a byte offset into the input. */
export class CsvDecodeError extends Error {
  override readonly name = 'CsvDecodeError';
  readonly offset: number;
  readonly encoding: TextEncodingName;

  constructor(offset: number, encoding: TextEncodingName, options?: ErrorOptions) {
    super(
      `not valid ${ENCODING_LABELS[encoding]} text near byte ${offset}: re-save the file as UTF-8`,
      options,
    );
    this.offset = offset;
    this.encoding = encoding;
  }
}

/**
 * Guesses the encoding from the first bytes of a file (pass at least the first few dozen bytes when the
 * file has them). A BOM decides; without one, text whose code units are mostly "ASCII byte + zero byte"
 * is UTF-16 (UTF-8 text never contains NUL bytes); anything else is UTF-8.
 */
export function sniffEncoding(head: Uint8Array): { encoding: TextEncodingName; bomLength: number } {
  const [b0, b1, b2] = head;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', bomLength: 2 };

  const pairs = Math.floor(Math.min(head.length, SNIFF_BYTES) / 2);
  if (pairs >= 2) {
    let asciiLittle = 0;
    let asciiBig = 0;
    for (let p = 0; p < pairs; p++) {
      const even = head[2 * p] ?? 0;
      const odd = head[2 * p + 1] ?? 0;
      if (even !== 0 && even < 0x80 && odd === 0) asciiLittle++;
      else if (even === 0 && odd !== 0 && odd < 0x80) asciiBig++;
    }
    // "Mostly" rather than "all": a name with an accent or a CJK character early on must not flip the guess.
    if (asciiLittle * 4 >= pairs * 3) return { encoding: 'utf-16le', bomLength: 0 };
    if (asciiBig * 4 >= pairs * 3) return { encoding: 'utf-16be', bomLength: 0 };
  }
  return { encoding: 'utf-8', bomLength: 0 };
}

/**
 * Incremental decoder over a byte stream: sniffs the encoding from the first bytes, strips the BOM, and turns
 * each chunk into a string. Chunks may end anywhere, including inside a multi-byte character or a UTF-16 code
 * unit: UTF-8 carries the cut character into the next chunk itself (#carry), UTF-16 uses TextDecoder's
 * streaming mode.
 *
 * Usage: `decode(chunk)` for each chunk in order, then `end()` once. Both throw CsvDecodeError.
 */
export class StreamingTextDecoder {
  readonly #bytesAsText: boolean;
  #head: Uint8Array | undefined = new Uint8Array(0);
  #decoder: TextDecoder | undefined;
  #encoding: TextEncodingName = 'utf-8';
  #bomLength = 0;
  /** Byte offset, in the whole input, of the next byte to decode. */
  #offset = 0;
  /** UTF-16: the last (up to 3) bytes handed to the TextDecoder, where a partial code unit would be. Used only to locate errors. */
  #tail: Uint8Array = new Uint8Array(0);
  /** UTF-8: the bytes of a character cut by the end of the last chunk, decoded with the next one. */
  #carry: Uint8Array = new Uint8Array(0);

  /**
   * `bytesAsText`: the text handed out is the UTF-8 bytes of the input, one character per byte (see
   * `textOfUtf8Bytes`), whatever the file's encoding. Decoding to such text is a copy (a real UTF-8 decode is
   * ~5× slower), the text is stored one byte a character even where the file has a character above U+00FF, and
   * CSV's delimiters, quotes and line breaks are the same bytes in it: a parser that only splits can decode
   * just the fields it uses (a million-row messages.csv, measured).
   */
  constructor(options: { bytesAsText?: boolean } = {}) {
    this.#bytesAsText = options.bytesAsText ?? false;
  }

  /** The sniffed encoding; 'utf-8' until enough bytes have been seen. */
  get encoding(): TextEncodingName {
    return this.#encoding;
  }

  decode(chunk: Uint8Array): string {
    if (this.#head !== undefined) {
      const head = concatBytes(this.#head, chunk);
      // A byte order mark settles the question at once; otherwise wait for enough text to judge by.
      if (head.length < SNIFF_BYTES && !startsWithBom(head)) {
        // Copy: the caller may reuse its buffer for the next chunk.
        this.#head = head === chunk ? copyOf(chunk) : head;
        return '';
      }
      return this.#start(head);
    }
    return this.#feed(chunk);
  }

  end(): string {
    let text = '';
    if (this.#head !== undefined) text = this.#start(this.#head);
    if (this.#encoding === 'utf-8') {
      if (this.#carry.length > 0) {
        const carryStart = this.#offset - this.#carry.length;
        throw new CsvDecodeError(carryStart + Math.max(0, firstInvalidUtf8(this.#carry, 0, true)), 'utf-8');
      }
      return text;
    }
    const decoder = this.#decoder;
    if (decoder === undefined) return text;
    try {
      return text + this.#out(decoder.decode());
    } catch (error) {
      throw new CsvDecodeError(this.#locateError(new Uint8Array(0), true), this.#encoding, { cause: error });
    }
  }

  #start(head: Uint8Array): string {
    this.#head = undefined;
    const { encoding, bomLength } = sniffEncoding(head);
    this.#encoding = encoding;
    this.#bomLength = bomLength;
    // We strip the BOM ourselves (ignoreBOM keeps TextDecoder from also eating a U+FEFF that is real content).
    if (encoding !== 'utf-8') this.#decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    this.#offset = bomLength;
    return this.#feed(head.subarray(bomLength));
  }

  #feed(chunk: Uint8Array): string {
    if (this.#encoding === 'utf-8') return this.#feedUtf8(chunk);
    const decoder = this.#decoder;
    if (decoder === undefined || chunk.length === 0) return '';
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch (error) {
      throw new CsvDecodeError(this.#locateError(chunk, false), this.#encoding, { cause: error });
    }
    this.#tail = copyOf(chunk.length >= 3 ? chunk : concatBytes(this.#tail, chunk), -3);
    this.#offset += chunk.length;
    return this.#out(text);
  }

  /**
   * UTF-8, the common case, on the fast path: Node's native validator and decoder (several times faster than
   * a streaming TextDecoder on a 400 MB messages.csv), with a character cut by the chunk's end carried over.
   */
  #feedUtf8(chunk: Uint8Array): string {
    if (chunk.length === 0) return '';
    const bytes = concatBytes(this.#carry, chunk);
    const start = this.#offset - this.#carry.length;
    this.#offset += chunk.length;
    const cut = completeUtf8Length(bytes);
    const complete = bytes.subarray(0, cut);
    if (!isUtf8(complete)) {
      throw new CsvDecodeError(start + Math.max(0, firstInvalidUtf8(complete, 0, true)), 'utf-8');
    }
    this.#carry = copyOf(bytes, cut);
    return Buffer.from(complete.buffer, complete.byteOffset, complete.length).toString(
      this.#bytesAsText ? 'latin1' : 'utf8',
    );
  }

  /** UTF-16 input as text, or as its UTF-8 bytes in `bytesAsText` mode (2018 files: small, rare). */
  #out(text: string): string {
    return this.#bytesAsText && text.length > 0 ? Buffer.from(text, 'utf8').toString('latin1') : text;
  }

  /**
   * TextDecoder (UTF-16) says only "invalid data", not where. This slow path (taken once, just before failing)
   * re-checks the failing chunk, together with the carried-over partial code unit, to report the offending byte.
   */
  #locateError(chunk: Uint8Array, final: boolean): number {
    const probe = concatBytes(this.#tail, chunk);
    const probeOffset = this.#offset - this.#tail.length;
    const littleEndian = this.#encoding === 'utf-16le';
    // Code units sit at even distances from the end of the BOM. A low surrogate wholly inside the tail was
    // decoded already, so it completed a pair; one that is still partly in the new chunk has not been checked.
    let start = (probeOffset - this.#bomLength) % 2 === 0 ? 0 : 1;
    if (start + 2 <= this.#tail.length && isLowSurrogate(codeUnit(probe, start, littleEndian))) start += 2;
    const found = firstInvalidUtf16(probe, start, final, littleEndian);
    return probeOffset + (found === -1 ? this.#tail.length : found);
  }
}

const NOT_ASCII = /[\u0080-\u00ff]/;

/**
 * The text of a field cut from `bytesAsText` output: itself when it is ASCII (most fields), else its bytes
 * decoded as the UTF-8 they are (the decoder validated them).
 */
export function textOfUtf8Bytes(bytes: string): string {
  return NOT_ASCII.test(bytes) ? Buffer.from(bytes, 'latin1').toString('utf8') : bytes;
}

/** The length of `bytes` without a multi-byte character that the end cuts off (at most 3 bytes). */
function completeUtf8Length(bytes: Uint8Array): number {
  const length = bytes.length;
  let lead = length - 1;
  while (lead >= 0 && lead > length - 4 && ((bytes[lead] ?? 0) & 0xc0) === 0x80) lead--;
  if (lead < 0) return length;
  const byte = bytes[lead] ?? 0;
  const needed = byte < 0xc0 ? 1 : byte < 0xe0 ? 2 : byte < 0xf0 ? 3 : 4;
  return lead + needed > length ? lead : length;
}

function startsWithBom(head: Uint8Array): boolean {
  const [b0, b1, b2] = head;
  return (
    (b0 === 0xff && b1 === 0xfe) ||
    (b0 === 0xfe && b1 === 0xff) ||
    (b0 === 0xef && b1 === 0xbb && b2 === 0xbf)
  );
}

/**
 * A copy of the bytes from `start`: what the decoder keeps of a chunk must outlive it, because a reader may
 * reuse its buffer (file-chunks.ts). Not `bytes.slice()`: on a Node Buffer that is a view, not a copy.
 */
function copyOf(bytes: Uint8Array, start = 0): Uint8Array {
  return Uint8Array.prototype.slice.call(bytes, start);
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}

/** Index of the first byte of the first ill-formed UTF-8 sequence at or after `start`, or -1. */
function firstInvalidUtf8(bytes: Uint8Array, start: number, final: boolean): number {
  let i = start;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let trailing: number;
    // Ranges from the Unicode "well-formed UTF-8" table: no overlong forms, no surrogates, nothing past U+10FFFF.
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) trailing = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      trailing = 2;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      trailing = 3;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= trailing; k++) {
      if (i + k >= bytes.length) return final ? i : -1;
      const byte = bytes[i + k] ?? 0;
      if (byte < (k === 1 ? low : 0x80) || byte > (k === 1 ? high : 0xbf)) return i;
    }
    i += trailing + 1;
  }
  return -1;
}

function codeUnit(bytes: Uint8Array, at: number, littleEndian: boolean): number {
  const first = bytes[at] ?? 0;
  const second = bytes[at + 1] ?? 0;
  return littleEndian ? first | (second << 8) : (first << 8) | second;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Byte index of the first unpaired surrogate (or dangling odd byte when `final`) at or after `start`, or -1. */
function firstInvalidUtf16(bytes: Uint8Array, start: number, final: boolean, littleEndian: boolean): number {
  let i = start;
  while (i + 1 < bytes.length) {
    const unit = codeUnit(bytes, i, littleEndian);
    if (isLowSurrogate(unit)) return i;
    if (isHighSurrogate(unit)) {
      if (i + 3 >= bytes.length) return final ? i : -1;
      if (!isLowSurrogate(codeUnit(bytes, i + 2, littleEndian))) return i;
      i += 4;
    } else i += 2;
  }
  return i < bytes.length && final ? i : -1;
}
