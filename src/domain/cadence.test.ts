import { describe, expect, it } from 'vitest';
import { relationshipState, type StateInput } from './cadence.js';

const state = (input: Partial<StateInput>) =>
  relationshipState({
    circle: null,
    archived: false,
    daysSinceExchange: null,
    daysSinceConnected: null,
    ...input,
  });

describe('relationship states', () => {
  it('a new connection is new, also when an exchange from years before came first', () => {
    expect(state({ daysSinceConnected: 3 })).toBe('new');
    expect(state({ daysSinceConnected: 30 })).toBe('new');
    expect(state({ daysSinceConnected: 5, daysSinceExchange: 800 })).toBe('new');
    expect(state({ daysSinceConnected: 5, daysSinceExchange: 800, circle: 'close' })).toBe('new');
  });

  it('is no longer new after an exchange since connecting, or after 30 days', () => {
    expect(state({ daysSinceConnected: 5, daysSinceExchange: 2 })).toBe('active');
    expect(state({ daysSinceConnected: 31 })).toBe('dormant');
    expect(state({ daysSinceConnected: 31, circle: 'close' })).toBe('overdue');
  });

  it('follows the circle cadence: overdue at 1×, withering at 2×', () => {
    expect(state({ circle: 'inner', daysSinceExchange: 13, daysSinceConnected: 400 })).toBe('active');
    expect(state({ circle: 'inner', daysSinceExchange: 14, daysSinceConnected: 400 })).toBe('overdue');
    expect(state({ circle: 'inner', daysSinceExchange: 28, daysSinceConnected: 400 })).toBe('withering');
    expect(state({ daysSinceExchange: 366, daysSinceConnected: 400 })).toBe('dormant');
    expect(state({ archived: true, daysSinceConnected: 3 })).toBe('archived');
  });
});
