import type { InteractionKind, Interaction } from './interaction.js';

/**
 * Per-person facts distilled from the whole history, once, when data changes: scores and agenda are served
 * from per-person aggregates (docs/rules/exchanges-and-strength.md#aggregates). Every field is bounded in
 * size — counts, first/last instants and decayed sums, never lists of events — so reading a person's facts
 * costs the same after ten years of mail. Decayed sums are stored with the instant they were evaluated at, so
 * they carry forward to any later `now` exactly: E(now) = E(at) · 2^(−(now − at)/H).
 */

import { DAY_MS } from './time.js';

export { DAY_MS };

export interface Decayed {
  value: number;
  at: number;
}

/** A message the agenda may cite; its text is fetched only for the people an answer shows. */
export interface MessageRef {
  id: number;
  at: number;
  summary: string | null;
}

export interface RelationshipFacts {
  personId: number;
  /**
   * Counted two-way exchanges (docs/rules/exchanges-and-strength.md#two-way-exchanges), the first and the
   * last.
   */
  exchangeCount: number;
  firstExchangeAt: number | null;
  lastExchangeAt: number | null;
  /** Weighted activity, half-life 180 days. */
  intensity: Decayed;
  /** Conversations initiated by me and by them, half-life 365 days. */
  initiatedByMe: Decayed;
  initiatedByThem: Decayed;
  myInitiations: number;
  myInitiationsAnswered: number;
  /** Conversations they opened, and how many of those I answered within the reply window. */
  theirInitiations: number;
  theirInitiationsAnswered: number;
  /** Help and introductions, half-life 730 days. */
  services: Decayed;
  /** Last instant per channel (linkedin, email, phone, meeting…). */
  channels: Record<string, number>;
  /** Median reply latency in hours, each way, of answers within the 14-day reply window only. */
  latencyThemHours: number | null;
  latencyMeHours: number | null;
  firstInteractionAt: number | null;
  lastInteractionAt: number | null;
  /** Every record of any kind, skipped messages and endorsements included (prune needs it). */
  records: number;
  /** The last message of their one-to-one conversations with me, whoever sent it. */
  lastOneToOne: (MessageRef & { direction: 'in' | 'out' }) | null;
  /** Their last one-to-one message. */
  lastFromThem: MessageRef | null;
  /** My one-to-one messages since their last one: how many, on how many calendar days, the first. */
  unanswered: { messages: number; days: number; firstAt: number | null };
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
  /** A message that needs no answer (docs/rules/agenda.md#closers); unknown counts as substantive. */
  closer?: boolean;
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
    // Endorsements are weak signals: a quarter of a message
    // (docs/rules/exchanges-and-strength.md#endorsements).
    'endorsement-given': 0.25,
    'endorsement-received': 0.25,
  } satisfies Record<InteractionKind, number>,
  inboundWeight: 0.7,
} as const;

export function decayTo(decayed: Decayed, now: number, halfLifeDays: number): number {
  if (decayed.value === 0) return 0;
  return decayed.value * Math.pow(2, -(now - decayed.at) / (halfLifeDays * DAY_MS));
}

export function addDecayed(decayed: Decayed, weight: number, at: number, halfLifeDays: number): void {
  if (at >= decayed.at) {
    decayed.value = decayTo(decayed, at, halfLifeDays) + weight;
    decayed.at = at;
  } else {
    decayed.value += weight * Math.pow(2, -(decayed.at - at) / (halfLifeDays * DAY_MS));
  }
}

/**
 * log2 of the decayed intensity plus the time in half-lives: E(now) = 2^(key − now/H). The key does not
 * change as time passes, so ordering people by it orders them by intensity at any later `now` — the 95th
 * percentile of the ego reference is one indexed lookup instead of scoring everyone
 * (docs/rules/exchanges-and-strength.md#ego-reference).
 */
export function intensityKey(facts: RelationshipFacts): number | null {
  const { value, at } = facts.intensity;
  if (!(value > 0)) return null;
  return Math.log2(value) + at / (MODEL.intensityHalfLifeDays * DAY_MS);
}

export function intensityFromKey(key: number, now: number): number {
  return Math.pow(2, key - now / (MODEL.intensityHalfLifeDays * DAY_MS));
}

export function emptyFacts(personId: number): RelationshipFacts {
  return {
    personId,
    exchangeCount: 0,
    firstExchangeAt: null,
    lastExchangeAt: null,
    intensity: { value: 0, at: 0 },
    initiatedByMe: { value: 0, at: 0 },
    initiatedByThem: { value: 0, at: 0 },
    myInitiations: 0,
    myInitiationsAnswered: 0,
    theirInitiations: 0,
    theirInitiationsAnswered: 0,
    services: { value: 0, at: 0 },
    channels: {},
    latencyThemHours: null,
    latencyMeHours: null,
    firstInteractionAt: null,
    lastInteractionAt: null,
    records: 0,
    lastOneToOne: null,
    lastFromThem: null,
    unanswered: { messages: 0, days: 0, firstAt: null },
    firstFromMeAfterConnection: null,
    structural: 0,
    lastTopic: null,
    helpGiven: 0,
    helpReceived: 0,
    introductions: 0,
  };
}

/** The facts that select people (agenda candidates, bands, prune, health), kept as indexed columns. */
export interface FactsIndex {
  exchangeCount: number;
  firstExchangeAt: number | null;
  lastExchangeAt: number | null;
  /** Their last one-to-one message when it is also the last of the conversation: a possible reply. */
  lastInAt: number | null;
  unansweredDays: number;
  unansweredFirstAt: number | null;
  records: number;
  firstFromMeAt: number | null;
  lastInteractionAt: number | null;
  helpGiven: number;
  helpReceived: number;
  introductions: number;
  intensityKey: number | null;
}

export function factsIndexOf(facts: RelationshipFacts): FactsIndex {
  return {
    exchangeCount: facts.exchangeCount,
    firstExchangeAt: facts.firstExchangeAt,
    lastExchangeAt: facts.lastExchangeAt,
    lastInAt: facts.lastOneToOne?.direction === 'in' ? facts.lastOneToOne.at : null,
    unansweredDays: facts.unanswered.days,
    unansweredFirstAt: facts.unanswered.firstAt,
    records: facts.records,
    firstFromMeAt: facts.firstFromMeAfterConnection,
    lastInteractionAt: facts.lastInteractionAt,
    helpGiven: facts.helpGiven,
    helpReceived: facts.helpReceived,
    introductions: facts.introductions,
    intensityKey: intensityKey(facts),
  };
}

/** The message references whose texts suggestions cite: the last topic, and the last one-to-one message. */
export function messageRefsOf(facts: RelationshipFacts): MessageRef[] {
  return [facts.lastTopic, facts.lastOneToOne].filter((ref): ref is MessageRef => ref !== null);
}
