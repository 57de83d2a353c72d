import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDataDir } from '../../test/support/cli-harness.js';

/** docs/rules/export.md through the CLI: export to a file, restore it with `tend import`. */
const NOW = '2026-01-15T09:00:00Z';

describe('tend export', () => {
  it('writes a JSON export that tend import restores into an empty folder, and only there', async () => {
    const source = tempDataDir();
    expect((await runCli(['--data', source, '--now', NOW, 'demo'])).code).toBe(0);
    const file = join(source, 'everything.json');
    const exported = await runCli([
      '--data',
      source,
      '--now',
      NOW,
      '--json',
      'export',
      '--format',
      'json',
      '-o',
      file,
    ]);
    expect(exported.code).toBe(0);
    expect(exported.json()).toMatchObject({ format: 'json', file });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'tend-export', version: 1 });

    const target = tempDataDir();
    const restored = await runCli(['--data', target, '--now', NOW, '--json', 'import', file]);
    expect(restored.code).toBe(0);
    expect(restored.json()).toMatchObject({ files: [{ path: file, format: 'tend-export' }] });
    const people = (data: string) =>
      runCli(['--data', data, '--now', NOW, '--json', 'people']).then((r) => r.json());
    expect(await people(target)).toEqual(await people(source));

    const twice = await runCli(['--data', target, '--now', NOW, 'import', file]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('restores only into an empty data folder');
  });

  it('refuses a format it does not know', async () => {
    const result = await runCli(['--data', tempDataDir(), 'export', '--format', 'xlsx']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--format "xlsx" is not known: use json, vcf or csv');
  });

  it('restoring an export reports the interactions and kept records the import reported', async () => {
    const source = tempDataDir();
    const folder = join(source, 'linkedin');
    mkdirSync(folder, { recursive: true });
    // A 2023-era export: no URL column; two connections of one name, so a reply to that name alone is
    // stored without a person (unmatched); one message in SPAM (stored, flagged skipped).
    writeFileSync(
      join(folder, 'Connections.csv'),
      [
        'First Name,Last Name,Email Address,Company,Position,Connected On',
        'Priya,Nair,,Tidewater,Analyst,03 Mar 2025',
        'Priya,Nair,,Bluefin,Designer,04 Apr 2024',
        'Omar,Said,,Harbor Co,Engineer,05 May 2024',
      ].join('\n'),
    );
    const me = 'Ivo Brandt,https://www.linkedin.com/in/ivo-brandt';
    const omar = 'Omar Said,https://www.linkedin.com/in/omar-said';
    writeFileSync(
      join(folder, 'messages.csv'),
      [
        'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER',
        `c1,,${omar},${me},2025-06-01 09:00:00 UTC,,Are you at the fair on Monday?,INBOX`,
        `c1,,${me},${omar},2025-06-01 10:00:00 UTC,,Yes see you at the stand,INBOX`,
        `c2,,${me},Priya Nair,,2025-06-02 10:00:00 UTC,,Thanks for the intro to your team,INBOX`,
        `c3,,${omar},${me},2025-06-03 09:00:00 UTC,,Win a free cruise now,SPAM`,
      ].join('\n'),
    );
    const totalsOf = (result: { json<T>(): T }) =>
      result.json<{ totals: { interactionsAdded: number; recordsKept: number } }>().totals;
    const imported = await runCli([
      '--data',
      source,
      '--now',
      NOW,
      '--json',
      'import',
      '--tz',
      'UTC',
      folder,
    ]);
    expect(imported.code).toBe(0);
    const fromImport = totalsOf(imported);
    expect(fromImport).toMatchObject({ interactionsAdded: 2, recordsKept: 2 });
    const file = join(source, 'everything.json');
    expect(
      (await runCli(['--data', source, '--now', NOW, 'export', '--format', 'json', '-o', file])).code,
    ).toBe(0);
    const target = tempDataDir();
    const restored = await runCli(['--data', target, '--now', NOW, '--json', 'import', file]);
    expect(restored.code).toBe(0);
    expect(totalsOf(restored)).toMatchObject(fromImport);
    const text = await runCli(['--data', tempDataDir(), '--now', NOW, 'import', file]);
    expect(text.stdout).toContain(
      'Interactions: 2 added (and 2 records kept that are no interaction: flagged skipped, or without a person yet).',
    );
  });
});
