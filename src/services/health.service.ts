import type { Band } from '../domain/strength.js';
import { bandOf } from '../domain/strength.js';
import { calendarDaysBetween, DAY_MS } from '../domain/time.js';
import { createPersonStatsRepository } from '../store/person-stats.repository.js';
import { createDataAgeRepository } from '../store/data-age.repository.js';
import type { Store } from '../store/store.js';
import { CIRCLES } from '../domain/person.js';
import { createIntroductionRepository } from '../store/introduction.repository.js';
import { introductionsMade } from './give-ask-ledger.js';
import { loadInvitationContext, undecidedPending } from './invitation-context.js';
import type { RelationshipService } from './relationship.service.js';

export interface NetworkHealth {
  connections: number;
  archived: number;
  conversed: number;
  /** null when no message was imported: unknown, not 0 % (docs/rules/prune-and-health.md#health-figures). */
  depth: number | null;
  /** Whether any message was imported. */
  messagesImported: boolean;
  /** The newest imported event (docs/rules/agenda.md#old-data). */
  dataAsOf: number | null;
  followUpRate: number | null;
  newConnections: number;
  followedUp: number;
  /** The bands of connections, archived included (as `connections`). */
  bands: Record<Band, number>;
  /**
   * The bands above dormant of the people `tend people` lists who are not connections (message senders,
   * address-book people): `people band:…` counts them, `bands` does not (docs/rules/prune-and-health.md#health-figures).
   */
  bandsNotConnected: Record<'strong' | 'medium' | 'weak', number>;
  circles: Record<string, number>;
  giveAsk: { given: number; received: number; introductions: number };
  pendingInvitations: number;
}

const ratio = (part: number, whole: number) => Math.round((part / whole) * 1000) / 1000;

/**
 * `tend health`: depth and the other figures of docs/rules/prune-and-health.md#health-figures. Only
 * connections with a two-way exchange in the last year are scored; none and dormant follow from the last
 * exchange alone, and the totals are counted where the rows are.
 */
export function createHealthService(deps: { store: Store; relationships: RelationshipService }) {
  return {
    async figures(now: number): Promise<NetworkHealth> {
      const view = await deps.relationships.view(now);
      const { zone } = view;
      const bands: Record<Band, number> = { strong: 0, medium: 0, weak: 0, dormant: 0, none: 0 };
      const rows = await view.health((connection) => {
        // bandOf's precedence: none and dormant do not depend on the score.
        const band = bandOf(0, calendarDaysBetween(connection.lastExchangeAt, now, zone));
        if (band === 'dormant' || !connection.facts) bands.dormant++;
        else bands[view.score(connection.person, connection.facts, false).band]++;
      });
      bands.none = rows.connections - rows.conversed;
      const bandsNotConnected = { strong: 0, medium: 0, weak: 0 };
      const others = await createPersonStatsRepository(deps.store).conversedOthers(now - 366 * DAY_MS);
      for (const row of others.length > 0 ? await view.agendaRows(others) : []) {
        if (row.person.archived || row.person.connectionState === 'connected' || !row.facts) continue;
        const { band } = view.score(row.scoring, row.facts, false);
        if (band === 'strong' || band === 'medium' || band === 'weak') bandsNotConnected[band]++;
      }
      let newConnections = 0;
      let followedUp = 0;
      for (const { connectedAt, firstFromMeAt } of rows.recent) {
        if (connectedAt > now || calendarDaysBetween(connectedAt, now, zone) > 365) continue;
        newConnections++;
        if (
          firstFromMeAt !== null &&
          firstFromMeAt <= now &&
          calendarDaysBetween(connectedAt, firstFromMeAt, zone) <= 7
        )
          followedUp++;
      }
      const invitations = await loadInvitationContext(deps.store, now);
      const pendingInvitations = undecidedPending(invitations, now, zone).length;
      // Circles in their order, closest first (docs/rules/prune-and-health.md#health-figures).
      const circles: Record<string, number> = {};
      for (const circle of CIRCLES) if (rows.circles[circle]) circles[circle] = rows.circles[circle];
      // One introduction records "introduction made" for each of the two people: counted once here.
      const ledger = await createIntroductionRepository(deps.store).ledgerEntries(now);
      const age = createDataAgeRepository(deps.store);
      const [messagesImported, dataAsOf] = await Promise.all([age.hasImportedMessages(), age.asOf(now)]);
      return {
        connections: rows.connections,
        archived: rows.archived,
        conversed: rows.conversed,
        depth: rows.connections > 0 && messagesImported ? ratio(rows.conversed, rows.connections) : null,
        messagesImported,
        dataAsOf,
        followUpRate: newConnections > 0 ? ratio(followedUp, newConnections) : null,
        newConnections,
        followedUp,
        bands,
        bandsNotConnected,
        circles,
        giveAsk: { ...(await view.giveAsk()), introductions: introductionsMade(ledger) },
        pendingInvitations,
      };
    },
  };
}

export type HealthService = ReturnType<typeof createHealthService>;
