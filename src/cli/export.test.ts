import { readFileSync } from 'node:fs';
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
});
