import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { resolveConfig } from '../config.js';
import { tempDataDir } from '../../test/support/cli-harness.js';
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
});
