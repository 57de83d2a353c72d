import { withPragmas } from './sqlite-statements.js';
import type { StoreContext } from './store.js';

/**
 * The indexes of `interactions`, as migration 0001 creates them. A large import drops them and builds them
 * once the rows are in: building an index over a million sorted keys is several times faster than keeping
 * it up to date row by row (docs/PERFORMANCE.md#interaction-indexes).
 * Everything happens in the import's transaction, so a failed file leaves the indexes as they were.
 */
export const INTERACTION_INDEXES = ['interactions_source_key', 'interactions_person_at'] as const;
// Kept during the import: the partial indexes (`interactions_conversation`, group threads; the help ledger)
// hold a row in a hundred, cheap to keep up, while building one after would scan the whole table again.

export async function dropInteractionIndexes(
  context: StoreContext,
  includeUnique: boolean,
): Promise<string[]> {
  const dropped: string[] = [];
  for (const name of INTERACTION_INDEXES) {
    if (name === 'interactions_source_key' && !includeUnique) continue;
    await context.db.schema.dropIndex(name).ifExists().execute();
    dropped.push(name);
  }
  return dropped;
}

/**
 * SQLite's sorter for CREATE INDEX sorts runs of at most `cache_size` bytes on helper threads: small runs on
 * two threads build the indexes faster (docs/PERFORMANCE.md#interaction-indexes).
 */
const PARALLEL_SORTER = { cache_size: -1024, threads: 2 };

export async function createInteractionIndexes(
  context: StoreContext,
  names: readonly string[],
): Promise<void> {
  const build = () => buildIndexes(context, names);
  await (context.sqlite ? withPragmas(context.sqlite, PARALLEL_SORTER, build) : build());
}

async function buildIndexes(context: StoreContext, names: readonly string[]): Promise<void> {
  const { db } = context;
  for (const name of names) {
    if (name === 'interactions_source_key') {
      await db.schema
        .createIndex(name)
        .unique()
        .on('interactions')
        .columns(['workspace_id', 'source_key'])
        .execute();
    } else if (name === 'interactions_person_at') {
      await db.schema
        .createIndex(name)
        .on('interactions')
        .columns(['workspace_id', 'person_id', 'at'])
        .execute();
    }
  }
}
