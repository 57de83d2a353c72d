import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../domain/errors.js';
import { PRIVATE_FILE_MODE } from './data-folder.js';

const SECRET_FILE = 'serve.secret';

/**
 * The installation's secret for `tend serve` (it signs the session cookies), made once in the data folder
 * (0600, readable by its owner only). Deleting the file signs everyone out.
 */
export function loadServeSecret(dataDir: string): Buffer {
  const file = join(dataDir, SECRET_FILE);
  try {
    const text = readFileSync(file, 'utf8').trim();
    if (/^[0-9a-f]{64}$/.test(text)) return Buffer.from(text, 'hex');
    throw new AppError('bad-input', `${file} is not a tend secret: delete it and start tend serve again`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(32);
  try {
    writeFileSync(file, `${secret.toString('hex')}\n`, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  } catch (error) {
    // Another `tend serve` made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadServeSecret(dataDir);
    throw error;
  }
  return secret;
}
