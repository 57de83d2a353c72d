import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvDecodeError, StreamingTextDecoder, sniffEncoding } from './text-decoding.js';
import type { TextEncodingName } from './text-decoding.js';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

/** Splits `data` at the given cut points (taken modulo the length, so any numbers will do; repeats give empty chunks). */
function splitAt(data: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = cuts.map((cut) => cut % (data.length + 1)).sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const point of points) {
    chunks.push(data.subarray(from, point));
    from = point;
  }
  chunks.push(data.subarray(from));
  return chunks;
}

function decodeAll(chunks: readonly Uint8Array[]): string {
  const decoder = new StreamingTextDecoder();
  let text = '';
  for (const chunk of chunks) text += decoder.decode(chunk);
  return text + decoder.end();
}

function decodeError(chunks: readonly Uint8Array[]): CsvDecodeError {
  try {
    decodeAll(chunks);
  } catch (error) {
    if (error instanceof CsvDecodeError) return error;
    throw error;
  }
  throw new Error('expected a CsvDecodeError');
}

function encode(text: string, encoding: TextEncodingName, withBom: boolean): Uint8Array {
  const body = withBom ? '\ufeff' + text : text;
  if (encoding === 'utf-8') return Buffer.from(body, 'utf8');
  const little = Buffer.from(body, 'utf16le');
  return encoding === 'utf-16le' ? little : Buffer.from(little).swap16();
}

describe('sniffEncoding', () => {
  it('recognises the UTF-8, UTF-16LE and UTF-16BE byte order marks', () => {
    expect(sniffEncoding(bytes(0xef, 0xbb, 0xbf, 0x61))).toEqual({ encoding: 'utf-8', bomLength: 3 });
    expect(sniffEncoding(bytes(0xff, 0xfe, 0x61, 0x00))).toEqual({ encoding: 'utf-16le', bomLength: 2 });
    expect(sniffEncoding(bytes(0xfe, 0xff, 0x00, 0x61))).toEqual({ encoding: 'utf-16be', bomLength: 2 });
  });

  it('recognises a byte order mark even when it is all there is', () => {
    expect(sniffEncoding(bytes(0xff, 0xfe))).toEqual({ encoding: 'utf-16le', bomLength: 2 });
    expect(sniffEncoding(bytes(0xef, 0xbb, 0xbf))).toEqual({ encoding: 'utf-8', bomLength: 3 });
  });

  it('falls back to UTF-8 without a byte order mark', () => {
    expect(sniffEncoding(Buffer.from('First Name,Last Name\n', 'utf8'))).toEqual({
      encoding: 'utf-8',
      bomLength: 0,
    });
    expect(sniffEncoding(Buffer.from('Prénom,Nom,Société\n', 'utf8'))).toEqual({
      encoding: 'utf-8',
      bomLength: 0,
    });
    expect(sniffEncoding(bytes())).toEqual({ encoding: 'utf-8', bomLength: 0 });
    expect(sniffEncoding(bytes(0x61))).toEqual({ encoding: 'utf-8', bomLength: 0 });
  });

  it('detects UTF-16LE without a byte order mark from ASCII interleaved with zero bytes', () => {
    expect(sniffEncoding(Buffer.from('"First Name"\t"Last Name"\n', 'utf16le'))).toEqual({
      encoding: 'utf-16le',
      bomLength: 0,
    });
  });

  it('still detects BOM-less UTF-16LE when a few characters in the head are not ASCII', () => {
    expect(sniffEncoding(Buffer.from('Zoë,Ünal,東京,address,city\n', 'utf16le'))).toEqual({
      encoding: 'utf-16le',
      bomLength: 0,
    });
  });

  it('detects UTF-16BE without a byte order mark from zero bytes interleaved with ASCII', () => {
    expect(sniffEncoding(Buffer.from('First Name,Last Name\n', 'utf16le').swap16())).toEqual({
      encoding: 'utf-16be',
      bomLength: 0,
    });
  });
});

describe('StreamingTextDecoder', () => {
  it('decodes UTF-16LE and drops the byte order mark', () => {
    expect(decodeAll([encode('"a"\t"b"\r\n', 'utf-16le', true)])).toBe('"a"\t"b"\r\n');
  });

  it('drops only the first byte order mark and keeps a second U+FEFF as text', () => {
    expect(decodeAll([encode('\ufeffx', 'utf-8', true)])).toBe('\ufeffx');
  });

  it('reports the sniffed encoding', () => {
    const decoder = new StreamingTextDecoder();
    decoder.decode(encode('a,b\n'.repeat(40), 'utf-16be', true));
    expect(decoder.encoding).toBe('utf-16be');
  });

  it('returns an empty string for empty input', () => {
    expect(decodeAll([])).toBe('');
    expect(decodeAll([bytes(), bytes()])).toBe('');
  });

  it('gives the same text however the bytes are chunked, even inside a character or a code unit', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 80 }),
        fc.constantFrom<TextEncodingName>('utf-8', 'utf-16le', 'utf-16be'),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 12 }),
        (text, encoding, withBom, cuts) => {
          // Without a BOM only UTF-8 is sniffed reliably from arbitrary text; UTF-16 needs ASCII-looking text.
          const bom = withBom || encoding !== 'utf-8';
          const data = encode(text, encoding, bom);
          const expected = !bom && text.startsWith('\ufeff') ? text.slice(1) : text;
          expect(decodeAll(splitAt(data, cuts))).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same text when the reader hands every chunk over in one reused Node Buffer', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 80 }),
        fc.constantFrom<TextEncodingName>('utf-8', 'utf-16le', 'utf-16be'),
        fc.array(fc.nat(), { maxLength: 12 }),
        (text, encoding, cuts) => {
          const data = encode(text, encoding, true);
          // As file-chunks.ts reads: each chunk copied into the same buffer, overwriting the one before.
          const shared = Buffer.alloc(data.length);
          const decoder = new StreamingTextDecoder();
          let decoded = '';
          for (const chunk of splitAt(data, cuts)) {
            shared.fill(0xff);
            shared.set(chunk);
            decoded += decoder.decode(shared.subarray(0, chunk.length));
          }
          expect(decoded + decoder.end()).toBe(text);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('CsvDecodeError', () => {
  it('names the offset of an invalid byte and tells the user what to do', () => {
    const error = decodeError([
      Buffer.concat([Buffer.from('name,city\nAnn,'), bytes(0xe9), Buffer.from('vry\n')]),
    ]);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CsvDecodeError');
    expect(error.offset).toBe(14);
    expect(error.encoding).toBe('utf-8');
    expect(error.message).toBe('not valid UTF-8 text near byte 14: re-save the file as UTF-8');
  });

  it('counts the byte order mark in the offset', () => {
    expect(decodeError([bytes(0xef, 0xbb, 0xbf, 0x61, 0x62, 0xff)]).offset).toBe(5);
  });

  it('locates a broken multi-byte character that straddles two chunks at its first byte', () => {
    // "é" is C3 A9; here C3 ends the first chunk and the second starts with a byte that cannot continue it.
    const error = decodeError([Buffer.from('x'.repeat(100) + 'ab'), bytes(0xc3), bytes(0x41, 0x42)]);
    expect(error.offset).toBe(102);
  });

  it('reports a character cut off by the end of the file', () => {
    expect(decodeError([Buffer.from('a,b\n1,'), bytes(0xe2, 0x82)]).offset).toBe(6);
  });

  it('reports an unpaired surrogate in UTF-16LE with its byte offset', () => {
    const data = Buffer.concat([
      encode('ab', 'utf-16le', true),
      bytes(0x00, 0xdc),
      encode('cd', 'utf-16le', false),
    ]);
    const error = decodeError([data]);
    expect(error.offset).toBe(6);
    expect(error.message).toBe('not valid UTF-16LE text near byte 6: re-save the file as UTF-8');
  });

  it('reports a UTF-16LE high surrogate that is followed by something other than a low surrogate', () => {
    const data = Buffer.concat([
      encode('x'.repeat(40), 'utf-16le', true),
      bytes(0x3d, 0xd8),
      encode('y', 'utf-16le', false),
    ]);
    expect(decodeError([data.subarray(0, 83), data.subarray(83)]).offset).toBe(82);
  });

  it('reports a dangling odd byte at the end of a UTF-16 file', () => {
    const data = Buffer.concat([encode('abc', 'utf-16le', true), bytes(0x64)]);
    expect(decodeError([data]).offset).toBe(8);
  });

  it('reports overlong encodings and encoded surrogates at their first byte', () => {
    const at = (...bad: number[]): number =>
      decodeError([Buffer.concat([Buffer.from('x'.repeat(70)), bytes(...bad), Buffer.from('y')])]).offset;
    expect(at(0xe0, 0x80, 0x80)).toBe(70); // overlong three-byte form of U+0000
    expect(at(0xc0, 0xaf)).toBe(70); // overlong "/"
    expect(at(0xed, 0xa0, 0x80)).toBe(70); // a UTF-16 surrogate, encoded as if it were a character
    expect(at(0xf0, 0x80, 0x80, 0x80)).toBe(70); // overlong four-byte form
    expect(at(0xf4, 0x90, 0x80, 0x80)).toBe(70); // past U+10FFFF
  });

  it('locates an invalid byte right after a chunk that ended just past a multi-byte character', () => {
    // The carried-over tail starts in the middle of "€" (E2 82 AC): that must not be mistaken for the error.
    const first = Buffer.from('x'.repeat(70) + '€a');
    expect(decodeError([first, bytes(0xff)]).offset).toBe(first.length);
  });

  it('locates a stray continuation byte at the start of a chunk that follows a complete character', () => {
    const first = Buffer.from('x'.repeat(70) + '😀');
    expect(decodeError([first, bytes(0x80, 0x61, 0xff)]).offset).toBe(first.length);
  });

  it('locates a lone low surrogate that arrives split across two chunks', () => {
    expect(decodeError([bytes(0xff, 0xfe, 0x00), bytes(0xdc)]).offset).toBe(2);
  });

  it('locates an unpaired UTF-16 surrogate right after a chunk that ended just past a surrogate pair', () => {
    const pair = encode('x'.repeat(40) + '😀', 'utf-16le', true);
    // The first chunk ends with the pair and half of "y"; the second finishes "y" and has a lone low surrogate.
    const error = decodeError([Buffer.concat([pair, bytes(0x79)]), bytes(0x00, 0x00, 0xdc)]);
    expect(error.offset).toBe(pair.length + 2);
  });

  // Inputs are made longer than the 64 bytes held back for sniffing, so that errors turn up in later chunks too.
  it('finds the first invalid UTF-8 byte however the input is chunked', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 120 }),
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (before, after, cuts) => {
          // The leading "x" keeps the input from starting with something that looks like a byte order mark.
          const prefix = Buffer.from('x' + before, 'utf8');
          const data = Buffer.concat([prefix, bytes(0xff), Buffer.from(after, 'utf8')]);
          expect(decodeError(splitAt(data, cuts)).offset).toBe(prefix.length);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('finds the first unpaired UTF-16 surrogate however the input is chunked', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 80 }),
        fc.constantFrom([0x00, 0xdc], [0x3d, 0xd8, 0x41, 0x00], [0x3d, 0xd8]),
        fc.string({ unit: 'grapheme', maxLength: 20 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (before, bad, after, cuts) => {
          const prefix = encode(before, 'utf-16le', true);
          // A lone high surrogate at the very end is cut off by the end of the file; elsewhere it is unpaired.
          const data = Buffer.concat([prefix, bytes(...bad), encode(after, 'utf-16le', false)]);
          expect(decodeError(splitAt(data, cuts)).offset).toBe(prefix.length);
        },
      ),
      { numRuns: 500 },
    );
  });
});
