import type { ErrorCode } from '../domain/errors.js';

/** Exit codes (docs/rules/cli.md#exit-codes): 0 done, 1 usage, 2 input not usable, 3 not found. */
export const EXIT = { ok: 0, usage: 1, badInput: 2, notFound: 3 } as const;

export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'bad-input':
    case 'busy':
      return EXIT.badInput;
    case 'not-found':
      return EXIT.notFound;
    default:
      return EXIT.usage;
  }
}
