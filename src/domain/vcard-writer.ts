import type { Person } from './person.js';

/** What a person's exported card says (docs/rules/export.md#vcard): their own fields, then their identities. */
export interface CardOfPerson extends Pick<
  Person,
  'id' | 'firstName' | 'lastName' | 'name' | 'company' | 'position' | 'location'
> {
  emails: readonly string[];
  phones: readonly string[];
  /** Profile URLs as stored: `linkedin.com/in/slug`, without a scheme. */
  urls: readonly string[];
  tags: readonly string[];
  note: string | null;
}

/** RFC 6350 3.4: backslash, comma, semicolon and newlines escaped in text values. */
function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * RFC 6350 3.2: lines longer than 75 octets are folded, a CRLF and a space before each continuation, never
 * inside a UTF-8 sequence (Apple and Google read such cards; a split character would not survive).
 */
function folded(line: string): string {
  const bytes = new TextEncoder().encode(line);
  const decoder = new TextDecoder();
  if (bytes.length <= 75) return `${line}\r\n`;
  const parts: string[] = [];
  let start = 0;
  let limit = 75;
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    // Back off to the start of a character: continuation bytes are 10xxxxxx.
    while (end < bytes.length && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
    parts.push(decoder.decode(bytes.subarray(start, end)));
    start = end;
    limit = 74;
  }
  return `${parts.join('\r\n ')}\r\n`;
}

const webUrl = (stored: string) => (/^https?:\/\//i.test(stored) ? stored : `https://www.${stored}`);

/** One person as a vCard 4.0. */
export function vcardOf(card: CardOfPerson): string {
  const lines = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    `FN:${escapeText(card.name || [card.firstName, card.lastName].join(' ').trim() || 'Unnamed')}`,
    `N:${escapeText(card.lastName)};${escapeText(card.firstName)};;;`,
  ];
  if (card.company) lines.push(`ORG:${escapeText(card.company)}`);
  if (card.position) lines.push(`TITLE:${escapeText(card.position)}`);
  for (const email of card.emails) lines.push(`EMAIL;TYPE=work:${email}`);
  for (const phone of card.phones) lines.push(`TEL:${escapeText(phone)}`);
  for (const url of card.urls) lines.push(`URL:${webUrl(url)}`);
  if (card.location) lines.push(`ADR;TYPE=work:;;;${escapeText(card.location)};;;`);
  if (card.tags.length > 0) lines.push(`CATEGORIES:${card.tags.map(escapeText).join(',')}`);
  if (card.note) lines.push(`NOTE:${escapeText(card.note)}`);
  lines.push(`UID:urn:tend:person:${card.id}`, 'END:VCARD');
  return lines.map(folded).join('');
}
