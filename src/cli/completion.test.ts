import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/cli-harness.js';

const hasShell = (shell: string) => {
  try {
    execFileSync(shell, ['-c', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

describe('tend completion', () => {
  it.each(['bash', 'zsh', 'fish'])(
    'prints a %s script naming every command and its options',
    async (shell) => {
      const result = await runCli(['completion', shell]);
      expect(result.code).toBe(0);
      const option = (name: string) => (shell === 'fish' ? `-l ${name}` : `--${name}`);
      for (const word of ['today', 'snooze', 'undo', 'intro', 'completion'])
        expect(result.stdout).toContain(word);
      for (const name of ['kind', 'until', 'data']) expect(result.stdout).toContain(option(name));
    },
  );

  it('refuses a shell it does not know with exit 1', async () => {
    const result = await runCli(['completion', 'tcsh']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('use bash, zsh, fish');
  });

  it.skipIf(!hasShell('bash'))('completes commands and options in bash', async () => {
    const script = (await runCli(['completion', 'bash'])).stdout;
    const file = join(mkdtempSync(join(tmpdir(), 'tend-completion-')), 'tend.bash');
    writeFileSync(file, script);
    const complete = (line: string) =>
      execFileSync(
        'bash',
        [
          '-c',
          `source ${file}; COMP_WORDS=(${line}); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1)); _tend; printf '%s\\n' "\${COMPREPLY[@]}"`,
        ],
        { encoding: 'utf8' },
      )
        .trim()
        .split('\n');
    expect(complete("tend sno ''".replace(" ''", ''))).toEqual(['snooze']);
    expect(complete('tend today --k')).toEqual(['--kind']);
    expect(complete('tend intro st')).toEqual(['start']);
  });
});
