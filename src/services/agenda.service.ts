import { buildAgenda, type Agenda, type AgendaItem, type ItemState } from '../domain/agenda.js';
import { parseUntilDate } from '../domain/date-input.js';
import { AppError } from '../domain/errors.js';
import type { RelationshipFacts } from '../domain/relationship-facts.js';
import { toLocalDate } from '../domain/time.js';
import { createAgendaStateRepository } from '../store/agenda-state.repository.js';
import { createInvitationRepository } from '../store/invitation.repository.js';
import type { Store } from '../store/store.js';
import { loadInvitationContext, toAgendaInvitation, type InvitationContext } from './invitation-context.js';
import type { RelationshipService, RelationshipView } from './relationship.service.js';

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
  items?: (now: number) => Promise<AgendaItem[]>;
}

/**
 * `tend today`: the agenda from per-person facts, invitations and the items' done/snoozed/dismissed states.
 * Only people who can have a care item are read and scored (docs/rules/exchanges-and-strength.md#aggregates).
 */
export function createAgendaService(deps: {
  store: Store;
  relationships: RelationshipService;
  contributions?: () => AgendaContributions;
}) {
  const { store, relationships } = deps;

  async function agendaAt(now: number, states: ReadonlyMap<string, ItemState>) {
    const view = await relationships.view(now);
    const [candidates, invitations, howMet] = await Promise.all([
      view.agendaCandidates(),
      loadInvitationContext(store, now),
      createInvitationRepository(store).acceptedNotes(),
    ]);
    const strengthOf = new Map<number, number>();
    // Triage items are ordered by their sender's strength too, also when the sender is no candidate.
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
    const verdicts = contributions.verdicts
      ? await contributions.verdicts(view, invitations, senderFacts)
      : new Map<number, { verdict: string; reason: string }>();
    const agenda = buildAgenda({
      people: candidates.map(({ person, scoring, facts }) => {
        const strength = view.score(scoring, facts ?? undefined, false);
        strengthOf.set(person.id, strength.score);
        return {
          person: { ...person, howMet: person.howMet ?? howMet.get(person.id) ?? null },
          facts: facts ?? undefined,
          strength,
        };
      }),
      invitations: invitations.all.map((invitation) => ({
        ...toAgendaInvitation(invitation, invitations.connected),
        verdict: verdicts.get(invitation.id) ?? null,
      })),
      strengthOf: (personId) => strengthOf.get(personId) ?? 0,
      extraItems: contributions.items ? await contributions.items(now) : [],
      states,
      now,
      zone: view.zone,
    });
    return { ...agenda, zone: view.zone };
  }

  return {
    async today(now: number): Promise<Agenda & { zone: string }> {
      return agendaAt(now, await createAgendaStateRepository(store).all());
    },

    async setItemState(
      itemId: string,
      state: ItemState['state'],
      until: string | null,
      now: number,
      zone: string,
    ): Promise<{ until: string | null }> {
      if (!/^[0-9a-f]{12}$/.test(itemId))
        throw new AppError('usage', `"${itemId}" is not an agenda item id: copy it from \`tend today\``);
      const everything = await agendaAt(now, new Map());
      if (!everything.items.some((item) => item.id === itemId)) {
        throw new AppError(
          'not-found',
          `no agenda item ${itemId} today: \`tend today\` lists the current ids`,
        );
      }
      let date: string | null = null;
      if (state === 'snoozed') {
        const today = toLocalDate(now, zone);
        date = until === null ? null : parseUntilDate(until, today);
        if (date === null)
          throw new AppError(
            'usage',
            `--until needs a real day as YYYY-MM-DD, or 3d, 2w, next-week, next-month${until ? ` (not "${until}")` : ''}`,
          );
        if (date <= today) throw new AppError('usage', `--until ${until} is not after today`);
      }
      await createAgendaStateRepository(store).set(itemId, { state, until: date }, now);
      return { until: date };
    },
  };
}

export type AgendaService = ReturnType<typeof createAgendaService>;
