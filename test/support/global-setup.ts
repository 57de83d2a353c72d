import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { repositoryRoot } from './built-cli.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A generated 1k export (1,000 connections, 30,000 messages, a 13 MB messages.csv), made once a run. */
    generatedExport1k: string;
  }
}

/**
 * Once per test run, before any test file: the CLI bundle of the current sources (tests that run the real
 * `bin/tend` in other processes need it; esbuild takes well under a second) and a generated export. Built
 * here and not per file, so two files never write dist/bundle at the same time.
 */
export default function setup(project: TestProject): () => void {
  execFileSync('npm', ['run', '--silent', 'bundle'], { cwd: repositoryRoot, stdio: 'ignore' });
  // Every temporary folder the tests make (data folders, exports, the demo's) goes in one folder of this run,
  // removed at its end: a test run leaves nothing behind in the system's temporary folder. Readable by all,
  // as the system's is, for the tests that run tend as another user.
  const run = mkdtempSync(join(tmpdir(), 'tend-tests-'));
  chmodSync(run, 0o755);
  process.env.TMPDIR = run;
  const work = mkdtempSync(join(tmpdir(), 'tend-export-1k-'));
  execFileSync(
    process.execPath,
    [join(repositoryRoot, 'bench', 'generate-export.mjs'), '--size', '1k', '--out', work],
    { stdio: 'ignore' },
  );
  project.provide('generatedExport1k', work);
  return () => rmSync(run, { recursive: true, force: true });
}
