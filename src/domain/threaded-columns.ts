import type { Direction, InteractionKind } from './interaction.js';
import { INTERACTION_KINDS } from './interaction.js';
import type { EngineInteraction } from './relationship-facts.js';

/**
 * Messages kept by conversation in compact columns (about 30 bytes a message instead of an object of
 * several hundred), so a million-message history can be grouped and time-ordered in memory without the
 * database sorting it. Rows arrive in any order; `conversations()` hands them out grouped, each in time order.
 */
export class ThreadedColumns {
  #length = 0;
  #conversation: Int32Array;
  #id: Float64Array;
  #person: Float64Array;
  #at: Float64Array;
  #direction: Uint8Array;
  #kind: Uint8Array;
  #channel: Uint16Array;
  #groupSize: Uint16Array;
  #closer: Uint8Array;
  readonly #keys: string[] = [];
  readonly #keyIndex = new Map<string, number>();
  readonly #channels: string[] = [];
  readonly #channelIndex = new Map<string, number>();

  /**
   * `capacity`: about how many messages will come (a count the caller has), so a million-message history
   * is allocated once instead of doubling into copies (the peak memory of an import's refresh).
   */
  constructor(capacity = 1024) {
    const size = Math.max(16, capacity);
    this.#conversation = new Int32Array(size);
    this.#id = new Float64Array(size);
    this.#person = new Float64Array(size);
    this.#at = new Float64Array(size);
    this.#direction = new Uint8Array(size);
    this.#kind = new Uint8Array(size);
    this.#channel = new Uint16Array(size);
    this.#groupSize = new Uint16Array(size);
    this.#closer = new Uint8Array(size);
  }

  get length(): number {
    return this.#length;
  }

  add(key: string, interaction: EngineInteraction): void {
    if (this.#length === this.#id.length) this.#grow();
    const row = this.#length++;
    this.#conversation[row] = intern(key, this.#keys, this.#keyIndex);
    this.#id[row] = interaction.id;
    this.#person[row] = interaction.personId ?? -1;
    this.#at[row] = interaction.at;
    this.#direction[row] = DIRECTIONS.indexOf(interaction.direction);
    this.#kind[row] = INTERACTION_KINDS.indexOf(interaction.kind);
    this.#channel[row] = intern(interaction.channel, this.#channels, this.#channelIndex);
    this.#groupSize[row] = Math.min(interaction.groupSize, 65_535);
    this.#closer[row] = interaction.closer ? 1 : 0;
  }

  /** Every conversation once, its messages ordered by time, then id. */
  *conversations(): Generator<[key: string, messages: EngineInteraction[]]> {
    const count = this.#keys.length;
    // Counting sort by conversation: offsets, then rows placed in their conversation's slice.
    const starts = new Int32Array(count + 1);
    for (let row = 0; row < this.#length; row++) starts[(this.#conversation[row] ?? 0) + 1]!++;
    for (let c = 0; c < count; c++) starts[c + 1]! += starts[c] ?? 0;
    const fill = starts.slice(0, count);
    const order = new Int32Array(this.#length);
    for (let row = 0; row < this.#length; row++) order[fill[this.#conversation[row] ?? 0]!++] = row;
    for (let c = 0; c < count; c++) {
      const slice = Array.from(order.subarray(starts[c] ?? 0, starts[c + 1] ?? 0));
      slice.sort(
        (a, b) => (this.#at[a] ?? 0) - (this.#at[b] ?? 0) || (this.#id[a] ?? 0) - (this.#id[b] ?? 0),
      );
      yield [this.#keys[c] ?? '', slice.map((row) => this.#row(row))];
    }
  }

  #row(row: number): EngineInteraction {
    const person = this.#person[row] ?? -1;
    return {
      id: this.#id[row] ?? 0,
      personId: person < 0 ? null : person,
      kind: INTERACTION_KINDS[this.#kind[row] ?? 0] as InteractionKind,
      direction: DIRECTIONS[this.#direction[row] ?? 0] as Direction,
      at: this.#at[row] ?? 0,
      channel: this.#channels[this.#channel[row] ?? 0] ?? '',
      conversationKey: this.#keys[this.#conversation[row] ?? 0] ?? null,
      groupSize: this.#groupSize[row] ?? 2,
      summary: null,
      skipped: false,
      closer: this.#closer[row] === 1,
    };
  }

  #grow(): void {
    // Half again, not double: an estimate that was a little short costs a smaller copy.
    const size = Math.ceil(this.#id.length * 1.5);
    this.#conversation = grown(this.#conversation, new Int32Array(size));
    this.#id = grown(this.#id, new Float64Array(size));
    this.#person = grown(this.#person, new Float64Array(size));
    this.#at = grown(this.#at, new Float64Array(size));
    this.#direction = grown(this.#direction, new Uint8Array(size));
    this.#kind = grown(this.#kind, new Uint8Array(size));
    this.#channel = grown(this.#channel, new Uint16Array(size));
    this.#groupSize = grown(this.#groupSize, new Uint16Array(size));
    this.#closer = grown(this.#closer, new Uint8Array(size));
  }
}

export const DIRECTIONS: readonly Direction[] = ['in', 'out', 'both'];

export function intern(value: string, values: string[], index: Map<string, number>): number {
  let position = index.get(value);
  if (position === undefined) {
    position = values.length;
    values.push(value);
    index.set(value, position);
  }
  return position;
}

function grown<T extends Int32Array | Float64Array | Uint8Array | Uint16Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
