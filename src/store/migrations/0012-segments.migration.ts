import { sql, type Kysely } from 'kysely';
import type { SqlDialect } from '../sql-dialect.js';

/** The people columns a search document is made of: a change to one of them makes the document stale. */
const DOCUMENT_COLUMNS = [
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
];

/**
 * Segments and outreach (docs/rules/segments.md): saved segments by name, compose batches and the messages
 * finished from them, and one search document per person — the
 * person's own fields folded by the one text fold (domain/text-normalization.ts) and the folded words of
 * their notes and interaction summaries — so that SQLite and PostgreSQL compare exactly the same strings.
 *
 * Documents are refreshed when a search needs them (store/person-search-index.ts), never during an import:
 * triggers mark the people whose fields or interactions changed (rare, small statements), and interactions
 * added since the last refresh are found by id. Inserting interactions, the import's hot path, fires nothing.
 * Full text: FTS5 (contentless, its rowid the person id: words for the body, trigrams for the search column)
 * on SQLite; `body` and `people.search_text` with pg_trgm indexes on PostgreSQL, when the extension can be had.
 */
export function segmentsSchema(dialect: SqlDialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('saved_segments')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('query', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('saved_segments_pk', ['workspace_id', 'name'])
        .execute();
      // Compose (docs/rules/segments.md#compose): a batch per worksheet, a message per recipient once finished.
      await db.schema
        .createTable('outreach_batches')
        .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('query', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('template', 'text', (c) => c.notNull())
        .addColumn('recipients', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('finished_at', 'bigint')
        .execute();
      await db.schema
        .createTable('outreach_messages')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('batch_id', 'bigint', (c) => c.notNull())
        .addColumn('person_id', 'bigint', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('personal_line', 'text', (c) => c.notNull())
        .addColumn('subject', 'text')
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('composed_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('outreach_messages_pk', ['workspace_id', 'batch_id', 'person_id'])
        .execute();
      await db.schema
        .createIndex('outreach_messages_person')
        .on('outreach_messages')
        .columns(['workspace_id', 'person_id', 'composed_at'])
        .execute();
      await db.schema
        .createTable('person_search')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('person_id', 'bigint', (c) => c.notNull())
        .addColumn('company', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('location', 'text', (c) => c.notNull())
        .addColumn('tags', 'text', (c) => c.notNull())
        .addColumn('how_met', 'text', (c) => c.notNull())
        .addColumn('needs', 'text', (c) => c.notNull())
        .addColumn('offers', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('person_search_pk', ['workspace_id', 'person_id'])
        .execute();
      await db.schema
        .createTable('person_search_dirty')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('person_id', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('person_search_dirty_pk', ['workspace_id', 'person_id'])
        .execute();
      // Everyone already stored gets a document at the first search.
      await sql`insert into person_search_dirty (workspace_id, person_id) select workspace_id, id from people`.execute(
        db,
      );
      if (dialect === 'sqlite') await sqliteParts(db);
      else await postgresParts(db);
    },
  };
}

async function sqliteParts(db: Kysely<unknown>): Promise<void> {
  await sql`create virtual table person_search_fts using fts5(body, content='', contentless_delete=1,
    tokenize='unicode61 remove_diacritics 0', prefix='2 3')`.execute(db);
  // The search column (already folded) by trigrams: a substring of three characters or more is an index search.
  await sql`create virtual table person_text_fts using fts5(search_text, content='', contentless_delete=1,
    tokenize='trigram case_sensitive 1 remove_diacritics 0')`.execute(db);
  const mark = (row: 'new' | 'old', id: string) =>
    `insert or ignore into person_search_dirty (workspace_id, person_id) values (${row}.workspace_id, ${row}.${id});`;
  const changed = DOCUMENT_COLUMNS.map((column) => `old.${column} is not new.${column}`).join(' or ');
  for (const statement of [
    `create trigger person_search_people_insert after insert on people begin ${mark('new', 'id')} end`,
    `create trigger person_search_people_update after update on people when ${changed} begin ${mark('new', 'id')} end`,
    `create trigger person_search_people_delete after delete on people begin ${mark('old', 'id')} end`,
    `create trigger person_search_interactions_update after update of person_id, summary on interactions
       begin ${mark('old', 'person_id')} ${mark('new', 'person_id')} end`,
    `create trigger person_search_interactions_delete after delete on interactions begin ${mark('old', 'person_id')} end`,
  ])
    await sql.raw(statement).execute(db);
  // Marks of interactions without a person (null) mean nothing: the refresh skips them.
}

async function postgresParts(db: Kysely<unknown>): Promise<void> {
  const changed = DOCUMENT_COLUMNS.map((column) => `old.${column} is distinct from new.${column}`).join(
    ' or ',
  );
  await sql
    .raw(
      `create function person_search_mark_person() returns trigger language plpgsql as $$
      begin
        insert into person_search_dirty (workspace_id, person_id)
          values (coalesce(new.workspace_id, old.workspace_id), coalesce(new.id, old.id)) on conflict do nothing;
        return null;
      end $$`,
    )
    .execute(db);
  await sql
    .raw(
      `create function person_search_mark_interaction() returns trigger language plpgsql as $$
      begin
        if tg_op <> 'INSERT' and old.person_id is not null then
          insert into person_search_dirty (workspace_id, person_id) values (old.workspace_id, old.person_id)
            on conflict do nothing;
        end if;
        if tg_op <> 'DELETE' and new.person_id is not null then
          insert into person_search_dirty (workspace_id, person_id) values (new.workspace_id, new.person_id)
            on conflict do nothing;
        end if;
        return null;
      end $$`,
    )
    .execute(db);
  for (const statement of [
    `create trigger person_search_people_insert after insert on people for each row execute function person_search_mark_person()`,
    `create trigger person_search_people_update after update on people for each row when (${changed}) execute function person_search_mark_person()`,
    `create trigger person_search_people_delete after delete on people for each row execute function person_search_mark_person()`,
    `create trigger person_search_interactions_update after update of person_id, summary on interactions for each row execute function person_search_mark_interaction()`,
    `create trigger person_search_interactions_delete after delete on interactions for each row execute function person_search_mark_interaction()`,
  ])
    await sql.raw(statement).execute(db);
  // pg_trgm makes `body like '% word%'` an index search; without it (no right to create it) the same query
  // scans, with the same answer. Tried inside a savepoint: a refusal must not end the migration's transaction.
  await sql`savepoint pg_trgm`.execute(db);
  try {
    await sql`create extension if not exists pg_trgm with schema public`.execute(db);
    await sql`create index person_search_body on person_search using gin (body public.gin_trgm_ops)`.execute(
      db,
    );
    await sql`create index people_search_text on people using gin (search_text public.gin_trgm_ops)`.execute(
      db,
    );
    await sql`release savepoint pg_trgm`.execute(db);
  } catch {
    await sql`rollback to savepoint pg_trgm`.execute(db);
  }
}
