import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  json<T = unknown>(): T;
}

/** Runs the CLI in-process, as a user would from the shell, with its own output captured. */
export async function runCli(
  argv: readonly string[],
  env: Record<string, string | undefined> = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    env: { TEND_DATA: undefined, TEND_DATABASE_URL: undefined, TEND_NOW: undefined, ...env },
  });
  return { code, stdout, stderr, json: <T>() => JSON.parse(stdout) as T };
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'tend-cli-'));
}
