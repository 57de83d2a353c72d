import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/cli-harness.js';
import { demoSession } from '../../test/support/demo-session.js';
import { displayWidth } from './text-width.js';

/** `tend show` answers "what now?" in units people use (docs/rules/cli.md#show). */
describe('tend show', () => {
  it("lists the person's open agenda items with their ids and the commands that act on them", async () => {
    const tend = await demoSession();
    const today = (await tend.run('--json', 'today', '--all')).json<{
      items: Array<{ id: string; kind: string; person: { name: string } | null }>;
    }>();
    const item = today.items.find((entry) => entry.person?.name === 'Ahmed Karimi')!;
    const shown = await tend.run('show', 'Ahmed Karimi');
    expect(shown.stdout).toContain('  On the agenda:');
    expect(shown.stdout).toContain(`    ${item.kind} (due `);
    expect(shown.stdout).toContain(`[${item.id}]`);
    for (const command of [
      `tend done ${item.id}`,
      `tend snooze ${item.id} --until 2w`,
      `tend dismiss ${item.id}`,
    ])
      expect(shown.stdout).toContain(command);
    const json = (await tend.run('--json', 'show', 'Ahmed Karimi')).json<{ agenda: Array<{ id: string }> }>();
    expect(json.agenda.map((entry) => entry.id)).toEqual([item.id]);
  });

  it('says dormant once when the band and the state are both dormant; log confirms with a date', async () => {
    const tend = await demoSession();
    const shown = await tend.run('show', 'Henrik Dahl');
    expect(shown.stdout).toMatch(/ {2}Strength: \d+ · state: dormant/);
    expect(shown.stdout).not.toContain('(dormant) · state: dormant');
    const logged = await tend.run('log', 'Henrik Dahl', 'message', 'a note');
    expect(logged.code).toBe(0);
    expect(logged.stdout).toContain('with Henrik Dahl on 2026-01-15 (entry');
  });

  it('--full prints every message whole, wrapped to $COLUMNS', async () => {
    const tend = await demoSession();
    const json = (await tend.run('--json', 'show', 'Ahmed Karimi')).json<{
      timeline: Array<{ summary: string | null }>;
    }>();
    const longest = json.timeline
      .map((entry) => entry.summary ?? '')
      .reduce((a, b) => (b.length > a.length ? b : a), '');
    expect(longest.length).toBeGreaterThan(80);
    const full = await runCli(
      ['--data', tend.data, '--now', '2026-01-15T09:00:00Z', 'show', 'Ahmed Karimi', '--full'],
      {
        COLUMNS: '60',
      },
    );
    expect(full.code).toBe(0);
    for (const line of full.stdout.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(60);
    const flat = full.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain(longest.replace(/\s+/g, ' '));
    expect(full.stdout.slice(full.stdout.indexOf('Timeline'))).not.toContain('…');
  });

  it('says reply times in hours or days and who starts conversations in whole conversations', async () => {
    const tend = await demoSession();
    const reasons: string[] = [];
    for (const person of await tend.people()) {
      const shown = await tend.show(String(person.id));
      reasons.push(...((shown as unknown as { strengthReasons: string[] }).strengthReasons ?? []));
    }
    const text = reasons.join('\n');
    expect(text).toMatch(/they reply in \d+ (hours?|days?)|under an hour/);
    expect(text).not.toMatch(/\d+\.\d+ h\b/);
    expect(text).not.toMatch(/conversations started: you \d/);
    expect(text).toMatch(/you started \d+ conversations?, they answered \d+ within 14 days/);
  });
});
