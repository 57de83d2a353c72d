import { z } from 'zod';
import type { App } from '../../app.js';
import { isValidTimeZone } from '../../domain/time.js';
import { streamSSE } from 'hono/streaming';
import { defineRoute } from '../api-route.js';
import { errorBody } from '../errors.js';
import { createImportJobs, type ImportEvent } from '../import-jobs.js';

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
    recordsKept: z.number().int(),
  }),
});

const importRequest = z
  .object({
    uploads: z.array(z.string()).min(1).max(50),
    timeZone: z.string().refine(isValidTimeZone, 'is not an IANA time zone').optional(),
  })
  .strict();

const progress = z.object({
  file: z.string(),
  bytes: z.number(),
  totalBytes: z.number(),
  rows: z.number().int(),
});

/**
 * Import from the page: each file is uploaded on its own (streamed to the data folder, never held in
 * memory), then one import of them all gives the report `tend import --json` prints — at once, or started
 * in the background and followed as server-sent events (progress, then the report).
 */
export function importRoutes(app: App) {
  const jobs = createImportJobs(app);
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
      body: importRequest,
      response: report,
      handle: ({ body }) =>
        jobs.importUploads(body.uploads, body.timeZone ? { timeZone: body.timeZone } : {}),
    }),
    defineRoute({
      method: 'post',
      path: '/api/imports',
      tag: 'import',
      summary: 'start importing uploaded files in the background; follow it at /api/imports/{id}/events',
      body: importRequest,
      status: 201,
      response: z.object({ id: z.string() }),
      handle: ({ body }) => ({ id: jobs.start(body.uploads, body.timeZone) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/imports/:id/events',
      tag: 'import',
      summary:
        'an import as server-sent events: `progress` (file, bytes of totalBytes, rows) as it reads, then `report` (as `tend import --json`) or `failed` (the error shape)',
      params: z.object({ id: z.string().regex(/^[0-9a-f]{24}$/, 'is not an import id') }),
      events: true,
      response: z.discriminatedUnion('event', [
        z.object({ event: z.literal('progress'), data: progress }),
        z.object({ event: z.literal('report'), data: report }),
        z.object({
          event: z.literal('failed'),
          data: z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
        }),
      ]),
      handle({ params }, c) {
        let stop: (() => void) | null = null;
        const queue: ImportEvent[] = [];
        let wake: (() => void) | null = null;
        stop = jobs.follow(params.id, (event) => {
          queue.push(event);
          wake?.();
        });
        if (!stop)
          return c.json(
            errorBody('not-found', `no import ${params.id}: start one with POST /api/imports`),
            404,
          );
        const unfollow = stop;
        return streamSSE(c, async (stream) => {
          stream.onAbort(unfollow);
          for (;;) {
            const event = queue.shift();
            if (!event) {
              await new Promise<void>((resolve) => (wake = resolve));
              wake = null;
              continue;
            }
            await stream.writeSSE({ event: event.event, data: JSON.stringify(event.data) });
            if (event.event !== 'progress') break;
          }
          unfollow();
        });
      },
    }),
  ];
}
