import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from './errors.js';
import {
  advanceIntroduction,
  draftFor,
  INTRODUCTION_STATES,
  INTRODUCTION_STEPS,
  NEXT_STEPS,
  recordsOfStep,
  stallOf,
  stepSummary,
  type DraftContext,
  type IntroductionState,
  type IntroductionStep,
} from './introduction-flow.js';

const LEGAL: Array<[IntroductionState, IntroductionStep]> = [
  ['proposed', 'asked-a'],
  ['asked-a', 'agreed-a'],
  ['asked-a', 'declined-a'],
  ['agreed-a', 'asked-b'],
  ['asked-b', 'agreed-b'],
  ['asked-b', 'declined-b'],
  ['agreed-b', 'introduced'],
  ['introduced', 'outcome'],
];
const isLegal = (state: IntroductionState, step: IntroductionStep) =>
  LEGAL.some(([from, to]) => from === state && to === step);

function refusal(state: IntroductionState, step: IntroductionStep): string {
  try {
    advanceIntroduction(state, step);
  } catch (error) {
    if (isAppError(error) && error.code === 'conflict') return error.message;
    throw error;
  }
  throw new Error(`${state} → ${step} was not refused`);
}

describe('the double opt-in state machine', () => {
  it('walks the whole way: ask A, A agrees, ask B, B agrees, introduce, outcome', () => {
    let state: IntroductionState = 'proposed';
    for (const step of ['asked-a', 'agreed-a', 'asked-b', 'agreed-b', 'introduced', 'outcome'] as const)
      state = advanceIntroduction(state, step);
    expect(state).toBe('outcome');
    expect(advanceIntroduction('asked-a', 'declined-a')).toBe('declined-a');
    expect(advanceIntroduction('asked-b', 'declined-b')).toBe('declined-b');
  });

  it('refuses every out-of-order step and names the steps that may come next', () => {
    for (const state of INTRODUCTION_STATES) {
      for (const step of INTRODUCTION_STEPS) {
        if (isLegal(state, step)) continue;
        const message = refusal(state, step);
        if (NEXT_STEPS[state].length === 0)
          expect(message).toContain(`the introduction is finished (${state})`);
        else for (const allowed of NEXT_STEPS[state]) expect(message).toContain(`"${allowed}"`);
      }
    }
    expect(refusal('asked-a', 'agreed-b')).toBe(
      '"agreed-b" cannot follow "asked-a": the next step is "agreed-a" or "declined-a"',
    );
    expect(refusal('agreed-a', 'agreed-b')).toBe(
      '"agreed-b" cannot follow "agreed-a": the next step is "asked-b"',
    );
    expect(refusal('agreed-b', 'outcome')).toBe(
      '"outcome" cannot follow "agreed-b": the next step is "introduced"',
    );
    expect(refusal('declined-a', 'asked-b')).toContain('finished');
    expect(refusal('introduced', 'introduced')).toContain('"outcome"');
  });

  it('property: random step sequences only move along legal transitions and never reach an invalid state', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...INTRODUCTION_STEPS), { maxLength: 30 }), (steps) => {
        let state: IntroductionState = 'proposed';
        const path: IntroductionState[] = [state];
        for (const step of steps) {
          const legal = isLegal(state, step);
          let moved = false;
          try {
            state = advanceIntroduction(state, step);
            moved = true;
          } catch (error) {
            expect(isAppError(error) && error.code === 'conflict').toBe(true);
          }
          expect(moved).toBe(legal);
          if (moved) path.push(state);
          expect(INTRODUCTION_STATES).toContain(state);
        }
        // Every reached state has its whole prefix: nobody is introduced before both agreed.
        const order = ['proposed', 'asked-a', 'agreed-a', 'asked-b', 'agreed-b', 'introduced', 'outcome'];
        const happy = path.filter((entry) => order.includes(entry));
        expect(happy).toEqual(order.slice(0, happy.length));
        if (path.includes('declined-a')) expect(path.at(-1)).toBe('declined-a');
        if (path.includes('declined-b')) expect(path.at(-1)).toBe('declined-b');
      }),
      { numRuns: 500 },
    );
  });

  it('records messages for each step and one introduction made for each of the two on introduced', () => {
    expect(recordsOfStep('asked-a')).toEqual([{ who: 'a', kind: 'message', direction: 'out' }]);
    expect(recordsOfStep('agreed-a')).toEqual([{ who: 'a', kind: 'message', direction: 'in' }]);
    expect(recordsOfStep('declined-b')).toEqual([{ who: 'b', kind: 'message', direction: 'in' }]);
    const introduced = recordsOfStep('introduced');
    expect(introduced.filter((entry) => entry.kind === 'introduction-made')).toEqual([
      { who: 'a', kind: 'introduction-made', direction: 'out' },
      { who: 'b', kind: 'introduction-made', direction: 'out' },
    ]);
    expect(introduced.filter((entry) => entry.kind === 'message').map((entry) => entry.who)).toEqual([
      'a',
      'b',
    ]);
    for (const step of INTRODUCTION_STEPS) {
      expect(recordsOfStep(step).length).toBeGreaterThan(0);
      // Never "both": a logged message is not a two-way exchange by itself.
      expect(recordsOfStep(step).every((entry) => entry.direction !== ('both' as string))).toBe(true);
    }
    expect(
      stepSummary('agreed-a', 7, { name: 'Sofia Reyes' }, { name: 'Daniel Okafor' }, ' happy  to '),
    ).toBe('Introduction 7: Sofia Reyes agreed to meet Daniel Okafor: happy to');
  });
});

describe('stalled steps (calendar days in the data folder’s zone)', () => {
  // 23:30 UTC is already the next day in Stockholm: a UTC count would be a day off.
  const zone = 'Europe/Stockholm';
  const askedAt = Date.parse('2026-03-24T23:30:00Z'); // 2026-03-25 00:30 local
  const localNoon = (date: string) => Date.parse(`${date}T10:00:00Z`);

  it.each([
    ['asked-a', '2026-03-31', false],
    ['asked-a', '2026-04-01', true],
    ['asked-a', '2026-04-02', true],
    ['asked-b', '2026-03-31', false],
    ['asked-b', '2026-04-01', true],
    ['asked-b', '2026-04-02', true],
  ] as const)('%s on %s (6, 7, 8 days): stalled %s, due 2026-04-01', (state, today, stalled) => {
    expect(stallOf(state, askedAt, localNoon(today), zone)).toEqual({ due: '2026-04-01', stalled });
  });

  it('counts the 7th day from midnight local time, not UTC', () => {
    // 2026-03-31T22:30Z is 2026-04-01 00:30 in Stockholm (summer time): the 7th local day.
    expect(stallOf('asked-a', askedAt, Date.parse('2026-03-31T22:30:00Z'), zone)?.stalled).toBe(true);
    expect(stallOf('asked-a', askedAt, Date.parse('2026-03-31T21:30:00Z'), zone)?.stalled).toBe(false);
    expect(stallOf('asked-a', askedAt, Date.parse('2026-03-31T22:30:00Z'), 'UTC')).toEqual({
      due: '2026-03-31',
      stalled: true,
    });
  });

  it.each([
    ['2026-04-23', false],
    ['2026-04-24', true],
    ['2026-04-25', true],
  ] as const)('introduced, on %s (29, 30, 31 days): stalled %s', (today, stalled) => {
    expect(stallOf('introduced', askedAt, localNoon(today), zone)).toEqual({ due: '2026-04-24', stalled });
  });

  it('has no stall for states that wait for me or are finished', () => {
    for (const state of ['proposed', 'agreed-a', 'agreed-b', 'declined-a', 'declined-b', 'outcome'] as const)
      expect(stallOf(state, askedAt, askedAt + 90 * 86_400_000, zone)).toBeNull();
  });
});

describe('drafts for each step cite the facts', () => {
  const context: DraftContext = {
    a: {
      id: 1,
      name: 'Sofia Reyes',
      company: 'Kindred Care',
      position: 'Founder & CEO',
      offers: [],
      needs: ['a React Native contractor'],
    },
    b: {
      id: 2,
      name: 'Daniel Okafor',
      company: 'Okafor Mobile',
      position: 'React Native Consultant',
      offers: ['React Native consulting'],
      needs: [],
    },
    why: 'her app is too slow on older Android phones',
    fit: {
      seekerId: 1,
      otherId: 2,
      source: { kind: 'need', text: 'a React Native contractor' },
      target: { kind: 'offer', text: 'React Native consulting' },
      shared: ['React', 'Native'],
      score: 80,
    },
    since: '2026-01-15',
  };

  it('asks A whether they would like to meet B, with my reason and B’s offer', () => {
    const draft = draftFor('proposed', context);
    expect(draft?.to).toEqual(['Sofia Reyes']);
    expect(draft?.text).toContain(
      "Hi Sofia,\n\nI'd like to introduce you to Daniel Okafor (React Native Consultant at Okafor Mobile).",
    );
    // My reason is about Sofia: to her it says "your app", never "her app".
    expect(draft?.text).toContain('Your app is too slow on older Android phones.');
    expect(draft?.text).toContain(
      'You mentioned you are looking for “a React Native contractor”, and Daniel offers “React Native consulting”.',
    );
    expect(draft?.text).toContain('only introduce you if you both want it');
  });

  it('asks B the same, from B’s side', () => {
    const draft = draftFor('agreed-a', context);
    expect(draft?.to).toEqual(['Daniel Okafor']);
    expect(draft?.text).toContain(
      "Hi Daniel,\n\nI'd like to introduce you to Sofia Reyes (Founder & CEO at Kindred Care).",
    );
    expect(draft?.text).toContain('Her app is too slow on older Android phones.');
    expect(draft?.text).toContain(
      'Sofia is looking for “a React Native contractor”, and you offer “React Native consulting”.',
    );
    expect(draft?.text).toContain('Sofia would like to meet you');
  });

  it('writes the introduction mail to both, the nudges, the decline notes and “how did it go?”', () => {
    const mail = draftFor('agreed-b', context);
    expect(mail?.to).toEqual(['Sofia Reyes', 'Daniel Okafor']);
    expect(mail?.subject).toBe('Introduction: Sofia Reyes ↔ Daniel Okafor');
    expect(mail?.text).toContain('Sofia, meet Daniel Okafor (React Native Consultant at Okafor Mobile).');
    expect(mail?.text).toContain('Daniel, meet Sofia Reyes (Founder & CEO at Kindred Care).');
    expect(mail?.text).toContain('Sofia is looking for “a React Native contractor”, and Daniel offers');

    expect(draftFor('asked-a', context)?.text).toContain('my note of 2026-01-15');
    expect(draftFor('asked-b', context)?.to).toEqual(['Daniel Okafor']);
    expect(draftFor('declined-a', context)?.text).toContain("I won't pass anything on to Daniel");
    expect(draftFor('declined-b', context)?.to).toEqual(['Sofia Reyes']);
    const followUp = draftFor('introduced', context);
    expect(followUp?.to).toEqual(['Sofia Reyes', 'Daniel Okafor']);
    expect(followUp?.text).toContain('I introduced you on 2026-01-15. How did it go?');
    expect(draftFor('outcome', context)).toBeNull();
  });

  it('falls back to B’s first offer when nothing fits, and to a plain line when nothing is known', () => {
    const plain = { ...context, why: null, fit: null };
    expect(draftFor('proposed', plain)?.text).toContain('Daniel offers “React Native consulting”.');
    const bare = { ...plain, b: { ...plain.b, offers: [], company: null, position: null } };
    expect(draftFor('proposed', bare)?.text).toContain(
      "I'd like to introduce you to Daniel Okafor. I think you would get a lot out of meeting each other.",
    );
  });
});
