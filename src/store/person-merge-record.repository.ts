import { AppError } from '../domain/errors.js';
import { inChunks } from './query-runner.js';
import { restoreMergeCopies, type MergeRecord, type Observation } from './person-merge-restore.js';

export type { MergeRecord } from './person-merge-restore.js';
import { storedInteractionsChanged, type StoreContext } from './store.js';

export interface MergeEntry {
  id: number;
  keptId: number;
  goneId: number;
  goneName: string;
  source: string;
  at: number;
  undoneAt: number | null;
  record: MergeRecord;
}

const observationKey = (o: Observation) => `${o.field}\u001f${o.value}\u001f${Number(o.seen_at)}`;
const tieKey = (a: number, b: number, source: string) => `${Math.min(a, b)}:${Math.max(a, b)}:${source}`;

/** Person columns a merge may change on the kept person (person-merge.repository.ts). */
const MERGED_COLUMNS = [
  'company',
  'position',
  'headline',
  'location',
  'connected_at',
  'connection_state',
  'last_export_at',
  'circle',
  'tags',
  'needs',
  'offers',
  'goals',
  'how_met',
  'notes',
  'do_not_contact',
  'strength_floor',
  'strength_override',
  'imported_notes',
  'search_text',
] as const;

/** Records merges before they happen and undoes them (`tend unmerge`). */
export function createPersonMergeRecordRepository(context: StoreContext) {
  const { db, workspaceId } = context;
  const personRow = (id: number) =>
    db
      .selectFrom('people')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  const ids = (rows: { id: number }[]) => rows.map((row) => Number(row.id));
  const observationsOf = (personId: number) =>
    db
      .selectFrom('person_observations')
      .select(['field', 'value', 'seen_at'])
      .where('workspace_id', '=', workspaceId)
      .where('person_id', '=', personId)
      .execute();
  const membersOf = async (personId: number) =>
    (
      await db
        .selectFrom('conversation_members')
        .select('conversation_key')
        .where('workspace_id', '=', workspaceId)
        .where('person_id', '=', personId)
        .execute()
    ).map((row) => row.conversation_key);
  const tiesOf = (personId: number) =>
    db
      .selectFrom('known_ties')
      .select(['person_a', 'person_b', 'source', 'strength', 'evidence', 'created_at'])
      .where('workspace_id', '=', workspaceId)
      .where((eb) => eb.or([eb('person_a', '=', personId), eb('person_b', '=', personId)]))
      .execute();

  return {
    /** What merging `goneId` into `keepId` will move, read before the merge; undefined when one is missing. */
    async capture(keepId: number, goneId: number): Promise<MergeRecord | undefined> {
      const [keptBefore, gone] = await Promise.all([personRow(keepId), personRow(goneId)]);
      if (!keptBefore || !gone) return undefined;
      const [identities, interactions, invitations, cards, observations, keptObservations] =
        await Promise.all([
          db
            .selectFrom('person_identities')
            .select(['kind', 'value', 'source'])
            .where('workspace_id', '=', workspaceId)
            .where('person_id', '=', goneId)
            .execute(),
          db
            .selectFrom('interactions')
            .select('id')
            .where('workspace_id', '=', workspaceId)
            .where('person_id', '=', goneId)
            .orderBy('id')
            .execute(),
          db
            .selectFrom('invitations')
            .select('id')
            .where('workspace_id', '=', workspaceId)
            .where('person_id', '=', goneId)
            .orderBy('id')
            .execute(),
          db
            .selectFrom('contact_cards')
            .select('source_key')
            .where('workspace_id', '=', workspaceId)
            .where('person_id', '=', goneId)
            .execute(),
          observationsOf(goneId),
          observationsOf(keepId),
        ]);
      const keptObservationKeys = new Set(keptObservations.map(observationKey));
      const [members, keptMembers, ties, keptTies] = await Promise.all([
        membersOf(goneId),
        membersOf(keepId),
        tiesOf(goneId),
        tiesOf(keepId),
      ]);
      const keptTieKeys = new Set(
        keptTies.map((tie) => tieKey(Number(tie.person_a), Number(tie.person_b), tie.source)),
      );
      const copiedTies: [number, number, string][] = [];
      for (const tie of ties) {
        const other = Number(tie.person_a) === goneId ? Number(tie.person_b) : Number(tie.person_a);
        const key = tieKey(other, keepId, tie.source);
        if (other === keepId || keptTieKeys.has(key)) continue;
        keptTieKeys.add(key);
        copiedTies.push([Math.min(other, keepId), Math.max(other, keepId), tie.source]);
      }
      const introductions = await db
        .selectFrom('introductions')
        .select(['id', 'person_a', 'person_b', 'why', 'state', 'state_at', 'history', 'created_at'])
        .where('workspace_id', '=', workspaceId)
        .where((eb) => eb.or([eb('person_a', '=', goneId), eb('person_b', '=', goneId)]))
        .execute();
      const proposals = await db
        .selectFrom('duplicate_proposals')
        .select(['person_a', 'person_b', 'reason', 'state', 'created_at'])
        .where('workspace_id', '=', workspaceId)
        .where((eb) => eb.or([eb('person_a', '=', goneId), eb('person_b', '=', goneId)]))
        .execute();
      return {
        keptBefore,
        keptAfter: null,
        gone,
        identities,
        interactionIds: ids(interactions),
        invitationIds: ids(invitations),
        contactCardKeys: cards.map((card) => Number(card.source_key)),
        observations,
        copiedObservations: observations.filter((o) => !keptObservationKeys.has(observationKey(o))),
        members,
        copiedMembers: members.filter((key) => !keptMembers.includes(key)),
        ties,
        copiedTies,
        introductions,
        proposals,
      };
    },

    /** Stores a merge that happened; returns its id. */
    async save(record: MergeRecord, source: 'user' | 'import', now: number): Promise<number> {
      const keptAfter = (await personRow(Number(record.keptBefore.id))) ?? null;
      const row = await db
        .insertInto('person_merges')
        .values({
          workspace_id: workspaceId,
          kept_id: Number(record.keptBefore.id),
          gone_id: Number(record.gone.id),
          gone_name: record.gone.display_name,
          gone_name_key: record.gone.name_key,
          gone_connected_at: record.gone.connected_at,
          gone_connection_state: record.gone.connection_state,
          source,
          at: now,
          record: JSON.stringify({ ...record, keptAfter }),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    },

    /** Merges not undone, newest first; only those into `keptId` when given. */
    async listOpen(keptId?: number): Promise<MergeEntry[]> {
      let query = db
        .selectFrom('person_merges')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('undone_at', 'is', null);
      if (keptId !== undefined) query = query.where('kept_id', '=', keptId);
      const rows = await query.orderBy('id', 'desc').execute();
      return rows.map((row) => ({
        id: Number(row.id),
        keptId: Number(row.kept_id),
        goneId: Number(row.gone_id),
        goneName: row.gone_name,
        source: row.source,
        at: Number(row.at),
        undoneAt: null,
        record: JSON.parse(row.record) as MergeRecord,
      }));
    },

    /**
     * Gives the merged-away person back with everything the merge moved, and the kept person's values the
     * merge filled in — each only where nothing changed it since (a later edit wins).
     */
    async undo(entry: MergeEntry, now: number): Promise<number> {
      const { record } = entry;
      const keptId = entry.keptId;
      const kept = await personRow(keptId);
      if (!kept) {
        const later = (await this.listOpen()).find((other) => other.goneId === keptId);
        throw new AppError(
          'conflict',
          `the person ${entry.goneName} was merged into (id ${keptId}) was merged again later${later ? ` into id ${later.keptId}: run tend unmerge ${keptId} first` : ''}`,
        );
      }
      storedInteractionsChanged(context);
      // SQLite gives a deleted largest id to the next new person: then the merged-away one comes back under
      // a new id, with everything that was theirs.
      const { id: formerId, ...gone } = record.gone;
      const goneId = (await personRow(Number(formerId)))
        ? Number((await db.insertInto('people').values(gone).returning('id').executeTakeFirstOrThrow()).id)
        : (await db.insertInto('people').values(record.gone).execute(), Number(formerId));
      const after = record.keptAfter;
      if (after) {
        const restore: Record<string, unknown> = {};
        for (const column of MERGED_COLUMNS)
          if (String(kept[column]) === String(after[column])) restore[column] = record.keptBefore[column];
        if (Object.keys(restore).length > 0)
          await db
            .updateTable('people')
            .set({ ...restore, updated_at: now })
            .where('workspace_id', '=', workspaceId)
            .where('id', '=', keptId)
            .execute();
      }
      const moveBack = async (table: 'interactions' | 'invitations', rowIds: number[]) =>
        inChunks(rowIds, async (chunk) => {
          await db
            .updateTable(table)
            .set({ person_id: goneId })
            .where('workspace_id', '=', workspaceId)
            .where('person_id', '=', keptId)
            .where('id', 'in', chunk)
            .execute();
        });
      await moveBack('interactions', record.interactionIds);
      await moveBack('invitations', record.invitationIds);
      await inChunks(record.contactCardKeys, async (chunk) => {
        await db
          .updateTable('contact_cards')
          .set({ person_id: goneId })
          .where('workspace_id', '=', workspaceId)
          .where('person_id', '=', keptId)
          .where('source_key', 'in', chunk)
          .execute();
      });
      for (const identity of record.identities)
        await db
          .updateTable('person_identities')
          .set({ person_id: goneId })
          .where('workspace_id', '=', workspaceId)
          .where('person_id', '=', keptId)
          .where('kind', '=', identity.kind)
          .where('value', '=', identity.value)
          .execute();
      await restoreMergeCopies(context, record, keptId, goneId);
      await db
        .updateTable('person_merges')
        .set({ undone_at: now })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', entry.id)
        .execute();
      return goneId;
    },
  };
}

export type PersonMergeRecordRepository = ReturnType<typeof createPersonMergeRecordRepository>;
