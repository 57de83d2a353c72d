import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarizeRelationships } from './facts-builder.js';
import type { EngineInteraction } from './relationship-facts.js';

const DAY = 86_400_000;
const START = Date.UTC(2019, 0, 1);

const interaction = (id: number) =>
  fc.record({
    id: fc.constant(id),
    personId: fc.constantFrom(1, 2),
    kind: fc.constantFrom('message', 'message', 'message', 'call', 'note'),
    direction: fc.constantFrom('in', 'out', 'both'),
    at: fc.integer({ min: START, max: START + 2_500 * DAY }),
    channel: fc.constant('linkedin'),
    conversationKey: fc.constantFrom('a', 'b', 'c', null),
    groupSize: fc.constant(2),
    summary: fc.constant(null),
    skipped: fc.boolean(),
  }) as fc.Arbitrary<EngineInteraction>;

const network = fc
  .integer({ min: 0, max: 80 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => interaction(index + 1))));

describe('relationship facts', () => {
  it('do not depend on the order the interactions are read in (storage order, import order)', () => {
    fc.assert(
      fc.property(network, fc.integer(), (interactions, seed) => {
        const shuffled = [...interactions];
        let state = seed >>> 0;
        for (let index = shuffled.length - 1; index > 0; index--) {
          state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
          const other = state % (index + 1);
          [shuffled[index], shuffled[other]] = [
            shuffled[other] as EngineInteraction,
            shuffled[index] as EngineInteraction,
          ];
        }
        const options = { members: new Map(), ties: [], connectedAt: new Map(), zone: 'Europe/Berlin' };
        const inOrder = summarizeRelationships({ ...options, interactions });
        const outOfOrder = summarizeRelationships({ ...options, interactions: shuffled });
        // Decayed sums are added in another order: equal up to the last bits.
        const rounded = (facts: Map<number, unknown>): unknown =>
          JSON.parse(
            JSON.stringify(
              [...facts].sort(([a], [b]) => a - b),
              (_, value: unknown) => (typeof value === 'number' ? Number(value.toPrecision(12)) : value),
            ),
          );
        expect(rounded(outOfOrder)).toEqual(rounded(inOrder));
      }),
      { numRuns: 300 },
    );
  });

  it('count my message as unanswered when theirs in another conversation has the same instant and an earlier id', () => {
    const row = (
      id: number,
      direction: 'in' | 'out',
      at: number,
      conversationKey: string,
    ): EngineInteraction => ({
      id,
      personId: 1,
      kind: 'message',
      direction,
      at,
      channel: 'linkedin',
      conversationKey,
      groupSize: 2,
      summary: null,
      skipped: false,
    });
    const at = Date.parse('2019-01-01T00:00:00.021Z');
    const rows = [
      row(1, 'in', at, 'a'),
      row(2, 'out', at, 'c'),
      row(3, 'in', at - 21, 'a'),
      row(4, 'in', at - 21, 'a'),
    ];
    const options = { members: new Map(), ties: [], connectedAt: new Map(), zone: 'Europe/Berlin' };
    for (const order of [rows, [rows[1], rows[0], rows[2], rows[3]], [...rows].reverse()]) {
      const facts = summarizeRelationships({ ...options, interactions: order as EngineInteraction[] }).get(1);
      expect(facts?.unanswered).toEqual({ messages: 1, days: 1, firstAt: at });
    }
  });

  it('take the median reply time of the latest replies, not of the conversation read last', () => {
    const replies = (conversation: string, from: number, count: number, hours: number, firstId: number) =>
      Array.from({ length: count }, (_, index) => {
        const at = from + index * 2 * DAY;
        return [
          { id: firstId + 2 * index, at, direction: 'out' as const },
          { id: firstId + 2 * index + 1, at: at + hours * 3_600_000, direction: 'in' as const },
        ].map((message) => ({
          ...message,
          personId: 1,
          kind: 'message' as const,
          channel: 'linkedin',
          conversationKey: conversation,
          groupSize: 2,
          summary: null,
          skipped: false,
        }));
      }).flat();
    const old = replies('a', Date.UTC(2019, 0, 1), 25, 1, 1);
    const recent = replies('b', Date.UTC(2025, 0, 1), 15, 48, 1_000);
    const options = { members: new Map(), ties: [], connectedAt: new Map(), zone: 'UTC' };
    for (const interactions of [
      [...old, ...recent],
      [...recent, ...old],
    ]) {
      const facts = summarizeRelationships({ ...options, interactions }).get(1);
      // The 20 latest replies: 15 of 48 hours and 5 of 1 hour.
      expect(facts?.latencyThemHours).toBe(48);
    }
  });
});
