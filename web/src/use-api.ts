import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from './api';

export interface Loaded<T> {
  data: T | null;
  /** The path `data` answers (a new path keeps the old data until its own arrives). */
  dataPath: string | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
  /** Replaces the data in place (an edit answered with the new state). */
  set: (data: T) => void;
}

/** GET `path` (null: nothing yet), again when it changes or on `reload()`. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [dataPath, setDataPath] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (path === null) return;
    let current = true;
    setLoading(true);
    api
      .get<T>(path)
      .then((answer) => {
        if (!current) return;
        setData(answer);
        setDataPath(path);
        setError(null);
      })
      .catch((reason: unknown) => {
        if (!current) return;
        setError(reason instanceof ApiError ? reason : new ApiError(0, 'network', String(reason)));
      })
      .finally(() => {
        if (current) setLoading(false);
      });
    return () => {
      current = false;
    };
  }, [path, round]);
  const reload = useCallback(() => setRound((value) => value + 1), []);
  return { data, dataPath, error, loading, reload, set: setData };
}
