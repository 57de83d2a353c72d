import type { AgendaInvitation } from '../domain/agenda.js';
import type { Person } from '../domain/person.js';
import { createInvitationRepository, type InvitationRecord } from '../store/invitation.repository.js';
import { createPersonRepository } from '../store/person.repository.js';
import type { StoreContext } from '../store/store.js';

/** Every invitation with the people it names: what the agenda, triage and health need of invitations. */
export interface InvitationContext {
  all: InvitationRecord[];
  people: Map<number, Person>;
  connected: Set<number>;
  /** The note of the newest accepted invitation per connection: "how we met" (derived when read). */
  howMet: Map<number, string>;
}

export async function loadInvitationContext(store: StoreContext): Promise<InvitationContext> {
  const all = await createInvitationRepository(store).listAll();
  const ids = [
    ...new Set(all.flatMap((invitation) => (invitation.personId !== null ? [invitation.personId] : []))),
  ];
  const people = new Map(
    (await createPersonRepository(store).findByIds(ids)).map((person) => [person.id, person]),
  );
  const connected = new Set(
    [...people.values()]
      .filter((person) => person.connectionState === 'connected')
      .map((person) => person.id),
  );
  const howMet = new Map<number, string>();
  // listAll is newest first: walk oldest first, so the newest accepted note wins.
  for (const invitation of [...all].reverse()) {
    if (invitation.personId !== null && connected.has(invitation.personId) && invitation.message)
      howMet.set(invitation.personId, invitation.message);
  }
  return { all, people, connected, howMet };
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
