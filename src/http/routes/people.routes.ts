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
      summary: 'everyone, or those matching q (the query language of `tend people`), by name',
      query: z.object({
        q: z.string().max(1000).optional(),
        limit: z
          .string()
          .regex(/^\d+$/, 'must be a whole number')
          .transform(Number)
          .pipe(z.number().int().min(1))
          .optional(),
      }),
      response: z.object({ people: z.array(personRow), total: z.number().int() }),
      handle({ query }) {
        const now = app.clock();
        const text = query.q?.trim() || null;
        const key = `people ${query.limit ?? ''} ${settingsKey(app)} ${text ?? ''}`;
        return cache.get(now, key, () => listed(text, query.limit, now));
      },
    }),
  ];
  async function listed(text: string | null, limit: number | undefined, now: number) {
    const everyone = await app.people.listing(text, now);
    const shown = limit === undefined ? everyone : everyone.slice(0, limit);
    const factsOf = await listingFacts(app.relationships, now, shown);
    return {
      total: everyone.length,
      // The CLI's `people --json` shape; its band is one of the schema's (the strength model's bands).
      people: shown.map((person) => {
        const row = listedPersonJson(person, factsOf(person));
        return { ...row, band: row.band as z.infer<typeof band> | null };
      }),
    };
  }
}
