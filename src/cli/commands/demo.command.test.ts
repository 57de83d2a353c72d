import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, tempDataDir } from '../../../test/support/cli-harness.js';
import { repositoryRoot } from '../../../test/support/built-cli.js';

const savedTmp = process.env.TMPDIR;
afterEach(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
});

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

  it('keeps one demo folder a day in the temporary folder: the next demo replaces it, earlier days go', async () => {
    const tmp = tempDataDir();
    process.env.TMPDIR = tmp;
    const user = userInfo().username.replace(/[^\w.-]/g, '_');
    const yesterday = join(tmp, `tend-demo-${user}-2020-01-01`);
    mkdirSync(yesterday);
    writeFileSync(join(yesterday, '.tend-demo'), '');
    const unmarked = join(tmp, `tend-demo-${user}-notes`);
    mkdirSync(unmarked);
    const first = await runCli(['--json', 'demo', '--now', '2026-01-15T09:00:00Z']);
    expect(first.code).toBe(0);
    const second = await runCli(['--json', 'demo', '--now', '2026-01-15T09:00:00Z']);
    expect(second.code).toBe(0);
    const folder = second.json<{ dataDir: string }>().dataDir;
    expect(first.json<{ dataDir: string }>().dataDir).toBe(folder);
    expect(folder.startsWith(join(tmp, `tend-demo-${user}-20`))).toBe(true);
    expect(readdirSync(tmp).sort()).toEqual([`tend-demo-${user}-notes`, folder.slice(tmp.length + 1)].sort());
    const people = await runCli(['--data', folder, '--json', 'people']);
    expect(people.json<unknown[]>().length).toBeGreaterThan(10);
  });

  it('says tend in its hints when the tend on PATH is this copy, else the path of bin/tend', async () => {
    const onPath = tempDataDir();
    symlinkSync(join(repositoryRoot, 'bin', 'tend'), join(onPath, 'tend'));
    const installed = await runCli(
      ['--data', join(tempDataDir(), 'a'), 'demo', '--now', '2026-01-15T09:00:00Z'],
      {
        PATH: `/nonexistent:${onPath}`,
      },
    );
    expect(installed.code).toBe(0);
    expect(installed.stderr).toMatch(/^ {2}tend --data \S+ show "Rasmus Holm"$/m);
    const clone = await runCli(
      ['--data', join(tempDataDir(), 'b'), 'demo', '--now', '2026-01-15T09:00:00Z'],
      {
        PATH: '/nonexistent',
      },
    );
    expect(clone.stderr).not.toMatch(/^ {2}tend /m);
    expect(clone.stderr).toMatch(/^ {2}(\.\/bin\/tend|\/\S+\/bin\/tend) --data \S+ people$/m);
  });
});
