import type { StoreContext } from './store.js';

export interface OutreachBatch {
  id: number;
  query: string;
  reason: string;
  channel: 'email' | 'linkedin';
  template: string;
  recipients: number[];
  createdAt: number;
  finishedAt: number | null;
}

export interface FinishedMessage {
  personId: number;
  personalLine: string;
  subject: string | null;
  body: string;
}

export interface StoredMessage {
  personId: number;
  subject: string | null;
  body: string;
  sentAt: number | null;
}

/** Compose worksheets and the messages finished from them (docs/rules/segments.md#compose). */
export function createOutreachRepository(context: StoreContext) {
  const { db, workspaceId } = context;
  return {
    async createBatch(batch: Omit<OutreachBatch, 'id' | 'finishedAt'>): Promise<number> {
      const row = await db
        .insertInto('outreach_batches')
        .values({
          workspace_id: workspaceId,
          query: batch.query,
          reason: batch.reason,
          channel: batch.channel,
          template: batch.template,
          recipients: JSON.stringify(batch.recipients),
          created_at: batch.createdAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    },

    async batch(id: number): Promise<OutreachBatch | undefined> {
      const row = await db
        .selectFrom('outreach_batches')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        id: Number(row.id),
        query: row.query,
        reason: row.reason,
        channel: row.channel as OutreachBatch['channel'],
        template: row.template,
        recipients: JSON.parse(row.recipients) as number[],
        createdAt: Number(row.created_at),
        finishedAt: row.finished_at === null ? null : Number(row.finished_at),
      };
    },

    /** The last message composed to each of these people at or after `since`, by person. */
    async composedSince(personIds: readonly number[], since: number): Promise<Map<number, number>> {
      const result = new Map<number, number>();
      if (personIds.length === 0) return result;
      const rows = await db
        .selectFrom('outreach_messages')
        .select(['person_id', (eb) => eb.fn.max('composed_at').as('at')])
        .where('workspace_id', '=', workspaceId)
        .where('composed_at', '>=', since)
        .where('person_id', 'in', [...personIds])
        .groupBy('person_id')
        .execute();
      for (const row of rows) result.set(Number(row.person_id), Number(row.at));
      return result;
    },

    /** Messages composed in [from, to), on one channel or all. */
    async countComposed(from: number, to: number, channel?: string): Promise<number> {
      let query = db
        .selectFrom('outreach_messages')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('workspace_id', '=', workspaceId)
        .where('composed_at', '>=', from)
        .where('composed_at', '<', to);
      if (channel) query = query.where('channel', '=', channel);
      return Number((await query.executeTakeFirstOrThrow()).n);
    },

    /** Invitations I sent in [from, to), as imported or recorded. */
    async countInvitationsSent(from: number, to: number): Promise<number> {
      const row = await db
        .selectFrom('invitations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('workspace_id', '=', workspaceId)
        .where('direction', '=', 'out')
        .where('sent_at', '>=', from)
        .where('sent_at', '<', to)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** The messages finished from a batch, in recipient order (by person id), with when each was sent. */
    async messages(batchId: number): Promise<StoredMessage[]> {
      const rows = await db
        .selectFrom('outreach_messages')
        .select(['person_id', 'subject', 'body', 'sent_at'])
        .where('workspace_id', '=', workspaceId)
        .where('batch_id', '=', batchId)
        .orderBy('person_id')
        .execute();
      return rows.map((row) => ({
        personId: Number(row.person_id),
        subject: row.subject,
        body: row.body,
        sentAt: row.sent_at === null ? null : Number(row.sent_at),
      }));
    },

    /** One message went out: a re-run of the batch's send skips it. */
    async markSent(batchId: number, personId: number, at: number, messageId: string): Promise<void> {
      await db
        .updateTable('outreach_messages')
        .set({ sent_at: at, message_id: messageId })
        .where('workspace_id', '=', workspaceId)
        .where('batch_id', '=', batchId)
        .where('person_id', '=', personId)
        .execute();
    },

    async finish(batch: OutreachBatch, messages: readonly FinishedMessage[], now: number): Promise<void> {
      for (const message of messages)
        await db
          .insertInto('outreach_messages')
          .values({
            workspace_id: workspaceId,
            batch_id: batch.id,
            person_id: message.personId,
            channel: batch.channel,
            personal_line: message.personalLine,
            subject: message.subject,
            body: message.body,
            composed_at: now,
          })
          .execute();
      await db
        .updateTable('outreach_batches')
        .set({ finished_at: now })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', batch.id)
        .execute();
    },
  };
}
