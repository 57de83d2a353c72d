/**
 * Message records packed for the trip from the parser thread to the importing thread: objects cost the
 * deserializer seconds per million (docs/PERFORMANCE.md#parser-thread). A batch keeps one copy of each
 * string it repeats — a conversation's id, names and URLs recur on every message — and the rest in typed
 * arrays, which are moved, not copied.
 */
import type { SkipReason } from '../../domain/interaction.js';
import type { MessageRecord } from './linkedin.records.js';

/** Per record in `refs`: string references (−1: null), the recipient list, then the coded fields. */
const CONVERSATION = 0;
const FROM_NAME = 1;
const SENDER_URL = 2;
const SENDER_KEY = 3;
const TO_NAMES = 4;
const RECIPIENTS = 5;
const DIRECTION = 6;
const SKIP = 7;
const UNSIGNED_IN_MAIL = 8;
/** −1: not worked out; 0, 1: the answer. */
const CLOSER = 9;
const REFS = 10;
/** Per record in `numbers`: the line, the instant, the text hash and the source key's base (NaN: none yet). */
const LINE = 0;
const AT = 1;
const TEXT_HASH = 2;
const SOURCE_BASE = 3;
const NUMBERS = 4;

const DIRECTIONS = [null, 'in', 'out'] as const;
const SKIPS: ReadonlyArray<SkipReason | null> = [null, 'spam', 'draft', 'sponsored'];

export interface PackedMessages {
  count: number;
  refs: Int32Array;
  numbers: Float64Array;
  /** Each distinct string of the batch once (ids, names, URLs). */
  strings: string[];
  /** Each distinct recipient list once: the URLs and their keys, as in the record. */
  recipientUrls: string[][];
  recipientKeys: Array<Array<string | null>>;
  /** Per record, not shared: the texts and the dates as written. */
  summaries: string[];
  rawDates: string[];
}

export function packMessages(records: readonly MessageRecord[]): PackedMessages {
  const count = records.length;
  const refs = new Int32Array(count * REFS);
  const numbers = new Float64Array(count * NUMBERS);
  const strings: string[] = [];
  const stringRefs = new Map<string, number>();
  const recipientUrls: string[][] = [];
  const recipientKeys: Array<Array<string | null>> = [];
  const listRefs = new Map<string, number>();
  const summaries = new Array<string>(count);
  const rawDates = new Array<string>(count);
  const ref = (text: string | null): number => {
    if (text === null) return -1;
    let index = stringRefs.get(text);
    if (index === undefined) {
      index = strings.push(text) - 1;
      stringRefs.set(text, index);
    }
    return index;
  };
  for (let index = 0; index < count; index++) {
    const record = records[index] as MessageRecord;
    const r = index * REFS;
    refs[r + CONVERSATION] = ref(record.conversationId);
    refs[r + FROM_NAME] = ref(record.fromName);
    refs[r + SENDER_URL] = ref(record.senderUrl);
    refs[r + SENDER_KEY] = ref(record.senderKey);
    refs[r + TO_NAMES] = ref(record.toNames);
    // URLs never hold a line break: joined with one they name the list (whose keys follow from them).
    const listKey = record.recipientUrls.join('\n');
    let list = listRefs.get(listKey);
    if (list === undefined || !sameKeys(recipientKeys[list] ?? [], record.recipientKeys)) {
      list = recipientUrls.push(record.recipientUrls) - 1;
      recipientKeys.push(record.recipientKeys);
      listRefs.set(listKey, list);
    }
    refs[r + RECIPIENTS] = list;
    refs[r + DIRECTION] = DIRECTIONS.indexOf(record.direction);
    refs[r + SKIP] = SKIPS.indexOf(record.skip);
    refs[r + UNSIGNED_IN_MAIL] = record.unsignedInMail ? 1 : 0;
    refs[r + CLOSER] = record.closer === null ? -1 : record.closer ? 1 : 0;
    const n = index * NUMBERS;
    numbers[n + LINE] = record.line;
    numbers[n + AT] = record.at;
    numbers[n + TEXT_HASH] = record.textHash ?? Number.NaN;
    numbers[n + SOURCE_BASE] = record.sourceBase ?? Number.NaN;
    summaries[index] = record.summary;
    rawDates[index] = record.rawDate;
  }
  return { count, refs, numbers, strings, recipientUrls, recipientKeys, summaries, rawDates };
}

function sameKeys(a: ReadonlyArray<string | null>, b: ReadonlyArray<string | null>): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

/** The buffers to move with the batch (postMessage's transfer list). */
export function transferablesOf(packed: PackedMessages): ArrayBuffer[] {
  return [packed.refs.buffer as ArrayBuffer, packed.numbers.buffer as ArrayBuffer];
}

/**
 * The records again. Records of a batch with the same recipients share the two arrays (read them, never
 * change them), as they share their strings.
 */
export function unpackMessages(packed: PackedMessages): MessageRecord[] {
  const { count, refs, numbers, strings, recipientUrls, recipientKeys, summaries, rawDates } = packed;
  const records = new Array<MessageRecord>(count);
  const text = (ref: number): string | null => (ref < 0 ? null : (strings[ref] as string));
  for (let index = 0; index < count; index++) {
    const r = index * REFS;
    const n = index * NUMBERS;
    const list = refs[r + RECIPIENTS] as number;
    const textHash = numbers[n + TEXT_HASH] as number;
    const sourceBase = numbers[n + SOURCE_BASE] as number;
    const closer = refs[r + CLOSER] as number;
    records[index] = {
      line: numbers[n + LINE] as number,
      conversationId: text(refs[r + CONVERSATION] as number),
      fromName: text(refs[r + FROM_NAME] as number) as string,
      senderUrl: text(refs[r + SENDER_URL] as number),
      senderKey: text(refs[r + SENDER_KEY] as number),
      toNames: text(refs[r + TO_NAMES] as number) as string,
      recipientUrls: recipientUrls[list] as string[],
      recipientKeys: recipientKeys[list] as Array<string | null>,
      at: numbers[n + AT] as number,
      summary: summaries[index] as string,
      textHash: Number.isNaN(textHash) ? null : textHash,
      rawDate: rawDates[index] as string,
      sourceBase: Number.isNaN(sourceBase) ? null : sourceBase,
      closer: closer < 0 ? null : closer === 1,
      direction: DIRECTIONS[refs[r + DIRECTION] as number] ?? null,
      skip: SKIPS[refs[r + SKIP] as number] ?? null,
      unsignedInMail: refs[r + UNSIGNED_IN_MAIL] === 1,
    };
  }
  return records;
}
