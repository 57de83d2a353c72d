import { readFileSync } from 'node:fs';
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
