import { describe, expect, it } from 'vitest';
import { WrittenInteractions, type WrittenRow } from './written-interactions.js';

const row = (overrides: Partial<WrittenRow> = {}): WrittenRow => ({
  personId: 7,
  kind: 'message',
  direction: 'out',
  at: 1_700_000_000_123,
  channel: 'linkedin',
  conversationKey: '2-abc==',
  groupSize: 2,
  skippedReason: null,
  summary: null,
  ...overrides,
});

describe('WrittenInteractions', () => {
  it('hands back every row as the facts builder reads it, across chunks, then lets go of them', () => {
    const written = new WrittenInteractions();
    const rows = Array.from({ length: 70_000 }, (_, index) =>
      row({
        personId: index % 3 === 0 ? null : index,
        kind: index % 5 === 0 ? 'endorsement-received' : 'message',
        direction: index % 2 === 0 ? 'in' : 'out',
        at: 1_700_000_000_000 + index * 1_001,
        conversationKey: index % 7 === 0 ? null : `2-c${index % 11}`,
        groupSize: index % 13 === 0 ? 5 : 2,
        skippedReason: index % 17 === 0 ? 'spam' : null,
        summary: index % 19 === 0 ? 'Thanks!' : `message ${index}`,
      }),
    );
    written.add(
      rows,
      rows.map((_, index) => index + 1),
    );
    expect(written.valid).toBe(true);
    expect(written.length).toBe(70_000);
    const seen = [...written.drain()].length;
    expect(seen).toBe(70_000);
    const again = new WrittenInteractions();
    again.add(
      rows,
      rows.map((_, index) => index + 1),
    );
    let index = 0;
    for (const got of again.drain()) {
      const want = rows[index] as WrittenRow;
      expect({ ...got }).toEqual({
        id: index + 1,
        personId: want.personId,
        kind: want.kind,
        direction: want.direction,
        at: want.at,
        channel: want.channel,
        conversationKey: want.conversationKey,
        groupSize: want.groupSize,
        summary: null,
        skipped: want.skippedReason !== null,
        closer: index % 19 === 0,
      });
      index++;
    }
    expect(again.valid).toBe(false);
  });

  it('gives everything up when a row has no known id', () => {
    const written = new WrittenInteractions();
    written.add([row(), row()], [1, -1]);
    expect(written.valid).toBe(false);
    expect([...written.drain()]).toEqual([]);
    written.add([row()], [3]);
    expect(written.valid).toBe(false);
  });
});
