import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../domain/errors.js';
import { PRIVATE_FILE_MODE, PRIVATE_FOLDER_MODE } from './data-folder.js';

/** Larger than any LinkedIn export seen (the 1M-message benchmark export zips to well under this). */
export const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;

export interface Upload {
  id: string;
  name: string;
  bytes: number;
}

/**
 * Files the web page uploads for an import (`POST /api/uploads`), streamed to the data folder's tmp/uploads
 * (private, like the rest of the folder) and removed once imported. The page's file name is kept for the
 * report only; on disk a file is its random id and that name's last part, so no name can leave the folder.
 */
export function createUploadInbox(dataDir: string) {
  const folder = join(dataDir, 'tmp', 'uploads');
  const fileOf = (id: string) => {
    if (!/^[0-9a-f]{24}$/.test(id)) throw new AppError('usage', `"${id}" is not an upload id`);
    const name = readdirSafe(folder).find((entry) => entry.startsWith(`${id}-`));
    if (!name) throw new AppError('not-found', `no upload ${id}: upload the file again`);
    return { path: join(folder, name), name: name.slice(id.length + 1) };
  };
  return {
    async receive(name: string, body: ReadableStream<Uint8Array> | null): Promise<Upload> {
      const safe =
        basename(name.replace(/\\/g, '/'))
          .replace(/[^\w.()+ -]/g, '_')
          .slice(0, 120) || 'upload';
      if (!body) throw new AppError('usage', `the upload of ${safe} has no content`);
      mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE });
      const id = randomBytes(12).toString('hex');
      const path = join(folder, `${id}-${safe}`);
      let bytes = 0;
      const counted = Readable.fromWeb(body).on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > MAX_UPLOAD_BYTES)
          counted.destroy(
            new AppError('bad-input', `${safe} is larger than ${MAX_UPLOAD_BYTES / 1024 ** 3} GB`),
          );
      });
      try {
        await pipeline(counted, createWriteStream(path, { mode: PRIVATE_FILE_MODE, flags: 'wx' }));
      } catch (error) {
        rmSync(path, { force: true });
        throw error;
      }
      return { id, name: safe, bytes };
    },

    /** The files of these uploads, and the name each was uploaded as. */
    files(ids: readonly string[]): Array<{ path: string; name: string }> {
      return ids.map(fileOf);
    },

    discard(ids: readonly string[]): void {
      for (const id of ids) {
        try {
          rmSync(fileOf(id).path, { force: true });
        } catch {
          // Gone already.
        }
      }
    },
  };
}

function readdirSafe(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

export type UploadInbox = ReturnType<typeof createUploadInbox>;
