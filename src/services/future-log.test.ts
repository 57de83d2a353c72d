import { describe, expect, it } from 'vitest';
import { materializeEra, tendSession } from '../../test/support/linkedin-fixtures.js';

/**
 * `tend log --at` records what has happened (docs/RELIABILITY.md#future-logs): a date after today is refused
 * with one line and nothing stored — a future entry made `show` say "No interactions yet" until the clock
 * passed it — and today's date means now, so the entry shows at once.
 */
describe('logging an interaction', () => {
  it('refuses a date in the future, stores nothing, and the person keeps their history', async () => {
    const session = tendSession('2025-03-10T08:00:00Z');
    await session.importJson('--tz', 'UTC', materializeEra('2024-2025'));
    const person = (await session.people())[0];
    const before = (await session.show(String(person?.id))).timeline.length;
    const future = await session.run('log', String(person?.id), 'meeting', 'kickoff', '--at', '2030-01-01');
    expect(future.code).toBe(1);
    expect(future.stderr).toBe(
      'tend: --at 2030-01-01 is in the future (today is 2025-03-10): log what has already happened, when it has\n',
    );
    const later = await session.run('log', String(person?.id), 'call', '--at', '2025-03-10T09:00:00Z');
    expect(later.code).toBe(1);
    expect((await session.show(String(person?.id))).timeline).toHaveLength(before);
  });

  it("takes today's date as now, so the entry is in the person's history at once", async () => {
    const session = tendSession('2025-03-10T08:00:00Z');
    await session.importJson('--tz', 'UTC', materializeEra('2024-2025'));
    const person = (await session.people())[0];
    const today = await session.run('log', String(person?.id), 'call', 'quick call', '--at', '2025-03-10');
    expect(today.code).toBe(0);
    const shown = await session.show(String(person?.id));
    expect(shown.timeline[0]).toMatchObject({
      kind: 'call',
      summary: 'quick call',
      at: '2025-03-10T08:00:00Z',
    });
  });
});
