import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGENDA_KINDS, type AgendaItem, type AgendaKind } from './agenda.js';
import { CARE_QUOTAS, planDay, quotasFor, ranksWithinKind } from './daily-plan.js';

/** The daily plan (docs/rules/agenda.md#daily-plan): budget, quotas, redistribution, groups. */

const TODAY = '2026-06-15';
let serial = 0;
function item(kind: AgendaKind, worth: number, due = TODAY): AgendaItem {
  serial++;
  return {
    id: `id${String(serial).padStart(10, '0')}`,
    kind,
    person: { id: serial, name: `Person ${serial}` },
    subject: `Person ${serial}`,
    due,
    reason: 'r',
    suggestion: 's',
    strength: worth,
    worth,
  };
}
const many = (kind: AgendaKind, count: number) =>
  Array.from({ length: count }, (_, index) => item(kind, 50 + index));
const counts = (items: readonly AgendaItem[]) => {
  const result: Partial<Record<AgendaKind, number>> = {};
  for (const entry of items) result[entry.kind] = (result[entry.kind] ?? 0) + 1;
  return result;
};
const CARE = new Set<AgendaKind>(['reply', 'follow-up', 'let-go', 'keep-in-touch', 'revive']);
const plenty = () => [
  ...many('reply', 20),
  ...many('follow-up', 20),
  ...many('let-go', 20),
  ...many('keep-in-touch', 20),
  ...many('revive', 20),
];

describe('quotas', () => {
  it('of the default budget: reply 4, follow-up 3, keep-in-touch 3, revive 1, let-go 1', () => {
    const plan = planDay(plenty(), 12);
    expect(counts(plan.items)).toEqual({
      reply: 4,
      'follow-up': 3,
      'keep-in-touch': 3,
      revive: 1,
      'let-go': 1,
    });
    expect(plan.more).toEqual({ reply: 16, 'follow-up': 17, 'keep-in-touch': 17, revive: 19, 'let-go': 19 });
  });

  it.each([
    [3, { reply: 3, 'follow-up': 4 }],
    [4, { reply: 4, 'follow-up': 3 }],
    [5, { reply: 4, 'follow-up': 3 }],
  ])('%i replies due: %o shown, an unused reply slot goes to follow-ups', (replies, expected) => {
    const others = plenty().filter((entry) => entry.kind !== 'reply');
    const plan = planDay([...many('reply', replies), ...others], 12);
    const shown = counts(plan.items);
    expect({ reply: shown.reply, 'follow-up': shown['follow-up'] }).toEqual(expected);
    expect(plan.items).toHaveLength(12);
  });

  it.each([0, 1, 2])(
    '%i let-go due beside few others: unused quotas go down the precedence order',
    (letGo) => {
      // 2 replies and 1 follow-up leave 2 + 2 slots unused: let-go (next in precedence) takes what it has,
      // keep-in-touch the rest.
      const plan = planDay(
        [
          ...many('reply', 2),
          ...many('follow-up', 1),
          ...many('let-go', letGo),
          ...many('keep-in-touch', 20),
        ],
        12,
      );
      const shown = counts(plan.items);
      expect(shown['let-go'] ?? 0).toBe(letGo);
      expect(shown['keep-in-touch']).toBe(12 - 3 - letGo);
      expect(plan.items).toHaveLength(12);
    },
  );

  it.each([11, 12, 13])('a budget of %i shows that many care items when there are more', (budget) => {
    const plan = planDay(plenty(), budget);
    expect(plan.items).toHaveLength(budget);
  });

  it('the quotas of any budget add up to it', () => {
    for (let budget = 1; budget <= 40; budget++)
      expect([...quotasFor(budget).values()].reduce((sum, quota) => sum + quota, 0)).toBe(budget);
    expect(Object.fromEntries(quotasFor(12))).toEqual(Object.fromEntries(CARE_QUOTAS));
  });
});

describe('groups beside the budget', () => {
  it.each([
    [2, 2, 0],
    [3, 3, 0],
    [4, 3, 1],
  ])('%i invitations: %i shown, %i counted', (invitations, shown, more) => {
    const plan = planDay([...many('triage', invitations), ...plenty()], 12);
    expect(counts(plan.items).triage).toBe(shown);
    expect(plan.more.triage).toBe(more || undefined);
    expect(plan.items.filter((entry) => CARE.has(entry.kind))).toHaveLength(12);
  });

  it('at most one introduce item, the most valuable', () => {
    const introductions = [item('introduce', 70), item('introduce', 90)];
    const plan = planDay(introductions, 12);
    expect(plan.items.map((entry) => entry.worth)).toEqual([90]);
    expect(plan.more.introduce).toBe(1);
  });
});

describe('the plan, as a property', () => {
  const kinds: readonly AgendaKind[] = AGENDA_KINDS;
  const arbitraryItems = fc.array(
    fc.record({
      kind: fc.constantFrom(...kinds),
      worth: fc.integer({ min: 0, max: 100 }),
      daysAgo: fc.integer({ min: 0, max: 40 }),
    }),
    { maxLength: 80 },
  );

  it('never exceeds the budget and never drops an item that --all ranks above one it shows of the same kind', () => {
    fc.assert(
      fc.property(arbitraryItems, fc.integer({ min: 1, max: 30 }), (specs, budget) => {
        const due = specs.map((spec) => {
          const date = new Date(Date.parse(`${TODAY}T00:00:00Z`) - spec.daysAgo * 86_400_000);
          return item(spec.kind, spec.worth, date.toISOString().slice(0, 10));
        });
        const plan = planDay(due, budget);
        const care = plan.items.filter((entry) => CARE.has(entry.kind));
        expect(care.length).toBeLessThanOrEqual(budget);
        expect(care.length).toBe(Math.min(budget, due.filter((entry) => CARE.has(entry.kind)).length));
        const ranks = ranksWithinKind(due);
        const shown = new Set(plan.items.map((entry) => entry.id));
        for (const kind of kinds) {
          const ofKind = due.filter((entry) => entry.kind === kind);
          const worstShown = Math.max(
            0,
            ...ofKind.filter((entry) => shown.has(entry.id)).map((entry) => ranks.get(entry.id)!),
          );
          for (const dropped of ofKind.filter((entry) => !shown.has(entry.id)))
            expect(ranks.get(dropped.id)!).toBeGreaterThan(worstShown);
          expect((plan.more[kind] ?? 0) + ofKind.filter((entry) => shown.has(entry.id)).length).toBe(
            ofKind.length,
          );
        }
      }),
    );
  });
});
