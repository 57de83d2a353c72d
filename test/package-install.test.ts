import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, lstatSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repositoryRoot, tendEnv } from './support/built-cli.js';

/**
 * What `npm install -g` puts on a user's machine, checked from the package itself: `npm pack` of the bundle
 * global-setup.ts built, and that tarball installed into a prefix of its own — offline, from the npm cache
 * that `npm ci` filled (no test may use the network) — then the installed command run from another folder.
 * README.md#set-up-two-commands
 */
const work = mkdtempSync(join(tmpdir(), 'tend-package-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const npm = (args: string[]) =>
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: repositoryRoot,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });

interface Packed {
  filename: string;
  files: Array<{ path: string }>;
}

describe('the npm package', () => {
  let packed: Packed;

  it('packs bin/tend, the bundle and the sample, and no sources', () => {
    // --ignore-scripts: global-setup.ts has just built the bundle; prepare would build it again.
    packed = (
      JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work])) as Packed[]
    )[0]!;
    const files = packed.files.map((file) => file.path);
    for (const file of [
      'bin/tend',
      'bin/cli-loader.cjs',
      // The entry point is CommonJS because of it: without it, bin/tend would run as an ES module.
      'bin/package.json',
      'dist/bundle/main.cjs',
      'dist/bundle/main.cjs.cache',
      'dist/bundle/serve.cjs',
      'dist/bundle/linkedin-records.worker.js',
      'dist/bundle/file-hash.worker.js',
      'dist/bundle/wal-checkpoint.worker.js',
      'sample/overlay.json',
      'package.json',
      'README.md',
    ])
      expect(files).toContain(file);
    expect(files.filter((file) => !/^(bin|dist\/bundle|dist\/web|sample)\/|^[^/]+$/.test(file))).toEqual([]);
  });

  it('installs a working copy, not a link: tend demo and people run from another folder, and the hints say tend', () => {
    // Laid out as `npm install -g` does (the package in lib/node_modules, its command linked from bin/), its
    // dependencies installed by `npm ci` from the repository's lockfile: resolving them afresh, as a global
    // install of the tarball does, needs the registry's package documents, which `npm ci` never caches (a
    // new machine has none, and tests may not use the network).
    const prefix = join(work, 'prefix');
    const installed = join(prefix, 'lib', 'node_modules', 'tend');
    mkdirSync(installed, { recursive: true });
    execFileSync('tar', ['-xzf', join(work, packed.filename), '-C', installed, '--strip-components=1']);
    copyFileSync(join(repositoryRoot, 'package-lock.json'), join(installed, 'package-lock.json'));
    npm(['ci', '--offline', '--ignore-scripts', '--omit=dev', '--prefix', installed]);
    mkdirSync(join(prefix, 'bin'));
    symlinkSync(join('..', 'lib', 'node_modules', 'tend', 'bin', 'tend'), join(prefix, 'bin', 'tend'));
    expect(lstatSync(installed).isDirectory()).toBe(true);
    // better-sqlite3's install script compiles SQLite (minutes) or downloads a binary (the network): the test
    // uses the copy the repository's own install built instead.
    const driver = join(installed, 'node_modules', 'better-sqlite3');
    rmSync(driver, { recursive: true, force: true });
    cpSync(join(repositoryRoot, 'node_modules', 'better-sqlite3'), driver, { recursive: true });

    const tend = (...args: string[]) =>
      spawnSync(join(prefix, 'bin', 'tend'), args, {
        cwd: work,
        encoding: 'utf8',
        env: tendEnv({ PATH: `${join(prefix, 'bin')}:${process.env.PATH ?? ''}` }),
      });
    const data = join(work, 'data');
    const demo = tend('--data', data, 'demo', '--now', '2026-01-15T09:00:00Z');
    expect(demo.status, demo.stderr).toBe(0);
    expect(demo.stdout).toContain('Today, 2026-01-15');
    expect(demo.stderr).toContain(`  tend --data ${data} show "Rasmus Holm"`);
    const people = tend('--data', data, '--json', 'people');
    expect(people.status, people.stderr).toBe(0);
    expect((JSON.parse(people.stdout) as unknown[]).length).toBeGreaterThan(10);
  }, 180_000);
});
