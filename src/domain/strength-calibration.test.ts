import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LONG_AGO, NOW, Network, ago } from '../../test/support/agenda-network.js';
import { WEIGHTS } from './strength.js';

/**
 * Strength as the rules calibrate it (docs/rules/exchanges-and-strength.md): reciprocity is mutual
 * answering, responsiveness only counts answers within the reply window, and a long, recent, real tie is
 * strong.
 */

const points = (network: Network, name: string, component: string) =>
  network.strength(name, NOW).reasons.find((reason) => reason.component === component)?.points ?? 0;
/** The component's value 0..1 back from its points. */
const valueOf = (network: Network, name: string, component: keyof typeof WEIGHTS) =>
  points(network, name, component) / (100 * WEIGHTS[component]);

/** Conversations every `gap` days; `opener` writes first, the other answers `answerHours` later. */
function conversations(opener: 'me' | 'them', count: number, gap: number, answerHours: number, lastAgo = 10) {
  const network = new Network().connected('Kai Berg', LONG_AGO);
  for (let index = 0; index < count; index++) {
    const days = lastAgo + (count - 1 - index) * gap;
    const thread = `c${index}`;
    const hour = String(8 + Math.min(answerHours, 12)).padStart(2, '0');
    network.message('Kai Berg', opener === 'me' ? 'out' : 'in', ago(days, '08:00'), {
      summary: 'Are you going to the meetup on Thursday',
      thread,
    });
    network.message('Kai Berg', opener === 'me' ? 'in' : 'out', ago(days, `${hour}:00`), {
      summary: 'Yes, I will be there with two colleagues from the data team',
      thread,
    });
  }
  return network;
}

describe('reciprocity is mutual answering, not who opens (#reciprocity)', () => {
  it.each(['them', 'me'] as const)(
    '%s opening every conversation, answered within a day: Q ≥ 0.5',
    (opener) => {
      const network = conversations(opener, 22, 120, 3);
      expect(valueOf(network, 'Kai Berg', 'reciprocity')).toBeGreaterThanOrEqual(0.5);
      expect(
        network.strength('Kai Berg', NOW).reasons.find((r) => r.component === 'reciprocity')?.text,
      ).toMatch(
        opener === 'them'
          ? /they started 22 conversations, you answered 22 within 14 days/
          : /you started 22 conversations, they answered 22 within 14 days/,
      );
    },
  );
});

describe('responsiveness counts answers within the reply window only (#responsiveness)', () => {
  it('months between conversations are no reply time', () => {
    // Each conversation is one message of theirs and my answer within hours; months pass between them.
    const network = conversations('them', 6, 150, 2);
    const text = network
      .strength('Kai Berg', NOW)
      .reasons.find((r) => r.component === 'responsiveness')?.text;
    expect(text).toMatch(/you in 2 hours/);
    expect(text).not.toMatch(/\d{3,} h/);
  });

  it('a side that never answered within 14 days is neutral, not a median of months', () => {
    const network = new Network()
      .connected('Kai Berg', LONG_AGO)
      .message('Kai Berg', 'out', ago(200), { summary: 'Would you like to speak at our meetup' })
      .message('Kai Berg', 'in', ago(100, '10:00'), {
        summary: 'Sorry for the delay, yes I would love to speak there',
      })
      .message('Kai Berg', 'out', ago(100, '12:00'), { summary: 'Wonderful, I will send the details today' });
    const text = network
      .strength('Kai Berg', NOW)
      .reasons.find((r) => r.component === 'responsiveness')?.text;
    expect(text).toBe('answers within 14 days: you in 2 hours (median); they never within 14 days');
    // Their side is neutral (½), mine counts: ½·½ + ½/(1 + 2/24).
    expect(valueOf(network, 'Kai Berg', 'responsiveness')).toBeCloseTo(0.25 + 0.5 / (1 + 2 / 24), 1);
  });

  it('says so plainly when I never answered within 14 days and they did', () => {
    const network = new Network()
      .connected('Kai Berg', LONG_AGO)
      .message('Kai Berg', 'out', ago(200, '10:00'), { summary: 'Would you like to speak at our meetup' })
      .message('Kai Berg', 'in', ago(200, '13:00'), { summary: 'Yes, gladly, send me the details' })
      .message('Kai Berg', 'out', ago(100), { summary: 'Sorry for the delay, here are the details' });
    const text = network
      .strength('Kai Berg', NOW)
      .reasons.find((r) => r.component === 'responsiveness')?.text;
    expect(text).toBe('answers within 14 days: they in 3 hours (median); you never within 14 days');
  });

  it('nothing to time at all: no responsiveness', () => {
    const network = new Network().connected('Kai Berg', LONG_AGO);
    expect(valueOf(network, 'Kai Berg', 'responsiveness')).toBe(0);
    expect(network.strength('Kai Berg', NOW).score).toBe(0);
  });
});

describe('calibration (#calibration)', () => {
  it('10+ two-way exchanges over more than a year, the last within 30 days: strong, with nothing set', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 40 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 40, max: 200 }),
        fc.constantFrom('me' as const, 'them' as const),
        fc.integer({ min: 1, max: 200 }),
        (count, lastAgo, gap, opener, answerHours) => {
          // Spread so that the first and the last exchange are more than a year apart.
          const spread = Math.max(gap, Math.ceil(366 / (count - 1)));
          const network = conversations(opener, count, spread, answerHours, lastAgo);
          const strength = network.strength('Kai Berg', NOW);
          expect(strength.score).toBeGreaterThanOrEqual(60);
          expect(strength.band).toBe('strong');
        },
      ),
      { numRuns: 60 },
    );
  });

  it.each([
    [9, 10, false],
    [10, 10, true],
    [10, 31, false],
  ])('%i exchanges, the last %i days ago: held to strong %s', (count, lastAgo, held) => {
    const network = conversations('them', count, 60, 200, lastAgo);
    const calibrated = network
      .strength('Kai Berg', NOW)
      .reasons.some((reason) => reason.component === 'calibration');
    const score = network.strength('Kai Berg', NOW).score;
    if (held) expect(score).toBeGreaterThanOrEqual(60);
    else expect(calibrated).toBe(false);
  });
});
