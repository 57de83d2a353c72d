import { z } from 'zod';
import { AGENDA_KINDS } from '../../domain/agenda.js';
import { formatInstant } from '../../domain/time.js';
import { DONE_KINDS, type MarkResult } from '../../services/agenda-actions.service.js';
import type { App } from '../../app.js';
import { defineRoute } from '../api-route.js';
import { settingsKey, type ResultCache } from '../result-cache.js';
import { day, flag, instant, personRef } from '../api-schemas.js';

const kind = z.enum(AGENDA_KINDS);

const item = z.object({
  id: z.string(),
  kind,
  person: personRef.nullable(),
  subject: z.string().describe('who the item is about, also when not (yet) a person in tend'),
  due: day,
  reason: z.string(),
  suggestion: z.string(),
  rank: z.number().int().nullable(),
});

const plan = z.object({
  now: instant,
  today: day,
  items: z.array(item),
  more: z.record(z.string(), z.number().int()),
  dataAsOf: instant.nullable(),
  budget: z.number().int(),
  nothingImported: z.boolean(),
  unknownSenders: z.number().int(),
  unknownSenderNames: z.array(z.string()),
});

const itemParam = z.object({ id: z.string().regex(/^[0-9a-f]{6,40}$/, 'is not an agenda item id') });

const marked = z.object({
  id: z.string(),
  state: z.enum(['done', 'snoozed', 'dismissed']),
  kind,
  person: personRef.nullable(),
  until: day.nullable(),
  logged: z
    .object({ id: z.number().int(), kind: z.string(), direction: z.enum(['in', 'out', 'both']) })
    .nullable(),
});

const markedJson = (id: string, result: MarkResult): z.input<typeof marked> => ({
  id,
  state: result.state,
  kind: result.item.kind,
  person: result.item.person,
  until: result.until,
  logged: result.logged,
});

/** The daily plan and the marks on it: the same services as `tend today`, `done`, `snooze`, `dismiss`, `undo`. */
export function todayRoutes(app: App, cache: ResultCache) {
  async function planAt(now: number, all: boolean): Promise<z.input<typeof plan>> {
    const result = await app.agenda.plan(now, { all });
    return {
      now: formatInstant(now),
      today: result.today,
      items: result.items.map((entry) => ({
        id: entry.id,
        kind: entry.kind,
        person: entry.person,
        subject: entry.subject,
        due: entry.due,
        reason: entry.reason,
        suggestion: entry.suggestion,
        rank: result.ranks.get(entry.id) ?? null,
      })),
      more: result.more,
      dataAsOf: result.dataAsOf === null ? null : formatInstant(result.dataAsOf),
      budget: result.budget,
      nothingImported: result.nothingImported,
      unknownSenders: result.unknownSenders,
      unknownSenderNames: [...result.unknownSenderNames],
    };
  }
  return [
    defineRoute({
      method: 'get',
      path: '/api/today',
      tag: 'today',
      summary: "the day's plan (at most a dozen items) and the counted rest; ?all=1 lists everything due",
      query: z.object({ all: flag }),
      response: plan,
      handle({ query }) {
        const now = app.clock();
        return cache.get(now, `today ${query.all} ${settingsKey(app)}`, () => planAt(now, query.all));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/today/:id/done',
      tag: 'today',
      summary: 'mark an item done and log what happened (a message unless `as` says otherwise)',
      params: itemParam,
      body: z.object({
        as: z.enum(DONE_KINDS).optional(),
        text: z.string().max(2000).nullable().optional(),
        log: z.boolean().optional(),
      }),
      response: marked,
      async handle({ params, body }) {
        const result = await app.agendaActions.mark(params.id, 'done', {
          done: {
            ...(body.as !== undefined ? { as: body.as } : {}),
            text: body.text ?? null,
            ...(body.log !== undefined ? { log: body.log } : {}),
          },
        });
        return markedJson(params.id, result);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/today/:id/snooze',
      tag: 'today',
      summary: "hide an item, and the person's other care items, until a day (YYYY-MM-DD, 3d, 2w, next-week)",
      params: itemParam,
      body: z.object({ until: z.string().min(1) }),
      response: marked,
      async handle({ params, body }) {
        return markedJson(
          params.id,
          await app.agendaActions.mark(params.id, 'snoozed', { until: body.until }),
        );
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/today/:id/dismiss',
      tag: 'today',
      summary: 'dismiss an item: nothing more for that person until something new happens',
      params: itemParam,
      response: marked,
      async handle({ params }) {
        return markedJson(params.id, await app.agendaActions.mark(params.id, 'dismissed'));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/undo',
      tag: 'today',
      summary: 'take back the latest mark or log',
      response: z.object({ undone: z.string().nullable() }),
      async handle() {
        const result = await app.agendaActions.undo();
        return { undone: result?.description ?? null };
      },
    }),
  ];
}
