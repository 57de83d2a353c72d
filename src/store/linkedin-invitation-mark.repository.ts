import type { StoreContext } from './store.js';

export type InvitationMarkKind = 'drafted' | 'withdrawn';

/** What tend records of my own LinkedIn invitations beyond the imported ones (migrations/0015-…). */
export function createLinkedinInvitationMarkRepository(context: StoreContext) {
  const { db, workspaceId } = context;
  return {
    async record(personId: number, kind: InvitationMarkKind, at: number): Promise<void> {
      await db
        .insertInto('linkedin_invitation_marks')
        .values({ workspace_id: workspaceId, person_id: personId, kind, at })
        .execute();
    },

    /** The people with a mark of `kind` in [from, to), each once. */
    async countPeople(kind: InvitationMarkKind, from: number, to: number): Promise<number> {
      const row = await db
        .selectFrom('linkedin_invitation_marks')
        .select((eb) => eb.fn.count<number>('person_id').distinct().as('n'))
        .where('workspace_id', '=', workspaceId)
        .where('kind', '=', kind)
        .where('at', '>=', from)
        .where('at', '<', to)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** The latest mark of `kind` up to `until` for each of these people that has one. */
    async latest(
      kind: InvitationMarkKind,
      personIds: readonly number[],
      until: number,
    ): Promise<Map<number, number>> {
      const result = new Map<number, number>();
      if (personIds.length === 0) return result;
      const rows = await db
        .selectFrom('linkedin_invitation_marks')
        .select(['person_id', (eb) => eb.fn.max('at').as('at')])
        .where('workspace_id', '=', workspaceId)
        .where('kind', '=', kind)
        .where('at', '<=', until)
        .where('person_id', 'in', [...personIds])
        .groupBy('person_id')
        .execute();
      for (const row of rows) result.set(Number(row.person_id), Number(row.at));
      return result;
    },
  };
}
