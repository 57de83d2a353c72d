import type { Circle, ConnectionState, Person } from './person.js';

/** A person as the agenda sees them (docs/rules/agenda.md). */
export interface AgendaPerson {
  id: number;
  name: string;
  company: string | null;
  position: string | null;
  howMet: string | null;
  needs: readonly string[];
  offers: readonly string[];
  goals: readonly string[];
  circle: Circle | null;
  connectionState: ConnectionState;
  connectedAt: number | null;
  doNotContact: boolean;
  archived: boolean;
  /** The user's notes: something to build a follow-up on. */
  notes?: string | null;
}

/** A person as the agenda sees them; `howMet` is their own, before an accepted invitation's note. */
export function agendaPersonOf(person: Person): AgendaPerson {
  return {
    id: person.id,
    name: person.name,
    company: person.company,
    position: person.position,
    howMet: person.howMet,
    needs: person.needs,
    offers: person.offers,
    goals: person.goals,
    circle: person.circle,
    connectionState: person.connectionState,
    connectedAt: person.connectedAt,
    doNotContact: person.doNotContact,
    archived: person.archivedAt !== null,
    notes: person.notes,
  };
}
