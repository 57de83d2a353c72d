import { afterAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app.js';
import { resolveConfig } from '../src/config.js';
import { tempDataDir } from './support/cli-harness.js';
import { closeApps, postgresAvailable } from './support/test-databases.js';

/**
 * Segment queries (docs/rules/segments.md) on the demo network: what each selects on SQLite, and the same
 * people on PostgreSQL. Edits after the first search check that the search documents follow changes.
 */
const ANCHOR = '2026-01-15';
const NOW = Date.parse(`${ANCHOR}T09:00:00Z`);
const postgresUrl = process.env.TEND_TEST_DATABASE_URL;
const opened: App[] = [];

afterAll(() => closeApps(opened));

const QUERIES = [
  'product',
  'stockholm',
  'elodie',
  'ÉLODIE marchand',
  'sante',
  'company:"northwind health"',
  'company:(carevia OR medova) -title:head',
  'title:"product manager"',
  'tag:pm-peers',
  'tag:pm',
  'circle:inner OR circle:close',
  '-circle:none',
  'how-met:"product tank"',
  'offers:pricing',
  'pricing workshop',
  '"roadmaps before"',
  'roadmap',
  'kombucha',
  'connected:>2025-06-01',
  'connected:2025',
  'connected:<90d',
  'last:<60d',
  'last:>1y',
  'strength:>=40',
  'band:strong OR band:medium',
  'band:none -connected:2025',
  'source:linkedin',
  'source:vcard',
  '(product OR engineer) -company:northwind',
  '@peers',
  '@peers -offers:pricing',
];

async function answersOn(dialect: 'sqlite' | 'postgres') {
  const config = resolveConfig({ data: tempDataDir(), now: `${ANCHOR}T09:00:00Z` }, {});
  if (dialect === 'postgres' && postgresUrl)
    config.store = { dialect: 'postgres', url: postgresUrl, schema: `t_segments_${process.pid}` };
  const app = await createApp(config);
  opened.push(app);
  app.settings.set('timezone', 'UTC');
  await app.sample.load(config.dataDir, ANCHOR);
  const names = async (query: string) => (await app.people.listing(query, NOW)).map((person) => person.name);
  const before = await names('kombucha');
  // Changes after the documents were built: a note, and a logged call with a summary.
  await app.editing.set('Olivia Grant', { notes: 'Started a kombucha brewery with Zoë' });
  await app.editing.log('Ravi Menon', 'call', 'Talked about Kombucha pricing and clinician onboarding', {
    on: ANCHOR,
  });
  await app.segments.save('peers', 'tag:pm-peers OR title:"product manager"', NOW);
  const answers: Record<string, string[]> = { before: before };
  for (const query of QUERIES) answers[query] = await names(query);
  return answers;
}

describe('segment queries', () => {
  it('select by fields, free text over notes and summaries, negation, OR and saved segments', async () => {
    const answers = await answersOn('sqlite');
    expect(answers.before).toEqual([]);
    expect(answers.kombucha).toEqual(['Olivia Grant', 'Ravi Menon']);
    expect(answers.elodie).toEqual(['Élodie Marchand']);
    expect(answers['ÉLODIE marchand']).toEqual(['Élodie Marchand']);
    expect(answers['company:"northwind health"']).toEqual([
      'Aisha Bello',
      'Elin Sjöberg',
      'Oskar Nyberg',
      'Samuel Adeyemi',
      'Sara Lindgren',
    ]);
    expect(answers['company:(carevia OR medova) -title:head']).toEqual([
      'Jakob Strand',
      'Laura Bianchi',
      'Petra Kowalczyk',
    ]);
    expect(answers['sante']).toEqual(['Élodie Marchand']);
    expect(answers['@peers -offers:pricing']).toEqual(['Jakob Strand', 'Lukas Meyer', 'Pedro Alves']);
    // 90 days before 2026-01-15 is 2025-10-17: Ida (30 Oct) is in, Jonathan (13 Oct) is not.
    expect(answers['connected:<90d']).toContain('Ida Magnusson');
    expect(answers['connected:<90d']).not.toContain('Jonathan Weiss');
    expect(answers['last:>1y']).toEqual(['Gustav Almqvist', 'Henrik Dahl', 'Karin Ek', 'Leila Farah']);
    expect(answers['tag:pm']).toEqual([]);
    expect(answers['tag:pm-peers']).toContain('Hannah Virtanen');
    expect(answers['how-met:"product tank"']).toContain('Hannah Virtanen');
    expect(answers['pricing workshop']).toContain('Hannah Virtanen');
    expect(answers['"roadmaps before"']).toEqual(['Hannah Virtanen']);
    expect(answers['@peers']).toEqual(
      [...new Set([...answers['tag:pm-peers']!, ...answers['title:"product manager"']!])].sort((a, b) =>
        a.localeCompare(b),
      ),
    );
    expect(answers['band:strong OR band:medium']!.length).toBeGreaterThan(0);
    expect(answers['last:<60d']!.length).toBeGreaterThan(0);
    expect(answers['source:vcard']).toEqual([]);
  });

  it.skipIf(!postgresAvailable)('give the same people on SQLite and PostgreSQL', async () => {
    const sqlite = await answersOn('sqlite');
    expect(await answersOn('postgres')).toEqual(sqlite);
  });
});
