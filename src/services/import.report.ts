/** The `import --json` report, shaped as docs/rules/identity-and-imports.md#import-report gives it. */

export interface FileReport {
  path: string;
  format: string;
  rowsRead: number;
  imported: number;
  skipped: Record<string, number>;
  problems: Array<{ line: number; message: string }>;
  failed?: string;
  /** True when the file was recognised as already imported and not read again. */
  unchanged?: boolean;
}

export interface ImportTotals {
  peopleAdded: number;
  peopleUpdated: number;
  /** Records stored that count as interactions: with a person, not flagged skipped. */
  interactionsAdded: number;
  invitationsAdded: number;
  /**
   * Records stored that are no interactions: messages flagged skipped (sponsored, spam, drafts) and records
   * without a person yet (unmatched), kept so a re-import knows them (docs/rules/identity-and-imports.md#import-report).
   */
  recordsKept: number;
}

export interface ImportReport {
  files: FileReport[];
  /**
   * `emails`: the owner's addresses for mail and calendar files, from the `owner-email` setting or inferred
   * (the most frequent sender or participant); empty when none is known.
   */
  owner: { name: string | null; url: string | null; emails?: string[]; emailsFrom?: 'setting' | 'inferred' };
  totals: ImportTotals;
}

/** Skip reasons the writers share. */
export const ALREADY_IMPORTED = 'already imported';
/** A record whose person is not known (yet): kept without a person and reported with its line. */
export const UNMATCHED = 'unmatched';

/** At most this many problems are listed per file; the count under `skipped` stays exact. */
export const MAX_LISTED_PROBLEMS = 200;

export function newFileReport(path: string, format: string): FileReport {
  return { path, format, rowsRead: 0, imported: 0, skipped: {}, problems: [] };
}

export function countSkip(report: FileReport, reason: string, line?: number, message?: string | null): void {
  report.skipped[reason] = (report.skipped[reason] ?? 0) + 1;
  if (line !== undefined && message && report.problems.length < MAX_LISTED_PROBLEMS) {
    report.problems.push({ line, message });
  }
}

export function emptyTotals(): ImportTotals {
  return { peopleAdded: 0, peopleUpdated: 0, interactionsAdded: 0, invitationsAdded: 0, recordsKept: 0 };
}

export function addTotals(into: ImportTotals, from: ImportTotals): void {
  into.peopleAdded += from.peopleAdded;
  into.peopleUpdated += from.peopleUpdated;
  into.interactionsAdded += from.interactionsAdded;
  into.invitationsAdded += from.invitationsAdded;
  into.recordsKept += from.recordsKept;
}
