import { sql, type Kysely } from 'kysely';

/**
 * The agenda's selections read through indexes instead of scans (docs/PERFORMANCE.md#agenda-selection): each
 * way a person can have a care item is one index — a message from them lately, my unanswered messages,
 * a past tie gone quiet (revive), a recent connection, a circle — and incoming invitations by date. The partial indexes' conditions are
 * written as constants in the queries (relationship-selection.repository.ts): a condition with a bound
 * value cannot be matched to an index's own.
 */
export function agendaIndexesSchema() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql`create index person_stats_last_in on person_stats (workspace_id, last_in_at)`.execute(db);
      await sql`create index person_stats_unanswered on person_stats (workspace_id, unanswered_first_at)
        where exchange_count > 0 and unanswered_days >= 2`.execute(db);
      await sql`create index person_stats_revive on person_stats (workspace_id, last_exchange_at)
        where exchange_count >= 3`.execute(db);
      // Not partial: with `connection_state = 'connected'` as its condition SQLite took it for every query
      // asking for connected people (invitations' accepted notes walked 30,000 people through it).
      await sql`create index people_connected_at on people (workspace_id, connected_at)`.execute(db);
      await sql`create index people_circled on people (workspace_id) where circle is not null`.execute(db);
      // Incoming invitations newest first: the pending ones are read without sorting all invitations.
      await sql`create index invitations_incoming on invitations (workspace_id, direction, sent_at)`.execute(
        db,
      );
    },
  };
}
