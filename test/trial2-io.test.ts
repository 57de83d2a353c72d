import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnTend } from './support/built-cli.js';
import { runCli, tempDataDir } from './support/cli-harness.js';

/**
 * A second new user's trial: `tend export` to stdout writes the bytes `-o` writes
 * (docs/rules/export.md#stdout), an import of nothing tend reads exits 2
 * (docs/rules/identity-and-imports.md#import-exit-code), and tend's own vCard export imported back adds no
 * one (docs/rules/identity-and-imports.md#own-vcard-uid), on SQLite and PostgreSQL. Made-up people.
 */
const NOW = '2024-03-12T12:00:00Z';

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

describe('tend import of nothing tend reads', () => {
  it('exits 2 with one line naming the file; a folder with a file it reads stays 0', async () => {
    const data = tempDataDir();
    const bad = join(data, 'bad.csv');
    writeFileSync(bad, 'Foo,Bar\n1,2\n');
    const refused = await runCli(['--data', data, '--now', NOW, 'import', bad]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`tend: nothing imported: "${bad}" is not a file tend reads`);
    writeFileSync(
      join(data, 'Connections.csv'),
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nSara,Lind,,,Fjord AB,Designer,02 Feb 2020\n',
    );
    const mixed = await runCli(['--data', data, '--now', NOW, 'import', bad, join(data, 'Connections.csv')]);
    expect(mixed.code, mixed.stderr).toBe(0);
  });
});
