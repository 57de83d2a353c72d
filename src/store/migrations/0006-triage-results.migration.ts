import type { Kysely } from 'kysely';

/**
 * Triage verdicts kept with the inputs' hash they were worked out from: the agenda and `tend triage` read
 * a thousand pending invitations' verdicts instead of analysing every note again on each command.
 */
export function triageResultsSchema() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('triage_results')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('invitation_id', 'bigint', (c) =>
          c.notNull().references('invitations.id').onDelete('cascade'),
        )
        .addColumn('basis', 'bigint', (c) => c.notNull())
        .addColumn('result', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('triage_results_pk', ['workspace_id', 'invitation_id'])
        .execute();
    },
  };
}
