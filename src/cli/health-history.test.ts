import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { resolveConfig } from '../config.js';
import { tempDataDir } from '../../test/support/cli-harness.js';
import { demoSession } from '../../test/support/demo-session.js';
import { tendSession } from '../../test/support/linkedin-fixtures.js';

/** The daily health snapshot any command keeps (docs/rules/prune-and-health.md#health-history). */

const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';

function connections(folder: string, count: number): string {
  mkdirSync(folder, { recursive: true });
  const rows = Array.from(
    { length: count },
    (_, index) => `Person,No${index},https://www.linkedin.com/in/person-${index},,Acme,Engineer,08 Mar 2024`,
  );
  writeFileSync(join(folder, 'Connections.csv'), [HEADER, ...rows].join('\n'));
  return folder;
}

async function historyOf(data: string, now: string) {
  const app = await createApp(resolveConfig({ data, now }, {}));
  try {
    return await app.healthHistory.history(app.clock(), 30);
  } finally {
    await app.close();
  }
}

describe('health history', () => {
  it('keeps one snapshot a day, the first command of the day taking it, and an import taking it again', async () => {
    const data = tempDataDir();
    const first = tendSession('2024-03-12T09:00:00Z', data);
    await first.importJson('--tz', 'UTC', connections(join(data, 'export'), 3));
    expect((await first.run('config', 'timezone', 'UTC')).code).toBe(0);
    connections(join(data, 'more'), 5);
    // Another command the same day keeps the day's snapshot; an import, which brings new data, takes it again.
    expect((await tendSession('2024-03-12T10:00:00Z', data).run('today')).code).toBe(0);
    expect((await historyOf(data, '2024-03-12T11:00:00Z'))[0]!.takenAt).toBe(
      Date.parse('2024-03-12T09:00:00Z'),
    );
    await tendSession('2024-03-12T18:00:00Z', data).importJson('--tz', 'UTC', join(data, 'more'));
    expect((await tendSession('2024-03-14T08:00:00Z', data).run('people')).code).toBe(0);
    expect((await tendSession('2024-03-14T09:00:00Z', data).run('people')).code).toBe(0);
    const history = await historyOf(data, '2024-03-14T20:00:00Z');
    expect(history.map((point) => [point.day, point.figures.connections, point.takenAt])).toEqual([
      ['2024-03-12', 5, Date.parse('2024-03-12T18:00:00Z')],
      ['2024-03-14', 5, Date.parse('2024-03-14T08:00:00Z')],
    ]);
    expect(history[1]!.figures).toMatchObject({ newConnections: 5, depth: null });
  });

  it('keeps nothing for a database without connections, nor after a command that failed', async () => {
    const data = tempDataDir();
    const session = tendSession('2024-03-12T09:00:00Z', data);
    expect((await session.run('today')).code).toBe(0);
    expect(await historyOf(data, '2024-03-12T20:00:00Z')).toEqual([]);
    await session.importJson('--tz', 'UTC', connections(join(data, 'export'), 2));
    const later = tendSession('2024-03-13T09:00:00Z', data);
    expect((await later.run('show', 'nobody-by-that-name')).code).not.toBe(0);
    const history = await historyOf(data, '2024-03-13T20:00:00Z');
    expect(history.map((point) => point.day)).toEqual(['2024-03-12']);
  });

  it('tend health --history lists the days kept, most recent last; --json as the API gives them', async () => {
    const tend = await demoSession('2026-01-15');
    const table = await tend.run('health', '--history');
    expect(table.code, table.stderr).toBe(0);
    const [header, ...rows] = table.stdout.trimEnd().split('\n');
    expect(header!.split(/\s+/)).toEqual([
      'DATE',
      'CONNECTIONS',
      'DEPTH',
      'FOLLOW-UP',
      'STRONG',
      'MEDIUM',
      'WEAK',
      'DORMANT',
      'NONE',
    ]);
    // The demo's twelve weekly snapshots, then today's.
    const days = rows.map((row) => row.slice(0, 10));
    expect(days).toHaveLength(13);
    expect(days[0]).toBe('2025-10-23');
    expect(days.at(-1)).toBe('2026-01-15');
    expect([...days].sort()).toEqual(days);

    const { points } = (await tend.run('--json', 'health', '--history')).json<{
      points: Array<{ day: string; takenAt: string; figures: Record<string, unknown> }>;
    }>();
    expect(points.map((point) => point.day)).toEqual(days);
    const today = (await tend.run('--json', 'health')).json<Record<string, unknown>>();
    expect(points.at(-1)!.figures).toEqual(today);
    const bands = today.bands as Record<string, number>;
    const depth = `${Math.round((today.depth as number) * 100)}%`;
    expect(rows.at(-1)!.split(/\s+/)).toEqual([
      '2026-01-15',
      String(today.connections),
      depth,
      `${Math.round((today.followUpRate as number) * 100)}%`,
      ...['strong', 'medium', 'weak', 'dormant', 'none'].map((band) => String(bands[band])),
    ]);

    const week = (await tend.run('--json', 'health', '--history', '--days', '8')).json<{
      points: Array<{ day: string }>;
    }>();
    expect(week.points.map((point) => point.day)).toEqual(['2026-01-08', '2026-01-15']);
    expect((await tend.run('health', '--days', '7')).code).toBe(1);
    expect((await tend.run('health', '--history', '--days', 'a week')).code).toBe(1);
  });

  it('tend health --history on a new folder says there is no history yet', async () => {
    const result = await tendSession('2024-03-12T09:00:00Z').run('health', '--history');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      "No health history yet: the first command of each day keeps that day's figures.\n",
    );
  });
});
