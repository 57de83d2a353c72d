import { isPendingInvitation, type AgendaInvitation } from '../domain/agenda.js';
import {
  createInvitationRepository,
  type InvitationPerson,
  type InvitationRecord,
} from '../store/invitation.repository.js';
import type { StoreContext } from '../store/store.js';

/** Incoming invitations that may be pending, with the people they name: what the agenda, triage and health need. */
export interface InvitationContext {
  /** Possibly pending (a superset; `isPendingInvitation` decides), newest first. */
  all: InvitationRecord[];
  people: Map<number, InvitationPerson>;
  connected: Set<number>;
}

/** `personId`: only the invitations that name this person. */
export async function loadInvitationContext(
  store: StoreContext,
  now: number,
  personId?: number,
): Promise<InvitationContext> {
  const rows = await createInvitationRepository(store).listPossiblyPending(now, personId);
  const people = new Map<number, InvitationPerson>();
  for (const row of rows) if (row.person) people.set(row.person.id, row.person);
  const connected = new Set(
    [...people.values()]
      .filter((person) => person.connectionState === 'connected')
      .map((person) => person.id),
  );
  return { all: rows.map((row) => row.invitation), people, connected };
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

/**
 * The invitations `tend triage` lists: pending and not decided yet. Health counts these same ones, so a
 * decision lowers both (docs/rules/prune-and-health.md#health-figures).
 */
export function undecidedPending(context: InvitationContext, now: number, zone: string): InvitationRecord[] {
  return context.all.filter(
    (invitation) =>
      !invitation.decision &&
      isPendingInvitation(toAgendaInvitation(invitation, context.connected), now, zone),
  );
}
