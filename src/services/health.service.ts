import { isPendingInvitation } from '../domain/agenda.js';
import type { Band } from '../domain/strength.js';
import { bandOf } from '../domain/strength.js';
import { calendarDaysBetween } from '../domain/time.js';
import { createPersonRepository } from '../store/person.repository.js';
import type { Store } from '../store/store.js';
import { loadInvitationContext, toAgendaInvitation } from './invitation-context.js';
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

const ratio = (part: number, whole: number) => Math.round((part / whole) * 1000) / 1000;

/**
 * `tend health`: depth and the other figures of product.md capability 9, as rules.md defines them. Bands
 * need a score only for people with a two-way exchange in the last year; everyone else is none or dormant
 * from their columns alone.
 */
export function createHealthService(deps: { store: Store; relationships: RelationshipService }) {
  return {
    async figures(now: number): Promise<NetworkHealth> {
      const view = await deps.relationships.view(now);
      const { zone } = view;
      const connections = await view.connections();
      const bands: Record<Band, number> = { strong: 0, medium: 0, weak: 0, dormant: 0, none: 0 };
      const circles: Record<string, number> = {};
      let conversed = 0;
      let newConnections = 0;
      let followedUp = 0;
      const toScore: number[] = [];
      for (const connection of connections) {
        if (connection.circle) circles[connection.circle] = (circles[connection.circle] ?? 0) + 1;
        if (connection.exchangeCount > 0 && connection.lastExchangeAt !== null) {
          conversed++;
          // bandOf's precedence: none and dormant do not depend on the score.
          const band = bandOf(0, calendarDaysBetween(connection.lastExchangeAt, now, zone));
          if (band === 'dormant') bands.dormant++;
          else toScore.push(connection.id);
        } else {
          bands.none++;
        }
        if (
          connection.connectedAt !== null &&
          connection.connectedAt <= now &&
          calendarDaysBetween(connection.connectedAt, now, zone) <= 365
        ) {
          newConnections++;
          const first = connection.firstFromMeAt;
          if (first !== null && first <= now && calendarDaysBetween(connection.connectedAt, first, zone) <= 7)
            followedUp++;
        }
      }
      const [people, facts] = await Promise.all([
        createPersonRepository(deps.store).findByIds(toScore),
        view.facts(toScore),
      ]);
      for (const person of people) bands[view.score(person, facts.get(person.id)).band]++;
      const invitations = await loadInvitationContext(deps.store);
      const pendingInvitations = invitations.all.filter((invitation) =>
        isPendingInvitation(toAgendaInvitation(invitation, invitations.connected), now, zone),
      ).length;
      return {
        connections: connections.length,
        archived: connections.filter((connection) => connection.archived).length,
        conversed,
        depth: connections.length > 0 ? ratio(conversed, connections.length) : 0,
        followUpRate: newConnections > 0 ? ratio(followedUp, newConnections) : null,
        newConnections,
        followedUp,
        bands,
        circles,
        giveAsk: await view.giveAsk(),
        pendingInvitations,
      };
    },
  };
}
