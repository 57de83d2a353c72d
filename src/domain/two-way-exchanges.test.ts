import { describe, expect, it } from 'vitest';
import { LONG_AGO, NOW, N_MINUS_1_N_N_PLUS_1, Network, ago } from '../../test/support/agenda-network.js';

/**
 * Two-way exchanges (docs/rules/exchanges-and-strength.md#two-way-exchanges) as the engine counts them, seen
 * through the strength reasons ("3 two-way exchanges, the last …"), from plain interactions at N−1, N and
 * N+1.
 */

describe('two-way exchanges', () => {
  const pair = (theirs: string, mine: string) =>
    new Network()
      .connected('Hal Ito', LONG_AGO)
      .message('Hal Ito', 'in', theirs)
      .message('Hal Ito', 'out', mine);

  it.each(N_MINUS_1_N_N_PLUS_1(30, 1, 1, 0))(
    'a change of speaker %i calendar days later (same clock time) counts %i',
    (days, count) => {
      expect(pair(ago(200), ago(200 - days)).exchanges('Hal Ito', NOW)).toBe(count);
    },
  );

  // The 30-day window counts calendar days in the data folder's zone
  // (docs/rules/identity-and-imports.md#calendar-days), not 24-hour periods: later in the day, or across a
  // clock change, the elapsed hours say otherwise.
  it('an answer 30 calendar days later in the evening counts', () => {
    expect(pair(ago(200, '09:00'), ago(170, '18:00')).exchanges('Hal Ito', NOW)).toBe(1);
  });

  it('an answer 30 calendar days later across the autumn clock change counts', () => {
    expect(pair('2025-10-10 10:00', '2025-11-09 10:00').exchanges('Hal Ito', NOW)).toBe(1);
  });

  it('an answer 31 calendar days later across the spring clock change does not count', () => {
    // 23:30 on 1 March to 00:15 on 1 April: 31 calendar days, but only 29 days 23¾ hours on the clock.
    expect(pair('2026-03-01 23:30', '2026-04-01 00:15').exchanges('Hal Ito', NOW)).toBe(0);
  });

  it('counts at most once per conversation per calendar day, in the data folder zone', () => {
    // Four changes of speaker: two before and two after midnight in Berlin (all one UTC day).
    const network = new Network()
      .connected('Hal Ito', LONG_AGO)
      .message('Hal Ito', 'in', ago(10, '23:00'))
      .message('Hal Ito', 'out', ago(10, '23:20'))
      .message('Hal Ito', 'in', ago(10, '23:40'))
      .message('Hal Ito', 'out', ago(9, '00:10'))
      .message('Hal Ito', 'in', ago(9, '00:20'));
    expect(network.exchanges('Hal Ito', NOW)).toBe(2);
  });

  it('two conversations on the same day count once each', () => {
    const network = pair(ago(10, '09:00'), ago(10, '09:30'))
      .message('Hal Ito', 'in', ago(10, '11:00'), { thread: 'mail:1' })
      .message('Hal Ito', 'out', ago(10, '12:00'), { thread: 'mail:1' });
    expect(network.exchanges('Hal Ito', NOW)).toBe(2);
  });

  it.each(N_MINUS_1_N_N_PLUS_1(6, 1, 1, 0))(
    'a group thread of %i participants counts %i for each member who spoke',
    (participants, count) => {
      const names = Array.from({ length: participants - 1 }, (_, index) => `Member ${index + 1}`);
      const network = new Network().group('g', names);
      for (const name of names) network.connected(name, LONG_AGO);
      network.said('g', 'me', ago(12));
      for (const name of names.slice(0, -1)) network.said('g', name, ago(11));
      for (const name of names.slice(0, -1)) expect(network.exchanges(name, NOW), name).toBe(count);
      // The last member never spoke: no exchange with them, whatever the size.
      expect(network.exchanges(names.at(-1)!, NOW)).toBe(0);
    },
  );

  it.each([
    ['a call', 'call', 'out'],
    ['a meeting', 'meeting', 'in'],
    ['a logged message with direction both', 'message', 'both'],
  ] as const)('%s counts as one exchange', (_label, kind, direction) => {
    const network = new Network().connected('Hal Ito', LONG_AGO).logged('Hal Ito', kind, direction, ago(5));
    expect(network.exchanges('Hal Ito', NOW)).toBe(1);
  });

  it('a logged message of mine alone is no exchange', () => {
    const network = new Network().connected('Hal Ito', LONG_AGO).logged('Hal Ito', 'message', 'out', ago(5));
    expect(network.exchanges('Hal Ito', NOW)).toBe(0);
  });

  it('endorsements never count and never lift the one-way cap', () => {
    const network = new Network().connected('Hal Ito', LONG_AGO);
    for (let day = 1; day <= 40; day++) {
      network.logged('Hal Ito', 'endorsement-received', 'in', ago(day * 3));
      network.logged('Hal Ito', 'endorsement-given', 'out', ago(day * 3 + 1));
      network.message('Hal Ito', 'out', ago(day * 3 + 2));
    }
    const strength = network.strength('Hal Ito', NOW);
    expect(network.exchanges('Hal Ito', NOW)).toBe(0);
    expect(strength.band).toBe('none');
    expect(strength.score).toBeLessThanOrEqual(20);
  });
});

describe('strength reasons say days and months in words (docs/rules/exchanges-and-strength.md)', () => {
  const reasons = (connectedAgo: number) =>
    new Network()
      .connected('Ivy Now', ago(connectedAgo))
      .message('Ivy Now', 'in', ago(0, '00:05'))
      .message('Ivy Now', 'out', ago(0, '00:15'))
      .strength('Ivy Now', NOW)
      .reasons.map((reason) => `${reason.component}: ${reason.text}`);

  it('an exchange of today is "the last today", not "the last 0 days ago"', () => {
    expect(reasons(10)).toContain('recency: 1 two-way exchange, the last today');
  });

  it.each([
    [10, 'duration: in touch under 1 month'],
    [40, 'duration: in touch over 1 month'],
  ])('in touch since %i days ago: %s', (connectedAgo, text) => {
    expect(reasons(connectedAgo)).toContain(text);
  });
});
