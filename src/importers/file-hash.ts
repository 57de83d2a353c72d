import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { readFileChunks } from './file-chunks.js';

/** Files from this size are hashed on a thread of their own (below, starting one costs more than it saves). */
const THREAD_MIN_BYTES = 8 * 1024 * 1024;
const workerFile = new URL('./file-hash.worker.js', import.meta.url);

export async function sha1OfFile(path: string): Promise<string> {
  const hash = createHash('sha1');
  for await (const chunk of readFileChunks(path)) hash.update(chunk);
  return hash.digest('hex');
}

/**
 * The file's SHA-1, started at once and awaited when needed: a large file is hashed on another thread while
 * this one goes on (from the TypeScript sources, as the tests run, there is no compiled worker: here).
 */
export function hashFile(path: string, size: number): Promise<string> {
  const onThread =
    size < THREAD_MIN_BYTES || workerFile.protocol !== 'file:' || !existsSync(fileURLToPath(workerFile));
  return onThread ? sha1OfFile(path) : onOtherThread(path);
}

function onOtherThread(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData: { path } });
    worker.once('message', (reply: { hex?: string; error?: string }) => {
      if (reply.hex) resolve(reply.hex);
      else reject(new Error(reply.error ?? 'the file could not be hashed'));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the hashing thread stopped (exit code ${code})`)));
  });
}
