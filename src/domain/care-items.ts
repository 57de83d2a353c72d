import {
  followUpBasis,
  followUpWorth,
  formerStrength,
  reviveRhythmText,
  reviveWorth,
  type OwnerContext,
} from './agenda-worth.js';
import { agendaItemId, describeItems, withWords, type AgendaItem, type AgendaKind } from './agenda-item.js';
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
  type SuggestionFacts,
} from './suggestions.js';
import { addDays, calendarDaysBetween, toLocalDate } from './time.js';

/** The care rules (docs/rules/agenda.md#the-care-rules): one person's facts in, their care items out. Pure. */

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

export type CareEntry = { person: AgendaPerson; facts: RelationshipFacts | undefined; strength: TieStrength };
export type CareContext = { reference?: number; owner?: OwnerContext };

/** Every care item whose rule holds for one person, before precedence and states are applied. */
export function careItemsFor(entry: CareEntry, now: number, zone: string, context: CareContext = {}) {
  const care = undescribedCareItems(entry, now, zone, context);
  describeItems(care.items);
  return care;
}

/** careItemsFor with the items' words left to `describeItems`. */
export function undescribedCareItems(
  entry: CareEntry,
  now: number,
  zone: string,
  context: CareContext,
  /** false: items without words or a way to write them (nothing of the person is kept with them). */
  words = true,
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
  ) => {
    const made: AgendaItem = {
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
    };
    items.push(words ? withWords(made, describe) : made);
  };

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
        `${exchangeCount} two-way exchanges in the past, the last on ${lastDate} (${days(lastExchange)} days ago, ${reviveRhythmText(revive)}); strength then ${former}`,
        reviveSuggestion(suggestionFacts(), lastDate),
      ],
      lastExchange,
      revive.worth,
    );
  }
  return { items, unknownSender };
}
