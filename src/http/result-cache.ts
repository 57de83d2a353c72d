/**
 * Answers the server computed, kept while the stored data and the settings stay as they were: the plan and
 * people's searches do the CLI's whole work (docs/PERFORMANCE.md, issue 16), and the page asks for them again
 * and again. `version` is read per request (the store's data version: another process's commit or this
 * server's own write changes it) and every change drops everything kept. When it is null (PostgreSQL, where
 * no equally cheap and correct signal exists) nothing is kept. The key must name everything else that
 * changes the answer (the query, the settings file; the instant is given apart).
 */
export interface ResultCache {
  /** `instant`: the clock the answer is computed at; a new one drops the older instants' answers. */
  get<T>(instant: number, key: string, compute: () => Promise<T>): Promise<T>;
}

/** The same interface, keeping nothing: for comparing answers with and without the cache. */
export const noResultCache: ResultCache = { get: (_instant, _key, compute) => compute() };

export function createResultCache(
  version: () => string | null,
  options: { entries?: number } = {},
): ResultCache {
  const limit = options.entries ?? 256;
  let current: string | null = null;
  const kept = new Map<string, Promise<unknown>>();
  return {
    get<T>(instant: number, key: string, compute: () => Promise<T>): Promise<T> {
      const data = version();
      if (data === null) return compute();
      // Only the latest instant's answers are worth keeping (the server's clock moves on each second): the
      // whole list of 30,000 people is megabytes, and an old second's copy would never be asked for again.
      const now = `${data} ${instant}`;
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
