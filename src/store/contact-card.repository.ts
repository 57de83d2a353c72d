import type { StoreContext } from './store.js';
import { inChunks } from './query-runner.js';

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

    /** Stores the card, replacing the one with the same source key (a changed card of the same UID). */
    async save(row: ContactCardRow): Promise<void> {
      const values = {
        person_id: row.personId,
        source: row.source,
        content_hash: row.contentHash,
        card: row.card,
        photo: row.photo,
        imported_at: row.importedAt,
      };
      await db
        .insertInto('contact_cards')
        .values({ workspace_id: workspaceId, source_key: row.sourceKey, ...values })
        .onConflict((conflict) => conflict.columns(['workspace_id', 'source_key']).doUpdateSet(values))
        .execute();
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
