import type { AgendaItem, AgendaKind } from './agenda-item.js';
import { lazyCollator } from './collation.js';

/** The agenda's precedence of kinds and its display order (docs/rules/agenda.md). Pure. */

/** Precedence for one care item per person, and the order's tie-breaker. */
export const PRECEDENCE: Readonly<Record<AgendaKind, number>> = {
  reply: 0,
  'follow-up': 1,
  'let-go': 2,
  'keep-in-touch': 3,
  revive: 4,
  triage: 5,
  introduce: 6,
};

/** `localeCompare`'s own collator (the default locale and options), made once instead of per comparison. */
const collateNames = lazyCollator();

/**
 * Due dates (`YYYY-MM-DD`) and item ids (12 hex digits) each have one fixed form, in which the order of their
 * characters is the collation's order: compared as they are, without the collator (the commonest comparisons
 * of `today`'s sorts).
 */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function compareItems(a: AgendaItem, b: AgendaItem): number {
  return (
    compareBeforeNames(a, b) ||
    collateNames(a.person?.name ?? '', b.person?.name ?? '') ||
    byCodeUnits(a.id, b.id)
  );
}

/**
 * The display order's keys before the names (due date, kind, strength): where it says two items differ,
 * `compareItems` says the same. A first of thousands is found with it, the collator deciding only between
 * those it leaves tied (docs/PERFORMANCE.md#today-speed).
 */
export function compareBeforeNames(a: AgendaItem, b: AgendaItem): number {
  return byCodeUnits(a.due, b.due) || PRECEDENCE[a.kind] - PRECEDENCE[b.kind] || b.strength - a.strength;
}

/** The first of these items in display order (`compareItems`), through the collator only between ties. */
export function firstInOrder<T extends AgendaItem>(items: readonly T[]): T | undefined {
  let first = items[0];
  let tied: T[] = [];
  for (let index = 1; index < items.length; index++) {
    const item = items[index]!;
    const order = compareBeforeNames(item, first!);
    if (order < 0) {
      first = item;
      tied = [];
    } else if (order === 0) tied.push(item);
  }
  for (const item of tied) if (compareItems(item, first!) < 0) first = item;
  return first;
}

/**
 * Of two people who may be one, the item of the higher precedence stays (then the stronger tie, then the
 * older record): the same rule as for one person's items (docs/rules/agenda.md#possibly-one-person).
 */
export function oneCareItemEach(items: AgendaItem[], pairs: ReadonlyArray<readonly [number, number]>): void {
  const byPerson = new Map(items.map((item) => [item.person?.id, item]));
  const dropped = new Set<AgendaItem>();
  for (const [a, b] of pairs) {
    const first = byPerson.get(a);
    const second = byPerson.get(b);
    if (!first || !second || dropped.has(first) || dropped.has(second)) continue;
    const order =
      PRECEDENCE[first.kind] - PRECEDENCE[second.kind] || second.strength - first.strength || a - b;
    dropped.add(order <= 0 ? second : first);
  }
  if (dropped.size === 0) return;
  const kept = items.filter((item) => !dropped.has(item));
  items.length = 0;
  items.push(...kept);
}
