import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDataDir } from '../../test/support/cli-harness.js';

describe('the tend command line', () => {
  it('prints help and version with exit 0', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: tend');
    for (const command of [
      'import',
      'people',
      'show',
      'today',
      'log',
      'set',
      'prune',
      'health',
      'config',
      'demo',
    ]) {
      expect(help.stdout).toContain(command);
    }
    const version = await runCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('gives help on every command', async () => {
    for (const command of [
      'import',
      'people',
      'show',
      'today',
      'done',
      'snooze',
      'dismiss',
      'log',
      'unlog',
      'set',
      'prune',
      'unarchive',
      'health',
      'config',
      'demo',
    ]) {
      const result = await runCli([command, '--help']);
      expect(result.code, command).toBe(0);
      expect(result.stdout, command).toContain(`Usage: tend ${command}`);
    }
  });

  it('lists nobody as [] on an empty data folder', async () => {
    const result = await runCli(['--data', tempDataDir(), 'people', '--json']);
    expect(result.code).toBe(0);
    expect(result.json()).toEqual([]);
    expect(result.stderr).toBe('');
  });

  it('answers a usage error with exit 1 and one line', async () => {
    const result = await runCli(['--data', tempDataDir(), 'no-such-command']);
    expect(result.code).toBe(1);
    const unknownOption = await runCli(['--data', tempDataDir(), 'people', '--bogus']);
    expect(unknownOption.code).toBe(1);
  });

  it('gives a one-line error and exit 2 for a database URL that cannot be used', async () => {
    const unreachable = await runCli(['--db', 'postgres://nobody@127.0.0.1:1/none', 'people']);
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr.trim().split('\n')).toHaveLength(1);
    expect(unreachable.stderr).toMatch(/^tend: cannot connect to PostgreSQL/);
    const notPostgres = await runCli(['--db', 'mysql://x', 'people']);
    expect(notPostgres.code).toBe(2);
    expect(notPostgres.stderr).not.toContain('    at ');
  });

  it('shows a stack trace only with --debug', async () => {
    const quiet = await runCli(['--db', 'mysql://x', 'people']);
    expect(quiet.stderr).not.toMatch(/\n\s+at /);
    const debug = await runCli(['--debug', '--db', 'mysql://x', 'people']);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('rejects a --now that is not a date', async () => {
    const result = await runCli(['--data', tempDataDir(), '--now', 'yesterday', 'people']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--now');
  });

  it('refuses a day that does not exist instead of rolling it over (--now, --at, $TEND_NOW)', async () => {
    const data = tempDataDir();
    const now = await runCli(['--data', data, '--now', '2027-02-30', 'people']);
    expect(now.code).toBe(1);
    expect(now.stderr).toContain('--now "2027-02-30" is not a date');
    const env = await runCli(['--data', data, 'people'], { TEND_NOW: '2026-04-31T10:00:00Z' });
    expect(env.code).toBe(1);
    expect((await runCli(['--data', data, 'import', 'sample/linkedin'])).code).toBe(0);
    const at = await runCli(['--data', data, 'log', 'Karin Ek', 'call', '--at', '2026-02-29']);
    expect(at.code).toBe(1);
    expect(at.stderr).toContain('--at "2026-02-29" is not a date');
    expect((await runCli(['--data', data, '--now', '2028-02-29', 'people'])).code).toBe(0);
  });

  it('keeps settings in the data folder and validates them', async () => {
    const data = tempDataDir();
    expect((await runCli(['--data', data, 'config', 'timezone', 'Europe/Berlin'])).code).toBe(0);
    expect((await runCli(['--data', data, '--json', 'config', 'timezone'])).json()).toEqual({
      timezone: 'Europe/Berlin',
    });
    const bad = await runCli(['--data', data, 'config', 'timezone', 'Mars/Olympus']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('not a time zone');
    expect((await runCli(['--data', data, 'config', 'colour', 'blue'])).code).toBe(1);
    const listed = await runCli(['--data', data, 'config']);
    expect(listed.stdout).toContain('timezone = Europe/Berlin');
    expect(listed.stdout).toMatch(
      /^not set, at their defaults \(see tend config --help\): owner-url, .*daily-budget/m,
    );
    expect(listed.stdout).not.toMatch(/defaults.*timezone/);
    const help = await runCli(['config', '--help']);
    const column = (key: string) => {
      const line = help.stdout.split('\n').find((row) => row.startsWith(`  ${key} `)) ?? '';
      return line.length - line.slice(key.length + 2).trimStart().length;
    };
    expect(column('linkedin-weekly-invitations')).toBe(column('timezone'));
    expect((await runCli(['--data', data, 'config', 'owner-url', 'https://example.com/x'])).code).toBe(1);
  });

  it('shows the owner an import detected, and where from, while owner-url is not set', async () => {
    const data = tempDataDir();
    const tend = (...argv: string[]) => runCli(['--data', data, ...argv]);
    const before = await tend('config', 'owner-url');
    expect(before.stdout).toContain('owner-url is not set: nothing detected yet');
    // Settings work before the first import without creating a database.
    expect(existsSync(join(data, 'tend.db'))).toBe(false);
    const report = (await tend('--json', 'import', 'sample/linkedin')).json<{ owner: { url: string } }>();
    const detected = await tend('config', 'owner-url');
    expect(detected.stdout).toContain(`owner-url is not set: detected ${report.owner.url}`);
    expect(detected.stdout).toContain('from your LinkedIn messages');
    expect((await tend('--json', 'config', 'owner-url')).json()).toEqual({
      'owner-url': null,
      detected: expect.objectContaining({ url: report.owner.url, from: 'linkedin-messages' }) as object,
    });
    expect((await tend('config', 'owner-url', 'https://www.linkedin.com/in/someone-else')).stdout).toContain(
      'owner-url = https://www.linkedin.com/in/someone-else (set by you',
    );
  });

  it('resolves REFs: not found is exit 3, several matches exit 1 with the candidates', async () => {
    const data = tempDataDir();
    const imported = await runCli([
      '--data',
      data,
      '--now',
      '2026-01-15T09:00:00Z',
      'import',
      'sample/linkedin',
    ]);
    expect(imported.code).toBe(0);
    const missing = await runCli(['--data', data, 'show', 'Nobody Atall']);
    expect(missing.code).toBe(3);
    const missingId = await runCli(['--data', data, 'show', '999999']);
    expect(missingId.code).toBe(3);
    const people = (await runCli(['--data', data, 'people', '--json'])).json<
      Array<{ id: number; name: string }>
    >();
    expect(people.length).toBeGreaterThan(40);
    const ambiguous = await runCli(['--data', data, 'show', 'an']);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toMatch(/matches \d+ people/);
    const first = people[0];
    if (!first) throw new Error('no people');
    const byId = await runCli(['--data', data, '--json', 'show', String(first.id)]);
    expect(byId.code).toBe(0);
    expect(byId.json<{ id: number; timeline: unknown[]; strengthReasons: string[] }>()).toMatchObject({
      id: first.id,
      name: first.name,
    });
  });

  it('writes only JSON to stdout with --json', async () => {
    const result = await runCli(['--data', tempDataDir(), '--json', 'demo', '--now', '2026-01-15T09:00:00Z']);
    expect(result.code).toBe(0);
    expect(() => result.json()).not.toThrow();
  });
});
