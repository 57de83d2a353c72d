/**
 * Answers the server computed, kept while the stored data and the settings stay as they were: the plan and
 * people's searches do the CLI's whole work (docs/PERFORMANCE.md, issue 16), and the page asks for them again
 * and again. `version` is read per request (the store's data version: another process's commit or this
 * server's own write changes it) and every change drops everything kept. When it is null (PostgreSQL, where
 * no equally cheap and correct signal exists) nothing is kept. The key must name everything else that
 * changes the answer (the instant, the query, the settings file).
 */
export interface ResultCache {
  get<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

/** The same interface, keeping nothing: for comparing answers with and without the cache. */
export const noResultCache: ResultCache = { get: (_key, compute) => compute() };

export function createResultCache(
  version: () => string | null,
  options: { entries?: number } = {},
): ResultCache {
  const limit = options.entries ?? 256;
  let current: string | null = null;
  const kept = new Map<string, Promise<unknown>>();
  return {
    get<T>(key: string, compute: () => Promise<T>): Promise<T> {
      const now = version();
      if (now === null) return compute();
      if (now !== current) {
        kept.clear();
        current = now;
      }
      const hit = kept.get(key) as Promise<T> | undefined;
      if (hit) {
        // Least recently used goes first: a Map keeps insertion order.
        kept.delete(key);
        kept.set(key, hit);
        return hit;
      }
      // The version was read before the work starts, so a commit during it changes the next read and drops
      // this answer; concurrent requests for the same key share one computation.
      const answer = compute();
      kept.set(key, answer);
      answer.catch(() => {
        if (kept.get(key) === answer) kept.delete(key);
      });
      if (kept.size > limit) kept.delete(kept.keys().next().value as string);
      return answer;
    },
  };
}

/** The settings file as it is now (time zone, daily budget, owner): a part of every key. */
export function settingsKey(app: { settings: { list(): Record<string, string> } }): string {
  return JSON.stringify(app.settings.list());
}
