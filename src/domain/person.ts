/** A person in the user's network, as the domain sees it (no storage details). */

export const CIRCLES = ['inner', 'close', 'active', 'wide', 'none'] as const;
export type Circle = (typeof CIRCLES)[number];

export type ConnectionState = 'connected' | 'not-connected' | 'no-longer-connected';

export interface Person {
  id: number;
  firstName: string;
  lastName: string;
  name: string;
  company: string | null;
  position: string | null;
  headline: string | null;
  location: string | null;
  connectedAt: number | null;
  connectionState: ConnectionState;
  /** Date of the newest export this person was seen in (import bookkeeping). */
  lastExportAt: number | null;
  circle: Circle | null;
  tags: string[];
  needs: string[];
  offers: string[];
  goals: string[];
  howMet: string | null;
  notes: string | null;
  importedNotes: string | null;
  doNotContact: boolean;
  strengthFloor: number | null;
  strengthOverride: number | null;
  archivedAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export function displayName(firstName: string, lastName: string): string {
  return `${firstName.trim()} ${lastName.trim()}`.trim();
}

/** What a listing shows of a person and scores them by (`tend people`). */
export type ListedPerson = Pick<
  Person,
  'id' | 'name' | 'company' | 'position' | 'circle' | 'connectedAt' | 'strengthFloor' | 'strengthOverride'
>;
