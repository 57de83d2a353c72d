import { afterAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app.js';
import { resolveConfig, type AppConfig } from '../src/config.js';
import { tempDataDir } from './support/cli-harness.js';
import { postgresAvailable } from './support/test-databases.js';

/**
 * The engine answers from per-person aggregates kept when data changes (rules.md). They must give exactly
 * what a recomputation from every event gives — on both databases — at the anchor date and later, and after
 * a logged interaction updates one person's aggregates only.
 */
const ANCHOR = '2026-01-15';
const postgresUrl = process.env.TEND_TEST_DATABASE_URL;
let schemaCounter = 0;

function configFor(dialect: 'sqlite' | 'postgres', now: string, recompute: boolean): AppConfig {
  const dataDir = tempDataDir();
  const config = resolveConfig({ data: dataDir, now }, {});
  if (dialect === 'postgres' && postgresUrl) {
    config.store = {
      dialect: 'postgres',
      url: postgresUrl,
      schema: `t_engine_${process.pid}_${schemaCounter++}`,
    };
  }
  return { ...config, recompute };
}

async function answers(app: App, now: number) {
  const agenda = await app.agenda.today(now);
  return {
    agenda: agenda.items.map((item) => [
      item.id,
      item.kind,
      item.subject,
      item.due,
      item.reason,
      item.suggestion,
    ]),
    unknownSenders: agenda.unknownSenders,
    health: await app.health.figures(now),
    prune: (await app.prune.candidates(now)).map((candidate) => candidate.person.id),
    strengths: [...(await app.relationships.strengths(now))].map(([id, strength]) => [
      id,
      strength.score,
      strength.band,
      strength.reasons.map((reason) => reason.text),
    ]),
  };
}

const dialects: Array<'sqlite' | 'postgres'> = postgresAvailable ? ['sqlite', 'postgres'] : ['sqlite'];
const opened: App[] = [];

afterAll(async () => {
  for (const app of opened) {
    if (app.store.dialect === 'postgres') {
      const schema = (app.config.store as { schema?: string }).schema;
      if (schema) await app.store.db.schema.dropSchema(schema).ifExists().cascade().execute();
    }
    await app.close();
  }
});

describe.each(dialects)('the engine on %s', (dialect) => {
  it('answers from its aggregates exactly as from every event, now, later, and after a log', async () => {
    const stored = await createApp(configFor(dialect, `${ANCHOR}T09:00:00Z`, false));
    opened.push(stored);
    const dataDir = stored.config.dataDir;
    stored.settings.set('timezone', 'Europe/Berlin');
    await stored.sample.load(dataDir, ANCHOR);
    // The same data folder and database, read by an app that recomputes everything on each answer.
    const recomputing = await createApp({ ...stored.config, recompute: true });
    opened.push(recomputing);

    for (const day of [ANCHOR, '2026-02-20', '2027-03-01']) {
      const now = Date.parse(`${day}T09:00:00Z`);
      expect(await answers(stored, now), day).toEqual(await answers(recomputing, now));
    }

    const someone = (await stored.people.list('Karin Ek'))[0];
    expect(someone).toBeDefined();
    const now = Date.parse(`${ANCHOR}T09:00:00Z`);
    await stored.editing.log(String(someone?.id), 'call', 'caught up', { at: now - 3_600_000 });
    const after = await answers(stored, now);
    expect(after).toEqual(await answers(recomputing, now));
    expect(after.agenda.some((item) => item[2] === 'Karin Ek')).toBe(false);
  });
});
