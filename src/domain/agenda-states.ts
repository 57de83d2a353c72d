/**
 * What the user did with agenda items — done, snoozed, dismissed — and what that hides
 * (docs/rules/agenda.md#item-ids). Pure: the states and `today` in, a filter out.
 */

export const CARE_KINDS = ['reply', 'follow-up', 'let-go', 'keep-in-touch', 'revive'] as const;

export interface ItemState {
  state: 'done' | 'snoozed' | 'dismissed';
  until: string | null;
  /** The person of a care item: a mark on one care item quiets all of theirs. */
  personId?: number | null;
  /** When it was marked (an instant): a dismissal quiets what was triggered until then. */
  at?: number;
}

/** What a person's marks mean for their care items today. */
export interface PersonQuiet {
  /** A snooze still running: none of their care items show before this day. */
  snoozedUntil: string | null;
  /** The latest dismissal (or done without a log): care items triggered by events until then stay hidden. */
  quietThrough: number | null;
}

/** The item's own mark: done and dismissed hide it; snoozed hides it until its day. */
export function markHides(id: string, states: ReadonlyMap<string, ItemState>, today: string): boolean {
  const state = states.get(id);
  if (!state) return false;
  if (state.state === 'snoozed') return state.until === null || state.until > today;
  return true;
}

/** Per person, from the marks on their care items. */
export function quietByPerson(
  states: ReadonlyMap<string, ItemState>,
  today: string,
): Map<number, PersonQuiet> {
  const quiet = new Map<number, PersonQuiet>();
  for (const state of states.values()) {
    if (state.personId == null) continue;
    const entry = quiet.get(state.personId) ?? { snoozedUntil: null, quietThrough: null };
    if (state.state === 'snoozed') {
      if (state.until !== null && state.until > today && (entry.snoozedUntil ?? '') < state.until)
        entry.snoozedUntil = state.until;
    } else if (state.at !== undefined) {
      entry.quietThrough = Math.max(entry.quietThrough ?? state.at, state.at);
    }
    quiet.set(state.personId, entry);
  }
  return quiet;
}

/**
 * A care item shows unless its own mark hides it, its person is snoozed, or its person's care items were
 * dismissed after the event that triggered it: a mark never promotes another kind in its place.
 */
export function careItemShows(
  item: { id: string; triggerAt: number | null },
  quiet: PersonQuiet | undefined,
  states: ReadonlyMap<string, ItemState>,
  today: string,
): boolean {
  if (markHides(item.id, states, today)) return false;
  if (!quiet) return true;
  if (quiet.snoozedUntil !== null) return false;
  if (quiet.quietThrough !== null && (item.triggerAt === null || item.triggerAt <= quiet.quietThrough))
    return false;
  return true;
}
