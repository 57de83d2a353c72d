import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRIVATE_FILE_MODE } from './data-folder.js';

const FEED_KEY_FILE = 'feed.key';

const newKey = () => randomBytes(24).toString('base64url');

/**
 * The calendar feed's key (docs/rules/cli.md#feed): read-only access to the plan as iCalendar, apart from the
 * session (a calendar app cannot sign in), kept in the data folder (0600) and made on first use.
 * `rotate` replaces it: every subscription with the old URL stops working.
 */
export function createFeedKeys(dataDir: string) {
  const file = join(dataDir, FEED_KEY_FILE);
  const write = (key: string) => {
    // Whole or not at all: a new file moved over the old one.
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${key}\n`, { mode: PRIVATE_FILE_MODE });
    renameSync(temporary, file);
    return key;
  };
  const current = (): string => {
    try {
      const text = readFileSync(file, 'utf8').trim();
      if (/^[A-Za-z0-9_-]{32}$/.test(text)) return text;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    return write(newKey());
  };
  return {
    current,
    rotate: (): string => write(newKey()),
    /** Whether `given` is the key, compared in constant time. */
    matches(given: string): boolean {
      const expected = Buffer.from(current());
      const actual = Buffer.from(given);
      return actual.length === expected.length && timingSafeEqual(actual, expected);
    },
  };
}

export type FeedKeys = ReturnType<typeof createFeedKeys>;
