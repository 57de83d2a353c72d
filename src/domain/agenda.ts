import { compareItems, oneCareItemEach, PRECEDENCE } from './agenda-precedence.js';
import { AGENDA_RULES, undescribedCareItems, type CareContext, type CareEntry } from './care-items.js';
import { careItemShows, markHides, quietByPerson, type ItemState } from './agenda-states.js';
import type { OwnerContext } from './agenda-worth.js';
import {
  agendaItemId,
  describeItems,
  withWords,
  type AgendaItem,
  type ContributedItem,
} from './agenda-item.js';
import type { AgendaPerson } from './agenda-person.js';
import type { RelationshipFacts } from './relationship-facts.js';
import type { TieStrength } from './strength.js';
import { triageSuggestion } from './suggestions.js';
import { calendarDaysBetween, toLocalDate } from './time.js';

/** The daily agenda (docs/rules/agenda.md), pure: inputs and `now` in, items out. */

export { agendaPersonOf, type AgendaPerson } from './agenda-person.js';
export { AGENDA_RULES, careItemsFor, type CareEntry } from './care-items.js';
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
  const builder = agendaBuilder({ ...input, states: new Map() }, { applyMarks: false });
  for (const entry of input.people) builder.add(entry);
  const { items } = builder.finish(input);
  describeItems(items);
  return items;
}

/** `describe: false` leaves the items' reason and next step to `describeItems` (only those shown). */
export function buildAgenda(input: AgendaInput, options: { describe?: boolean } = {}): Agenda {
  const builder = agendaBuilder(input);
  for (const entry of input.people) builder.add(entry);
  const agenda = builder.finish(input);
  if (options.describe !== false) describeItems(agenda.items);
  return agenda;
}

/** What the agenda needs to take its people one at a time (`agendaBuilder`). */
export type PeopleContext = Pick<AgendaInput, 'now' | 'zone' | 'states' | 'reference' | 'owner'>;
/** What it needs once they are all read. */
export type AfterPeople = Pick<AgendaInput, 'invitations' | 'strengthOf' | 'extraItems' | 'possiblySame'> & {
  /** false: the items in no particular order (the plan picks its dozen without ordering thousands). */
  sorted?: boolean;
};

/**
 * The agenda built person by person as their rows are read: of a person only their item is kept (and their
 * score, for invitations), so a large network's rows and facts die young instead of filling the heap
 * (docs/PERFORMANCE.md#agenda-stream). With `words: false` the items have no words and no way to write them:
 * the caller writes those of the items it shows from their people's rows, read again.
 */
export function agendaBuilder(
  context: PeopleContext,
  options: { applyMarks?: boolean; words?: boolean } = {},
) {
  const applyMarks = options.applyMarks !== false;
  const { now, zone, states } = context;
  const today = toLocalDate(now, zone);
  const quiet = quietByPerson(states, today);
  const items: AgendaItem[] = [];
  const unknown: Array<{ id: number; score: number }> = [];
  const scores = new Map<number, number>();
  const careContext: CareContext = { reference: context.reference, owner: context.owner };
  return {
    add(entry: CareEntry): void {
      scores.set(entry.person.id, entry.strength.score);
      if (entry.person.archived || entry.person.doNotContact) return;
      const care = undescribedCareItems(entry, now, zone, careContext, options.words !== false);
      if (care.unknownSender) unknown.push({ id: entry.person.id, score: entry.strength.score });
      if (!applyMarks) {
        items.push(...care.items);
        return;
      }
      const personQuiet = quiet.get(entry.person.id);
      let open: AgendaItem | undefined;
      for (const item of care.items)
        if (
          (!open || PRECEDENCE[item.kind] < PRECEDENCE[open.kind]) &&
          careItemShows({ id: item.id, triggerAt: item.triggerAt ?? null }, personQuiet, states, today)
        )
          open = item;
      if (open) items.push(open);
    },

    /** The agenda of everyone added, with the invitations' and other rules' items. */
    finish(rest: AfterPeople): Agenda {
      if (applyMarks && rest.possiblySame?.length) oneCareItemEach(items, rest.possiblySame);
      const strengthOf = (personId: number) => scores.get(personId) ?? rest.strengthOf?.(personId) ?? 0;
      for (const invitation of rest.invitations) {
        const triage = triageItem(invitation, now, zone, strengthOf);
        if (triage && visible(triage.id, states, today)) items.push(triage);
      }
      for (const item of rest.extraItems ?? [])
        if (visible(item.id, states, today)) items.push({ ...item, worth: item.worth ?? item.strength });
      if (rest.sorted !== false) items.sort(compareItems);
      // Ties by id: the same order whatever order the database read the people in (SQLite, PostgreSQL, an index).
      const unknownSenderIds = unknown
        .sort((a, b) => b.score - a.score || a.id - b.id)
        .map((entry) => entry.id);
      return { items, unknownSenders: unknownSenderIds.length, unknownSenderIds };
    },
  };
}

/** A pending, undecided invitation's triage item, due the day it arrived (docs/rules/agenda.md#triage-item). */
function triageItem(
  invitation: AgendaInvitation,
  now: number,
  zone: string,
  strengthOf: (personId: number) => number,
): AgendaItem | null {
  if (!isPendingInvitation(invitation, now, zone) || invitation.decision) return null;
  const sent = toLocalDate(invitation.sentAt, zone);
  // Late after 7 days.
  const waiting = calendarDaysBetween(invitation.sentAt, now, zone);
  const late = waiting > AGENDA_RULES.triageLateAfterDays ? `, waiting ${waiting} days` : '';
  const triage: AgendaItem = {
    id: agendaItemId('triage', invitation.personId ?? 0, `invitation:${invitation.id}`),
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
  return withWords(triage, () => [
    `${invitation.name} invited you on ${sent}${invitation.message ? ' with a note' : ' without a note'}${late}`,
    triageSuggestion(invitation.name, invitation.message, sent, invitation.verdict),
  ]);
}
