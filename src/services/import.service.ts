import { join } from 'node:path';
import { AppError } from '../domain/errors.js';
import { CsvParseError } from '../importers/csv/csv.parser.js';
import { CsvDecodeError } from '../importers/csv/text-decoding.js';
import { openImportSources, type ImportEntry } from '../importers/import-sources.js';
import { ZipEntryDamagedError } from '../importers/zip-archive.js';
import {
  FORMAT_ORDER,
  isLinkedInFileName,
  type LinkedInFormat,
} from '../importers/linkedin/linkedin-format.registry.js';
import { MALFORMED } from '../importers/linkedin/linkedin.records.js';
import { createDuplicateRepository } from '../store/duplicate.repository.js';
import { createImportLogRepository } from '../store/import-log.repository.js';
import { createDataAgeRepository } from '../store/data-age.repository.js';
import { createInvitationRepository } from '../store/invitation.repository.js';
import { createWorkspaceSettingsRepository } from '../store/workspace-settings.repository.js';
import type { Store } from '../store/store.js';
import {
  addTotals,
  emptyTotals,
  newFileReport,
  type FileReport,
  type ImportReport,
  type ImportTotals,
} from './import.report.js';
import { WORKSPACE_KEYS, bindRepositories, type FileImportContext } from './linkedin/file-import.context.js';
import { peekHeader, readWhole, type HeaderInfo } from './linkedin/linkedin-file.reader.js';
import { linkWaitingRecords } from './linkedin/counterpart-links.writer.js';
import { ParserThreadMemoryError } from '../importers/linkedin/linkedin-records.stream.js';
import { startImportShortcuts, type ImportShortcuts } from './first-import.js';
import {
  CONTACT_IMPORTER_VERSION,
  contactCsvFormatOf,
  contactFormatOfName,
  importContactFile,
  type ContactFormat,
} from './contacts/contact-file.importer.js';
import { ContactPhotos } from './contacts/contact-photos.js';
import { OWNER_EMAILS_KEY, configuredOwnerEmails } from './owner-addresses.js';
import {
  importPersonalFile,
  personalFingerprint,
  personalFormatOfContent,
  personalFormatOfName,
  type PersonalFormat,
} from './personal-files.js';
import { importLinkedInFile } from './linkedin/linkedin-file.importer.js';
import { PeopleDirectory } from './linkedin/people-directory.js';
import { repairPlaceholders } from './placeholder-repair.service.js';
import type { RelationshipService } from './relationship.service.js';
import type { SettingsService } from './settings.service.js';

/**
 * 'yes' from the commit of an imported file until the steps after the files (links, duplicate proposals,
 * statistics, facts) have run: an import killed between the two leaves them to the next import.
 */
const DERIVED_PENDING = 'import.derived-pending';

/** Part of every fingerprint: raising it makes an improved importer read old files again. */
export const IMPORTER_VERSION = 2;
/**
 * A file with more malformed rows than this share fails as a whole
 * (docs/rules/identity-and-imports.md#file-failure).
 */
const MALFORMED_LIMIT = 0.05;

export interface ImportProgress {
  file: string;
  bytes: number;
  totalBytes: number;
  rows: number;
}

export interface ImportOptions {
  /** Zone for dates without one; default the `timezone` setting, else the machine's zone. */
  timeZone?: string;
  onProgress?: (progress: ImportProgress) => void;
  /** Each step as it ends, with its wall time (`tend --debug import`: where a slow import spends it). */
  onStep?: (step: string, milliseconds: number) => void;
  /** false: contact photos are dropped (`import --no-photos`); default: written to the data folder. */
  photos?: boolean;
  /** Mail and calendar participants nobody knows become people (`import --create-people`). */
  createPeople?: boolean;
  /** Mail bodies kept as the interactions' text (`import --keep-bodies`). */
  keepBodies?: boolean;
}

interface PlannedFile {
  entry: ImportEntry;
  header: HeaderInfo | null;
  /** An address book file (docs/rules/contacts.md), read by the contact importer instead. */
  contactFormat?: ContactFormat;
  /** A calendar or mailbox (personal-files.ts). */
  personalFormat?: PersonalFormat;
  failure?: string;
}

/** Address books after every LinkedIn file: a card then finds the connections its identities name. */
const CONTACTS_RANK = Number.MAX_SAFE_INTEGER - 2;

class FileFailure extends Error {}

const EMPTY_FILE =
  'the file is empty (0 bytes): the export was cut off or its download failed; download the export again';

function describeFailure(error: unknown): string {
  if (error instanceof CsvParseError) return `line ${error.line}: ${error.message}`;
  if (
    error instanceof CsvDecodeError ||
    error instanceof FileFailure ||
    error instanceof AppError ||
    error instanceof ZipEntryDamagedError
  )
    return error.message;
  return `could not be read: ${(error as Error).message}`;
}

export function createImportService(deps: {
  store: Store;
  settings: SettingsService;
  clock: () => number;
  dataDir: string;
  relationships: RelationshipService;
  /** false: never parse in the parser thread (config `parserThread`, `TEND_IMPORT_WORKER=0`). */
  parserThread?: boolean;
}) {
  const { store, settings, clock } = deps;

  async function plan(entries: readonly ImportEntry[]): Promise<PlannedFile[]> {
    const planned: PlannedFile[] = [];
    for (const entry of entries) {
      if (entry.brokenReason) {
        planned.push({ entry, header: null, failure: entry.brokenReason });
        continue;
      }
      const contactFormat = contactFormatOfName(entry.innerPath);
      const personalFormat =
        personalFormatOfName(entry.innerPath) ?? (await personalFormatOfContent(entry).catch(() => null));
      if (contactFormat || personalFormat) {
        planned.push({
          entry,
          header: null,
          ...(contactFormat ? { contactFormat } : personalFormat ? { personalFormat } : {}),
        });
        continue;
      }
      if (!/\.(csv|tsv|txt)$/i.test(entry.innerPath)) {
        planned.push({ entry, header: null });
        continue;
      }
      if (entry.size === 0 && isLinkedInFileName(entry.innerPath)) {
        planned.push({ entry, header: null, failure: EMPTY_FILE });
        continue;
      }
      try {
        // Not LinkedIn's: an address book's CSV, perhaps in desktop Outlook's windows-1252.
        const header = await peekHeader(entry).catch(async (error: unknown) => {
          if (error instanceof CsvDecodeError && (await contactCsvFormatOf(entry))) return null;
          throw error;
        });
        const contactCsv = header ? null : await contactCsvFormatOf(entry);
        if (contactCsv) {
          planned.push({ entry, header: null, contactFormat: contactCsv });
          continue;
        }
        // A text file tend does not recognise is read whole when it came from a zip: a damaged entry
        // must fail as damaged, not pass as a file tend does not read.
        if ((!header || header.format === 'ignored') && entry.source.kind === 'zip') await readWhole(entry);
        planned.push({ entry, header });
      } catch (error) {
        planned.push({ entry, header: null, failure: describeFailure(error) });
      }
    }
    const rank = (file: PlannedFile) =>
      file.personalFormat
        ? CONTACTS_RANK + 1
        : file.contactFormat
          ? CONTACTS_RANK
          : file.header && file.header.format !== 'ignored'
            ? FORMAT_ORDER[file.header.format]
            : Number.MAX_SAFE_INTEGER;
    return planned.sort((a, b) => rank(a) - rank(b));
  }

  /** The run's people, kept across its files while they commit (see PeopleDirectory.forFile). */
  interface RunPeople {
    directory?: PeopleDirectory;
    /** A first import's shortcuts (first-import.ts). */
    shortcuts: ImportShortcuts;
  }

  async function importOne(
    file: PlannedFile & { header: HeaderInfo | null },
    format: LinkedInFormat | ContactFormat | PersonalFormat,
    options: ImportOptions,
    zone: string,
    run: RunPeople,
    inWorker = deps.parserThread ?? true,
  ): Promise<{ report: FileReport; totals: ImportTotals }> {
    const report = newFileReport(file.entry.displayPath, format);
    const totals = emptyTotals();
    const log = createImportLogRepository(store);
    const photos = options.photos === false ? null : new ContactPhotos(deps.dataDir);
    // A contact file's cards do not depend on the zone; whether photos were kept is part of what it wrote.
    const fingerprint = file.personalFormat
      ? await personalFingerprint(file.personalFormat, file.entry, clock(), options, store)
      : file.contactFormat
        ? `${file.contactFormat}${CONTACT_IMPORTER_VERSION}:${photos ? 'photos' : 'no-photos'}:${await file.entry.fingerprint()}`
        : `v${IMPORTER_VERSION}:${zone}:${await file.entry.fingerprint()}`;
    if (await log.findByFingerprint(fingerprint)) {
      report.unchanged = true;
      report.skipped['unchanged file'] = 1;
      return { report, totals };
    }
    let workDone = 0;
    try {
      await store.transaction(async (trx) => {
        const repositories = bindRepositories(trx);
        const context: FileImportContext = {
          ...repositories,
          directory: (run.directory = run.directory
            ? run.directory.forFile(repositories, totals, clock())
            : await PeopleDirectory.load(repositories, totals, clock())),
          report,
          totals,
          zone,
          now: clock(),
          exportDate: file.entry.exportDate,
          ownerUrlSetting: settings.list()['owner-url'] ?? null,
          ownerEmailSetting: settings.list()['owner-email'] ?? null,
          phoneRegion: settings.list()['phone-region'] ?? null,
          createPeople: options.createPeople ?? false,
          keepBodies: options.keepBodies ?? false,
          shortcuts: run.shortcuts,
          ...(options.onStep
            ? { onStep: (part, ms) => options.onStep?.(`${file.entry.displayPath}: ${part}`, ms) }
            : {}),
        };
        if (file.personalFormat) await importPersonalFile(file.personalFormat, file.entry, context);
        else if (file.contactFormat)
          await importContactFile(file.contactFormat, file.entry, context, trx, photos);
        else if (file.header)
          await importLinkedInFile(
            format as LinkedInFormat,
            file.entry,
            file.header,
            context,
            inWorker,
            (read) =>
              options.onProgress?.({
                file: file.entry.displayPath,
                bytes: read,
                totalBytes: file.entry.size,
                rows: report.rowsRead,
              }),
          );
        const malformed = report.skipped[MALFORMED] ?? 0;
        if (report.rowsRead > 0 && malformed / report.rowsRead > MALFORMED_LIMIT) {
          const first = report.problems[0];
          throw new FileFailure(
            `${malformed} of ${report.rowsRead} rows are malformed (more than 5%)${first ? `, the first on line ${first.line}: ${first.message}` : ''}; nothing of this file was imported`,
          );
        }
        await deps.relationships.markStale(trx);
        // Committed with the file: the steps after the files are owed until they have run (see below).
        await createWorkspaceSettingsRepository(trx).set(DERIVED_PENDING, 'yes');
        await createImportLogRepository(trx).record({
          path: file.entry.displayPath,
          format,
          fingerprint,
          at: clock(),
          report,
        });
        workDone = performance.now();
      }, run.shortcuts.transactionOptions(format));
      options.onStep?.(`${file.entry.displayPath}: commit`, performance.now() - workDone);
      photos?.keep();
    } catch (error) {
      photos?.discard();
      // Rolled back: people the directory learnt from this file are not in the store, nor its rows.
      delete run.directory;
      run.shortcuts.rolledBack();
      // A few huge fields outgrew the parser thread's heap: the whole file again, on this thread.
      if (error instanceof ParserThreadMemoryError && inWorker) {
        options.onStep?.(
          `${file.entry.displayPath}: the parser thread ran out of memory; read again here`,
          0,
        );
        return importOne(file, format, options, zone, run, false);
      }
      if (error instanceof AppError && error.code !== 'bad-input') throw error;
      report.failed = describeFailure(error);
      report.imported = 0;
      return { report, totals: emptyTotals() };
    }
    return { report, totals };
  }

  return {
    async importPaths(paths: readonly string[], options: ImportOptions = {}): Promise<ImportReport> {
      if (paths.length === 0) throw new AppError('usage', 'give at least one file, folder or zip to import');
      const zone = options.timeZone ?? settings.timeZone();
      const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
        const started = performance.now();
        const result = await work();
        options.onStep?.(name, performance.now() - started);
        return result;
      };
      const sources = await step('open sources', () => openImportSources(paths, join(deps.dataDir, 'tmp')));
      const files: FileReport[] = [];
      const totals = emptyTotals();
      const run: RunPeople = { shortcuts: await startImportShortcuts(store) };
      const importAll = async (): Promise<void> => {
        // Before anyone is matched: the names of earlier imports must be keyed as this one keys them.
        await step('clean placeholders', () => store.transaction((trx) => repairPlaceholders(trx, clock())));
        try {
          for (const file of await step('recognise files', () => plan(sources.entries))) {
            if (file.failure) {
              files.push({ ...newFileReport(file.entry.displayPath, 'unknown'), failed: file.failure });
              continue;
            }
            const ownFormat = file.personalFormat ?? file.contactFormat;
            if (ownFormat) {
              const result = await step(file.entry.displayPath, () =>
                importOne(file, ownFormat, options, zone, run),
              );
              files.push(result.report);
              addTotals(totals, result.totals);
              continue;
            }
            const header = file.header;
            const format = header?.format;
            if (!header || !format || format === 'ignored') {
              files.push({ ...newFileReport(file.entry.displayPath, 'ignored') });
              continue;
            }
            const result = await step(file.entry.displayPath, () =>
              importOne({ ...file, header }, format, options, zone, run),
            );
            files.push(result.report);
            addTotals(totals, result.totals);
          }
        } finally {
          await sources.close();
        }
        run.shortcuts.filesCommitted();
        // Keep derived links and the per-person aggregates in step with what was written
        // (docs/rules/exchanges-and-strength.md#aggregates): after any file that was read and committed (it
        // marked the facts stale), even one that added no row. An earlier import interrupted before these
        // steps left the facts stale: they run now.
        // The facts' own stale mark is not enough: a reader refreshes the facts (and clears it) before the
        // next import, while the links and duplicate proposals stay owed.
        const read = files.some((file) => !file.failed && !file.unchanged && file.format !== 'ignored');
        const owed = (await createWorkspaceSettingsRepository(store).get(DERIVED_PENDING)) === 'yes';
        if (read || owed || (await deps.relationships.isStale())) {
          await step('link invitations', () => createInvitationRepository(store).linkPeople());
          await step('link waiting records', () =>
            store.transaction((trx) => linkWaitingRecords(bindRepositories(trx), clock(), run.directory)),
          );
          await step('propose duplicates', () => createDuplicateRepository(store).proposeSameNames(clock()));
          // Statistics first: without them SQLite plans the lookups that follow (and every command) badly.
          await step('analyze', () => store.optimize());
          await step('relationship facts', () =>
            deps.relationships.refreshAll(undefined, (expected) => run.shortcuts.takeRows(expected)),
          );
          await store.transaction((trx) => createWorkspaceSettingsRepository(trx).set(DERIVED_PENDING, 'no'));
          const newest = run.shortcuts.newestWritten('linkedin');
          await step('data age', () => createDataAgeRepository(store).remember(newest));
        }
      };
      try {
        await store.withBulkPageCache(importAll);
      } finally {
        await run.shortcuts.end();
      }
      // Search documents are left to the first search that reads them, with its progress: built here they
      // made a large first import 3.4x as long (docs/PERFORMANCE.md#search-index-step).
      const workspace = bindRepositories(store).workspace;
      const ownerUrl = settings.list()['owner-url'] ?? (await workspace.get(WORKSPACE_KEYS.ownerUrl)) ?? null;
      const emailSetting = configuredOwnerEmails(settings.list()['owner-email']);
      const emails = emailSetting.length
        ? emailSetting
        : configuredOwnerEmails(await workspace.get(OWNER_EMAILS_KEY));
      return {
        files,
        owner: {
          name: (await workspace.get(WORKSPACE_KEYS.ownerName)) ?? null,
          url: ownerUrl ? (ownerUrl.startsWith('http') ? ownerUrl : `https://www.${ownerUrl}`) : null,
          // Only once mail or calendar files made them known (docs/rules/calendar.md#owner).
          ...(emails.length ? { emails, emailsFrom: emailSetting.length ? 'setting' : 'inferred' } : {}),
        },
        totals,
      };
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
