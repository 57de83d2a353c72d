import * as crypto from 'node:crypto';

/**
 * One agenda item: its kinds, its stable id, and its words — the reason and next step, written when it is
 * shown. `today` ranks thousands of items on a large network and shows twelve; writing every item's words
 * was most of its garbage (docs/PERFORMANCE.md#agenda-texts). Pure apart from the pending words kept here.
 */

export const AGENDA_KINDS = [
  'reply',
  'follow-up',
  'let-go',
  'keep-in-touch',
  'revive',
  'triage',
  'introduce',
] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

export interface AgendaItem {
  id: string;
  kind: AgendaKind;
  person: { id: number; name: string } | null;
  /** Who the item is about, also when they are not (yet) a person in tend (an invitation's sender). */
  subject: string;
  due: string;
  reason: string;
  suggestion: string;
  strength: number;
  /** What it is worth within its kind, for the daily plan (agenda-worth.ts); higher first. */
  worth: number;
  invitationId?: number;
  /** When the event that made a care item happened (a dismissal quiets the items triggered before it). */
  triggerAt?: number | null;
}

/** An item another rule made (introductions): worth its strength unless it says otherwise. */
export type ContributedItem = Omit<AgendaItem, 'worth'> & { worth?: number };

export function agendaItemId(kind: AgendaKind, personId: number, trigger: string | number): string {
  return sha1(`${kind}|${personId}|${trigger}`).slice(0, 12);
}

/** An item with words: `reason` and `suggestion` are empty until described. */
export interface Describable {
  reason: string;
  suggestion: string;
}

export type Words = () => readonly [reason: string, suggestion: string];

const undescribed = new WeakMap<Describable, Words>();

/** The item, with how to write its words when it is described. */
export function withWords<T extends Describable>(item: T, words: Words): T {
  undescribed.set(item, words);
  return item;
}

/** Writes the reason and next step of these items (those not described yet; others are left as they are). */
export function describeItems(items: Iterable<Describable>): void {
  for (const item of items) {
    const words = undescribed.get(item);
    if (!words) continue;
    [item.reason, item.suggestion] = words();
    undescribed.delete(item);
  }
}

/** SHA-1 in hex: Node's one-shot `hash` where it has one (20.12 and later), a Hash object per call before. */
export const sha1: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha1', text, 'hex')
    : (text) => crypto.createHash('sha1').update(text).digest('hex');
