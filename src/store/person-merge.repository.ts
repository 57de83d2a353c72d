import { sql } from 'kysely';
import { createPersonMergeRecordRepository } from './person-merge-record.repository.js';
import { storedInteractionsChanged, type StoreContext } from './store.js';

const OPEN_INTRODUCTION_ENDS = ['declined-a', 'declined-b', 'outcome'];
const CONNECTION_RANK: Record<string, number> = {
  connected: 2,
  'no-longer-connected': 1,
  'not-connected': 0,
};

function unionOfLists(kept: string, other: string): string {
  const parse = (text: string): string[] => {
    try {
      const value: unknown = JSON.parse(text);
      return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
    } catch {
      return [];
    }
  };
  return JSON.stringify([...new Set([...parse(kept), ...parse(other)])]);
}

/**
 * Two people found to be one by a strong identity (profile URL, e-mail) become one: everything of `goneId`
 * moves to `keepId` and `goneId` is deleted (docs/rules/identity-and-imports.md#merge-by-identity: by
 * identity, never by name alone). Every merge is recorded (person-merge-record.repository.ts) so that it can be
 * undone, also one an import made.
 */
export function createPersonMergeRepository(context: StoreContext) {
  const { db, workspaceId } = context;
  const person = (id: number) =>
    db.selectFrom('people').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id);

  return {
    async merge(keepId: number, goneId: number, now: number): Promise<boolean> {
      return (await this.mergeRecorded(keepId, goneId, now, 'import')) !== undefined;
    },

    /** The merge, recorded so that `tend unmerge` can undo it; returns the record's id. */
    async mergeRecorded(
      keepId: number,
      goneId: number,
      now: number,
      source: 'user' | 'import',
    ): Promise<number | undefined> {
      if (keepId === goneId) return undefined;
      const [keep, gone] = await Promise.all([
        person(keepId).executeTakeFirst(),
        person(goneId).executeTakeFirst(),
      ]);
      if (!keep || !gone) return undefined;
      const records = createPersonMergeRecordRepository(context);
      const record = await records.capture(keepId, goneId);
      if (!record) return undefined;
      // The kept person's values win; what only the other one had is kept. The archive state stays the kept
      // person's: a merge found by an import must not hide a live connection.
      const rank = (state: string) => CONNECTION_RANK[state] ?? 0;
      await db
        .updateTable('people')
        .set({
          company: keep.company ?? gone.company,
          position: keep.position ?? gone.position,
          headline: keep.headline ?? gone.headline,
          location: keep.location ?? gone.location,
          connected_at: keep.connected_at ?? gone.connected_at,
          connection_state:
            rank(gone.connection_state) > rank(keep.connection_state)
              ? gone.connection_state
              : keep.connection_state,
          last_export_at:
            keep.last_export_at === null || gone.last_export_at === null
              ? (keep.last_export_at ?? gone.last_export_at)
              : Math.max(Number(keep.last_export_at), Number(gone.last_export_at)),
          circle: keep.circle ?? gone.circle,
          tags: unionOfLists(keep.tags, gone.tags),
          needs: unionOfLists(keep.needs, gone.needs),
          offers: unionOfLists(keep.offers, gone.offers),
          goals: unionOfLists(keep.goals, gone.goals),
          how_met: keep.how_met ?? gone.how_met,
          notes: keep.notes ?? gone.notes,
          do_not_contact: Math.max(keep.do_not_contact, gone.do_not_contact),
          strength_floor: keep.strength_floor ?? gone.strength_floor,
          strength_override: keep.strength_override ?? gone.strength_override,
          imported_notes: keep.imported_notes ?? gone.imported_notes,
          updated_at: now,
        })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', keepId)
        .execute();

      storedInteractionsChanged(context);
      for (const table of ['person_identities', 'interactions', 'invitations', 'contact_cards'] as const) {
        await db
          .updateTable(table)
          .set({ person_id: keepId })
          .where('workspace_id', '=', workspaceId)
          .where('person_id', '=', goneId)
          .execute();
      }
      // Rows keyed by person: copied unless the kept person has the same one; the rest go with the delete.
      await db
        .insertInto('person_observations')
        .columns(['workspace_id', 'person_id', 'field', 'value', 'seen_at'])
        .expression((eb) =>
          eb
            .selectFrom('person_observations')
            .select(['workspace_id', sql.lit(keepId).as('person_id'), 'field', 'value', 'seen_at'])
            .where('workspace_id', '=', workspaceId)
            .where('person_id', '=', goneId),
        )
        .onConflict((conflict) => conflict.doNothing())
        .execute();
      await db
        .insertInto('conversation_members')
        .columns(['workspace_id', 'conversation_key', 'person_id'])
        .expression((eb) =>
          eb
            .selectFrom('conversation_members')
            .select(['workspace_id', 'conversation_key', sql.lit(keepId).as('person_id')])
            .where('workspace_id', '=', workspaceId)
            .where('person_id', '=', goneId),
        )
        .onConflict((conflict) => conflict.doNothing())
        .execute();
      await moveTies(keepId, goneId, now);
      await moveIntroductions(keepId, goneId);
      await db
        .deleteFrom('people')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', goneId)
        .execute();
      return records.save(record, source, now);
    },
  };

  async function moveTies(keepId: number, goneId: number, now: number): Promise<void> {
    const ties = await db
      .selectFrom('known_ties')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where((eb) => eb.or([eb('person_a', '=', goneId), eb('person_b', '=', goneId)]))
      .execute();
    for (const tie of ties) {
      const other = Number(tie.person_a) === goneId ? Number(tie.person_b) : Number(tie.person_a);
      if (other === keepId) continue;
      await db
        .insertInto('known_ties')
        .values({
          workspace_id: workspaceId,
          person_a: Math.min(other, keepId),
          person_b: Math.max(other, keepId),
          source: tie.source,
          strength: tie.strength,
          evidence: tie.evidence,
          created_at: Number(tie.created_at ?? now),
        })
        .onConflict((conflict) => conflict.doNothing())
        .execute();
    }
  }

  /** Moved unless the kept person already has an open introduction with the same other person. */
  async function moveIntroductions(keepId: number, goneId: number): Promise<void> {
    const introductions = await db
      .selectFrom('introductions')
      .select(['id', 'person_a', 'person_b', 'state'])
      .where('workspace_id', '=', workspaceId)
      .where((eb) => eb.or([eb('person_a', '=', goneId), eb('person_b', '=', goneId)]))
      .execute();
    for (const introduction of introductions) {
      const goneIsA = Number(introduction.person_a) === goneId;
      const other = goneIsA ? Number(introduction.person_b) : Number(introduction.person_a);
      if (other === keepId) continue;
      if (!OPEN_INTRODUCTION_ENDS.includes(introduction.state)) {
        const clash = await db
          .selectFrom('introductions')
          .select('id')
          .where('workspace_id', '=', workspaceId)
          .where('state', 'not in', OPEN_INTRODUCTION_ENDS)
          .where((eb) =>
            eb.or([
              eb.and([eb('person_a', '=', keepId), eb('person_b', '=', other)]),
              eb.and([eb('person_a', '=', other), eb('person_b', '=', keepId)]),
            ]),
          )
          .executeTakeFirst();
        if (clash) continue;
      }
      await db
        .updateTable('introductions')
        .set(goneIsA ? { person_a: keepId } : { person_b: keepId })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', introduction.id)
        .execute();
    }
  }
}
