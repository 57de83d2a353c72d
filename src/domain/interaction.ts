/** Interactions: everything that happened between the user and a person, imported or logged. */

export const INTERACTION_KINDS = [
  'message',
  'email',
  'call',
  'meeting',
  'note',
  'help-given',
  'help-received',
  'introduction-made',
  'endorsement-given',
  'endorsement-received',
] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export type Direction = 'in' | 'out' | 'both';

/** Why an imported message is kept but not counted (docs/rules/identity-and-imports.md#skipped-messages). */
export type SkipReason = 'spam' | 'draft' | 'sponsored';

export interface Interaction {
  id: number;
  personId: number | null;
  kind: InteractionKind;
  direction: Direction;
  at: number;
  channel: string;
  conversationKey: string | null;
  groupSize: number;
  summary: string | null;
  skippedReason: SkipReason | null;
  source: string;
}
