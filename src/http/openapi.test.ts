import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app.js';
import { resolveConfig } from '../config.js';
import { tempDataDir } from '../../test/support/cli-harness.js';
import { createHttpApp } from './http-app.js';
import { createWebSessions } from './web-session.js';

/**
 * Every API route is described by schemas (api-route.ts): a route mounted on Hono any other way has none,
 * and this test names it. The OpenAPI document is made from those schemas and lists every route.
 */
describe('the API description', () => {
  let app: App;
  let server: ReturnType<typeof createHttpApp>;
  beforeAll(async () => {
    app = await createApp(resolveConfig({ data: tempDataDir(), now: '2026-01-15' }, {}));
    server = createHttpApp(app, {
      allowedHosts: ['127.0.0.1:4747'],
      sessions: createWebSessions(randomBytes(32), 4747),
      webRoot: null,
      version: 'test',
    });
  });
  afterAll(() => app.close());

  it('has a schema for every route mounted under /api', () => {
    const described = new Set(server.routes.map((route) => `${route.method.toUpperCase()} ${route.path}`));
    const mounted = server.hono.routes
      .filter((route) => route.path.startsWith('/api/') && route.path !== '/api/*')
      .map((route) => `${route.method} ${route.path}`);
    expect(mounted.length).toBeGreaterThan(10);
    expect(mounted.filter((route) => !described.has(route))).toEqual([]);
  });

  it('describes every route with its parameters, body and answer', () => {
    const document = server.routes
      .find((route) => route.path === '/api/openapi.json')!
      .handle({ params: {}, query: {}, body: undefined }, undefined as never) as {
      paths: Record<
        string,
        Record<
          string,
          { parameters: Array<{ name: string }>; requestBody?: unknown; responses: Record<string, unknown> }
        >
      >;
    };
    for (const route of server.routes) {
      const operation = document.paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method];
      expect(operation, `${route.method} ${route.path}`).toBeDefined();
      expect(operation!.responses[String(route.status ?? 200)]).toBeDefined();
      if (route.body) expect(operation!.requestBody).toBeDefined();
      for (const name of Object.keys(route.params?.shape ?? {}))
        expect(operation!.parameters.map((parameter) => parameter.name)).toContain(name);
    }
    const people = document.paths['/api/people']!.get!;
    expect(people.parameters.map((parameter) => parameter.name)).toEqual(['q', 'limit', 'cursor']);
  });
});
