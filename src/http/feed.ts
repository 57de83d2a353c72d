import type { Context } from 'hono';
import type { App } from '../app.js';
import { agendaCalendar } from '../domain/agenda-calendar.js';
import { errorBody } from './errors.js';

/**
 * `GET /feed/agenda.ics?key=…`: the plan as iCalendar for calendar apps, which cannot sign in: the feed key
 * (`tend feed-url`, revoked by `--rotate`) stands for the session, and it reads, never writes. Every item
 * due is in it, not only the day's budget.
 */
export async function agendaFeed(app: App, c: Context) {
  if (!app.feedKeys.matches(c.req.query('key') ?? ''))
    return c.json(
      errorBody('unauthorized', 'not a valid feed key: `tend feed-url` prints the current URL'),
      401,
    );
  const now = app.clock();
  const plan = await app.agenda.plan(now, { all: true });
  const calendar = agendaCalendar(
    plan.items.map((item) => ({
      id: item.id,
      kind: item.kind,
      subject: item.subject,
      due: item.due,
      reason: item.reason,
      suggestion: item.suggestion,
    })),
    now,
    plan.today,
  );
  return c.body(calendar, 200, {
    'content-type': 'text/calendar; charset=utf-8',
    'cache-control': 'no-store',
  });
}
