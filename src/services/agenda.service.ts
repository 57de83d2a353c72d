import {
  buildAgenda,
  describeItems,
  everyAgendaItem,
  type Agenda,
  type AgendaInput,
  type AgendaInvitation,
  type AgendaItem,
  type ContributedItem,
} from '../domain/agenda.js';
import {
  DEFAULT_DAILY_BUDGET,
  groupByKind,
  planDay,
  ranksWithinKind,
  type DailyPlan,
} from '../domain/daily-plan.js';
import { AppError } from '../domain/errors.js';
import type { RelationshipFacts } from '../domain/relationship-facts.js';
import { toLocalDate } from '../domain/time.js';
import { createAgendaStateRepository } from '../store/agenda-state.repository.js';
import { createDataAgeRepository } from '../store/data-age.repository.js';
import { createOwnerFactsRepository } from '../store/owner-facts.repository.js';
import { createInvitationRepository } from '../store/invitation.repository.js';
import { createPersonRepository } from '../store/person.repository.js';
import type { Store } from '../store/store.js';
import { loadInvitationContext, toAgendaInvitation, type InvitationContext } from './invitation-context.js';
import { possiblySamePeople } from './possibly-same-people.js';
import type { RelationshipService, RelationshipView } from './relationship.service.js';
import type { SettingsService } from './settings.service.js';

/** The day's agenda with what the CLI and the web UI say around it. */
export interface TodayAgenda extends Agenda {
  zone: string;
  /** The people behind `unknownSenders`, in the same order (docs/rules/agenda.md#unknown-senders). */
  unknownSenderNames: string[];
  /** No one in the database at all: "nothing imported yet", not "nothing needs you". */
  nothingImported: boolean;
}

/** What other features add to the day: triage verdicts, introduction items. */
export interface AgendaContributions {
  /** Triage verdicts by invitation id, so the agenda's triage items say what to do. */
  verdicts?: (
    view: RelationshipView,
    invitations: InvitationContext,
    /** The facts of the people the invitations name, read once for both. */
    facts: ReadonlyMap<number, RelationshipFacts>,
  ) => Promise<Map<number, { verdict: string; reason: string }>>;
  /** Items of their own kind (introductions), already with stable ids. */
  items?: (now: number) => Promise<ContributedItem[]>;
}

/**
 * `tend today`: the agenda from per-person facts, invitations and the items' done/snoozed/dismissed states.
 * Only people who can have a care item are read and scored (docs/rules/exchanges-and-strength.md#aggregates).
 */
export function createAgendaService(deps: {
  store: Store;
  relationships: RelationshipService;
  settings?: SettingsService;
  contributions?: () => AgendaContributions;
}) {
  const { store, relationships } = deps;

  /**
   * What the agenda is made from at `now`, before the marks; with `only`, what that one person's items are
   * made from (the same rules: each person's items depend on their own facts and invitations alone).
   */
  async function inputsAt(
    now: number,
    only?: number,
    /** Triage verdicts left to `verdictsFor` (the plan works out those of the invitations it shows). */
    lateVerdicts = false,
  ): Promise<Omit<AgendaInput, 'states'> & { zone: string; verdictsFor: Verdicts }> {
    const view = await relationships.view(now);
    const [candidates, invitations, howMet, ownerFacts] = await Promise.all([
      only === undefined ? view.agendaCandidates() : view.agendaRows([only]),
      loadInvitationContext(store, now, only),
      createInvitationRepository(store).acceptedNotes(only),
      createOwnerFactsRepository(store).list(),
    ]);
    const possiblySame = only === undefined ? await possiblySamePeople(store, candidates) : [];
    const strengthOf = new Map<number, number>();
    // Triage items are ordered by their sender's strength too, also when the sender is no candidate.
    const candidateFacts = new Map(
      candidates.flatMap((candidate) =>
        candidate.facts ? [[candidate.person.id, candidate.facts] as const] : [],
      ),
    );
    const senderFacts = new Map([
      ...candidateFacts,
      ...(await view.facts([...invitations.people.keys()].filter((id) => !candidateFacts.has(id)))),
    ]);
    const candidateIds = new Set(candidates.map((candidate) => candidate.person.id));
    for (const person of invitations.people.values())
      if (!candidateIds.has(person.id))
        strengthOf.set(person.id, view.score(person, senderFacts.get(person.id), false).score);
    const contributions = deps.contributions?.() ?? {};
    type Verdict = { verdict: string; reason: string };
    const verdictsOf = async (ids?: ReadonlySet<number>): Promise<Map<number, Verdict>> =>
      contributions.verdicts && (!ids || ids.size > 0)
        ? contributions.verdicts(
            view,
            ids ? { ...invitations, all: invitations.all.filter((entry) => ids.has(entry.id)) } : invitations,
            senderFacts,
          )
        : new Map<number, Verdict>();
    const verdicts = lateVerdicts ? new Map<number, Verdict>() : await verdictsOf();
    const agendaInvitations: AgendaInvitation[] = invitations.all.map((invitation) => ({
      ...toAgendaInvitation(invitation, invitations.connected),
      verdict: verdicts.get(invitation.id) ?? null,
    }));
    return {
      people: candidates.map(({ person, scoring, facts }) => {
        const strength = view.score(scoring, facts ?? undefined, false);
        strengthOf.set(person.id, strength.score);
        return {
          person: { ...person, howMet: person.howMet ?? howMet.get(person.id) ?? null },
          facts: facts ?? undefined,
          strength,
        };
      }),
      invitations: agendaInvitations,
      async verdictsFor(ids) {
        const late = await verdictsOf(ids);
        for (const invitation of agendaInvitations)
          if (late.has(invitation.id)) invitation.verdict = late.get(invitation.id) ?? null;
      },
      strengthOf: (personId) => strengthOf.get(personId) ?? 0,
      extraItems: contributions.items ? await contributions.items(now) : [],
      now,
      zone: view.zone,
      reference: view.reference,
      possiblySame,
      owner: {
        organizations: ownerFacts
          .filter((fact) => fact.kind === 'position' || fact.kind === 'education')
          .map((fact) => fact.name),
      },
    };
  }

  function dailyBudget(): number {
    const value = Number(deps.settings?.list()['daily-budget']);
    return Number.isInteger(value) && value > 0 ? value : DEFAULT_DAILY_BUDGET;
  }

  /**
   * The day's agenda; `late`: its items' words and triage verdicts are left to the caller (`describeItems`,
   * `verdictsFor`): the plan writes and works out only what it shows (docs/PERFORMANCE.md#agenda-texts).
   */
  async function agendaAt(now: number, late = false): Promise<TodayAgenda & { verdictsFor: Verdicts }> {
    const [inputs, states] = await Promise.all([
      inputsAt(now, undefined, late),
      createAgendaStateRepository(store).all(),
    ]);
    const agenda = buildAgenda({ ...inputs, states }, { describe: !late });
    const persons = createPersonRepository(store);
    const byId = new Map(
      (await persons.findByIds(agenda.unknownSenderIds)).map((person) => [person.id, person.name]),
    );
    return {
      ...agenda,
      verdictsFor: inputs.verdictsFor,
      zone: inputs.zone,
      unknownSenderNames: agenda.unknownSenderIds.map((id) => byId.get(id) ?? `#${id}`),
      nothingImported:
        agenda.items.length === 0 && agenda.unknownSenders === 0 && (await persons.count()) === 0,
    };
  }

  return {
    /** The day's agenda: every item, due or not, marks applied. */
    async today(now: number): Promise<TodayAgenda> {
      const { verdictsFor: _late, ...agenda } = await agendaAt(now);
      return agenda;
    },

    /**
     * One person's items among the day's agenda (due or not, marks applied), as `today` has them, from their
     * own facts and invitations only (`tend show`: docs/PERFORMANCE.md#show).
     */
    async forPerson(personId: number, now: number): Promise<AgendaItem[]> {
      const [inputs, states] = await Promise.all([
        inputsAt(now, personId),
        createAgendaStateRepository(store).all(),
      ]);
      return buildAgenda({ ...inputs, states }).items.filter((item) => item.person?.id === personId);
    },

    /**
     * `tend today`: the daily plan of what is due (docs/rules/agenda.md#daily-plan), or with `all` everything
     * due; each item's rank within its kind, what did not fit, and how old the data is.
     */
    async plan(now: number, options: { all: boolean }): Promise<PlanView> {
      const [{ verdictsFor, ...agenda }, dataAsOf] = await Promise.all([
        agendaAt(now, true),
        createDataAgeRepository(store).asOf(now),
      ]);
      const day = toLocalDate(now, agenda.zone);
      const due = agenda.items.filter((item) => item.due <= day);
      const budget = dailyBudget();
      const byKind = groupByKind(due);
      const plan: DailyPlan = options.all ? { items: due, more: {} } : planDay(due, budget, byKind);
      // Only what is shown is worked out and written (docs/PERFORMANCE.md#agenda-texts).
      await verdictsFor(
        new Set(plan.items.flatMap((item) => (item.invitationId !== undefined ? [item.invitationId] : []))),
      );
      describeItems(plan.items);
      return { ...agenda, ...plan, today: day, budget, ranks: ranksWithinKind(due, byKind), dataAsOf };
    },

    /**
     * The item with this id among everything the rules make today, marked or not: an id `today` showed
     * (its plan or `--all`) is always found (docs/rules/agenda.md#item-ids).
     */
    async findItem(itemId: string, now: number): Promise<AgendaItem> {
      if (!/^[0-9a-f]{12}$/.test(itemId))
        throw new AppError('usage', `"${itemId}" is not an agenda item id: copy it from \`tend today\``);
      const item = everyAgendaItem(await inputsAt(now)).find((candidate) => candidate.id === itemId);
      if (!item)
        throw new AppError(
          'not-found',
          `no agenda item ${itemId} today: \`tend today --all\` lists the current ids`,
        );
      return item;
    },
  };
}

export type AgendaService = ReturnType<typeof createAgendaService>;

/** Works out the triage verdicts of these invitations, into the agenda's invitations (their items' words). */
type Verdicts = (invitationIds: ReadonlySet<number>) => Promise<void>;

export interface PlanView extends TodayAgenda, DailyPlan {
  today: string;
  budget: number;
  /** Each due item's rank within its kind, 1 the most valuable. */
  ranks: Map<string, number>;
  /** The newest imported event (docs/rules/agenda.md#old-data), null when nothing is imported. */
  dataAsOf: number | null;
}
