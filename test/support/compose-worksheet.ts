import { readFileSync, writeFileSync } from 'node:fs';

/** The worksheet as tend first wrote it, per path: filling it again starts from the blank one. */
const written = new Map<string, string>();

/** The compose worksheet at `path` with these personal lines written in, row by row (CSV as tend wrote it). */
export function fillWorksheet(path: string, lines: readonly string[]): void {
  if (!written.has(path)) written.set(path, readFileSync(path, 'utf8'));
  const rows = (written.get(path) ?? '')
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);
  const filled = rows.map((row, index) =>
    index === 0 ? row : `${row}"${(lines[index - 1] ?? '').replace(/"/g, '""')}"`,
  );
  writeFileSync(path, `${filled.join('\r\n')}\r\n`);
}
