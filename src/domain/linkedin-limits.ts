import { addDays, toLocalDate } from './time.js';

/**
 * LinkedIn's limits on my own invitations (docs/rules/segments.md#linkedin-limits): a weekly budget (about
 * 100; the setting `linkedin-weekly-invitations`) and no new invitation to someone whose invitation I
 * withdrew for three weeks. Pure: the counts and dates come in.
 */
export const WITHDRAWN_WAIT_DAYS = 21;
/** From this share of the weekly budget on, every LinkedIn draft says how much is left. */
export const BUDGET_WARNING_SHARE = 0.8;

/**
 * The first day (in the data folder's zone) a new invitation may go to someone whose invitation was withdrawn
 * at `withdrawnAt`; null when that day is not after `now`'s day (inviting is allowed again).
 */
export function reinviteBlockedUntil(withdrawnAt: number, now: number, zone: string): string | null {
  const allowed = addDays(toLocalDate(withdrawnAt, zone), WITHDRAWN_WAIT_DAYS);
  return allowed > toLocalDate(now, zone) ? allowed : null;
}

export interface BudgetCheck {
  /** Invitations of the last 7 days with the new ones. */
  total: number;
  budget: number;
  over: boolean;
  /** A sentence for the user when the total is near or over the budget; null well below it. */
  warning: string | null;
}

/** `used` invitations of the last 7 days (imported, composed, drafted) and `adding` more against `budget`. */
export function checkWeeklyBudget(used: number, adding: number, budget: number): BudgetCheck {
  const total = used + adding;
  const over = total > budget;
  const warning = over
    ? `${total} invitations in 7 days would be over your weekly budget of ${budget} (linkedin-weekly-invitations): LinkedIn restricts accounts that send more; send the rest next week`
    : total >= Math.ceil(budget * BUDGET_WARNING_SHARE)
      ? `${total} of your ${budget} invitations this week (linkedin-weekly-invitations): ${budget - total} left before LinkedIn may restrict your account`
      : null;
  return { total, budget, over, warning };
}

/** Why someone cannot be invited yet, or null. */
export function withdrawnReason(blockedUntil: string | null, withdrawnOn: string): string | null {
  return blockedUntil === null
    ? null
    : `invitation withdrawn on ${withdrawnOn}: LinkedIn allows a new one from ${blockedUntil}`;
}
