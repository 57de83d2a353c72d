import { compareItems, type AgendaItem, type AgendaKind } from './agenda.js';
import { compareBeforeNames, firstInOrder } from './agenda-precedence.js';
import { calendarDaysBetween } from './time.js';

/**
 * The daily plan (docs/rules/agenda.md#daily-plan): of everything due, what one person can do in a day. At
 * most `budget` care items with a quota per kind; a quota one kind leaves unused goes to the others in
 * precedence order. Within a kind the most valuable come first (`worth`). Pending invitations are one group
 * (the most urgent shown, the rest counted); at most one introduce item. Pure.
 */

export const DEFAULT_DAILY_BUDGET = 12;
export const TRIAGE_SHOWN = 3;
export const INTRODUCE_SHOWN = 1;

/** Care kinds in precedence order, with their quotas out of the default budget of 12. */
export const CARE_QUOTAS: ReadonlyArray<readonly [AgendaKind, number]> = [
  ['reply', 4],
  ['follow-up', 3],
  ['let-go', 1],
  ['keep-in-touch', 3],
  ['revive', 1],
];

export interface DailyPlan {
  /** The chosen items, in display order. */
  items: AgendaItem[];
  /** What did not fit, per kind (triage and introduce included). */
  more: Partial<Record<AgendaKind, number>>;
  /** Each chosen item's rank within its kind, 1 the most valuable. */
  ranks: Map<string, number>;
}

/** Most valuable first within a kind; the display order settles ties, so the choice is stable. */
export function compareWorth(a: AgendaItem, b: AgendaItem): number {
  return b.worth - a.worth || compareItems(a, b);
}

/**
 * Quotas for a budget: the default quotas scaled to it (largest remainders first, in precedence order), so
 * a budget of 6 still leaves room for a revive or a let-go now and then.
 */
export function quotasFor(budget: number): Map<AgendaKind, number> {
  const total = CARE_QUOTAS.reduce((sum, [, quota]) => sum + quota, 0);
  const exact = CARE_QUOTAS.map(([kind, quota]) => [kind, (quota * budget) / total] as const);
  const quotas = new Map(exact.map(([kind, share]) => [kind, Math.floor(share)]));
  let left = budget - [...quotas.values()].reduce((sum, quota) => sum + quota, 0);
  const byRemainder = [...exact].sort((a, b) => b[1] - Math.floor(b[1]) - (a[1] - Math.floor(a[1])));
  for (const [kind] of byRemainder) {
    if (left <= 0) break;
    quotas.set(kind, (quotas.get(kind) ?? 0) + 1);
    left--;
  }
  return quotas;
}

/** Each item's rank within its kind, 1 the most valuable (what `today --all` shows as `rank`). */
export function ranksWithinKind(items: readonly AgendaItem[]): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const group of groupByKind(items).values()) {
    group.sort(compareWorth);
    group.forEach((item, index) => ranks.set(item.id, index + 1));
  }
  return ranks;
}

function groupByKind(items: readonly AgendaItem[]): Map<AgendaKind, AgendaItem[]> {
  const byKind = new Map<AgendaKind, AgendaItem[]>();
  for (const item of items) {
    const group = byKind.get(item.kind);
    if (group) group.push(item);
    else byKind.set(item.kind, [item]);
  }
  return byKind;
}

/**
 * The `count` most valuable of a kind's items, most valuable first, without ordering the rest: a day's plan
 * shows a dozen of thousands, and ordering them all compared thousands of names through the collator
 * (docs/PERFORMANCE.md#plan-selection). The same items as the first `count` of the kind sorted whole. The
 * keys before the names pick the few that can be among them first (those tied with the last kept stay), and
 * only those are compared by name: many invitations tie on their day and strength (docs/PERFORMANCE.md#today-speed).
 */
function mostValuable(group: readonly AgendaItem[], count: number): AgendaItem[] {
  if (count <= 0) return [];
  const beforeNames = (a: AgendaItem, b: AgendaItem) => b.worth - a.worth || compareBeforeNames(a, b);
  return firstOf(firstOf(group, count, beforeNames, true), count, compareWorth, false);
}

/**
 * The first `count` of `items` by `order`, in that order, without sorting them all; with `keepTies`, also every
 * item `order` ties with the last of them.
 */
function firstOf(
  items: readonly AgendaItem[],
  count: number,
  order: (a: AgendaItem, b: AgendaItem) => number,
  keepTies: boolean,
): AgendaItem[] {
  const top: AgendaItem[] = [];
  for (const item of items) {
    if (top.length >= count) {
      const against = order(item, top[count - 1]!);
      if (against > 0 || (against === 0 && !keepTies)) continue;
    }
    let at = top.length;
    while (at > 0 && order(item, top[at - 1]!) < 0) at--;
    top.splice(at, 0, item);
    while (top.length > count && (!keepTies || order(top[top.length - 1]!, top[count - 1]!) > 0)) top.pop();
  }
  return top;
}

/** The plan of the items due (`due` ≤ today, already filtered by the caller). */
export function planDay(due: readonly AgendaItem[], budget: number = DEFAULT_DAILY_BUDGET): DailyPlan {
  const byKind = groupByKind(due);
  const quotas = quotasFor(budget);
  const take = new Map<AgendaKind, number>();
  let spare = budget;
  for (const [kind] of CARE_QUOTAS) {
    const taken = Math.min(quotas.get(kind) ?? 0, byKind.get(kind)?.length ?? 0);
    take.set(kind, taken);
    spare -= taken;
  }
  // What one kind leaves unused goes to the others, in precedence order.
  for (const [kind] of CARE_QUOTAS) {
    if (spare <= 0) break;
    const extra = Math.min(spare, (byKind.get(kind)?.length ?? 0) - (take.get(kind) ?? 0));
    take.set(kind, (take.get(kind) ?? 0) + extra);
    spare -= extra;
  }
  take.set('triage', TRIAGE_SHOWN);
  take.set('introduce', INTRODUCE_SHOWN);
  const items: AgendaItem[] = [];
  const more: DailyPlan['more'] = {};
  const ranks = new Map<string, number>();
  // Kinds in the order their first item is displayed: `more` lists them as the sorted list would.
  const kinds = [...byKind].map(([kind, group]) => [kind, group, firstInOrder(group)!] as const);
  kinds.sort((a, b) => compareItems(a[2], b[2]));
  for (const [kind, group] of kinds) {
    const shown = mostValuable(group, take.get(kind) ?? 0);
    shown.forEach((item, index) => ranks.set(item.id, index + 1));
    items.push(...shown);
    if (group.length > shown.length) more[kind] = group.length - shown.length;
  }
  items.sort(compareItems);
  return { items, more, ranks };
}

/** Data is old when its newest imported event is more than 30 days before now (docs/rules/agenda.md#old-data). */
export const OLD_DATA_AFTER_DAYS = 30;

/** How many days old the data is when that is worth a line, else null. */
export function oldDataDays(dataAsOf: number | null, now: number, zone: string): number | null {
  if (dataAsOf === null || dataAsOf > now) return null;
  const days = calendarDaysBetween(dataAsOf, now, zone);
  return days > OLD_DATA_AFTER_DAYS ? days : null;
}
