/**
 * LinkedIn message CONTENT carries HTML since about 2021 (`<p>`, `<br>`, `<li>`, `&nbsp;`, `&rsquo;`…,
 * docs/rules/linkedin-export.md#html-content). Stored and searched as plain text with entities decoded.
 */
import { multiLine } from '../../domain/imported-text.js';
import { isWhitespaceCode } from '../../domain/text-normalization.js';

const NAMED_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', ' '],
  ['rsquo', '\u2019'],
  ['lsquo', '\u2018'],
  ['rdquo', '\u201d'],
  ['ldquo', '\u201c'],
  ['bull', '\u2022'],
  ['hellip', '\u2026'],
  ['mdash', '\u2014'],
  ['ndash', '\u2013'],
  ['eacute', 'é'],
  ['egrave', 'è'],
  ['aacute', 'á'],
  ['agrave', 'à'],
  ['ouml', 'ö'],
  ['uuml', 'ü'],
  ['auml', 'ä'],
  ['szlig', 'ß'],
  ['ccedil', 'ç'],
  ['ntilde', 'ñ'],
  ['copy', '©'],
  ['reg', '®'],
  ['trade', '™'],
  ['euro', '€'],
  ['pound', '£'],
  ['middot', '·'],
  ['laquo', '«'],
  ['raquo', '»'],
  ['times', '×'],
  ['shy', ''],
]);

const SEMICOLON = 0x3b;
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
const isLetter = (code: number) => (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
const isHexDigit = (code: number) => isDigit(code) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x66);

/** The end (after `;`) of the entity `&#x…;`, `&#…;` or `&name…;` starting at `amp`, or -1. */
function entityEnd(text: string, amp: number): number {
  let i = amp + 1;
  if (text.charCodeAt(i) === 0x23) {
    i++;
    const hex = (text.charCodeAt(i) | 0x20) === 0x78;
    if (hex) i++;
    const digits = i;
    while (hex ? isHexDigit(text.charCodeAt(i)) : isDigit(text.charCodeAt(i))) i++;
    return i > digits && text.charCodeAt(i) === SEMICOLON ? i + 1 : -1;
  }
  while (isLetter(text.charCodeAt(i))) i++;
  if (i === amp + 1) return -1;
  while (isDigit(text.charCodeAt(i))) i++;
  return text.charCodeAt(i) === SEMICOLON ? i + 1 : -1;
}

function entityText(entity: string): string {
  const body = entity.slice(1, -1);
  if (body.charCodeAt(0) === 0x23) {
    const hex = (body.charCodeAt(1) | 0x20) === 0x78;
    const code = hex ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  }
  return NAMED_ENTITIES.get(body) ?? NAMED_ENTITIES.get(body.toLowerCase()) ?? entity;
}

/** Named and numeric character references decoded; anything else (`&`, `&unknown;`) stays as written. */
export function decodeEntities(text: string): string {
  let amp = text.indexOf('&');
  if (amp === -1) return text;
  let out = '';
  let from = 0;
  while (amp !== -1) {
    const end = entityEnd(text, amp);
    if (end === -1) {
      amp = text.indexOf('&', amp + 1);
      continue;
    }
    out += text.slice(from, amp) + entityText(text.slice(amp, end));
    from = end;
    amp = text.indexOf('&', end);
  }
  return from === 0 ? text : out + text.slice(from);
}

// Not `li`: the next item's bullet starts its line, so `</li><li>` must not add a blank line.
const BLOCK_END = new Set(['p', 'div', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

function tagText(closing: boolean, name: string): string {
  const tag = name.toLowerCase();
  if (tag === 'br') return '\n';
  if (!closing && tag === 'li') return '\n• ';
  return closing && BLOCK_END.has(tag) ? '\n' : '';
}

const isTagNameCode = (code: number) => isDigit(code) || isLetter(code);

/**
 * Every `<…>` replaced: line breaks where blocks end, bullets for items, nothing for other tags. A tag runs
 * from `<` to the next `>` (`<\s*(\/?)\s*([a-z0-9]*)[^>]*>`, scanned by hand: this runs for every message).
 */
function replaceTags(text: string, firstTag: number): string {
  let out = '';
  let from = 0;
  for (let lt = firstTag; lt !== -1; lt = text.indexOf('<', from)) {
    const gt = text.indexOf('>', lt + 1);
    // No `>` after this `<`: none after any later one either.
    if (gt === -1) break;
    let i = lt + 1;
    while (i < gt && isWhitespaceCode(text.charCodeAt(i))) i++;
    const closing = text.charCodeAt(i) === 0x2f;
    if (closing) {
      i++;
      while (i < gt && isWhitespaceCode(text.charCodeAt(i))) i++;
    }
    const name = i;
    while (i < gt && isTagNameCode(text.charCodeAt(i))) i++;
    out += text.slice(from, lt) + tagText(closing, text.slice(name, i));
    from = gt + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Plain text of a message or note as stored: markup and entities gone, and any control character (`&#27;`). */
export function htmlToText(raw: string): string {
  return multiLine(markupToText(raw));
}

function markupToText(raw: string): string {
  // 2026 CONTENT carries real CRLF and LF breaks inside quotes: plain text gets one kind of line break.
  const content = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  const firstTag = content.indexOf('<');
  if (firstTag === -1) return decodeEntities(content).trim();
  // Entities after tags: `&lt;p&gt;` is text, and a removed tag may join an entity's halves.
  let text = decodeEntities(replaceTags(content, firstTag));
  // A list item starts its own line, never after a blank one (`</p><ul><li>`, `<li><p>…</p></li><li>`).
  if (text.includes('\n• ')) text = text.replace(/\n{2,}• /g, '\n• ');
  if (!/[ \t\u00a0]{2}|\n[ \t]|[ \t]\n|\n\n\n|\u00a0/.test(text)) return text.trim();
  return text
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The form used to recognise the same message across eras: markup removed, whitespace collapsed. */
export function normalizedMessageText(content: string): string {
  return htmlToText(content).replace(/\s+/g, ' ').trim();
}
