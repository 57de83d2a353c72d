import type { Band } from './strength.js';
import { toLocalDate } from './time.js';

/**
 * The evidence that links me to one of my people, or two of my people to each other, with its value (0..1)
 * and what it says in plain words: the edges of the path graph (path-graph.ts).
 */

/**
 * Edge values between two of my people when all we have is evidence
 * (docs/rules/introductions-and-paths.md#edges).
 */
export const EDGE_VALUES = {
  thread: 0.3,
  meeting: 0.35,
  knows: 0.5,
  // The rules give no value for colleagues; a shared employer at the same time is weaker evidence than a
  // thread both wrote in, so it sits at the lukewarm line (docs/DECISIONS.md).
  colleague: 0.25,
} as const;

/**
 * Where an edge's value comes from. `my-tie` runs from me to one of my people; the others link two of my
 * people. Team mode adds `{ kind: 'teammate-tie'; member: string; band: Band }` (a teammate's shared tie),
 * which the search treats like `my-tie` with the teammate as an extra first hop.
 */
export type EdgeSource =
  | { kind: 'my-tie'; score: number; band: Band; detail: string }
  | { kind: 'thread'; threads: number; largest: number; lastAt: number | null }
  | { kind: 'meeting'; meetings: number; lastAt: number | null }
  | { kind: 'knows'; how: string | null }
  /**
   * Both at the same employer at the same time, from dated positions. Nothing produces it yet: tend does
   * not import my connections' dated positions (only their current company, which is not evidence).
   */
  | { kind: 'colleague'; company: string; period: string };

/** One piece of evidence with its value (0..1) and what it says in plain words. */
export interface Evidence {
  source: EdgeSource;
  strength: number;
  text: string;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** My tie to a person: strength / 100, described by its band, score and the reason that dates it. */
export function myTieEvidence(tie: { score: number; band: Band; detail: string }): Evidence {
  return {
    source: { kind: 'my-tie', score: tie.score, band: tie.band, detail: tie.detail },
    strength: Math.max(0, Math.min(100, tie.score)) / 100,
    text: `your tie: ${tie.band} (${tie.score})${tie.detail ? ` — ${tie.detail}` : ''}`,
  };
}

export function threadEvidence(
  shared: { threads: number; largest: number; lastAt: number | null },
  zone: string,
): Evidence {
  const last = shared.lastAt === null ? '' : ` (last message ${toLocalDate(shared.lastAt, zone)})`;
  const text =
    shared.threads === 1
      ? `shared a group thread of ${shared.largest} people${last}`
      : `shared ${shared.threads} group threads (up to ${shared.largest} people)${last}`;
  return { source: { kind: 'thread', ...shared }, strength: EDGE_VALUES.thread, text };
}

export function meetingEvidence(shared: { meetings: number; lastAt: number | null }, zone: string): Evidence {
  const last = shared.lastAt === null ? '' : ` (last ${toLocalDate(shared.lastAt, zone)})`;
  return {
    source: { kind: 'meeting', ...shared },
    strength: EDGE_VALUES.meeting,
    text: `were in ${shared.meetings === 1 ? 'a meeting' : plural(shared.meetings, 'meeting')} together${last}`,
  };
}

/** `tend knows A B [--strength S] [--how TEXT]`: what the user recorded. */
export function knowsEvidence(strength: number | null, how: string | null): Evidence {
  const value = strength ?? EDGE_VALUES.knows;
  return {
    source: { kind: 'knows', how },
    strength: value,
    text: `you recorded that they know each other (${value})${how ? `: ${how}` : ''}`,
  };
}

export function colleagueEvidence(company: string, period: string, strength?: number): Evidence {
  return {
    source: { kind: 'colleague', company, period },
    strength: strength ?? EDGE_VALUES.colleague,
    text: `worked at ${company} at the same time (${period})`,
  };
}
