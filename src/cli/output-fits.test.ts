import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/cli-harness.js';
import { demoSession } from '../../test/support/demo-session.js';
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
    expect(markdown.stdout).toContain(`${plan.length} things to do.`);
    expect(lines.filter((line) => line.startsWith('## '))).toHaveLength(plan.length);
    expect(markdown.stdout).toContain('## reply: Felix Hartmann (due ');
    expect(markdown.stdout).toContain(`- \`tend done ${plan[0]!.id}\``);
    expect(markdown.stdout).toContain('- **Why:** ');
    expect(markdown.stdout).not.toContain('Mark an item:');
  });

  it.each(['today', 'triage'])('%s fits in $COLUMNS (60) when not on a terminal', async (command) => {
    const tend = await demoSession();
    const result = await runCli(['--data', tend.data, '--now', '2026-01-15T09:00:00Z', command], {
      COLUMNS: '60',
    });
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(60);
  });
});
