import { z } from 'zod';
import type { App } from '../../app.js';
import { defineRoute } from '../api-route.js';
import { day, instant, instantOrNull, personRef } from '../api-schemas.js';
import { healthPointJson } from '../../services/health-history.service.js';

const count = z.number().int();

const pathTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), person: personRef.extend({ company: z.string().nullable() }) }),
  z.object({
    kind: z.literal('company'),
    query: z.string(),
    companies: z.array(z.string()),
    match: z.enum(['exact', 'words', 'prefix', 'none']),
    people: z.array(personRef),
    leftOut: count,
  }),
  z.object({ kind: z.literal('unknown-url'), url: z.string() }),
]);

const healthFigures = z.object({
  connections: count,
  archived: count,
  conversed: count,
  depth: z.number().nullable(),
  messagesImported: z.boolean(),
  dataAsOf: instant.nullable(),
  followUpRate: z.number().nullable(),
  newConnections: count,
  followedUp: count,
  bands: z.record(z.string(), count),
  bandsNotConnected: z.object({ strong: count, medium: count, weak: count }),
  circles: z.record(z.string(), count),
  giveAsk: z.object({ given: count, received: count, introductions: count }),
  pendingInvitations: count,
});

/** Network health (`tend health`), its daily history, and warm paths (`tend path`). */
export function healthRoutes(app: App) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/health',
      tag: 'health',
      summary: 'network health: depth, follow-up rate, bands, circles, give/ask',
      response: healthFigures,
      async handle() {
        const health = await app.health.figures(app.clock());
        return { ...health, dataAsOf: instantOrNull(health.dataAsOf) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/health/history',
      tag: 'health',
      summary: "the health figures of each day a command ran, oldest first (today's is taken when missing)",
      query: z.object({
        days: z
          .string()
          .regex(/^\d{1,4}$/, 'must be a whole number of days, at most 9999')
          .transform(Number)
          .optional(),
      }),
      response: z.object({
        points: z.array(z.object({ day, takenAt: instant, figures: healthFigures })),
      }),
      async handle({ query }) {
        const now = app.clock();
        // The server runs for days: the page asking is a day's first use as much as a command is.
        await app.healthHistory.recordDaily(now);
        const points = await app.healthHistory.history(now, query.days ?? 365);
        return { points: points.map(healthPointJson) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/paths',
      tag: 'paths',
      summary:
        'warm paths to a person (id, URL, e-mail, name) or to `company:NAME`, at most two intermediaries',
      query: z.object({ target: z.string().min(1).max(500) }),
      response: z.object({
        target: pathTarget,
        paths: z.array(
          z.object({
            hops: z.array(
              personRef.extend({ edge: z.object({ strength: z.number(), evidence: z.string() }) }),
            ),
            strength: z.number(),
            verdict: z.enum(['warm', 'lukewarm', 'cold']),
            warnings: z.array(z.string()),
          }),
        ),
        total: count,
        faint: count,
        notes: z.array(z.string()),
      }),
      async handle({ query }) {
        const result = await app.paths.find(query.target, app.clock());
        return {
          target: result.target,
          paths: result.paths.map(({ hops, strength, verdict, warnings }) => ({
            hops,
            strength,
            verdict,
            warnings,
          })),
          total: result.total,
          faint: result.faint,
          notes: result.notes,
        };
      },
    }),
  ];
}
