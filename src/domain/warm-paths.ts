import type { Band } from './strength.js';
import { toLocalDate } from './time.js';

/**
 * Warm paths (docs/rules/introductions-and-paths.md#warm-paths): who can introduce me to a person, ranked by
 * the strength of every tie along the way, with at most two intermediaries. Pure: the graph is built once
 * from what the store holds, then searched per target.
 */

/**
 * Edge values between two of my people when all we have is evidence
 * (docs/rules/introductions-and-paths.md#edges).
 */
export const EDGE_VALUES = {
  thread: 0.3,
  meeting: 0.35,
  knows: 0.5,
  // The rules give no value for colleagues; a shared employer at the same time is weaker evidence than a
  // thread both wrote in, so it sits at the lukewarm line (docs/DECISIONS.md).
  colleague: 0.25,
} as const;

/** λ: attrition per extra intermediary (Dodds et al.; docs/rules/introductions-and-paths.md#path-score). */
export const INTERMEDIARY_PENALTY = 0.7;
export const MAX_INTERMEDIARIES = 2;
export const PATHS_PER_END_PERSON = 3;
export const WARM_FROM = 0.5;
export const LUKEWARM_FROM = 0.25;

/** λ^(h−1) by number of intermediaries h, where a direct tie (h = 0) is not penalised either. */
const PENALTY_BY_INTERMEDIARIES = [1, 1, INTERMEDIARY_PENALTY] as const;

export type Verdict = 'warm' | 'lukewarm' | 'cold';

/**
 * Where an edge's value comes from. `my-tie` runs from me to one of my people; the others link two of my
 * people. Team mode adds `{ kind: 'teammate-tie'; member: string; band: Band }` (a teammate's shared tie),
 * which the search treats like `my-tie` with the teammate as an extra first hop.
 */
export type EdgeSource =
  | { kind: 'my-tie'; score: number; band: Band; detail: string }
  | { kind: 'thread'; threads: number; largest: number; lastAt: number | null }
  | { kind: 'meeting'; meetings: number; lastAt: number | null }
  | { kind: 'knows'; how: string | null }
  /**
   * Both at the same employer at the same time, from dated positions. Nothing produces it yet: tend does
   * not import my connections' dated positions (only their current company, which is not evidence).
   */
  | { kind: 'colleague'; company: string; period: string };

/** One piece of evidence with its value (0..1) and what it says in plain words. */
export interface Evidence {
  source: EdgeSource;
  strength: number;
  text: string;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** My tie to a person: strength / 100, described by its band, score and the reason that dates it. */
export function myTieEvidence(tie: { score: number; band: Band; detail: string }): Evidence {
  return {
    source: { kind: 'my-tie', score: tie.score, band: tie.band, detail: tie.detail },
    strength: Math.max(0, Math.min(100, tie.score)) / 100,
    text: `your tie: ${tie.band} (${tie.score})${tie.detail ? ` — ${tie.detail}` : ''}`,
  };
}

export function threadEvidence(
  shared: { threads: number; largest: number; lastAt: number | null },
  zone: string,
): Evidence {
  const last = shared.lastAt === null ? '' : ` (last message ${toLocalDate(shared.lastAt, zone)})`;
  const text =
    shared.threads === 1
      ? `shared a group thread of ${shared.largest} people${last}`
      : `shared ${shared.threads} group threads (up to ${shared.largest} people)${last}`;
  return { source: { kind: 'thread', ...shared }, strength: EDGE_VALUES.thread, text };
}

export function meetingEvidence(shared: { meetings: number; lastAt: number | null }, zone: string): Evidence {
  const last = shared.lastAt === null ? '' : ` (last ${toLocalDate(shared.lastAt, zone)})`;
  return {
    source: { kind: 'meeting', ...shared },
    strength: EDGE_VALUES.meeting,
    text: `were in ${shared.meetings === 1 ? 'a meeting' : plural(shared.meetings, 'meeting')} together${last}`,
  };
}

/** `tend knows A B [--strength S] [--how TEXT]`: what the user recorded. */
export function knowsEvidence(strength: number | null, how: string | null): Evidence {
  const value = strength ?? EDGE_VALUES.knows;
  return {
    source: { kind: 'knows', how },
    strength: value,
    text: `you recorded that they know each other (${value})${how ? `: ${how}` : ''}`,
  };
}

export function colleagueEvidence(company: string, period: string, strength?: number): Evidence {
  return {
    source: { kind: 'colleague', company, period },
    strength: strength ?? EDGE_VALUES.colleague,
    text: `worked at ${company} at the same time (${period})`,
  };
}

export interface PathPerson {
  id: number;
  name: string;
  /** May stand between me and a target: not archived, not do-not-contact (docs/DECISIONS.md). */
  canIntroduce: boolean;
}

export interface WarmPathGraphInput {
  people: readonly PathPerson[];
  /** My tie to each person (evidence of kind `my-tie`); a strength of 0 is no edge. */
  myTies: ReadonlyArray<{ personId: number; evidence: Evidence }>;
  /** Evidence between two of my people, in any order; several pieces per pair are merged. */
  pairs: ReadonlyArray<{ a: number; b: number; evidence: Evidence }>;
}

/**
 * Compressed adjacency (CSR) over dense indices, built once: for node u, its merged edges are the slots
 * `offsets[u] .. offsets[u+1]`, each with a neighbour, the strongest evidence's value, whether the user
 * confirmed it (`knows`), and its evidence (strongest first): the pairs `evidencePairs[evidenceOffsets[slot]
 * ..]`, whose evidence is `pairEvidence[pair]` (looked up only for the paths shown).
 */
export interface WarmPathGraph {
  readonly indexOf: ReadonlyMap<number, number>;
  readonly ids: readonly number[];
  readonly names: readonly string[];
  readonly canIntroduce: Uint8Array;
  readonly tie: Float64Array;
  readonly tieEvidence: ReadonlyArray<Evidence | undefined>;
  readonly offsets: Int32Array;
  readonly neighbours: Int32Array;
  readonly strengths: Float64Array;
  readonly confirmed: Uint8Array;
  readonly evidenceOffsets: Int32Array;
  readonly evidencePairs: Int32Array;
  readonly pairEvidence: readonly Evidence[];
  /** Per node, filled lazily by the search: its best first hops (a cache; it never changes results). */
  readonly introducers: Array<BestIntroducers | undefined>;
}

/** Where each bucket starts when `count` items are bucketed by `keyOf` into `buckets` buckets. */
function bucketOffsets(buckets: number, count: number, keyOf: (item: number) => number): Int32Array {
  const offsets = new Int32Array(buckets + 1);
  for (let item = 0; item < count; item++) offsets[keyOf(item) + 1]!++;
  for (let bucket = 0; bucket < buckets; bucket++) offsets[bucket + 1]! += offsets[bucket]!;
  return offsets;
}

/** Items 0..count−1 (or `order`, kept stable) sorted by an integer key below `buckets`. */
function countingSort(
  buckets: number,
  count: number,
  keyOf: (item: number) => number,
  order: Int32Array | null,
): Int32Array {
  const fill = bucketOffsets(buckets, count, keyOf);
  const sorted = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const item = order ? order[i]! : i;
    sorted[fill[keyOf(item)]!++] = item;
  }
  return sorted;
}

// Typed-array reads below carry `!`: every index is in bounds by construction, and `?? 0` in the inner
// loops would cost a branch per read.
export function buildWarmPathGraph(input: WarmPathGraphInput): WarmPathGraph {
  const indexOf = new Map<number, number>();
  const ids: number[] = [];
  const names: string[] = [];
  const introduces: boolean[] = [];
  const intern = (id: number): number => {
    let index = indexOf.get(id);
    if (index === undefined) {
      index = ids.length;
      indexOf.set(id, index);
      ids.push(id);
      names.push(`#${id}`);
      introduces.push(false);
    }
    return index;
  };
  for (const person of input.people) {
    const index = intern(person.id);
    names[index] = person.name;
    introduces[index] = person.canIntroduce;
  }
  // Endpoints of pair p are ends[2p] and ends[2p + 1]; self-pairs and worthless evidence are no edges.
  // Their values and kinds are copied into flat arrays once, so merging never chases object pointers.
  const pairEvidence: Evidence[] = [];
  const pairStrength: number[] = [];
  const pairKnows: number[] = [];
  const ends: number[] = [];
  for (const pair of input.pairs) {
    const { evidence } = pair;
    if (pair.a === pair.b || !(evidence.strength > 0)) continue;
    pairEvidence.push(evidence);
    pairStrength.push(evidence.strength);
    pairKnows.push(evidence.source.kind === 'knows' ? 1 : 0);
    ends.push(intern(pair.a), intern(pair.b));
  }
  for (const entry of input.myTies) intern(entry.personId);
  const n = ids.length;

  const tie = new Float64Array(n);
  const tieEvidence: Array<Evidence | undefined> = new Array<Evidence | undefined>(n);
  for (const entry of input.myTies) {
    if (!(entry.evidence.strength > 0)) continue;
    const index = intern(entry.personId);
    tie[index] = entry.evidence.strength;
    tieEvidence[index] = entry.evidence;
  }

  // Half-edge h runs from ends[h] to ends[h ^ 1] and carries pair h >> 1. Two stable counting sorts (by
  // neighbour, then by source) leave each node's half-edges grouped by neighbour in O(edges), so pieces of
  // evidence for the same pair are adjacent and merge in one pass. A million pairs build in well under a
  // second; a comparison sort per node took several.
  const halfEdges = ends.length;
  const byNeighbour = countingSort(n, halfEdges, (h) => ends[h ^ 1]!, null);
  const bySource = countingSort(n, halfEdges, (h) => ends[h]!, byNeighbour);
  const rawOffsets = bucketOffsets(n, halfEdges, (h) => ends[h]!);

  const offsets = new Int32Array(n + 1);
  const neighbours = new Int32Array(halfEdges);
  const strengths = new Float64Array(halfEdges);
  const confirmed = new Uint8Array(halfEdges);
  const evidenceOffsets = new Int32Array(halfEdges + 1);
  const evidencePairs = new Int32Array(halfEdges);
  let slot = 0;
  let piece = 0;
  for (let u = 0; u < n; u++) {
    offsets[u] = slot;
    const stop = rawOffsets[u + 1]!;
    for (let i = rawOffsets[u]!; i < stop;) {
      const v = ends[bySource[i]! ^ 1]!;
      neighbours[slot] = v;
      const first = piece;
      evidenceOffsets[slot] = first;
      let strongest = 0;
      let knows = 0;
      for (; i < stop && ends[bySource[i]! ^ 1] === v; i++) {
        const pair = bySource[i]! >> 1;
        evidencePairs[piece++] = pair;
        if (pairStrength[pair]! > strongest) strongest = pairStrength[pair]!;
        knows |= pairKnows[pair]!;
      }
      // Strongest evidence first, equal ones in the order given: an insertion sort, as a pair rarely has
      // more than two or three pieces.
      for (let j = first + 1; j < piece; j++) {
        const pair = evidencePairs[j]!;
        let k = j;
        for (; k > first && pairStrength[evidencePairs[k - 1]!]! < pairStrength[pair]!; k--)
          evidencePairs[k] = evidencePairs[k - 1]!;
        evidencePairs[k] = pair;
      }
      strengths[slot] = strongest;
      confirmed[slot] = knows;
      slot++;
    }
  }
  offsets[n] = slot;
  evidenceOffsets[slot] = piece;

  return {
    indexOf,
    ids,
    names,
    canIntroduce: Uint8Array.from(introduces, (value) => (value ? 1 : 0)),
    tie,
    tieEvidence,
    offsets,
    neighbours: neighbours.subarray(0, slot),
    strengths: strengths.subarray(0, slot),
    confirmed: confirmed.subarray(0, slot),
    evidenceOffsets: evidenceOffsets.subarray(0, slot + 1),
    evidencePairs,
    pairEvidence,
    introducers: new Array<BestIntroducers | undefined>(n),
  };
}

export interface PathHop {
  id: number;
  name: string;
  edge: { strength: number; evidence: string };
}

export interface WarmPath {
  /** The people after me; the last one is the end person. */
  hops: PathHop[];
  strength: number;
  /** The weakest edge (the bottleneck), which sets the verdict. */
  weakest: number;
  verdict: Verdict;
  warnings: string[];
}

/** Path score: the product of the edges × λ^(h−1), h intermediaries, a direct tie unpenalised. */
export function pathStrength(edges: readonly number[]): number {
  let product = 1;
  for (const edge of edges) product *= edge;
  return product * (PENALTY_BY_INTERMEDIARIES[edges.length - 1] ?? 0);
}

export function verdictOf(weakest: number): Verdict {
  if (weakest >= WARM_FROM) return 'warm';
  if (weakest >= LUKEWARM_FROM) return 'lukewarm';
  return 'cold';
}

/** A path found by the search: dense node indices after me and the slot of each edge after the first. */
interface Candidate {
  nodes: number[];
  slots: number[];
  strength: number;
  weakest: number;
}

const collator = new Intl.Collator('en', { sensitivity: 'base' });

/** Strongest first; then the higher weakest edge, fewer hops, the names along the path, the ids. */
function compareCandidates(graph: WarmPathGraph, x: Candidate, y: Candidate): number {
  if (x.strength !== y.strength) return y.strength - x.strength;
  if (x.weakest !== y.weakest) return y.weakest - x.weakest;
  if (x.nodes.length !== y.nodes.length) return x.nodes.length - y.nodes.length;
  for (let i = 0; i < x.nodes.length; i++) {
    const order = collator.compare(graph.names[x.nodes[i]!]!, graph.names[y.nodes[i]!]!);
    if (order !== 0) return order;
  }
  for (let i = 0; i < x.nodes.length; i++) {
    const order = graph.ids[x.nodes[i]!]! - graph.ids[y.nodes[i]!]!;
    if (order !== 0) return order;
  }
  return 0;
}

/** Keeps the best `limit` candidates of one end person, sorted; numbers are checked before allocating. */
class TopPaths {
  readonly kept: Candidate[] = [];
  constructor(
    private readonly graph: WarmPathGraph,
    private readonly limit: number,
  ) {}

  /** The strength a new candidate must reach to be considered at all. */
  get floor(): number {
    return this.kept.length < this.limit ? 0 : (this.kept.at(-1)?.strength ?? 0);
  }

  /** Whether a path with these numbers could enter the top: checked before any array is allocated. */
  admits(strength: number, weakest: number): boolean {
    const worst = this.kept.length < this.limit ? undefined : this.kept.at(-1);
    if (!worst) return true;
    return strength > worst.strength || (strength === worst.strength && weakest >= worst.weakest);
  }

  offer(candidate: Candidate): void {
    const worst = this.kept.length < this.limit ? undefined : this.kept.at(-1);
    if (worst && compareCandidates(this.graph, candidate, worst) >= 0) return;
    let at = this.kept.length;
    while (at > 0 && compareCandidates(this.graph, candidate, this.kept[at - 1]!) < 0) at--;
    this.kept.splice(at, 0, candidate);
    if (this.kept.length > this.limit) this.kept.pop();
  }
}

/**
 * The few neighbours of a node who are my best possible first hops (a tie of mine, allowed to introduce),
 * best first by tie × edge. A hub can have thousands of neighbours, but only the best few can enter an end
 * person's top 3; the rest are read only when a tie at that boundary makes it necessary.
 */
export interface BestIntroducers {
  slots: Int32Array;
  /** Whether every first hop of the node is in `slots`. */
  complete: boolean;
}

const BEST_KEPT = PATHS_PER_END_PERSON + 1;

/** tie × edge, multiplied in the order the search multiplies, so bounds and products agree to the bit. */
function introducerValue(graph: WarmPathGraph, slot: number): number {
  return graph.tie[graph.neighbours[slot]!]! * graph.strengths[slot]!;
}

function isIntroducer(graph: WarmPathGraph, slot: number): boolean {
  const neighbour = graph.neighbours[slot]!;
  return graph.tie[neighbour]! > 0 && graph.canIntroduce[neighbour] === 1;
}

function bestIntroducersOf(graph: WarmPathGraph, node: number): BestIntroducers {
  const cached = graph.introducers[node];
  if (cached) return cached;
  const best: number[] = [];
  let count = 0;
  for (let slot = graph.offsets[node]!; slot < graph.offsets[node + 1]!; slot++) {
    if (!isIntroducer(graph, slot)) continue;
    count++;
    const value = introducerValue(graph, slot);
    let at = best.length;
    while (at > 0 && introducerValue(graph, best[at - 1]!) < value) at--;
    if (at >= BEST_KEPT) continue;
    best.splice(at, 0, slot);
    if (best.length > BEST_KEPT) best.pop();
  }
  const entry = { slots: Int32Array.from(best), complete: count <= BEST_KEPT };
  graph.introducers[node] = entry;
  return entry;
}

/**
 * All paths me → T, me → I → T and me → I1 → I2 → T for each end person T, the best `perEndPerson` of each
 * (docs/rules/introductions-and-paths.md#ranking: top 3), ranked together strongest first. Bounded: from T to
 * its neighbours N(T), then to N(N(T)) ∩ my ties — never all pairs. Intermediaries must be allowed to
 * introduce; the path never returns to me or to T.
 */
export function findWarmPaths(
  graph: WarmPathGraph,
  endPersonIds: readonly number[],
  options: { perEndPerson?: number } = {},
): WarmPath[] {
  const limit = options.perEndPerson ?? PATHS_PER_END_PERSON;
  const { tie, offsets, neighbours, strengths, canIntroduce } = graph;
  const second = PENALTY_BY_INTERMEDIARIES[2];
  const found: Candidate[] = [];
  const seen = new Set<number>();
  for (const id of endPersonIds) {
    const t = graph.indexOf.get(id);
    if (t === undefined || seen.has(t)) continue;
    seen.add(t);
    const top = new TopPaths(graph, limit);
    const direct = tie[t]!;
    if (direct > 0) top.offer({ nodes: [t], slots: [], strength: pathStrength([direct]), weakest: direct });
    for (let s2 = offsets[t]!; s2 < offsets[t + 1]!; s2++) {
      const i2 = neighbours[s2]!;
      if (!canIntroduce[i2]) continue;
      const w2 = strengths[s2]!;
      const first = tie[i2]!;
      if (first > 0) {
        let product = first;
        product *= w2;
        product *= PENALTY_BY_INTERMEDIARIES[1];
        const weakest = Math.min(first, w2);
        if (top.admits(product, weakest))
          top.offer({ nodes: [i2, t], slots: [s2], strength: product, weakest });
      }
      // me → I1 → i2 → T, best I1 first: once one cannot enter the top, none after it can.
      const offerThrough = (s1: number): boolean => {
        const i1 = neighbours[s1]!;
        const tie1 = tie[i1]!;
        const w1 = strengths[s1]!;
        let product = tie1;
        product *= w1;
        product *= w2;
        product *= second;
        if (product < top.floor) return false;
        if (i1 === t) return true;
        const weakest = Math.min(tie1, w1, w2);
        if (top.admits(product, weakest))
          top.offer({ nodes: [i1, i2, t], slots: [s1, s2], strength: product, weakest });
        return true;
      };
      const best = limit < BEST_KEPT ? bestIntroducersOf(graph, i2) : undefined;
      let rest = !best;
      if (best) {
        let k = 0;
        while (k < best.slots.length && offerThrough(best.slots[k]!)) k++;
        // The others are worth no more than the last of the best: read them only if that could still count.
        const last = best.slots[best.slots.length - 1];
        rest =
          k === best.slots.length &&
          !best.complete &&
          last !== undefined &&
          introducerValue(graph, last) * w2 * second >= top.floor;
      }
      if (rest) {
        for (let s1 = offsets[i2]!; s1 < offsets[i2 + 1]!; s1++)
          if (isIntroducer(graph, s1) && !best?.slots.includes(s1)) offerThrough(s1);
      }
    }
    found.push(...top.kept);
  }
  found.sort((x, y) => compareCandidates(graph, x, y));
  return found.map((candidate) => describePath(graph, candidate));
}

const WEAK_FIRST_HOP: ReadonlySet<Band> = new Set(['weak', 'none', 'dormant']);

const SEEN_TOGETHER: Record<string, string> = {
  thread: 'in the same group thread',
  meeting: 'in the same meeting',
  colleague: 'at the same employer at the same time',
};

function describePath(graph: WarmPathGraph, candidate: Candidate): WarmPath {
  const { nodes, slots } = candidate;
  const name = (node: number) => graph.names[node]!;
  const hops: PathHop[] = [];
  const warnings: string[] = [];
  const first = nodes[0]!;
  const tie = graph.tieEvidence[first];
  hops.push({
    id: graph.ids[first]!,
    name: name(first),
    edge: { strength: graph.tie[first]!, evidence: tie?.text ?? 'your tie' },
  });
  if (tie?.source.kind === 'my-tie' && WEAK_FIRST_HOP.has(tie.source.band)) {
    const { band, score, detail } = tie.source;
    warnings.push(
      `revive your tie with ${name(first)} first (${band}, ${score}${detail ? `: ${detail}` : ''})`,
    );
  }
  for (let i = 1; i < nodes.length; i++) {
    const slot = slots[i - 1]!;
    const from = nodes[i - 1]!;
    const to = nodes[i]!;
    const pieces = [
      ...graph.evidencePairs.subarray(graph.evidenceOffsets[slot], graph.evidenceOffsets[slot + 1]),
    ].map((pair) => graph.pairEvidence[pair]!);
    const strength = graph.strengths[slot]!;
    hops.push({
      id: graph.ids[to]!,
      name: name(to),
      edge: { strength, evidence: pieces.map((piece) => piece.text).join('; ') },
    });
    if (!graph.confirmed[slot]) {
      const kinds = [...new Set(pieces.map((piece) => SEEN_TOGETHER[piece.source.kind] ?? 'together'))];
      warnings.push(
        `ask ${name(from)} how well they know ${name(to)}: tend only saw them ${kinds.join(' and ')}`,
      );
    } else if (strength < LUKEWARM_FROM) {
      warnings.push(
        `${name(from)} knows ${name(to)} only loosely (${strength}): ask ${name(from)} whether they would introduce you`,
      );
    }
  }
  return {
    hops,
    strength: candidate.strength,
    weakest: candidate.weakest,
    verdict: verdictOf(candidate.weakest),
    warnings,
  };
}
