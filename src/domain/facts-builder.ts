import {
  MODEL,
  addDecayed,
  emptyFacts,
  type EngineInteraction,
  type RelationshipFacts,
} from './relationship-facts.js';
import { ThreadedColumns } from './threaded-columns.js';
import { localDayNumber } from './time.js';

/**
 * Distils relationship facts from interactions (docs/rules/exchanges-and-strength.md). The builder takes
 * interactions as a stream in any order and keeps messages in compact columns (threaded-columns.ts), so a
 * million messages cost tens of megabytes, not objects; `summarizeRelationships` is the same for an array.
 */

export interface FactsBuilderOptions {
  /** Members of group conversations (conversation key → people). */
  members: ReadonlyMap<string, readonly number[]>;
  /** Evidence of who knows whom among my people (pairs), for the structural component. */
  ties: ReadonlyArray<readonly [number, number]>;
  connectedAt: ReadonlyMap<number, number | null>;
  zone: string;
  /** Events after this instant are ignored (`--now` earlier than the newest stored event). */
  asOf?: number;
  /** About how many interactions will be added (sizes the message columns once). */
  expectedInteractions?: number;
}

export interface SummarizeInput extends FactsBuilderOptions {
  /** Every interaction, any order. */
  interactions: readonly EngineInteraction[];
}

const LATENCY_SAMPLES = 20;

interface Accumulator {
  facts: RelationshipFacts;
  /** The latest reply latencies each way: [instant of the reply, hours]. */
  latThem: Array<[number, number]>;
  latMe: Array<[number, number]>;
  /** Calendar days (day numbers) of the conversation being read that already counted an exchange. */
  exchangeConversation: string | null;
  exchangeDays: Set<number>;
  /** My one-to-one messages after their last one, until they write again (with ids: ties go by id). */
  unanswered: Array<{ at: number; id: number }>;
  /** The last call, meeting or logged contact together: it answers what I wrote before it, too. */
  lastTogetherAt: number;
}

/** Messages and e-mails form conversations; everything else (and a logged "both") stands alone. */
export function isThreaded(interaction: EngineInteraction): boolean {
  return (interaction.kind === 'message' || interaction.kind === 'email') && interaction.direction !== 'both';
}

/** Logged messages have no conversation of their own: one direct thread per person. */
function conversationOf(interaction: EngineInteraction): string | null {
  return (
    interaction.conversationKey ?? (interaction.personId !== null ? `direct:${interaction.personId}` : null)
  );
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? null)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * Keeps the LATENCY_SAMPLES latest replies by time, whatever order conversations are read in (the median
 * must not depend on how rows happen to be stored).
 */
function pushSample(samples: Array<[number, number]>, at: number, hours: number): void {
  samples.push([at, hours]);
  if (samples.length <= LATENCY_SAMPLES) return;
  let oldest = 0;
  const earlier = (a: [number, number], b: [number, number]) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
  for (let index = 1; index < samples.length; index++)
    if (earlier(samples[index] as [number, number], samples[oldest] as [number, number])) oldest = index;
  samples.splice(oldest, 1);
}

/** `add` every interaction, in any order; `finish` once. Conversations are grouped in compact columns. */
export function createFactsBuilder(options: FactsBuilderOptions) {
  const { zone } = options;
  const asOf = options.asOf ?? Infinity;
  const accumulators = new Map<number, Accumulator>();
  const acc = (personId: number): Accumulator => {
    let entry = accumulators.get(personId);
    if (!entry) {
      entry = {
        facts: emptyFacts(personId),
        latThem: [],
        latMe: [],
        exchangeConversation: null,
        exchangeDays: new Set(),
        unanswered: [],
        lastTogetherAt: -Infinity,
      };
      accumulators.set(personId, entry);
    }
    return entry;
  };

  const threads = new ThreadedColumns(options.expectedInteractions);

  function summarizeConversation(key: string, messages: EngineInteraction[]): void {
    const participants = new Set<number>(options.members.get(key) ?? []);
    let groupSize = 2;
    for (const message of messages) {
      if (message.personId !== null) participants.add(message.personId);
      if (message.groupSize > groupSize) groupSize = message.groupSize;
    }
    groupSize = Math.max(groupSize, participants.size + 1);
    const groupFactor = 1 / Math.sqrt(Math.max(1, groupSize - 1));
    const oneToOne = groupSize <= 2 && participants.size === 1;
    for (const personId of participants) {
      // In a group, my messages and this person's own messages make their thread with me.
      const thread = messages.filter(
        (message) => message.direction === 'out' || message.personId === personId,
      );
      summarizeThread(acc(personId), key, thread, {
        groupFactor,
        oneToOne,
        countsExchanges: groupSize <= MODEL.maxExchangeThread,
      });
    }
  }

  function addExchange(entry: Accumulator, conversation: string, at: number, day: number): void {
    if (entry.exchangeConversation !== conversation) {
      entry.exchangeConversation = conversation;
      entry.exchangeDays.clear();
    }
    if (entry.exchangeDays.has(day)) return;
    entry.exchangeDays.add(day);
    countExchange(entry.facts, at);
  }

  function summarizeThread(
    entry: Accumulator,
    conversation: string,
    thread: readonly EngineInteraction[],
    flags: { groupFactor: number; oneToOne: boolean; countsExchanges: boolean },
  ): void {
    const { facts } = entry;
    let previous: EngineInteraction | undefined;
    let previousDay = 0;
    let openInitiation: EngineInteraction | undefined;
    let openDay = 0;
    for (const message of thread) {
      // Windows are calendar days in the data folder's zone, not multiples of 24 hours
      // (docs/rules/identity-and-imports.md#calendar-days).
      const day = localDayNumber(message.at, zone);
      const mine = message.direction === 'out';
      const weight = MODEL.typeWeight[message.kind] * (mine ? 1 : MODEL.inboundWeight) * flags.groupFactor;
      addDecayed(facts.intensity, weight, message.at, MODEL.intensityHalfLifeDays);
      touch(facts, message);
      // A closer is never the last topic (docs/rules/agenda.md#closers).
      if (!message.closer && isLater(message, facts.lastTopic))
        facts.lastTopic = { id: message.id, at: message.at, summary: null };

      const gapDays = previous ? day - previousDay : Infinity;
      const speakerChanged = previous !== undefined && (previous.direction === 'out') !== mine;
      if (speakerChanged && gapDays <= MODEL.exchangeWindowDays && flags.countsExchanges) {
        addExchange(entry, conversation, message.at, day);
      }
      // Only answers within the reply window are reply times: months between conversations are not
      // (docs/rules/exchanges-and-strength.md#responsiveness).
      if (speakerChanged && previous && gapDays <= MODEL.replyWindowDays)
        pushSample(mine ? entry.latMe : entry.latThem, message.at, (message.at - previous.at) / 3_600_000);
      if (!previous || gapDays > MODEL.initiationGapDays) {
        addDecayed(
          mine ? facts.initiatedByMe : facts.initiatedByThem,
          1,
          message.at,
          MODEL.reciprocityHalfLifeDays,
        );
        if (mine) facts.myInitiations++;
        else facts.theirInitiations++;
        openInitiation = message;
        openDay = day;
      } else if (
        openInitiation &&
        (openInitiation.direction === 'out') !== mine &&
        day - openDay <= MODEL.replyWindowDays
      ) {
        // The other side answered an opening within the reply window: both sides count
        // (docs/rules/exchanges-and-strength.md#reciprocity).
        if (mine) facts.theirInitiationsAnswered++;
        else facts.myInitiationsAnswered++;
        openInitiation = undefined;
      }
      if (flags.oneToOne) recordOneToOne(entry, message, mine);
      previous = message;
      previousDay = day;
    }
  }

  function recordOneToOne(entry: Accumulator, message: EngineInteraction, mine: boolean): void {
    const { facts } = entry;
    // Their closer needs no answer: what was open before it stays open, and my message before it stays
    // the last word (docs/rules/agenda.md#closers). Any message of mine answers.
    if ((mine || !message.closer) && isLater(message, facts.lastOneToOne)) {
      facts.lastOneToOne = { id: message.id, at: message.at, summary: null, direction: mine ? 'out' : 'in' };
    }
    // Conversations may come in any order: an answer in one resets what is unanswered in all of them.
    if (!mine && isLater(message, facts.lastFromThem)) {
      facts.lastFromThem = { id: message.id, at: message.at, summary: null };
      // "Later" as `isLater` has it (time, then id): the same answer whatever order conversations come in.
      entry.unanswered = entry.unanswered.filter((mineBefore) => isLater(mineBefore, message));
    } else if (mine && isLater(message, facts.lastFromThem)) {
      entry.unanswered.push({ at: message.at, id: message.id });
    }
  }

  /** Calls, meetings, logged two-way contact, help, introductions, endorsements and notes. */
  function recordOther(entry: Accumulator, interaction: EngineInteraction): void {
    const { facts } = entry;
    const weight =
      MODEL.typeWeight[interaction.kind] * (interaction.direction === 'in' ? MODEL.inboundWeight : 1);
    if (weight > 0) addDecayed(facts.intensity, weight, interaction.at, MODEL.intensityHalfLifeDays);
    if (interaction.kind !== 'note') touch(facts, interaction);
    const together =
      interaction.kind === 'call' || interaction.kind === 'meeting' || interaction.direction === 'both';
    if (together && !interaction.kind.startsWith('endorsement') && interaction.kind !== 'note') {
      // Each call, meeting or logged contact together is its own "conversation": one exchange.
      countExchange(facts, interaction.at);
      entry.lastTogetherAt = Math.max(entry.lastTogetherAt, interaction.at);
    }
    if (
      interaction.kind === 'help-given' ||
      interaction.kind === 'help-received' ||
      interaction.kind === 'introduction-made'
    ) {
      addDecayed(facts.services, 1, interaction.at, MODEL.servicesHalfLifeDays);
      if (interaction.kind === 'help-given') facts.helpGiven++;
      else if (interaction.kind === 'help-received') facts.helpReceived++;
      else facts.introductions++;
    }
  }

  return {
    add(interaction: EngineInteraction): void {
      if (interaction.at > asOf) return;
      if (interaction.personId !== null) acc(interaction.personId).facts.records++;
      if (interaction.skipped) return;
      if (interaction.personId !== null && isFromMe(interaction)) {
        const facts = acc(interaction.personId).facts;
        const connected = options.connectedAt.get(interaction.personId) ?? null;
        if (
          (connected === null || interaction.at >= connected) &&
          (facts.firstFromMeAfterConnection ?? Infinity) > interaction.at
        ) {
          facts.firstFromMeAfterConnection = interaction.at;
        }
      }
      if (!isThreaded(interaction)) {
        if (interaction.personId !== null) recordOther(acc(interaction.personId), interaction);
        return;
      }
      const key = conversationOf(interaction);
      if (key !== null) threads.add(key, interaction);
    },

    finish(): Map<number, RelationshipFacts> {
      for (const [key, messages] of threads.conversations()) summarizeConversation(key, messages);
      const structural = structuralLinks(options);
      const result = new Map<number, RelationshipFacts>();
      for (const [personId, entry] of accumulators) {
        const facts = entry.facts;
        facts.latencyThemHours = median(entry.latThem.map(([, hours]) => hours));
        facts.latencyMeHours = median(entry.latMe.map(([, hours]) => hours));
        facts.structural = structural.get(personId)?.size ?? 0;
        const unanswered = entry.unanswered
          .map((message) => message.at)
          .filter((at) => at > entry.lastTogetherAt);
        facts.unanswered = {
          messages: unanswered.length,
          days: new Set(unanswered.map((at) => localDayNumber(at, zone))).size,
          firstAt: unanswered.length > 0 ? Math.min(...unanswered) : null,
        };
        result.set(personId, facts);
      }
      for (const [personId, set] of structural) {
        if (!result.has(personId)) result.set(personId, { ...emptyFacts(personId), structural: set.size });
      }
      return result;
    },
  };
}

/** Later in time, or at the same instant with a higher id: the same answer whatever order rows come in. */
function isLater(message: { at: number; id: number }, ref: { at: number; id: number } | null): boolean {
  return ref === null || message.at > ref.at || (message.at === ref.at && message.id > ref.id);
}

function countExchange(facts: RelationshipFacts, at: number): void {
  facts.exchangeCount++;
  if (facts.firstExchangeAt === null || at < facts.firstExchangeAt) facts.firstExchangeAt = at;
  if (facts.lastExchangeAt === null || at > facts.lastExchangeAt) facts.lastExchangeAt = at;
}

function touch(facts: RelationshipFacts, interaction: EngineInteraction): void {
  facts.firstInteractionAt = Math.min(facts.firstInteractionAt ?? interaction.at, interaction.at);
  facts.lastInteractionAt = Math.max(facts.lastInteractionAt ?? interaction.at, interaction.at);
  const channel =
    interaction.kind === 'call' ? 'phone' : interaction.kind === 'meeting' ? 'meeting' : interaction.channel;
  facts.channels[channel] = Math.max(facts.channels[channel] ?? 0, interaction.at);
}

/** My people seen with this person: fellow members of group threads, and `knows` pairs. */
function structuralLinks(options: FactsBuilderOptions): Map<number, Set<number>> {
  const structural = new Map<number, Set<number>>();
  const link = (a: number, b: number) => {
    if (a === b) return;
    let set = structural.get(a);
    if (!set) structural.set(a, (set = new Set()));
    set.add(b);
  };
  for (const [, people] of options.members) for (const a of people) for (const b of people) link(a, b);
  for (const [a, b] of options.ties) {
    link(a, b);
    link(b, a);
  }
  return structural;
}

/** Something I said or did with them: a message or e-mail out, or a logged contact together. */
function isFromMe(interaction: EngineInteraction): boolean {
  if (interaction.direction === 'in') return false;
  return interaction.kind !== 'note' && !interaction.kind.startsWith('endorsement');
}

/** Distils relationship facts for everyone who appears in the interactions. Pure and deterministic. */
export function summarizeRelationships(input: SummarizeInput): Map<number, RelationshipFacts> {
  const builder = createFactsBuilder(input);
  for (const interaction of input.interactions) builder.add(interaction);
  return builder.finish();
}
