import { z } from 'zod';
import type { App } from '../../app.js';
import { isValidTimeZone } from '../../domain/time.js';
import { defineRoute } from '../api-route.js';

const report = z.object({
  files: z.array(
    z.object({
      path: z.string(),
      format: z.string(),
      rowsRead: z.number().int(),
      imported: z.number().int(),
      skipped: z.record(z.string(), z.number().int()),
      problems: z.array(z.object({ line: z.number().int(), message: z.string() })),
      failed: z.string().optional(),
      unchanged: z.boolean().optional(),
    }),
  ),
  owner: z.object({ name: z.string().nullable(), url: z.string().nullable() }),
  totals: z.object({
    peopleAdded: z.number().int(),
    peopleUpdated: z.number().int(),
    interactionsAdded: z.number().int(),
    invitationsAdded: z.number().int(),
  }),
});

/**
 * Import from the page: each file is uploaded on its own (streamed to the data folder, never held in
 * memory), then one import of them all gives the report `tend import --json` prints.
 */
export function importRoutes(app: App) {
  return [
    defineRoute({
      method: 'post',
      path: '/api/uploads',
      tag: 'import',
      summary: 'upload one file to import (a LinkedIn export zip, a CSV, a vCard file); the body is the file',
      query: z.object({ name: z.string().min(1).max(255) }),
      rawBody: { contentType: 'application/octet-stream', description: 'the file, as it is' },
      status: 201,
      response: z.object({ id: z.string(), name: z.string(), bytes: z.number().int() }),
      async handle({ query }, c) {
        return app.uploads.receive(query.name, c.req.raw.body);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/import',
      tag: 'import',
      summary: 'import uploaded files (one transaction per file; re-importing changes nothing) and report',
      body: z
        .object({
          uploads: z.array(z.string()).min(1).max(50),
          timeZone: z.string().refine(isValidTimeZone, 'is not an IANA time zone').optional(),
        })
        .strict(),
      response: report,
      async handle({ body }) {
        const files = app.uploads.files(body.uploads);
        try {
          const result = await app.imports.importPaths(
            files.map((file) => file.path),
            body.timeZone ? { timeZone: body.timeZone } : {},
          );
          // The report names what the person uploaded, not where it waited on disk.
          const named = (path: string) =>
            files.reduce((text, file) => text.split(file.path).join(file.name), path);
          return { ...result, files: result.files.map((file) => ({ ...file, path: named(file.path) })) };
        } finally {
          app.uploads.discard(body.uploads);
        }
      },
    }),
  ];
}
