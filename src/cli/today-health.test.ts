import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../../test/support/cli-harness.js';
import { demoSession } from '../../test/support/demo-session.js';
import { tendSession } from '../../test/support/linkedin-fixtures.js';

/**
 * `today` and `health` through the CLI: the daily budget setting, `more` and `dataAsOf`, the old-data line
 * (docs/rules/agenda.md#old-data) and health's wording where a figure has nothing to stand on
 * (docs/rules/prune-and-health.md#health-figures).
 */

const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';

/** Connections only, all made on `connectedOn`: no messages in the export. */
function connectionsOnly(folder: string, count: number, connectedOn: string): string {
  mkdirSync(folder, { recursive: true });
  const rows = Array.from(
    { length: count },
    (_, index) =>
      `Person,No${index},https://www.linkedin.com/in/person-${index},,Acme ${index},Engineer,${connectedOn}`,
  );
  writeFileSync(join(folder, 'Connections.csv'), [HEADER, ...rows].join('\n'));
  return folder;
}

describe('today through the CLI', () => {
  it('shows at most daily-budget care items, counts the rest, and says how old the data is', async () => {
    const data = tempDataDir();
    const session = tendSession('2024-03-12T12:00:00Z', data);
    await session.importJson('--tz', 'UTC', connectionsOnly(join(data, 'export'), 8, '08 Mar 2024'));
    expect((await session.run('config', 'daily-budget', '5')).code).toBe(0);
    const today = await session.run('--json', 'today');
    const json = today.json<{
      items: Array<{ kind: string; rank: number }>;
      more: object;
      dataAsOf: string;
      budget: number;
    }>();
    expect(json.items).toHaveLength(5);
    expect(json.more).toEqual({ 'follow-up': 3 });
    expect(json.budget).toBe(5);
    expect(json.dataAsOf).toBe('2024-03-08T00:00:00Z');
    const all = await session.run('--json', 'today', '--all');
    expect(all.json<{ items: unknown[] }>().items).toHaveLength(8);
    const text = await session.run('today');
    expect(text.stdout).toContain('and 3 more: 3 follow-ups — tend today --all');
    expect(text.stdout).not.toContain('Your newest data');
    expect((await session.run('config', 'daily-budget', '0')).code).toBe(1);
  });

  it.each([
    ['2024-04-07', false],
    ['2024-04-08', true],
  ])('at %s, the newest data of 2024-03-08 is old: %s (more than 30 days)', async (now, old) => {
    const data = tempDataDir();
    await tendSession('2024-03-12T12:00:00Z', data).importJson(
      '--tz',
      'UTC',
      connectionsOnly(join(data, 'export'), 2, '08 Mar 2024'),
    );
    const later = tendSession(`${now}T12:00:00Z`, data);
    for (const command of ['today', 'health']) {
      const result = await later.run(command);
      expect(result.stdout.startsWith('Your newest data is from 2024-03-08'), command).toBe(old);
      if (old) expect(result.stdout.split('\n')[0]).toContain('tend import');
    }
  });
});

describe('health wording', () => {
  it('without messages, depth is unknown, and with no new connections the follow-up rate says so', async () => {
    const data = tempDataDir();
    const session = tendSession('2024-03-12T12:00:00Z', data);
    await session.importJson('--tz', 'UTC', connectionsOnly(join(data, 'export'), 3, '08 Mar 2020'));
    const health = await session.run('health');
    expect(health.stdout).toContain('Depth:              unknown: no conversations imported');
    expect(health.stdout).toContain('Follow-up rate:     no new connections in the last year');
    expect(health.stdout).not.toContain('n/a of 0');
    const json = (await session.run('--json', 'health')).json<{
      depth: number | null;
      messagesImported: boolean;
    }>();
    expect(json).toMatchObject({ depth: null, messagesImported: false });
  });

  it('says its bands are of connections, and counts apart the people tend people also bands', async () => {
    const data = tempDataDir();
    const folder = connectionsOnly(join(data, 'export'), 2, '01 Mar 2024');
    const me = 'Dana Ilic,https://www.linkedin.com/in/dana-ilic';
    const connection = 'Person No0,https://www.linkedin.com/in/person-0';
    const sender = 'Yusuf Kaya,https://www.linkedin.com/in/yusuf-kaya';
    const talk = (id: string, who: string, day: string) => [
      `${id},,${who},${me},${day} 09:00:00 UTC,,Shall we meet about the pilot next week?,INBOX`,
      `${id},,${me},${who},${day} 11:00:00 UTC,,Yes Tuesday works for me,INBOX`,
    ];
    writeFileSync(
      join(folder, 'messages.csv'),
      [
        'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER',
        ...talk('c1', connection, '2024-03-04'),
        ...talk('c2', sender, '2024-03-05'),
        ...talk('c3', sender, '2024-03-06'),
      ].join('\n'),
    );
    const session = tendSession('2024-03-12T12:00:00Z', data);
    await session.importJson('--tz', 'UTC', folder);
    const health = (await session.run('--json', 'health')).json<{
      bands: Record<string, number>;
      bandsNotConnected: Record<string, number>;
    }>();
    const above = (bands: Record<string, number>) =>
      (bands.strong ?? 0) + (bands.medium ?? 0) + (bands.weak ?? 0);
    expect(above(health.bands)).toBe(1);
    expect(health.bands.none).toBe(1);
    expect(above(health.bandsNotConnected)).toBe(1);
    for (const band of ['strong', 'medium', 'weak'])
      expect((await session.run('--json', 'people', `band:${band}`)).json<unknown[]>().length, band).toBe(
        (health.bands[band] ?? 0) + (health.bandsNotConnected[band] ?? 0),
      );
    // Wrapped to the output width: read as one line.
    const text = (await session.run('health')).stdout.replace(/\s+/g, ' ');
    expect(text).toMatch(/Bands: +of your 2 connections: strong \d, medium \d, weak \d, dormant 0, none 1/);
    expect(text).toMatch(/Not connected: +(strong|medium|weak) 1 among people you talk with but are not/);
  });

  it('counts pending invitations as triage does, even after a decision', async () => {
    const session = await demoSession();
    const pending = async () =>
      (await session.run('--json', 'health')).json<{ pendingInvitations: number }>().pendingInvitations;
    const before = await session.triage();
    expect(await pending()).toBe(before.length);
    expect((await session.run('triage', '--decide', String(before[0]!.id), 'decline')).code).toBe(0);
    const after = await session.triage();
    expect(after).toHaveLength(before.length - 1);
    expect(await pending()).toBe(after.length);
    expect((await session.run('health')).stdout).toContain(
      `Invitations:        ${after.length} pending: tend triage\n`,
    );
  });

  it('counts an introduction once, not once for each of the two people', async () => {
    const session = await demoSession();
    const introductions = async () =>
      (await session.run('--json', 'health')).json<{ giveAsk: { introductions: number } }>().giveAsk
        .introductions;
    expect(await introductions()).toBe(0);
    const started = await session.run('--json', 'intro', 'start', 'Sofia Reyes', 'Daniel Okafor');
    const id = String(started.json<{ id: number }>().id);
    for (const step of ['asked-a', 'agreed-a', 'asked-b', 'agreed-b', 'introduced'])
      expect((await session.run('intro', 'advance', id, step)).code, step).toBe(0);
    expect(await introductions()).toBe(1);
    expect((await session.run('health')).stdout).toContain(', 1 introduction\n');
    // One logged by hand counts as one more.
    expect((await session.run('log', 'Priya Nair', 'introduction-made', 'to Tomasz')).code).toBe(0);
    expect(await introductions()).toBe(2);
  });

  it('lists circles in their order: inner, close, active, wide', async () => {
    const session = await demoSession();
    const health = await session.run('health');
    expect(health.stdout).toMatch(/^Circles: +inner \d+, close \d+, active \d+, wide \d+$/m);
    const json = (await session.run('--json', 'health')).json<{ circles: Record<string, number> }>();
    expect(Object.keys(json.circles)).toEqual(['inner', 'close', 'active', 'wide']);
  });
});
