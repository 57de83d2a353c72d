import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarizeRelationships } from './facts-builder.js';
import { emptyFacts, type EngineInteraction } from './relationship-facts.js';
import { bandOf, scoreTie } from './strength.js';

const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);
const SETTINGS = { floor: null, override: null, connectedAt: START };

function message(id: number, day: number, direction: 'in' | 'out'): EngineInteraction {
  return {
    id,
    personId: 1,
    kind: 'message',
    direction,
    at: START + day * DAY,
    channel: 'linkedin',
    conversationKey: 'c',
    groupSize: 2,
    summary: null,
    skipped: false,
  };
}

function factsOf(messages: EngineInteraction[]) {
  return (
    summarizeRelationships({
      interactions: messages,
      members: new Map(),
      ties: [],
      connectedAt: new Map([[1, START]]),
      zone: 'UTC',
    }).get(1) ?? emptyFacts(1)
  );
}

const history = fc.array(
  fc.record({ day: fc.integer({ min: 0, max: 600 }), direction: fc.constantFrom<'in' | 'out'>('in', 'out') }),
  { maxLength: 30 },
);
const toMessages = (entries: Array<{ day: number; direction: 'in' | 'out' }>) =>
  entries.map((entry, index) => message(index + 1, entry.day, entry.direction));

describe('tie strength', () => {
  it('caps one-way contact at 20 with band none', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 600 }), { maxLength: 40 }),
        fc.constantFrom<'in' | 'out'>('in', 'out'),
        (days, direction) => {
          const tie = scoreTie(
            factsOf(days.map((day, index) => message(index + 1, day, direction))),
            SETTINGS,
            START + 700 * DAY,
            10,
            'UTC',
          );
          expect(tie.score).toBeLessThanOrEqual(20);
          expect(tie.band).toBe('none');
        },
      ),
    );
  });

  it('never rises while time passes without interaction', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 1, max: 400 }), (entries, later) => {
        const facts = factsOf(toMessages(entries));
        const now = START + 601 * DAY;
        expect(scoreTie(facts, SETTINGS, now + later * DAY, 10, 'UTC').score).toBeLessThanOrEqual(
          scoreTie(facts, SETTINGS, now, 10, 'UTC').score,
        );
      }),
    );
  });

  it('never falls when a new two-way exchange is added', () => {
    fc.assert(
      fc.property(history, (entries) => {
        const now = START + 700 * DAY;
        const before = scoreTie(factsOf(toMessages(entries)), SETTINGS, now, 10, 'UTC').score;
        const withExchange = [
          ...entries,
          { day: 650, direction: 'out' as const },
          { day: 651, direction: 'in' as const },
        ];
        expect(
          scoreTie(factsOf(toMessages(withExchange)), SETTINGS, now, 10, 'UTC').score,
        ).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('lets an override win and a floor raise, and says so in the reasons', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 0, max: 100 }), (entries, value) => {
        const facts = factsOf(toMessages(entries));
        const now = START + 700 * DAY;
        const overridden = scoreTie(facts, { ...SETTINGS, override: value }, now, 10, 'UTC');
        expect(overridden.score).toBe(value);
        expect(overridden.reasons[0]?.component).toBe('override');
        expect(scoreTie(facts, { ...SETTINGS, floor: value }, now, 10, 'UTC').score).toBeGreaterThanOrEqual(
          value,
        );
      }),
    );
  });

  it('applies band precedence: none, then dormant over 365 days, then by score', () => {
    expect(bandOf(90, null)).toBe('none');
    expect(bandOf(90, 366)).toBe('dormant');
    expect(bandOf(90, 365)).toBe('strong');
    expect(bandOf(40, 10)).toBe('medium');
    expect(bandOf(39, 10)).toBe('weak');
  });

  it('gives every reason its numbers', () => {
    const tie = scoreTie(
      factsOf(
        toMessages([
          { day: 1, direction: 'out' },
          { day: 2, direction: 'in' },
        ]),
      ),
      SETTINGS,
      START + 30 * DAY,
      10,
      'UTC',
    );
    // A count of zero is said in words ("no help given…", "none of your people…"), never as a row of zeros.
    for (const reason of tie.reasons) expect(reason.text).toMatch(/\d|\bno\b|\bnone\b/);
    expect(tie.reasons.filter((reason) => /\d/.test(reason.text)).length).toBeGreaterThan(4);
  });

  it('says zero counts plainly: no conversation, no help, nobody seen with them, no channel', () => {
    const tie = scoreTie(factsOf([]), SETTINGS, START + 30 * DAY, 10, 'UTC');
    const text = (component: string) => tie.reasons.find((reason) => reason.component === component)?.text;
    expect(text('reciprocity')).toBe('no conversation started yet, by you or by them');
    expect(text('exchanges')).toBe('none counted yet');
    expect(text('services')).toBe('no help given or received, no introductions');
    expect(text('structural')).toBe('none of your people seen with them');
    expect(text('channels')).toBe('no channel used in the last year');
    for (const reason of tie.reasons)
      expect(reason.text).not.toMatch(/\b0 |you 0|they 0|of your 0|of their 0/);
  });

  it('says each side of a one-sided tie once: who started, who answered', () => {
    const tie = scoreTie(
      factsOf(
        toMessages([
          { day: 1, direction: 'out' },
          { day: 2, direction: 'in' },
        ]),
      ),
      SETTINGS,
      START + 30 * DAY,
      10,
      'UTC',
    );
    expect(tie.reasons.find((reason) => reason.component === 'reciprocity')?.text).toMatch(
      /^you started 1 conversation, they answered 1 within 14 days; they started none/,
    );
  });

  it('counts the people seen with them in plain English, one or many', () => {
    const facts = factsOf([message(1, 1, 'out'), message(2, 2, 'in')]);
    const text = (structural: number) =>
      scoreTie({ ...facts, structural }, SETTINGS, START + 30 * DAY, 10, 'UTC').reasons.find(
        (reason) => reason.component === 'structural',
      )?.text;
    expect(text(1)).toBe('1 of your people seen with them');
    expect(text(3)).toBe('3 of your people seen with them');
  });
});
