import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRIVATE_FILE_MODE, PRIVATE_FOLDER_MODE } from '../data-folder.js';

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/bmp': 'bmp',
  'image/webp': 'webp',
};

/**
 * Contact photos as files in the data folder's `photos/`, named by their content's SHA-1: the database
 * holds only the name (docs/rules/contacts.md#photos), and the same photo from two cards is one file.
 * Files written for a file whose import rolls back are removed again (`discard`).
 */
export class ContactPhotos {
  private readonly written: string[] = [];

  constructor(private readonly dataDir: string) {}

  /** The photo's path relative to the data folder, writing the file when it is not there yet. */
  save(bytes: Uint8Array, mediaType: string): string {
    const name = `${createHash('sha1').update(bytes).digest('hex')}.${EXTENSIONS[mediaType] ?? 'jpg'}`;
    const relative = `photos/${name}`;
    const full = join(this.dataDir, 'photos', name);
    if (!existsSync(full)) {
      mkdirSync(join(this.dataDir, 'photos'), { recursive: true, mode: PRIVATE_FOLDER_MODE });
      writeFileSync(full, bytes, { mode: PRIVATE_FILE_MODE });
      this.written.push(full);
    }
    return relative;
  }

  /** The files this import wrote: its transaction rolled back, so no card names them. */
  discard(): void {
    for (const file of this.written.splice(0)) rmSync(file, { force: true });
  }

  /** The import committed: its files stay. */
  keep(): void {
    this.written.length = 0;
  }
}
