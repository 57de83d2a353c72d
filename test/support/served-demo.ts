import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { repositoryRoot, tendEnv } from './built-cli.js';

export interface ServedTend {
  child: ChildProcess;
  /** The login URL it printed. */
  loginUrl: string;
  origin: string;
  stdout(): string;
  stderr(): string;
  /** Ctrl-C; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * The built `bin/tend serve --port 0` on a data folder, in a process of its own, as a user starts it:
 * resolves once it printed its login URL.
 */
export function serveTend(
  dataDir: string,
  extra: readonly string[] = [],
  env: Record<string, string> = {},
): Promise<ServedTend> {
  const child = spawn(
    process.execPath,
    [join(repositoryRoot, 'bin', 'tend'), '--data', dataDir, 'serve', '--port', '0', ...extra],
    {
      env: tendEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`tend serve printed no URL in 60 s: ${stderr}`)), 60_000);
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
      const match = /tend serve: (http:\/\/\S+)/.exec(stdout);
      if (!match?.[1]) return;
      clearTimeout(timer);
      const loginUrl = match[1];
      resolve({
        child,
        loginUrl,
        origin: new URL(loginUrl).origin,
        stdout: () => stdout,
        stderr: () => stderr,
        stop: () => {
          child.kill('SIGINT');
          return exited;
        },
      });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`tend serve ended (${code}) before printing its URL: ${stderr}`));
    });
  });
}
