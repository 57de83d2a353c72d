import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { App } from '../app.js';
import { defineRoute, mountRoutes, type ApiRoute } from './api-route.js';
import { answerError, errorBody } from './errors.js';
import { agendaFeed } from './feed.js';
import { sameSiteOnly, securityHeaders, sessionRequired } from './local-security.js';
import { openApiDocument } from './openapi.js';
import { createResultCache, noResultCache, type ResultCache } from './result-cache.js';
import { duplicateRoutes } from './routes/duplicates.routes.js';
import { healthRoutes } from './routes/health.routes.js';
import { importRoutes } from './routes/import.routes.js';
import { introductionRoutes } from './routes/introductions.routes.js';
import { invitationRoutes } from './routes/invitations.routes.js';
import { networkRoutes } from './routes/network.routes.js';
import { peopleRoutes } from './routes/people.routes.js';
import { personRoutes } from './routes/person.routes.js';
import { todayRoutes } from './routes/today.routes.js';
import { serveWebFile } from './static-files.js';
import type { WebSessions } from './web-session.js';

export interface HttpOptions {
  /** `127.0.0.1:4747`, and `localhost:4747` beside it: the Host values this server answers to. */
  allowedHosts: readonly string[];
  sessions: WebSessions;
  /** The built UI, or null when it is not built (the API still answers). */
  webRoot: string | null;
  version: string;
  /** Tests: every answer is checked against its route's response schema. */
  checkResponses?: boolean;
  log?: (line: string) => void;
  /** false: every plan and search computed afresh (tests compare the answers with and without). */
  keepResults?: boolean;
}

/** Every API route, in the order the OpenAPI document lists them. */
export function apiRoutes(
  app: App,
  version: string,
  cache: ResultCache = createResultCache(app.dataVersion),
): ApiRoute[] {
  const routes = [
    ...todayRoutes(app, cache),
    ...peopleRoutes(app, cache),
    ...personRoutes(app),
    ...invitationRoutes(app),
    ...introductionRoutes(app),
    ...healthRoutes(app),
    ...importRoutes(app),
    ...networkRoutes(app),
    ...duplicateRoutes(app),
  ];
  const described: ApiRoute = defineRoute({
    method: 'get',
    path: '/api/openapi.json',
    tag: 'meta',
    summary: 'this API described as OpenAPI 3.1, made from the schemas that validate it',
    response: z.object({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }).loose(),
    handle: (): ReturnType<typeof openApiDocument> => openApiDocument([...routes, described], version),
  });
  return [...routes, described];
}

/**
 * The web server as a Hono app (`tend serve` runs it on @hono/node-server; tests call `hono.request()`):
 * security headers everywhere, Host and Origin checked before anything else, the one-time login, the API
 * behind the session cookie, then the UI's files.
 */
export function createHttpApp(app: App, options: HttpOptions) {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const hono = new Hono();
  const routes = apiRoutes(
    app,
    options.version,
    options.keepResults === false ? noResultCache : createResultCache(app.dataVersion),
  );
  hono.onError((error, c) => answerError(error, c, log));
  hono.use('*', securityHeaders);
  hono.use('*', sameSiteOnly(options.allowedHosts));
  hono.get('/login', (c) => {
    const cookie = options.sessions.redeem(c.req.query('token') ?? '');
    if (cookie === null)
      return c.text(
        'This login link was used already or is not valid. Stop tend serve (Ctrl-C) and start it again for a new one.',
        401,
      );
    setCookie(c, options.sessions.cookieName, cookie, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      maxAge: 30 * 86_400,
    });
    return c.redirect('/', 303);
  });
  hono.get('/feed/agenda.ics', (c) => agendaFeed(app, c));
  hono.use('/api/*', sessionRequired(options.sessions));
  mountRoutes(hono, routes, { checkResponses: options.checkResponses ?? false });
  hono.all('/api/*', (c) =>
    c.json(errorBody('not-found', `no API route ${c.req.method} ${c.req.path}`), 404),
  );
  hono.get('*', (c) => serveWebFile(c, options.webRoot));
  return { hono, routes };
}
