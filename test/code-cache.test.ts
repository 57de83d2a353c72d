import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeCacheAccepted, loadBundle, writeCodeCache } from '../bin/cli-loader.cjs';
import { repositoryRoot } from './support/built-cli.js';

/** The CLI starts from V8's code cache of its bundle (docs/PERFORMANCE.md#code-cache). */
describe('the code cache of the CLI bundle', () => {
  it('is accepted for the bundle the build made, an ASCII file (held one byte a character)', () => {
    const bundle = join(repositoryRoot, 'dist', 'bundle', 'main.cjs');
    expect(codeCacheAccepted(bundle)).toBe(true);
    expect(readFileSync(bundle).every((byte) => byte < 0x80)).toBe(true);
  });

  it("runs a rebuilt bundle's own code, never the cache of the bundle before it", () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tend-code-cache-')), 'main.cjs');
    writeFileSync(file, "module.exports.answer = () => 'first';\n");
    writeCodeCache(file);
    expect((loadBundle(file) as { answer(): string }).answer()).toBe('first');
    // The same length, other code: V8 alone would take the old cache for it.
    writeFileSync(file, "module.exports.answer = () => 'other';\n");
    expect(codeCacheAccepted(file)).toBe(false);
    expect((loadBundle(file) as { answer(): string }).answer()).toBe('other');
  });
});
