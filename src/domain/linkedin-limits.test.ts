import { describe, expect, it } from 'vitest';
import { checkWeeklyBudget, reinviteBlockedUntil } from './linkedin-limits.js';

const at = (day: string) => Date.parse(`${day}T10:00:00Z`);

describe('LinkedIn limits', () => {
  it('keep a withdrawn invitation from being sent again for 21 calendar days (20 and 21: not yet; day 21 after: yes)', () => {
    const withdrawn = at('2026-01-01');
    expect(reinviteBlockedUntil(withdrawn, at('2026-01-21'), 'UTC')).toBe('2026-01-22');
    expect(reinviteBlockedUntil(withdrawn, at('2026-01-22'), 'UTC')).toBeNull();
    expect(reinviteBlockedUntil(withdrawn, at('2026-01-23'), 'UTC')).toBeNull();
    // Days in the data folder's zone: 23:30 on 1 January in Stockholm is still 1 January there.
    expect(
      reinviteBlockedUntil(Date.parse('2026-01-01T22:30:00Z'), at('2026-01-21'), 'Europe/Stockholm'),
    ).toBe('2026-01-22');
  });

  it('warn from 80% of the weekly budget and refuse over it', () => {
    expect(checkWeeklyBudget(70, 9, 100).warning).toBeNull();
    expect(checkWeeklyBudget(70, 10, 100)).toMatchObject({ total: 80, over: false });
    expect(checkWeeklyBudget(70, 10, 100).warning).toMatch(/80 of your 100 invitations this week.*20 left/);
    expect(checkWeeklyBudget(99, 1, 100).over).toBe(false);
    expect(checkWeeklyBudget(99, 2, 100)).toMatchObject({ total: 101, over: true });
    expect(checkWeeklyBudget(99, 2, 100).warning).toMatch(/over your weekly budget of 100/);
  });
});
