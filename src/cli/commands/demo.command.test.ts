import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDataDir } from '../../../test/support/cli-harness.js';

describe('tend demo', () => {
  it('puts the sample in the folder given with --data, where later commands find it', async () => {
    const data = join(tempDataDir(), 'sample');
    const demo = await runCli(['--data', data, '--json', 'demo', '--now', '2026-01-15T09:00:00Z']);
    expect(demo.code).toBe(0);
    expect(demo.json<{ dataDir: string }>().dataDir).toBe(data);
    expect(existsSync(join(data, 'tend.db'))).toBe(true);
    const people = await runCli(['--data', data, '--json', 'people']);
    expect(people.code).toBe(0);
    expect(people.json<unknown[]>().length).toBeGreaterThan(10);
  });

  it('refuses a --data folder that is not empty, and leaves it alone', async () => {
    const data = tempDataDir();
    await runCli(['--data', data, 'config', 'timezone', 'Europe/Oslo']);
    await runCli(['--data', data, 'people']);
    const demo = await runCli(['--data', data, 'demo', '--now', '2026-01-15T09:00:00Z']);
    expect(demo.code).toBe(1);
    expect(demo.stderr).toMatch(/^tend: --data .* is not empty .*\n$/);
    expect((await runCli(['--data', data, '--json', 'people'])).json()).toEqual([]);
    expect((await runCli(['--data', data, 'config', 'timezone'])).stdout).toContain('Europe/Oslo');
  });
});
