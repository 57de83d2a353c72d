import { afterAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app.js';
import { resolveConfig } from '../config.js';
import { tempDataDir } from '../../test/support/cli-harness.js';
import { closeApps } from '../../test/support/test-databases.js';
import { buildKeptPeople } from './kept-people.js';

const opened: App[] = [];
afterAll(() => closeApps(opened));

const listed = (id: number, name: string) => ({
  id,
  name,
  company: null,
  position: null,
  circle: null,
  connectedAt: null,
  strengthFloor: null,
  strengthOverride: null,
});

describe('the people `tend serve` keeps (docs/PERFORMANCE.md#kept-people)', () => {
  it('find a substring by the rarest of its trigrams, in name order, short ones by a scan', () => {
    const kept = buildKeptPeople([
      { listed: listed(3, 'Zoë Berg'), archived: false, text: 'zoe berg \u0001 acme' },
      { listed: listed(1, 'Anna Berg'), archived: false, text: 'anna berg \u0001 globex' },
      { listed: listed(2, 'anna berg'), archived: true, text: 'anna berg \u0001 acme ab' },
    ]);
    const names = (ranks: number[]) => ranks.map((rank) => kept.ordered[rank]?.listed.id);
    expect(names(kept.containing('berg'))).toEqual([1, 2, 3]);
    expect(names(kept.containing('acme'))).toEqual([2, 3]);
    expect(names(kept.containing('me a'))).toEqual([2]);
    expect(names(kept.containing('ab'))).toEqual([2]);
    expect(names(kept.containing('q'))).toEqual([]);
    expect(names(kept.containing('bergx'))).toEqual([]);
  });

  it('answer every query as the store does, archived people and words in notes included', async () => {
    const config = resolveConfig({ data: tempDataDir(), now: '2026-01-15T09:00:00Z' }, {});
    const plain = await createApp(config);
    opened.push(plain);
    plain.settings.set('timezone', 'UTC');
    await plain.sample.load(config.dataDir, '2026-01-15');
    const everyone = await plain.people.listing(null);
    const [first, second] = everyone;
    await plain.editing.set(String(first!.id), { notes: 'Met at the Ångström lecture on Rust' });
    await plain.prune.archive([String(second!.id)], { force: true });

    const kept = await createApp(config, { keepPeople: true });
    opened.push(kept);
    const queries = new Set<string>([
      'rust',
      'angstrom',
      'Ångström lect',
      'a',
      'an',
      'zz',
      'company:brightloop',
    ]);
    for (const person of everyone) {
      queries.add(person.name);
      queries.add(person.name.slice(1, 4));
      if (person.company) queries.add(person.company);
    }
    const compared = [];
    for (const query of queries)
      for (const includeArchived of [false, true]) {
        const expected = await plain.people.listing(query, undefined, { includeArchived });
        expect(await kept.people.listing(query, undefined, { includeArchived }), query).toEqual(expected);
        compared.push(expected.length);
      }
    expect(compared.some((count) => count > 1)).toBe(true);
    expect(await kept.people.listing(null)).toEqual(await plain.people.listing(null));

    // Kept until the data changes: notes edited through another connection are found by their new words.
    await plain.editing.set(String(first!.id), { notes: 'now about Kotlin' });
    expect((await kept.people.listing('kotlin')).map((person) => person.id)).toEqual([first!.id]);
    expect((await kept.people.listing('rust')).map((person) => person.id)).toEqual(
      (await plain.people.listing('rust')).map((person) => person.id),
    );
  });
});
