import { z } from 'zod';
import type { App } from '../../app.js';
import { INTRODUCTION_STATES, INTRODUCTION_STEPS } from '../../domain/introduction-flow.js';
import { formatInstant } from '../../domain/time.js';
import type { IntroductionView } from '../../services/introduction.service.js';
import { defineRoute } from '../api-route.js';
import { day, idParam, instant, personRef } from '../api-schemas.js';

const introduction = z.object({
  id: z.number().int(),
  a: personRef,
  b: personRef,
  why: z.string().nullable(),
  state: z.enum(INTRODUCTION_STATES),
  since: instant,
  next: z.array(z.enum(INTRODUCTION_STEPS)),
  draft: z.object({ to: z.array(z.string()), subject: z.string().nullable(), text: z.string() }).nullable(),
  due: day.nullable(),
  stalled: z.boolean(),
  history: z.array(
    z.object({ state: z.enum(INTRODUCTION_STATES), at: instant, note: z.string().nullable() }),
  ),
});

const introductionJson = (view: IntroductionView): z.input<typeof introduction> => ({
  ...view,
  next: [...view.next],
  since: formatInstant(view.since),
  history: view.history.map((entry) => ({ ...entry, at: formatInstant(entry.at) })),
});

/** Introductions: `tend intros` (suggestions) and the double opt-in workflow of `tend intro`. */
export function introductionRoutes(app: App) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/introductions/suggestions',
      tag: 'introductions',
      summary:
        'pairs among people you know well whose needs and offers, goals or roles fit, with the reasons',
      query: z.object({
        limit: z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).optional(),
      }),
      response: z.array(
        z.object({ a: personRef, b: personRef, score: z.number(), reasons: z.array(z.string()) }),
      ),
      async handle({ query }) {
        const suggestions = await app.introductions.suggest(app.clock());
        return suggestions
          .slice(0, query.limit ?? 20)
          .map(({ a, b, score, reasons }) => ({ a, b, score, reasons }));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/introductions',
      tag: 'introductions',
      summary: 'introductions under way (the longest waiting first), then the finished ones',
      response: z.array(introduction),
      async handle() {
        return (await app.introductions.list(app.clock())).map(introductionJson);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/introductions',
      tag: 'introductions',
      summary: 'start introducing a to b (ids or references); answers with the draft asking a',
      body: z
        .object({
          a: z.union([z.number().int(), z.string().min(1)]),
          b: z.union([z.number().int(), z.string().min(1)]),
          why: z.string().max(2000).nullable().optional(),
        })
        .strict(),
      status: 201,
      response: introduction,
      async handle({ body }) {
        return introductionJson(
          await app.introductions.start(String(body.a), String(body.b), body.why?.trim() || null),
        );
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/introductions/:id/steps',
      tag: 'introductions',
      summary: 'record the next step (asked-a, agreed-a, declined-a, asked-b, …, introduced, outcome)',
      params: idParam,
      body: z.object({ step: z.enum(INTRODUCTION_STEPS), note: z.string().max(2000).optional() }).strict(),
      response: introduction,
      async handle({ params, body }) {
        return introductionJson(
          await app.introductions.advance(params.id, body.step, body.note ? { note: body.note } : {}),
        );
      },
    }),
  ];
}
