import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isAppError, type ErrorCode } from '../domain/errors.js';

/** The one error shape of the API: a stable code and one line for a person, never a stack trace. */
export interface ApiError {
  error: { code: string; message: string; details?: unknown };
}

/** AppError codes → HTTP statuses, in one place (as cli/exit-codes.ts does for exit codes). */
export function statusFor(code: ErrorCode): ContentfulStatusCode {
  switch (code) {
    case 'usage':
      return 400;
    case 'bad-input':
      return 422;
    case 'not-found':
      return 404;
    case 'ambiguous':
    case 'conflict':
      return 409;
    case 'busy':
      return 503;
    case 'internal':
      return 500;
  }
}

export function errorBody(code: string, message: string, details?: unknown): ApiError {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/**
 * Hono's onError: an AppError becomes its status and message; anything else is logged on the server's
 * stderr and answered with a plain 500, so no internals reach the page.
 */
export function answerError(error: Error, c: Context, log: (line: string) => void) {
  if (isAppError(error)) {
    const details = error.code === 'ambiguous' && error.details !== undefined ? error.details : undefined;
    return c.json(errorBody(error.code, error.message, details), statusFor(error.code));
  }
  log(`tend serve: unexpected error on ${c.req.method} ${c.req.path}: ${error.stack ?? error.message}`);
  return c.json(errorBody('internal', 'unexpected error: the server log says more'), 500);
}
