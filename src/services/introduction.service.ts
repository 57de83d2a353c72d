import { agendaItemId, type ContributedItem } from '../domain/agenda.js';
import { AppError } from '../domain/errors.js';
import {
  advanceIntroduction,
  draftFor,
  INTRODUCTION_STEPS,
  isFinished,
  draftOnOneLine,
  isIntroductionStep,
  NEXT_STEPS,
  recordsOfStep,
  stallOf,
  stepSummary,
  toParty,
  type Draft,
  type IntroductionState,
  type IntroductionStep,
} from '../domain/introduction-flow.js';
import {
  bestFitBetween,
  MATCHING,
  suggestIntroductions,
  type IntroductionSuggestion,
} from '../domain/introduction-matching.js';
import { toMatchPerson } from '../domain/introduction-types.js';
import type { Person } from '../domain/person.js';
import { hash53 } from '../domain/source-key.js';
import type { TieStrength } from '../domain/strength.js';
import { firstNameOf } from '../domain/suggestions.js';
import { calendarDaysBetween, toLocalDate } from '../domain/time.js';
import { createInteractionRepository, type NewInteraction } from '../store/interaction.repository.js';
import {
  createIntroductionRepository,
  type IntroductionHistoryEntry,
  type IntroductionRecord,
} from '../store/introduction.repository.js';
import { createPersonRepository } from '../store/person.repository.js';
import { createRelationshipRepository } from '../store/relationship.repository.js';
import type { Store } from '../store/store.js';
import { giveAskLedger, type LedgerPerson } from './give-ask-ledger.js';
import type { PeopleService } from './people.service.js';
import type { RelationshipService } from './relationship.service.js';
import type { SettingsService } from './settings.service.js';

export type { LedgerPerson } from './give-ask-ledger.js';

export interface IntroductionView {
  id: number;
  a: { id: number; name: string };
  b: { id: number; name: string };
  why: string | null;
  state: IntroductionState;
  /** When the current state began. */
  since: number;
  next: readonly IntroductionStep[];
  /** What I send next (a reminder while waiting), or null when there is nothing to send. */
  draft: Draft | null;
  /** Waiting states and the introduction itself have a due date; past it, the step has stalled. */
  due: string | null;
  stalled: boolean;
  history: IntroductionHistoryEntry[];
}

/** At most this many suggestions become agenda items a day, each person in one of them. */
const AGENDA_SUGGESTIONS = 3;

/**
 * Introductions (docs/rules/introductions-and-paths.md): suggestions among people I know well, the double
 * opt-in workflow with a draft for every step, and the give/ask ledger.
 */
export function createIntroductionService(deps: {
  store: Store;
  people: PeopleService;
  relationships: RelationshipService;
  settings: SettingsService;
  clock: () => number;
}) {
  const { store, people, relationships, settings, clock } = deps;

  async function peopleByIds(ids: readonly number[]): Promise<Map<number, Person>> {
    const found = await createPersonRepository(store).findByIds(ids);
    return new Map(found.map((person) => [person.id, person]));
  }

  async function suggestWithTies(now: number, given?: ReadonlyMap<number, TieStrength>) {
    // Suggestions start from someone's need or goal: with none recorded, nobody needs scoring.
    if (!(await createIntroductionRepository(store).anyoneSeeking()))
      return { suggestions: [], known: new Map<number, TieStrength>() };
    const known = given
      ? new Map([...given].filter(([, tie]) => tie.band === 'strong' || tie.band === 'medium'))
      : await relationships.wellKnown(now);
    const found = await peopleByIds([...known.keys()]);
    const candidates = [...found.values()].map((person) => toMatchPerson(person, known.get(person.id)));
    const repository = createIntroductionRepository(store);
    const [groupThreads, knownTies, started] = await Promise.all([
      repository.groupThreads(candidates.map((person) => person.id)),
      createRelationshipRepository(store).tiePairs(),
      repository.list(),
    ]);
    const suggestions = suggestIntroductions(candidates, {
      groupThreads,
      knownTies,
      introductions: started.map((record) => [record.personA, record.personB] as const),
    });
    return { suggestions, known };
  }

  function viewOf(record: IntroductionRecord, a: Person, b: Person, now: number): IntroductionView {
    const zone = settings.timeZone();
    const stall = stallOf(record.state, record.stateAt, now, zone);
    // While waiting (for an answer, or 30 days for the meeting), the reminder is worth sending once stalled.
    const waiting = stall !== null;
    const draft = draftFor(record.state, {
      a: toParty(a),
      b: toParty(b),
      why: record.why,
      fit: bestFitBetween(toMatchPerson(a, undefined), toMatchPerson(b, undefined)),
      since: toLocalDate(record.stateAt, zone),
    });
    return {
      id: record.id,
      a: { id: a.id, name: a.name },
      b: { id: b.id, name: b.name },
      why: record.why,
      state: record.state,
      since: record.stateAt,
      next: NEXT_STEPS[record.state],
      draft: waiting && !stall.stalled ? null : draft,
      due: stall?.due ?? null,
      stalled: stall?.stalled ?? false,
      history: record.history,
    };
  }

  async function viewsOf(records: readonly IntroductionRecord[], now: number): Promise<IntroductionView[]> {
    const found = await peopleByIds([...new Set(records.flatMap((r) => [r.personA, r.personB]))]);
    const views: IntroductionView[] = [];
    for (const record of records) {
      const a = found.get(record.personA);
      const b = found.get(record.personB);
      if (a && b) views.push(viewOf(record, a, b, now));
    }
    return views;
  }

  function refuseUnreachable(person: Person): void {
    if (person.doNotContact)
      throw new AppError(
        'conflict',
        `${person.name} is marked do-not-contact: tend will not draft messages to them (tend set ${person.id} --allow-contact undoes it)`,
      );
    if (person.archivedAt !== null)
      throw new AppError(
        'conflict',
        `${person.name} is archived (tend unarchive ${person.id} brings them back)`,
      );
  }

  async function refuseWeakTies(a: Person, b: Person, now: number): Promise<void> {
    const ties = await relationships.strengths(now, [a.id, b.id]);
    const weak = [a, b]
      .map((person) => ({ person, tie: ties.get(person.id) }))
      .filter(({ tie }) => tie?.band !== 'strong' && tie?.band !== 'medium');
    if (weak.length === 0) return;
    const described = weak
      .map(({ person, tie }) => `${person.name} is ${tie?.band ?? 'none'} (score ${tie?.score ?? 0})`)
      .join(' and ');
    throw new AppError(
      'conflict',
      `you can't introduce someone you don't know: your tie to ${described}; introduce only through strong or medium ties (40 or more), so revive the tie first`,
      {
        weak: weak.map(({ person, tie }) => ({
          id: person.id,
          band: tie?.band ?? 'none',
          score: tie?.score ?? 0,
        })),
      },
    );
  }

  function interactionsOf(
    record: IntroductionRecord,
    step: IntroductionStep,
    a: Person,
    b: Person,
    note: string | null,
    at: number,
  ): NewInteraction[] {
    return recordsOfStep(step).map((entry) => {
      const person = entry.who === 'a' ? a : b;
      return {
        personId: person.id,
        kind: entry.kind,
        direction: entry.direction,
        at,
        channel: 'intro',
        // One conversation per introduction and person: answers pair with the asks for exchanges.
        conversationKey: entry.kind === 'message' ? `intro:${record.id}:${person.id}` : null,
        groupSize: 2,
        summary: stepSummary(step, record.id, a, b, note),
        textHash: null,
        skippedReason: null,
        source: 'user',
        // Stable per introduction, step, person and kind: recording a step again adds nothing.
        sourceKey: hash53('intro', record.id, step, person.id, entry.kind),
      };
    });
  }

  /** Open introductions first (the longest waiting first), then the finished ones. */
  async function list(now: number = clock()): Promise<IntroductionView[]> {
    const records = await createIntroductionRepository(store).list();
    const sorted = [...records].sort(
      (x, y) =>
        Number(isFinished(x.state)) - Number(isFinished(y.state)) || x.stateAt - y.stateAt || x.id - y.id,
    );
    return viewsOf(sorted, now);
  }

  async function get(id: number, now: number = clock()): Promise<IntroductionView> {
    const record = await createIntroductionRepository(store).findById(id);
    if (!record) throw new AppError('not-found', `no introduction with id ${id}: tend intro list shows them`);
    const [view] = await viewsOf([record], now);
    if (!view) throw new AppError('not-found', `introduction ${id} names a person who no longer exists`);
    return view;
  }

  return {
    /** Complementary pairs among people I know well, strongest first. */
    async suggest(now: number): Promise<IntroductionSuggestion[]> {
      return (await suggestWithTies(now)).suggestions;
    },

    async start(refA: string, refB: string, why: string | null): Promise<IntroductionView> {
      const now = clock();
      const a = await people.resolveRef(refA);
      const b = await people.resolveRef(refB);
      if (a.id === b.id)
        throw new AppError(
          'usage',
          `both references are ${a.name}: an introduction needs two different people`,
        );
      refuseUnreachable(a);
      refuseUnreachable(b);
      await refuseWeakTies(a, b, now);
      const repository = createIntroductionRepository(store);
      const open = await repository.openForPair(a.id, b.id);
      if (open) {
        throw new AppError(
          'conflict',
          `${a.name} and ${b.name} already have an open introduction (${open.id}, ${open.state} since ${toLocalDate(open.stateAt, settings.timeZone())}): continue it with tend intro advance ${open.id} ${NEXT_STEPS[open.state].join('|')}`,
          { id: open.id },
        );
      }
      const text = why?.replace(/\s+/g, ' ').trim() || null;
      const record: Omit<IntroductionRecord, 'id'> = {
        personA: a.id,
        personB: b.id,
        why: text,
        state: 'proposed',
        stateAt: now,
        history: [{ state: 'proposed', at: now, note: text }],
        createdAt: now,
      };
      const id = await repository.insert(record);
      return viewOf({ ...record, id }, a, b, now);
    },

    list,
    get,

    /**
     * Records a step (the state machine refuses one out of order), logs it as messages on channel `intro`
     * and, on `introduced`, one introduction made for each of the two. All in one transaction.
     */
    async advance(id: number, step: string, options: { note?: string } = {}): Promise<IntroductionView> {
      if (!isIntroductionStep(step))
        throw new AppError('usage', `unknown step "${step}": use one of ${INTRODUCTION_STEPS.join(', ')}`);
      const now = clock();
      const note = options.note?.replace(/\s+/g, ' ').trim() || null;
      const record = await store.transaction(async (trx) => {
        const repository = createIntroductionRepository(trx);
        const current = await repository.findById(id);
        if (!current)
          throw new AppError('not-found', `no introduction with id ${id}: tend intro list shows them`);
        const state = advanceIntroduction(current.state, step);
        if (now < current.stateAt)
          throw new AppError(
            'conflict',
            `the clock (${new Date(now).toISOString()}) is before the introduction's last step (${new Date(current.stateAt).toISOString()})`,
          );
        const personRepository = createPersonRepository(trx);
        const a = await personRepository.findById(current.personA);
        const b = await personRepository.findById(current.personB);
        if (!a || !b)
          throw new AppError('not-found', `introduction ${id} names a person who no longer exists`);
        const next: IntroductionRecord = {
          ...current,
          state,
          stateAt: now,
          history: [...current.history, { state, at: now, note }],
        };
        if (!(await repository.updateState(id, current.state, next)))
          throw new AppError(
            'conflict',
            `introduction ${id} changed meanwhile: look again with tend intro list`,
          );
        await createInteractionRepository(trx).insertMany(
          interactionsOf(current, step, a, b, note, now),
          now,
        );
        // The same path as `tend log`: the people's relationship facts follow what was recorded.
        for (const person of new Set(recordsOfStep(step).map((entry) => (entry.who === 'a' ? a.id : b.id))))
          await relationships.refreshPerson(trx, person);
        return next;
      });
      return get(record.id, now);
    },

    /**
     * Strong suggestions and stalled steps, as items of the daily agenda (kind `introduce`). The agenda may
     * pass the tie strengths it already has (everyone's, at `now`), so the network is scored once.
     */
    async agendaItems(now: number, ties?: ReadonlyMap<number, TieStrength>): Promise<ContributedItem[]> {
      const zone = settings.timeZone();
      const today = toLocalDate(now, zone);
      const { suggestions, known } = await suggestWithTies(now, ties);
      const items: ContributedItem[] = [];
      const used = new Set<number>();
      for (const suggestion of suggestions) {
        if (items.length >= AGENDA_SUGGESTIONS || suggestion.score < MATCHING.strong) break;
        const { a, b } = suggestion;
        if (used.has(a.id) || used.has(b.id)) continue;
        used.add(a.id).add(b.id);
        items.push({
          id: agendaItemId('introduce', a.id, `pair:${a.id}:${b.id}`),
          kind: 'introduce',
          person: a,
          subject: `${a.name} ↔ ${b.name}`,
          due: today,
          reason: `${suggestion.reasons[0] ?? 'they fit'} (score ${suggestion.score})`,
          suggestion: `Ask ${firstNameOf(a.name)} whether they'd like to meet ${firstNameOf(b.name)}: tend intro start ${a.id} ${b.id}`,
          strength: Math.min(known.get(a.id)?.score ?? 0, known.get(b.id)?.score ?? 0),
        });
      }
      const open = (await list(now)).filter((view) => view.stalled);
      if (open.length === 0) return items;
      const found = await peopleByIds([...new Set(open.flatMap((view) => [view.a.id, view.b.id]))]);
      const scored = ties ?? (await relationships.strengths(now, [...found.keys()]));
      for (const view of open) {
        const a = found.get(view.a.id);
        const b = found.get(view.b.id);
        if (!a || !b || [a, b].some((person) => person.doNotContact || person.archivedAt !== null)) continue;
        const waitingOn = view.state === 'asked-b' ? b : a;
        const since = toLocalDate(view.since, zone);
        const days = calendarDaysBetween(view.since, now, zone);
        const reason =
          view.state === 'introduced'
            ? `you introduced ${a.name} and ${b.name} on ${since}, ${days} days ago, and have not recorded how it went`
            : `you asked ${waitingOn.name} on ${since} (${days} days ago) about meeting ${(waitingOn === a ? b : a).name} and have no answer yet`;
        const record =
          view.state === 'introduced'
            ? `then tend intro advance ${view.id} outcome --note "…"`
            : `then tend intro advance ${view.id} ${view.next.join('|')}`;
        items.push({
          id: agendaItemId('introduce', waitingOn.id, `intro:${view.id}:${view.state}:${view.since}`),
          kind: 'introduce',
          person: { id: waitingOn.id, name: waitingOn.name },
          subject: `${a.name} ↔ ${b.name}`,
          due: view.due ?? today,
          reason,
          suggestion: `${view.draft ? `Send: “${draftOnOneLine(view.draft.text)}”` : 'Follow up'}; ${record}`,
          strength: Math.min(scored.get(a.id)?.score ?? 0, scored.get(b.id)?.score ?? 0),
        });
      }
      return items;
    },

    /** The give/ask ledger (give-ask-ledger.ts). */
    ledger: (ref?: string): Promise<LedgerPerson[]> => giveAskLedger({ store, people }, clock(), ref),
  };
}

export type IntroductionService = ReturnType<typeof createIntroductionService>;
