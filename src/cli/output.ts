import type { CliIo } from './cli-io.js';
import { cutToWidth, displayWidth, padToWidth } from './text-width.js';

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
 * A plain aligned table; cells are cut to keep rows on one terminal line. Widths are display columns, so a
 * CJK name (two columns a character) does not shift the columns after it (docs/rules/cli.md#output-width).
 */
export function formatTable(
  headers: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string>>,
  maxCell = 40,
): string {
  const cells = [headers, ...rows].map((row) =>
    row.map((cell) => cutToWidth(cell.replace(/\s+/g, ' '), maxCell)),
  );
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => displayWidth(row[column] ?? ''))));
  return cells
    .map((row) =>
      row
        .map((cell, column) => (column === row.length - 1 ? cell : padToWidth(cell, widths[column] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
