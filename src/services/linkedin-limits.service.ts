import {
  checkWeeklyBudget,
  reinviteBlockedUntil,
  WITHDRAWN_WAIT_DAYS,
  type BudgetCheck,
} from '../domain/linkedin-limits.js';
import { addDays, startOfLocalDate, toLocalDate } from '../domain/time.js';
import { createLinkedinInvitationMarkRepository } from '../store/linkedin-invitation-mark.repository.js';
import { createOutreachRepository } from '../store/outreach.repository.js';
import type { StoreContext } from '../store/store.js';
import type { SettingsService } from './settings.service.js';

export const WEEKLY_INVITATIONS_DEFAULT = 100;

/** A setting that holds a whole number, or its default. */
export function settingNumber(settings: SettingsService, key: string, fallback: number): number {
  const value = settings.list()[key];
  return value && /^\d+$/.test(value) ? Number(value) : fallback;
}

export interface ReinviteBlock {
  withdrawnOn: string;
  /** The first day a new invitation may go to them. */
  allowedOn: string;
}

/**
 * LinkedIn's limits wherever tend drafts for LinkedIn (docs/rules/segments.md#linkedin-limits): the weekly
 * invitation budget counted from what tend recorded — sent invitations imported, LinkedIn notes composed and
 * invitation notes drafted, in the last 7 days — and three weeks after a withdrawn invitation.
 */
export function createLinkedinLimits(deps: { store: StoreContext; settings: SettingsService }) {
  const { store, settings } = deps;
  const marks = () => createLinkedinInvitationMarkRepository(store);

  return {
    /** The last 7 calendar days up to `now` with `adding` more invitations, against the budget. */
    async weekly(now: number, adding: number): Promise<BudgetCheck> {
      const zone = settings.timeZone();
      const weekStart = startOfLocalDate(addDays(toLocalDate(now, zone), -6), zone);
      const outreach = createOutreachRepository(store);
      const used =
        (await outreach.countInvitationsSent(weekStart, now + 1)) +
        (await outreach.countComposed(weekStart, now + 1, 'linkedin')) +
        (await marks().countPeople('drafted', weekStart, now + 1));
      const budget = settingNumber(settings, 'linkedin-weekly-invitations', WEEKLY_INVITATIONS_DEFAULT);
      return checkWeeklyBudget(used, adding, budget);
    },

    /** Those of these people whose invitation was withdrawn less than three weeks before `now`. */
    async reinviteBlocks(personIds: readonly number[], now: number): Promise<Map<number, ReinviteBlock>> {
      const zone = settings.timeZone();
      const blocks = new Map<number, ReinviteBlock>();
      for (const [personId, at] of await marks().latest('withdrawn', personIds, now)) {
        const allowedOn = reinviteBlockedUntil(at, now, zone);
        if (allowedOn) blocks.set(personId, { withdrawnOn: toLocalDate(at, zone), allowedOn });
      }
      return blocks;
    },

    /**
     * Before a note to one person (`invite-note`): whether they may be invited yet, and the week's budget with
     * their invitation — counted once however often their note is drafted this week.
     */
    async forInvitation(
      personId: number,
      now: number,
    ): Promise<{ block: ReinviteBlock | null; week: BudgetCheck }> {
      const zone = settings.timeZone();
      const weekStart = startOfLocalDate(addDays(toLocalDate(now, zone), -6), zone);
      const drafted = (await marks().latest('drafted', [personId], now)).get(personId);
      const week = await this.weekly(now, drafted !== undefined && drafted >= weekStart ? 0 : 1);
      return { block: (await this.reinviteBlocks([personId], now)).get(personId) ?? null, week };
    },

    /** `tend log REF invitation-withdrawn`. */
    async recordWithdrawn(personId: number, at: number): Promise<ReinviteBlock> {
      await marks().record(personId, 'withdrawn', at);
      const withdrawnOn = toLocalDate(at, settings.timeZone());
      return { withdrawnOn, allowedOn: addDays(withdrawnOn, WITHDRAWN_WAIT_DAYS) };
    },

    /** An invitation note drafted or checked for someone: it counts against the week's budget once. */
    async recordDrafted(personId: number, at: number): Promise<void> {
      await marks().record(personId, 'drafted', at);
    },
  };
}

export type LinkedinLimits = ReturnType<typeof createLinkedinLimits>;
