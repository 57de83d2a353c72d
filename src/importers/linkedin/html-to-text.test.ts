import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToText, normalizedMessageText } from './html-to-text.js';
import { multiLine } from '../../domain/imported-text.js';

describe('message CONTENT as plain text', () => {
  it('decodes the entities LinkedIn writes and breaks lines at <br> and block ends', () => {
    expect(
      htmlToText(
        '<p>Hi Linnea,<br>the mock-ups are ready.</p><p>Shall I&nbsp;send them &amp; the notes?</p>',
      ),
    ).toBe('Hi Linnea,\nthe mock-ups are ready.\nShall I send them & the notes?');
    expect(htmlToText('<p>Let&rsquo;s talk &ndash; Chlo&eacute; &bull; &#8364;5 &#x1F680;</p>')).toBe(
      'Let’s talk – Chloé • €5 🚀',
    );
  });

  it('puts each list item on its own line, without blank lines between items', () => {
    expect(
      htmlToText('<p>For the Q3 review we need:</p><ul><li>Rates</li><li>Lanes &amp; volumes</li></ul>'),
    ).toBe('For the Q3 review we need:\n• Rates\n• Lanes & volumes');
    expect(htmlToText('<ul><li><p>One</p></li><li><p>Two</p></li></ul>')).toBe('• One\n• Two');
  });

  it('gives 2026 multi-line CONTENT one kind of line break, whether it came as CRLF, CR or LF', () => {
    expect(htmlToText('Hi Linnea,\r\nthanks for connecting.\nIstanbul Freight\rsays hi.')).toBe(
      'Hi Linnea,\nthanks for connecting.\nIstanbul Freight\nsays hi.',
    );
    expect(htmlToText('<p>One\r\ntwo</p>')).toBe('One\ntwo');
  });

  it('compares across eras without markup or whitespace differences', () => {
    expect(normalizedMessageText('<p>Sure, here are the ones:\r\nonboarding &amp; billing.</p>')).toBe(
      normalizedMessageText('Sure, here are the ones: onboarding & billing.'),
    );
  });
});

// The regular-expression version the scanner replaced (with `&constructor;` and the like left as text),
// kept as the definition the scanner must match on any input.
const REFERENCE_ENTITIES: Readonly<Record<string, string>> = {
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

function referenceDecodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    const named = (key: string) =>
      Object.hasOwn(REFERENCE_ENTITIES, key) ? REFERENCE_ENTITIES[key] : undefined;
    return named(body) ?? named(body.toLowerCase()) ?? whole;
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

function referenceHtmlToText(raw: string): string {
  // 2026 CONTENT carries real CRLF and LF breaks inside quotes: plain text gets one kind of line break.
  const content = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (!content.includes('<')) return referenceDecodeEntities(content).trim();
  let text = referenceDecodeEntities(content.replace(TAG, replaceTag));
  // A list item starts its own line, never after a blank one (`</p><ul><li>`, `<li><p>…</p></li><li>`).
  if (text.includes('\n• ')) text = text.replace(/\n{2,}• /g, '\n• ');
  if (!/[ \t\u00a0]{2}|\n[ \t]|[ \t]\n|\n\n\n|\u00a0/.test(text)) return text.trim();
  return text
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const htmlPiece = fc.constantFrom(
  '<',
  '>',
  '/',
  ' ',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '\u00a0',
  '\u2003',
  '&',
  ';',
  '#',
  'x',
  'X',
  '1',
  '9',
  'F',
  'g',
  'p',
  'P',
  'br',
  'BR',
  'li',
  'ul',
  'div',
  'h2',
  'span',
  'amp',
  'nbsp',
  'rsquo',
  'Eacute',
  'constructor',
  '<p>',
  '<div>',
  '</div>',
  '</DIV >',
  '<h2>',
  '</h2>',
  '</ol>',
  '<li class="x">',
  '</p>',
  '<br/>',
  '< / li >',
  '<li>',
  '</ul>',
  '&amp;',
  '&#x1F680;',
  '&#8364;',
  '&#0;',
  '&#99999999;',
  '&lt;p&gt;',
  '• ',
  'é',
  'Łódź',
  'word',
);

describe('the HTML scanner', () => {
  // Then control characters are removed, whatever the markup made of them (docs/RELIABILITY.md).
  it('gives exactly what the regular-expression version gives, on any mix of tags, entities and spacing', () => {
    fc.assert(
      fc.property(
        fc.array(htmlPiece, { maxLength: 40 }).map((pieces) => pieces.join('')),
        (html) => {
          expect(htmlToText(html)).toBe(multiLine(referenceHtmlToText(html)));
        },
      ),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (html) => {
        expect(htmlToText(html)).toBe(multiLine(referenceHtmlToText(html)));
      }),
      { numRuns: 2000 },
    );
  });
});
