import { compareItems, oneCareItemEach, PRECEDENCE } from './agenda-precedence.js';
import { careItemShows, markHides, quietByPerson, type ItemState } from './agenda-states.js';
import {
  followUpBasis,
  followUpWorth,
  formerStrength,
  reviveWorth,
  type OwnerContext,
} from './agenda-worth.js';
import {
  agendaItemId,
  describeItems,
  withWords,
  type AgendaItem,
  type AgendaKind,
  type ContributedItem,
} from './agenda-item.js';
import { CADENCE_DAYS } from './cadence.js';
import type { AgendaPerson } from './agenda-person.js';
import type { RelationshipFacts } from './relationship-facts.js';
import { INTENSITY_REFERENCE_FLOOR, type TieStrength } from './strength.js';
import {
  followUpSuggestion,
  keepInTouchSuggestion,
  letGoSuggestion,
  replySuggestion,
  reviveSuggestion,
  triageSuggestion,
  type SuggestionFacts,
} from './suggestions.js';
import { addDays, calendarDaysBetween, toLocalDate } from './time.js';

/** The daily agenda (docs/rules/agenda.md), pure: inputs and `now` in, items out. */

export const AGENDA_RULES = {
  followUpDueDays: 3,
  /** A follow-up over 14 days late has expired (docs/rules/agenda.md#follow-up). */
  followUpExpiresAfterDays: 14,
  replyWithinDays: 30,
  replyDueDays: 2,
  letGoAfterDays: 60,
  letGoMinDays: 2,
  reviveAfterDays: 365,
  reviveMinExchanges: 3,
  triageLateAfterDays: 7,
  pendingWithinDays: 90,
} as const;

export { agendaPersonOf, type AgendaPerson } from './agenda-person.js';
export { compareItems } from './agenda-precedence.js';
// The item, its kinds, id and words live in their own file; everyone imports them from here.
export * from './agenda-item.js';

export interface AgendaInvitation {
  id: number;
  personId: number | null;
  name: string;
  message: string | null;
  sentAt: number;
  exportAt: number | null;
  direction: 'in' | 'out';
  counterpartConnected: boolean;
  decision: string | null;
  /** The triage verdict, when it has been worked out (services/triage.service.ts). */
  verdict?: { verdict: string; reason: string } | null;
}

export type { ItemState } from './agenda-states.js';

export interface AgendaInput {
  people: ReadonlyArray<{
    person: AgendaPerson;
    facts: RelationshipFacts | undefined;
    strength: TieStrength;
  }>;
  invitations: readonly AgendaInvitation[];
  /** Strength of anyone an invitation names (they need not be among `people`). */
  strengthOf?: (personId: number) => number;
  /** Items other rules made (introductions), with their own ids; states apply to them too. */
  extraItems?: readonly ContributedItem[];
  states: ReadonlyMap<string, ItemState>;
  now: number;
  zone: string;
  /** The intensity reference of the network (strength.ts), for revive's former strength. */
  reference?: number;
  /** The owner's own organisations, for what a follow-up can build on. */
  owner?: OwnerContext;
  /**
   * People kept apart who may be one person (docs/rules/agenda.md#possibly-one-person): one care item between
   * the two, as for one person.
   */
  possiblySame?: ReadonlyArray<readonly [number, number]>;
}

export interface Agenda {
  items: AgendaItem[];
  /**
   * Unanswered messages from people who are neither connections nor earlier contacts
   * (docs/rules/agenda.md#unknown-senders).
   */
  unknownSenders: number;
  /** Who they are, strongest tie first (the line names them). */
  unknownSenderIds: number[];
}

type CareEntry = { person: AgendaPerson; facts: RelationshipFacts | undefined; strength: TieStrength };
type CareContext = { reference?: number; owner?: OwnerContext };

/** Every care item whose rule holds for one person, before precedence and states are applied. */
export function careItemsFor(entry: CareEntry, now: number, zone: string, context: CareContext = {}) {
  const care = undescribedCareItems(entry, now, zone, context);
  describeItems(care.items);
  return care;
}

/** careItemsFor with the items' words left to `describeItems`. */
function undescribedCareItems(
  entry: CareEntry,
  now: number,
  zone: string,
  context: CareContext,
): { items: AgendaItem[]; unknownSender: boolean } {
  const { person, strength } = entry;
  const facts = entry.facts;
  const today = toLocalDate(now, zone);
  const days = (at: number) => calendarDaysBetween(at, now, zone);
  // Facts are distilled as of `now` (services/relationship.service.ts): no event in them is later.
  const exchangeCount = facts?.exchangeCount ?? 0;
  const lastExchange = facts?.lastExchangeAt ?? null;
  const suggestionFacts = (): SuggestionFacts => ({
    name: person.name,
    company: person.company,
    position: person.position,
    howMet: person.howMet,
    needs: person.needs,
    offers: person.offers,
    goals: person.goals,
    lastTopic: facts?.lastTopic?.summary ?? null,
    lastTopicDate: facts?.lastTopic ? toLocalDate(facts.lastTopic.at, zone) : null,
    connectedOn: person.connectedAt !== null ? toLocalDate(person.connectedAt, zone) : null,
  });
  const items: AgendaItem[] = [];
  const item = (
    kind: AgendaKind,
    trigger: string | number,
    due: string,
    describe: () => readonly [reason: string, suggestion: string],
    triggerAt: number | null,
    worth: number = strength.score,
  ) =>
    items.push(
      withWords(
        {
          id: agendaItemId(kind, person.id, trigger),
          kind,
          person: { id: person.id, name: person.name },
          subject: person.name,
          due,
          reason: '',
          suggestion: '',
          strength: strength.score,
          triggerAt,
          worth,
        },
        describe,
      ),
    );

  const isConnection = person.connectionState === 'connected';
  const lastOneToOne = facts?.lastOneToOne ?? null;
  let unknownSender = false;
  // A two-way exchange after their message (a logged call, a meeting) answers it too.
  const answered = lastOneToOne !== null && lastExchange !== null && lastExchange > lastOneToOne.at;
  if (
    lastOneToOne?.direction === 'in' &&
    days(lastOneToOne.at) <= AGENDA_RULES.replyWithinDays &&
    !answered
  ) {
    const knownBefore = facts?.firstExchangeAt != null && facts.firstExchangeAt < lastOneToOne.at;
    if (isConnection || knownBefore) {
      const sent = toLocalDate(lastOneToOne.at, zone);
      item(
        'reply',
        lastOneToOne.id,
        addDays(sent, AGENDA_RULES.replyDueDays),
        () => [
          `${person.name} wrote on ${sent} (${days(lastOneToOne.at)} days ago) and has no answer yet`,
          replySuggestion({ ...suggestionFacts(), lastTopic: lastOneToOne.summary, lastTopicDate: sent }),
        ],
        lastOneToOne.at,
      );
    } else {
      unknownSender = true;
    }
  }

  if (isConnection && person.connectedAt !== null && person.connectedAt <= now) {
    const sinceConnected = days(person.connectedAt);
    const theyWrote = facts?.lastFromThem != null && facts.lastFromThem.at >= person.connectedAt;
    // A call or meeting since connecting is something said by me too, whoever placed it.
    const iWrote =
      (facts?.firstFromMeAfterConnection != null && facts.firstFromMeAfterConnection <= now) ||
      (lastExchange !== null && lastExchange >= person.connectedAt);
    const expiresAfter = AGENDA_RULES.followUpDueDays + AGENDA_RULES.followUpExpiresAfterDays;
    if (sinceConnected <= expiresAfter && !iWrote && !theyWrote) {
      const connectedOn = toLocalDate(person.connectedAt, zone);
      item(
        'follow-up',
        `connected:${person.connectedAt}`,
        addDays(connectedOn, AGENDA_RULES.followUpDueDays),
        () => [
          `connected on ${connectedOn} (${sinceConnected} days ago) and nothing said since`,
          followUpSuggestion(suggestionFacts()),
        ],
        person.connectedAt,
        followUpWorth(followUpBasis(person, context.owner), sinceConnected),
      );
    }
  }

  if (facts && exchangeCount > 0) {
    const writeDays = facts.unanswered.days;
    const first = facts.unanswered.firstAt;
    // A two-way exchange (a call) after my first unanswered message makes the effort mutual again.
    if (
      writeDays >= AGENDA_RULES.letGoMinDays &&
      first !== null &&
      days(first) > AGENDA_RULES.letGoAfterDays &&
      (lastExchange === null || lastExchange <= first)
    ) {
      const theirLast = facts.lastFromThem ? toLocalDate(facts.lastFromThem.at, zone) : null;
      item(
        'let-go',
        facts.lastFromThem?.id ?? `first:${first}`,
        today,
        () => [
          `you wrote on ${writeDays} different days since ${theirLast ? `their last message on ${theirLast}` : 'you last heard from them'}, the first ${days(first)} days ago`,
          letGoSuggestion(suggestionFacts(), writeDays, theirLast, toLocalDate(first, zone)),
        ],
        facts.lastFromThem?.at ?? first,
      );
    }
  }

  const circle = person.circle;
  const cadence = circle ? CADENCE_DAYS[circle] : null;
  if (cadence !== null && circle) {
    const base = lastExchange ?? person.connectedAt;
    if (base !== null && days(base) >= cadence) {
      const baseDate = toLocalDate(base, zone);
      item(
        'keep-in-touch',
        `exchange:${base}`,
        addDays(baseDate, cadence),
        () => [
          lastExchange !== null
            ? `${circle} circle (every ${cadence} days): last two-way exchange on ${baseDate}, ${days(base)} days ago`
            : `${circle} circle (every ${cadence} days): no two-way exchange since connecting on ${baseDate}`,
          keepInTouchSuggestion(
            suggestionFacts(),
            lastExchange !== null ? days(base) : null,
            circle,
            baseDate,
          ),
        ],
        base,
      );
    }
  }

  if (
    lastExchange !== null &&
    exchangeCount >= AGENDA_RULES.reviveMinExchanges &&
    days(lastExchange) > AGENDA_RULES.reviveAfterDays
  ) {
    const lastDate = toLocalDate(lastExchange, zone);
    const reference = context.reference ?? INTENSITY_REFERENCE_FLOOR;
    const former = formerStrength(facts!, person.connectedAt, reference, zone);
    const revive = reviveWorth(facts!, former, now, zone);
    item(
      'revive',
      `exchange:${lastExchange}`,
      today,
      () => [
        `${exchangeCount} two-way exchanges in the past, the last on ${lastDate} (${days(lastExchange)} days ago, ${Math.round(revive.overdue)}× your usual ${Math.round(revive.usualGap)} days between exchanges); strength then ${former}`,
        reviveSuggestion(suggestionFacts(), lastDate),
      ],
      lastExchange,
      revive.worth,
    );
  }
  return { items, unknownSender };
}

/**
 * Incoming, not a connection, sent within 90 days before the export's date
 * (docs/rules/invitations.md#pending).
 */
export function isPendingInvitation(invitation: AgendaInvitation, now: number, zone: string): boolean {
  if (invitation.direction !== 'in' || invitation.counterpartConnected || invitation.sentAt > now)
    return false;
  const reference = Math.min(invitation.exportAt ?? now, now);
  return calendarDaysBetween(invitation.sentAt, reference, zone) <= AGENDA_RULES.pendingWithinDays;
}

function visible(id: string, states: ReadonlyMap<string, ItemState>, today: string): boolean {
  return !markHides(id, states, today);
}

/** Every item the rules make, before precedence and marks: any id `today` shows is among them. */
export function everyAgendaItem(input: Omit<AgendaInput, 'states'>): AgendaItem[] {
  const { items } = collectItems({ ...input, states: new Map() }, false);
  describeItems(items);
  return items;
}

/** `describe: false` leaves the items' reason and next step to `describeItems` (only those shown). */
export function buildAgenda(input: AgendaInput, options: { describe?: boolean } = {}): Agenda {
  const { items, unknown } = collectItems(input, true);
  if (options.describe !== false) describeItems(items);
  items.sort(compareItems);
  // Ties by id: the same order whatever order the database read the people in (SQLite, PostgreSQL, an index).
  const unknownSenderIds = unknown.sort((a, b) => b.score - a.score || a.id - b.id).map((entry) => entry.id);
  return { items, unknownSenders: unknownSenderIds.length, unknownSenderIds };
}

function collectItems(input: AgendaInput, applyMarks: boolean) {
  const { now, zone, states } = input;
  const today = toLocalDate(now, zone);
  const quiet = quietByPerson(states, today);
  const items: AgendaItem[] = [];
  const unknown: Array<{ id: number; score: number }> = [];
  for (const entry of input.people) {
    if (entry.person.archived || entry.person.doNotContact) continue;
    const care = undescribedCareItems(entry, now, zone, { reference: input.reference, owner: input.owner });
    if (care.unknownSender) unknown.push({ id: entry.person.id, score: entry.strength.score });
    if (!applyMarks) {
      items.push(...care.items);
      continue;
    }
    const personQuiet = quiet.get(entry.person.id);
    const open = care.items
      .filter((item) =>
        careItemShows({ id: item.id, triggerAt: item.triggerAt ?? null }, personQuiet, states, today),
      )
      .sort((a, b) => PRECEDENCE[a.kind] - PRECEDENCE[b.kind]);
    if (open[0]) items.push(open[0]);
  }
  if (applyMarks && input.possiblySame?.length) oneCareItemEach(items, input.possiblySame);
  const scores = new Map(input.people.map((entry) => [entry.person.id, entry.strength.score]));
  const strengthOf = (personId: number) => scores.get(personId) ?? input.strengthOf?.(personId) ?? 0;
  for (const invitation of input.invitations) {
    if (!isPendingInvitation(invitation, now, zone) || invitation.decision) continue;
    const sent = toLocalDate(invitation.sentAt, zone);
    const id = agendaItemId('triage', invitation.personId ?? 0, `invitation:${invitation.id}`);
    if (!visible(id, states, today)) continue;
    // Due the day it arrived; late after 7 days (docs/rules/agenda.md#triage-item).
    const waiting = calendarDaysBetween(invitation.sentAt, now, zone);
    const late = waiting > AGENDA_RULES.triageLateAfterDays ? `, waiting ${waiting} days` : '';
    const triage: AgendaItem = {
      id,
      kind: 'triage',
      person: invitation.personId !== null ? { id: invitation.personId, name: invitation.name } : null,
      subject: invitation.name,
      due: sent,
      reason: '',
      suggestion: '',
      strength: invitation.personId !== null ? strengthOf(invitation.personId) : 0,
      // The longest waiting is the most urgent.
      worth: waiting,
      invitationId: invitation.id,
    };
    items.push(
      withWords(triage, () => [
        `${invitation.name} invited you on ${sent}${invitation.message ? ' with a note' : ' without a note'}${late}`,
        triageSuggestion(invitation.name, invitation.message, sent, invitation.verdict),
      ]),
    );
  }
  for (const item of input.extraItems ?? [])
    if (visible(item.id, states, today)) items.push({ ...item, worth: item.worth ?? item.strength });
  return { items, unknown };
}
