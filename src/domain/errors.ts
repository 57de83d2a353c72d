/**
 * The one error shape of tend. Each adapter maps `code` to its own signal in one place
 * (the CLI to exit codes in cli/exit-codes.ts, HTTP to statuses in http/errors.ts).
 */
export type ErrorCode =
  | 'usage' // the command line or a value given by the user is wrong
  | 'bad-input' // a file, database URL or other input could not be used; nothing was written for it
  | 'not-found' // a person, item or file that was asked for does not exist
  | 'ambiguous' // a REF matches several people
  | 'conflict' // a step is not allowed in the current state
  | 'busy' // another process held the database longer than a writer waits; nothing was written
  | 'internal';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

/**
 * Also an AppError made by another copy of this module: `tend serve` runs from a bundle of its own
 * (scripts/bundle.mjs), whose errors reach the CLI's bundle.
 */
export function isAppError(error: unknown): error is AppError {
  return (
    error instanceof AppError ||
    (error instanceof Error &&
      error.name === 'AppError' &&
      typeof (error as { code?: unknown }).code === 'string')
  );
}
