import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { isAppError } from '../../src/domain/errors.js';
import { isLinkedInFileName } from '../../src/importers/linkedin/linkedin-format.registry.js';
import type { ImportReport } from '../../src/services/import.report.js';
import { createImportService } from '../../src/services/import.service.js';
import { createRelationshipService } from '../../src/services/relationship.service.js';
import { createSettingsService } from '../../src/services/settings.service.js';
import { openStore, type Store } from '../../src/store/store.js';
import { repositoryRoot } from './built-cli.js';
import { LINKEDIN_FIXTURES, folderEntries, materializeEra, writeZip, type Era } from './linkedin-fixtures.js';

/**
 * Fuzzing the importers (docs/RELIABILITY.md#fuzzing): real files from test/fixtures, damaged by fast-check
 * (bytes flipped, inserted, removed, repeated, cut off, quotes, separators, line breaks, NUL, invalid UTF-8),
 * imported one by one into one database through the import service. Every case must end — within its time
 * bound — in a report or a clean AppError, never another exception; and a file that failed must have
 * written nothing.
 */
export const CASE_MS = 5_000;
const DAY = 86_400_000;

/** The fixture files tend reads, each seed a file name and its bytes. */
export function linkedInSeeds(): Array<{ name: string; bytes: Buffer }> {
  return readdirSync(LINKEDIN_FIXTURES, { withFileTypes: true })
    .filter((era) => era.isDirectory())
    .flatMap((era) =>
      readdirSync(join(LINKEDIN_FIXTURES, era.name))
        .filter((name) => name.endsWith('.csv') && isLinkedInFileName(name))
        .map((name) => ({ name, bytes: readFileSync(join(LINKEDIN_FIXTURES, era.name, name)) })),
    );
}

/** The vCard files of eight clients and the RFC examples (test/fixtures/external/vcard-ez-vcard). */
export function vcardSeeds(): Array<{ name: string; bytes: Buffer }> {
  const folder = join(repositoryRoot, 'test', 'fixtures', 'external', 'vcard-ez-vcard');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.vcf'))
    .map((name) => ({ name, bytes: readFileSync(join(folder, name)) }));
}

/** The Google and Outlook contact CSV files written from their exports' headers (test/fixtures/contacts-csv). */
export function contactCsvSeeds(): Array<{ name: string; bytes: Buffer }> {
  const folder = join(repositoryRoot, 'test', 'fixtures', 'contacts-csv');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.csv'))
    .map((name) => ({ name, bytes: readFileSync(join(folder, name)) }));
}

/** The calendars of Exchange, Google, Apple and others (test/fixtures/external/ical-node-ical). */
export function icalendarSeeds(): Array<{ name: string; bytes: Buffer }> {
  const folder = join(repositoryRoot, 'test', 'fixtures', 'external', 'ical-node-ical');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.ics'))
    .map((name) => ({ name, bytes: readFileSync(join(folder, name)) }));
}

/**
 * Real mail (test/fixtures/external/eml-mailparser): each message as an .eml, and all of them in one mbox
 * with Gmail Takeout's From_ lines, one message with CRLF line ends.
 */
export function mailSeeds(): Array<{ name: string; bytes: Buffer }> {
  const folder = join(repositoryRoot, 'test', 'fixtures', 'external', 'eml-mailparser');
  const messages = readdirSync(folder)
    .filter((name) => name.endsWith('.eml') && statSync(join(folder, name)).size < 64 * 1024)
    .map((name) => ({ name, bytes: readFileSync(join(folder, name)) }));
  const mbox = Buffer.concat(
    messages.flatMap((message, index) => [
      Buffer.from(`From ${1583290388308606088n + BigInt(index)}@xxx Mon Nov 06 04:42:58 +0000 2017\n`),
      message.bytes,
      Buffer.from('\n'),
    ]),
  );
  return [...messages, { name: 'fixtures.mbox', bytes: mbox }];
}

/** Bytes that matter to a CSV reader and a text decoder: more likely to hit an edge than any byte. */
const TELLING = [0x22, 0x2c, 0x0a, 0x0d, 0x09, 0x00, 0xff, 0xfe, 0xef, 0xbb, 0xbf, 0xc3, 0x80, 0x1b, 0x3b];
const byteArbitrary = fc.oneof(fc.constantFrom(...TELLING), fc.integer({ min: 0, max: 255 }));

export type Mutation =
  | { kind: 'set'; at: number; byte: number }
  | { kind: 'insert'; at: number; bytes: number[] }
  | { kind: 'remove'; at: number; length: number }
  | { kind: 'repeat'; at: number; length: number; times: number }
  | { kind: 'cut'; at: number }
  /** A byte near the end, where a zip keeps its directory. */
  | { kind: 'tail'; back: number; byte: number };

/** Where `at` falls in a file of `length` bytes: a fraction of it, so one case fits every seed. */
const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: position, byte: byteArbitrary }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: position,
    bytes: fc.array(byteArbitrary, { minLength: 1, maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant('remove' as const), at: position, length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({
    kind: fc.constant('repeat' as const),
    at: position,
    length: fc.integer({ min: 1, max: 200 }),
    times: fc.integer({ min: 2, max: 20 }),
  }),
  fc.record({ kind: fc.constant('cut' as const), at: position }),
  fc.record({
    kind: fc.constant('tail' as const),
    back: fc.integer({ min: 1, max: 160 }),
    byte: byteArbitrary,
  }),
);

/** The seed's bytes with each mutation applied in turn (positions as fractions of the current length). */
export function mutate(seed: Buffer, mutations: readonly Mutation[]): Buffer {
  let bytes = Buffer.from(seed);
  for (const mutation of mutations) {
    if (mutation.kind === 'tail') {
      if (bytes.length >= mutation.back) bytes[bytes.length - mutation.back] = mutation.byte;
      continue;
    }
    const at = Math.floor(mutation.at * bytes.length);
    switch (mutation.kind) {
      case 'set':
        if (bytes.length > 0) bytes[at] = mutation.byte;
        break;
      case 'insert':
        bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(mutation.bytes), bytes.subarray(at)]);
        break;
      case 'remove':
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + mutation.length)]);
        break;
      case 'repeat': {
        const chunk = bytes.subarray(at, at + mutation.length);
        bytes = Buffer.concat([
          bytes.subarray(0, at),
          ...Array<Buffer>(mutation.times).fill(chunk),
          bytes.subarray(at),
        ]);
        break;
      }
      case 'cut':
        bytes = bytes.subarray(0, at);
        break;
    }
  }
  return bytes;
}

export interface CaseOutcome {
  /** 'report' or 'app-error'; anything else is a finding. */
  ended: 'report' | 'app-error' | 'timeout' | 'exception';
  /** A file (an entry of a zip) failed, or the input was refused. */
  failed: boolean;
  /** A file (an entry of a zip) was read without failing (imported, or known from before). */
  read: boolean;
  milliseconds: number;
  /** True when the case should have written nothing (every file failed) and the database changed. */
  changed: boolean;
  detail: string;
}

/**
 * One database for a run of cases, with the fixture era imported first so damaged files meet known people.
 * The relationship facts are not refreshed after each case (68 ms a case; they are not the importers'
 * work): `refreshAll` does nothing here, and every other part of the import is the real one.
 */
export async function openFuzzTarget(base: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'tend-fuzz-'));
  const store = await openStore({ dialect: 'sqlite', file: join(dataDir, 'tend.db') });
  const settings = createSettingsService(dataDir);
  const relationships = createRelationshipService({ store, settings, recompute: false });
  let now = Date.parse('2025-03-10T12:00:00Z');
  const imports = createImportService({
    store,
    settings,
    // A day later each case: whatever a case writes carries its own time.
    clock: () => now,
    dataDir,
    relationships: {
      ...relationships,
      refreshAll: () => Promise.resolve(),
      isStale: () => Promise.resolve(false),
    },
  });
  await imports.importPaths([base], { timeZone: 'Europe/Berlin' });
  let count = 0;

  async function importCase(name: string, bytes: Buffer): Promise<CaseOutcome> {
    count += 1;
    now += DAY;
    const folder = join(dataDir, 'cases', String(count));
    mkdirSync(folder, { recursive: true });
    const path = join(folder, name);
    writeFileSync(path, bytes);
    const before = signature(store);
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      imports.importPaths([path], { timeZone: 'Europe/Berlin' }).then(
        (report: ImportReport) => ({
          ended: 'report' as const,
          failed: report.files.some((file) => file.failed !== undefined),
          read: report.files.some((file) => file.failed === undefined),
          // Nothing may be written when every file failed or was known already (a zip: all its entries).
          writesNothing: report.files.every((file) => file.failed !== undefined || file.unchanged === true),
          detail: report.files.map((file) => file.failed ?? '').join('; '),
        }),
        (error: unknown) => ({
          ended: isAppError(error) ? ('app-error' as const) : ('exception' as const),
          failed: true,
          read: false,
          writesNothing: true,
          detail: isAppError(error)
            ? error.message
            : error instanceof Error
              ? (error.stack ?? error.message)
              : String(error),
        }),
      ),
      new Promise<{ ended: 'timeout'; failed: true; read: false; writesNothing: false; detail: string }>(
        (resolve) => {
          timer = setTimeout(
            () =>
              resolve({
                ended: 'timeout',
                failed: true,
                read: false,
                writesNothing: false,
                detail: `over ${CASE_MS} ms`,
              }),
            CASE_MS,
          );
        },
      ),
    ]);
    clearTimeout(timer);
    const milliseconds = performance.now() - started;
    const changed = outcome.writesNothing && signature(store) !== before;
    rmSync(folder, { recursive: true, force: true });
    return {
      ended: outcome.ended,
      failed: outcome.failed,
      read: outcome.read,
      detail: outcome.detail,
      milliseconds,
      changed,
    };
  }

  return {
    importCase,
    close: async () => {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * What the database holds, cheaply: each table's row count and highest rowid (an insert changes them), the
 * latest change of a person (each case runs a day later). The settings table is left out: an import marks
 * the facts stale even when its file fails.
 */
function signature(store: Store): string {
  const database = store.sqlite;
  if (!database) throw new Error('the fuzz target is the embedded database');
  const tables = database
    .prepare(
      // Full-text tables and their shadow tables (some without rowid) are left out: searches fill them, never imports.
      `select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%_fts' and name not like '%_fts_%' and name not in ('workspace_settings', 'kysely_migration')`,
    )
    .pluck()
    .all() as string[];
  const parts = tables.map((table) =>
    JSON.stringify(database.prepare(`select count(*), max(rowid) from "${table}"`).raw().get()),
  );
  parts.push(String(database.prepare(`select max(updated_at) from people`).pluck().get()));
  return parts.join(' ');
}

export type Importer = 'linkedin-csv' | 'zip' | 'vcard' | 'contact-csv' | 'icalendar' | 'mail';

/** Zips of the fixture eras as LinkedIn sends them (deflated; one stored), and one inside another. */
export function zipSeeds(): Array<{ name: string; bytes: Buffer }> {
  const folder = mkdtempSync(join(tmpdir(), 'tend-fuzz-zips-'));
  const eras = readdirSync(LINKEDIN_FIXTURES, { withFileTypes: true }).filter(
    (era) => era.isDirectory() && !era.name.endsWith('.utf16'),
  );
  const seeds = eras.map((era) => {
    const entries = folderEntries(materializeEra(era.name as Era)).filter((entry) =>
      isLinkedInFileName(entry.name),
    );
    return {
      name: `${era.name}.zip`,
      bytes: readFileSync(writeZip(join(folder, `${era.name}.zip`), entries)),
    };
  });
  const stored = folderEntries(materializeEra('2026')).map((entry) => ({
    ...entry,
    method: 'stored' as const,
  }));
  seeds.push({ name: 'stored.zip', bytes: readFileSync(writeZip(join(folder, 'stored.zip'), stored)) });
  const inner = seeds.find((seed) => seed.name === '2024-2025.zip');
  if (inner)
    seeds.push({
      name: 'nested.zip',
      bytes: readFileSync(
        writeZip(join(folder, 'nested.zip'), [{ name: 'Basic_LinkedInDataExport.zip', data: inner.bytes }]),
      ),
    });
  rmSync(folder, { recursive: true, force: true });
  return seeds;
}

export interface FuzzRun {
  importer: Importer;
  cases: number;
  /** Cases whose import reported a failed file or refused the input. */
  failedFiles: number;
  /** Cases in which a file (an entry of a zip) was read without failing. */
  filesRead: number;
  slowestMs: number;
  /** What went wrong, with the seed and mutations to replay it: empty when every case held. */
  findings: string[];
  seed: number;
}

/** `cases` damaged inputs for one importer, from `seed` (fast-check's; the same seed replays the run). */
export async function fuzzImporter(importer: Importer, cases: number, seed = 15): Promise<FuzzRun> {
  const seeds =
    importer === 'zip'
      ? zipSeeds()
      : importer === 'vcard'
        ? vcardSeeds()
        : importer === 'contact-csv'
          ? contactCsvSeeds()
          : importer === 'icalendar'
            ? icalendarSeeds()
            : importer === 'mail'
              ? mailSeeds()
              : linkedInSeeds();
  const target = await openFuzzTarget(materializeEra('2024-2025'));
  const run: FuzzRun = {
    importer,
    cases: 0,
    failedFiles: 0,
    filesRead: 0,
    slowestMs: 0,
    findings: [],
    seed,
  };
  let finding = '';
  try {
    const result = await fc.check(
      fc.asyncProperty(
        fc.nat(seeds.length - 1),
        fc.array(mutationArbitrary, { minLength: 1, maxLength: 4 }),
        async (index, mutations) => {
          const source = seeds[index];
          if (!source) return false;
          const outcome = await target.importCase(source.name, mutate(source.bytes, mutations));
          run.slowestMs = Math.max(run.slowestMs, outcome.milliseconds);
          if (outcome.failed) run.failedFiles += 1;
          if (outcome.read) run.filesRead += 1;
          const sound =
            (outcome.ended === 'report' || outcome.ended === 'app-error') &&
            !outcome.changed &&
            outcome.milliseconds < CASE_MS;
          if (!sound)
            finding = `${source.name}: ${outcome.ended}${outcome.changed ? ', wrote from a failed file' : ''} in ${Math.round(outcome.milliseconds)} ms: ${outcome.detail}`;
          return sound;
        },
      ),
      { numRuns: cases, seed, endOnFailure: true },
    );
    run.cases = result.numRuns;
    if (result.failed)
      run.findings.push(
        `${finding} (seed ${seed}, path ${result.counterexamplePath ?? ''}, ${JSON.stringify(result.counterexample)})`,
      );
  } finally {
    await target.close();
  }
  return run;
}
