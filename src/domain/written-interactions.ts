import type { Direction, Interaction, InteractionKind } from './interaction.js';
import { needsNoAnswer } from './needs-no-answer.js';
import { INTERACTION_KINDS } from './interaction.js';
import type { EngineInteraction } from './relationship-facts.js';
import { DIRECTIONS, intern } from './threaded-columns.js';

/** What the facts builder reads of a row, as a writer has it when it inserts the row. */
export type WrittenRow = Pick<
  Interaction,
  | 'personId'
  | 'kind'
  | 'direction'
  | 'at'
  | 'channel'
  | 'conversationKey'
  | 'groupSize'
  | 'skippedReason'
  | 'summary'
> & {
  /** `needsNoAnswer(summary)` (a closer, a nudge, a promotion ask), when already known. */
  closer?: boolean | null;
};

const CHUNK_ROWS = 65_536;
const MAX_ID = 2 ** 31 - 1;

interface Chunk {
  length: number;
  id: Int32Array;
  person: Int32Array;
  at: Float64Array;
  conversation: Int32Array;
  groupSize: Uint16Array;
  kind: Uint8Array;
  direction: Uint8Array;
  channel: Uint8Array;
  /** 1: skipped; 2: a closer (docs/rules/agenda.md#closers). */
  flags: Uint8Array;
}

/**
 * The interactions a first import wrote, kept in compact columns (26 bytes a row) as they are inserted, so
 * that the relationship facts are built from them instead of reading a million rows back
 * (docs/PERFORMANCE.md#written-rows). Valid only while it holds every stored row exactly as stored: the
 * caller starts it on an empty workspace and gives it up (`invalidate`) when a row's id is unknown, a file
 * rolls back or stored rows change after their insert.
 */
export class WrittenInteractions {
  readonly #chunks: Chunk[] = [];
  #valid = true;
  #length = 0;
  readonly #keys: string[] = [];
  readonly #keyIndex = new Map<string, number>();
  readonly #channels: string[] = [];
  readonly #channelIndex = new Map<string, number>();

  get valid(): boolean {
    return this.#valid;
  }

  get length(): number {
    return this.#length;
  }

  invalidate(): void {
    this.#valid = false;
    this.#chunks.length = 0;
  }

  /** Rows as inserted, with their ids (-1: not known, which gives the whole record up). */
  add(rows: readonly WrittenRow[], ids: readonly number[]): void {
    if (!this.#valid) return;
    for (let index = 0; index < rows.length; index++) {
      const row = rows[index] as WrittenRow;
      const id = ids[index] ?? -1;
      const kind = INTERACTION_KINDS.indexOf(row.kind);
      const person = row.personId ?? -1;
      if (id < 0 || id > MAX_ID || person > MAX_ID || kind < 0 || this.#channels.length > 255) {
        this.invalidate();
        return;
      }
      let chunk = this.#chunks[this.#chunks.length - 1];
      if (!chunk || chunk.length === CHUNK_ROWS) this.#chunks.push((chunk = newChunk()));
      const at = chunk.length++;
      chunk.id[at] = id;
      chunk.person[at] = person;
      chunk.at[at] = row.at;
      chunk.conversation[at] =
        row.conversationKey === null ? -1 : intern(row.conversationKey, this.#keys, this.#keyIndex);
      chunk.groupSize[at] = Math.min(row.groupSize, 65_535);
      chunk.kind[at] = kind;
      chunk.direction[at] = DIRECTIONS.indexOf(row.direction);
      chunk.channel[at] = intern(row.channel, this.#channels, this.#channelIndex);
      chunk.flags[at] =
        (row.skippedReason === null ? 0 : 1) | ((row.closer ?? needsNoAnswer(row.summary)) ? 2 : 0);
      this.#length++;
    }
  }

  /**
   * Every row once, as the facts builder takes it. The same object is handed out each time (the builder
   * copies what it keeps), and each chunk is released once read: the columns never sit beside the builder's.
   */
  *drain(): Generator<EngineInteraction> {
    const row: EngineInteraction = {
      id: 0,
      personId: null,
      kind: 'message',
      direction: 'in',
      at: 0,
      channel: '',
      conversationKey: null,
      groupSize: 2,
      summary: null,
      skipped: false,
      closer: false,
    };
    while (this.#valid && this.#chunks.length > 0) {
      const chunk = this.#chunks.shift() as Chunk;
      for (let at = 0; at < chunk.length; at++) {
        const person = chunk.person[at] ?? -1;
        const conversation = chunk.conversation[at] ?? -1;
        row.id = chunk.id[at] ?? 0;
        row.personId = person < 0 ? null : person;
        row.kind = INTERACTION_KINDS[chunk.kind[at] ?? 0] as InteractionKind;
        row.direction = DIRECTIONS[chunk.direction[at] ?? 0] as Direction;
        row.at = chunk.at[at] ?? 0;
        row.channel = this.#channels[chunk.channel[at] ?? 0] ?? '';
        row.conversationKey = conversation < 0 ? null : (this.#keys[conversation] ?? null);
        row.groupSize = chunk.groupSize[at] ?? 2;
        row.skipped = ((chunk.flags[at] ?? 0) & 1) === 1;
        row.closer = ((chunk.flags[at] ?? 0) & 2) === 2;
        yield row;
      }
    }
    // Read once: what follows must come from the database.
    this.invalidate();
  }
}

function newChunk(): Chunk {
  return {
    length: 0,
    id: new Int32Array(CHUNK_ROWS),
    person: new Int32Array(CHUNK_ROWS),
    at: new Float64Array(CHUNK_ROWS),
    conversation: new Int32Array(CHUNK_ROWS),
    groupSize: new Uint16Array(CHUNK_ROWS),
    kind: new Uint8Array(CHUNK_ROWS),
    direction: new Uint8Array(CHUNK_ROWS),
    channel: new Uint8Array(CHUNK_ROWS),
    flags: new Uint8Array(CHUNK_ROWS),
  };
}
