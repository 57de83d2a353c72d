import type { Kysely } from 'kysely';

/**
 * LinkedIn's limits and sending compose's drafts (docs/rules/segments.md#linkedin-limits, #send).
 * `linkedin_invitation_marks`: what tend records about my own invitations beyond the imported ones — a note
 * drafted for someone (`invite-note`, counted against the weekly budget) and an invitation withdrawn (`tend log
 * REF invitation-withdrawn`: no new one to that person for three weeks). The columns on `outreach_messages`
 * remember each draft sent over SMTP, so that a re-run after a failure sends only the rest.
 */
export function linkedinLimitsAndSendingSchema() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('linkedin_invitation_marks')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('person_id', 'bigint', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('linkedin_invitation_marks_at')
        .on('linkedin_invitation_marks')
        .columns(['workspace_id', 'kind', 'at'])
        .execute();
      await db.schema
        .createIndex('linkedin_invitation_marks_person')
        .on('linkedin_invitation_marks')
        .columns(['workspace_id', 'person_id', 'kind'])
        .execute();
      await db.schema.alterTable('outreach_messages').addColumn('sent_at', 'bigint').execute();
      await db.schema.alterTable('outreach_messages').addColumn('message_id', 'text').execute();
    },
  };
}
