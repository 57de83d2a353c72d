import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseDateOrTime } from './domain/date-input.js';
import { AppError } from './domain/errors.js';
import type { StoreLocation } from './store/store.js';

/** Options every command accepts (docs/rules/cli.md#global-options). */
export interface GlobalOptions {
  data?: string;
  db?: string;
  json?: boolean;
  now?: string;
  debug?: boolean;
}

export interface AppConfig {
  dataDir: string;
  /** `TEND_SMTP_PASSWORD`: compose --send's password (docs/rules/segments.md#send); never printed. */
  smtpPassword?: string | undefined;
  store: StoreLocation;
  /** The clock: `--now`, `$TEND_NOW` or the real time, in UTC milliseconds. */
  now: number;
  /** True when the clock was given, so results are reproducible. */
  nowGiven: boolean;
  json: boolean;
  debug: boolean;
  /** `TEND_RECOMPUTE=1`: every answer recomputed from the events, to check the stored aggregates against. */
  recompute: boolean;
  /**
   * `TEND_IMPORT_WORKER=0`: large files parsed on the importing thread instead of the parser thread (to compare
   * the two, or where worker threads are not available; docs/PERFORMANCE.md#parser-thread).
   */
  parserThread: boolean;
}

export type Env = Readonly<Record<string, string | undefined>>;

/** The platform's user data folder: XDG on Linux, Application Support on macOS, %APPDATA% on Windows. */
export function defaultDataDir(env: Env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'tend');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'tend');
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'tend');
}

/** `--now` takes a date or an ISO 8601 time that exists (docs/rules/cli.md#dates). */
export function parseNow(value: string): number {
  const instant = parseDateOrTime(value);
  if (instant === null) {
    throw new AppError(
      'usage',
      `--now "${value}" is not a date: use a real day as YYYY-MM-DD or an ISO 8601 time such as 2026-11-20T09:00:00Z`,
    );
  }
  return instant;
}

export function resolveConfig(options: GlobalOptions, env: Env, clock: () => number = Date.now): AppConfig {
  const dataDir = options.data ?? env.TEND_DATA ?? defaultDataDir(env);
  const url = options.db ?? env.TEND_DATABASE_URL;
  let store: StoreLocation;
  if (url) {
    if (!/^postgres(ql)?:\/\//i.test(url)) {
      throw new AppError(
        'bad-input',
        `--db "${url}" is not a PostgreSQL URL: use postgres://user@host:5432/database`,
      );
    }
    store = { dialect: 'postgres', url };
  } else {
    store = { dialect: 'sqlite', file: join(dataDir, 'tend.db') };
  }
  if (env.TEND_DEBUG_SQL === '1') store.logQueries = true;
  const nowText = options.now ?? env.TEND_NOW;
  return {
    dataDir,
    store,
    now: nowText ? parseNow(nowText) : clock(),
    nowGiven: Boolean(nowText),
    json: Boolean(options.json),
    debug: Boolean(options.debug) || env.TEND_DEBUG === '1',
    recompute: env.TEND_RECOMPUTE === '1',
    parserThread: env.TEND_IMPORT_WORKER !== '0',
    ...(env.TEND_SMTP_PASSWORD ? { smtpPassword: env.TEND_SMTP_PASSWORD } : {}),
  };
}
