/**
 * Table types for Kysely. Instants are UTC epoch milliseconds (bigint in PostgreSQL, read back as numbers);
 * lists (tags, needs, offers, goals) are JSON text so both dialects store them the same way.
 */
import type { Generated } from 'kysely';

export interface PeopleTable {
  id: Generated<number>;
  workspace_id: string;
  first_name: string;
  last_name: string;
  display_name: string;
  name_key: string;
  company: string | null;
  position: string | null;
  headline: string | null;
  location: string | null;
  connected_at: number | null;
  connection_state: string; // connected | not-connected | no-longer-connected
  last_export_at: number | null;
  // What the user set; imports never write these.
  circle: string | null;
  tags: string;
  needs: string;
  offers: string;
  goals: string;
  how_met: string | null;
  notes: string | null;
  do_not_contact: number;
  strength_floor: number | null;
  strength_override: number | null;
  archived_at: number | null;
  // What imports found, kept beside the user's values (docs/rules/identity-and-imports.md#user-values-win).
  imported_notes: string | null;
  search_text: string;
  created_at: number;
  updated_at: number;
}

export interface PersonIdentitiesTable {
  workspace_id: string;
  person_id: number;
  kind: string; // url | email | urn | phone
  value: string;
  source: string;
}

export interface PersonObservationsTable {
  workspace_id: string;
  person_id: number;
  field: string; // company | position
  value: string;
  seen_at: number;
}

export interface InteractionsTable {
  id: Generated<number>;
  workspace_id: string;
  person_id: number | null;
  kind: string;
  direction: string; // in | out | both
  at: number;
  channel: string;
  conversation_key: string | null;
  group_size: number;
  summary: string | null;
  text_hash: number | null;
  skipped_reason: string | null;
  source: string; // import kind (linkedin) or user
  source_key: number;
  created_at: number;
}

export interface ConversationMembersTable {
  workspace_id: string;
  conversation_key: string;
  person_id: number;
}

export interface InvitationsTable {
  id: Generated<number>;
  workspace_id: string;
  person_id: number | null;
  counterpart_name: string;
  counterpart_url: string | null;
  counterpart_urn: string | null;
  direction: string; // in | out
  sent_at: number;
  message: string | null;
  export_at: number | null;
  decision: string | null;
  decided_at: number | null;
  source_key: number;
  created_at: number;
}

export interface IntroductionsTable {
  id: Generated<number>;
  workspace_id: string;
  person_a: number;
  person_b: number;
  why: string | null;
  state: string;
  state_at: number;
  history: string;
  created_at: number;
}

export interface KnownTiesTable {
  workspace_id: string;
  person_a: number;
  person_b: number;
  source: string; // thread | meeting | knows | colleague
  strength: number;
  evidence: string | null;
  created_at: number;
}

export interface AgendaItemStatesTable {
  workspace_id: string;
  item_id: string;
  state: string; // done | snoozed | dismissed
  until_date: string | null;
  at: number;
  person_id: number | null;
}

/** The journal `tend undo` reads: each agenda action or log with what it replaced. */
export interface AgendaActionsTable {
  id: Generated<number>;
  workspace_id: string;
  at: number;
  description: string;
  item_id: string | null;
  /** The item's state before the action, as JSON (null: it had none). */
  previous: string | null;
  interaction_id: number | null;
  person_id: number | null;
  undone_at: number | null;
}

export interface ImportsTable {
  id: Generated<number>;
  workspace_id: string;
  path: string;
  format: string;
  fingerprint: string;
  imported_at: number;
  report: string;
}

export interface OwnerFactsTable {
  workspace_id: string;
  kind: string; // profile | position | education | event
  name: string;
  detail: string | null;
  started: string | null;
  finished: string | null;
  source_key: number;
}

export interface WorkspaceSettingsTable {
  workspace_id: string;
  key: string;
  value: string;
}

export interface PersonStatsTable {
  workspace_id: string;
  person_id: number;
  facts: string;
  updated_at: number;
  // Columns of the facts that select people for the agenda, bands and prune (domain factsIndexOf).
  exchange_count: Generated<number>;
  first_exchange_at: number | null;
  last_exchange_at: number | null;
  /** Their last one-to-one message, when it is the last of the conversation (a possible reply). */
  last_in_at: number | null;
  unanswered_days: Generated<number>;
  unanswered_first_at: number | null;
  records: Generated<number>;
  first_from_me_at: number | null;
  last_interaction_at: number | null;
  help_given: Generated<number>;
  help_received: Generated<number>;
  introductions: Generated<number>;
  intensity_key: number | null;
}

export interface DuplicateProposalsTable {
  workspace_id: string;
  person_a: number;
  person_b: number;
  reason: string;
  state: string; // open | merged | dismissed
  created_at: number;
}

/** One contact card of an address book (vCard, contact CSV), as imported (docs/rules/contacts.md#cards). */
export interface ContactCardsTable {
  workspace_id: string;
  source_key: number;
  person_id: number;
  source: string; // vcard
  content_hash: number;
  /** The card as JSON (StoredContactCard), without photo bytes. */
  card: string;
  /** The photo's file, relative to the data folder. */
  photo: string | null;
  imported_at: number;
}

export interface TriageResultsTable {
  workspace_id: string;
  invitation_id: number;
  basis: number;
  result: string;
}

/** The health figures as they stood on a day (docs/rules/prune-and-health.md#health-history). */
export interface HealthSnapshotsTable {
  workspace_id: string;
  /** The day in the `timezone` setting, YYYY-MM-DD. */
  day: string;
  taken_at: number;
  /** NetworkHealth as JSON. */
  figures: string;
}

/** A saved segment: `@NAME` in any query stands for its query (docs/rules/segments.md#saved). */
export interface SavedSegmentsTable {
  workspace_id: string;
  name: string;
  query: string;
  created_at: number;
  updated_at: number;
}

/** A person's search document, every text folded (migrations/0012-segments.migration.ts). */
export interface PersonSearchTable {
  workspace_id: string;
  person_id: number;
  company: string;
  title: string;
  location: string;
  /** Whole values between unit separators: `\u001falumni\u001fmentor\u001f`. */
  tags: string;
  how_met: string;
  needs: string;
  offers: string;
  /** Folded words of notes and interaction summaries, space-separated, a space at each end (PostgreSQL only). */
  body: string;
}

/** A compose worksheet: its query, reason, channel, template and the recipients it was written for. */
export interface OutreachBatchesTable {
  id: Generated<number>;
  workspace_id: string;
  query: string;
  reason: string;
  channel: string; // email | linkedin
  template: string;
  /** JSON array of person ids. */
  recipients: string;
  created_at: number;
  finished_at: number | null;
}

/** A message finished from a worksheet: what the daily cap, the 30-day rule and the weekly budget count. */
export interface OutreachMessagesTable {
  workspace_id: string;
  batch_id: number;
  person_id: number;
  channel: string;
  personal_line: string;
  subject: string | null;
  body: string;
  composed_at: number;
  /** When it went out over SMTP (`compose --finish --send`); null: a draft only. */
  sent_at: number | null;
  message_id: string | null;
}

export interface LinkedinInvitationMarksTable {
  workspace_id: string;
  person_id: number;
  /** 'drafted' (an invite-note for them) or 'withdrawn'. */
  kind: string;
  at: number;
}

export interface PersonSearchDirtyTable {
  workspace_id: string;
  person_id: number;
}

/** A merge of two people with what it moved (migrations/0014-person-merges.migration.ts). */
export interface PersonMergesTable {
  id: Generated<number>;
  workspace_id: string;
  kept_id: number;
  gone_id: number;
  gone_name: string;
  gone_name_key: string;
  gone_connected_at: number | null;
  gone_connection_state: string;
  source: string; // user | import
  at: number;
  /** What the merge moved and replaced, as JSON (store/person-unmerge.repository.ts MergeRecord). */
  record: string;
  undone_at: number | null;
}

export interface Database {
  people: PeopleTable;
  person_identities: PersonIdentitiesTable;
  person_observations: PersonObservationsTable;
  interactions: InteractionsTable;
  conversation_members: ConversationMembersTable;
  invitations: InvitationsTable;
  introductions: IntroductionsTable;
  known_ties: KnownTiesTable;
  agenda_item_states: AgendaItemStatesTable;
  agenda_actions: AgendaActionsTable;
  imports: ImportsTable;
  owner_facts: OwnerFactsTable;
  workspace_settings: WorkspaceSettingsTable;
  person_stats: PersonStatsTable;
  duplicate_proposals: DuplicateProposalsTable;
  triage_results: TriageResultsTable;
  health_snapshots: HealthSnapshotsTable;
  contact_cards: ContactCardsTable;
  saved_segments: SavedSegmentsTable;
  person_search: PersonSearchTable;
  person_search_dirty: PersonSearchDirtyTable;
  outreach_batches: OutreachBatchesTable;
  outreach_messages: OutreachMessagesTable;
  person_merges: PersonMergesTable;
  linkedin_invitation_marks: LinkedinInvitationMarksTable;
}
