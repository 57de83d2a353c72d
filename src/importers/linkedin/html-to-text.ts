/**
 * LinkedIn message CONTENT carries HTML since about 2021 (`<p>`, `<br>`, `<li>`, `&nbsp;`, `&rsquo;`…,
 * import-formats.md §2.4). Stored and searched as plain text with entities decoded.
 */

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  rsquo: '\u2019',
  lsquo: '\u2018',
  rdquo: '\u201d',
  ldquo: '\u201c',
  bull: '\u2022',
  hellip: '\u2026',
  mdash: '\u2014',
  ndash: '\u2013',
  eacute: 'é',
  egrave: 'è',
  aacute: 'á',
  agrave: 'à',
  ouml: 'ö',
  uuml: 'ü',
  auml: 'ä',
  szlig: 'ß',
  ccedil: 'ç',
  ntilde: 'ñ',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  pound: '£',
  middot: '·',
  laquo: '«',
  raquo: '»',
  times: '×',
  shy: '',
};

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

const TAG = /<\s*(\/?)\s*([a-z0-9]*)[^>]*>/gi;
// Not `li`: the next item's bullet starts its line, so `</li><li>` must not add a blank line.
const BLOCK_END = new Set(['p', 'div', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** One pass over the tags (this runs for every imported message): line breaks where blocks end, bullets for items. */
function replaceTag(_whole: string, closing: string, name: string): string {
  const tag = name.toLowerCase();
  if (tag === 'br') return '\n';
  if (!closing && tag === 'li') return '\n• ';
  return closing && BLOCK_END.has(tag) ? '\n' : '';
}

export function htmlToText(raw: string): string {
  // 2026 CONTENT carries real CRLF and LF breaks inside quotes: plain text gets one kind of line break.
  const content = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (!content.includes('<')) return decodeEntities(content).trim();
  let text = decodeEntities(content.replace(TAG, replaceTag));
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
