/** What triage is given about an invitation and its sender, and what it answers (verdict.ts). */

export type TriageVerdict = 'accept' | 'ask' | 'decline';

export interface TriageOwner {
  name: string | null;
  companies: readonly string[];
  schools: readonly string[];
  events: readonly string[];
  headline: string | null;
}

export interface TriageKnown {
  /** Earlier messages with the sender, two-way exchanges, and whether they are in the address book / mail / calendar imports. */
  earlierMessages: number;
  twoWayExchanges: number;
  inAddressBook: boolean;
  inMailOrCalendar: boolean;
}

export interface TriageInput {
  name: string;
  message: string | null;
  /** YYYY-MM-DD; not used for the verdict (a basis does not age), kept so callers pass the whole invitation. */
  sentOn: string;
  owner: TriageOwner;
  known: TriageKnown;
  sender: { company: string | null; position: string | null } | null;
}

export type NoteKind = 'none' | 'generic' | 'personal' | 'pitch';

export interface TriageResult {
  verdict: TriageVerdict;
  /** 0–100, how strong the basis for accepting is: accept 60–100, ask 25–59, decline 0–24. */
  score: number;
  reasons: string[];
  reply: string | null;
  signals: {
    note: NoteKind;
    known: boolean;
    sharedEmployer: string | null;
    sharedSchool: string | null;
    sharedEvent: string | null;
    pitchCues: string[];
    personalCues: string[];
  };
}
