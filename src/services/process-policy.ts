import { answeringHeapPolicy } from '../runtime/bulk-memory.js';

/**
 * What a process that answers one command and ends asks of the runtime (not an import, which streams bulk
 * data): a young generation that does not grow (runtime/bulk-memory.ts). The CLI asks for it before such a
 * command's action; tests running commands in-process do not.
 */
export function answerAndEnd(): void {
  answeringHeapPolicy();
}
