import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { errorBody } from './errors.js';
import type { WebSessions } from './web-session.js';

/**
 * No inline script or style, nothing from elsewhere, never in a frame: user text that slipped through as
 * markup would still run nothing.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  ['X-Frame-Options', 'DENY'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
];

/**
 * Set on the answer's own headers: Hono's `c.header` after the answer is made copies it into a new Response
 * whose body is a stream, which the Node server then reads chunk by chunk (a fifth of a search's CPU,
 * docs/PERFORMANCE.md#varied-names). Headers that cannot change (a fetched Response) go the copying way.
 */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  const all = c.req.path.startsWith('/api/')
    ? [...SECURITY_HEADERS, ['Cache-Control', 'no-store'] as const]
    : SECURITY_HEADERS;
  try {
    const headers = c.res.headers;
    for (const [name, value] of all) headers.set(name, value);
  } catch {
    for (const [name, value] of all) c.header(name, value);
  }
};

/**
 * DNS rebinding and cross-site requests: the Host must be the address the server is bound to (a page on
 * evil.example whose name now points at 127.0.0.1 sends `Host: evil.example`), and an Origin, when the
 * browser sends one, must be ours; a browser that says the request is cross-site is refused too.
 */
export function sameSiteOnly(allowedHosts: readonly string[]): MiddlewareHandler {
  const hosts = new Set(allowedHosts.map((host) => host.toLowerCase()));
  const origins = new Set([...hosts].map((host) => `http://${host}`));
  return async (c, next) => {
    const host = c.req.header('host')?.toLowerCase();
    if (!host || !hosts.has(host))
      return c.json(
        errorBody('forbidden', `wrong Host: this server answers as ${allowedHosts[0]} only`),
        403,
      );
    const origin = c.req.header('origin');
    if (origin !== undefined && !origins.has(origin.toLowerCase()))
      return c.json(errorBody('forbidden', 'requests from other sites are refused'), 403);
    if (c.req.header('sec-fetch-site') === 'cross-site')
      return c.json(errorBody('forbidden', 'requests from other sites are refused'), 403);
    await next();
  };
}

/** Every API call needs the session cookie that the login URL set. */
export function sessionRequired(sessions: WebSessions): MiddlewareHandler {
  return async (c, next) => {
    if (!sessions.valid(getCookie(c, sessions.cookieName)))
      return c.json(
        errorBody('unauthorized', 'not signed in: open the login URL that `tend serve` printed'),
        401,
      );
    await next();
  };
}
