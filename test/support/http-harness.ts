import { randomBytes } from 'node:crypto';
import { createApp, type App } from '../../src/app.js';
import { resolveConfig } from '../../src/config.js';
import { createHttpApp } from '../../src/http/http-app.js';
import { createWebSessions } from '../../src/http/web-session.js';
import { tempDataDir } from './cli-harness.js';

export const TEST_HOST = '127.0.0.1:4747';

export interface HttpSession {
  app: App;
  hono: ReturnType<typeof createHttpApp>['hono'];
  routes: ReturnType<typeof createHttpApp>['routes'];
  cookie: string;
  /** A request as the signed-in page sends it (Host, Origin, the session cookie); `headers` override them. */
  call(
    method: string,
    path: string,
    options?: { body?: unknown; headers?: Record<string, string | undefined> },
  ): Promise<Response>;
}

/**
 * The demo network on SQLite or (with a URL) PostgreSQL behind the HTTP app, in-process, signed in through
 * the one-time login as a browser would be. Every answer is checked against its route's response schema.
 */
export async function httpSession(
  options: {
    today?: string;
    postgresUrl?: string;
    label?: string;
    /** Another server on this app (its data as it is), not a new demo network. */
    app?: App;
    keepResults?: boolean;
    /** false: searches ask the store, not the people `tend serve` keeps (services/kept-people.ts). */
    keepPeople?: boolean;
  } = {},
): Promise<HttpSession> {
  const today = options.today ?? '2026-01-15';
  const config = resolveConfig({ data: tempDataDir(), now: `${today}T09:00:00Z` }, {});
  if (options.postgresUrl)
    config.store = {
      dialect: 'postgres',
      url: options.postgresUrl,
      schema: `t_http_${(options.label ?? 'api').replace(/\W/g, '_')}_${process.pid}`,
    };
  const app = options.app ?? (await createApp(config, { keepPeople: options.keepPeople ?? true }));
  if (!options.app) {
    app.settings.set('timezone', 'UTC');
    await app.sample.load(config.dataDir, today);
  }
  const sessions = createWebSessions(randomBytes(32), 4747);
  const { hono, routes } = createHttpApp(app, {
    allowedHosts: [TEST_HOST, 'localhost:4747'],
    sessions,
    webRoot: null,
    version: 'test',
    checkResponses: true,
    log: () => undefined,
    ...(options.keepResults !== undefined ? { keepResults: options.keepResults } : {}),
  });
  const login = await hono.request(`/login?token=${sessions.loginToken()}`, { headers: { host: TEST_HOST } });
  const setCookie = login.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0] ?? '';
  if (!cookie.startsWith('tend_session_4747=')) throw new Error(`login failed: ${login.status}`);
  return {
    app,
    hono,
    routes,
    cookie,
    call(method, path, { body, headers = {} } = {}) {
      const merged: Record<string, string> = { host: TEST_HOST, origin: `http://${TEST_HOST}`, cookie };
      if (body !== undefined) merged['content-type'] = 'application/json';
      for (const [name, value] of Object.entries(headers)) {
        if (value === undefined) delete merged[name];
        else merged[name] = value;
      }
      return Promise.resolve(
        hono.request(path, {
          method,
          headers: merged,
          ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
        }),
      );
    },
  };
}
