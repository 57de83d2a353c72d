import type { RelationshipFacts } from '../domain/relationship-facts.js';
import type { TieStrength } from '../domain/strength.js';
import type {
  AgendaCandidateRow,
  ConversedRow,
  HealthRows,
  ScoringColumns,
} from '../store/relationship.repository.js';

/** What scoring needs of a person: their own settings, not the rest of their record. */
export type ScoredPerson = ScoringColumns;

/**
 * The network as of one instant: facts and scores served from the per-person aggregates when they are
 * current, or recomputed as of `now` when `now` is earlier than the newest stored event
 * (docs/rules/identity-and-imports.md#now). Selections (`agendaCandidates`, `active`, `pruneCandidates`) are
 * supersets: the domain rules decide.
 */
export interface RelationshipView {
  now: number;
  zone: string;
  /** The intensity reference at `now` (95th percentile, floor 10). */
  reference: number;
  facts(
    personIds: readonly number[],
    options?: { summaries?: boolean },
  ): Promise<Map<number, RelationshipFacts>>;
  /** Strength with its reasons; `withReasons` false for the score and band alone (thousands at a time). */
  score(person: ScoredPerson, facts: RelationshipFacts | undefined, withReasons?: boolean): TieStrength;
  /**
   * People who may have a care item, with their facts (texts of cited messages filled in); with `onRow`, each
   * handed over as it is read instead (none returned).
   */
  agendaCandidates(onRow?: (row: AgendaCandidateRow) => void): Promise<AgendaCandidateRow[]>;
  /** These people as `agendaCandidates` gives them, whether or not they may have an item. */
  agendaRows(personIds: readonly number[]): Promise<AgendaCandidateRow[]>;
  /** People with a two-way exchange in the last year and a bit (the only ones above dormant), ready to score. */
  active(): Promise<Array<{ person: ScoredPerson; facts: RelationshipFacts }>>;
  pruneCandidates(connectedBefore: number): Promise<number[]>;
  /** Totals, circles, recent connections; each conversed connection to `onConversed` (facts where scored). */
  health(onConversed: (row: ConversedRow) => void): Promise<HealthRows>;
  giveAsk(): Promise<{ given: number; received: number; introductions: number }>;
}
