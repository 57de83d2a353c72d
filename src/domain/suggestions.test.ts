import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  followUpSuggestion,
  keepInTouchSuggestion,
  letGoSuggestion,
  replySuggestion,
  reviveSuggestion,
  type SuggestionFacts,
} from './suggestions.js';

/**
 * docs/rules/agenda.md#suggestions: suggestions cite at least one stored fact (company, position, how we met,
 * a need, the last topic, a date); two people with different facts never get the same suggestion text.
 */

/** Pools that overlap a lot, so two random people often share a name, a company or a need. */
const NAMES = ['Ann Lee', 'Ann Berg', 'Bo Lee', 'Ann', 'Élodie Marchand', '李 小龙', "Seán O'Brien"];
const COMPANIES = ['Acme', 'Brightloop AB', 'Northwind Health'];
const POSITIONS = ['Designer', 'CTO', 'Head of Product'];
const HOW_MET = ['the Lisbon payments meetup', 'KTH alumni dinner', 'a hackathon in Oslo in 2019'];
const NEEDS = ['a designer', 'seed investors', 'a flat in Berlin'];
const OFFERS = ['hiring advice', 'intros to Nordic VCs', 'pricing reviews'];
const GOALS = ['launch the app', 'move to Lisbon', 'learn Rust'];
const TOPICS = [
  'the pricing page',
  'our offsite',
  // Longer than any quote: the text shows its beginning only.
  'a very long message about the onboarding flow that goes on and on and on about every single step',
];
const DATES = ['2025-03-01', '2025-11-30', '2026-01-15'];

const maybe = <T>(values: readonly T[]) => fc.option(fc.constantFrom(...values), { nil: null });
const someOf = (values: readonly string[]) => fc.uniqueArray(fc.constantFrom(...values), { maxLength: 2 });

const factsArbitrary: fc.Arbitrary<SuggestionFacts> = fc.record({
  name: fc.constantFrom(...NAMES),
  company: maybe(COMPANIES),
  position: maybe(POSITIONS),
  howMet: maybe(HOW_MET),
  needs: someOf(NEEDS),
  offers: someOf(OFFERS),
  goals: someOf(GOALS),
  lastTopic: maybe(TOPICS),
  lastTopicDate: maybe(DATES),
  connectedOn: maybe(DATES),
});

/** What each kind is told besides the person's facts, as careItemsFor tells it. */
const contextArbitrary = fc.record({
  daysSince: fc.option(fc.integer({ min: 14, max: 900 }), { nil: null }),
  sinceDate: fc.constantFrom(...DATES),
  circle: fc.constantFrom('inner', 'close', 'active', 'wide'),
  lastExchangeDate: fc.constantFrom(...DATES),
  writeDays: fc.integer({ min: 2, max: 9 }),
  theirLastDate: maybe(DATES),
  firstWrittenOn: fc.constantFrom(...DATES),
});
type Context = typeof contextArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** Every suggestion kind, with the preconditions its agenda rule guarantees. */
const KINDS: Record<string, (facts: SuggestionFacts, context: Context) => string> = {
  // A follow-up exists only for a connection, so its date is known.
  'follow-up': (facts, context) =>
    followUpSuggestion({ ...facts, connectedOn: facts.connectedOn ?? context.sinceDate }),
  // A reply quotes their message, whose date is always known.
  reply: (facts, context) =>
    replySuggestion({ ...facts, lastTopicDate: facts.lastTopicDate ?? context.sinceDate }),
  'keep-in-touch': (facts, context) =>
    keepInTouchSuggestion(facts, context.daysSince, context.circle, context.sinceDate),
  revive: (facts, context) => reviveSuggestion(facts, context.lastExchangeDate),
  'let-go': (facts, context) =>
    letGoSuggestion(facts, context.writeDays, context.theirLastDate, context.firstWrittenOn),
};

const quoted = (text: string, length: number) => text.slice(0, Math.min(text.length, length - 1));

/** The stored facts (the rule's list, and goals and offers) whose value the text shows. */
function citedFacts(text: string, facts: SuggestionFacts, dates: readonly (string | null)[]): string[] {
  const cited: string[] = [];
  const shows = (value: string | null | undefined) => value != null && text.includes(value);
  if (shows(facts.company)) cited.push('company');
  if (shows(facts.position)) cited.push('position');
  if (facts.howMet && shows(quoted(facts.howMet, 40))) cited.push('how met');
  if (facts.needs.some(shows)) cited.push('need');
  if (facts.offers.some(shows)) cited.push('offer');
  if (facts.goals.some(shows)) cited.push('goal');
  if (facts.lastTopic && shows(quoted(facts.lastTopic, 40))) cited.push('last topic');
  if ([facts.lastTopicDate, facts.connectedOn, ...dates].some(shows)) cited.push('date');
  return cited;
}

const contextDates = (context: Context) => [
  context.sinceDate,
  context.lastExchangeDate,
  context.theirLastDate,
  context.firstWrittenOn,
];

describe('suggestions', () => {
  for (const [kind, suggest] of Object.entries(KINDS)) {
    it(`${kind}: cites at least one stored fact, and names the person in full`, () => {
      fc.assert(
        fc.property(factsArbitrary, contextArbitrary, (facts, context) => {
          const text = suggest(facts, context);
          expect(citedFacts(text, facts, contextDates(context))).not.toEqual([]);
          expect(text).toContain(facts.name);
        }),
        { numRuns: 300 },
      );
    });

    it(`${kind}: two people with different facts never get the same text`, () => {
      fc.assert(
        fc.property(factsArbitrary, factsArbitrary, contextArbitrary, (a, b, context) => {
          const textA = suggest(a, context);
          const textB = suggest(b, context);
          if (textA !== textB) return;
          // The same text is only allowed when nothing it says tells the two apart: the same full name,
          // and the same value for every fact it cites.
          expect(b.name).toBe(a.name);
          const cited = citedFacts(textA, a, contextDates(context));
          expect(citedFacts(textB, b, contextDates(context))).toEqual(cited);
          const field = {
            company: 'company',
            position: 'position',
            'how met': 'howMet',
            'last topic': 'lastTopic',
          } as const;
          for (const name of cited) {
            const key = field[name as keyof typeof field];
            if (key) expect(b[key]).toBe(a[key]);
          }
        }),
        { numRuns: 1000 },
      );
    });
  }

  it('two people who share a first name and everything else but the surname differ', () => {
    const ann: SuggestionFacts = {
      name: 'Ann Lee',
      company: null,
      position: null,
      howMet: null,
      needs: [],
      offers: [],
      goals: [],
      lastTopic: null,
      lastTopicDate: '2026-01-02',
      connectedOn: '2026-01-01',
    };
    const other = { ...ann, name: 'Ann Berg' };
    for (const suggest of Object.values(KINDS)) {
      const context: Context = {
        daysSince: null,
        sinceDate: '2026-01-01',
        circle: 'inner',
        lastExchangeDate: '2025-01-01',
        writeDays: 2,
        theirLastDate: null,
        firstWrittenOn: '2025-10-01',
      };
      expect(suggest(ann, context)).not.toBe(suggest(other, context));
    }
  });

  it('ends a suggestion with one full stop when the role it ends on has its own (Pvt. Ltd.)', () => {
    const facts = { ...emptyFacts('Ann Lee'), connectedOn: '2026-01-01', company: 'Acme Pvt. Ltd.' };
    expect(followUpSuggestion(facts)).toMatch(/Acme Pvt\. Ltd\.$/);
  });

  it('names the company once when their position already names it (a revive on a real export read "at X at X")', () => {
    const base = { ...emptyFacts('Ann Lee'), position: 'Data Scientist at Acme Corp', company: 'ACME corp' };
    expect(reviveSuggestion(base, '2022-01-01')).toContain('they are now Data Scientist at Acme Corp;');
    expect(reviveSuggestion({ ...base, company: 'Acme' }, '2022-01-01')).toContain(
      'they are now Data Scientist at Acme Corp;',
    );
    // A company only part of a word of the position is not named by it.
    expect(
      reviveSuggestion({ ...base, position: 'Acmeology lead', company: 'Acme' }, '2022-01-01'),
    ).toContain('they are now Acmeology lead at Acme;');
  });

  it('a follow-up offers help with a need, else picks up how we met, else asks about their work', () => {
    const base = { ...emptyFacts('Ann Lee'), connectedOn: '2026-01-01' };
    expect(followUpSuggestion({ ...base, needs: ['a designer'], howMet: 'KTH' })).toMatch(
      /^Offer help: .*a designer/,
    );
    expect(followUpSuggestion({ ...base, howMet: 'KTH alumni dinner' })).toMatch(
      /^Say something more: .*KTH alumni dinner/,
    );
    expect(followUpSuggestion({ ...base, position: 'CTO', company: 'Acme' })).toMatch(
      /^Ask for advice: .*CTO at Acme/,
    );
    expect(followUpSuggestion(base)).toContain('2026-01-01');
  });
});

function emptyFacts(name: string): SuggestionFacts {
  return {
    name,
    company: null,
    position: null,
    howMet: null,
    needs: [],
    offers: [],
    goals: [],
    lastTopic: null,
    lastTopicDate: null,
    connectedOn: null,
  };
}
