import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli/main.js';
import { repositoryRoot, spawnTend, type ProcessResult } from './support/built-cli.js';
import { serveTend } from './support/served-demo.js';

/**
 * Local-first means no connection leaves the machine (docs/RELIABILITY.md#no-network): every command runs
 * with a guard (test/support/no-network-guard.mjs, preloaded in the process and its worker threads) that
 * records and refuses every TCP, TLS, UDP connection, name lookup and fetch. None may be recorded.
 */
const NOW = '2026-03-01';
const work = mkdtempSync(join(tmpdir(), 'tend-no-network-'));
const networkLog = join(work, 'network.log');
const guard = join(repositoryRoot, 'test', 'support', 'no-network-guard.mjs');
const env = { NODE_OPTIONS: `--import=${guard}`, TEND_NETWORK_LOG: networkLog };
const dataDir = join(work, 'data');
const ran = new Set<string>();

const tend = (...argv: string[]) => tendIn(dataDir, ...argv);

async function tendIn(folder: string, ...argv: string[]): Promise<ProcessResult> {
  const result = await spawnTend(['--data', folder, '--now', NOW, ...argv], { env });
  const words = argv.filter((word) => !word.startsWith('-'));
  ran.add(words[0] === 'intro' || words[0] === 'segment' ? `${words[0]} ${words[1]}` : (words[0] ?? ''));
  const refused = /unexpected error|network use refused/.exec(result.stderr)?.[0] ?? null;
  expect({ argv, code: result.code, refused }).toEqual({ argv, code: 0, refused: null });
  return result;
}

/** Every command and subcommand the CLI has, as `name` or `name sub`. */
function allCommands(): string[] {
  const io = { stdout: { write: () => true }, stderr: { write: () => true }, env: {} };
  const program = buildProgram({ io, exitCode: 0, opened: [] });
  return program.commands.flatMap((command: Command) =>
    command.commands.length > 0
      ? command.commands.map((sub) => `${command.name()} ${sub.name()}`)
      : [command.name()],
  );
}

describe('no network', () => {
  it('the guard records and refuses connections and name lookups, in worker threads too', async () => {
    const attempt = join(work, 'attempt.mjs');
    const tries = `try { net.connect(9, '127.0.0.1'); } catch {}
      try { new net.Socket().connect(9, '127.0.0.2'); } catch {}
      try { dns.lookup('localhost', () => {}); } catch {}
      try { await fetch('http://127.0.0.3/'); } catch {}`;
    writeFileSync(
      attempt,
      `import net from 'node:net'; import dns from 'node:dns'; import { Worker, isMainThread } from 'node:worker_threads';
      if (isMainThread) { ${tries}; new Worker(new URL(import.meta.url)); }
      else { try { net.connect(9, '127.0.0.4'); } catch {} }`,
    );
    const log = join(work, 'attempt.log');
    await promisify(execFile)(process.execPath, [attempt], {
      env: { ...process.env, ...env, TEND_NETWORK_LOG: log },
    });
    const attempts = readFileSync(log, 'utf8').replace(/^\d+ /gm, '');
    expect(attempts.split('\n').sort().join('\n')).toBe(
      [
        '',
        'dns.lookup localhost',
        'fetch http://127.0.0.3/',
        'net.Socket.connect 9 127.0.0.2',
        'net.connect 9 127.0.0.1',
        'net.connect 9 127.0.0.4',
      ].join('\n'),
    );
  });

  it('is opened by no command', { timeout: 120_000 }, async () => {
    await tend('import', join(repositoryRoot, 'sample', 'linkedin'));
    const people = JSON.parse((await tend('--json', 'people')).stdout) as Array<{
      id: number;
      strength: number;
    }>;
    const [a, b] = people.filter((person) => person.strength >= 40).map((person) => String(person.id));
    const items = JSON.parse((await tend('--json', 'today')).stdout) as { items: Array<{ id: string }> };
    const [first, second, third] = items.items.map((item) => item.id);
    const triage = JSON.parse((await tend('--json', 'triage')).stdout) as Array<{ id: number }>;
    await Promise.all([
      tend('show', '1'),
      tend('health'),
      tend('health', '--history'),
      tend('intros'),
      tend('ledger'),
      tend('path', '1'),
      tend('prune'),
      // Someone not in tend yet: a connection needs no invitation note (exit 2).
      tend(
        'invite-note',
        'https://www.linkedin.com/in/someone-new-4711',
        '--name',
        'Lena Vogel',
        '--how-met',
        'the Lisbon meetup',
      ),
      tend('config'),
    ]);
    const logged = JSON.parse((await tend('--json', 'log', '1', 'call', 'caught up')).stdout) as {
      id: number;
    };
    await tend('unlog', String(logged.id));
    await tend('set', '1', '--tag', 'friend');
    await tend('knows', '1', '2');
    await tend('knows', '1');
    await tend('done', String(first));
    await tend('dismiss', String(second));
    await tend('snooze', String(third), '--until', '2w');
    await tend('undo');
    await tend('completion', 'bash');
    await tend('triage', '--decide', String(triage[0]?.id), 'accept');
    const intro = JSON.parse((await tend('--json', 'intro', 'start', String(a), String(b))).stdout) as {
      id: number;
    };
    await tend('intro', 'advance', String(intro.id), 'asked-a');
    await tend('intro', 'list');
    await tend('segment', 'save', 'friends', 'tag:friend');
    await tend('segment', 'list');
    await tend('people', '@friends', 'OR', 'caught');
    const template = join(work, 'note.txt');
    writeFileSync(template, 'Hi {{first-name}}, {{personal}} Alex');
    const worksheet = join(work, 'friends.csv');
    await tend(
      'compose',
      '@friends',
      '--template',
      template,
      '--reason',
      'catch up',
      '--channel',
      'linkedin',
      '--worksheet',
      worksheet,
    );
    writeFileSync(
      worksheet,
      readFileSync(worksheet, 'utf8').replace(/,\r\n$/, ',Still thinking about our call.\r\n'),
    );
    await tend('compose', '--finish', worksheet);
    await tend('segment', 'rm', 'friends');
    const candidates = JSON.parse((await tend('--json', 'prune')).stdout) as Array<{
      person: { id: number };
    }>;
    const archived = String(candidates[0]?.person.id);
    await tend('prune', '--apply', archived);
    await tend('unarchive', archived);
    await tend('dupes');
    // Two people of the sample who are not the intro's pair: merged, then the merge undone.
    const [kept, merged] = people
      .map((person) => String(person.id))
      .filter((id) => id !== a && id !== b && id !== archived);
    await tend('merge', String(kept), String(merged));
    await tend('unmerge', String(merged));
    await tend('export', '--format', 'json', '-o', join(work, 'export.json'));
    await tend('feed-url');
    await tend('config', 'timezone', 'Europe/Stockholm');
    await tendIn(join(work, 'demo'), 'demo');
    await tend('backup', join(work, 'copy.db'));
    // The server listens on loopback and answers a request; it opens no connection of its own.
    const served = await serveTend(dataDir, ['--now', NOW], env);
    expect((await fetch(`${served.origin}/api/health`)).status).toBe(401);
    expect(await served.stop()).toBe(0);
    ran.add('serve');
    await tendIn(join(work, 'restored'), 'restore', join(work, 'copy.db'));
    expect([...ran].sort()).toEqual(allCommands().sort());
    expect(existsSync(networkLog) ? readFileSync(networkLog, 'utf8') : '').toBe('');
  });
});
