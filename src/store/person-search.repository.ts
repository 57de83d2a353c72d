import { sql, type RawBuilder } from 'kysely';
import type { Circle, ListedPerson } from '../domain/person.js';
import { buildSearchDocument, LIST_SEPARATOR } from '../domain/person-search-document.js';
import type { PersonFilter, StoredAtom } from '../domain/segment-filter.js';
import { listOf } from './person.repository.js';
import { columnContains, containsPattern } from './like-pattern.js';
import { inChunks, rowsOf } from './query-runner.js';
import { prepared } from './sqlite-statements.js';
import type { StoreContext } from './store.js';

/** The highest interaction id the documents include (ids only grow: newer interactions are found by id). */
const THROUGH_KEY = 'search.through';

const FIELD_COLUMNS = {
  company: 'company',
  title: 'title',
  location: 'location',
  'how-met': 'how_met',
  needs: 'needs',
  offers: 'offers',
} as const;

const LISTING_COLUMNS = [
  'p.id',
  'p.display_name',
  'p.company',
  'p.position',
  'p.circle',
  'p.connected_at',
  'p.strength_floor',
  'p.strength_override',
] as const;

/**
 * People by segment filter, over the search documents (migrations/0012-segments.migration.ts): one
 * repository for both databases. Free text is a substring of the search column (names, e-mails, profile URLs,
 * company, position: what `tend people TEXT` always matched) or a word-prefix phrase of the document body —
 * FTS5 on SQLite, `like '% w1 w2%'` (pg_trgm) on PostgreSQL, the same answer over the same folded words.
 */
export function createPersonSearchRepository(context: StoreContext) {
  const { db, workspaceId, dialect } = context;

  function bodyMatch(words: string): RawBuilder<unknown> {
    if (dialect === 'sqlite')
      return sql`p.id in (select rowid from person_search_fts where person_search_fts match ${`"${words}"*`})`;
    return sql`p.id in (select person_id from person_search where workspace_id = ${workspaceId} and body like ${`% ${words}%`})`;
  }

  /** A substring of the search column: by trigrams on SQLite from three characters, else `like`. */
  function ownTextMatch(substring: string): RawBuilder<unknown> {
    if (dialect === 'sqlite' && [...substring].length >= 3)
      return sql`p.id in (select rowid from person_text_fts where person_text_fts match ${`"${substring.replace(/"/g, '""')}"`})`;
    return columnContains('p.search_text', substring);
  }

  function documentMatch(column: string, pattern: string): RawBuilder<unknown> {
    return sql`p.id in (select person_id from person_search where workspace_id = ${workspaceId} and ${sql.ref(column)} like ${pattern} escape '\\')`;
  }

  function atomSql(atom: StoredAtom): RawBuilder<unknown> {
    switch (atom.kind) {
      case 'text': {
        const own = ownTextMatch(atom.substring);
        return atom.words.length > 0 ? sql`(${own} or ${bodyMatch(atom.words)})` : own;
      }
      case 'field':
        return documentMatch(FIELD_COLUMNS[atom.field], containsPattern(atom.value));
      case 'tag':
        return documentMatch('tags', containsPattern(`${LIST_SEPARATOR}${atom.value}${LIST_SEPARATOR}`));
      case 'circle':
        return sql`coalesce(p.circle, 'none') = ${atom.value}`;
      case 'source': {
        // A connection of an export whose Connections.csv has no URL column (2023 era) may have no identity
        // at all: having been read from a LinkedIn Connections.csv is its source (docs/rules/segments.md).
        const seenInExport = atom.value === 'linkedin' ? sql` or p.last_export_at is not null` : sql``;
        return sql`(p.id in (select person_id from person_identities where workspace_id = ${workspaceId} and source = ${atom.value})
          or p.id in (select person_id from contact_cards where workspace_id = ${workspaceId} and source = ${atom.value})${seenInExport})`;
      }
      case 'connected': {
        const parts = [sql`p.connected_at is not null`];
        if (atom.from !== null) parts.push(sql`p.connected_at >= ${atom.from}`);
        if (atom.to !== null) parts.push(sql`p.connected_at < ${atom.to}`);
        return sql`(${sql.join(parts, sql` and `)})`;
      }
    }
  }

  /**
   * SQL for a filter of stored atoms only. Every atom is true or false, never NULL (negation keeps its
   * meaning) and bare, so SQLite can answer `p.id in (…) or p.id in (…)` from the id lists alone.
   */
  function filterSql(filter: PersonFilter): RawBuilder<unknown> {
    switch (filter.kind) {
      case 'not':
        return sql`not (${filterSql(filter.node)})`;
      // An empty "and" is an empty saved segment: everyone.
      case 'and':
        return filter.nodes.length === 0
          ? sql`1 = 1`
          : sql`(${sql.join(filter.nodes.map(filterSql), sql` and `)})`;
      case 'or':
        return filter.nodes.length === 0
          ? sql`1 = 0`
          : sql`(${sql.join(filter.nodes.map(filterSql), sql` or `)})`;
      case 'strength':
      case 'band':
      case 'last':
        throw new Error(`${filter.kind} is decided by the relationship engine, not the store`);
      default:
        return atomSql(filter);
    }
  }

  function listingQuery(includeArchived: boolean) {
    const query = db
      .selectFrom('people as p')
      .select(LISTING_COLUMNS)
      .where('p.workspace_id', '=', workspaceId);
    return includeArchived ? query : query.where('p.archived_at', 'is', null);
  }

  function toListed(row: {
    id: number;
    display_name: string;
    company: string | null;
    position: string | null;
    circle: string | null;
    connected_at: number | null;
    strength_floor: number | null;
    strength_override: number | null;
  }): ListedPerson {
    return {
      id: row.id,
      name: row.display_name,
      company: row.company,
      position: row.position,
      circle: row.circle as Circle | null,
      connectedAt: row.connected_at,
      strengthFloor: row.strength_floor,
      strengthOverride: row.strength_override,
    };
  }

  return {
    /** People (not archived, unless asked) that the filter (stored atoms only) selects, as a listing shows them. */
    async listing(filter: PersonFilter | null, includeArchived = false): Promise<ListedPerson[]> {
      let query = listingQuery(includeArchived);
      if (filter) query = query.where(filterSql(filter) as RawBuilder<boolean>);
      return (await rowsOf(context, query)).map(toListed);
    },

    /** Everyone (archived too) as a listing shows them, with the search column: what `tend serve` keeps. */
    async everyone(): Promise<Array<{ listed: ListedPerson; archived: boolean; text: string }>> {
      const rows = await rowsOf(context, listingQuery(true).select(['p.archived_at', 'p.search_text']));
      return rows.map((row) => ({
        listed: toListed(row),
        archived: row.archived_at !== null,
        text: row.search_text,
      }));
    },

    /**
     * The ids of people whose document body has these folded words as a word-prefix phrase (free text); on
     * SQLite straight from the FTS index (its rowids are people's ids; ids no longer a person's may be among
     * them until the next refresh: the caller's universe decides).
     */
    async idsWithWords(words: string): Promise<Set<number>> {
      if (context.sqlite)
        return new Set(
          prepared(context.sqlite, 'select rowid from person_search_fts where person_search_fts match ?')
            .pluck()
            .all(`"${words}"*`) as number[],
        );
      const query = db
        .selectFrom('people as p')
        .select('p.id')
        .where('p.workspace_id', '=', workspaceId)
        .where(bodyMatch(words) as RawBuilder<boolean>);
      return new Set((await rowsOf(context, query)).map((row) => Number(row.id)));
    },

    /**
     * Whether any document has this word (`prefix`: a word starting with it), the first row only: a body
     * phrase's cheap precondition, asked once per word per data version (docs/PERFORMANCE.md#varied-names).
     * True where it cannot tell cheaply (PostgreSQL).
     */
    anyWithWord(word: string, prefix: boolean): boolean {
      if (!context.sqlite) return true;
      const statement = prepared(
        context.sqlite,
        'select 1 from person_search_fts where person_search_fts match ? limit 1',
      );
      return statement.get(`"${word}"${prefix ? '*' : ''}`) !== undefined;
    },

    /** The ids of people that one stored atom selects (archived ones too: the caller's universe decides). */
    async idsMatching(atom: StoredAtom): Promise<Set<number>> {
      const query = db
        .selectFrom('people as p')
        .select('p.id')
        .where('p.workspace_id', '=', workspaceId)
        .where(filterSql(atom) as RawBuilder<boolean>);
      return new Set((await rowsOf(context, query)).map((row) => Number(row.id)));
    },

    /** Whether documents are missing or stale: a cheap check before every search that reads them. */
    async isStale(): Promise<boolean> {
      const [through, newest, dirty] = await Promise.all([
        db
          .selectFrom('workspace_settings')
          .select('value')
          .where('workspace_id', '=', workspaceId)
          .where('key', '=', THROUGH_KEY)
          .executeTakeFirst(),
        db
          .selectFrom('interactions')
          .select((eb) => eb.fn.max('id').as('id'))
          .executeTakeFirst(),
        db
          .selectFrom('person_search_dirty')
          .select('person_id')
          .where('workspace_id', '=', workspaceId)
          .limit(1)
          .executeTakeFirst(),
      ]);
      return dirty !== undefined || Number(through?.value ?? 0) < Number(newest?.id ?? 0);
    },

    /**
     * Whose documents are stale: the people marked by the triggers and those with interactions newer than the
     * last refresh; `through` is what `markThrough` records once they are rebuilt.
     */
    async pending(): Promise<{ people: number[]; through: number }> {
      const throughRow = await db
        .selectFrom('workspace_settings')
        .select('value')
        .where('workspace_id', '=', workspaceId)
        .where('key', '=', THROUGH_KEY)
        .executeTakeFirst();
      const through = Number(throughRow?.value ?? 0);
      const newest = Number(
        (
          await db
            .selectFrom('interactions')
            .select((eb) => eb.fn.max('id').as('id'))
            .executeTakeFirst()
        )?.id ?? 0,
      );
      const ids = new Set<number>();
      const dirty = await rowsOf(
        context,
        db.selectFrom('person_search_dirty').select('person_id').where('workspace_id', '=', workspaceId),
      );
      for (const row of dirty) ids.add(Number(row.person_id));
      if (newest > through) {
        const touched = await rowsOf(
          context,
          db
            .selectFrom('interactions')
            .select('person_id')
            .distinct()
            .where('workspace_id', '=', workspaceId)
            .where('id', '>', through)
            .where('person_id', 'is not', null),
        );
        for (const row of touched) if (row.person_id !== null) ids.add(Number(row.person_id));
      }
      return { people: [...ids].sort((a, b) => a - b), through: Math.max(newest, through) };
    },

    /** Rebuilds these people's documents and clears their marks. */
    async rebuildPeople(ids: readonly number[]): Promise<void> {
      await inChunks(ids, async (chunk) => {
        await rebuild(chunk);
        await db
          .deleteFrom('person_search_dirty')
          .where('workspace_id', '=', workspaceId)
          .where('person_id', 'in', chunk)
          .execute();
      });
    },

    /** Interactions up to id `through` are in the documents. */
    async markThrough(through: number): Promise<void> {
      await db
        .insertInto('workspace_settings')
        .values({ workspace_id: workspaceId, key: THROUGH_KEY, value: String(through) })
        .onConflict((conflict) =>
          conflict.columns(['workspace_id', 'key']).doUpdateSet({ value: String(through) }),
        )
        .execute();
    },
  };

  async function rebuild(ids: number[]): Promise<void> {
    const people = await rowsOf(
      context,
      db
        .selectFrom('people')
        .select([
          'id',
          'company',
          'position',
          'headline',
          'location',
          'tags',
          'needs',
          'offers',
          'goals',
          'how_met',
          'notes',
          'imported_notes',
          'search_text',
        ])
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', ids),
    );
    const summaries = new Map<number, string[]>();
    const interactionRows = await rowsOf(
      context,
      db
        .selectFrom('interactions')
        .select(['person_id', 'summary'])
        .where('workspace_id', '=', workspaceId)
        .where('person_id', 'in', ids)
        .where('summary', 'is not', null),
    );
    for (const row of interactionRows) {
      if (row.person_id === null || row.summary === null) continue;
      const list = summaries.get(Number(row.person_id));
      if (list) list.push(row.summary);
      else summaries.set(Number(row.person_id), [row.summary]);
    }
    await db
      .deleteFrom('person_search')
      .where('workspace_id', '=', workspaceId)
      .where('person_id', 'in', ids)
      .execute();
    const sqlite = context.sqlite;
    if (sqlite) {
      const removeBody = prepared(sqlite, 'delete from person_search_fts where rowid = ?');
      const removeText = prepared(sqlite, 'delete from person_text_fts where rowid = ?');
      for (const id of ids) {
        removeBody.run(id);
        removeText.run(id);
      }
    }
    const insertFts = sqlite && prepared(sqlite, 'insert into person_search_fts (rowid, body) values (?, ?)');
    const insertText =
      sqlite && prepared(sqlite, 'insert into person_text_fts (rowid, search_text) values (?, ?)');
    const rows = people.map((person) => {
      const id = Number(person.id);
      const document = buildSearchDocument(
        {
          company: person.company,
          position: person.position,
          headline: person.headline,
          location: person.location,
          tags: listOf(person.tags),
          needs: listOf(person.needs),
          offers: listOf(person.offers),
          goals: listOf(person.goals),
          howMet: person.how_met,
          notes: person.notes,
          importedNotes: person.imported_notes,
        },
        summaries.get(id) ?? [],
      );
      if (insertFts && document.body.length > 0) insertFts.run(id, document.body);
      if (insertText) insertText.run(id, person.search_text);
      return {
        workspace_id: workspaceId,
        person_id: id,
        company: document.company,
        title: document.title,
        location: document.location,
        tags: document.tags,
        how_met: document.howMet,
        needs: document.needs,
        offers: document.offers,
        // On SQLite the body lives in the FTS index only.
        body: sqlite ? '' : document.body,
      };
    });
    await inChunks(
      rows,
      async (chunk) => {
        await db.insertInto('person_search').values(chunk).execute();
      },
      100,
    );
  }
}

export type PersonSearchRepository = ReturnType<typeof createPersonSearchRepository>;
