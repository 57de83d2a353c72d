import { z } from 'zod';
import type { App } from '../../app.js';
import { listedPersonJson, listingFacts } from '../../services/people-listing.js';
import { defineRoute } from '../api-route.js';
import { band, instant } from '../api-schemas.js';
import { settingsKey, type ResultCache } from '../result-cache.js';

export const personRow = z.object({
  id: z.number().int(),
  name: z.string(),
  company: z.string().nullable(),
  position: z.string().nullable(),
  circle: z.string().nullable(),
  strength: z.number().nullable(),
  band: band.nullable(),
  lastInteractionAt: instant.nullable(),
});

/**
 * People and search: the same query service as `tend people QUERY` (people.service.ts `listing`), so the
 * page and the CLI find the same people in the same order.
 */
export function peopleRoutes(app: App, cache: ResultCache) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/people',
      tag: 'people',
      summary:
        'everyone, or those matching q (the query language of `tend people`), by name; a page of them with limit and cursor',
      query: z.object({
        q: z.string().max(1000).optional(),
        limit: z
          .string()
          .regex(/^\d+$/, 'must be a whole number')
          .transform(Number)
          .pipe(z.number().int().min(1))
          .optional()
          .describe('at most this many people (a page); without it, all from the cursor on'),
        cursor: z
          .string()
          .regex(/^\d+$/, 'must be a cursor an earlier answer gave as `next`')
          .transform(Number)
          .optional()
          .describe('where the page starts: the `next` of the page before (none: the first)'),
      }),
      response: z.object({
        people: z.array(personRow),
        total: z.number().int().describe('how many people the query selects, on every page'),
        next: z.string().nullable().describe('the cursor of the following page; null after the last'),
      }),
      handle({ query }) {
        const now = app.clock();
        const text = query.q?.trim() || null;
        const from = query.cursor ?? 0;
        const key = `people ${query.limit ?? ''} ${from} ${settingsKey(app)} ${text ?? ''}`;
        return cache.get(now, key, () => listed(text, from, query.limit, now));
      },
    }),
  ];
  /** A page of the listing in name order; only its people are scored (docs/PERFORMANCE.md#kept-people). */
  async function listed(text: string | null, from: number, limit: number | undefined, now: number) {
    const everyone = await app.people.listing(text, now);
    const shown = everyone.slice(from, limit === undefined ? undefined : from + limit);
    const factsOf = await listingFacts(app.relationships, now, shown);
    const end = from + shown.length;
    return {
      total: everyone.length,
      next: end < everyone.length ? String(end) : null,
      // The CLI's `people --json` shape; its band is one of the schema's (the strength model's bands).
      people: shown.map((person) => {
        const row = listedPersonJson(person, factsOf(person));
        return { ...row, band: row.band as z.infer<typeof band> | null };
      }),
    };
  }
}
