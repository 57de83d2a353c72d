import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDataDir } from '../../test/support/cli-harness.js';
import { closeApps } from '../../test/support/test-databases.js';
import { httpSession, TEST_HOST, type HttpSession } from '../../test/support/http-harness.js';
import { createHttpApp } from './http-app.js';
import { createWebSessions } from './web-session.js';

/** The local server's guards (issue 16, "Local security"): each one refuses what it is there to refuse. */
describe('the local server', () => {
  let session: HttpSession;
  beforeAll(async () => {
    session = await httpSession();
  }, 60_000);
  afterAll(() => closeApps([session.app]));

  it('answers a signed-in page', async () => {
    expect((await session.call('GET', '/api/health')).status).toBe(200);
  });

  it('refuses an API call without the session cookie, or with a forged one', async () => {
    for (const cookie of [undefined, 'tend_session_4747=1.2.3', `${session.cookie}x`]) {
      const response = await session.call('GET', '/api/today', { headers: { cookie } });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'unauthorized' } });
    }
  });

  it('refuses a wrong Host (DNS rebinding), even with the cookie', async () => {
    for (const host of ['evil.example:4747', '127.0.0.1:9999', undefined]) {
      const response = await session.call('GET', '/api/today', { headers: { host } });
      expect(response.status).toBe(403);
    }
  });

  it('refuses a foreign Origin and a cross-site fetch, even with the cookie', async () => {
    const foreign = await session.call('POST', '/api/undo', { headers: { origin: 'http://evil.example' } });
    expect(foreign.status).toBe(403);
    const crossSite = await session.call('GET', '/api/today', {
      headers: { origin: undefined, 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    // The same request from our own page passes: the guard is the Origin, not the method.
    expect((await session.call('POST', '/api/undo')).status).toBe(200);
  });

  it('signs in once per login token: the link a second time is refused', async () => {
    const sessions = createWebSessions(randomBytes(32), 4747);
    const { hono } = createHttpApp(session.app, {
      allowedHosts: [TEST_HOST],
      sessions,
      webRoot: null,
      version: 'test',
    });
    const token = sessions.loginToken();
    const first = await hono.request(`/login?token=${token}`, { headers: { host: TEST_HOST } });
    expect(first.status).toBe(303);
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^tend_session_4747=[\w.-]+;/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const again = await hono.request(`/login?token=${token}`, { headers: { host: TEST_HOST } });
    expect(again.status).toBe(401);
    expect(again.headers.get('set-cookie')).toBeNull();
  });

  it('sends the security headers on pages, API answers and errors alike', async () => {
    for (const response of [
      await session.call('GET', '/api/today'),
      await session.call('GET', '/api/people/999999'),
      await session.call('GET', '/api/today', { headers: { cookie: undefined } }),
      await session.call('GET', '/'),
    ]) {
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('answers errors in one shape, without a stack trace', async () => {
    const response = await session.call('PATCH', '/api/people/45', { body: '{not json' });
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({
      error: { code: 'usage', message: 'the request body is not valid JSON' },
    });
    const unknown = await session.call('GET', '/api/nothing-here');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'not-found' } });
  });

  it('serves the built page, and never a file outside its folder', async () => {
    const webRoot = join(tempDataDir(), 'web');
    mkdirSync(join(webRoot, 'assets'), { recursive: true });
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(webRoot, 'assets', 'app-1.js'), 'export {}');
    writeFileSync(join(webRoot, '..', 'secret.txt'), 'private');
    const { hono } = createHttpApp(session.app, {
      allowedHosts: [TEST_HOST],
      sessions: createWebSessions(randomBytes(32), 4747),
      webRoot,
      version: 'test',
    });
    const get = (path: string) => hono.request(path, { headers: { host: TEST_HOST } });
    const page = await get('/people/12');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('id="root"');
    const script = await get('/assets/app-1.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(script.headers.get('cache-control')).toContain('immutable');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt'])
      expect(await (await get(path)).text()).not.toContain('private');
  });
});
