import type { IdentityKind } from '../domain/identity.js';
import { inChunks, writeRows } from './query-runner.js';
import type { StoreContext } from './store.js';

export interface PersonIdentityRow {
  personId: number;
  kind: IdentityKind;
  value: string;
}

interface IdentityRow {
  workspace_id: string;
  person_id: number;
  kind: string;
  value: string;
  source: string;
}

interface ObservationRow {
  workspace_id: string;
  person_id: number;
  field: string;
  value: string;
  seen_at: number;
}

/** How people are recognised (profile URLs, e-mail addresses…) and what was seen of them over time. */
export function createPersonIdentityRepository(context: StoreContext) {
  const { db, workspaceId } = context;

  /** The identities of these people, by kind then value (in each chunk of ids, when there are many). */
  const identitiesOf = async (personIds: readonly number[]): Promise<PersonIdentityRow[]> => {
    return inChunks(personIds, async (chunk) => {
      const rows = await db
        .selectFrom('person_identities')
        .select(['person_id', 'kind', 'value'])
        .where('workspace_id', '=', workspaceId)
        .where('person_id', 'in', chunk)
        .orderBy('kind')
        .orderBy('value')
        .execute();
      return rows.map((row) => ({
        personId: Number(row.person_id),
        kind: row.kind as IdentityKind,
        value: row.value,
      }));
    });
  };

  return {
    /** How many identities of a kind are known (part of a mail or calendar file's fingerprint). */
    async countIdentities(kind: IdentityKind): Promise<number> {
      const row = await db
        .selectFrom('person_identities')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('workspace_id', '=', workspaceId)
        .where('kind', '=', kind)
        .executeTakeFirst();
      return Number(row?.count ?? 0);
    },

    /** Which of these people have an identity from `source` (e.g. the address book uploaded to LinkedIn). */
    async withIdentitySource(ids: readonly number[], source: string): Promise<Set<number>> {
      const found = await inChunks(ids, async (chunk) => {
        const rows = await db
          .selectFrom('person_identities')
          .select('person_id')
          .where('workspace_id', '=', workspaceId)
          .where('source', '=', source)
          .where('person_id', 'in', chunk)
          .execute();
        return rows.map((row) => Number(row.person_id));
      });
      return new Set(found);
    },

    /** Which of these people have an identity of this kind (a profile URL, an e-mail address…). */
    async withIdentityKind(ids: readonly number[], kind: IdentityKind): Promise<Set<number>> {
      const found = await inChunks(ids, async (chunk) => {
        const rows = await db
          .selectFrom('person_identities')
          .select('person_id')
          .where('workspace_id', '=', workspaceId)
          .where('kind', '=', kind)
          .where('person_id', 'in', chunk)
          .execute();
        return rows.map((row) => Number(row.person_id));
      });
      return new Set(found);
    },

    /** Adds identities that are not yet known; returns how many were new. Existing owners are kept. */
    async addIdentities(rows: readonly PersonIdentityRow[], source: string): Promise<number> {
      if (rows.length === 0) return 0;
      return writeRows(
        context,
        {
          name: 'person_identities.add',
          columns: ['workspace_id', 'person_id', 'kind', 'value', 'source'],
          build: (values: IdentityRow[]) =>
            db
              .insertInto('person_identities')
              .values(values)
              .onConflict((conflict) => conflict.columns(['workspace_id', 'kind', 'value']).doNothing()),
        },
        rows.map((row) => ({
          workspace_id: workspaceId,
          person_id: row.personId,
          kind: row.kind,
          value: row.value,
          source,
        })),
      );
    },

    async listIdentities(personId: number): Promise<PersonIdentityRow[]> {
      return identitiesOf([personId]);
    },

    /** The identities of these people, for refreshing their search text after an import added some. */
    listIdentitiesOf: identitiesOf,

    /** Every identity of the workspace, for resolving a whole import in memory (30k people: a few MB). */
    async loadIdentityIndex(): Promise<Map<string, number>> {
      const rows = await db
        .selectFrom('person_identities')
        .select(['person_id', 'kind', 'value'])
        .where('workspace_id', '=', workspaceId)
        .execute();
      return new Map(rows.map((row) => [`${row.kind}:${row.value}`, Number(row.person_id)]));
    },

    async addObservations(
      rows: ReadonlyArray<{ personId: number; field: 'company' | 'position'; value: string; seenAt: number }>,
    ): Promise<void> {
      await writeRows(
        context,
        {
          name: 'person_observations.add',
          columns: ['workspace_id', 'person_id', 'field', 'value', 'seen_at'],
          build: (values: ObservationRow[]) =>
            db
              .insertInto('person_observations')
              .values(values)
              .onConflict((conflict) => conflict.doNothing()),
        },
        rows.map((row) => ({
          workspace_id: workspaceId,
          person_id: row.personId,
          field: row.field,
          value: row.value,
          seen_at: row.seenAt,
        })),
      );
    },

    async listObservations(personId: number) {
      return db
        .selectFrom('person_observations')
        .select(['field', 'value', 'seen_at'])
        .where('workspace_id', '=', workspaceId)
        .where('person_id', '=', personId)
        .orderBy('seen_at')
        .execute();
    },
  };
}
