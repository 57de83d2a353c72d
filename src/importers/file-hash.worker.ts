/**
 * Hashes one large file on a thread of its own (import-sources.ts, `hashFile`): the SHA-1 of a 400 MB
 * messages.csv took 0.6–0.85 s before anything else of an import could start; on this thread it runs while
 * the importing thread writes the smaller files first.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { sha1OfFile } from './file-hash.js';

const { path } = workerData as { path: string };
sha1OfFile(path).then(
  (hex) => parentPort?.postMessage({ hex }),
  (error: unknown) => parentPort?.postMessage({ error: (error as Error).message }),
);
