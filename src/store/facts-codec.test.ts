import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarizeRelationships } from '../domain/facts-builder.js';
import type { EngineInteraction } from '../domain/relationship-facts.js';
import { decodeFacts, encodeFacts } from './facts-codec.js';

describe('stored facts', () => {
  it('decode to exactly the facts that were encoded', () => {
    const interaction = fc.record({
      id: fc.integer({ min: 1, max: 1_000_000 }),
      personId: fc.constantFrom(1, 2, 3),
      kind: fc.constantFrom('message', 'call', 'meeting', 'help-given', 'endorsement-received', 'note'),
      direction: fc.constantFrom('in', 'out', 'both'),
      at: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2026, 0, 1) }),
      channel: fc.constantFrom('linkedin', 'email'),
      conversationKey: fc.constantFrom('c1', 'c2', null),
      groupSize: fc.constantFrom(2, 2, 4),
      summary: fc.constant(null),
      skipped: fc.boolean(),
    }) as fc.Arbitrary<EngineInteraction>;
    fc.assert(
      fc.property(fc.array(interaction, { maxLength: 40 }), (interactions) => {
        const facts = summarizeRelationships({
          interactions,
          members: new Map(),
          ties: [],
          connectedAt: new Map([[1, Date.UTC(2021, 0, 1)]]),
          zone: 'Europe/Berlin',
        });
        for (const entry of facts.values()) {
          // The cited messages' texts travel with the facts (filled in by the service).
          if (entry.lastTopic) entry.lastTopic.summary = `topic “${entry.lastTopic.id}”`;
          if (entry.lastOneToOne) entry.lastOneToOne.summary = null;
          expect(decodeFacts(encodeFacts(entry))).toEqual(entry);
        }
      }),
      { numRuns: 200 },
    );
  });
});
