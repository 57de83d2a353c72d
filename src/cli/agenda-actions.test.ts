import { describe, expect, it } from 'vitest';
import { runCli, tempDataDir } from '../../test/support/cli-harness.js';
import { demoSession } from '../../test/support/demo-session.js';
import type { TendSession } from '../../test/support/linkedin-fixtures.js';

/** The daily loop on the demo network (docs/rules/agenda.md#item-ids, #done-logs, #undo). */

interface TodayJson {
  items: Array<{ id: string; kind: string; person: { id: number; name: string } | null; due: string }>;
  unknownSenders: number;
  unknownSenderNames: string[];
}

async function today(tend: TendSession, ...options: string[]): Promise<TodayJson> {
  const result = await tend.run('--json', 'today', '--all', ...options);
  expect(result.code, result.stderr).toBe(0);
  return result.json<TodayJson>();
}

async function itemOf(tend: TendSession, name: string, kind: string) {
  const item = (await today(tend)).items.find((entry) => entry.person?.name === name && entry.kind === kind);
  if (!item) throw new Error(`no ${kind} for ${name}`);
  return item;
}

const itemsFor = async (tend: TendSession, name: string) =>
  (await today(tend)).items.filter((item) => item.person?.name === name).map((item) => item.kind);

/** The demo's data folder a while later. */
const later = (tend: TendSession, when: string, ...argv: string[]) =>
  runCli(['--data', tend.data, '--now', when, ...argv]);

describe('agenda actions stick', () => {
  it('snoozing Karin Ek’s keep-in-touch shows nothing for her until the date, then the keep-in-touch', async () => {
    const tend = await demoSession();
    const item = await itemOf(tend, 'Karin Ek', 'keep-in-touch');
    const snoozed = await tend.run('snooze', item.id, '--until', '2026-01-31');
    expect(snoozed.stdout.trim()).toBe(
      `Snoozed Karin Ek's keep-in-touch [${item.id}] until 2026-01-31: nothing for Karin Ek before then.`,
    );
    expect(await itemsFor(tend, 'Karin Ek')).toEqual([]);
    const back = await later(tend, '2026-01-31T09:00:00Z', '--json', 'today', '--all');
    const kinds = back
      .json<TodayJson>()
      .items.filter((entry) => entry.person?.name === 'Karin Ek')
      .map((entry) => entry.kind);
    expect(kinds).toEqual(['keep-in-touch']);
  });

  it('dismissing Rasmus Holm’s let-go shows no keep-in-touch for him in its place', async () => {
    const tend = await demoSession();
    const item = await itemOf(tend, 'Rasmus Holm', 'let-go');
    expect((await tend.run('dismiss', item.id)).code).toBe(0);
    expect(await itemsFor(tend, 'Rasmus Holm')).toEqual([]);
    const monthsLater = await later(tend, '2026-06-15T09:00:00Z', '--json', 'today', '--all');
    expect(
      monthsLater.json<TodayJson>().items.filter((entry) => entry.person?.name === 'Rasmus Holm'),
    ).toEqual([]);
  });

  it('accepts every id today --all shows, whatever was marked before', async () => {
    const tend = await demoSession();
    const first = await today(tend);
    for (const item of first.items.slice(0, 8))
      expect((await tend.run('snooze', item.id, '--until', '2w')).code).toBe(0);
    for (const item of (await today(tend)).items)
      expect((await tend.run('dismiss', item.id)).code, item.id).toBe(0);
    expect((await today(tend)).items).toEqual([]);
    const unknown = await tend.run('dismiss', 'aaaaaaaaaaaa');
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('`tend today --all` lists the current ids');
  });
});

describe('tend done records what happened, so the clock restarts', () => {
  it('logs a message by default: Ahmed Karimi’s keep-in-touch comes back after his cadence, with a new id', async () => {
    const tend = await demoSession();
    const item = await itemOf(tend, 'Ahmed Karimi', 'keep-in-touch');
    const done = await tend.run('done', item.id);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toMatch(
      /logged a message with Ahmed Karimi today \(entry \d+\), so the clock restarts/,
    );
    const ahmed = await tend.show('Ahmed Karimi');
    expect(ahmed.timeline[0]).toMatchObject({ kind: 'message', at: '2026-01-15T09:00:00Z' });
    expect(await itemsFor(tend, 'Ahmed Karimi')).toEqual([]);
    const sixMonths = await later(tend, '2026-07-15T09:00:00Z', '--json', 'today', '--all');
    const back = sixMonths.json<TodayJson>().items.filter((entry) => entry.person?.name === 'Ahmed Karimi');
    expect(back.map((entry) => entry.kind)).toEqual(['keep-in-touch']);
    expect(back[0]!.id).not.toBe(item.id);
  });

  it('done records per kind what docs/DECISIONS.md says: an exchange for reply, keep-in-touch and revive, my message for a follow-up, nothing for let-go and triage', async () => {
    const tend = await demoSession();
    const items = (await today(tend)).items;
    const expected: Record<string, { kind: string; direction: string } | null> = {
      reply: { kind: 'message', direction: 'both' },
      'keep-in-touch': { kind: 'message', direction: 'both' },
      revive: { kind: 'message', direction: 'both' },
      'follow-up': { kind: 'message', direction: 'out' },
      'let-go': null,
      triage: null,
    };
    for (const [kind, logged] of Object.entries(expected)) {
      const item = items.find((entry) => entry.kind === kind);
      if (!item) throw new Error(`the demo has no ${kind} item today`);
      const done = await tend.run('--json', 'done', item.id);
      expect(done.code, `${kind}: ${done.stderr}`).toBe(0);
      const json = done.json<{ logged?: { kind: string; direction: string } | null }>();
      if (logged) expect(json.logged, kind).toMatchObject(logged);
      else expect(json.logged ?? null, kind).toBeNull();
    }
  });

  it('--as call with a few words logs that call; --no-log only marks', async () => {
    const tend = await demoSession();
    const jonas = await itemOf(tend, 'Jonas Berg', 'keep-in-touch');
    expect((await tend.run('done', jonas.id, '--as', 'call', 'caught', 'up')).code).toBe(0);
    expect((await tend.show('Jonas Berg')).timeline[0]).toMatchObject({ kind: 'call', summary: 'caught up' });
    const mei = await itemOf(tend, 'Mei Tanaka', 'reply');
    const before = await tend.show('Mei Tanaka');
    const marked = await tend.run('done', mei.id, '--no-log');
    expect(marked.stdout.trim()).toBe(
      `Done: Mei Tanaka's reply [${mei.id}] (nothing logged). tend undo takes it back.`,
    );
    expect((await tend.show('Mei Tanaka')).timeline).toEqual(before.timeline);
    expect(await itemsFor(tend, 'Mei Tanaka')).toEqual([]);
  });

  it('refuses an unknown --as with exit 1 and marks nothing', async () => {
    const tend = await demoSession();
    const item = await itemOf(tend, 'Jonas Berg', 'keep-in-touch');
    const refused = await tend.run('done', item.id, '--as', 'telegram');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--as telegram: use one of message, call, meeting, email');
    expect(await itemsFor(tend, 'Jonas Berg')).toEqual(['keep-in-touch']);
  });
});

describe('tend undo reverses the last agenda action or log', () => {
  it('takes back a done with its log, then a snooze, then a log, saying what each was', async () => {
    const tend = await demoSession();
    const logged = await tend.run('--json', 'log', 'Nora Haddad', 'meeting');
    const entry = logged.json<{ id: number }>().id;
    const karin = await itemOf(tend, 'Karin Ek', 'keep-in-touch');
    await tend.run('snooze', karin.id, '--until', '3d');
    const ahmed = await itemOf(tend, 'Ahmed Karimi', 'keep-in-touch');
    await tend.run('done', ahmed.id);

    const first = await tend.run('undo');
    expect(first.stdout).toMatch(
      new RegExp(`^Undid: marked Ahmed Karimi's keep-in-touch \\[${ahmed.id}\\] done and logged a message`),
    );
    expect(await itemsFor(tend, 'Ahmed Karimi')).toEqual(['keep-in-touch']);
    expect((await tend.show('Ahmed Karimi')).timeline[0]?.at).not.toBe('2026-01-15T09:00:00Z');

    expect((await tend.run('undo')).stdout.trim()).toBe(
      `Undid: snoozed Karin Ek's keep-in-touch [${karin.id}] until 2026-01-18.`,
    );
    expect(await itemsFor(tend, 'Karin Ek')).toEqual(['keep-in-touch']);

    expect((await tend.run('undo')).stdout.trim()).toBe(
      `Undid: logged a meeting with Nora Haddad on 2026-01-15 (entry ${entry}).`,
    );
    expect((await tend.show('Nora Haddad')).timeline.some((event) => event.kind === 'meeting')).toBe(false);
    expect((await tend.run('undo')).stdout.trim()).toBe('Nothing to undo.');
  });
});

describe('tend today around the items', () => {
  it('--kind reply,triage shows only those kinds, the budget spent on them; an unknown kind is refused', async () => {
    const tend = await demoSession();
    const kinds = new Set((await today(tend, '--kind', 'reply,triage')).items.map((item) => item.kind));
    expect([...kinds].sort()).toEqual(['reply', 'triage']);
    // The day's budget is spent on the kinds asked for: with a budget of 3 the whole plan leaves the demo's
    // three keep-in-touch items one place (reply and follow-up come first); asked for alone, all three show.
    expect((await tend.run('config', 'daily-budget', '3')).code).toBe(0);
    const planned = async (...options: string[]) =>
      (await tend.run('--json', 'today', ...options)).json<TodayJson>().items.map((item) => item.kind);
    expect((await planned()).filter((kind) => kind === 'keep-in-touch')).toEqual(['keep-in-touch']);
    expect(await planned('--kind', 'keep-in-touch')).toEqual([
      'keep-in-touch',
      'keep-in-touch',
      'keep-in-touch',
    ]);
    const refused = await tend.run('today', '--kind', 'replies');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--kind replies: use one or more of reply, follow-up');
  });

  it('the header counts the budget’s things to do and names the invitations and introduction outside it', async () => {
    const tend = await demoSession();
    expect((await tend.run('config', 'daily-budget', '3')).code).toBe(0);
    const plan = (await tend.run('--json', 'today')).json<TodayJson>();
    const kinds = plan.items.map((item) => item.kind);
    const care = kinds.filter((kind) => kind !== 'triage' && kind !== 'introduce');
    expect(care).toHaveLength(3);
    expect(kinds.length).toBeGreaterThan(3);
    const text = (await tend.run('today')).stdout;
    expect(text).toContain('Today, 2026-01-15: 3 things to do, 3 invitations and one introduction\n');
    expect((await tend.run('today', '--markdown')).stdout).toContain(
      '\n3 things to do, 3 invitations and one introduction.\n',
    );
    // The JSON keeps its shape (docs/rules/agenda.md#daily-plan): the words are the terminal's only.
    expect(Object.keys(plan).sort()).toEqual([
      'budget',
      'dataAsOf',
      'items',
      'more',
      'now',
      'unknownSenderNames',
      'unknownSenders',
    ]);
  });

  it('names the people you do not know yet, and lists them with people --unknown-senders', async () => {
    const tend = await demoSession();
    const text = await tend.run('today');
    expect(text.stdout.replace(/\s+/g, ' ')).toContain(
      "1 message from people you don't know yet: Olga Petrenko (tend people --unknown-senders).",
    );
    const listed = await tend.run('--json', 'people', '--unknown-senders');
    expect(listed.json<Array<{ name: string }>>().map((person) => person.name)).toEqual(['Olga Petrenko']);
  });

  it('says nothing is imported yet on an empty database, not that nothing needs you', async () => {
    const result = await runCli(['--data', tempDataDir(), '--now', '2026-01-15T09:00:00Z', 'today']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Nothing imported yet: tend import PATH/);
  });
});
