import { z } from 'zod';
import type { App } from '../../app.js';
import { defineRoute } from '../api-route.js';
import { idParam, instant } from '../api-schemas.js';

/** The web UI's Duplicates page: what `tend dupes`, `tend merge`, `tend dupes --dismiss` and `tend unmerge` do. */
const person = z.object({ id: z.number().int(), name: z.string(), company: z.string().nullable() });
const merge = z.object({
  merge: z.number().int(),
  kept: person,
  merged: person,
  source: z.string().describe('user, or the import that merged them'),
  at: instant,
});
/** Two people by id or reference (an e-mail, a profile URL, a name that finds one person), as on the CLI. */
const pair = z
  .object({
    a: z.union([z.number().int().positive(), z.string().trim().min(1)]),
    b: z.union([z.number().int().positive(), z.string().trim().min(1)]),
  })
  .strict();

export function duplicateRoutes(app: App) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/duplicates',
      tag: 'duplicates',
      summary:
        'people who may be one person, with the reasons (docs/rules/identity-and-imports.md#duplicate-proposals), and the merges that can be undone, newest first',
      response: z.object({
        proposals: z.array(z.object({ a: person, b: person, reasons: z.array(z.string()) })),
        merges: z.array(merge),
      }),
      async handle() {
        const [proposals, merges] = [await app.merges.dupes(), await app.merges.merges()];
        return { proposals, merges };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/duplicates/merge',
      tag: 'duplicates',
      summary: 'merge b into a (tend merge A B): everything of b kept and recorded, so it can be undone',
      body: pair,
      response: merge,
      async handle({ body }) {
        return app.merges.merge(String(body.a), String(body.b));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/duplicates/dismiss',
      tag: 'duplicates',
      summary: 'a and b are different people (tend dupes --dismiss A B): no longer proposed',
      body: pair,
      response: z.object({ a: person, b: person }),
      async handle({ body }) {
        return app.merges.dismiss(String(body.a), String(body.b));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/merges/:id/undo',
      tag: 'duplicates',
      summary:
        'undo the merge with this id (tend unmerge): the merged person comes back with what was theirs',
      params: idParam,
      response: merge,
      async handle({ params }) {
        return app.merges.undoMerge(params.id);
      },
    }),
  ];
}
