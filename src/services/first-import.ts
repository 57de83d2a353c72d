import type { EngineInteraction } from '../domain/relationship-facts.js';
import { WrittenInteractions } from '../domain/written-interactions.js';
import {
  createInteractionRepository,
  type InteractionRepository,
  type NewInteraction,
} from '../store/interaction.repository.js';
import { missingReferences } from '../store/reference-check.js';
import type { StoreContext, TransactionOptions } from '../store/store.js';
import { holdCheckpoints } from '../store/wal-checkpoint.js';

/**
 * The shortcuts of a first import, behind one door. Into a workspace without interactions an import
 * (1) keeps a compact copy of the rows it writes and hands it to the facts builder instead of reading a
 * million rows back (docs/PERFORMANCE.md#written-rows) — valid while no file rolls back and no stored row
 * changes after its insert (the store's `edits` counter, store.ts `storedInteractionsChanged`); and
 * (2) builds the interaction indexes once the rows are in, when the table is empty
 * (docs/PERFORMANCE.md#interaction-indexes); and (3) on SQLite, copies the write-ahead log into the database
 * file on another thread once the files are committed, instead of in each file's commit
 * (docs/PERFORMANCE.md#checkpoint); and (4) on SQLite, writes the messages file without SQLite's per-row
 * foreign key checks, checking the people its rows reference once before the commit
 * (docs/PERFORMANCE.md#issue-12-fourth-session). Any other import goes through the same calls, the ordinary
 * way.
 */
export interface ImportShortcuts {
  /** Inserts interactions (known source keys are left alone), copied while the copy is valid. */
  insert(interactions: InteractionRepository, rows: readonly NewInteraction[], now: number): Promise<void>;
  /** On an empty interactions table, its indexes dropped until `restore()`; else null. */
  indexesAfterRows(interactions: InteractionRepository): Promise<{ restore(): Promise<void> } | null>;
  /**
   * The options of the transaction of a file of this format: for the messages file (its writes delete
   * nothing, so no cascade can be missed) of a first import into SQLite, foreign keys checked once before
   * the commit instead of row by row; else none.
   */
  transactionOptions(format: string): TransactionOptions;
  /** A file rolled back: its rows are not stored, so the copy no longer matches. */
  rolledBack(): void;
  /**
   * The copy's rows for the facts, once, when they are exactly the `expected` stored rows and none changed
   * since their insert; null otherwise (the facts then read the stored rows).
   */
  takeRows(expected: number): Iterable<EngineInteraction> | null;
  /**
   * The newest instant of the rows of `source` stored (null: none), when the copy held every stored row
   * (`takeRows` gave it out) and none changed since; undefined when not known (the caller reads the table).
   */
  newestWritten(source: string): number | null | undefined;
  /** Every file is committed: the log's copy into the database file starts beside what follows. */
  filesCommitted(): void;
  /** The run is over, whether it succeeded or not: waits for that copy. */
  end(): Promise<void>;
}

/** The one entry point: the shortcuts an import run may take on `store`, decided when the run starts. */
export async function startImportShortcuts(store: StoreContext): Promise<ImportShortcuts> {
  let written = (await createInteractionRepository(store).isEmpty()) ? new WrittenInteractions() : null;
  const editsAtStart = store.edits?.storedInteractions;
  const unchanged = () => store.edits !== undefined && store.edits.storedInteractions === editsAtStart;
  const checkpoints = written && store.sqlite ? holdCheckpoints(store.sqlite) : null;
  /** The newest instant written of each source while the copy is valid (see `newestWritten`). */
  const newest = new Map<string, number>();
  let copyTaken = false;
  /** The people the rows of a file written without per-row foreign key checks reference. */
  let referenced: Set<number> | null = null;
  return {
    async insert(interactions, rows, now) {
      if (referenced) for (const row of rows) if (row.personId !== null) referenced.add(row.personId);
      if (!written?.valid) {
        await interactions.insertMany(rows, now);
        return;
      }
      const ids: number[] = [];
      await interactions.insertMany(rows, now, ids);
      written.add(rows, ids);
      for (const row of rows)
        if (row.at > (newest.get(row.source) ?? -Infinity)) newest.set(row.source, row.at);
    },
    async indexesAfterRows(interactions) {
      return (await interactions.tableIsEmpty()) ? interactions.suspendIndexes() : null;
    },
    transactionOptions(format) {
      if (format !== 'linkedin-messages' || !written?.valid || !store.sqlite) return {};
      const people = (referenced = new Set());
      return {
        async verifiedReferences(context) {
          referenced = null;
          const missing = await missingReferences(context, people, [
            'person_identities',
            'conversation_members',
          ]);
          if (missing.length > 0)
            throw new Error(
              `it referenced people that are not stored (${missing.join('; ')}); nothing was written`,
            );
        },
      };
    },
    rolledBack() {
      referenced = null;
      written?.invalidate();
    },
    takeRows(expected) {
      const copy = written;
      written = null;
      copyTaken = copy?.valid === true && copy.length === expected && unchanged();
      return copyTaken && copy ? copy.drain() : null;
    },
    newestWritten(source) {
      return copyTaken && unchanged() ? (newest.get(source) ?? null) : undefined;
    },
    filesCommitted() {
      checkpoints?.copyBeside();
    },
    async end() {
      await checkpoints?.release();
    },
  };
}
