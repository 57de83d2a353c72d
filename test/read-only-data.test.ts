import { chmodSync, chownSync, cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnTend } from './support/built-cli.js';
import { runCli } from './support/cli-harness.js';
import { materializeEra } from './support/linkedin-fixtures.js';

/**
 * A data folder tend may read but not write (docs/RELIABILITY.md#read-only): the commands that only read
 * work, opening the database read-only; those that would write stop with one line and exit 2, and nothing in
 * the folder changes. Root may write anywhere, so as root the commands run as the user `nobody`.
 */
const NOW = '2025-03-10T12:00:00Z';
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;
const work = mkdtempSync(join(tmpdir(), 'tend-read-only-'));
afterAll(() => chmodTree(work, 0o700, 0o600));

function chmodTree(folder: string, folderMode: number, fileMode: number, owner?: number): void {
  if (owner !== undefined) chownSync(folder, owner, owner);
  chmodSync(folder, folderMode);
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) chmodTree(path, folderMode, fileMode, owner);
    else {
      if (owner !== undefined) chownSync(path, owner, owner);
      chmodSync(path, fileMode);
    }
  }
}

/** A data folder with an imported export, then made read-only for the user the commands run as. */
async function readOnlyFolder(): Promise<string> {
  const dataDir = join(mkdtempSync(join(work, 'data-')), 'data');
  chmodSync(work, 0o755);
  chmodSync(join(dataDir, '..'), 0o755);
  expect((await runCli(['--data', dataDir, '--now', NOW, 'import', materializeEra('2024-2025')])).code).toBe(
    0,
  );
  chmodTree(dataDir, 0o500, 0o400, asRoot ? NOBODY : undefined);
  return dataDir;
}

/** The export, where the user the commands run as may read it. */
function readableExport(): string {
  const folder = join(work, 'export');
  cpSync(materializeEra('2024-2025'), folder, { recursive: true });
  chmodTree(folder, 0o755, 0o644);
  return folder;
}

const tend = (dataDir: string, ...argv: string[]) =>
  spawnTend(['--data', dataDir, '--now', NOW, ...argv], asRoot ? { user: { uid: NOBODY, gid: NOBODY } } : {});

describe('a read-only data folder', () => {
  it('answers every command that only reads', async () => {
    const dataDir = await readOnlyFolder();
    const before = readdirSync(dataDir);
    for (const argv of [
      ['people'],
      ['today'],
      ['health'],
      ['show', '1'],
      ['triage'],
      ['intros'],
      ['config'],
    ]) {
      const result = await tend(dataDir, ...argv);
      expect({ argv, code: result.code, stderr: result.stderr }).toEqual({ argv, code: 0, stderr: '' });
      expect(result.stdout.length).toBeGreaterThan(0);
    }
    expect(JSON.parse((await tend(dataDir, '--json', 'people')).stdout)).not.toHaveLength(0);
    expect(readdirSync(dataDir)).toEqual(before);
  });

  it('refuses a change with one line and exit 2, changing nothing', async () => {
    const dataDir = await readOnlyFolder();
    const before = readdirSync(dataDir);
    const refusals = [
      ['log', '1', 'call', 'caught up'],
      ['set', '1', '--tag', 'friend'],
      ['import', readableExport()],
    ];
    for (const argv of refusals) {
      const result = await tend(dataDir, ...argv);
      expect({ argv, code: result.code }).toEqual({ argv, code: 2 });
      expect(result.stderr).toMatch(/^tend: cannot change anything: .* is read-only.*--data[^\n]*\n$/);
    }
    const config = await tend(dataDir, 'config', 'timezone', 'Europe/Berlin');
    expect(config.code).toBe(2);
    expect(config.stderr).toMatch(
      /^tend: cannot save the setting: .* is not writable \(EACCES\); use --data[^\n]*\n$/,
    );
    expect(readdirSync(dataDir)).toEqual(before);
    const shown = await tend(dataDir, '--json', 'show', '1');
    expect(shown.stdout).not.toContain('caught up');
  });
});
