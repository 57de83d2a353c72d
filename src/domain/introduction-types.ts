import type { Person } from './person.js';
import type { Band, TieStrength } from './strength.js';

/** The shapes introduction matching works on and answers with (introduction-matching.ts). */

export interface MatchPerson {
  id: number;
  name: string;
  company: string | null;
  position: string | null;
  headline: string | null;
  needs: readonly string[];
  offers: readonly string[];
  goals: readonly string[];
  tie: { score: number; band: Band };
  doNotContact: boolean;
  archived: boolean;
}

export interface MatchLinks {
  /** Group conversations each person is a member of (a shared thread means they know each other). */
  groupThreads: ReadonlyMap<number, readonly string[]>;
  /** Recorded evidence that two people know each other (`tend knows`, shared meetings…). */
  knownTies: ReadonlyArray<readonly [number, number]>;
  /** Pairs with an introduction already started, in any state. */
  introductions: ReadonlyArray<readonly [number, number]>;
}

export type SourceKind = 'need' | 'goal';
export type TargetKind = 'offer' | 'role' | 'company';

/** One directional fit: what the seeker needs or wants, and what of the other person's meets it. */
export interface PairFit {
  seekerId: number;
  otherId: number;
  source: { kind: SourceKind; text: string };
  target: { kind: TargetKind; text: string };
  /** Words of the source text that the target shares, as the seeker wrote them. */
  shared: string[];
  score: number;
}

export interface IntroductionSuggestion {
  /** The seeker of the strongest fit comes first. */
  a: { id: number; name: string };
  b: { id: number; name: string };
  score: number;
  reasons: string[];
  fits: PairFit[];
}

/** A person as matching sees them, with my tie to them. */
export function toMatchPerson(person: Person, tie: TieStrength | undefined): MatchPerson {
  return {
    id: person.id,
    name: person.name,
    company: person.company,
    position: person.position,
    headline: person.headline,
    needs: person.needs,
    offers: person.offers,
    goals: person.goals,
    tie: { score: tie?.score ?? 0, band: tie?.band ?? 'none' },
    doNotContact: person.doNotContact,
    archived: person.archivedAt !== null,
  };
}
