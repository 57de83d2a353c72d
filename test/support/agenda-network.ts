import {
  buildAgenda,
  careItemsFor,
  type AgendaInvitation,
  type AgendaItem,
  type AgendaPerson,
  type ItemState,
} from '../../src/domain/agenda.js';
import { needsNoAnswer } from '../../src/domain/needs-no-answer.js';
import type { Direction, InteractionKind } from '../../src/domain/interaction.js';
import type { Circle } from '../../src/domain/person.js';
import { summarizeRelationships } from '../../src/domain/facts-builder.js';
import { emptyFacts, type EngineInteraction } from '../../src/domain/relationship-facts.js';
import { intensityAt, intensityReference, scoreTie, type TieStrength } from '../../src/domain/strength.js';
import { addDays, zonedTimeToInstant } from '../../src/domain/time.js';

/**
 * A small network built from plain interactions, for the agenda rules' tests: it goes the way the service
 * goes — summarizeRelationships → scoreTie → careItemsFor / buildAgenda — and never builds or reads
 * relationship facts itself (their internals change; their inputs and the agenda's outputs are stable).
 */

export const BERLIN = 'Europe/Berlin';

/** `YYYY-MM-DD HH:MM` read on the wall clock of `zone`. */
export function wall(text: string, zone: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(text);
  if (!match) throw new Error(`bad time ${text}`);
  const [year, month, day, hour, minute] = match.slice(1).map((part) => Number(part ?? 0));
  return zonedTimeToInstant(
    { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: 0 },
    zone,
  );
}

export type When = string | number;

export interface PersonOptions {
  connected?: string;
  circle?: Circle;
  floor?: number;
  override?: number;
  howMet?: string;
  company?: string;
}

export interface Options {
  summary?: string;
  thread?: string;
}

/** A small network of people and what happened with them, then the agenda of it at some `now`. */
export class Network {
  private readonly people = new Map<
    string,
    AgendaPerson & { floor: number | null; override: number | null }
  >();
  private readonly interactions: EngineInteraction[] = [];
  private readonly members = new Map<string, number[]>();
  readonly invitations: AgendaInvitation[] = [];

  constructor(readonly zone: string = BERLIN) {}

  at(when: When): number {
    return typeof when === 'number' ? when : wall(when, this.zone);
  }

  person(name: string, options: PersonOptions = {}): this {
    const existing = this.people.get(name);
    const connectedAt = options.connected ? wall(options.connected, this.zone) : null;
    this.people.set(name, {
      id: existing?.id ?? this.people.size + 1,
      name,
      company: options.company ?? null,
      position: null,
      howMet: options.howMet ?? null,
      needs: [],
      offers: [],
      goals: [],
      circle: options.circle ?? null,
      connectionState: connectedAt !== null ? 'connected' : 'not-connected',
      connectedAt,
      doNotContact: false,
      archived: false,
      floor: options.floor ?? null,
      override: options.override ?? null,
    });
    return this;
  }

  /**
   * "Connected On" is a calendar date: the connection starts at the beginning of that day
   * (docs/rules/identity-and-imports.md#zone-less-dates).
   */
  connected(name: string, date: string, options: Omit<PersonOptions, 'connected'> = {}): this {
    return this.person(name, { ...options, connected: date });
  }

  /** The person's id; someone mentioned for the first time is added, not connected. */
  idOf(name: string): number {
    if (!this.people.has(name)) this.person(name);
    return this.people.get(name)!.id;
  }

  private add(
    name: string | null,
    kind: InteractionKind,
    direction: Direction,
    when: When,
    conversationKey: string | null,
    groupSize = 2,
    summary: string | null | undefined = null,
  ): this {
    this.interactions.push({
      id: this.interactions.length + 1,
      personId: name === null ? null : this.idOf(name),
      kind,
      direction,
      at: this.at(when),
      channel: kind === 'email' ? 'email' : 'linkedin',
      conversationKey,
      groupSize,
      summary: summary ?? null,
      skipped: false,
      // As the store marks them when it scans (store/relationship.repository.ts).
      closer: needsNoAnswer(summary),
    });
    return this;
  }

  /** A message in our one-to-one LinkedIn conversation ('in': theirs, 'out': mine). */
  message(name: string, direction: 'in' | 'out', when: When, options: Options = {}): this {
    return this.add(name, 'message', direction, when, options.thread ?? `dm:${name}`, 2, options.summary);
  }

  /** A group thread of me and `names`; later `said` adds one message to it. */
  group(key: string, names: readonly string[]): this {
    this.members.set(
      key,
      names.map((name) => this.idOf(name)),
    );
    return this;
  }

  /** `speaker` ('me' or a member) writes one message to the group thread. */
  said(key: string, speaker: string, when: When): this {
    const size = (this.members.get(key)?.length ?? 0) + 1;
    return speaker === 'me'
      ? this.add(null, 'message', 'out', when, key, size)
      : this.add(speaker, 'message', 'in', when, key, size);
  }

  /** What `tend log` records (a call, a meeting, a message…): no conversation of its own. */
  logged(name: string, kind: InteractionKind, direction: Direction, when: When): this {
    return this.add(name, kind, direction, when, null);
  }

  invitation(invitation: Omit<AgendaInvitation, 'id'>): this {
    this.invitations.push({ id: this.invitations.length + 1, ...invitation });
    return this;
  }

  entries(now: number) {
    const facts = summarizeRelationships({
      interactions: this.interactions,
      members: this.members,
      ties: [],
      connectedAt: new Map([...this.people.values()].map((person) => [person.id, person.connectedAt])),
      zone: this.zone,
      asOf: now,
    });
    const reference = intensityReference([...facts.values()].map((entry) => intensityAt(entry, now)));
    return [...this.people.values()].map(({ floor, override, ...person }) => {
      const personFacts = facts.get(person.id);
      const strength: TieStrength = scoreTie(
        personFacts ?? emptyFacts(person.id),
        { floor, override, connectedAt: person.connectedAt },
        now,
        reference,
        this.zone,
      );
      return { person, facts: personFacts, strength };
    });
  }

  /** Every care item whose rule holds for `name`, before precedence and states. */
  careItems(name: string, when: When): AgendaItem[] {
    const now = this.at(when);
    const entry = this.entries(now).find((candidate) => candidate.person.name === name);
    if (!entry) throw new Error(`no ${name}`);
    return careItemsFor(entry, now, this.zone).items;
  }

  kinds(name: string, when: When): string[] {
    return this.careItems(name, when).map((item) => item.kind);
  }

  strength(name: string, when: When): TieStrength {
    const now = this.at(when);
    const entry = this.entries(now).find((candidate) => candidate.person.name === name);
    if (!entry) throw new Error(`no ${name}`);
    return entry.strength;
  }

  /** How many two-way exchanges scoreTie's recency reason counts ("3 two-way exchanges, the last …"). */
  exchanges(name: string, when: When): number {
    const recency = this.strength(name, when).reasons.find((reason) => reason.component === 'recency');
    return Number(/^(\d+) two-way exchanges?/.exec(recency?.text ?? '')?.[1] ?? 0);
  }

  agenda(when: When, states: ReadonlyMap<string, ItemState> = new Map()) {
    const now = this.at(when);
    return buildAgenda({
      people: this.entries(now),
      invitations: this.invitations,
      states,
      now,
      zone: this.zone,
    });
  }
}

/**
 * "Now" is half past midnight in Berlin: the UTC date is still the day before, so with events at the
 * default 10:00 a count in UTC days would be one short.
 */
export const NOW = '2026-06-15 00:30';
export const TODAY = '2026-06-15';
export const ago = (days: number, time = '10:00') => `${addDays(TODAY, -days)} ${time}`;
export const dayAgo = (days: number) => addDays(TODAY, -days);
export const LONG_AGO = '2024-01-10';

export const N_MINUS_1_N_N_PLUS_1 = <T>(n: number, below: T, at: T, above: T): Array<[number, T]> => [
  [n - 1, below],
  [n, at],
  [n + 1, above],
];
