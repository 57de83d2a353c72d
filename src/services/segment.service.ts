import { AppError } from '../domain/errors.js';
import { expandSegmentReferences } from '../domain/segment-expansion.js';
import { parseSegmentQuery } from '../domain/segment-query.parser.js';
import { printSegmentQuery } from '../domain/segment-query.printer.js';
import { SEGMENT_NAME, segmentReferences } from '../domain/segment-query.js';
import { createSavedSegmentRepository, type SavedSegment } from '../store/saved-segment.repository.js';
import type { Store } from '../store/store.js';

/** Saved segments (docs/rules/segments.md#saved): `tend segment save|list|rm`, `@NAME` in any query. */
export function createSegmentService(deps: { store: Store }) {
  const { store } = deps;
  const saved = createSavedSegmentRepository(store);

  return {
    list(): Promise<SavedSegment[]> {
      return saved.list();
    },

    /**
     * Saves `query` under `name` (replacing one of that name), written as the printer writes it. Refused:
     * a name @NAME cannot carry, a malformed query, an unknown @NAME in it, or one that reaches itself.
     */
    async save(
      name: string,
      query: string,
      now: number,
    ): Promise<{ segment: SavedSegment; replaced: boolean }> {
      const bare = name.startsWith('@') ? name.slice(1) : name;
      if (!SEGMENT_NAME.test(bare))
        throw new AppError(
          'usage',
          `"${name}" cannot be a segment name: use letters, digits, - and _ (it is written @NAME in queries)`,
        );
      const tree = parseSegmentQuery(query);
      if (tree === null)
        throw new AppError('usage', 'the query is empty: give the query the segment stands for');
      return store.transaction(async (trx) => {
        const repository = createSavedSegmentRepository(trx);
        const queries = new Map((await repository.list()).map((segment) => [segment.name, segment.query]));
        const text = printSegmentQuery(tree);
        queries.set(bare, text);
        expandSegmentReferences({ kind: 'segment', name: bare }, (other) => queries.get(other));
        const replaced = await repository.save(bare, text, now);
        const segment = await repository.get(bare);
        if (!segment) throw new AppError('internal', `segment @${bare} was not saved`);
        return { segment, replaced };
      });
    },

    /** Removes a segment no other segment uses (`not-found` when there is none of that name). */
    async remove(name: string): Promise<void> {
      const bare = name.startsWith('@') ? name.slice(1) : name;
      await store.transaction(async (trx) => {
        const repository = createSavedSegmentRepository(trx);
        const all = await repository.list();
        if (!all.some((segment) => segment.name === bare))
          throw new AppError('not-found', `no saved segment @${bare}: see tend segment list`);
        const users = all.filter(
          (segment) =>
            segment.name !== bare && segmentReferences(parseSegmentQuery(segment.query)).includes(bare),
        );
        if (users.length > 0)
          throw new AppError(
            'conflict',
            `@${bare} is used by ${users.map((segment) => `@${segment.name}`).join(', ')}: change or remove ${users.length === 1 ? 'it' : 'them'} first`,
          );
        await repository.remove(bare);
      });
    },
  };
}

export type SegmentService = ReturnType<typeof createSegmentService>;
