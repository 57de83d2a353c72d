import type { Insertable } from 'kysely';
import type { ContactCardsTable } from './database.schema.js';
import { inChunks, writeRows } from './query-runner.js';
import type { StoreContext } from './store.js';

export interface ContactCardRow {
  sourceKey: number;
  personId: number;
  source: string;
  contentHash: number;
  /** The card as JSON, without photo bytes. */
  card: string;
  photo: string | null;
  importedAt: number;
}

/** A stored card as its re-import needs it: unchanged when the content hash and the photo file agree. */
export interface KnownCard {
  personId: number;
  contentHash: number;
  photo: string | null;
}

/** Contact cards of address books, one row per card (docs/rules/contacts.md#cards). */
export function createContactCardRepository(context: StoreContext) {
  const { db, workspaceId } = context;
  const toRow = (row: {
    source_key: number;
    person_id: number;
    source: string;
    content_hash: number;
    card: string;
    photo: string | null;
    imported_at: number;
  }): ContactCardRow => ({
    sourceKey: Number(row.source_key),
    personId: Number(row.person_id),
    source: row.source,
    contentHash: Number(row.content_hash),
    card: row.card,
    photo: row.photo,
    importedAt: Number(row.imported_at),
  });
  return {
    async known(sourceKeys: readonly number[]): Promise<Map<number, KnownCard>> {
      const known = new Map<number, KnownCard>();
      await inChunks(sourceKeys, async (chunk) => {
        const rows = await db
          .selectFrom('contact_cards')
          .select(['source_key', 'person_id', 'content_hash', 'photo'])
          .where('workspace_id', '=', workspaceId)
          .where('source_key', 'in', chunk)
          .execute();
        for (const row of rows)
          known.set(Number(row.source_key), {
            personId: Number(row.person_id),
            contentHash: Number(row.content_hash),
            photo: row.photo,
          });
      });
      return known;
    },

    /**
     * Stores cards, each replacing the one with the same source key (a changed card of the same UID): one
     * prepared statement on the embedded database, multi-row statements elsewhere.
     */
    async saveAll(rows: readonly ContactCardRow[]): Promise<void> {
      await writeRows(
        context,
        {
          name: 'contact_cards.save',
          columns: [
            'workspace_id',
            'source_key',
            'person_id',
            'source',
            'content_hash',
            'card',
            'photo',
            'imported_at',
          ],
          build: (values: Insertable<ContactCardsTable>[]) =>
            db
              .insertInto('contact_cards')
              .values(values)
              .onConflict((conflict) =>
                conflict.columns(['workspace_id', 'source_key']).doUpdateSet((eb) => ({
                  person_id: eb.ref('excluded.person_id'),
                  source: eb.ref('excluded.source'),
                  content_hash: eb.ref('excluded.content_hash'),
                  card: eb.ref('excluded.card'),
                  photo: eb.ref('excluded.photo'),
                  imported_at: eb.ref('excluded.imported_at'),
                })),
              ),
          perStatement: 100,
        },
        // The same card twice in one call (an exact repeat has its own key, so only a UID shared by two
        // different cards): the last one wins, as it would one by one.
        [...new Map(rows.map((row) => [row.sourceKey, row])).values()].map((row) => ({
          workspace_id: workspaceId,
          source_key: row.sourceKey,
          person_id: row.personId,
          source: row.source,
          content_hash: row.contentHash,
          card: row.card,
          photo: row.photo,
          imported_at: row.importedAt,
        })),
      );
    },

    async listForPerson(personId: number): Promise<ContactCardRow[]> {
      const rows = await db
        .selectFrom('contact_cards')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('person_id', '=', personId)
        .orderBy('imported_at')
        .orderBy('source_key')
        .execute();
      return rows.map(toRow);
    },

    async count(): Promise<number> {
      const row = await db
        .selectFrom('contact_cards')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  };
}

export type ContactCardRepository = ReturnType<typeof createContactCardRepository>;
