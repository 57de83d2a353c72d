import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bestFitBetween,
  sameCompanyKey,
  extractTerms,
  MATCHING,
  stemWord,
  suggestIntroductions,
  type MatchLinks,
  type MatchPerson,
} from './introduction-matching.js';
import type { Band } from './strength.js';

let nextId = 1;
function person(name: string, extra: Partial<MatchPerson> = {}): MatchPerson {
  return {
    id: nextId++,
    name,
    company: null,
    position: null,
    headline: null,
    needs: [],
    offers: [],
    goals: [],
    tie: { score: 65, band: 'strong' },
    doNotContact: false,
    archived: false,
    ...extra,
  };
}

const noLinks: MatchLinks = { groupThreads: new Map(), knownTies: [], introductions: [] };

function pairs(people: MatchPerson[], links: MatchLinks = noLinks): string[] {
  return suggestIntroductions(people, links).map((s) => `${s.a.name} ↔ ${s.b.name}`);
}

describe('introduction matching: complementary pairs', () => {
  it('suggests a need that meets an offer, with a reason citing both facts and the ties', () => {
    const ann = person('Ann Berg', { needs: ['a CTO for her startup'], company: 'Kindling' });
    const bo = person('Bo Lind', {
      offers: ['fractional CTO work'],
      company: 'Lind Tech',
      tie: { score: 48, band: 'medium' },
    });
    const [suggestion, ...rest] = suggestIntroductions([ann, bo], noLinks);
    expect(rest).toEqual([]);
    expect(suggestion?.a).toEqual({ id: ann.id, name: 'Ann Berg' });
    expect(suggestion?.b).toEqual({ id: bo.id, name: 'Bo Lind' });
    expect(suggestion?.score).toBeGreaterThanOrEqual(MATCHING.threshold);
    expect(suggestion?.score).toBeLessThanOrEqual(100);
    expect(suggestion?.reasons[0]).toBe(
      'Ann Berg is looking for “a CTO for her startup”; Bo Lind offers “fractional CTO work” (in common: CTO)',
    );
    expect(suggestion?.reasons).toContain(
      'both ties at least medium: Ann Berg 65 (strong), Bo Lind 48 (medium)',
    );
  });

  it('folds case and accents, plurals, -ing and agent nouns, and prefers shared phrases', () => {
    const sofia = person('Sofia Reyes', { needs: ['a React Native contractor'] });
    const daniel = person('Daniel Okafor', { offers: ['REACT NATIVE consulting'] });
    const marta = person('Marta Silva', { offers: ['native speakers for react testing'] });
    const [first, second] = suggestIntroductions([sofia, daniel, marta], noLinks);
    expect(first?.b.name).toBe('Daniel Okafor');
    expect(first?.reasons[0]).toContain('(in common: React, Native)');
    // The same two words, but not as the phrase: weaker.
    expect(second?.b.name).toBe('Marta Silva');
    expect(first!.score).toBeGreaterThan(second!.score);

    expect(stemWord('contractors')).toBe(stemWord('contractor'));
    expect(stemWord('researcher')).toBe(stemWord('research'));
    expect(stemWord('consulting')).toBe(stemWord('consultant'));
    expect(stemWord('companies')).toBe(stemWord('company'));
    expect(stemWord('business')).toBe('business');
    expect([...extractTerms('Gestión de PRODUCTOS').stems]).toEqual([
      ...extractTerms('gestion de productos').stems,
    ]);
    expect([...extractTerms('someone who can help with the next phase').stems]).toEqual(['phase']);
  });

  it('matches a goal to a role or a company, never two similar titles', () => {
    const hannah = person('Hannah Virtanen', { position: 'Senior Product Manager', company: 'Fjordline' });
    const lukas = person('Lukas Meyer', { position: 'Product Manager', company: 'Ardent Pay' });
    expect(pairs([hannah, lukas])).toEqual([]);

    // A goal that only restates her own title is similarity in disguise.
    const peer = { ...hannah, goals: ['grow as a senior product manager'] };
    expect(pairs([peer, lukas])).toEqual([]);

    const aspiring = { ...hannah, goals: ['become a VP of Product'] };
    const nora = person('Nora Haddad', { position: 'VP Product', company: 'Brightloop' });
    const suggestion = suggestIntroductions([aspiring, lukas, nora], noLinks);
    expect(suggestion.map((s) => `${s.a.name} ↔ ${s.b.name}`)).toEqual(['Hannah Virtanen ↔ Nora Haddad']);
    expect(suggestion[0]?.reasons[0]).toBe(
      "Hannah Virtanen's goal is “become a VP of Product”; Nora Haddad is VP Product at Brightloop (in common: VP)",
    );

    const moving = person('Ida Magnusson', { goals: ['work at Spotify in Stockholm'] });
    const spotify = person('Kofi Mensah', { company: 'Spotify AB', position: 'Risk Analyst' });
    const [company] = suggestIntroductions([moving, spotify], noLinks);
    expect(company?.reasons[0]).toBe(
      "Ida Magnusson's goal is “work at Spotify in Stockholm”; Kofi Mensah works at Spotify AB (in common: Spotify)",
    );
  });

  it('gives a pair that fits both ways one suggestion with both reasons and a higher score', () => {
    const ann = person('Ann Berg', {
      needs: ['a UX researcher for the spring patient study'],
      offers: ['pricing reviews'],
    });
    const bo = person('Bo Lind', {
      needs: ['pricing reviews for our launch'],
      offers: ['UX research interviews'],
    });
    const oneWay = suggestIntroductions([{ ...ann, offers: [] }, bo], noLinks)[0];
    const both = suggestIntroductions([ann, bo], noLinks);
    expect(both).toHaveLength(1);
    expect(both[0]?.reasons.filter((reason) => reason.includes('looking for'))).toHaveLength(2);
    expect(both[0]!.score).toBeGreaterThan(oneWay!.score);
  });

  it('ignores fits below the threshold and generic wording', () => {
    const ann = person('Ann Berg', { needs: ['someone who can help with advice'] });
    const bo = person('Bo Lind', { offers: ['help and advice for anyone'] });
    expect(pairs([ann, bo])).toEqual([]);
    const vague = person('Cai Wu', {
      needs: ['a designer for the spring catalogue of our Oslo bakery chain'],
    });
    const loose = person('Dag Ek', { offers: ['Oslo'] });
    expect(suggestIntroductions([vague, loose], noLinks, { threshold: 0 })[0]?.score).toBeLessThan(
      MATCHING.threshold,
    );
    expect(pairs([vague, loose])).toEqual([]);
  });
});

describe('introduction matching: who is never suggested', () => {
  const need = { needs: ['a fractional CFO'] };
  const offer = { offers: ['fractional CFO services for seed-stage startups'] };

  it.each<[Band, number]>([
    ['weak', 35],
    ['dormant', 70],
    ['none', 20],
  ])('never through a %s tie (you can’t introduce someone you don’t know)', (band, score) => {
    const sofia = person('Sofia Reyes', need);
    const marcus = person('Marcus Lund', { ...offer, tie: { score, band } });
    expect(pairs([sofia, marcus])).toEqual([]);
    expect(
      pairs([
        { ...sofia, tie: { score, band } },
        { ...marcus, tie: { score: 70, band: 'strong' } },
      ]),
    ).toEqual([]);
  });

  it('never archived or do-not-contact people', () => {
    const sofia = person('Sofia Reyes', need);
    const marcus = person('Marcus Lund', offer);
    expect(pairs([sofia, marcus])).toHaveLength(1);
    expect(pairs([sofia, { ...marcus, archived: true }])).toEqual([]);
    expect(pairs([{ ...sofia, doNotContact: true }, marcus])).toEqual([]);
  });

  it('never a pair already linked: group thread, same company now, a recorded tie, an introduction', () => {
    const sofia = person('Sofia Reyes', { ...need, company: 'Kindred Care Inc.' });
    const marcus = person('Marcus Lund', { ...offer, company: 'Lund Finance' });
    expect(pairs([sofia, marcus])).toHaveLength(1);
    expect(pairs([sofia, { ...marcus, company: 'KINDRED-CARE' }])).toEqual([]);
    const threads = new Map([
      [sofia.id, ['c-breakfast', 'c-other']],
      [marcus.id, ['c-breakfast']],
    ]);
    expect(pairs([sofia, marcus], { ...noLinks, groupThreads: threads })).toEqual([]);
    expect(
      pairs([sofia, marcus], {
        ...noLinks,
        groupThreads: new Map([
          [sofia.id, ['c-1']],
          [marcus.id, ['c-2']],
        ]),
      }),
    ).toHaveLength(1);
    expect(pairs([sofia, marcus], { ...noLinks, knownTies: [[marcus.id, sofia.id]] })).toEqual([]);
    expect(pairs([sofia, marcus], { ...noLinks, introductions: [[marcus.id, sofia.id]] })).toEqual([]);
  });

  it('folds company names loosely: case, punctuation, legal forms', () => {
    expect(sameCompanyKey('Acme, Inc.')).toBe(sameCompanyKey('ACME'));
    expect(sameCompanyKey('Weissdorn GmbH')).toBe(sameCompanyKey('weissdorn'));
    expect(sameCompanyKey('Lindgren, Åberg & Partners')).toBe(sameCompanyKey('lindgren aberg and partners'));
    expect(sameCompanyKey('Acme')).not.toBe(sameCompanyKey('Acme Health'));
    expect(sameCompanyKey('')).toBeNull();
    expect(sameCompanyKey(null)).toBeNull();
  });
});

describe('introduction matching: order and scale', () => {
  it('orders by score, then names, whatever the input order', () => {
    const people = [
      person('Cai Wu', { needs: ['a React Native contractor'] }),
      person('Ann Berg', { needs: ['a React Native contractor'] }),
      person('Bo Lind', { offers: ['React Native consulting'] }),
      person('Dag Ek', { needs: ['a payments lawyer'] }),
      person('Eva Holm', { offers: ['payments law for fintechs'] }),
    ];
    const forward = suggestIntroductions(people, noLinks);
    const backward = suggestIntroductions([...people].reverse(), noLinks);
    expect(backward).toEqual(forward);
    for (let index = 1; index < forward.length; index++) {
      const [previous, current] = [forward[index - 1]!, forward[index]!];
      expect(
        previous.score > current.score ||
          (previous.score === current.score && previous.a.name.localeCompare(current.a.name) <= 0),
      ).toBe(true);
    }
    expect(forward.slice(0, 2).map((s) => s.a.name)).toEqual(['Ann Berg', 'Cai Wu']);
  });

  it('finds the fit between two given people for drafts, whatever their ties', () => {
    const sofia = person('Sofia Reyes', { ...{ needs: ['a fractional CFO'] } });
    const marcus = person('Marcus Lund', {
      offers: ['fractional CFO services'],
      tie: { score: 10, band: 'none' },
    });
    expect(bestFitBetween(marcus, sofia)).toMatchObject({
      seekerId: sofia.id,
      otherId: marcus.id,
      source: { kind: 'need', text: 'a fractional CFO' },
      target: { kind: 'offer', text: 'fractional CFO services' },
    });
    expect(bestFitBetween(person('Ann'), person('Bo'))).toBeNull();
  });
});

// A random network over a small vocabulary, so needs and offers often meet.
const VOCABULARY = [
  'react native',
  'cfo',
  'ux research',
  'payments',
  'hiring',
  'pricing',
  'data engineering',
  'sales',
];
const BANDS: Band[] = ['strong', 'medium', 'weak', 'dormant', 'none'];
const personArbitrary = fc.record({
  needs: fc.subarray(VOCABULARY, { maxLength: 2 }),
  offers: fc.subarray(VOCABULARY, { maxLength: 2 }),
  goals: fc.subarray(['work at Acme', 'become a CTO'], { maxLength: 1 }),
  position: fc.constantFrom(null, 'CTO', 'Product Manager', 'Sales Director'),
  company: fc.constantFrom(null, 'Acme', 'ACME Inc.', 'Globex', 'Initech'),
  band: fc.constantFrom(...BANDS),
  score: fc.integer({ min: 0, max: 100 }),
  doNotContact: fc.boolean(),
  archived: fc.boolean(),
  threads: fc.subarray(['t1', 't2', 't3'], { maxLength: 1 }),
});

describe('introduction matching: properties over random networks', () => {
  it('never suggests a weak, dormant or none tie, an excluded person or a linked pair', () => {
    fc.assert(
      fc.property(
        fc.array(personArbitrary, { minLength: 2, maxLength: 14 }),
        fc.array(fc.tuple(fc.nat(13), fc.nat(13)), { maxLength: 4 }),
        (records, tieIndexes) => {
          const people: MatchPerson[] = records.map((record, index) => ({
            id: index + 1,
            name: `Person ${String(index).padStart(2, '0')}`,
            company: record.company,
            position: record.position,
            headline: null,
            needs: record.needs.map((term) => `a ${term} person`),
            offers: record.offers.map((term) => `${term} help`),
            goals: record.goals,
            tie: { score: record.score, band: record.band },
            doNotContact: record.doNotContact,
            archived: record.archived,
          }));
          const knownTies = tieIndexes.map(([x, y]) => [x + 1, y + 1] as const);
          const links: MatchLinks = {
            groupThreads: new Map(records.map((record, index) => [index + 1, record.threads])),
            knownTies,
            introductions: [],
          };
          const byId = new Map(people.map((entry) => [entry.id, entry]));
          const suggestions = suggestIntroductions(people, links);
          for (const suggestion of suggestions) {
            const a = byId.get(suggestion.a.id)!;
            const b = byId.get(suggestion.b.id)!;
            for (const side of [a, b]) {
              expect(['strong', 'medium']).toContain(side.tie.band);
              expect(side.archived || side.doNotContact).toBe(false);
            }
            expect(a.id).not.toBe(b.id);
            expect(a.company !== null && sameCompanyKey(a.company) === sameCompanyKey(b.company)).toBe(false);
            expect(knownTies.some(([x, y]) => (x === a.id && y === b.id) || (x === b.id && y === a.id))).toBe(
              false,
            );
            const threadsA = records[a.id - 1]!.threads;
            expect(records[b.id - 1]!.threads.some((thread) => threadsA.includes(thread))).toBe(false);
            expect(suggestion.score).toBeGreaterThanOrEqual(MATCHING.threshold);
            expect(suggestion.score).toBeLessThanOrEqual(100);
            expect(suggestion.reasons.length).toBeGreaterThanOrEqual(2);
          }
          const keys = suggestions.map((s) => [s.a.id, s.b.id].sort().join(':'));
          expect(new Set(keys).size).toBe(keys.length);
          expect(suggestIntroductions([...people].reverse(), links)).toEqual(suggestions);
        },
      ),
      { numRuns: 300 },
    );
  });
});
