import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app.js';
import { resolveConfig } from '../config.js';
import { tempDataDir } from '../../test/support/cli-harness.js';
import { closeApps, postgresAvailable } from '../../test/support/test-databases.js';

/**
 * docs/rules/identity-and-imports.md#duplicate-proposals and #merge-records on both databases: the same
 * proposals with the same reasons, and a merge undone exactly, whichever store holds the people.
 */
const NOW = '2026-12-01T12:00:00Z';
const postgresUrl = process.env.TEND_TEST_DATABASE_URL;
const opened: App[] = [];
afterAll(() => closeApps(opened));

function card(name: string, email: string): string {
  return `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\nEMAIL:${email}\r\nEND:VCARD\r\n`;
}

async function openApp(dialect: 'sqlite' | 'postgres'): Promise<App> {
  const config = resolveConfig({ data: tempDataDir(), now: NOW }, {});
  if (dialect === 'postgres' && postgresUrl)
    config.store = { dialect: 'postgres', url: postgresUrl, schema: `t_merge_dialects_${process.pid}` };
  const app = await createApp(config);
  opened.push(app);
  const book = join(config.dataDir, 'book.vcf');
  writeFileSync(
    book,
    card('John Doe', 'john.doe@ibm.com') +
      card('Johnny Doe', 'jd@ibm.com') +
      card('Robert Smith', 'robert@acme.example') +
      card('Bob Smith', 'bob@acme.example') +
      card('Aiko Tanabe', 'aiko@gmail.com') +
      card('Aiko Tanabe', 'a.tanabe@gmail.com'),
  );
  await app.imports.importPaths([book]);
  return app;
}

const DIALECTS = postgresAvailable ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);

describe('duplicate proposals and merges on every database', () => {
  const answers = new Map<string, unknown>();
  for (const dialect of DIALECTS)
    it(`proposes close names with a shared employer domain, never an open mail provider, and undoes a merge exactly (${dialect})`, async () => {
      const app = await openApp(dialect);
      const pairs = (await app.merges.dupes()).map(({ a, b, reasons }) => ({
        names: [a.name, b.name],
        reasons,
      }));
      expect(pairs).toContainEqual({
        names: ['John Doe', 'Johnny Doe'],
        reasons: ['close names (John Doe / Johnny Doe), both with e-mail at ibm.com'],
      });
      // gmail.com is everybody's: a shared domain there says nothing about two people being one.
      expect(pairs.some(({ reasons }) => reasons.some((reason) => reason.includes('gmail.com')))).toBe(false);

      const before = (await app.people.listing('', Date.parse(NOW))).map((person) => person.name).sort();
      const merged = await app.merges.merge('john.doe@ibm.com', 'jd@ibm.com');
      expect(merged.merged.name).toBe('Johnny Doe');
      expect((await app.merges.dupes()).some(({ b }) => b.name === 'Johnny Doe')).toBe(false);
      await app.merges.unmerge('jd@ibm.com');
      const after = (await app.people.listing('', Date.parse(NOW))).map((person) => person.name).sort();
      expect(after).toEqual(before);
      answers.set(dialect, pairs);
      if (answers.size === DIALECTS.length)
        expect(answers.get('postgres') ?? pairs).toEqual(answers.get('sqlite'));
    });
});
