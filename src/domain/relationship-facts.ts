import type { InteractionKind, Interaction } from './interaction.js';
import { toLocalDate } from './time.js';

/**
 * Per-person facts distilled from the whole history, once, when data changes (rules.md: scores and agenda
 * are served from per-person aggregates). Decayed sums are stored with the instant they were evaluated at,
 * so they can be carried to any later `now` exactly: E(now) = E(at) · 2^(−(now − at)/H).
 */

export const DAY_MS = 86_400_000;

export interface Decayed {
  value: number;
  at: number;
}

export interface MessageRef {
  id: number;
  at: number;
  summary: string | null;
}

export interface RelationshipFacts {
  personId: number;
  /** Instants of counted two-way exchanges, oldest first. */
  exchanges: number[];
  /** Weighted activity, half-life 180 days. */
  intensity: Decayed;
  /** Conversations initiated by me and by them, half-life 365 days. */
  initiatedByMe: Decayed;
  initiatedByThem: Decayed;
  myInitiations: number;
  myInitiationsAnswered: number;
  /** Help and introductions, half-life 730 days. */
  services: Decayed;
  /** Last instant per channel (linkedin, email, phone, meeting…). */
  channels: Record<string, number>;
  /** Median reply latency in hours, each way. */
  latencyThemHours: number | null;
  latencyMeHours: number | null;
  firstInteractionAt: number | null;
  lastInteractionAt: number | null;
  /** Every record of any kind, skipped messages and endorsements included (prune needs it). */
  records: number;
  /** The last message of their one-to-one conversations with me, whoever sent it. */
  lastOneToOne: (MessageRef & { direction: 'in' | 'out' }) | null;
  /** Their last one-to-one message, and my messages to them after it. */
  lastFromThem: MessageRef | null;
  myMessagesSinceTheirLast: number[];
  /** My first message or logged contact at or after the connection, for follow-ups. */
  firstFromMeAfterConnection: number | null;
  /** How many of my people were seen with this person (threads, meetings, `knows`). */
  structural: number;
  /** The newest counted message either way, for suggestions that cite the last topic. */
  lastTopic: MessageRef | null;
  /** Counts by kind, for reasons and health. */
  helpGiven: number;
  helpReceived: number;
  introductions: number;
}

/** An interaction as the engine reads it: without its source, and only whether it was skipped. */
export interface EngineInteraction extends Omit<Interaction, 'skippedReason' | 'source'> {
  skipped: boolean;
}

export const MODEL = {
  intensityHalfLifeDays: 180,
  reciprocityHalfLifeDays: 365,
  servicesHalfLifeDays: 730,
  exchangeWindowDays: 30,
  replyWindowDays: 14,
  initiationGapDays: 14,
  maxExchangeThread: 6,
  typeWeight: {
    message: 1,
    email: 1,
    call: 2,
    meeting: 3,
    note: 0,
    'help-given': 2,
    'help-received': 2,
    'introduction-made': 3,
    // Endorsements are weak signals: a quarter of a message (rules.md).
    'endorsement-given': 0.25,
    'endorsement-received': 0.25,
  } satisfies Record<InteractionKind, number>,
  inboundWeight: 0.7,
} as const;

export function decayTo(decayed: Decayed, now: number, halfLifeDays: number): number {
  if (decayed.value === 0) return 0;
  return decayed.value * Math.pow(2, -(now - decayed.at) / (halfLifeDays * DAY_MS));
}

function addDecayed(decayed: Decayed, weight: number, at: number, halfLifeDays: number): void {
  if (at >= decayed.at) {
    decayed.value = decayTo(decayed, at, halfLifeDays) + weight;
    decayed.at = at;
  } else {
    decayed.value += weight * Math.pow(2, -(decayed.at - at) / (halfLifeDays * DAY_MS));
  }
}

export function emptyFacts(personId: number): RelationshipFacts {
  return {
    personId,
    exchanges: [],
    intensity: { value: 0, at: 0 },
    initiatedByMe: { value: 0, at: 0 },
    initiatedByThem: { value: 0, at: 0 },
    myInitiations: 0,
    myInitiationsAnswered: 0,
    services: { value: 0, at: 0 },
    channels: {},
    latencyThemHours: null,
    latencyMeHours: null,
    firstInteractionAt: null,
    lastInteractionAt: null,
    records: 0,
    lastOneToOne: null,
    lastFromThem: null,
    myMessagesSinceTheirLast: [],
    firstFromMeAfterConnection: null,
    structural: 0,
    lastTopic: null,
    helpGiven: 0,
    helpReceived: 0,
    introductions: 0,
  };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? null)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export interface SummarizeInput {
  /** Every interaction, any order. */
  interactions: readonly EngineInteraction[];
  /** Members of group conversations (conversation key → people). */
  members: ReadonlyMap<string, readonly number[]>;
  /** Evidence of who knows whom among my people (pairs), for the structural component. */
  ties: ReadonlyArray<readonly [number, number]>;
  connectedAt: ReadonlyMap<number, number | null>;
  zone: string;
  /** Events after this instant are ignored (`--now` earlier than the newest stored event). */
  asOf?: number;
}

interface Accumulator {
  facts: RelationshipFacts;
  latThem: number[];
  latMe: number[];
  exchangeDays: Set<string>;
}

/** Distils relationship facts for everyone who appears in the interactions. Pure and deterministic. */
export function summarizeRelationships(input: SummarizeInput): Map<number, RelationshipFacts> {
  const { zone } = input;
  const asOf = input.asOf ?? Infinity;
  const accumulators = new Map<number, Accumulator>();
  const acc = (personId: number): Accumulator => {
    let entry = accumulators.get(personId);
    if (!entry) {
      entry = { facts: emptyFacts(personId), latThem: [], latMe: [], exchangeDays: new Set() };
      accumulators.set(personId, entry);
    }
    return entry;
  };

  const conversations = new Map<string, EngineInteraction[]>();
  for (const interaction of input.interactions) {
    if (interaction.at > asOf) continue;
    if (interaction.personId !== null) acc(interaction.personId).facts.records++;
    if (interaction.skipped) continue;
    if (interaction.personId !== null && isFromMe(interaction)) {
      const facts = acc(interaction.personId).facts;
      const connected = input.connectedAt.get(interaction.personId) ?? null;
      if (
        (connected === null || interaction.at >= connected) &&
        (facts.firstFromMeAfterConnection ?? Infinity) > interaction.at
      ) {
        facts.firstFromMeAfterConnection = interaction.at;
      }
    }
    const threaded = interaction.kind === 'message' || interaction.kind === 'email';
    if (threaded && !(interaction.direction === 'both')) {
      // Logged messages have no conversation of their own: one direct thread per person.
      const key =
        interaction.conversationKey ??
        (interaction.personId !== null ? `direct:${interaction.personId}` : null);
      if (key === null) continue;
      let list = conversations.get(key);
      if (!list) conversations.set(key, (list = []));
      list.push(interaction);
    } else if (interaction.personId !== null) {
      recordOther(acc(interaction.personId), interaction, zone);
    }
  }

  for (const [key, messages] of conversations) {
    messages.sort((a, b) => a.at - b.at || a.id - b.id);
    const participants = new Set<number>(input.members.get(key) ?? []);
    for (const message of messages) if (message.personId !== null) participants.add(message.personId);
    const groupSize = Math.max(2, participants.size + 1, ...messages.map((message) => message.groupSize));
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
        zone,
      });
    }
  }

  const structural = new Map<number, Set<number>>();
  const link = (a: number, b: number) => {
    if (a === b) return;
    let set = structural.get(a);
    if (!set) structural.set(a, (set = new Set()));
    set.add(b);
  };
  for (const [, people] of input.members) for (const a of people) for (const b of people) link(a, b);
  for (const [a, b] of input.ties) {
    link(a, b);
    link(b, a);
  }

  const result = new Map<number, RelationshipFacts>();
  for (const [personId, entry] of accumulators) {
    const facts = entry.facts;
    facts.exchanges.sort((a, b) => a - b);
    facts.latencyThemHours = median(entry.latThem.slice(-20));
    facts.latencyMeHours = median(entry.latMe.slice(-20));
    facts.structural = structural.get(personId)?.size ?? 0;
    result.set(personId, facts);
  }
  for (const [personId, set] of structural) {
    if (!result.has(personId)) result.set(personId, { ...emptyFacts(personId), structural: set.size });
  }
  return result;
}

function touch(facts: RelationshipFacts, interaction: EngineInteraction): void {
  facts.firstInteractionAt = Math.min(facts.firstInteractionAt ?? interaction.at, interaction.at);
  facts.lastInteractionAt = Math.max(facts.lastInteractionAt ?? interaction.at, interaction.at);
  const channel =
    interaction.kind === 'call' ? 'phone' : interaction.kind === 'meeting' ? 'meeting' : interaction.channel;
  facts.channels[channel] = Math.max(facts.channels[channel] ?? 0, interaction.at);
}

function addExchange(entry: Accumulator, conversation: string, at: number, zone: string): void {
  const day = `${conversation}|${toLocalDate(at, zone)}`;
  if (entry.exchangeDays.has(day)) return;
  entry.exchangeDays.add(day);
  entry.facts.exchanges.push(at);
}

/** Calls, meetings, logged two-way contact, help, introductions, endorsements and notes. */
function recordOther(entry: Accumulator, interaction: EngineInteraction, zone: string): void {
  const { facts } = entry;
  const weight =
    MODEL.typeWeight[interaction.kind] * (interaction.direction === 'in' ? MODEL.inboundWeight : 1);
  if (weight > 0) addDecayed(facts.intensity, weight, interaction.at, MODEL.intensityHalfLifeDays);
  if (interaction.kind !== 'note') touch(facts, interaction);
  const together =
    interaction.kind === 'call' || interaction.kind === 'meeting' || interaction.direction === 'both';
  if (together && !interaction.kind.startsWith('endorsement') && interaction.kind !== 'note') {
    addExchange(entry, `${interaction.kind}:${interaction.id}`, interaction.at, zone);
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

function summarizeThread(
  entry: Accumulator,
  conversation: string,
  thread: readonly EngineInteraction[],
  options: { groupFactor: number; oneToOne: boolean; countsExchanges: boolean; zone: string },
): void {
  const { facts } = entry;
  let previous: EngineInteraction | undefined;
  let openInitiation: EngineInteraction | undefined;
  for (const message of thread) {
    const mine = message.direction === 'out';
    const weight = MODEL.typeWeight[message.kind] * (mine ? 1 : MODEL.inboundWeight) * options.groupFactor;
    addDecayed(facts.intensity, weight, message.at, MODEL.intensityHalfLifeDays);
    touch(facts, message);
    if (!facts.lastTopic || message.at >= facts.lastTopic.at)
      facts.lastTopic = { id: message.id, at: message.at, summary: message.summary };

    const gapDays = previous ? (message.at - previous.at) / DAY_MS : Infinity;
    const speakerChanged = previous !== undefined && (previous.direction === 'out') !== mine;
    if (speakerChanged && gapDays <= MODEL.exchangeWindowDays && options.countsExchanges) {
      addExchange(entry, conversation, message.at, options.zone);
    }
    if (speakerChanged && previous)
      (mine ? entry.latMe : entry.latThem).push((message.at - previous.at) / 3_600_000);
    if (!previous || gapDays > MODEL.initiationGapDays) {
      addDecayed(
        mine ? facts.initiatedByMe : facts.initiatedByThem,
        1,
        message.at,
        MODEL.reciprocityHalfLifeDays,
      );
      if (mine) facts.myInitiations++;
      openInitiation = mine ? message : undefined;
    } else if (
      !mine &&
      openInitiation &&
      (message.at - openInitiation.at) / DAY_MS <= MODEL.replyWindowDays
    ) {
      facts.myInitiationsAnswered++;
      openInitiation = undefined;
    }
    if (options.oneToOne) {
      if (!facts.lastOneToOne || message.at >= facts.lastOneToOne.at) {
        facts.lastOneToOne = {
          id: message.id,
          at: message.at,
          summary: message.summary,
          direction: mine ? 'out' : 'in',
        };
      }
      if (!mine && (!facts.lastFromThem || message.at >= facts.lastFromThem.at)) {
        facts.lastFromThem = { id: message.id, at: message.at, summary: message.summary };
        facts.myMessagesSinceTheirLast = facts.myMessagesSinceTheirLast.filter((at) => at > message.at);
      } else if (mine && (!facts.lastFromThem || message.at > facts.lastFromThem.at)) {
        facts.myMessagesSinceTheirLast.push(message.at);
      }
    }
    previous = message;
  }
}

/** Something I said or did with them: a message or e-mail out, or a logged contact together. */
function isFromMe(interaction: EngineInteraction): boolean {
  if (interaction.direction === 'in') return false;
  return interaction.kind !== 'note' && !interaction.kind.startsWith('endorsement');
}
