import { describe, expect, it } from 'vitest';
import { fuzzImporter, type FuzzRun } from './support/fuzz-importer.js';

/**
 * Every importer fuzzed from real seeds (docs/RELIABILITY.md#fuzzing): 1,000 cases each here, 10,000 in
 * `test/stress/`. No case may throw anything but a clean AppError, run past its time bound, or write from a
 * file that failed.
 */
const CASES = 1_000;

function expectClean(run: FuzzRun): void {
  expect(run.findings).toEqual([]);
  expect(run.cases).toBe(CASES);
  // The damage must reach the importers' failure paths, not only files they shrug off.
  expect(run.failedFiles).toBeGreaterThan(CASES / 20);
  expect(run.filesRead).toBeGreaterThan(CASES / 20);
}

describe('fuzzing the importers from the fixtures', () => {
  it(
    'LinkedIn CSV files: 1,000 damaged files, each reported or refused cleanly, none writing when it failed',
    { timeout: 120_000 },
    async () => {
      expectClean(await fuzzImporter('linkedin-csv', CASES));
    },
  );

  it(
    'zip archives: 1,000 damaged exports, each reported or refused cleanly, none writing when it failed',
    { timeout: 120_000 },
    async () => {
      expectClean(await fuzzImporter('zip', CASES));
    },
  );

  it(
    'vCard files: 1,000 damaged address books, each reported or refused cleanly, none writing when it failed',
    { timeout: 120_000 },
    async () => {
      expectClean(await fuzzImporter('vcard', CASES));
    },
  );

  it(
    'contact CSV files: 1,000 damaged Google and Outlook exports, each reported or refused cleanly, none writing when it failed',
    { timeout: 120_000 },
    async () => {
      expectClean(await fuzzImporter('contact-csv', CASES));
    },
  );

  it(
    'iCalendar files: 1,000 damaged calendars, each reported or refused cleanly, none writing when it failed',
    { timeout: 120_000 },
    async () => {
      expectClean(await fuzzImporter('icalendar', CASES));
    },
  );

  it(
    'mbox and .eml files: 1,000 damaged mailboxes and messages, each reported or refused cleanly, none writing when it failed',
    { timeout: 120_000 },
    async () => {
      expectClean(await fuzzImporter('mail', CASES));
    },
  );
});
