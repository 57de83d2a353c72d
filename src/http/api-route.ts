import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import { AppError } from '../domain/errors.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type AnyObject = z.ZodObject<z.ZodRawShape>;

/**
 * One API route as data: its schemas are what validates a request, what the OpenAPI document is made from
 * (openapi.ts) and, in tests, what every answer is checked against. A route mounted any other way has no
 * schema, which openapi.test.ts refuses.
 */
export interface ApiRoute<
  P extends AnyObject = AnyObject,
  Q extends AnyObject = AnyObject,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: Method;
  /** Hono's form: `/api/people/:id`. */
  path: string;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  /** A body that is not JSON (an uploaded file): the handler streams `c.req.raw.body` itself. */
  rawBody?: { contentType: string; description: string };
  /** The answer; for an event stream, each event as `{event, data}`. */
  response: R;
  /** The answer is server-sent events (text/event-stream), the handler's own Response. */
  events?: boolean;
  /** 201 for a route that creates. */
  status?: 200 | 201;
  handle(
    input: { params: z.infer<P>; query: z.infer<Q>; body: z.infer<B> },
    c: Context,
  ): Promise<z.input<R> | Response> | z.input<R> | Response;
}

export function defineRoute<
  P extends AnyObject = AnyObject,
  Q extends AnyObject = AnyObject,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
>(route: ApiRoute<P, Q, B, R>): ApiRoute {
  return route;
}

/** "query.limit: Too small: expected number to be >=1": where, which field and what is wrong, one line. */
function invalid(where: string, error: z.ZodError): AppError {
  const issues = error.issues.slice(0, 3).map((issue) => {
    const field = [where, ...issue.path.map(String)].join('.');
    return `${field}: ${issue.message}`;
  });
  return new AppError('usage', issues.join('; '), {
    issues: error.issues.map((issue) => ({
      path: [where, ...issue.path.map(String)],
      message: issue.message,
    })),
  });
}

function parsed<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value);
  if (!result.success) throw invalid(where, result.error);
  return result.data;
}

async function bodyOf(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type))
    throw new AppError('usage', 'the request body must be JSON (Content-Type: application/json)');
  try {
    return await c.req.json();
  } catch {
    throw new AppError('usage', 'the request body is not valid JSON');
  }
}

/**
 * Mounts the routes on Hono: params, query and body validated (a 400 naming the field), the handler called,
 * its answer sent as JSON — checked against the response schema when `checkResponses` (the tests) is on.
 */
export function mountRoutes(
  hono: Hono,
  routes: readonly ApiRoute[],
  options: { checkResponses?: boolean } = {},
): void {
  for (const route of routes) {
    hono.on(route.method.toUpperCase(), route.path, async (c) => {
      const params = parsed(route.params, c.req.param(), 'path');
      const query = parsed(route.query, c.req.query(), 'query');
      const body = route.body ? parsed(route.body, await bodyOf(c), 'body') : undefined;
      const answer: unknown = await route.handle({ params, query, body }, c);
      // An event stream, or an error said before one started: the handler's own answer.
      if (answer instanceof Response) return answer;
      if (options.checkResponses) {
        const checked = route.response.safeParse(answer);
        if (!checked.success)
          throw new Error(
            `${route.method.toUpperCase()} ${route.path} answered outside its schema: ${checked.error.message}`,
          );
      }
      // A kept answer (result-cache.ts) is the same object each time: its JSON is made once, not per request
      // (for 2,338 people that is 380 KB and most of the request's time).
      if (typeof answer !== 'object' || answer === null) return c.json(answer, route.status ?? 200);
      let text = texts.get(answer);
      if (text === undefined) texts.set(answer, (text = JSON.stringify(answer)));
      return c.body(text, route.status ?? 200, { 'content-type': 'application/json' });
    });
  }
}

const texts = new WeakMap<object, string>();
