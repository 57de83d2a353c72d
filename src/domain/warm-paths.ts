import { lazyCollator } from './collation.js';
import type { PathGraph } from './path-graph.js';
import type { Band } from './strength.js';

/**
 * Warm paths (docs/rules/introductions-and-paths.md#warm-paths): who can introduce me to a person, ranked by
 * the strength of every tie along the way, with at most two intermediaries. Pure: the graph is built once
 * from what the store holds, then searched per target.
 */

/** λ: attrition per extra intermediary (Dodds et al.; docs/rules/introductions-and-paths.md#path-score). */
export const INTERMEDIARY_PENALTY = 0.7;
export const MAX_INTERMEDIARIES = 2;
export const PATHS_PER_END_PERSON = 3;
export const WARM_FROM = 0.5;
export const LUKEWARM_FROM = 0.25;
/** Paths scoring below this are counted, not shown (docs/rules/introductions-and-paths.md#ranking). */
export const SHOWN_FROM = 0.05;

/** λ^(h−1) by number of intermediaries h, where a direct tie (h = 0) is not penalised either. */
const PENALTY_BY_INTERMEDIARIES = [1, 1, INTERMEDIARY_PENALTY] as const;

export type Verdict = 'warm' | 'lukewarm' | 'cold';
const VERDICT_ORDER: readonly Verdict[] = ['warm', 'lukewarm', 'cold'];

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

const collate = lazyCollator('en', { sensitivity: 'base' });

/** Strongest first; then the higher weakest edge, fewer hops, the names along the path, the ids. */
function compareCandidates(graph: PathGraph, x: Candidate, y: Candidate): number {
  if (x.strength !== y.strength) return y.strength - x.strength;
  if (x.weakest !== y.weakest) return y.weakest - x.weakest;
  if (x.nodes.length !== y.nodes.length) return x.nodes.length - y.nodes.length;
  for (let i = 0; i < x.nodes.length; i++) {
    const order = collate(graph.nameOf(x.nodes[i]!), graph.nameOf(y.nodes[i]!));
    if (order !== 0) return order;
  }
  for (let i = 0; i < x.nodes.length; i++) {
    const order = graph.idOf(x.nodes[i]!) - graph.idOf(y.nodes[i]!);
    if (order !== 0) return order;
  }
  return 0;
}

/** Keeps the best `limit` candidates of one end person, sorted; numbers are checked before allocating. */
class TopPaths {
  readonly kept: Candidate[] = [];
  constructor(
    private readonly graph: PathGraph,
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

/**
 * Per graph, filled lazily by the searches: each node's best first hops. A cache (it never changes results)
 * that lives as long as the graph, which may answer several searches.
 */
const introducerCache = new WeakMap<PathGraph, Array<BestIntroducers | undefined>>();

/** tie × edge, multiplied in the order the search multiplies, so bounds and products agree to the bit. */
function introducerValue(graph: PathGraph, slot: number): number {
  return graph.tie(graph.target(slot)) * graph.strength(slot);
}

function isIntroducer(graph: PathGraph, slot: number): boolean {
  const neighbour = graph.target(slot);
  return graph.tie(neighbour) > 0 && graph.canIntroduce(neighbour);
}

function bestIntroducersOf(
  graph: PathGraph,
  cache: Array<BestIntroducers | undefined>,
  node: number,
): BestIntroducers {
  const cached = cache[node];
  if (cached) return cached;
  const best: number[] = [];
  let count = 0;
  const { from, to } = graph.neighbours(node);
  for (let slot = from; slot < to; slot++) {
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
  cache[node] = entry;
  return entry;
}

/**
 * All paths me → T, me → I → T and me → I1 → I2 → T for each end person T, the best `perEndPerson` of each
 * (docs/rules/introductions-and-paths.md#ranking: top 3), ranked together by verdict, then strongest first. Bounded: from T to
 * its neighbours N(T), then to N(N(T)) ∩ my ties — never all pairs. Intermediaries must be allowed to
 * introduce; the path never returns to me or to T.
 */
export function findWarmPaths(
  graph: PathGraph,
  endPersonIds: readonly number[],
  options: { perEndPerson?: number } = {},
): WarmPath[] {
  const limit = options.perEndPerson ?? PATHS_PER_END_PERSON;
  let cache = introducerCache.get(graph);
  if (!cache) introducerCache.set(graph, (cache = new Array<BestIntroducers | undefined>(graph.size)));
  const second = PENALTY_BY_INTERMEDIARIES[2];
  const found: Candidate[] = [];
  const seen = new Set<number>();
  for (const id of endPersonIds) {
    const t = graph.nodeOf(id);
    if (t === undefined || seen.has(t)) continue;
    seen.add(t);
    const top = new TopPaths(graph, limit);
    const direct = graph.tie(t);
    if (direct > 0) top.offer({ nodes: [t], slots: [], strength: pathStrength([direct]), weakest: direct });
    const ends = graph.neighbours(t);
    for (let s2 = ends.from; s2 < ends.to; s2++) {
      const i2 = graph.target(s2);
      if (!graph.canIntroduce(i2)) continue;
      const w2 = graph.strength(s2);
      const first = graph.tie(i2);
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
        const i1 = graph.target(s1);
        const tie1 = graph.tie(i1);
        const w1 = graph.strength(s1);
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
      const best = limit < BEST_KEPT ? bestIntroducersOf(graph, cache, i2) : undefined;
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
        const middle = graph.neighbours(i2);
        for (let s1 = middle.from; s1 < middle.to; s1++)
          if (isIntroducer(graph, s1) && !best?.slots.includes(s1)) offerThrough(s1);
      }
    }
    found.push(...top.kept);
  }
  // The verdict first (docs/rules/introductions-and-paths.md#ranking): a warm introduction beats a stronger
  // but cold direct tie, since the weakest tie is what makes an introduction fail.
  const verdictRank = (candidate: Candidate) => VERDICT_ORDER.indexOf(verdictOf(candidate.weakest));
  found.sort((x, y) => verdictRank(x) - verdictRank(y) || compareCandidates(graph, x, y));
  return found.map((candidate) => describePath(graph, candidate));
}

const WEAK_FIRST_HOP: ReadonlySet<Band> = new Set(['weak', 'none', 'dormant']);

const SEEN_TOGETHER: Record<string, string> = {
  thread: 'in the same group thread',
  meeting: 'in the same meeting',
  colleague: 'at the same employer at the same time',
};

function describePath(graph: PathGraph, candidate: Candidate): WarmPath {
  const { nodes, slots } = candidate;
  const name = (node: number) => graph.nameOf(node);
  const hops: PathHop[] = [];
  const warnings: string[] = [];
  const first = nodes[0]!;
  const tie = graph.tieEvidence(first);
  hops.push({
    id: graph.idOf(first),
    name: name(first),
    edge: { strength: graph.tie(first), evidence: tie?.text ?? 'your tie' },
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
    const pieces = graph.evidence(slot);
    const strength = graph.strength(slot);
    hops.push({
      id: graph.idOf(to),
      name: name(to),
      edge: { strength, evidence: pieces.map((piece) => piece.text).join('; ') },
    });
    if (!graph.confirmed(slot)) {
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
