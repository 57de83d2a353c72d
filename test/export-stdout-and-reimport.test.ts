import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app.js';
import { resolveConfig } from '../src/config.js';
import { spawnTend } from './support/built-cli.js';
import { runCli, tempDataDir } from './support/cli-harness.js';
import { closeApps, postgresAvailable } from './support/test-databases.js';

/**
 * A second new user's trial: `tend export` to stdout writes the bytes `-o` writes
 * (docs/rules/export.md#stdout), and tend's own vCard export imported back adds no one
 * (docs/rules/identity-and-imports.md#own-vcard-uid), on SQLite and PostgreSQL. Made-up people.
 */
const postgresUrl = process.env.TEND_TEST_DATABASE_URL;
const NOW = '2024-03-12T12:00:00Z';
const opened: App[] = [];
afterAll(() => closeApps(opened));

describe('tend export to stdout', () => {
  it('writes exactly the bytes -o writes, CRLF kept, when stdout is a pipe', async () => {
    const data = tempDataDir();
    expect((await runCli(['--data', data, '--now', NOW, 'demo'])).code).toBe(0);
    for (const format of ['vcf', 'csv'] as const) {
      const file = join(data, `people.${format}`);
      const written = await spawnTend(['--data', data, '--now', NOW, 'export', '-o', file]);
      expect(written.code, written.stderr).toBe(0);
      const piped = await spawnTend(['--data', data, '--now', NOW, 'export', '--format', format]);
      expect(piped.code, piped.stderr).toBe(0);
      expect(piped.stdout).not.toContain('\ufffd');
      expect(piped.stdout).toContain('\r\n');
      expect(piped.stdout).toBe(readFileSync(file, 'utf8'));
    }
  }, 60_000);
});

async function reimportOn(dialect: 'sqlite' | 'postgres') {
  const data = tempDataDir();
  const config = resolveConfig({ data, now: NOW }, {});
  if (dialect === 'postgres' && postgresUrl)
    config.store = { dialect: 'postgres', url: postgresUrl, schema: `t_trial2_${process.pid}` };
  const app = await createApp(config);
  opened.push(app);
  const connections = join(data, 'Connections.csv');
  writeFileSync(
    connections,
    [
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      'Sara,Lind,,,Fjord AB,Designer,02 Feb 2020',
      'Ola,Berg,,,Nordkap,Analyst,07 Mar 2024',
      'Rahul,Verma,https://www.linkedin.com/in/rahul-verma-42,,Lumen Labs,Data Engineer,08 Mar 2024',
    ].join('\n'),
  );
  await app.imports.importPaths([connections]);
  let text = '';
  await app.exports.write('vcf', (chunk) => {
    text += chunk;
    return Promise.resolve();
  });
  const file = join(data, 'people.vcf');
  writeFileSync(file, text);
  const again = await app.imports.importPaths([file]);
  // Another installation's cards: an id missing here, and an id here under another name, match no one by id.
  const ids = [...text.matchAll(/UID:urn:tend:person:(\d+)/g)].map((match) => Number(match[1]));
  const foreign = join(data, 'foreign.vcf');
  writeFileSync(
    foreign,
    [
      `BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Kim Park\r\nN:Park;Kim;;;\r\nUID:urn:tend:person:${Math.max(...ids) + 1000}\r\nEND:VCARD`,
      `BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Lee Chan\r\nN:Chan;Lee;;;\r\nUID:urn:tend:person:${ids[0]}\r\nEND:VCARD`,
      '',
    ].join('\r\n'),
  );
  const other = await app.imports.importPaths([foreign]);
  return { reimportAdded: again.totals.peopleAdded, foreignAdded: other.totals.peopleAdded };
}

describe("tend's own vCard export imported back", () => {
  it('adds no one: the UID names the person, a UID from another installation names no one', async () => {
    expect(await reimportOn('sqlite')).toEqual({ reimportAdded: 0, foreignAdded: 2 });
  });

  it.skipIf(!postgresAvailable)('does the same on PostgreSQL', async () => {
    expect(await reimportOn('postgres')).toEqual({ reimportAdded: 0, foreignAdded: 2 });
  });
});
