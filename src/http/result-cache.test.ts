import { afterAll, describe, expect, it, vi } from 'vitest';
import { createApp, type App } from '../app.js';
import { closeApps, postgresAvailable } from '../../test/support/test-databases.js';
import { httpSession, type HttpSession } from '../../test/support/http-harness.js';
import { createResultCache } from './result-cache.js';

const PG_URL = process.env.TEND_TEST_DATABASE_URL;
const opened: App[] = [];
afterAll(() => closeApps(opened));

async function json(session: HttpSession, path: string): Promise<unknown> {
  const response = await session.call('GET', path);
  expect(response.status).toBe(200);
  return response.json();
}

/** The cached server and one computing every answer afresh, on the same data, say the same. */
async function sameAnswers(kept: HttpSession, fresh: HttpSession, paths: readonly string[]) {
  const answers = [];
  for (const path of paths) {
    const answer = await json(kept, path);
    expect(answer, path).toEqual(await json(fresh, path));
    answers.push(answer);
  }
  return answers;
}

describe('the server keeps the plan and searches until the data changes', () => {
  it('answers from the cache as it would without, and drops it when another process writes', async () => {
    const kept = await httpSession({ label: 'cache' });
    opened.push(kept.app);
    const fresh = await httpSession({ app: kept.app, keepResults: false });
    const plan = (await json(kept, '/api/today')) as {
      items: Array<{ id: string; person: { name: string } | null }>;
    };
    const item = plan.items.find((entry) => entry.person !== null)!;
    const who = `/api/people?q=${encodeURIComponent(item.person!.name)}`;
    const paths = [
      '/api/today',
      '/api/today?all=1',
      who,
      '/api/people?q=company%3Abrightloop',
      '/api/people?limit=5',
    ];
    const before = await sameAnswers(kept, fresh, paths);

    // The first answers write what they computed for later (search documents, scores), which is a change
    // too; asked again after that: kept, not computed.
    expect(await sameAnswers(kept, fresh, paths)).toEqual(before);
    const plans = vi.spyOn(kept.app.agenda, 'plan');
    const listings = vi.spyOn(kept.app.people, 'listing');
    await json(kept, '/api/today');
    await json(kept, who);
    expect(plans).not.toHaveBeenCalled();
    expect(listings).not.toHaveBeenCalled();

    // Another connection to the same database (as the CLI in another terminal) marks the item done, which
    // logs a message: the plan loses the item and the person's last interaction moves.
    const other = await createApp(kept.app.config);
    try {
      await other.agendaActions.mark(item.id, 'done', { done: { text: 'called' } });
    } finally {
      await other.close();
    }
    const after = await sameAnswers(kept, fresh, paths);
    expect(plans).toHaveBeenCalled();
    expect(after[0]).not.toEqual(before[0]);
    expect(after[2]).not.toEqual(before[2]);

    // The server's own write (undo) and a setting (the daily budget) change the answers too.
    expect((await kept.call('POST', '/api/undo')).status).toBe(200);
    expect(await sameAnswers(kept, fresh, paths)).toEqual(before);
    kept.app.settings.set('daily-budget', '2');
    const budgeted = (await sameAnswers(kept, fresh, ['/api/today']))[0] as { budget: number };
    expect(budgeted.budget).toBe(2);
  });

  it('shares one computation among concurrent requests and forgets a failed one', async () => {
    const cache = createResultCache(() => 'v1');
    let calls = 0;
    const work = () => Promise.resolve(++calls);
    expect(await Promise.all([cache.get(1, 'k', work), cache.get(1, 'k', work)])).toEqual([1, 1]);
    await expect(cache.get(1, 'bad', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(await cache.get(1, 'bad', work)).toBe(2);
    // A later instant: the earlier one's answers are gone.
    expect(await cache.get(2, 'k', work)).toBe(3);
  });

  it.skipIf(!postgresAvailable)('keeps nothing on PostgreSQL, which has no such signal', async () => {
    const session = await httpSession({ postgresUrl: PG_URL!, label: 'cache' });
    opened.push(session.app);
    expect(session.app.dataVersion()).toBeNull();
    const plans = vi.spyOn(session.app.agenda, 'plan');
    const first = await json(session, '/api/today');
    expect(await json(session, '/api/today')).toEqual(first);
    expect(plans).toHaveBeenCalledTimes(2);
  });
});
