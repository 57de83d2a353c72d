import { isPendingInvitation } from '../domain/agenda.js';
import type { Band } from '../domain/strength.js';
import { calendarDaysBetween } from '../domain/time.js';
import { createInvitationRepository } from '../store/invitation.repository.js';
import type { Store } from '../store/store.js';
import { toAgendaInvitation } from './agenda.service.js';
import type { RelationshipService } from './relationship.service.js';

export interface NetworkHealth {
  connections: number;
  archived: number;
  conversed: number;
  depth: number;
  followUpRate: number | null;
  newConnections: number;
  followedUp: number;
  bands: Record<Band, number>;
  circles: Record<string, number>;
  giveAsk: { given: number; received: number; introductions: number };
  pendingInvitations: number;
}

/** `tend health`: depth and the other figures of product.md capability 9, as rules.md defines them. */
export function createHealthService(deps: { store: Store; relationships: RelationshipService }) {
  return {
    async figures(now: number): Promise<NetworkHealth> {
      const snapshot = await deps.relationships.snapshot(now);
      const { zone } = snapshot;
      const connections = snapshot.people.filter((person) => person.connectionState === 'connected');
      const bands: Record<Band, number> = { strong: 0, medium: 0, weak: 0, dormant: 0, none: 0 };
      const circles: Record<string, number> = {};
      let conversed = 0;
      let newConnections = 0;
      let followedUp = 0;
      const giveAsk = { given: 0, received: 0, introductions: 0 };
      for (const person of connections) {
        const facts = snapshot.facts.get(person.id);
        if (facts?.exchanges.some((at) => at <= now)) conversed++;
        const band = snapshot.strengths.get(person.id)?.band ?? 'none';
        bands[band]++;
        if (person.circle) circles[person.circle] = (circles[person.circle] ?? 0) + 1;
        if (
          person.connectedAt !== null &&
          person.connectedAt <= now &&
          calendarDaysBetween(person.connectedAt, now, zone) <= 365
        ) {
          newConnections++;
          const first = facts?.firstFromMeAfterConnection;
          if (first != null && first <= now && calendarDaysBetween(person.connectedAt, first, zone) <= 7)
            followedUp++;
        }
      }
      for (const facts of snapshot.facts.values()) {
        giveAsk.given += facts.helpGiven;
        giveAsk.received += facts.helpReceived;
        giveAsk.introductions += facts.introductions;
      }
      const connectedIds = new Set(connections.map((person) => person.id));
      const invitations = await createInvitationRepository(deps.store).listAll();
      const pendingInvitations = invitations.filter((invitation) =>
        isPendingInvitation(toAgendaInvitation(invitation, connectedIds), now, zone),
      ).length;
      return {
        connections: connections.length,
        archived: connections.filter((person) => person.archivedAt !== null).length,
        conversed,
        depth: connections.length > 0 ? Math.round((conversed / connections.length) * 1000) / 1000 : 0,
        followUpRate: newConnections > 0 ? Math.round((followedUp / newConnections) * 1000) / 1000 : null,
        newConnections,
        followedUp,
        bands,
        circles,
        giveAsk,
        pendingInvitations,
      };
    },
  };
}
