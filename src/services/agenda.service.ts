import {
  buildAgenda,
  type Agenda,
  type AgendaInvitation,
  type AgendaPerson,
  type ItemState,
} from '../domain/agenda.js';
import { AppError } from '../domain/errors.js';
import type { Person } from '../domain/person.js';
import { toLocalDate } from '../domain/time.js';
import { createAgendaStateRepository } from '../store/agenda-state.repository.js';
import { createInvitationRepository, type InvitationRecord } from '../store/invitation.repository.js';
import type { Store } from '../store/store.js';
import type { NetworkSnapshot, RelationshipService } from './relationship.service.js';

export function toAgendaPerson(person: Person, howMet: string | null): AgendaPerson {
  return {
    id: person.id,
    name: person.name,
    company: person.company,
    position: person.position,
    howMet,
    needs: person.needs,
    offers: person.offers,
    goals: person.goals,
    circle: person.circle,
    connectionState: person.connectionState,
    connectedAt: person.connectedAt,
    doNotContact: person.doNotContact,
    archived: person.archivedAt !== null,
  };
}

export function toAgendaInvitation(
  invitation: InvitationRecord,
  connected: ReadonlySet<number>,
): AgendaInvitation {
  return {
    id: invitation.id,
    personId: invitation.personId,
    name: invitation.counterpartName,
    message: invitation.message,
    sentAt: invitation.sentAt,
    exportAt: invitation.exportAt,
    direction: invitation.direction,
    counterpartConnected: invitation.personId !== null && connected.has(invitation.personId),
    decision: invitation.decision,
  };
}

/** `tend today`: the agenda from per-person facts, invitations and the items' done/snoozed/dismissed states. */
export function createAgendaService(deps: {
  store: Store;
  relationships: RelationshipService;
  /** Triage verdicts by invitation id, so the agenda's triage items say what to do. */
  verdicts?: (
    now: number,
    snapshot: NetworkSnapshot,
  ) => Promise<Map<number, { verdict: string; reason: string }>>;
}) {
  const { store, relationships } = deps;

  async function invitationsFor(
    snapshot: NetworkSnapshot,
  ): Promise<{ agenda: AgendaInvitation[]; howMet: Map<number, string> }> {
    const connected = new Set(
      snapshot.people.filter((person) => person.connectionState === 'connected').map((person) => person.id),
    );
    const all = await createInvitationRepository(store).listAll();
    const howMet = new Map<number, string>();
    // Oldest first, so the newest accepted note wins as "how we met".
    for (const invitation of [...all].reverse()) {
      if (invitation.personId !== null && connected.has(invitation.personId) && invitation.message)
        howMet.set(invitation.personId, invitation.message);
    }
    return {
      agenda: all.map((invitation) => toAgendaInvitation(invitation, connected)),
      howMet,
    };
  }

  async function withVerdicts(
    invitations: AgendaInvitation[],
    now: number,
    snapshot: NetworkSnapshot,
  ): Promise<AgendaInvitation[]> {
    if (!deps.verdicts) return invitations;
    const verdicts = await deps.verdicts(now, snapshot);
    return invitations.map((invitation) => ({ ...invitation, verdict: verdicts.get(invitation.id) ?? null }));
  }

  async function agendaAt(now: number, states: ReadonlyMap<string, ItemState>) {
    const snapshot = await relationships.snapshot(now);
    const invitations = await invitationsFor(snapshot);
    const agenda = buildAgenda({
      people: snapshot.people.map((person) => ({
        person: toAgendaPerson(person, person.howMet ?? invitations.howMet.get(person.id) ?? null),
        facts: snapshot.facts.get(person.id),
        strength: snapshot.strengths.get(person.id) ?? {
          score: 0,
          band: 'none',
          reasons: [],
          daysSinceExchange: null,
        },
      })),
      invitations: await withVerdicts(invitations.agenda, now, snapshot),
      states,
      now,
      zone: snapshot.zone,
    });
    return { ...agenda, snapshot };
  }

  return {
    async today(now: number): Promise<Agenda & { snapshot: NetworkSnapshot }> {
      return agendaAt(now, await createAgendaStateRepository(store).all());
    },

    async setItemState(
      itemId: string,
      state: ItemState['state'],
      until: string | null,
      now: number,
      zone: string,
    ): Promise<void> {
      if (!/^[0-9a-f]{12}$/.test(itemId))
        throw new AppError('usage', `"${itemId}" is not an agenda item id: copy it from \`tend today\``);
      const everything = await agendaAt(now, new Map());
      if (!everything.items.some((item) => item.id === itemId)) {
        throw new AppError(
          'not-found',
          `no agenda item ${itemId} today: \`tend today\` lists the current ids`,
        );
      }
      if (state === 'snoozed') {
        if (!until || !/^\d{4}-\d{2}-\d{2}$/.test(until) || Number.isNaN(Date.parse(until))) {
          throw new AppError('usage', '--until needs a date as YYYY-MM-DD');
        }
        if (until <= toLocalDate(now, zone))
          throw new AppError('usage', `--until ${until} is not after today`);
      }
      await createAgendaStateRepository(store).set(itemId, { state, until }, now);
    },
  };
}

export type AgendaService = ReturnType<typeof createAgendaService>;
