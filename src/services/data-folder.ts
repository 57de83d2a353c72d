import { accessSync, chmodSync, constants, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { removeLeftoverSpills } from '../importers/import-sources.js';

/**
 * The data folder holds the most personal data a professional has: it is readable by its owner only —
 * the folder 0700, every file in it 0600 — whether tend made it or it was there before (then tightened
 * once, with a one-line notice). Spill files a killed import left behind are removed here, at the start of
 * every command.
 */
export const PRIVATE_FOLDER_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** The folders inside the data folder whose files tend writes (backups, the import's spill files). */
const INNER_FOLDERS = ['backups', 'tmp'];

export function prepareDataFolder(dataDir: string, notice: (line: string) => void = () => undefined): void {
  if (!existsSync(dataDir)) {
    try {
      mkdirSync(dataDir, { recursive: true, mode: PRIVATE_FOLDER_MODE });
    } catch {
      return; // Reported by what needs the folder (the database, the settings) with its own message.
    }
    return;
  }
  const loosened: string[] = [];
  const tighten = (path: string, mode: number) => {
    try {
      const current = statSync(path).mode & 0o777;
      if ((current & 0o077) === 0) return;
      chmodSync(path, current & mode);
      loosened.push(path);
    } catch {
      // Not ours to change (another owner, a read-only medium): tend still reads it.
    }
  };
  tighten(dataDir, PRIVATE_FOLDER_MODE);
  for (const name of safeList(dataDir)) {
    const path = join(dataDir, name);
    if (INNER_FOLDERS.includes(name)) {
      tighten(path, PRIVATE_FOLDER_MODE);
      for (const inner of safeList(path)) tighten(join(path, inner), PRIVATE_FILE_MODE);
    } else if (isFile(path)) tighten(path, PRIVATE_FILE_MODE);
  }
  if (loosened.length > 0)
    notice(
      `tend: ${dataDir} was readable by other users of this machine; made it private (only you can read it now: ${loosened.length} ${loosened.length === 1 ? 'item' : 'items'} changed)`,
    );
  removeLeftoverSpills(join(dataDir, 'tmp'));
}

/**
 * True when the database exists and tend may read it but not write beside it (a read-only folder or file, a
 * read-only medium): commands then open it read-only, so those that only read still work.
 */
export function isReadOnlyDatabase(file: string): boolean {
  if (!existsSync(file)) return false;
  try {
    accessSync(dirname(file), constants.W_OK);
    accessSync(file, constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

function safeList(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
