import { afterAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app.js';
import { resolveConfig } from '../src/config.js';
import { createPersonRepository } from '../src/store/person.repository.js';
import { createPersonSearchRepository } from '../src/store/person-search.repository.js';
import { tempDataDir } from './support/cli-harness.js';
import { closeApps, postgresAvailable } from './support/test-databases.js';

/**
 * The search documents (docs/rules/segments.md#documents) are built by the first search that reads them,
 * with its progress; and text with `%`, `_` or `\` selects by those characters, not as `like` patterns, on
 * both databases.
 */
const NOW_TEXT = '2026-02-10T12:00:00Z';
const NOW = Date.parse(NOW_TEXT);
const postgresUrl = process.env.TEND_TEST_DATABASE_URL;
const opened: App[] = [];

afterAll(() => closeApps(opened));

async function openApp(dialect: 'sqlite' | 'postgres'): Promise<App> {
  const config = resolveConfig({ data: tempDataDir(), now: NOW_TEXT }, {});
  if (dialect === 'postgres' && postgresUrl)
    config.store = { dialect: 'postgres', url: postgresUrl, schema: `t_search_index_${process.pid}` };
  const app = await createApp(config);
  opened.push(app);
  return app;
}

const DIALECTS = postgresAvailable ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);

for (const dialect of DIALECTS) {
  describe(`search documents on ${dialect}`, () => {
    it('are built by the first search that reads them, which tells how far it is in people', async () => {
      const app = await openApp(dialect);
      await app.imports.importPaths(['test/fixtures/linkedin/2026'], { timeZone: 'Europe/Berlin' });
      // Left to the search: built by the import they made a large first import 3.4x as long.
      expect(await createPersonSearchRepository(app.store).isStale()).toBe(true);
      const steps: Array<[number, number]> = [];
      const onIndexProgress = (done: number, total: number) => steps.push([done, total]);
      await app.people.listing('onboarding', NOW, { onIndexProgress });
      const [done, total] = steps.at(-1) ?? [0, 0];
      expect(done === total && total > 10).toBe(true);
      expect(await createPersonSearchRepository(app.store).isStale()).toBe(false);
      // Nothing left to build for the next search, nor after a second import of the same files.
      steps.length = 0;
      await app.people.listing('onboarding', NOW, { onIndexProgress });
      await app.imports.importPaths(['test/fixtures/linkedin/2026'], { timeZone: 'Europe/Berlin' });
      await app.people.listing('onboarding', NOW, { onIndexProgress });
      expect(steps).toEqual([]);
    });

    it('read %, _ and \\ in the query as themselves', async () => {
      const app = await openApp(dialect);
      const people = createPersonRepository(app.store);
      const add = (name: string, company: string) =>
        people.insert({
          firstName: name,
          lastName: '',
          name,
          nameKey: name.toLowerCase(),
          company,
          position: null,
          connectedAt: null,
          connectionState: 'connected',
          lastExportAt: null,
          searchText: `${name} ${company}`.toLowerCase(),
          now: NOW,
        });
      await add('Ana', '100% Juice');
      await add('Bo', 'snake_case ltd');
      await add('Cy', 'back\\slash co');
      await add('Di', '1000 snakeXcase backXslash');
      const names = async (query: string) =>
        (await app.people.listing(query, NOW)).map((person) => person.name).sort();
      expect(await names('100%')).toEqual(['Ana']);
      expect(await names('%')).toEqual(['Ana']);
      expect(await names('company:"100%"')).toEqual(['Ana']);
      expect(await names('snake_case')).toEqual(['Bo']);
      expect(await names('_')).toEqual(['Bo']);
      expect(await names('company:e_c')).toEqual(['Bo']);
      expect(await names('"back\\\\slash"')).toEqual(['Cy']);
      expect(await names('k\\s')).toEqual(['Cy']);
      expect(await names('company:"\\\\"')).toEqual(['Cy']);
    });
  });
}
