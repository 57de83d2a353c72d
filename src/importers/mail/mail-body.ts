/**
 * A message body's readable text, for `import --keep-bodies` only (docs/rules/mail.md#bodies): the first
 * `text/plain` part (else `text/html` without its markup), its transfer encoding (base64, quoted-printable)
 * and charset undone, nested multiparts followed. Attachments are never read.
 */
import { Buffer } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { rawHeaders } from './mail-headers.js';

const MAX_DEPTH = 5;

function parameter(contentType: string, name: string): string | null {
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(contentType);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

function decodeTransfer(bytes: Buffer, encoding: string | null): Buffer {
  if (encoding === 'base64')
    return Buffer.from(bytes.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (encoding === 'quoted-printable') {
    const text = bytes
      .toString('latin1')
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-Fa-f]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(text, 'latin1');
  }
  return bytes;
}

function decodeCharset(bytes: Buffer, charset: string | null): string {
  try {
    return new TextDecoder(charset && !/^(us-)?ascii$/i.test(charset) ? charset : 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function htmlToText(html: string): string {
  return html
    .replace(/<(style|script)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<br\s*\/?>|<\/p>|<\/div>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_match, code: string) => String.fromCodePoint(Number(code)));
}

interface Part {
  type: string;
  text: string;
}

function partsOf(contentType: string | null, encoding: string | null, body: Buffer, depth: number): Part[] {
  const type = (contentType ?? 'text/plain').split(';')[0]?.trim().toLowerCase() ?? 'text/plain';
  if (type.startsWith('multipart/')) {
    const boundary = contentType ? parameter(contentType, 'boundary') : null;
    if (!boundary || depth >= MAX_DEPTH) return [];
    const text = body.toString('latin1');
    const pieces = text.split(`--${boundary}`).slice(1);
    const parts: Part[] = [];
    for (const piece of pieces) {
      if (piece.startsWith('--')) break;
      const split = /\r?\n\r?\n/.exec(piece);
      const head = split ? piece.slice(0, split.index) : piece;
      const content = split ? piece.slice(split.index + split[0].length) : '';
      const headers = rawHeaders(head.replace(/^\r?\n/, ''));
      parts.push(
        ...partsOf(
          headers.get('content-type') ?? 'text/plain',
          headers.get('content-transfer-encoding')?.toLowerCase() ?? null,
          Buffer.from(content, 'latin1'),
          depth + 1,
        ),
      );
    }
    return parts;
  }
  if (type !== 'text/plain' && type !== 'text/html') return [];
  const decoded = decodeCharset(
    decodeTransfer(body, encoding),
    contentType ? parameter(contentType, 'charset') : null,
  );
  return [{ type, text: type === 'text/html' ? htmlToText(decoded) : decoded }];
}

/** The body's text, whitespace collapsed, at most `limit` characters; null when it has none. */
export function bodyText(
  contentType: string | null,
  encoding: string | null,
  body: Buffer,
  limit: number,
): string | null {
  const parts = partsOf(contentType, encoding, body, 0);
  const chosen = parts.find((part) => part.type === 'text/plain') ?? parts[0];
  const text = chosen?.text.replace(/\s+/g, ' ').trim() ?? '';
  return text === '' ? null : text.slice(0, limit);
}
