import { sql, type Selectable } from 'kysely';
import type { ConnectionState } from '../domain/person.js';
import type { InvitationsTable } from './database.schema.js';
import type { StoreContext } from './store.js';
import { inChunks, rowsOf } from './query-runner.js';

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

/** The person an invitation names, as far as the agenda and triage need them. */
export interface InvitationPerson {
  id: number;
  name: string;
  company: string | null;
  position: string | null;
  connectionState: ConnectionState;
  /** What scoring reads of them: triage items are ordered by the sender's strength. */
  connectedAt: number | null;
  strengthFloor: number | null;
  strengthOverride: number | null;
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
      await inChunks(
        rows,
        async (chunk) => {
          const result = await db
            .insertInto('invitations')
            .values(
              chunk.map((row) => ({
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
        },
        500,
      );
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

    /**
     * Incoming invitations that may be pending at `now` (a superset: the domain rule decides), newest first,
     * with what the agenda and triage need of the person each names — one query, not thousands of people.
     */
    async listPossiblyPending(
      now: number,
      /** Only this person's (`tend show`), instead of everyone's. */
      personId?: number,
    ): Promise<Array<{ invitation: InvitationRecord; person: InvitationPerson | null }>> {
      // Sent within 90 calendar days (92 with slack for any zone) before the export's date or `now`.
      const window = 92 * 86_400_000;
      const earlier = context.dialect === 'postgres' ? 'least' : 'min';
      let query = db
        .selectFrom('invitations')
        .leftJoin('people', (join) =>
          join
            .onRef('people.id', '=', 'invitations.person_id')
            .onRef('people.workspace_id', '=', 'invitations.workspace_id'),
        )
        .selectAll('invitations')
        .select([
          'people.display_name as person_name',
          'people.company as person_company',
          'people.position as person_position',
          'people.connection_state as person_state',
          'people.connected_at as person_connected_at',
          'people.strength_floor as person_floor',
          'people.strength_override as person_override',
        ])
        .where('invitations.workspace_id', '=', workspaceId)
        .where('invitations.direction', '=', 'in')
        .where('invitations.sent_at', '<=', now)
        .where(
          sql<number>`invitations.sent_at + ${window}`,
          '>=',
          sql<number>`${sql.raw(earlier)}(coalesce(invitations.export_at, ${now}), ${now})`,
        );
      if (personId !== undefined) query = query.where('invitations.person_id', '=', personId);
      // Ties in the order they were stored, whichever plan reads them (an index, or a scan and a sort).
      const rows = await rowsOf(
        context,
        query.orderBy('invitations.sent_at', 'desc').orderBy('invitations.id'),
      );
      return rows.map((row) => ({
        invitation: toRecord(row),
        person:
          row.person_id === null || row.person_name === null
            ? null
            : {
                id: Number(row.person_id),
                name: row.person_name,
                company: row.person_company,
                position: row.person_position,
                connectionState: row.person_state as ConnectionState,
                connectedAt: row.person_connected_at === null ? null : Number(row.person_connected_at),
                strengthFloor: row.person_floor,
                strengthOverride: row.person_override,
              },
      }));
    },

    /** The note of each connection's newest accepted invitation that had one: "how we met". */
    async acceptedNotes(personId?: number): Promise<Map<number, string>> {
      let query = db
        .selectFrom('invitations')
        .innerJoin('people', (join) =>
          join
            .onRef('people.id', '=', 'invitations.person_id')
            .onRef('people.workspace_id', '=', 'invitations.workspace_id'),
        )
        .select(['invitations.person_id', 'invitations.message'])
        .where('invitations.workspace_id', '=', workspaceId)
        .where('invitations.message', 'is not', null)
        .where('people.connection_state', '=', 'connected');
      if (personId !== undefined) query = query.where('invitations.person_id', '=', personId);
      const rows = await rowsOf(context, query.orderBy('invitations.sent_at'));
      const notes = new Map<number, string>();
      // Oldest first: the newest accepted note wins.
      for (const row of rows) if (row.message) notes.set(Number(row.person_id), row.message);
      return notes;
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

    /** Invitations linked to nobody (mostly strangers'), lean: what a later run may still link by name. */
    async listUnlinked(): Promise<
      Array<{ id: number; name: string; url: string | null; urn: string | null }>
    > {
      const rows = await db
        .selectFrom('invitations')
        .select(['id', 'counterpart_name', 'counterpart_url', 'counterpart_urn'])
        .where('workspace_id', '=', workspaceId)
        .where('person_id', 'is', null)
        .execute();
      return rows.map((row) => ({
        id: Number(row.id),
        name: row.counterpart_name,
        url: row.counterpart_url,
        urn: row.counterpart_urn,
      }));
    },

    /** Fills in what a re-export of this invitation tells and the stored one lacked (never overwrites). */
    async completeCounterpart(
      id: number,
      found: { personId: number | null; url: string | null; urn: string | null },
    ): Promise<void> {
      const values: { person_id?: number; counterpart_url?: string; counterpart_urn?: string } = {};
      const row = await db
        .selectFrom('invitations')
        .select(['person_id', 'counterpart_url', 'counterpart_urn'])
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) return;
      if (row.person_id === null && found.personId !== null) values.person_id = found.personId;
      if (row.counterpart_url === null && found.url !== null) values.counterpart_url = found.url;
      if (row.counterpart_urn === null && found.urn !== null) values.counterpart_urn = found.urn;
      if (Object.keys(values).length === 0) return;
      await db
        .updateTable('invitations')
        .set(values)
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .execute();
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
