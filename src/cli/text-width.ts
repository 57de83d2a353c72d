import type { CliIo } from './cli-io.js';

/**
 * Text measured as a terminal shows it: East Asian wide and fullwidth characters and most emoji take two
 * columns, combining marks and zero-width characters none (docs/rules/cli.md#output-width).
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

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f900 && code <= 0x1f9ff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** Columns one grapheme takes: 2 when its first character is wide, 0 for a lone mark, else 1. */
function graphemeWidth(grapheme: string): number {
  const code = grapheme.codePointAt(0) ?? 0;
  if (/^[\p{Mn}\p{Me}\u200b-\u200f\u2060\ufeff]+$/u.test(grapheme)) return 0;
  // eslint-disable-next-line no-control-regex
  if (/^\u001b/.test(grapheme)) return 0;
  return isWide(code) ? 2 : 1;
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
  let width = 0;
  for (const { segment } of graphemes(text.replace(ANSI, ''))) width += graphemeWidth(segment);
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
