import type { Selectable } from 'kysely';
import type { InvitationsTable } from './database.schema.js';
import type { StoreContext } from './store.js';

export interface NewInvitation {
  personId: number | null;
  counterpartName: string;
  counterpartUrl: string | null;
  counterpartUrn: string | null;
  direction: 'in' | 'out';
  sentAt: number;
  message: string | null;
  exportAt: number | null;
  sourceKey: number;
}

export interface InvitationRecord extends NewInvitation {
  id: number;
  decision: string | null;
}

function toRecord(row: Selectable<InvitationsTable>): InvitationRecord {
  return {
    id: Number(row.id),
    personId: row.person_id === null ? null : Number(row.person_id),
    counterpartName: row.counterpart_name,
    counterpartUrl: row.counterpart_url,
    counterpartUrn: row.counterpart_urn,
    direction: row.direction as 'in' | 'out',
    sentAt: Number(row.sent_at),
    message: row.message,
    exportAt: row.export_at === null ? null : Number(row.export_at),
    sourceKey: Number(row.source_key),
    decision: row.decision,
  };
}

export function createInvitationRepository(context: StoreContext) {
  const { db, workspaceId } = context;
  return {
    async insertMany(rows: readonly NewInvitation[], now: number): Promise<number> {
      let added = 0;
      for (let start = 0; start < rows.length; start += 500) {
        const result = await db
          .insertInto('invitations')
          .values(
            rows.slice(start, start + 500).map((row) => ({
              workspace_id: workspaceId,
              person_id: row.personId,
              counterpart_name: row.counterpartName,
              counterpart_url: row.counterpartUrl,
              counterpart_urn: row.counterpartUrn,
              direction: row.direction,
              sent_at: row.sentAt,
              message: row.message,
              export_at: row.exportAt,
              source_key: row.sourceKey,
              created_at: now,
            })),
          )
          .onConflict((conflict) => conflict.columns(['workspace_id', 'source_key']).doNothing())
          .executeTakeFirst();
        added += Number(result.numInsertedOrUpdatedRows ?? 0);
      }
      return added;
    },

    async listForPerson(personId: number): Promise<InvitationRecord[]> {
      const rows = await db
        .selectFrom('invitations')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('person_id', '=', personId)
        .orderBy('sent_at', 'desc')
        .execute();
      return rows.map(toRecord);
    },

    /** Records the user's decision on an incoming invitation; false when there is no such invitation. */
    async decide(id: number, decision: string, now: number): Promise<boolean> {
      const result = await db
        .updateTable('invitations')
        .set({ decision, decided_at: now })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .where('direction', '=', 'in')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async listAll(): Promise<InvitationRecord[]> {
      const rows = await db
        .selectFrom('invitations')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('sent_at', 'desc')
        .execute();
      return rows.map(toRecord);
    },

    /** Links invitations to people who became known since (a later Connections file, another run). */
    async linkPeople(): Promise<void> {
      for (const [kind, column] of [
        ['url', 'counterpart_url'],
        ['urn', 'counterpart_urn'],
      ] as const) {
        await db
          .updateTable('invitations')
          .set((eb) => ({
            person_id: eb
              .selectFrom('person_identities')
              .select('person_identities.person_id')
              .where('person_identities.workspace_id', '=', workspaceId)
              .where('person_identities.kind', '=', kind)
              .whereRef('person_identities.value', '=', `invitations.${column}`)
              .limit(1),
          }))
          .where('workspace_id', '=', workspaceId)
          .where('person_id', 'is', null)
          .where(column, 'is not', null)
          .execute();
      }
    },

    async count(): Promise<number> {
      const row = await db
        .selectFrom('invitations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

export type InvitationRepository = ReturnType<typeof createInvitationRepository>;
