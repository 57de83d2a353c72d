import type { Store } from '../store/store.js';
import { refreshSearchDocuments } from './people-query.js';

/**
 * An import's last step: the search documents of everyone it touched, now and with the import's progress
 * (people done of people to do), rather than silently at the first search (docs/rules/segments.md#documents).
 * It runs after the bulk page cache is given back, in slices of people, so the import's peak memory is not
 * raised by it.
 */
/** What the import reports of this step (its ImportProgress, with people for bytes). */
interface SearchIndexStepProgress {
  file: 'search index';
  bytes: number;
  totalBytes: number;
  rows: number;
  unit: 'people';
}

export function buildSearchIndex(
  store: Store,
  onProgress: ((progress: SearchIndexStepProgress) => void) | undefined,
): Promise<number> {
  return refreshSearchDocuments(store, {
    onProgress: (done, total) =>
      onProgress?.({ file: 'search index', bytes: done, totalBytes: total, rows: done, unit: 'people' }),
  });
}
