import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/cli-harness.js';
import { demoSession } from '../../test/support/demo-session.js';
import { run } from './main.js';
import { displayWidth } from './text-width.js';

describe('people and the daily digest', () => {
  it("sorts names with the locale's collation: Élodie among the E's, not after Z", async () => {
    const tend = await demoSession();
    const names = (await tend.people()).map((person) => person.name);
    const at = names.indexOf('Élodie Marchand');
    expect(at).toBeGreaterThan(0);
    expect(names[at - 1]!.localeCompare('E', 'en', { sensitivity: 'base' })).toBeLessThanOrEqual(1);
    expect(names[at + 1]!.charAt(0).normalize('NFD').charAt(0)).toMatch(/[E-F]/);
    expect(names.at(-1)!.charAt(0)).not.toBe('É');
  });

  it('today --markdown prints the plan as Markdown with why, next step and commands', async () => {
    const tend = await demoSession();
    const plan = (await tend.run('--json', 'today')).json<{ items: Array<{ id: string }> }>().items;
    const markdown = await tend.run('today', '--markdown');
    expect(markdown.code).toBe(0);
    const lines = markdown.stdout.split('\n');
    expect(lines[0]).toBe('# tend: 2026-01-15');
    expect(markdown.stdout).toContain('11 things to do, 3 invitations and one introduction.');
    expect(lines.filter((line) => line.startsWith('## '))).toHaveLength(plan.length);
    expect(markdown.stdout).toContain('## reply: Felix Hartmann (due ');
    expect(markdown.stdout).toContain(`- \`tend done ${plan[0]!.id}\``);
    expect(markdown.stdout).toContain('- **Why:** ');
    expect(markdown.stdout).not.toContain('Mark an item:');
  });

  it.each(
    [
      ['today'],
      ['today', '--all'],
      ['triage'],
      ['people'],
      ['people', '--unknown-senders'],
      ['show', 'Rasmus Holm'],
      ['show', 'Felix Hartmann', '--full'],
      ['path', 'company:brightloop'],
      ['path', 'Fatima Rahimi'],
      ['intros'],
      ['ledger'],
      ['health'],
      ['prune'],
    ].map((command) => [command.join(' '), command] as const),
  )('tend %s fits in $COLUMNS (60) when not on a terminal', async (_name, command) => {
    const tend = await demoSession();
    const result = await runCli(['--data', tend.data, '--now', '2026-01-15T09:00:00Z', ...command], {
      COLUMNS: '60',
    });
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(60);
  });

  it.each([
    ['prune', 1],
    ['people', 1],
  ] as const)(
    'piped with no $COLUMNS, tend %s keeps one row a line: no wrap to an imagined width',
    async (command, footer) => {
      const tend = await demoSession();
      const rows = (await tend.run('--json', command)).json<unknown[]>().length;
      expect(rows).toBeGreaterThan(1);
      const piped = await runCli(['--data', tend.data, '--now', '2026-01-15T09:00:00Z', command]);
      expect(piped.code, piped.stderr).toBe(0);
      const lines = piped.stdout.trimEnd().split('\n');
      // The header, one line a row, then the command's own footer (its count and next step), unwrapped.
      expect(lines.length, piped.stdout).toBe(1 + rows + footer);
      expect(Math.max(...lines.map((line) => displayWidth(line)))).toBeGreaterThan(80);
    },
  );

  /** The CLI as a terminal (or a pipe) would run it, with its output captured. */
  async function onScreen(data: string, argv: string[], tty: boolean, env: Record<string, string> = {}) {
    let stdout = '';
    const code = await run(['--data', data, '--now', '2026-01-15T09:00:00Z', ...argv], {
      stdout: { write: (text: string) => (stdout += text), isTTY: tty, columns: tty ? 100 : undefined },
      stderr: { write: () => true, isTTY: tty },
      env: { TEND_DATA: undefined, TEND_DATABASE_URL: undefined, TEND_NOW: undefined, ...env },
    });
    return { code, stdout };
  }
  /* eslint-disable no-control-regex -- these tests read the colour sequences themselves */
  const ESC = /\u001b\[/;

  it('colours kinds and overdue dates on a terminal, none with NO_COLOR or when piped', async () => {
    const tend = await demoSession();
    const screen = await onScreen(tend.data, ['today'], true);
    expect(screen.code).toBe(0);
    expect(screen.stdout).toContain('\u001b[1;33mREPLY\u001b[0m  Felix Hartmann');
    expect(screen.stdout).toMatch(/\u001b\[31m\(due 20\d\d-\d\d-\d\d\)\u001b\[0m/);
    const show = await onScreen(tend.data, ['show', 'Felix Hartmann'], true);
    expect(show.stdout).toMatch(/\u001b\[1;33mreply\u001b\[0m \(\u001b\[31mdue 20\d\d-\d\d-\d\d\u001b\[0m\)/);
    // Widths ignore the colour: the same lines, wrapped the same, as without it.
    const plain = await onScreen(tend.data, ['today'], true, { NO_COLOR: '1' });
    expect(plain.stdout).not.toMatch(ESC);
    expect(screen.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain.stdout);
    for (const command of [['today'], ['today', '--all'], ['show', 'Felix Hartmann'], ['triage']]) {
      expect((await onScreen(tend.data, command, false)).stdout, command.join(' ')).not.toMatch(ESC);
      expect((await onScreen(tend.data, command, true, { NO_COLOR: 'yes' })).stdout).not.toMatch(ESC);
      expect((await onScreen(tend.data, command, true, { TERM: 'dumb' })).stdout).not.toMatch(ESC);
    }
    const json = await onScreen(tend.data, ['--json', 'today'], true);
    expect(json.stdout).not.toMatch(ESC);
  });
});
/* eslint-enable no-control-regex */
