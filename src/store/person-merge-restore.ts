import type { Selectable } from 'kysely';
import type { IntroductionsTable, KnownTiesTable, PeopleTable } from './database.schema.js';
import type { StoreContext } from './store.js';

type PersonRow = Selectable<PeopleTable>;
type TieRow = Omit<Selectable<KnownTiesTable>, 'workspace_id'>;
type IntroductionRow = Omit<Selectable<IntroductionsTable>, 'workspace_id'>;

export interface Observation {
  field: string;
  value: string;
  seen_at: number;
}

/**
 * What a merge moved and replaced: enough to give both people back exactly
 * (docs/rules/identity-and-imports.md#merge-records). Rows that moved are named by id or key; rows the merge
 * copied to the kept person (observations, thread memberships, ties) are listed so unmerge removes them.
 */
export interface MergeRecord {
  keptBefore: PersonRow;
  keptAfter: PersonRow | null;
  gone: PersonRow;
  identities: { kind: string; value: string; source: string }[];
  interactionIds: number[];
  invitationIds: number[];
  contactCardKeys: number[];
  observations: Observation[];
  copiedObservations: Observation[];
  members: string[];
  copiedMembers: string[];
  ties: TieRow[];
  copiedTies: [number, number, string][];
  introductions: IntroductionRow[];
  proposals: { person_a: number; person_b: number; reason: string; state: string; created_at: number }[];
}

/** Rows the merge copied to the kept person go; the merged-away person's own come back. */
export async function restoreMergeCopies(
  context: StoreContext,
  record: MergeRecord,
  keptId: number,
  goneId: number,
): Promise<void> {
  const { db, workspaceId } = context;
  const formerId = Number(record.gone.id);
  const as = (id: number) => (Number(id) === formerId ? goneId : id);
  for (const o of record.copiedObservations)
    await db
      .deleteFrom('person_observations')
      .where('workspace_id', '=', workspaceId)
      .where('person_id', '=', keptId)
      .where('field', '=', o.field)
      .where('value', '=', o.value)
      .where('seen_at', '=', o.seen_at)
      .execute();
  if (record.observations.length > 0)
    await db
      .insertInto('person_observations')
      .values(record.observations.map((o) => ({ ...o, workspace_id: workspaceId, person_id: goneId })))
      .onConflict((conflict) => conflict.doNothing())
      .execute();
  if (record.copiedMembers.length > 0)
    await db
      .deleteFrom('conversation_members')
      .where('workspace_id', '=', workspaceId)
      .where('person_id', '=', keptId)
      .where('conversation_key', 'in', record.copiedMembers)
      .execute();
  if (record.members.length > 0)
    await db
      .insertInto('conversation_members')
      .values(
        record.members.map((key) => ({
          workspace_id: workspaceId,
          conversation_key: key,
          person_id: goneId,
        })),
      )
      .onConflict((conflict) => conflict.doNothing())
      .execute();
  for (const [a, b, source] of record.copiedTies)
    await db
      .deleteFrom('known_ties')
      .where('workspace_id', '=', workspaceId)
      .where('person_a', '=', a)
      .where('person_b', '=', b)
      .where('source', '=', source)
      .execute();
  if (record.ties.length > 0)
    await db
      .insertInto('known_ties')
      .values(
        record.ties.map((tie) => ({
          ...tie,
          person_a: as(tie.person_a),
          person_b: as(tie.person_b),
          workspace_id: workspaceId,
        })),
      )
      .onConflict((conflict) => conflict.doNothing())
      .execute();
  for (const introduction of record.introductions) {
    const moved = await db
      .updateTable('introductions')
      .set({ person_a: as(introduction.person_a), person_b: as(introduction.person_b) })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', introduction.id)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 0)
      await db
        .insertInto('introductions')
        .values({
          ...introduction,
          person_a: as(introduction.person_a),
          person_b: as(introduction.person_b),
          workspace_id: workspaceId,
        })
        .execute();
  }
  if (record.proposals.length > 0)
    await db
      .insertInto('duplicate_proposals')
      .values(
        record.proposals.map((proposal) => ({
          ...proposal,
          person_a: as(proposal.person_a),
          person_b: as(proposal.person_b),
          workspace_id: workspaceId,
        })),
      )
      .onConflict((conflict) => conflict.doNothing())
      .execute();
}
