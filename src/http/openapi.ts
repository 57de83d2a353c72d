import { z } from 'zod';
import type { ApiRoute } from './api-route.js';

const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

const ERROR_RESPONSES = {
  '400': 'the request is not valid: the message names the field',
  '401': 'no session: open the login URL `tend serve` printed',
  '403': 'a foreign Origin or a wrong Host',
  '404': 'not found',
  '409': 'ambiguous or not allowed in the current state',
} as const;

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any' });

function parametersOf(route: ApiRoute) {
  const list: object[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    for (const [name, field] of Object.entries(schema.shape)) {
      list.push({
        name,
        in: where,
        required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success,
        schema: jsonSchema(field as z.ZodType, 'input'),
      });
    }
  }
  return list;
}

/** The OpenAPI 3.1 document, made from the routes' zod schemas (served at /api/openapi.json). */
export function openApiDocument(routes: readonly ApiRoute[], version: string) {
  const paths: Record<string, Record<string, object>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const operation: Record<string, unknown> = {
      operationId: `${route.method}${path.replace(/[{}]/g, '').replace(/[^a-zA-Z0-9]+(\w)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
      summary: route.summary,
      tags: [route.tag],
      parameters: parametersOf(route),
      responses: {
        [String(route.status ?? 200)]: {
          description: 'done',
          content: {
            [route.events ? 'text/event-stream' : 'application/json']: {
              schema: jsonSchema(route.response, 'output'),
            },
          },
        },
        ...Object.fromEntries(
          Object.entries(ERROR_RESPONSES).map(([status, description]) => [
            status,
            {
              description,
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
            },
          ]),
        ),
      },
    };
    if (route.body)
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
      };
    if (route.rawBody)
      operation.requestBody = {
        required: true,
        description: route.rawBody.description,
        content: { [route.rawBody.contentType]: { schema: { type: 'string', format: 'binary' } } },
      };
    (paths[path] ??= {})[route.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'tend',
      version,
      description:
        'The JSON API of `tend serve`, which its web UI uses. Every call needs the session cookie that the login URL sets.',
    },
    components: {
      schemas: { Error: jsonSchema(errorSchema, 'output') },
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tend_session' } },
    },
    security: [{ session: [] }],
    paths,
  };
}
