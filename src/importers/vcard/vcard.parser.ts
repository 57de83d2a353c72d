/**
 * vCard 2.1, 3.0 and 4.0 as real clients write them (docs/rules/contacts.md#vcard): bytes → cards of
 * properties, each value decoded with its own encoding and charset. Works on the bytes as a latin1 string
 * (one character per byte), so folding and quoted-printable soft breaks are undone before any charset
 * decoding, as 2.1 requires.
 */
import { Buffer, isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';

export interface VCardProperty {
  /** `item1` of `item1.EMAIL`, lower case; null when ungrouped. */
  group: string | null;
  /** Upper case (`EMAIL`, `X-ABLABEL`). */
  name: string;
  /** Parameter names upper case; values as written, unquoted (a bare 2.1 type is a `TYPE` value). */
  params: Map<string, string[]>;
  /** The value decoded to text (quoted-printable and charset undone); escapes (`\,`) still in place. */
  value: string;
  /** The value's bytes when it was base64 (`ENCODING=b`, `BASE64`), else null. */
  bytes: Uint8Array | null;
  line: number;
}

export interface VCard {
  line: number;
  version: string | null;
  properties: VCardProperty[];
}

/** The file is not a usable vCard file: the message names the line and what to do. */
export class VCardParseError extends Error {
  override readonly name = 'VCardParseError';
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

interface LogicalLine {
  text: string;
  line: number;
}

const QP_HEAD = /(?:^|;)\s*(?:ENCODING\s*=\s*)?QUOTED-PRINTABLE\s*(?:;|:|$)/i;
const BASE64_HEAD = /(?:^|;)\s*(?:ENCODING\s*=\s*)?(?:BASE64|B)\s*(?:;|:|$)/i;
const BASE64_LINE = /^[A-Za-z0-9+/=]+$/;

/** The part before the value's colon, outside double quotes (a 4.0 LABEL parameter may hold a colon). */
function headEnd(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 34) quoted = !quoted;
    else if (char === 58 && !quoted) return i;
  }
  return -1;
}

/**
 * Physical lines → logical lines: a line starting with a space or tab continues the previous one (one
 * leading whitespace character removed, the rest kept: Google folds inside words and leaves spaces at line
 * ends; two in a file folded with two spaces throughout); a quoted-printable value ending in `=` continues on the next line as it is (2.1 soft break); a 2.1
 * base64 block runs on over unindented lines until a blank line.
 */
function logicalLines(text: string): LogicalLine[] {
  const physical = text.split(/\r\n|\n|\r/);
  // The old Mac Address Book folds with two spaces throughout: a file with no one-space fold is read so.
  const foldWidth =
    physical.some((line) => /^ \S/.test(line)) || !physical.some((line) => /^ {2}/.test(line)) ? 1 : 2;
  const lines: LogicalLine[] = [];
  let current: LogicalLine | null = null;
  let quotedPrintable = false;
  let base64 = false;
  for (let index = 0; index < physical.length; index++) {
    const raw = physical[index] ?? '';
    const number = index + 1;
    if (current && quotedPrintable && current.text.endsWith('=')) {
      current.text = current.text.slice(0, -1) + raw;
      continue;
    }
    if (current && (raw.startsWith(' ') || raw.startsWith('\t'))) {
      current.text += base64 ? raw.trim() : raw.slice(foldWidth);
      continue;
    }
    if (current && base64 && raw.length > 0 && BASE64_LINE.test(raw)) {
      current.text += raw;
      continue;
    }
    if (raw.trim().length === 0) {
      base64 = false;
      continue;
    }
    current = { text: raw, line: number };
    lines.push(current);
    const end = headEnd(raw);
    const head = end === -1 ? raw : raw.slice(0, end);
    quotedPrintable = QP_HEAD.test(head);
    base64 = BASE64_HEAD.test(head);
  }
  return lines;
}

/** Splits on `separator` outside double quotes. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (char === separator && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

const unquote = (value: string) =>
  value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;

/** Bare 2.1 parameters that are an encoding or a charset, not a type. */
const BARE_ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);

function parseParams(parts: readonly string[]): Map<string, string[]> {
  const params = new Map<string, string[]>();
  const add = (name: string, values: string[]) => params.set(name, [...(params.get(name) ?? []), ...values]);
  for (const part of parts) {
    const trimmed = part.trim();
    if (trimmed.length === 0) continue;
    const equals = trimmed.indexOf('=');
    if (equals === -1) {
      const upper = trimmed.toUpperCase();
      add(BARE_ENCODINGS.has(upper) ? 'ENCODING' : 'TYPE', [trimmed]);
      continue;
    }
    const name = trimmed.slice(0, equals).trim().toUpperCase();
    const value = trimmed.slice(equals + 1).trim();
    // 4.0 comma lists (`TYPE=work,voice`, also quoted); a LABEL's commas are text.
    const values =
      name === 'TYPE'
        ? splitOutsideQuotes(value, ',').flatMap((type) => unquote(type).split(','))
        : [unquote(value).replace(/\\n/gi, '\n')];
    add(name, values);
  }
  return params;
}

function decodeQuotedPrintable(text: string): string {
  // Bytes as latin1 characters; a stray `=` that starts no hex pair is kept as written.
  return text.replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const decoders = new Map<string, TextDecoder>();

function decodeCharset(latin1: string, charset: string | undefined, line: number): string {
  // Pure ASCII needs no decoding whatever the charset says.
  if (!/[^\p{ASCII}]/u.test(latin1)) return latin1;
  const bytes = Buffer.from(latin1, 'latin1');
  const label = (charset ?? '').trim().toLowerCase();
  if (label === '' || label === 'utf-8' || label === 'utf8') {
    // Without a charset, 2.1 writers used the system code page: not UTF-8 means windows-1252. A value
    // that says UTF-8 keeps its valid characters (Android cuts multi-byte characters at a length limit).
    if (isUtf8(bytes) || label !== '') return bytes.toString('utf8');
    return decode(bytes, 'windows-1252', line);
  }
  return decode(bytes, label, line);
}

function decode(bytes: Uint8Array, label: string, line: number): string {
  let decoder = decoders.get(label);
  if (!decoder) {
    try {
      decoder = new TextDecoder(label === 'us-ascii' ? 'windows-1252' : label);
    } catch {
      throw new VCardParseError(
        line,
        `unknown CHARSET "${label}": export the address book as UTF-8 (or vCard 3.0/4.0) and import it again`,
      );
    }
    decoders.set(label, decoder);
  }
  return decoder.decode(bytes);
}

function parseProperty(logical: LogicalLine): VCardProperty | null {
  const { text, line } = logical;
  const end = headEnd(text);
  if (end === -1) return null;
  const head = splitOutsideQuotes(text.slice(0, end), ';');
  const fullName = (head[0] ?? '').trim();
  const dot = fullName.lastIndexOf('.');
  const group = dot === -1 ? null : fullName.slice(0, dot).toLowerCase();
  const name = (dot === -1 ? fullName : fullName.slice(dot + 1)).toUpperCase();
  if (!/^[A-Z0-9-]+$/.test(name)) return null;
  const params = parseParams(head.slice(1));
  const encoding = (params.get('ENCODING')?.[0] ?? '').toUpperCase();
  let raw = text.slice(end + 1);
  if (encoding === 'B' || encoding === 'BASE64') {
    return { group, name, params, value: '', bytes: Buffer.from(raw.replace(/\s+/g, ''), 'base64'), line };
  }
  if (encoding === 'QUOTED-PRINTABLE') raw = decodeQuotedPrintable(raw);
  const value = decodeCharset(raw, params.get('CHARSET')?.[0], line);
  return { group, name, params, value, bytes: null, line };
}

/** Where the text has a byte no text file has (a binary file named .vcf), or -1. */
function looksBinary(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 0x08 || (code >= 0x0e && code <= 0x1a)) return i;
  }
  return -1;
}

/**
 * Every card of a vCard file. Throws VCardParseError when the file is not a vCard file, a card is cut off
 * (no END:VCARD), a charset is unknown, or the bytes are binary: the file is then not imported at all.
 */
export function parseVCards(bytes: Uint8Array): VCard[] {
  let buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Outlook can save UTF-16 with a byte order mark: made UTF-8 first, so the rest reads bytes one way.
  if (buffer[0] === 0xff && buffer[1] === 0xfe) buffer = Buffer.from(buffer.subarray(2).toString('utf16le'));
  else if (buffer[0] === 0xfe && buffer[1] === 0xff)
    buffer = Buffer.from(
      Buffer.from(buffer.subarray(2, buffer.length - (buffer.length % 2)))
        .swap16()
        .toString('utf16le'),
    );
  let text = buffer.toString('latin1');
  if (text.startsWith('\xef\xbb\xbf')) text = text.slice(3);
  const binary = looksBinary(text);
  if (binary !== -1) {
    const line = text.slice(0, binary).split('\n').length;
    throw new VCardParseError(line, 'binary data, not a vCard text file');
  }
  const cards: VCard[] = [];
  let card: VCard | null = null;
  let depth = 0;
  for (const logical of logicalLines(text)) {
    const upper = logical.text.trim().toUpperCase();
    if (upper === 'BEGIN:VCARD' || upper.endsWith(':BEGIN:VCARD')) {
      // A 2.1 AGENT may embed a whole card: it belongs to the outer one and is skipped.
      if (card) depth++;
      else card = { line: logical.line, version: null, properties: [] };
      continue;
    }
    if (upper === 'END:VCARD') {
      if (!card) throw new VCardParseError(logical.line, 'END:VCARD without a BEGIN:VCARD before it');
      if (depth > 0) depth--;
      else {
        cards.push(card);
        card = null;
      }
      continue;
    }
    if (!card) {
      if (cards.length === 0)
        throw new VCardParseError(logical.line, 'not a vCard file: it does not start with BEGIN:VCARD');
      throw new VCardParseError(logical.line, 'text between cards, outside BEGIN:VCARD … END:VCARD');
    }
    if (depth > 0) continue;
    const property = parseProperty(logical);
    if (!property) continue;
    if (property.name === 'VERSION') card.version = property.value.trim();
    card.properties.push(property);
  }
  if (card)
    throw new VCardParseError(
      card.line,
      'the card starting here has no END:VCARD: the file is cut off; export the address book again',
    );
  if (cards.length === 0) throw new VCardParseError(1, 'not a vCard file: it has no BEGIN:VCARD');
  return cards;
}
