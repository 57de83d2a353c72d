import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openImportSources } from '../src/importers/import-sources.js';
import { openStore } from '../src/store/store.js';
import { runCli } from './support/cli-harness.js';
import { materializeEra, writeZip } from './support/linkedin-fixtures.js';

/**
 * Private by default (docs/RELIABILITY.md): the data folder is 0700 and every file tend writes in it 0600,
 * after every kind of write — settings, import, edits, spill files, backups — and a folder made by an
 * older version is tightened once, with a one-line notice.
 */
const NOW = '2025-03-10T12:00:00Z';
const previousUmask = process.umask(0o022);
afterAll(() => void process.umask(previousUmask));

const modeOf = (path: string) => statSync(path).mode & 0o777;

/** Every path in the data folder (one level into its folders) with its mode, as octal text. */
function modes(dataDir: string): Record<string, string> {
  const result: Record<string, string> = { '.': modeOf(dataDir).toString(8) };
  for (const name of readdirSync(dataDir)) {
    const path = join(dataDir, name);
    result[name] = modeOf(path).toString(8);
    if (statSync(path).isDirectory())
      for (const inner of readdirSync(path))
        result[`${name}/${inner}`] = modeOf(join(path, inner)).toString(8);
  }
  return result;
}

function expectPrivate(dataDir: string): void {
  const all = modes(dataDir);
  for (const [name, mode] of Object.entries(all)) {
    const isFolder = statSync(join(dataDir, name)).isDirectory();
    expect([name, mode]).toEqual([name, isFolder ? '700' : '600']);
  }
}

describe('the data folder', () => {
  it('stays private after every kind of write', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'tend-private-')), 'data');
    const tend = (...argv: string[]) => runCli(['--data', dataDir, '--now', NOW, ...argv]);
    expect((await tend('config', 'timezone', 'Europe/Berlin')).code).toBe(0);
    expect(modes(dataDir)).toEqual({ '.': '700', 'settings.json': '600' });
    expect((await tend('import', materializeEra('2024-2025'))).code).toBe(0);
    expectPrivate(dataDir);
    expect(existsSync(join(dataDir, 'tend.db'))).toBe(true);
    const someone = (await tend('--json', 'people')).json<Array<{ id: number }>>()[0];
    expect((await tend('log', String(someone?.id), 'call', 'caught up')).code).toBe(0);
    expect((await tend('set', String(someone?.id), '--circle', 'close')).code).toBe(0);
    expectPrivate(dataDir);
    // While a connection is open, SQLite's -wal and -shm files are there too: they take tend.db's mode.
    const store = await openStore({ dialect: 'sqlite', file: join(dataDir, 'tend.db') });
    try {
      expect(existsSync(join(dataDir, 'tend.db-wal'))).toBe(true);
      expectPrivate(dataDir);
    } finally {
      await store.close();
    }
  });

  it('writes spill files of inner zips readable by their owner only', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'tend-private-'));
    const inner = writeZip(join(folder, 'inner.zip'), [{ name: 'Profile.csv', data: Buffer.from('a,b\n') }]);
    const outer = writeZip(join(folder, 'outer.zip'), [{ name: 'inner.zip', data: readFileSync(inner) }]);
    const spillDir = join(folder, 'data', 'tmp');
    const sources = await openImportSources([outer], spillDir);
    try {
      expect(modeOf(spillDir).toString(8)).toBe('700');
      expect(readdirSync(spillDir).map((name) => modeOf(join(spillDir, name)).toString(8))).toEqual(['600']);
    } finally {
      await sources.close();
    }
  });

  it('tightens a folder an older version left readable, once, with a one-line notice', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tend-private-'));
    const tend = (...argv: string[]) => runCli(['--data', dataDir, '--now', NOW, ...argv]);
    expect((await tend('import', materializeEra('2024-2025'))).code).toBe(0);
    writeFileSync(join(dataDir, 'settings.json'), '{}\n');
    chmodSync(dataDir, 0o755);
    for (const name of readdirSync(dataDir)) chmodSync(join(dataDir, name), 0o644);
    const first = await tend('people');
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(
      /^tend: \S+ was readable by other users of this machine; made it private .*\n$/,
    );
    expectPrivate(dataDir);
    const second = await tend('people');
    expect(second.stderr).toBe('');
  });
});
