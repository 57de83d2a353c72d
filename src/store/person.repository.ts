import type { Selectable, Updateable } from 'kysely';
import type { Circle, ConnectionState, Person } from '../domain/person.js';
import type { IdentityKind } from '../domain/identity.js';
import { foldText } from '../domain/text-normalization.js';
import type { PeopleTable } from './database.schema.js';
import { prepared } from './sqlite-statements.js';
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

export interface PersonIdentityRow {
  personId: number;
  kind: IdentityKind;
  value: string;
}

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

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

export function createPersonRepository(context: StoreContext) {
  const { db, workspaceId } = context;
  const people = () => db.selectFrom('people').selectAll().where('workspace_id', '=', workspaceId);

  return {
    async findById(id: number): Promise<Person | undefined> {
      const row = await people().where('id', '=', id).executeTakeFirst();
      return row ? toPerson(row) : undefined;
    },

    async findByIds(ids: readonly number[]): Promise<Person[]> {
      const found: Person[] = [];
      // Chunks far below both databases' limits on bound values.
      for (let start = 0; start < ids.length; start += 900) {
        const rows = await people()
          .where('id', 'in', ids.slice(start, start + 900))
          .execute();
        for (const row of rows) found.push(toPerson(row));
      }
      return found;
    },

    /** Which of these people have an identity from `source` (e.g. the address book uploaded to LinkedIn). */
    async withIdentitySource(ids: readonly number[], source: string): Promise<Set<number>> {
      const found = new Set<number>();
      for (let start = 0; start < ids.length; start += 900) {
        const rows = await db
          .selectFrom('person_identities')
          .select('person_id')
          .where('workspace_id', '=', workspaceId)
          .where('source', '=', source)
          .where('person_id', 'in', ids.slice(start, start + 900))
          .execute();
        for (const row of rows) found.add(Number(row.person_id));
      }
      return found;
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

    /**
     * Every current company name once (company targets of `tend path` match them loosely in TypeScript).
     * On SQLite a plain scan: the (workspace_id, name_key) index would turn it into 30,000 lookups.
     */
    async distinctCompanies(): Promise<string[]> {
      if (context.sqlite) {
        return prepared(
          context.sqlite,
          'select distinct company from people not indexed where workspace_id = ? and company is not null',
        )
          .pluck()
          .all(workspaceId) as string[];
      }
      const rows = await db
        .selectFrom('people')
        .select('company')
        .distinct()
        .where('workspace_id', '=', workspaceId)
        .where('company', 'is not', null)
        .execute();
      return rows.flatMap((row) => (row.company === null ? [] : [row.company]));
    },

    /** Who works at one of these companies now, lean. */
    async listAtCompanies(
      companies: readonly string[],
    ): Promise<
      Array<{ id: number; name: string; company: string; archived: boolean; doNotContact: boolean }>
    > {
      const result: Array<{
        id: number;
        name: string;
        company: string;
        archived: boolean;
        doNotContact: boolean;
      }> = [];
      for (let start = 0; start < companies.length; start += 500) {
        const batch = companies.slice(start, start + 500);
        if (context.sqlite) {
          const rows = prepared(
            context.sqlite,
            `select id, display_name, company, archived_at, do_not_contact from people not indexed
              where workspace_id = ? and company in (${batch.map(() => '?').join(', ')}) order by id`,
          )
            .raw(true)
            .all(workspaceId, ...batch) as Array<[number, string, string, number | null, number]>;
          for (const [id, name, company, archivedAt, doNotContact] of rows)
            result.push({
              id,
              name,
              company,
              archived: archivedAt !== null,
              doNotContact: doNotContact === 1,
            });
          continue;
        }
        const rows = await db
          .selectFrom('people')
          .select(['id', 'display_name', 'company', 'archived_at', 'do_not_contact'])
          .where('workspace_id', '=', workspaceId)
          .where('company', 'in', batch)
          .orderBy('id')
          .execute();
        for (const row of rows)
          result.push({
            id: Number(row.id),
            name: row.display_name,
            company: row.company ?? '',
            archived: row.archived_at !== null,
            doNotContact: row.do_not_contact === 1,
          });
      }
      return result;
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
      if (needle.length > 0) query = query.where('search_text', 'like', `%${escapeLike(needle)}%`);
      if (options.limit) query = query.limit(options.limit);
      const rows = await query.orderBy('display_name').orderBy('id').execute();
      return rows.map(toPerson);
    },

    async insert(person: NewPerson): Promise<number> {
      if (context.sqlite) {
        const result = prepared(
          context.sqlite,
          `insert into people (workspace_id, first_name, last_name, display_name, name_key, company, position, headline,
             location, connected_at, connection_state, last_export_at, tags, needs, offers, goals, do_not_contact,
             search_text, created_at, updated_at)
           values (?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, '[]', '[]', '[]', '[]', 0, ?, ?, ?)`,
        ).run(
          workspaceId,
          person.firstName,
          person.lastName,
          person.name,
          person.nameKey,
          person.company,
          person.position,
          person.headline ?? null,
          person.connectedAt,
          person.connectionState,
          person.lastExportAt,
          person.searchText,
          person.now,
          person.now,
        );
        return Number(result.lastInsertRowid);
      }
      const row = await db
        .insertInto('people')
        .values({
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
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
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

    /** Adds identities that are not yet known; returns how many were new. Existing owners are kept. */
    async addIdentities(rows: readonly PersonIdentityRow[], source: string): Promise<number> {
      if (rows.length === 0) return 0;
      if (context.sqlite) {
        const statement = prepared(
          context.sqlite,
          'insert into person_identities (workspace_id, person_id, kind, value, source) values (?, ?, ?, ?, ?) on conflict do nothing',
        );
        let added = 0;
        for (const row of rows)
          added += statement.run(workspaceId, row.personId, row.kind, row.value, source).changes;
        return added;
      }
      const result = await db
        .insertInto('person_identities')
        .values(
          rows.map((row) => ({
            workspace_id: workspaceId,
            person_id: row.personId,
            kind: row.kind,
            value: row.value,
            source,
          })),
        )
        .onConflict((conflict) => conflict.columns(['workspace_id', 'kind', 'value']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0);
    },

    async listIdentities(personId: number): Promise<PersonIdentityRow[]> {
      const rows = await db
        .selectFrom('person_identities')
        .select(['person_id', 'kind', 'value'])
        .where('workspace_id', '=', workspaceId)
        .where('person_id', '=', personId)
        .orderBy('kind')
        .orderBy('value')
        .execute();
      return rows.map((row) => ({
        personId: Number(row.person_id),
        kind: row.kind as IdentityKind,
        value: row.value,
      }));
    },

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
      if (context.sqlite) {
        const statement = prepared(
          context.sqlite,
          'insert into person_observations (workspace_id, person_id, field, value, seen_at) values (?, ?, ?, ?, ?) on conflict do nothing',
        );
        for (const row of rows) statement.run(workspaceId, row.personId, row.field, row.value, row.seenAt);
        return;
      }
      // 5 values a row: 1,000 rows stay far below the bound values a statement may have.
      for (let start = 0; start < rows.length; start += 1000) {
        await db
          .insertInto('person_observations')
          .values(
            rows.slice(start, start + 1000).map((row) => ({
              workspace_id: workspaceId,
              person_id: row.personId,
              field: row.field,
              value: row.value,
              seen_at: row.seenAt,
            })),
          )
          .onConflict((conflict) => conflict.doNothing())
          .execute();
      }
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
