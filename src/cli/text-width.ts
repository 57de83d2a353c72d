import type { CliIo } from './cli-io.js';

/**
 * Text measured as a terminal lays it out: each character takes the cells the C library's wcwidth gives it
 * (what xterm, VTE, tmux and less allot): East Asian wide and fullwidth two, combining marks (Mn, Me),
 * format and control characters none, everything else one, so a Devanagari or Tamil spacing vowel sign (Mc)
 * takes its own cell. An emoji is one grapheme of two cells, however many characters make it (a ZWJ family,
 * a flag, a skin tone, ❤️ with its presentation selector). docs/rules/cli.md#output-width
 */
let segmenter: Intl.Segmenter | undefined;

/**
 * The grapheme segmenter, made when first needed: making one costs ~15 ms and ~570 page faults (ICU's data),
 * paid at every start while it was made with the module (docs/PERFORMANCE.md#text-width).
 */
function graphemes(text: string): Intl.Segments {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return segmenter.segment(text);
}

/** East Asian Wide and Fullwidth (UAX #11) outside the emoji, which EMOJI covers: Hangul, CJK, kana, fullwidth forms… */
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f],
  [0x2329, 0x232a],
  [0x2e80, 0x3029],
  [0x302e, 0x303e],
  [0x3041, 0x3096],
  [0x309b, 0x3247],
  [0x3250, 0x4dbf],
  [0x4e00, 0xa4c6],
  [0xa960, 0xa97c],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6b],
  [0xff01, 0xff60],
  [0xffe0, 0xffe6],
  [0x16fe0, 0x16fe4],
  [0x16ff0, 0x1b2fb],
  [0x1f200, 0x1f265],
  [0x20000, 0x3fffd],
];

/** No cell: combining and enclosing marks, format characters (ZWJ, ZWNJ, soft hyphen…), controls, Hangul jamo vowels and finals. */
const ZERO = /[\p{Mn}\p{Me}\p{Cf}\p{Cc}\u1160-\u11ff\ud7b0-\ud7ff]/u;

/** A grapheme shown as an emoji: two cells whatever its length. */
const EMOJI = /[\p{Emoji_Presentation}\p{Regional_Indicator}\ufe0f]/u;

function characterWidth(character: string): number {
  const code = character.codePointAt(0) ?? 0;
  if (code >= 0x20 && code < 0x7f) return 1;
  if (ZERO.test(character)) return 0;
  if (code < 0x1100) return 1;
  for (const [from, to] of WIDE) if (code >= from && code <= to) return 2;
  return 1;
}

/** Cells one grapheme takes: an emoji two, else the sum of its characters' widths. */
function graphemeWidth(grapheme: string): number {
  if (EMOJI.test(grapheme)) return 2;
  let width = 0;
  for (const character of grapheme) width += characterWidth(character);
  return width;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * Printable ASCII (space to tilde): every character is a grapheme of one column, so its length is its width.
 * Tables measure every cell several times; the grapheme segmenter cost ~0.3 ms a cell, 0.8 s for a table of
 * 2,338 people (docs/PERFORMANCE.md#text-width).
 */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  const plain = text.replace(ANSI, '');
  let width = 0;
  // Graphemes matter only to count an emoji once; other text is the sum of its characters, no segmenter needed.
  if (EMOJI.test(plain)) for (const { segment } of graphemes(plain)) width += graphemeWidth(segment);
  else for (const character of plain) width += characterWidth(character);
  return width;
}

/** `text` cut to `width` columns, with … when something was cut. */
export function cutToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (PRINTABLE_ASCII.test(text)) return `${text.slice(0, Math.max(0, width - 1))}…`;
  let out = '';
  let used = 0;
  for (const { segment } of graphemes(text)) {
    const w = graphemeWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

/** `text` padded with spaces to `width` columns. */
export function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** The width to wrap to: the terminal's, else $COLUMNS, else 80 (piped output). */
export function outputWidth(io: CliIo): number {
  return knownWidth(io) ?? 80;
}

/**
 * The width a table fits into: the terminal's, else $COLUMNS, else none: piped output has no screen to fit,
 * so a table keeps one row a line instead of wrapping its last column to an imagined 80 (a real export's
 * `prune | less` made 6,897 lines of a 20-column WHY; docs/rules/cli.md#output-width).
 */
export function tableWidth(io: CliIo): number {
  return knownWidth(io) ?? Infinity;
}

function knownWidth(io: CliIo): number | undefined {
  const columns = io.stdout.columns;
  if (columns && columns > 0) return columns;
  const fromEnv = Number(io.env.COLUMNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : undefined;
}

/**
 * Words wrapped to `width` columns; the first line starts with `first`, the next ones with `rest` (a hanging
 * indent). A word longer than a line stays whole on a line of its own (a URL is not cut).
 */
export function wrapText(text: string, width: number, first = '', rest = first): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = lines.length === 0 ? first : rest;
    let empty = true;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = empty ? `${line}${word}` : `${line} ${word}`;
      if (!empty && displayWidth(candidate) > width) {
        lines.push(line);
        line = `${rest}${word}`;
      } else line = candidate;
      empty = false;
    }
    lines.push(empty ? line.trimEnd() : line);
  }
  return lines;
}
