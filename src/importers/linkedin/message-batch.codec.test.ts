import { deserialize, serialize } from 'node:v8';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MessageRecord } from './linkedin.records.js';
import { packMessages, transferablesOf, unpackMessages } from './message-batch.codec.js';

const url = fc.constantFrom(
  'https://www.linkedin.com/in/marco-alvarez-27439',
  'https://www.linkedin.com/in/alex-owner',
  'https://www.linkedin.com/in/%C5%82ukasz',
  'linkedin.com/in/x',
);
const name = fc.constantFrom('Alex Owner', 'Marco Alvarez', 'Łukasz Nowak', 'LinkedIn Member', '');

const message: fc.Arbitrary<MessageRecord> = fc.record({
  line: fc.nat(),
  conversationId: fc.option(fc.constantFrom('2-OTlhMGM3ODMt', '2-abc==', 'x'), { nil: null }),
  fromName: name,
  senderUrl: fc.option(url, { nil: null }),
  senderKey: fc.option(url, { nil: null }),
  toNames: fc.oneof(name, fc.string()),
  recipientUrls: fc.array(url, { maxLength: 3 }),
  recipientKeys: fc.array(fc.option(url, { nil: null }), { maxLength: 3 }),
  at: fc.integer({ min: -86_400_000, max: 4_102_444_800_000 }),
  summary: fc.string({ unit: 'grapheme', maxLength: 60 }),
  textHash: fc.option(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), { nil: null }),
  rawDate: fc.string({ maxLength: 25 }),
  sourceBase: fc.option(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), { nil: null }),
  closer: fc.constantFrom<MessageRecord['closer']>(null, false, true),
  direction: fc.constantFrom<MessageRecord['direction']>(null, 'in', 'out'),
  skip: fc.constantFrom<MessageRecord['skip']>(null, 'spam', 'draft', 'sponsored'),
  unsignedInMail: fc.boolean(),
});

/** As postMessage moves it: a structured clone, the typed arrays' buffers transferred. */
function acrossThreads(records: MessageRecord[]): MessageRecord[] {
  const packed = packMessages(records);
  const moved = deserialize(serialize(packed)) as typeof packed;
  expect(transferablesOf(packed)).toHaveLength(2);
  return unpackMessages(moved);
}

describe('message batches between the threads', () => {
  it('arrive as the records that were packed, field for field and in order', () => {
    fc.assert(
      fc.property(fc.array(message, { maxLength: 40 }), (records) => {
        expect(acrossThreads(records)).toEqual(records);
      }),
      { numRuns: 300 },
    );
  });

  it('keep each repeated string and recipient list once', () => {
    const base: MessageRecord = {
      line: 2,
      conversationId: '2-OTlhMGM3ODMt',
      fromName: 'Marco Alvarez',
      senderUrl: 'https://www.linkedin.com/in/marco-alvarez-27439',
      senderKey: 'linkedin.com/in/marco-alvarez-27439',
      toNames: 'Alex Owner',
      recipientUrls: ['https://www.linkedin.com/in/alex-owner'],
      recipientKeys: ['linkedin.com/in/alex-owner'],
      at: 1_795_192_796_000,
      summary: 'Lisbon next week?',
      textHash: 651_479_895_119_945,
      rawDate: '2026-11-20 16:39:56 UTC',
      sourceBase: null,
      closer: false,
      direction: null,
      skip: null,
      unsignedInMail: false,
    };
    const records = Array.from({ length: 50 }, (_, index) => ({
      ...base,
      line: index + 2,
      recipientUrls: [...base.recipientUrls],
    }));
    const packed = packMessages(records);
    expect(packed.strings).toEqual([
      '2-OTlhMGM3ODMt',
      'Marco Alvarez',
      'https://www.linkedin.com/in/marco-alvarez-27439',
      'linkedin.com/in/marco-alvarez-27439',
      'Alex Owner',
    ]);
    expect(packed.recipientUrls).toHaveLength(1);
    expect(unpackMessages(packed).map((record) => record.line)).toEqual(records.map((r) => r.line));
  });
});
