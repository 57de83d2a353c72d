import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Circle, ConnectionState, ListedPerson, Person } from '../domain/person.js';
import type { IdentityKind } from '../domain/identity.js';
import { foldText } from '../domain/text-normalization.js';
import type { PeopleTable } from './database.schema.js';
import { createPersonIdentityRepository } from './person-identity.repository.js';
import { columnContains } from './like-pattern.js';
import { inChunks, insertReturningId, rowsOf } from './query-runner.js';
import type { StoreContext } from './store.js';

export interface NewPerson {
  firstName: string;
  lastName: string;
  name: string;
  nameKey: string;
  company: string | null;
  position: string | null;
  headline?: string | null;
  connectedAt: number | null;
  connectionState: ConnectionState;
  lastExportAt: number | null;
  searchText: string;
  now: number;
}

/** Fields an import may refresh. Never the user's own fields (circle, tags, how we met, notes…). */
export interface ImportedPersonFields {
  firstName?: string;
  lastName?: string;
  name?: string;
  nameKey?: string;
  company?: string | null;
  position?: string | null;
  connectedAt?: number | null;
  connectionState?: ConnectionState;
  lastExportAt?: number | null;
  importedNotes?: string | null;
  searchText?: string;
}

/** Fields only the user sets (`tend set`, the demo overlay). */
export interface UserPersonFields {
  circle?: Circle | null;
  tags?: string[];
  needs?: string[];
  offers?: string[];
  goals?: string[];
  howMet?: string | null;
  notes?: string | null;
  doNotContact?: boolean;
  strengthFloor?: number | null;
  strengthOverride?: number | null;
  archivedAt?: number | null;
}

export type { PersonIdentityRow } from './person-identity.repository.js';

/** A JSON list column (tags, needs, offers, goals); most are empty, and `[]` needs no parsing. */
export function listOf(value: string): string[] {
  if (value === '[]') return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

export function toPerson(row: Selectable<PeopleTable>): Person {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    name: row.display_name,
    company: row.company,
    position: row.position,
    headline: row.headline,
    location: row.location,
    connectedAt: row.connected_at,
    connectionState: row.connection_state as ConnectionState,
    lastExportAt: row.last_export_at,
    circle: row.circle as Circle | null,
    tags: listOf(row.tags),
    needs: listOf(row.needs),
    offers: listOf(row.offers),
    goals: listOf(row.goals),
    howMet: row.how_met,
    notes: row.notes,
    importedNotes: row.imported_notes,
    doNotContact: row.do_not_contact === 1,
    strengthFloor: row.strength_floor,
    strengthOverride: row.strength_override,
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const NEW_PERSON_COLUMNS = [
  'workspace_id',
  'first_name',
  'last_name',
  'display_name',
  'name_key',
  'company',
  'position',
  'headline',
  'location',
  'tags',
  'needs',
  'offers',
  'goals',
  'do_not_contact',
  'connected_at',
  'connection_state',
  'last_export_at',
  'search_text',
  'created_at',
  'updated_at',
] as const satisfies ReadonlyArray<keyof PeopleTable>;

/** A new person's row: what the import knows, the user's fields empty. */
type NewPersonRow = { [K in (typeof NEW_PERSON_COLUMNS)[number]]: Insertable<PeopleTable>[K] };

/**
 * `workspace_id` compared as `workspace_id || ''`: SQLite then scans the table instead of turning a scan over a
 * whole workspace into one lookup per row through the (workspace_id, name_key) index.
 */
const WORKSPACE_SCANNED = sql<string>`workspace_id || ''`;

export function createPersonRepository(context: StoreContext) {
  const { db, workspaceId } = context;
  const people = () => db.selectFrom('people').selectAll().where('workspace_id', '=', workspaceId);

  return {
    async findById(id: number): Promise<Person | undefined> {
      const row = await people().where('id', '=', id).executeTakeFirst();
      return row ? toPerson(row) : undefined;
    },

    async findByIds(ids: readonly number[]): Promise<Person[]> {
      return inChunks(ids, async (chunk) =>
        (await people().where('id', 'in', chunk).execute()).map(toPerson),
      );
    },

    /** Every person's id and connection instant (the facts builder needs them for follow-ups). */
    async connectedAtAll(): Promise<Map<number, number | null>> {
      const rows = await db
        .selectFrom('people')
        .select(['id', 'connected_at'])
        .where('workspace_id', '=', workspaceId)
        .execute();
      return new Map(
        rows.map((row) => [Number(row.id), row.connected_at === null ? null : Number(row.connected_at)]),
      );
    },

    async findByIdentity(kind: IdentityKind, value: string): Promise<Person | undefined> {
      const row = await db
        .selectFrom('person_identities')
        .innerJoin('people', 'people.id', 'person_identities.person_id')
        .selectAll('people')
        .where('person_identities.workspace_id', '=', workspaceId)
        .where('person_identities.kind', '=', kind)
        .where('person_identities.value', '=', value)
        .executeTakeFirst();
      return row ? toPerson(row) : undefined;
    },

    ...createPersonIdentityRepository(context),

    /** Names and connection states of everyone, for resolving an import in memory. */
    async listNames(): Promise<Array<{ id: number; name: string; connectionState: ConnectionState }>> {
      const rows = await db
        .selectFrom('people')
        .select(['id', 'display_name', 'connection_state'])
        .where('workspace_id', '=', workspaceId)
        .execute();
      return rows.map((row) => ({
        id: Number(row.id),
        name: row.display_name,
        connectionState: row.connection_state as ConnectionState,
      }));
    },

    /** Every current company name once (company targets of `tend path` match them loosely in TypeScript). */
    async distinctCompanies(): Promise<string[]> {
      const query = db
        .selectFrom('people')
        .select('company')
        .distinct()
        .where(WORKSPACE_SCANNED, '=', workspaceId)
        .where('company', 'is not', null);
      return (await rowsOf(context, query)).flatMap((row) => (row.company === null ? [] : [row.company]));
    },

    /** Who works at one of these companies now, lean. */
    async listAtCompanies(
      companies: readonly string[],
    ): Promise<
      Array<{ id: number; name: string; company: string; archived: boolean; doNotContact: boolean }>
    > {
      return inChunks(companies, async (chunk) => {
        const query = db
          .selectFrom('people')
          .select(['id', 'display_name', 'company', 'archived_at', 'do_not_contact'])
          .where(WORKSPACE_SCANNED, '=', workspaceId)
          .where('company', 'in', chunk)
          .orderBy('id');
        return (await rowsOf(context, query)).map((row) => ({
          id: Number(row.id),
          name: row.display_name,
          company: row.company ?? '',
          archived: row.archived_at !== null,
          doNotContact: row.do_not_contact === 1,
        }));
      });
    },

    async findByNameKey(nameKey: string): Promise<Person[]> {
      const rows = await people().where('name_key', '=', nameKey).orderBy('id').execute();
      return rows.map(toPerson);
    },

    /** Case- and accent-insensitive substring search over the search column; archived people excluded. */
    async search(
      text: string | null,
      options: { includeArchived?: boolean; limit?: number } = {},
    ): Promise<Person[]> {
      let query = people();
      if (!options.includeArchived) query = query.where('archived_at', 'is', null);
      const needle = text ? foldText(text.trim()) : '';
      if (needle.length > 0) query = query.where(columnContains('search_text', needle));
      if (options.limit) query = query.limit(options.limit);
      const rows = await query.orderBy('display_name').orderBy('id').execute();
      return rows.map(toPerson);
    },

    /**
     * Not archived, whose search text contains `text` (everyone without), with what a listing shows and
     * scores, in no order (the caller sorts by the locale's collation). A scan of the table: `workspace_id ||
     * ''` keeps SQLite from reading every row through the name index one at a time, and the listing's
     * columns alone keep its memory small (docs/PERFORMANCE.md#people-listing).
     */
    async listing(text: string | null): Promise<ListedPerson[]> {
      let query = db
        .selectFrom('people')
        .select([
          'id',
          'display_name',
          'company',
          'position',
          'circle',
          'connected_at',
          'strength_floor',
          'strength_override',
        ])
        .where(sql<string>`${sql.ref('workspace_id')} || ''`, '=', workspaceId)
        .where('archived_at', 'is', null);
      const needle = text ? foldText(text.trim()) : '';
      if (needle.length > 0) query = query.where(columnContains('search_text', needle));
      return (await rowsOf(context, query)).map((row) => ({
        id: row.id,
        name: row.display_name,
        company: row.company,
        position: row.position,
        circle: row.circle as Circle | null,
        connectedAt: row.connected_at,
        strengthFloor: row.strength_floor,
        strengthOverride: row.strength_override,
      }));
    },

    async insert(person: NewPerson): Promise<number> {
      return insertReturningId(
        context,
        {
          name: 'people.insert',
          columns: NEW_PERSON_COLUMNS,
          build: (rows: NewPersonRow[]) => db.insertInto('people').values(rows).returning('id'),
        },
        {
          workspace_id: workspaceId,
          first_name: person.firstName,
          last_name: person.lastName,
          display_name: person.name,
          name_key: person.nameKey,
          company: person.company,
          position: person.position,
          headline: person.headline ?? null,
          location: null,
          tags: '[]',
          needs: '[]',
          offers: '[]',
          goals: '[]',
          do_not_contact: 0,
          connected_at: person.connectedAt,
          connection_state: person.connectionState,
          last_export_at: person.lastExportAt,
          search_text: person.searchText,
          created_at: person.now,
          updated_at: person.now,
        },
      );
    },

    async updateImported(id: number, fields: ImportedPersonFields, now: number): Promise<void> {
      const values: Updateable<PeopleTable> = { updated_at: now };
      if (fields.firstName !== undefined) values.first_name = fields.firstName;
      if (fields.lastName !== undefined) values.last_name = fields.lastName;
      if (fields.name !== undefined) values.display_name = fields.name;
      if (fields.nameKey !== undefined) values.name_key = fields.nameKey;
      if (fields.company !== undefined) values.company = fields.company;
      if (fields.position !== undefined) values.position = fields.position;
      if (fields.connectedAt !== undefined) values.connected_at = fields.connectedAt;
      if (fields.connectionState !== undefined) values.connection_state = fields.connectionState;
      if (fields.lastExportAt !== undefined) values.last_export_at = fields.lastExportAt;
      if (fields.importedNotes !== undefined) values.imported_notes = fields.importedNotes;
      if (fields.searchText !== undefined) values.search_text = fields.searchText;
      await db
        .updateTable('people')
        .set(values)
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },

    async updateUserFields(id: number, fields: UserPersonFields, now: number): Promise<void> {
      const values: Updateable<PeopleTable> = { updated_at: now };
      if (fields.circle !== undefined) values.circle = fields.circle;
      if (fields.tags !== undefined) values.tags = JSON.stringify(fields.tags);
      if (fields.needs !== undefined) values.needs = JSON.stringify(fields.needs);
      if (fields.offers !== undefined) values.offers = JSON.stringify(fields.offers);
      if (fields.goals !== undefined) values.goals = JSON.stringify(fields.goals);
      if (fields.howMet !== undefined) values.how_met = fields.howMet;
      if (fields.notes !== undefined) values.notes = fields.notes;
      if (fields.doNotContact !== undefined) values.do_not_contact = fields.doNotContact ? 1 : 0;
      if (fields.strengthFloor !== undefined) values.strength_floor = fields.strengthFloor;
      if (fields.strengthOverride !== undefined) values.strength_override = fields.strengthOverride;
      if (fields.archivedAt !== undefined) values.archived_at = fields.archivedAt;
      await db
        .updateTable('people')
        .set(values)
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },

    /** Connections not seen in an export newer than the one they were last seen in. */
    async markNoLongerConnected(exportAt: number, now: number): Promise<number> {
      const result = await db
        .updateTable('people')
        .set({ connection_state: 'no-longer-connected', updated_at: now })
        .where('workspace_id', '=', workspaceId)
        .where('connection_state', '=', 'connected')
        .where('last_export_at', '<', exportAt)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async count(): Promise<number> {
      const row = await db
        .selectFrom('people')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

export type PersonRepository = ReturnType<typeof createPersonRepository>;
