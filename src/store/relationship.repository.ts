import { createInteractionScanRepository } from './interaction-scan.repository.js';
import { createPersonStatsRepository } from './person-stats.repository.js';
import { createRelationshipSelectionRepository } from './relationship-selection.repository.js';
import type { StoreContext } from './store.js';

export type {
  AgendaCandidateRow,
  ConnectionRow,
  ConversedRow,
  HealthRows,
  ScoringColumns,
} from './relationship-selection.repository.js';

/**
 * What the relationship engine reads and keeps, by consumer: the interaction scan (facts are built from it),
 * the per-person stats it keeps, and the selections of people the agenda, scoring, health and prune read.
 */
export function createRelationshipRepository(context: StoreContext) {
  return {
    ...createInteractionScanRepository(context),
    ...createPersonStatsRepository(context),
    ...createRelationshipSelectionRepository(context),
  };
}

export type RelationshipRepository = ReturnType<typeof createRelationshipRepository>;
