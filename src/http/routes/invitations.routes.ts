import { z } from 'zod';
import type { App } from '../../app.js';
import { triageJson } from '../../services/triage.service.js';
import { defineRoute } from '../api-route.js';
import { idParam, instant, personRef } from '../api-schemas.js';

const verdict = z.enum(['accept', 'ask', 'decline']);

/** Incoming invitations: `tend triage` (verdicts, reasons, drafted replies) and `--decide`. */
export function invitationRoutes(app: App) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/invitations',
      tag: 'invitations',
      summary: 'pending incoming invitations with a verdict, its reasons and a drafted reply',
      response: z.array(
        z.object({
          id: z.number().int(),
          invitation: z.object({
            from: z.string(),
            url: z.string().nullable(),
            sentAt: instant,
            message: z.string().nullable(),
          }),
          person: personRef.nullable(),
          verdict,
          score: z.number(),
          reasons: z.array(z.string()),
          reply: z.string().nullable(),
        }),
      ),
      async handle() {
        return (await app.triage.pending(app.clock())).map(triageJson);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/invitations/:id/decision',
      tag: 'invitations',
      summary: 'record what you decided (and did on LinkedIn): accept, ask or decline',
      params: idParam,
      body: z.object({ verdict }).strict(),
      response: z.object({ id: z.number().int(), decision: verdict }),
      async handle({ params, body }) {
        await app.triage.decide(String(params.id), body.verdict);
        return { id: params.id, decision: body.verdict };
      },
    }),
  ];
}
