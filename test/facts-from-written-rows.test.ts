import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createApp, type App } from '../src/app.js';
import { resolveConfig } from '../src/config.js';
import { WrittenInteractions } from '../src/domain/written-interactions.js';
import { createDataAgeRepository } from '../src/store/data-age.repository.js';
import { tempDataDir } from './support/cli-harness.js';

/**
 * A first import builds the relationship facts from its own copy of the rows it wrote instead of reading
 * them back (domain/written-interactions.ts). For every era's fixture, those facts must be exactly what a
 * rebuild from the database gives; the copy is given up whenever stored rows changed after their insert.
 */
const fixtures = join(import.meta.dirname, 'fixtures', 'linkedin');
const eras = readdirSync(fixtures, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(fixtures, entry.name, 'EXPECTED.md')))
  .map((entry) => entry.name);
const opened: App[] = [];

afterAll(async () => {
  for (const app of opened) await app.close();
});

async function storedFacts(app: App): Promise<unknown[]> {
  return app.store.db
    .selectFrom('person_stats')
    .select(['person_id', 'facts', 'exchange_count', 'records', 'unanswered_days', 'intensity_key'])
    .orderBy('person_id')
    .execute();
}

describe('facts from the rows a first import wrote', () => {
  const drained = vi.spyOn(WrittenInteractions.prototype, 'drain');
  let fromWritten = 0;

  it.each(eras)('equal the facts rebuilt from the database (%s)', async (era) => {
    const app = await createApp(resolveConfig({ data: tempDataDir(), now: '2026-11-21T12:00:00Z' }, {}));
    opened.push(app);
    app.settings.set('timezone', 'UTC');
    const calls = drained.mock.calls.length;
    await app.imports.importPaths([join(fixtures, era)]);
    if (drained.mock.calls.length > calls) fromWritten++;
    const imported = await storedFacts(app);
    expect(imported.length).toBeGreaterThan(0);
    // The data's age remembered from the written rows (first-import.ts newestWritten) is what a scan gives.
    const age = createDataAgeRepository(app.store);
    expect(await age.asOf(Number.MAX_SAFE_INTEGER)).toBe(await age.newestImportedAt(Number.MAX_SAFE_INTEGER));
    await app.relationships.refreshAll();
    expect(await storedFacts(app)).toEqual(imported);
  });

  it('took the written rows for most eras (the rest changed stored rows after their insert)', () => {
    expect(fromWritten).toBeGreaterThanOrEqual(Math.ceil(eras.length / 2));
  });
});
