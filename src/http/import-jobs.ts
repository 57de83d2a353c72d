import { randomBytes } from 'node:crypto';
import type { App } from '../app.js';
import { isAppError } from '../domain/errors.js';
import type { ImportProgress } from '../services/import.service.js';
import { errorBody, type ApiError } from './errors.js';

type ImportReport = Awaited<ReturnType<App['imports']['importPaths']>>;

/** What an import started from the page tells whoever follows it (server-sent events, import.routes.ts). */
export type ImportEvent =
  | { event: 'progress'; data: ImportProgress }
  | { event: 'report'; data: ImportReport }
  | { event: 'failed'; data: ApiError };

interface Job {
  /** The newest progress: a follower who comes late needs only that one. */
  latest: ImportEvent | null;
  /** The report or the failure, once the import ended. */
  end: ImportEvent | null;
  listeners: Set<(event: ImportEvent) => void>;
}

/** Progress at most this often a file (the importer reports every chunk it reads). */
const PROGRESS_EVERY_MS = 100;
/** How long an ended import's report can still be fetched. */
const KEEP_ENDED_MS = 10 * 60_000;

/**
 * Imports of uploaded files (upload-inbox), run in the background: the uploads' names in the report (not
 * where they waited on disk), the uploads removed afterwards. `importUploads` is the whole import at once
 * (`POST /api/import`); `start` runs one and says what happens as it happens (`/api/imports/:id/events`).
 */
export function createImportJobs(
  app: App,
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
) {
  const jobs = new Map<string, Job>();

  async function importUploads(
    uploads: readonly string[],
    options: { timeZone?: string; onProgress?: (progress: ImportProgress) => void },
  ): Promise<ImportReport> {
    const files = app.uploads.files(uploads);
    try {
      const result = await app.imports.importPaths(
        files.map((file) => file.path),
        options,
      );
      // The report names what the person uploaded, not where it waited on disk.
      const named = (path: string) =>
        files.reduce((text, file) => text.split(file.path).join(file.name), path);
      return { ...result, files: result.files.map((file) => ({ ...file, path: named(file.path) })) };
    } finally {
      app.uploads.discard(uploads);
    }
  }

  return {
    importUploads,

    /** Starts the import and answers its id at once; unknown uploads are refused before it starts. */
    start(uploads: readonly string[], timeZone?: string): string {
      app.uploads.files(uploads);
      const id = randomBytes(12).toString('hex');
      const job: Job = { latest: null, end: null, listeners: new Set() };
      jobs.set(id, job);
      const emit = (event: ImportEvent) => {
        if (event.event === 'progress') job.latest = event;
        else job.end = event;
        for (const listener of job.listeners) listener(event);
      };
      let sentAt = 0;
      const onProgress = (progress: ImportProgress) => {
        const now = Date.now();
        if (now - sentAt < PROGRESS_EVERY_MS && progress.bytes < progress.totalBytes) return;
        sentAt = now;
        emit({ event: 'progress', data: progress });
      };
      void importUploads(uploads, { ...(timeZone ? { timeZone } : {}), onProgress })
        .then(
          (report) => emit({ event: 'report', data: report }),
          (error: unknown) => {
            if (!isAppError(error))
              log(
                `tend serve: the import ${id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
              );
            emit({
              event: 'failed',
              data: isAppError(error)
                ? errorBody(error.code, error.message)
                : errorBody('internal', 'the import failed unexpectedly: the server log says more'),
            });
          },
        )
        .finally(() => setTimeout(() => jobs.delete(id), KEEP_ENDED_MS).unref());
      return id;
    },

    /**
     * Follows an import: the newest progress and, once it ended, its end, then each event as it comes.
     * Returns how to stop following, or null for an import it does not know.
     */
    follow(id: string, listener: (event: ImportEvent) => void): (() => void) | null {
      const job = jobs.get(id);
      if (!job) return null;
      if (job.latest) listener(job.latest);
      if (job.end) {
        listener(job.end);
        return () => undefined;
      }
      job.listeners.add(listener);
      return () => job.listeners.delete(listener);
    },
  };
}

export type ImportJobs = ReturnType<typeof createImportJobs>;
