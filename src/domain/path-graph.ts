import type { Evidence } from './path-evidence.js';

/**
 * The graph the warm-path search walks (warm-paths.ts): me, my people, and the evidence between them, built
 * once per question from what the store holds. Nodes are dense indices (0..size−1); a node's edges are
 * numbered slots, one per neighbour, with the evidence for that pair merged.
 */

export interface PathPerson {
  id: number;
  name: string;
  /** May stand between me and a target: not archived, not do-not-contact (docs/DECISIONS.md). */
  canIntroduce: boolean;
}

export interface PathGraphInput {
  people: readonly PathPerson[];
  /** My tie to each person (evidence of kind `my-tie`); a strength of 0 is no edge. */
  myTies: ReadonlyArray<{ personId: number; evidence: Evidence }>;
  /** Evidence between two of my people, in any order; several pieces per pair are merged. */
  pairs: ReadonlyArray<{ a: number; b: number; evidence: Evidence }>;
}

/** A node's edges: the slots `from` ≤ slot < `to`. */
export interface EdgeSlots {
  readonly from: number;
  readonly to: number;
}

/**
 * Compressed adjacency (CSR): for node u, its merged edges are the slots `offsets[u] .. offsets[u+1]`, each
 * with a neighbour, the strongest evidence's value, whether the user confirmed it (`knows`), and its evidence
 * (strongest first): the pairs `evidencePairs[evidenceOffsets[slot] ..]`, whose evidence is
 * `pairEvidence[pair]` (looked up only for the paths shown). The arrays stay private: the search reads the
 * graph through `neighbours(u)` and the per-slot and per-node accessors, which V8 inlines.
 */
export class PathGraph {
  constructor(
    private readonly indexOf: ReadonlyMap<number, number>,
    private readonly ids: readonly number[],
    private readonly names: readonly string[],
    private readonly introduces: Uint8Array,
    private readonly ties: Float64Array,
    private readonly tieEvidences: ReadonlyArray<Evidence | undefined>,
    private readonly offsets: Int32Array,
    private readonly targets: Int32Array,
    private readonly strengths: Float64Array,
    private readonly confirmations: Uint8Array,
    private readonly evidenceOffsets: Int32Array,
    private readonly evidencePairs: Int32Array,
    private readonly pairEvidence: readonly Evidence[],
  ) {}

  /** How many nodes (my people and anyone evidence names). */
  get size(): number {
    return this.ids.length;
  }

  /** The node of a person id, if the graph has them. */
  nodeOf(id: number): number | undefined {
    return this.indexOf.get(id);
  }

  idOf(node: number): number {
    return this.ids[node]!;
  }

  nameOf(node: number): string {
    return this.names[node]!;
  }

  /** Whether the person may stand between me and a target. */
  canIntroduce(node: number): boolean {
    return this.introduces[node] === 1;
  }

  /** My tie to the person (0..1); 0 when there is none. */
  tie(node: number): number {
    return this.ties[node]!;
  }

  tieEvidence(node: number): Evidence | undefined {
    return this.tieEvidences[node];
  }

  /** The edges of node u, one slot per neighbour. */
  neighbours(node: number): EdgeSlots {
    return { from: this.offsets[node]!, to: this.offsets[node + 1]! };
  }

  /** The neighbour at the far end of an edge. */
  target(slot: number): number {
    return this.targets[slot]!;
  }

  /** The edge's value: its strongest evidence's. */
  strength(slot: number): number {
    return this.strengths[slot]!;
  }

  /** Whether the user recorded that the two know each other (`tend knows`). */
  confirmed(slot: number): boolean {
    return this.confirmations[slot] === 1;
  }

  /** The evidence behind an edge, strongest first (equal ones in the order given). */
  evidence(slot: number): Evidence[] {
    const pieces: Evidence[] = [];
    for (let piece = this.evidenceOffsets[slot]!; piece < this.evidenceOffsets[slot + 1]!; piece++)
      pieces.push(this.pairEvidence[this.evidencePairs[piece]!]!);
    return pieces;
  }
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
export function buildPathGraph(input: PathGraphInput): PathGraph {
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

  return new PathGraph(
    indexOf,
    ids,
    names,
    Uint8Array.from(introduces, (value) => (value ? 1 : 0)),
    tie,
    tieEvidence,
    offsets,
    neighbours.subarray(0, slot),
    strengths.subarray(0, slot),
    confirmed.subarray(0, slot),
    evidenceOffsets.subarray(0, slot + 1),
    evidencePairs,
    pairEvidence,
  );
}
