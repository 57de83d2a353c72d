import { afterAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app.js';
import { resolveConfig } from '../src/config.js';
import { tempDataDir } from './support/cli-harness.js';
import { closeApps, postgresAvailable } from './support/test-databases.js';

/** SQLite and PostgreSQL give the same daily plan (docs/rules/agenda.md#daily-plan) on the demo network. */
const ANCHOR = '2026-01-15';
const postgresUrl = process.env.TEND_TEST_DATABASE_URL;
const opened: App[] = [];

afterAll(() => closeApps(opened));

async function planOn(dialect: 'sqlite' | 'postgres', budget: string) {
  const config = resolveConfig({ data: tempDataDir(), now: `${ANCHOR}T09:00:00Z` }, {});
  if (dialect === 'postgres' && postgresUrl)
    config.store = { dialect: 'postgres', url: postgresUrl, schema: `t_plan_${process.pid}_${budget}` };
  const app = await createApp(config);
  opened.push(app);
  app.settings.set('timezone', 'UTC');
  app.settings.set('daily-budget', budget);
  await app.sample.load(config.dataDir, ANCHOR);
  const now = Date.parse(`${ANCHOR}T09:00:00Z`);
  const plan = await app.agenda.plan(now, { all: false });
  return {
    items: plan.items.map((item) => [
      item.id,
      item.kind,
      item.subject,
      item.due,
      item.reason,
      item.suggestion,
    ]),
    more: plan.more,
    dataAsOf: plan.dataAsOf,
    ranks: [...plan.ranks],
  };
}

describe.skipIf(!postgresAvailable)('the daily plan on both databases', () => {
  it.each(['12', '5'])('is the same on SQLite and PostgreSQL (budget %s)', async (budget) => {
    const sqlite = await planOn('sqlite', budget);
    expect(sqlite.items.length).toBeGreaterThan(0);
    expect(await planOn('postgres', budget)).toEqual(sqlite);
  });
});
