import type { Decayed, MessageRef, RelationshipFacts } from '../domain/relationship-facts.js';

/**
 * Facts as stored: a JSON array of values in a fixed order, not an object with its keys (the cited messages'
 * first words included). Half the bytes of
 * the keyed form, so a command that reads thousands of people's facts reads and parses half as much.
 * Changing the order or the fields changes the format: raise FACTS_VERSION (relationship.service.ts).
 */
type Stored = [
  number, // personId
  number, // exchangeCount
  number | null, // firstExchangeAt
  number | null, // lastExchangeAt
  number, // intensity.value
  number, // intensity.at
  number, // initiatedByMe.value
  number, // initiatedByMe.at
  number, // initiatedByThem.value
  number, // initiatedByThem.at
  number, // myInitiations
  number, // myInitiationsAnswered
  number, // services.value
  number, // services.at
  Record<string, number>, // channels
  number | null, // latencyThemHours
  number | null, // latencyMeHours
  number | null, // firstInteractionAt
  number | null, // lastInteractionAt
  number, // records
  [number, number, 0 | 1, string | null] | null, // lastOneToOne: id, at, out?, summary
  [number, number] | null, // lastFromThem
  [number, number, number | null], // unanswered: messages, days, firstAt
  number | null, // firstFromMeAfterConnection
  number, // structural
  [number, number, string | null] | null, // lastTopic: id, at, summary
  number, // helpGiven
  number, // helpReceived
  number, // introductions
  number, // theirInitiations
  number, // theirInitiationsAnswered
];

const ref = (value: MessageRef | null): [number, number] | null => (value ? [value.id, value.at] : null);
const unref = (value: [number, number] | null): MessageRef | null =>
  value ? { id: value[0], at: value[1], summary: null } : null;
const decayed = (value: number, at: number): Decayed => ({ value, at });

export function encodeFacts(facts: RelationshipFacts): string {
  const stored: Stored = [
    facts.personId,
    facts.exchangeCount,
    facts.firstExchangeAt,
    facts.lastExchangeAt,
    facts.intensity.value,
    facts.intensity.at,
    facts.initiatedByMe.value,
    facts.initiatedByMe.at,
    facts.initiatedByThem.value,
    facts.initiatedByThem.at,
    facts.myInitiations,
    facts.myInitiationsAnswered,
    facts.services.value,
    facts.services.at,
    facts.channels,
    facts.latencyThemHours,
    facts.latencyMeHours,
    facts.firstInteractionAt,
    facts.lastInteractionAt,
    facts.records,
    facts.lastOneToOne
      ? [
          facts.lastOneToOne.id,
          facts.lastOneToOne.at,
          facts.lastOneToOne.direction === 'out' ? 1 : 0,
          facts.lastOneToOne.summary,
        ]
      : null,
    ref(facts.lastFromThem),
    [facts.unanswered.messages, facts.unanswered.days, facts.unanswered.firstAt],
    facts.firstFromMeAfterConnection,
    facts.structural,
    facts.lastTopic ? [facts.lastTopic.id, facts.lastTopic.at, facts.lastTopic.summary] : null,
    facts.helpGiven,
    facts.helpReceived,
    facts.introductions,
    facts.theirInitiations,
    facts.theirInitiationsAnswered,
  ];
  return JSON.stringify(stored);
}

export function decodeFacts(text: string): RelationshipFacts {
  const s = JSON.parse(text) as Stored;
  const lastOneToOne = s[20];
  return {
    personId: s[0],
    exchangeCount: s[1],
    firstExchangeAt: s[2],
    lastExchangeAt: s[3],
    intensity: decayed(s[4], s[5]),
    initiatedByMe: decayed(s[6], s[7]),
    initiatedByThem: decayed(s[8], s[9]),
    myInitiations: s[10],
    myInitiationsAnswered: s[11],
    services: decayed(s[12], s[13]),
    channels: s[14],
    latencyThemHours: s[15],
    latencyMeHours: s[16],
    firstInteractionAt: s[17],
    lastInteractionAt: s[18],
    records: s[19],
    lastOneToOne: lastOneToOne
      ? {
          id: lastOneToOne[0],
          at: lastOneToOne[1],
          summary: lastOneToOne[3] ?? null,
          direction: lastOneToOne[2] ? 'out' : 'in',
        }
      : null,
    lastFromThem: unref(s[21]),
    unanswered: { messages: s[22][0], days: s[22][1], firstAt: s[22][2] },
    firstFromMeAfterConnection: s[23],
    structural: s[24],
    lastTopic: s[25] ? { id: s[25][0], at: s[25][1], summary: s[25][2] ?? null } : null,
    helpGiven: s[26],
    helpReceived: s[27],
    introductions: s[28],
    theirInitiations: s[29] ?? 0,
    theirInitiationsAnswered: s[30] ?? 0,
  };
}
