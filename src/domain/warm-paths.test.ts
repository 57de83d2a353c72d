import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Band } from './strength.js';
import {
  colleagueEvidence,
  knowsEvidence,
  meetingEvidence,
  myTieEvidence,
  threadEvidence,
  type Evidence,
} from './path-evidence.js';
import { buildPathGraph, type PathGraphInput } from './path-graph.js';
import { findWarmPaths, pathStrength, verdictOf } from './warm-paths.js';

const MARCH_2 = Date.UTC(2025, 2, 2, 10);

function bandFor(score: number): Band {
  return score === 0 ? 'none' : score >= 60 ? 'strong' : score >= 40 ? 'medium' : 'weak';
}

/** A hand-built network: names by id, my ties by score, evidence between people. */
function network(spec: {
  people: Record<number, string>;
  ties?: Record<number, number | [number, Band]>;
  pairs?: Array<[number, number, Evidence]>;
  cannotIntroduce?: number[];
}): PathGraphInput {
  return {
    people: Object.entries(spec.people).map(([id, name]) => ({
      id: Number(id),
      name,
      canIntroduce: !(spec.cannotIntroduce ?? []).includes(Number(id)),
    })),
    myTies: Object.entries(spec.ties ?? {}).map(([id, value]) => {
      const [score, band] = Array.isArray(value) ? value : [value, bandFor(value)];
      return {
        personId: Number(id),
        evidence: myTieEvidence({ score, band, detail: `${score} points of history` }),
      };
    }),
    pairs: (spec.pairs ?? []).map(([a, b, evidence]) => ({ a, b, evidence })),
  };
}

const thread = () => threadEvidence({ threads: 1, largest: 5, lastAt: MARCH_2 }, 'UTC');
const names = (path: { hops: Array<{ name: string }> }) => path.hops.map((hop) => hop.name);

describe('warm paths', () => {
  it('ranks a strong friend who shared a thread with the target above a never-contacted colleague (Pat and Tim)', () => {
    const graph = buildPathGraph(
      network({
        people: { 1: 'Pat Doe', 2: 'Fay Lin', 9: 'Tim Roe' },
        ties: { 1: [15, 'none'], 2: [80, 'strong'] },
        pairs: [
          [1, 9, colleagueEvidence('Acme', '2019–2021')],
          [2, 9, thread()],
        ],
      }),
    );
    const paths = findWarmPaths(graph, [9]);
    expect(paths.map(names)).toEqual([
      ['Fay Lin', 'Tim Roe'],
      ['Pat Doe', 'Tim Roe'],
    ]);
    const [friend, pat] = paths;
    expect(friend?.verdict).toBe('lukewarm');
    expect(friend?.strength).toBeCloseTo(0.24, 10);
    expect(pat?.hops[0]?.edge.strength).toBeLessThanOrEqual(0.2);
    expect(pat?.verdict).toBe('cold');
    expect(pat?.warnings).toContain('revive your tie with Pat Doe first (none, 15: 15 points of history)');
    expect(
      pat?.warnings.some((warning) => warning.startsWith('ask Pat Doe how well they know Tim Roe')),
    ).toBe(true);
    expect(friend?.hops[1]?.edge.evidence).toBe(
      'shared a group thread of 5 people (last message 2025-03-02)',
    );
  });

  it('prefers one intermediary at 0.5 × 0.5 over two at three 0.7 edges', () => {
    const graph = buildPathGraph(
      network({
        people: { 1: 'Ann', 2: 'Bo', 3: 'Cy', 9: 'Tim' },
        ties: { 1: 50, 2: 70 },
        pairs: [
          [1, 9, knowsEvidence(0.5, null)],
          [2, 3, knowsEvidence(0.7, null)],
          [3, 9, knowsEvidence(0.7, null)],
        ],
      }),
    );
    const paths = findWarmPaths(graph, [9]);
    expect(paths.map(names)).toEqual([
      ['Ann', 'Tim'],
      ['Bo', 'Cy', 'Tim'],
    ]);
    expect(paths[0]?.strength).toBe(0.25);
    expect(paths[1]?.strength).toBeCloseTo(0.343 * 0.7, 12);
    expect(paths[1]?.strength).toBeLessThan(0.25);
  });

  it('gives a direct tie no penalty', () => {
    const graph = buildPathGraph(network({ people: { 9: 'Tim' }, ties: { 9: 72 } }));
    const [path] = findWarmPaths(graph, [9]);
    expect(path?.strength).toBe(0.72);
    expect(path?.hops).toEqual([
      {
        id: 9,
        name: 'Tim',
        edge: { strength: 0.72, evidence: 'your tie: strong (72) — 72 points of history' },
      },
    ]);
    expect(path?.warnings).toEqual([]);
    expect(pathStrength([0.5, 0.5])).toBe(0.25);
  });

  it('sets the verdict by the weakest edge at exactly 0.5 and 0.25', () => {
    expect([0.5, 0.4999, 0.25, 0.2499, 0].map(verdictOf)).toEqual([
      'warm',
      'lukewarm',
      'lukewarm',
      'cold',
      'cold',
    ]);
    const graph = buildPathGraph(
      network({
        people: { 1: 'Ann', 2: 'Bo', 9: 'Tim' },
        ties: { 1: 50, 2: 25 },
        pairs: [
          [1, 9, knowsEvidence(0.9, null)],
          [2, 9, knowsEvidence(0.9, null)],
        ],
      }),
    );
    const paths = findWarmPaths(graph, [9]);
    expect(paths.map((path) => [path.hops[0]?.name, path.weakest, path.verdict])).toEqual([
      ['Ann', 0.5, 'warm'],
      ['Bo', 0.25, 'lukewarm'],
    ]);
  });

  it('orders paths by verdict (warm, lukewarm, cold), then score', () => {
    // Tim: a direct tie of 45 (lukewarm, 0.45) scores above Ann's introduction (warm, 0.6 × 0.6 = 0.36); Uma: a
    // direct tie of 20 (cold, 0.2) scores above Bo's introduction (lukewarm, 0.3 × 0.3 = 0.09).
    const graph = buildPathGraph(
      network({
        people: { 1: 'Ann', 2: 'Bo', 9: 'Tim', 10: 'Uma' },
        ties: { 1: 60, 2: 30, 9: 45, 10: 20 },
        pairs: [
          [1, 9, knowsEvidence(0.6, null)],
          [2, 10, knowsEvidence(0.3, null)],
        ],
      }),
    );
    const paths = findWarmPaths(graph, [9, 10]);
    expect(paths.map((path) => [names(path).join('>'), path.verdict, path.strength])).toEqual([
      ['Ann>Tim', 'warm', 0.36],
      ['Tim', 'lukewarm', 0.45],
      ['Bo>Uma', 'lukewarm', 0.09],
      ['Uma', 'cold', 0.2],
    ]);
  });

  it('keeps the top 3 paths of each end person and ranks them all together', () => {
    const people: Record<number, string> = { 100: 'Tim', 200: 'Uma' };
    const ties: Record<number, number> = {};
    const pairs: Array<[number, number, Evidence]> = [];
    for (let i = 1; i <= 5; i++) {
      people[i] = `Friend ${i}`;
      ties[i] = 40 + i * 10;
      pairs.push([i, 100, knowsEvidence(0.5, null)]);
      pairs.push([i, 200, knowsEvidence(0.6, null)]);
    }
    const paths = findWarmPaths(buildPathGraph(network({ people, ties, pairs })), [100, 200]);
    expect(paths).toHaveLength(6);
    expect(paths.map((path) => path.hops.map((hop) => hop.id).join('>'))).toEqual([
      '5>200',
      '4>200',
      '5>100',
      '3>200',
      '4>100',
      '3>100',
    ]);
    const strengths = paths.map((path) => path.strength);
    expect(strengths).toEqual([...strengths].sort((a, b) => b - a));
  });

  it('breaks ties by the weakest edge, then fewer hops, then names', () => {
    const graph = buildPathGraph(
      network({
        people: { 1: 'Zoe', 2: 'Abe', 3: 'Max', 4: 'Kim', 9: 'Tim' },
        ties: { 1: 40, 2: 40, 3: 80, 4: 20 },
        pairs: [
          [1, 9, knowsEvidence(0.5, null)],
          [2, 9, knowsEvidence(0.5, null)],
          [3, 9, knowsEvidence(0.25, null)],
          [4, 9, knowsEvidence(1, null)],
        ],
      }),
    );
    // All four score 0.2: Abe and Zoe (weakest 0.4) by name, then Max (0.25), then Kim (0.2).
    const ranked = findWarmPaths(graph, [9], { perEndPerson: 4 });
    expect(ranked.map((path) => path.hops[0]?.name)).toEqual(['Abe', 'Zoe', 'Max', 'Kim']);
    expect(findWarmPaths(graph, [9]).map((path) => path.hops[0]?.name)).toEqual(['Abe', 'Zoe', 'Max']);
  });

  it('keeps the best names among equal paths whatever order they are found in', () => {
    const graph = buildPathGraph(
      network({
        people: { 1: 'Dan', 2: 'Cat', 3: 'Bea', 4: 'Al', 9: 'Tim' },
        ties: { 1: 60, 2: 60, 3: 60, 4: 60 },
        pairs: [1, 2, 3, 4].map((id): [number, number, Evidence] => [id, 9, knowsEvidence(0.5, null)]),
      }),
    );
    expect(findWarmPaths(graph, [9]).map((path) => path.hops[0]?.name)).toEqual(['Al', 'Bea', 'Cat']);
  });

  it('looks past the best few first hops of a busy intermediary when equal paths tie at the boundary', () => {
    const people: Record<number, string> = {
      1: 'Ee',
      2: 'Dd',
      3: 'Cc',
      4: 'Bb',
      5: 'Aa',
      8: 'Hub',
      9: 'Tim',
    };
    const pairs: Array<[number, number, Evidence]> = [[8, 9, knowsEvidence(0.5, null)]];
    for (const id of [1, 2, 3, 4, 5]) pairs.push([id, 8, knowsEvidence(0.5, null)]);
    const graph = buildPathGraph(network({ people, ties: { 1: 50, 2: 50, 3: 50, 4: 50, 5: 50 }, pairs }));
    expect(findWarmPaths(graph, [9]).map(names)).toEqual([
      ['Aa', 'Hub', 'Tim'],
      ['Bb', 'Hub', 'Tim'],
      ['Cc', 'Hub', 'Tim'],
    ]);
  });

  it('never goes through more than two intermediaries', () => {
    const graph = buildPathGraph(
      network({
        people: { 1: 'A', 2: 'B', 3: 'C', 9: 'Tim' },
        ties: { 1: 90 },
        pairs: [
          [1, 2, knowsEvidence(0.9, null)],
          [2, 3, knowsEvidence(0.9, null)],
          [3, 9, knowsEvidence(0.9, null)],
        ],
      }),
    );
    expect(findWarmPaths(graph, [9])).toEqual([]);
    expect(findWarmPaths(graph, [3]).map(names)).toEqual([['A', 'B', 'C']]);
  });

  it('never loops back through the target and never uses people who may not introduce', () => {
    const graph = buildPathGraph(
      network({
        people: { 1: 'Ann', 2: 'Archived Bo', 9: 'Tim' },
        ties: { 1: 90, 2: 90, 9: 30 },
        pairs: [
          [1, 9, knowsEvidence(0.9, null)],
          [2, 9, knowsEvidence(0.9, null)],
          [1, 2, knowsEvidence(0.9, null)],
        ],
        cannotIntroduce: [2],
      }),
    );
    const paths = findWarmPaths(graph, [9]);
    expect(paths.map(names)).toEqual([['Ann', 'Tim'], ['Tim']]);
    // Bo is the end person here, so Bo appears, but only at the end.
    expect(findWarmPaths(graph, [2]).map(names)).toEqual([
      ['Archived Bo'],
      ['Ann', 'Archived Bo'],
      ['Ann', 'Tim', 'Archived Bo'],
    ]);
  });

  it('merges evidence for a pair: the strongest value, every text, confirmed only by knows', () => {
    const graph = buildPathGraph(
      network({
        people: { 1: 'Ann Lee', 2: 'Bo Ek', 9: 'Tim Roe' },
        ties: { 1: 70, 2: 70 },
        pairs: [
          [1, 9, thread()],
          [9, 1, knowsEvidence(0.4, 'worked together at Acme')],
          [2, 9, thread()],
          [2, 9, meetingEvidence({ meetings: 2, lastAt: MARCH_2 }, 'UTC')],
        ],
      }),
    );
    const [ann, bo] = findWarmPaths(graph, [9]);
    expect(ann?.hops[1]?.edge).toEqual({
      strength: 0.4,
      evidence:
        'you recorded that they know each other (0.4): worked together at Acme; shared a group thread of 5 people (last message 2025-03-02)',
    });
    expect(ann?.warnings).toEqual([]);
    expect(bo?.hops[1]?.edge.strength).toBe(0.35);
    expect(bo?.hops[1]?.edge.evidence).toBe(
      'were in 2 meetings together (last 2025-03-02); shared a group thread of 5 people (last message 2025-03-02)',
    );
    expect(bo?.warnings).toEqual([
      'ask Bo Ek how well they know Tim Roe: tend only saw them in the same meeting and in the same group thread',
    ]);
  });

  it('warns about a weak, dormant or missing first hop and a loose recorded tie', () => {
    const graph = buildPathGraph(
      network({
        people: { 1: 'Dee', 9: 'Tim' },
        ties: { 1: [45, 'dormant'] },
        pairs: [[1, 9, knowsEvidence(0.2, null)]],
      }),
    );
    expect(findWarmPaths(graph, [9])[0]?.warnings).toEqual([
      'revive your tie with Dee first (dormant, 45: 45 points of history)',
      'Dee knows Tim only loosely (0.2): ask Dee whether they would introduce you',
    ]);
  });

  it('finds nothing for people it has never heard of', () => {
    const graph = buildPathGraph(network({ people: { 1: 'Ann' }, ties: { 1: 90 } }));
    expect(findWarmPaths(graph, [42])).toEqual([]);
  });
});

const collator = new Intl.Collator('en', { sensitivity: 'base' });

/**
 * Every path with at most two intermediaries, enumerated the slow way, ranked as
 * docs/rules/introductions-and-paths.md#ranking says.
 */
function bruteForce(input: PathGraphInput, ends: readonly number[]) {
  const tie = new Map<number, number>();
  for (const entry of input.myTies)
    if (entry.evidence.strength > 0) tie.set(entry.personId, entry.evidence.strength);
  const edge = new Map<string, number>();
  const key = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);
  for (const pair of input.pairs) {
    if (pair.a === pair.b || pair.evidence.strength <= 0) continue;
    edge.set(key(pair.a, pair.b), Math.max(edge.get(key(pair.a, pair.b)) ?? 0, pair.evidence.strength));
  }
  const person = new Map(input.people.map((entry) => [entry.id, entry]));
  const canIntroduce = (id: number) => person.get(id)?.canIntroduce ?? false;
  const name = (id: number) => person.get(id)?.name ?? `#${id}`;
  const everyone = [...person.keys()];
  type Found = { ids: number[]; strength: number; weakest: number };
  const rank = (x: Found, y: Found) => {
    if (x.strength !== y.strength) return y.strength - x.strength;
    if (x.weakest !== y.weakest) return y.weakest - x.weakest;
    if (x.ids.length !== y.ids.length) return x.ids.length - y.ids.length;
    for (let i = 0; i < x.ids.length; i++) {
      const order = collator.compare(name(x.ids[i]!), name(y.ids[i]!));
      if (order !== 0) return order;
    }
    for (let i = 0; i < x.ids.length; i++) if (x.ids[i] !== y.ids[i]) return x.ids[i]! - y.ids[i]!;
    return 0;
  };
  const all: Found[] = [];
  for (const t of new Set(ends)) {
    const found: Found[] = [];
    const add = (ids: number[], edges: number[]) => {
      if (edges.some((value) => !(value > 0))) return;
      found.push({ ids, strength: pathStrength(edges), weakest: Math.min(...edges) });
    };
    add([t], [tie.get(t) ?? 0]);
    for (const i of everyone) {
      if (i === t || !canIntroduce(i)) continue;
      add([i, t], [tie.get(i) ?? 0, edge.get(key(i, t)) ?? 0]);
      for (const j of everyone) {
        if (j === t || j === i || !canIntroduce(j)) continue;
        add([i, j, t], [tie.get(i) ?? 0, edge.get(key(i, j)) ?? 0, edge.get(key(j, t)) ?? 0]);
      }
    }
    all.push(...found.sort(rank).slice(0, 3));
  }
  const verdictRank = (found: Found) => ['warm', 'lukewarm', 'cold'].indexOf(verdictOf(found.weakest));
  return all.sort((x, y) => verdictRank(x) - verdictRank(y) || rank(x, y));
}

describe('warm path search against brute force', () => {
  const values = fc.constantFrom(0, 0.1, 0.25, 0.3, 0.35, 0.5, 0.7, 1);
  const graphs = fc.integer({ min: 1, max: 8 }).chain((size) =>
    fc.record({
      people: fc.array(
        fc.record({
          name: fc.constantFrom('Ann', 'ann', 'Bo', 'Cy', 'Dee', 'Émile'),
          introduces: fc.boolean(),
        }),
        { minLength: size, maxLength: size },
      ),
      ties: fc.array(fc.tuple(fc.nat(size - 1), fc.constantFrom(0, 10, 25, 30, 50, 70, 100)), {
        maxLength: size,
      }),
      pairs: fc.array(
        fc.tuple(fc.nat(size - 1), fc.nat(size - 1), values, fc.constantFrom('knows', 'thread', 'meeting')),
        { maxLength: size * 3 },
      ),
      ends: fc.array(fc.nat(size), { minLength: 1, maxLength: 3 }),
    }),
  );

  it('finds exactly the paths of brute-force enumeration, ranked the same, hops ≤ 3 and without repeats', () => {
    fc.assert(
      fc.property(graphs, (spec) => {
        const input: PathGraphInput = {
          people: spec.people.map((entry, id) => ({ id, name: entry.name, canIntroduce: entry.introduces })),
          myTies: spec.ties.map(([personId, score]) => ({
            personId,
            evidence: myTieEvidence({ score, band: bandFor(score), detail: '' }),
          })),
          pairs: spec.pairs.map(([a, b, value, kind]) => ({
            a,
            b,
            evidence:
              kind === 'knows'
                ? knowsEvidence(value, null)
                : {
                    ...thread(),
                    strength: value,
                    source: { kind: kind as 'thread', threads: 1, largest: 3, lastAt: null },
                  },
          })),
        };
        const found = findWarmPaths(buildPathGraph(input), spec.ends);
        const expected = bruteForce(input, spec.ends);
        expect(
          found.map((path) => ({
            ids: path.hops.map((hop) => hop.id),
            strength: path.strength,
            weakest: path.weakest,
          })),
        ).toEqual(expected);
        for (const path of found) {
          const ids = path.hops.map((hop) => hop.id);
          expect(ids.length).toBeLessThanOrEqual(3);
          expect(new Set(ids).size).toBe(ids.length);
          expect(path.weakest).toBe(Math.min(...path.hops.map((hop) => hop.edge.strength)));
        }
      }),
      { numRuns: 600 },
    );
  });
});
