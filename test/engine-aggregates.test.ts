import { afterAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app.js';
import { resolveConfig, type AppConfig } from '../src/config.js';
import { tempDataDir } from './support/cli-harness.js';
import { closeApps, postgresAvailable } from './support/test-databases.js';

/**
 * The engine answers from per-person aggregates kept when data changes
 * (docs/rules/exchanges-and-strength.md#aggregates). They must give exactly what a recomputation from every
 * event gives — on both databases — at the anchor date and later, and after a logged interaction updates one
 * person's aggregates only.
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
  // One person's items (`tend show`) are exactly theirs among the day's agenda, read from their own rows
  // only: everyone with an item, and a few without (a recomputing app recomputes all for each: two of them).
  const withItems = new Set(agenda.items.flatMap((item) => (item.person ? [item.person.id] : [])));
  const without = (await app.people.list(null)).filter((person) => !withItems.has(person.id)).slice(0, 3);
  const checked = [...withItems, ...without.map((person) => person.id)];
  for (const personId of app.config.recompute ? [checked[0] ?? 0, checked.at(-1) ?? 0] : checked)
    expect(await app.agenda.forPerson(personId, now), String(personId)).toEqual(
      agenda.items.filter((item) => item.person?.id === personId),
    );
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

afterAll(() => closeApps(opened));

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

    // Many logged meetings move the ego reference (the 95th percentile) for everyone, not just those people.
    const now = Date.parse(`${ANCHOR}T09:00:00Z`);
    for (const name of ['Sofia Reyes', 'Daniel Okafor', 'Jonas Berg']) {
      const person = (await stored.people.list(name))[0];
      for (let day = 1; day <= 8; day++)
        await stored.editing.log(String(person?.id), 'meeting', 'workshop', { at: now - day * 86_400_000 });
    }
    expect(await answers(stored, now)).toEqual(await answers(recomputing, now));

    const someone = (await stored.people.list('Karin Ek'))[0];
    expect(someone).toBeDefined();
    await stored.editing.log(String(someone?.id), 'call', 'caught up', { at: now - 3_600_000 });
    const after = await answers(stored, now);
    expect(after).toEqual(await answers(recomputing, now));
    expect(after.agenda.some((item) => item[2] === 'Karin Ek')).toBe(false);
  });

  it('rebuilds the aggregates after an import that stopped before refreshing them', async () => {
    const app = await createApp(configFor(dialect, `${ANCHOR}T09:00:00Z`, false));
    opened.push(app);
    app.settings.set('timezone', 'UTC');
    await app.sample.load(app.config.dataDir, ANCHOR);
    const now = Date.parse(`${ANCHOR}T09:00:00Z`);
    const before = await answers(app, now);
    // As a kill between the files' commits and the refresh leaves it: facts gone, marked stale.
    await app.store.db.deleteFrom('person_stats').execute();
    await app.relationships.markStale(app.store);
    const again = await app.imports.importPaths([`${app.config.dataDir}/sample-export`], { timeZone: 'UTC' });
    expect(again.files.every((file) => file.unchanged || file.format === 'ignored')).toBe(true);
    expect(await answers(app, now)).toEqual(before);
  });
});
