import { AppError } from '../domain/errors.js';
import { createDataExportRepository } from '../store/data-export.repository.js';
import type { Store } from '../store/store.js';
import { emptyTotals, type FileReport, type ImportReport } from './import.report.js';
import { writeCsvExport, writeVcardExport } from './export/contacts-export.js';
import { isJsonExport, restoreJsonExport, writeJsonExport, type TextSink } from './export/json-export.js';
import type { RelationshipService } from './relationship.service.js';

export const EXPORT_FORMATS = ['json', 'vcf', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * `tend export --format json|vcf|csv` and the restore of a JSON export by `tend import`
 * (docs/rules/export.md).
 */
export function createDataExportService(deps: {
  store: Store;
  relationships: RelationshipService;
  clock: () => number;
}) {
  const { store, relationships, clock } = deps;
  return {
    /** Writes the export to `sink`; returns how many rows (json) or people (vcf, csv) it holds. */
    async write(format: ExportFormat, sink: TextSink): Promise<number> {
      if (format === 'vcf') return writeVcardExport(store, sink);
      if (format === 'csv') return writeCsvExport(store, relationships, clock(), sink);
      const counts = await writeJsonExport(store, clock(), sink);
      return Object.values(counts).reduce((sum, count) => sum + count, 0);
    },

    /**
     * `tend import PATH…`: full exports among the paths are restored first (into an empty folder), the
     * other paths imported by `importRest`; one report.
     */
    async importWithRestores(
      paths: readonly string[],
      importRest: (paths: readonly string[]) => Promise<ImportReport>,
    ): Promise<ImportReport> {
      const exports: string[] = [];
      for (const path of paths) if (await isJsonExport(path).catch(() => false)) exports.push(path);
      if (exports.length === 0) return importRest(paths);
      const files: FileReport[] = [];
      const totals = emptyTotals();
      for (const path of exports) {
        const { file, counts } = await this.restore(path);
        files.push(file);
        totals.peopleAdded += counts.people ?? 0;
        totals.invitationsAdded += counts.invitations ?? 0;
      }
      // Counted as an import counts them, once the restores are in the empty folder: records kept without a
      // person or flagged skipped are no interactions (docs/rules/identity-and-imports.md#import-report).
      if (files.some((file) => !file.failed)) {
        const restored = await createDataExportRepository(store).interactionCounts();
        totals.interactionsAdded = restored.interactions;
        totals.recordsKept = restored.kept;
      }
      const rest = paths.filter((path) => !exports.includes(path));
      const report: ImportReport =
        rest.length > 0
          ? await importRest(rest)
          : { files: [], owner: { name: null, url: null }, totals: emptyTotals() };
      return {
        ...report,
        files: [...files, ...report.files],
        totals: {
          peopleAdded: totals.peopleAdded + report.totals.peopleAdded,
          peopleUpdated: report.totals.peopleUpdated,
          interactionsAdded: totals.interactionsAdded + report.totals.interactionsAdded,
          invitationsAdded: totals.invitationsAdded + report.totals.invitationsAdded,
          recordsKept: totals.recordsKept + report.totals.recordsKept,
        },
      };
    },

    /** Restores a JSON export into this empty data folder, as one file of an import's report. */
    async restore(path: string): Promise<{ file: FileReport; counts: Record<string, number> }> {
      const report: FileReport = {
        path,
        format: 'tend-export',
        rowsRead: 0,
        imported: 0,
        skipped: {},
        problems: [],
      };
      try {
        const counts = await restoreJsonExport(store, path);
        await relationships.refreshAll();
        const rows = Object.values(counts).reduce((sum, count) => sum + count, 0);
        return { file: { ...report, rowsRead: rows, imported: rows }, counts };
      } catch (error) {
        if (error instanceof AppError) return { file: { ...report, failed: error.message }, counts: {} };
        if (error instanceof SyntaxError)
          return { file: { ...report, failed: `not a tend export (${error.message})` }, counts: {} };
        throw error;
      }
    },
  };
}

export type DataExportService = ReturnType<typeof createDataExportService>;
