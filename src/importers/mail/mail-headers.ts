/**
 * The headers of one message (RFC 5322) → what tend reads of them (docs/rules/mail.md#headers): addresses,
 * date, subject, thread ids, Gmail's labels and what marks a list or a robot. Only those headers are
 * decoded; the bytes come as a latin1 string (one character per byte), unfolded here; 8-bit text is UTF-8
 * when it is valid UTF-8, else windows-1252; RFC 2047 encoded words are decoded with their charset.
 */
import { Buffer, isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';

export interface MailAddress {
  /** Lower case. */
  address: string;
  name: string | null;
}

export interface MailHeaders {
  from: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  bcc: MailAddress[];
  /** UTC milliseconds, or null when the Date header is missing or unreadable. */
  date: number | null;
  dateText: string | null;
  subject: string | null;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  /** Gmail's thread id (`X-GM-THRID`): a decimal beyond 2^53, kept as text. */
  gmailThreadId: string | null;
  gmailLabels: string[];
  listId: string | null;
  listUnsubscribe: boolean;
  precedence: string | null;
  autoSubmitted: string | null;
  contentType: string | null;
  contentTransferEncoding: string | null;
}

const WANTED = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'date',
  'subject',
  'message-id',
  'in-reply-to',
  'references',
  'x-gm-thrid',
  'x-gmail-labels',
  'list-id',
  'list-unsubscribe',
  'precedence',
  'auto-submitted',
  'content-type',
  'content-transfer-encoding',
]);

/** Header name → its unfolded raw value (first occurrence), for the headers tend reads. */
export function rawHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  let name: string | null = null;
  let value = '';
  const flush = () => {
    if (name !== null && !headers.has(name)) headers.set(name, value.trim());
    name = null;
  };
  let start = 0;
  while (start < block.length) {
    let end = block.indexOf('\n', start);
    if (end < 0) end = block.length;
    const line = block.slice(start, end > start && block.charCodeAt(end - 1) === 13 ? end - 1 : end);
    start = end + 1;
    const first = line.charCodeAt(0);
    if (first === 32 || first === 9) {
      if (name !== null) value += ' ' + line.trim();
      continue;
    }
    flush();
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    if (!WANTED.has(key)) continue;
    name = key;
    value = line.slice(colon + 1);
  }
  flush();
  return headers;
}

const decoders = new Map<string, TextDecoder>();
function decoderFor(charset: string): TextDecoder | null {
  const key = charset.toLowerCase();
  let decoder = decoders.get(key);
  if (decoder) return decoder;
  try {
    decoder = new TextDecoder(key === 'ascii' || key === 'us-ascii' ? 'windows-1252' : key);
  } catch {
    return null;
  }
  decoders.set(key, decoder);
  return decoder;
}

/** 8-bit header text (RFC 6532 UTF-8, or an old client's windows-1252), from its latin1 reading. */
function eightBit(text: string): string {
  // eslint-disable-next-line no-control-regex -- the test is for bytes above ASCII
  if (!/[^\u0000-\u007f]/.test(text)) return text;
  const bytes = Buffer.from(text, 'latin1');
  return (isUtf8(bytes) ? decoderFor('utf-8') : decoderFor('windows-1252'))?.decode(bytes) ?? text;
}

const ENCODED_WORD = /=\?([^?*]+)(?:\*[^?]*)?\?([bBqQ])\?([^?]*)\?=/g;

/** RFC 2047 encoded words decoded; whitespace between two encoded words dropped, as the RFC says. */
export function decodeWords(raw: string): string {
  const text = eightBit(raw).replace(/(\?=)\s+(=\?)/g, '$1$2');
  return text.replace(ENCODED_WORD, (word, charset: string, encoding: string, data: string) => {
    const decoder = decoderFor(charset);
    if (!decoder) return word;
    const bytes =
      encoding.toLowerCase() === 'b'
        ? Buffer.from(data, 'base64')
        : Buffer.from(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9a-fA-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          );
    return decoder.decode(bytes);
  });
}

/** Splits an address list on commas outside quotes, angle brackets, comments and groups' names. */
function splitList(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let angle = false;
  let current = '';
  for (let index = 0; index < value.length; index++) {
    const char = value[index] ?? '';
    if (quoted) {
      if (char === '\\') {
        current += char + (value[index + 1] ?? '');
        index++;
        continue;
      }
      if (char === '"') quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === '(') depth++;
    else if (char === ')' && depth > 0) depth--;
    else if (char === '<') angle = true;
    else if (char === '>') angle = false;
    else if ((char === ',' || char === ';') && depth === 0 && !angle) {
      parts.push(current);
      current = '';
      continue;
    } else if (char === ':' && depth === 0 && !angle && !current.includes('@')) {
      // "undisclosed-recipients:" or a group's name: what follows are its members.
      current = '';
      continue;
    }
    current += char;
  }
  parts.push(current);
  return parts;
}

const ADDRESS = /^[^@\s<>()",;]+@[^@\s<>()",;]+\.[^@\s<>()",;]+$/;

/** `"Name" <a@b.c>`, `Name <a@b.c>`, `a@b.c (Name)`, `a@b.c`; anything without an address is left out. */
export function parseAddresses(raw: string | undefined): MailAddress[] {
  if (!raw) return [];
  const addresses: MailAddress[] = [];
  for (const part of splitList(raw)) {
    const trimmed = part.trim();
    if (trimmed === '') continue;
    const angle = /<([^<>]*)>/.exec(trimmed);
    let address = (angle ? angle[1] : trimmed.replace(/\(.*?\)/g, ''))?.trim().replace(/^mailto:/i, '') ?? '';
    address = address.replace(/^"|"$/g, '').toLowerCase();
    if (!ADDRESS.test(address)) continue;
    let name = angle ? trimmed.slice(0, angle.index) : (/\((.*)\)/.exec(trimmed)?.[1] ?? '');
    name = decodeWords(name.trim().replace(/^"|"$/g, '').replace(/\\(.)/g, '$1')).trim();
    addresses.push({ address, name: name && name.toLowerCase() !== address ? name : null });
  }
  return addresses;
}

const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};
const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  cet: 60,
  cest: 120,
  met: 60,
  mest: 120,
  bst: 60,
  ist: 330,
  jst: 540,
};

const DATE =
  /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([+-]\d{4}|[A-Za-z]{1,5})?/;

/** RFC 5322 dates with the obsolete forms real mail has (two-digit years, named zones, no seconds). */
export function parseMailDate(raw: string): number | null {
  const match = DATE.exec(raw);
  if (!match) return null;
  const month = MONTHS[(match[2] ?? '').toLowerCase()];
  if (month === undefined) return null;
  let year = Number(match[3]);
  if (year < 50) year += 2000;
  else if (year < 1000) year += 1900;
  const zone = match[7] ?? '+0000';
  let offsetMinutes: number;
  if (/^[+-]\d{4}$/.test(zone)) {
    const sign = zone.startsWith('-') ? -1 : 1;
    offsetMinutes = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
  } else offsetMinutes = ZONES[zone.toLowerCase()] ?? 0;
  const [day, hour, minute, second] = [match[1], match[4], match[5], match[6] ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
  ];
  if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  return Date.UTC(year, month, day, hour, minute, second) - offsetMinutes * 60_000;
}

function messageIds(raw: string | undefined): string[] {
  if (!raw) return [];
  const ids = raw.match(/<[^<>\s]+>/g);
  return ids ? ids.map((id) => id.toLowerCase()) : raw.trim() ? [raw.trim().toLowerCase()] : [];
}

/** The headers of one message, from its header block read as latin1. */
export function parseMailHeaders(block: string): MailHeaders {
  const raw = rawHeaders(block);
  const dateText = raw.get('date') ?? null;
  const subject = raw.get('subject');
  const labels = raw.get('x-gmail-labels');
  return {
    from: parseAddresses(raw.get('from'))[0] ?? null,
    to: parseAddresses(raw.get('to')),
    cc: parseAddresses(raw.get('cc')),
    bcc: parseAddresses(raw.get('bcc')),
    date: dateText ? parseMailDate(dateText) : null,
    dateText,
    subject: subject === undefined ? null : decodeWords(subject).replace(/\s+/g, ' ').trim() || null,
    messageId: messageIds(raw.get('message-id'))[0] ?? null,
    inReplyTo: messageIds(raw.get('in-reply-to'))[0] ?? null,
    references: messageIds(raw.get('references')),
    gmailThreadId: raw.get('x-gm-thrid')?.trim() || null,
    gmailLabels: labels
      ? decodeWords(labels)
          .split(',')
          .map((label) => label.trim())
          .filter(Boolean)
      : [],
    listId: raw.get('list-id') ?? null,
    listUnsubscribe: raw.has('list-unsubscribe'),
    precedence: raw.get('precedence')?.toLowerCase() ?? null,
    autoSubmitted: raw.get('auto-submitted')?.toLowerCase() ?? null,
    contentType: raw.get('content-type') ?? null,
    contentTransferEncoding: raw.get('content-transfer-encoding')?.toLowerCase() ?? null,
  };
}
