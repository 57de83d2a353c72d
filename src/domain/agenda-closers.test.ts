import { describe, expect, it } from 'vitest';
import { LONG_AGO, NOW, Network, ago } from '../../test/support/agenda-network.js';
import { summarizeRelationships } from './facts-builder.js';
import type { EngineInteraction } from './relationship-facts.js';

/** Closers need no answer (docs/rules/agenda.md#closers), also in what the agenda makes of them. */

const ben = () => new Network().connected('Ben Okafor', LONG_AGO);

describe('a closer never creates a reply item', () => {
  it.each([
    'ok',
    'Thank you',
    'Okay',
    'No problem',
    "You're welcome",
    'Oh, OK',
    'Good night',
    '👍',
    'Danke!',
  ])('their closer %s after my message: no reply', (closer) => {
    const network = ben()
      .message('Ben Okafor', 'in', ago(6), { summary: 'Can you send me the agenda?' })
      .message('Ben Okafor', 'out', ago(5), { summary: 'Here it is, see you Monday' })
      .message('Ben Okafor', 'in', ago(4), { summary: closer });
    expect(network.kinds('Ben Okafor', NOW)).toEqual([]);
  });

  it('their only message is a closer: no reply', () => {
    const network = ben().message('Ben Okafor', 'in', ago(4), { summary: 'Thanks for connecting!' });
    expect(network.kinds('Ben Okafor', NOW)).toEqual([]);
  });

  it('a substantive message is still a reply (Thanks! Could you send the deck?)', () => {
    const network = ben().message('Ben Okafor', 'in', ago(4), {
      summary: 'Thanks! Could you send the deck?',
    });
    expect(network.kinds('Ben Okafor', NOW)).toEqual(['reply']);
  });

  it('ok with a question mark asks: a reply', () => {
    const network = ben()
      .message('Ben Okafor', 'out', ago(5), { summary: 'I moved our call to Friday' })
      .message('Ben Okafor', 'in', ago(4), { summary: 'ok?' });
    expect(network.kinds('Ben Okafor', NOW)).toEqual(['reply']);
  });

  it('an earlier unanswered question still counts when a closer follows it, cited in the suggestion', () => {
    const network = ben()
      .message('Ben Okafor', 'in', ago(5), { summary: 'Would you review my pitch for Lumen?' })
      .message('Ben Okafor', 'in', ago(4), { summary: 'Thanks 🙏' });
    const [item] = network.careItems('Ben Okafor', NOW);
    expect(item?.kind).toBe('reply');
    expect(item?.reason).toContain(ago(5).slice(0, 10));
  });

  it('my own closer answers their message', () => {
    const network = ben()
      .message('Ben Okafor', 'in', ago(5), { summary: 'Here is the deck we discussed' })
      .message('Ben Okafor', 'out', ago(4), { summary: 'Thanks!' });
    expect(network.kinds('Ben Okafor', NOW)).toEqual([]);
  });

  it('a closer still counts as a reply for two-way exchanges', () => {
    const network = ben()
      .message('Ben Okafor', 'out', ago(5), { summary: 'Here is the deck we discussed' })
      .message('Ben Okafor', 'in', ago(4), { summary: 'Thanks!' });
    expect(network.exchanges('Ben Okafor', NOW)).toBe(1);
  });
});

describe('a closer is never the last topic', () => {
  const message = (id: number, direction: 'in' | 'out', day: number, closer: boolean): EngineInteraction => ({
    id,
    personId: 1,
    kind: 'message',
    direction,
    at: Date.UTC(2026, 0, day),
    channel: 'linkedin',
    conversationKey: 'dm',
    groupSize: 2,
    summary: null,
    skipped: false,
    closer,
  });
  const topicOf = (messages: EngineInteraction[]) =>
    summarizeRelationships({
      interactions: messages,
      members: new Map(),
      ties: [],
      connectedAt: new Map(),
      zone: 'UTC',
    }).get(1)?.lastTopic?.id;

  it('the last substantive message either way is the topic, not the closers after it', () => {
    expect(
      topicOf([message(1, 'in', 1, false), message(2, 'out', 2, false), message(3, 'in', 3, true)]),
    ).toBe(2);
    expect(topicOf([message(1, 'in', 1, false), message(2, 'out', 2, true)])).toBe(1);
  });

  it('only closers: no topic to quote', () => {
    expect(topicOf([message(1, 'in', 1, true), message(2, 'out', 2, true)])).toBeUndefined();
  });
});

/** Nudges and promotion asks need no answer either (docs/rules/agenda.md#needs-no-answer). */
describe('a nudge or a promotion ask never creates a reply item', () => {
  it.each([
    'pls subscribe',
    'Plz like my latest post 🙏',
    'subscribe to my channel sir',
    'Abonniere meinen Kanal!',
  ])('their promotion ask %s: no reply', (ask) => {
    const network = ben().message('Ben Okafor', 'in', ago(4), { summary: ask });
    expect(network.kinds('Ben Okafor', NOW)).toEqual([]);
  });

  it('a pitch I said yes to, then "pls thanks" and "pls subscribe": nothing to answer', () => {
    const network = ben()
      .message('Ben Okafor', 'in', ago(6), {
        summary: 'hello can you please check out my new cooking channel, link below https://example.org/v/1',
      })
      .message('Ben Okafor', 'out', ago(6), { summary: 'Sure' })
      .message('Ben Okafor', 'in', ago(5), { summary: 'pls thanks' })
      .message('Ben Okafor', 'in', ago(5), { summary: 'pls subscribe' });
    expect(network.kinds('Ben Okafor', NOW)).toEqual([]);
  });

  it('a nudge after their unanswered question leaves the question to answer, cited', () => {
    const network = ben()
      .message('Ben Okafor', 'in', ago(6), { summary: 'Could you introduce me to your CTO?' })
      .message('Ben Okafor', 'in', ago(3), { summary: 'pls revert sir' });
    const [item] = network.careItems('Ben Okafor', NOW);
    expect(item?.kind).toBe('reply');
    expect(item?.reason).toContain(ago(6).slice(0, 10));
  });

  it('a real question about their post is still a reply', () => {
    const network = ben().message('Ben Okafor', 'in', ago(4), {
      summary: 'Did you see my post about the Berlin meetup?',
    });
    expect(network.kinds('Ben Okafor', NOW)).toEqual(['reply']);
  });
});
