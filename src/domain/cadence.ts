import type { Circle } from './person.js';

/**
 * Keep-in-touch cadence per circle in days, from the circle alone
 * (docs/rules/exchanges-and-strength.md#cadence).
 */
export const CADENCE_DAYS: Readonly<Record<Circle, number | null>> = {
  inner: 14,
  close: 30,
  active: 90,
  wide: 365,
  none: null,
};

export type RelationshipState = 'new' | 'active' | 'overdue' | 'withering' | 'dormant' | 'archived';

export interface StateInput {
  circle: Circle | null;
  archived: boolean;
  /** Calendar days since the last two-way exchange, null if never. */
  daysSinceExchange: number | null;
  /** Calendar days since connecting, null if unknown. */
  daysSinceConnected: number | null;
}

/**
 * new (connected within 30 days, no exchange since connecting — also when an old one came before), then by
 * cadence: overdue at 1×, withering at 2× the circle's cadence since the last two-way exchange; dormant
 * when the last exchange is over a year ago (docs/rules/exchanges-and-strength.md#states).
 */
export function relationshipState(input: StateInput): RelationshipState {
  if (input.archived) return 'archived';
  const cadence = input.circle ? CADENCE_DAYS[input.circle] : null;
  const connected = input.daysSinceConnected;
  if (
    connected !== null &&
    connected >= 0 &&
    connected <= 30 &&
    (input.daysSinceExchange === null || input.daysSinceExchange > connected)
  )
    return 'new';
  if (input.daysSinceExchange === null) {
    if (cadence !== null && input.daysSinceConnected !== null) {
      if (input.daysSinceConnected >= 2 * cadence) return 'withering';
      if (input.daysSinceConnected >= cadence) return 'overdue';
      return 'active';
    }
    return 'dormant';
  }
  if (cadence !== null) {
    if (input.daysSinceExchange >= 2 * cadence) return 'withering';
    if (input.daysSinceExchange >= cadence) return 'overdue';
    return 'active';
  }
  return input.daysSinceExchange > 365 ? 'dormant' : 'active';
}
