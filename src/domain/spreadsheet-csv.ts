/**
 * CSV that spreadsheets open safely: a cell that starts with `=`, `+`, `-`, `@`, a tab or CR would be read as
 * a formula, so it is written with a leading apostrophe (docs/rules/export.md#csv).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CRLF-terminated CSV line of spreadsheet-safe cells. */
export function csvLine(values: readonly string[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
