import { sameOrganization } from './organization-name.js';
import { DAY_MS, type RelationshipFacts } from './relationship-facts.js';
import { scoreTie } from './strength.js';
import { calendarDaysBetween } from './time.js';

/**
 * What an item is worth within its kind, for the daily plan (docs/rules/agenda.md#daily-plan): reply,
 * keep-in-touch and let-go by the tie's strength, follow-up by what there is to build on then newest,
 * revive by former strength and how far the silence exceeds the pair's usual gap
 * (docs/rules/agenda.md#revive). Higher is worth more.
 */

/** What the owner brings to a follow-up: the organisations (employers, schools) of their own history. */
export interface OwnerContext {
  organizations: readonly string[];
}

/** The least usual gap between exchanges a revive is measured against: a burst of chat is no rhythm. */
const MIN_USUAL_GAP_DAYS = 14;
/** How much more than its usual gap a silence may count for, at most. */
const MAX_OVERDUE = 8;

/** Something to build on, one point each: how we met, notes, needs or offers, a shared organisation. */
export function followUpBasis(
  person: {
    howMet: string | null;
    notes?: string | null;
    company: string | null;
    needs: readonly string[];
    offers: readonly string[];
    goals: readonly string[];
  },
  owner?: OwnerContext,
): number {
  let points = 0;
  if (person.howMet) points++;
  if (person.notes) points++;
  if (person.needs.length + person.offers.length + person.goals.length > 0) points++;
  const company = person.company;
  if (company && owner?.organizations.some((organization) => sameOrganization(organization, company)))
    points++;
  return points;
}

/** Follow-ups: what there is to build on first, then the newest connection (fewer days since connecting). */
export function followUpWorth(basis: number, daysSinceConnected: number): number {
  return basis * 1000 + (999 - Math.min(999, daysSinceConnected));
}

/**
 * The tie's strength as it was at its last two-way exchange: the same model, evaluated on that day
 * (no user floor or override: those describe the tie now).
 */
export function formerStrength(
  facts: RelationshipFacts,
  connectedAt: number | null,
  reference: number,
  zone: string,
): number {
  if (facts.lastExchangeAt === null) return 0;
  return scoreTie(
    facts,
    { floor: null, override: null, connectedAt },
    facts.lastExchangeAt,
    reference,
    zone,
    false,
  ).score;
}

/** The pair's usual gap between two-way exchanges, in days (first to last, over the gaps between them). */
export function usualGapDays(facts: RelationshipFacts): number | null {
  if (facts.firstExchangeAt === null || facts.lastExchangeAt === null || facts.exchangeCount < 2) return null;
  return (facts.lastExchangeAt - facts.firstExchangeAt) / DAY_MS / (facts.exchangeCount - 1);
}

/**
 * Revive: former strength, raised by up to half again as the silence exceeds the pair's usual gap (a
 * weekly tie silent for a year is more remarkable than a yearly one silent for two).
 */
export function reviveWorth(
  facts: RelationshipFacts,
  former: number,
  now: number,
  zone: string,
): { worth: number; overdue: number; usualGap: number; floored: boolean } {
  const ownGap = usualGapDays(facts);
  const floored = ownGap === null || ownGap < MIN_USUAL_GAP_DAYS;
  const usualGap = floored ? MIN_USUAL_GAP_DAYS : ownGap;
  const silence = facts.lastExchangeAt === null ? 0 : calendarDaysBetween(facts.lastExchangeAt, now, zone);
  const overdue = silence / usualGap;
  const factor = 1 + Math.min(MAX_OVERDUE, overdue) / (2 * MAX_OVERDUE);
  return { worth: former * factor, overdue, usualGap, floored };
}

/**
 * How the silence compares with the pair's rhythm, in words for the revive reason: the ratio with one
 * decimal under 10; "shorter than" when the silence is below the usual gap (the item is still due: a revive
 * needs only a year of silence, docs/rules/agenda.md#revive); and a floored gap is no rhythm of the pair, so
 * it is not called "your usual".
 */
export function reviveRhythmText(revive: { overdue: number; usualGap: number; floored: boolean }): string {
  if (revive.floored) return `your exchanges used to come less than ${MIN_USUAL_GAP_DAYS} days apart`;
  const usual = `your usual ${Math.round(revive.usualGap)} days between exchanges`;
  if (revive.overdue < 1) return `shorter than ${usual}`;
  const tenths = Math.round(revive.overdue * 10) / 10;
  return `${tenths < 10 ? tenths.toFixed(1) : Math.round(revive.overdue)}× ${usual}`;
}
