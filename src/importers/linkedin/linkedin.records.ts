/** What the LinkedIn importers read out of each file: plain records, before any identity resolution. */
import type { SkipReason } from '../../domain/interaction.js';

/** A row that is not imported: counted under `reason`; listed in the report's problems when it has a message. */
export interface RowProblem {
  problem: true;
  line: number;
  reason: string;
  message: string | null;
}

/**
 * Only malformed rows count towards the 5% that fails a file
 * (docs/rules/identity-and-imports.md#file-failure).
 */
export const MALFORMED = 'malformed';

export interface ConnectionRecord {
  line: number;
  firstName: string;
  lastName: string;
  url: string | null;
  email: string | null;
  company: string | null;
  position: string | null;
  connectedOn: string; // YYYY-MM-DD
}

export interface MessageRecord {
  line: number;
  conversationId: string | null;
  fromName: string;
  senderUrl: string | null;
  /** The sender's normalised profile URL (identity key). */
  senderKey: string | null;
  toNames: string;
  recipientUrls: string[];
  /** Normalised recipient URLs, in the order of `recipientUrls` (null where one is not a profile URL). */
  recipientKeys: Array<string | null>;
  at: number;
  /** The plain text as stored: its first 2,000 characters (docs/DECISIONS.md). */
  summary: string;
  /**
   * Hash of the whole plain text with whitespace collapsed: the same message across eras
   * (docs/rules/identity-and-imports.md#re-exported-records). Null when the parser left it to the importing
   * thread (`messageKeys` hashes the summary, the whole text then).
   */
  textHash: number | null;
  /** DATE as written: part of the source key. */
  rawDate: string;
  /**
   * The source key's base (`messageKeys`), when the parser thread worked it out with the text hash; null: the
   * importing thread does.
   */
  sourceBase: number | null;
  /** Whether the text is a closer (docs/rules/agenda.md#closers), when the parser thread worked it out. */
  closer: boolean | null;
  /** 2018 files say it in a column; later eras are worked out from the owner's URL. */
  direction: 'in' | 'out' | null;
  /** Skipped for what the row alone shows: the SPAM folder, a draft, sponsored (spinmail) markup. */
  skip: SkipReason | null;
  /** A subject from "LinkedIn Member" without a sender URL: sponsored InMail when it came in. */
  unsignedInMail: boolean;
}

export interface InvitationRecord {
  line: number;
  fromName: string;
  toName: string;
  sentAt: number;
  rawSentAt: string;
  message: string | null;
  direction: 'in' | 'out';
  inviterUrl: string | null;
  inviteeUrl: string | null;
  inviterUrn: string | null;
  inviteeUrn: string | null;
}

export interface ProfileRecord {
  line: number;
  firstName: string;
  lastName: string;
  headline: string | null;
  industry: string | null;
  location: string | null;
}

export interface OwnerHistoryRecord {
  line: number;
  kind: 'position' | 'education' | 'event';
  name: string;
  detail: string | null;
  started: string | null;
  finished: string | null;
}

export interface NoteRecord {
  line: number;
  firstName: string;
  lastName: string;
  url: string | null;
  note: string;
  rawDate: string;
}

export interface ContactRecord {
  line: number;
  firstName: string;
  lastName: string;
  emails: string[];
  phones: string[];
  company: string | null;
  title: string | null;
  profiles: string[];
}

export interface HelpRecord {
  line: number;
  kind: 'help-given' | 'help-received' | 'endorsement-given' | 'endorsement-received';
  firstName: string;
  lastName: string;
  url: string | null;
  text: string;
  at: number;
  rawDate: string;
}
