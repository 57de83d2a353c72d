import type { CliIo } from './cli-io.js';
import { cutToWidth, displayWidth, padToWidth, wrapText } from './text-width.js';

/** `--json` output: only JSON on stdout, one document, newline-terminated. */
export function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLine(io: CliIo, text = ''): void {
  io.stdout.write(`${text}\n`);
}

/** Messages and progress go to stderr, so stdout stays clean for pipes. */
export function printNotice(io: CliIo, text: string): void {
  io.stderr.write(`${text}\n`);
}

/**
 * A plain aligned table. Widths are display columns, so a CJK name (two columns a character) does not shift
 * the columns after it (docs/rules/cli.md#output-width). Cells are cut at `maxCell`; given the output `width`,
 * the widest columns are narrowed (cut with …) until a row fits, and the last column, which holds the longest
 * text (a reason), wraps under itself instead of being cut. Without a width (piped output) each row is one
 * line and the last column is whole.
 */
export function formatTable(
  headers: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string>>,
  maxCell = 40,
  width = Infinity,
): string {
  const last = headers.length - 1;
  const cells = [headers, ...rows].map((row) =>
    row.map((cell, column) => {
      const text = cell.replace(/\s+/g, ' ');
      return column === last ? text : cutToWidth(text, maxCell);
    }),
  );
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => displayWidth(row[column] ?? ''))));
  const total = () => widths.reduce((sum, value) => sum + value, 0) + 2 * last;
  const floor = (column: number) => Math.max(MIN_COLUMN, displayWidth(headers[column] ?? ''));
  // The last column keeps room to wrap in; the others give up width, the widest first.
  const lastRoom = () => Math.min(widths[last] ?? 0, MIN_LAST_COLUMN);
  while (total() - (widths[last] ?? 0) + lastRoom() > width) {
    let widest = -1;
    for (let column = 0; column < last; column++)
      if ((widths[column] ?? 0) > floor(column) && (widest < 0 || widths[column]! > widths[widest]!))
        widest = column;
    if (widest < 0) break;
    widths[widest]!--;
  }
  const lastWidth = Math.max(lastRoom(), width - (total() - (widths[last] ?? 0)));
  const indent = ' '.repeat(total() - (widths[last] ?? 0));
  return cells
    .flatMap((row) => {
      const lead = row
        .slice(0, last)
        .map((cell, column) => padToWidth(cutToWidth(cell, widths[column] ?? 0), widths[column] ?? 0))
        .join('  ');
      const tail = row[last] ?? '';
      if (width === Infinity || displayWidth(tail) <= lastWidth)
        return [`${last > 0 ? `${lead}  ` : ''}${tail}`.trimEnd()];
      const [first = '', ...rest] = wrapText(tail, indent.length + lastWidth, indent, indent);
      return [`${last > 0 ? `${lead}  ` : ''}${first.slice(indent.length)}`.trimEnd(), ...rest];
    })
    .join('\n');
}

/** Narrowest a column is made to fit the output width (its header's width, if wider). */
const MIN_COLUMN = 6;
/** Room the last column keeps to wrap in before the others stop giving up width. */
const MIN_LAST_COLUMN = 20;
