import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

  it('takes the format from the output file name when --format is left out', async () => {
    const data = tempDataDir();
    expect((await runCli(['--data', data, '--now', NOW, 'demo'])).code).toBe(0);
    const exportTo = (file: string, ...more: string[]) =>
      runCli(['--data', data, '--now', NOW, '--json', 'export', '-o', join(data, file), ...more]);
    for (const [file, format, start] of [
      ['people.json', 'json', '{"format":"tend-export"'],
      ['people.vcf', 'vcf', 'BEGIN:VCARD'],
      ['People.CSV', 'csv', '\ufeffid,name,'],
      ['cards.vcard', 'vcf', 'BEGIN:VCARD'],
    ] as const) {
      const result = await exportTo(file);
      expect(result.code, result.stderr).toBe(0);
      expect(result.json()).toMatchObject({ format, file: join(data, file) });
      expect(readFileSync(join(data, file), 'utf8').startsWith(start), file).toBe(true);
    }
    // An explicit --format still writes a file whose name says no format.
    expect((await exportTo('backup', '--format', 'json')).code).toBe(0);
    expect(readFileSync(join(data, 'backup'), 'utf8')).toContain('"tend-export"');
  });

  it('refuses, in one line and writing nothing, a file name that says no format or another one', async () => {
    const data = tempDataDir();
    expect((await runCli(['--data', data, '--now', NOW, 'demo'])).code).toBe(0);
    const refused = async (argv: string[], message: string) => {
      const result = await runCli(['--data', data, '--now', NOW, 'export', ...argv]);
      expect(result.code, argv.join(' ')).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n'), argv.join(' ')).toHaveLength(1);
      expect(result.stderr).toContain(message);
    };
    await refused(
      ['-o', join(data, 'people.txt')],
      'cannot tell the format of "people.txt": name it .json, .vcf or .csv, or add --format json|vcf|csv',
    );
    await refused(['-o', join(data, 'people')], 'cannot tell the format of "people"');
    await refused(
      ['--format', 'csv', '-o', join(data, 'people.json')],
      '--format csv does not match "people.json" (a json name): leave out --format or rename the file',
    );
    await refused([], 'say which format: --format json|vcf|csv, or -o FILE ending in .json, .vcf or .csv');
    for (const file of ['people.txt', 'people', 'people.json'])
      expect(existsSync(join(data, file))).toBe(false);
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
