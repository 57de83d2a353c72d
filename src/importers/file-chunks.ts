import { createReadStream, type ReadStream } from 'node:fs';
import { open } from 'node:fs/promises';

/** Read in 1 MiB chunks: fewer, larger chunks for the decoder and the parser (docs/PERFORMANCE.md#file-chunks). */
const READ_CHUNK = 1 << 20;

/** A file's bytes as the importers read them, as a stream (each chunk a buffer of its own). */
export function readFileStream(path: string): ReadStream {
  return createReadStream(path, { highWaterMark: READ_CHUNK });
}

/**
 * A file's bytes in chunks read into one buffer, reused: a chunk is valid only until the next one is asked
 * for, so only for a reader that copies or decodes each chunk at once (the hash, the CSV decoder). A stream's
 * new buffer per chunk kept tens of MB of dead buffers resident (docs/PERFORMANCE.md#file-chunks).
 */
export async function* readFileChunks(path: string): AsyncGenerator<Uint8Array, void, undefined> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafeSlow(READ_CHUNK);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, READ_CHUNK, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}
