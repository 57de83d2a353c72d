import { describe, expect, it } from 'vitest';
import { runCli, tempDataDir } from '../../test/support/cli-harness.js';
import { demoSession } from '../../test/support/demo-session.js';
import type { ShowJson } from '../../test/support/linkedin-fixtures.js';

describe('tend set: removes what it adds, refuses empty values, says what changed', () => {
  it('adds and removes needs, tags and the circle, and says so in one line', async () => {
    const tend = await demoSession();
    const added = await tend.run(
      'set',
      'Rasmus Holm',
      '--needs',
      'a React Native mentor',
      '--circle',
      'close',
    );
    expect(added.code).toBe(0);
    expect(added.stdout.trim()).toBe("Rasmus Holm: circle: active → close; needs + 'a React Native mentor'");
    const removed = await tend.run(
      'set',
      'Rasmus Holm',
      '--remove-need',
      'a React Native mentor',
      '--no-circle',
    );
    expect(removed.stdout.trim()).toBe("Rasmus Holm: circle close removed; needs − 'a React Native mentor'");
    const rasmus = await tend.show('Rasmus Holm');
    expect(rasmus.circle).toBeNull();
    expect((rasmus as ShowJson & { needs: string[] }).needs).toEqual([]);
    const untagged = await tend.run('--json', 'set', 'Hannah Virtanen', '--remove-tag', 'pricing');
    expect(untagged.json<{ changes: string[]; tags: string[] }>()).toMatchObject({
      changes: ["tags − 'pricing'"],
      tags: ['pm-peers'],
    });
  });

  it.each([
    [['--tag', ''], '--tag needs a value'],
    [['--needs', '  '], '--needs needs a value'],
    [['--how-met', ''], '--how-met needs a value'],
    [['--remove-goal', 'world peace'], "there is no goal 'world peace' to remove"],
  ])('refuses %j with exit 1 and writes nothing', async (options, message) => {
    const tend = await demoSession();
    const before = await tend.show('Sofia Reyes');
    const result = await tend.run('set', 'Sofia Reyes', '--tag', 'kept', ...options);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(await tend.show('Sofia Reyes')).toEqual(before);
  });
});

describe('tend unlog: a logged entry can be removed', () => {
  it('removes the entry tend log made (its id is in show), and the clock it reset goes back', async () => {
    const tend = await demoSession();
    const before = await tend.show('Karin Ek');
    const logged = await tend.run('--json', 'log', 'Karin Ek', 'call', 'caught up on the regional launch');
    expect(logged.code).toBe(0);
    const { id } = logged.json<{ id: number }>();
    const after = await tend.show('Karin Ek');
    expect(after.timeline[0]).toMatchObject({
      id,
      kind: 'call',
      summary: 'caught up on the regional launch',
    });
    const text = await tend.run('show', 'Karin Ek');
    expect(text.stdout).toContain(`[${id}]`);
    const removed = await tend.run('unlog', String(id));
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain('Removed the call with Karin Ek');
    expect(await tend.show('Karin Ek')).toEqual(before);
    expect((await tend.run('unlog', String(id))).code).toBe(3);
  });

  it('refuses an imported entry: the next import would bring it back', async () => {
    const tend = await demoSession();
    const imported = (await tend.show('Karin Ek')).timeline[0];
    const result = await tend.run('unlog', String(imported?.id));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('was imported');
    expect((await tend.run('unlog', 'abc')).code).toBe(1);
  });
});

describe('tend prune: a guard, colleagues kept, the archived listed', () => {
  it('refuses to archive someone who is no candidate, says why, and archives with --force', async () => {
    const tend = await demoSession();
    const refused = await tend.run('prune', '--apply', 'Sofia Reyes', "Brian O'Connor");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Sofia Reyes (');
    expect(refused.stderr).toContain('in your close circle');
    expect(refused.stderr).toContain('you noted their needs');
    expect(refused.stderr).toContain('--force');
    const ahmed = await tend.run('prune', '--apply', 'Ahmed Karimi');
    expect(ahmed.stderr).toContain('; you noted how you met;');
    expect(ahmed.stderr).not.toContain('their how you met');
    expect((await tend.run('--json', 'people', '--archived')).json()).toEqual([]);
    const forced = await tend.run('--json', 'prune', '--apply', 'Sofia Reyes', "Brian O'Connor", '--force');
    expect(forced.code).toBe(0);
    const archived = (await tend.run('--json', 'people', '--archived')).json<Array<{ name: string }>>();
    expect(archived.map((person) => person.name).sort()).toEqual(["Brian O'Connor", 'Sofia Reyes']);
    const listing = await tend.run('people', '--archived');
    expect(listing.stdout).toContain('2 archived. Bring one back with: tend unarchive REF');
    expect((await tend.run('prune', '--apply', "Brian O'Connor")).code).toBe(0);
  });

  it('never proposes a colleague at my current employer', async () => {
    const tend = await demoSession();
    // A year and a half on, Aisha Bello (Northwind Health, where Maya works, never a word) is over a year
    // connected; Brian O'Connor is a candidate as before.
    const later = (...argv: string[]) =>
      runCli(['--data', tend.data, '--now', '2026-06-01T09:00:00Z', ...argv]);
    const names = (await later('--json', 'prune'))
      .json<Array<{ person: { name: string } }>>()
      .map((candidate) => candidate.person.name);
    expect(names).toContain("Brian O'Connor");
    expect(names).not.toContain('Aisha Bello');
    const refused = await later('prune', '--apply', 'Aisha Bello');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('works at Northwind Health, where you work now');
  });

  it('lists no one archived on an empty folder', async () => {
    const result = await runCli(['--data', tempDataDir(), 'people', '--archived']);
    expect(result.stdout.trim()).toBe('No one is archived.');
  });
});

describe('tend snooze --until: a real day or a span', () => {
  it('takes 3d, 2w and next-month, and refuses a day that does not exist', async () => {
    const tend = await demoSession();
    const items = (await tend.run('--json', 'today')).json<{ items: Array<{ id: string; kind: string }> }>()
      .items;
    const [first, second, third] = items.filter((item) => item.kind !== 'introduce');
    if (!first || !second || !third) throw new Error('the demo has items');
    const invalid = await tend.run('snooze', first.id, '--until', '2026-02-30');
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('--until needs a real day');
    const spans: Array<[string, string, string]> = [
      [first.id, '3d', '2026-01-18'],
      [second.id, '2w', '2026-01-29'],
      [third.id, 'next-month', '2026-02-01'],
    ];
    for (const [id, until, date] of spans) {
      const result = await tend.run('--json', 'snooze', id, '--until', until);
      expect(result.code, result.stderr).toBe(0);
      expect(result.json()).toMatchObject({ id, state: 'snoozed', until: date });
    }
  });
});
