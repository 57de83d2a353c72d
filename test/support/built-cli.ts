import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(repositoryRoot, 'bin', 'tend');

export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The command line, for failure messages. */
  argv: readonly string[];
}

/** The environment a spawned tend gets: none of the caller's tend variables unless given. */
export function tendEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const name of ['TEND_DATA', 'TEND_DATABASE_URL', 'TEND_NOW', 'TEND_DEBUG'])
    if (!(name in extra)) delete env[name];
  return env;
}

/**
 * Runs the built CLI (`bin/tend`, the bundle global-setup.ts made) in a process of its own, as a user's
 * second terminal would: what concurrency and crash tests need, since those are about processes.
 */
export function spawnTend(
  argv: readonly string[],
  options: {
    env?: Record<string, string>;
    onSpawn?: (pid: number) => void;
    /** Run as this user (root may): what a user who may not write a folder sees. */
    user?: { uid: number; gid: number };
  } = {},
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...argv], {
      env: tendEnv(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.user ?? {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    if (child.pid !== undefined) options.onSpawn?.(child.pid);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, argv }));
  });
}
