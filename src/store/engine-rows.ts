import { sql } from 'kysely';
import { CLOSER_MAX_CHARS } from '../domain/closers.js';
import { needsNoAnswer } from '../domain/needs-no-answer.js';
import type { Direction, InteractionKind } from '../domain/interaction.js';
import type { EngineInteraction } from '../domain/relationship-facts.js';

/**
 * Interactions as the relationship engine reads them: without their text, except the text of short
 * messages — only those can be closers (docs/rules/agenda.md#closers) — so a scan of a million messages
 * reads no long text.
 */
export const ENGINE_COLUMNS = [
  'id',
  'person_id',
  'kind',
  'direction',
  'at',
  'channel',
  'conversation_key',
  'group_size',
  'skipped_reason',
  sql<string | null>`case when length(summary) <= ${sql.lit(CLOSER_MAX_CHARS)} then summary end`.as(
    'short_text',
  ),
] as const;

export function toEngine(row: {
  id: number;
  person_id: number | null;
  kind: string;
  direction: string;
  at: number;
  channel: string;
  conversation_key: string | null;
  group_size: number;
  skipped_reason: string | null;
  short_text: string | null;
}): EngineInteraction {
  return {
    id: Number(row.id),
    personId: row.person_id === null ? null : Number(row.person_id),
    kind: row.kind as InteractionKind,
    direction: row.direction as Direction,
    at: Number(row.at),
    channel: row.channel,
    conversationKey: row.conversation_key,
    groupSize: row.group_size,
    summary: null,
    skipped: row.skipped_reason !== null,
    closer: needsNoAnswer(row.short_text),
  };
}
