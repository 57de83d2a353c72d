import { AppError } from '../domain/errors.js';
import { INTERACTION_KINDS, type Direction, type InteractionKind } from '../domain/interaction.js';
import { hash53 } from '../domain/source-key.js';
import { createInteractionRepository } from '../store/interaction.repository.js';
import type { StoreContext } from '../store/store.js';

/** A kind the user may log, checked: one clear line for anything else. */
export function loggableKind(kind: string): InteractionKind {
  if (!(INTERACTION_KINDS as readonly string[]).includes(kind))
    throw new AppError('usage', `unknown kind "${kind}": use one of ${INTERACTION_KINDS.join(', ')}`);
  return kind as InteractionKind;
}

/** Calls and meetings go both ways, help received comes in, the rest is mine unless said otherwise. */
export function defaultDirection(kind: InteractionKind): Direction {
  return kind === 'call' || kind === 'meeting' ? 'both' : kind === 'help-received' ? 'in' : 'out';
}

const CHANNELS: Partial<Record<InteractionKind, string>> = {
  email: 'email',
  call: 'phone',
  meeting: 'meeting',
};

/**
 * Writes one interaction the user logged (`tend log`, `tend done`) inside the caller's transaction and
 * returns its id; the caller refreshes the person's facts.
 */
export async function insertLoggedInteraction(
  trx: StoreContext,
  entry: { personId: number; kind: InteractionKind; direction: Direction; at: number; text: string | null },
  now: number,
): Promise<number> {
  const ids: number[] = [];
  await createInteractionRepository(trx).insertMany(
    [
      {
        personId: entry.personId,
        kind: entry.kind,
        direction: entry.direction,
        at: entry.at,
        channel: CHANNELS[entry.kind] ?? 'logged',
        conversationKey: null,
        groupSize: 2,
        summary: entry.text,
        textHash: null,
        skippedReason: null,
        source: 'user',
        sourceKey: hash53(
          'log',
          entry.personId,
          entry.kind,
          entry.direction,
          entry.at,
          entry.text ?? '',
          now,
          Math.random(),
        ),
      },
    ],
    now,
    ids,
  );
  return ids[0] ?? -1;
}
