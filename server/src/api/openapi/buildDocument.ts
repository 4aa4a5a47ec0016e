/**
 * The OpenAPI 3.1 document served at `GET /api/openapi.json`, for coalitions' own scripts: every route, who may
 * call it, its request body's JSON Schema (generated from the zod schemas in shared/api/schemas/), its query
 * parameters and its answers. The errors every route shares are described once.
 */
import { z } from 'zod';
import type { Access, RouteDoc } from './RouteDoc.ts';

const ACCESS_TEXT: Record<Access, string> = {
  public: 'Anyone.',
  'signed-in': 'A signed-in person (session cookie or API token).',
  administrator: 'The instance’s administrators.',
  'report-reader': 'Members of the report with any role (viewer and up).',
  'report-commenter': 'Members of the report who may comment (reviewer and up).',
  'report-writer': 'Members of the report who write its text (editor and owner).',
  'report-owner': 'The report’s owners.',
  'secret-link': 'Whoever holds the link’s token (it is the secret).',
  operator: 'The addresses in METRICS_ALLOW (loopback by default), when METRICS=1.',
};

const COMMON_ERRORS: Record<number, string> = {
  400: 'The request is invalid: `error.code` says why and `error.field` names the field.',
  401: 'Sign in first.',
  403: 'Your role does not allow this, or the request came from another site.',
  404: 'No such resource, or you may not know it exists.',
  413: 'The body is larger than the server takes.',
  415: 'Send `content-type: application/json`.',
  429: 'Too many attempts; retry after the `retry-after` seconds.',
};

/** `/api/reports/:id` → `/api/reports/{id}`, with the names of its parameters. */
function openApiPath(path: string): { path: string; params: string[] } {
  const params: string[] = [];
  const converted = path.replace(/:(\w+)/g, (_m, name: string) => {
    params.push(name);
    return `{${name}}`;
  });
  return { path: converted, params };
}

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

function operation(doc: RouteDoc): Record<string, unknown> {
  const { params } = openApiPath(doc.path);
  const parameters = [
    ...params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
    ...Object.entries(doc.query ?? {}).map(([name, q]) => ({ name, in: 'query', required: q.required === true, description: q.description, schema: jsonSchema(q.schema) })),
  ];
  const success = {
    description: doc.success.description,
    ...(doc.success.status === 204 ? {} : { content: { [doc.success.mediaType ?? 'application/json']: {} } }),
  };
  const errors = { ...COMMON_ERRORS, ...doc.errors };
  const responses: Record<string, unknown> = { [String(doc.success.status)]: success };
  for (const [status, description] of Object.entries(errors)) {
    responses[status] = { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  }
  const op: Record<string, unknown> = {
    operationId: `${doc.method.toLowerCase()}${doc.path.replace(/[^A-Za-z0-9]+(\w)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
    summary: doc.summary,
    description: [doc.description, `Who may call it: ${ACCESS_TEXT[doc.access]}`].filter(Boolean).join('\n\n'),
    tags: [doc.tag],
    'x-access': doc.access,
    responses,
  };
  if (parameters.length) op.parameters = parameters;
  if (doc.body) op.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(doc.body) } } };
  if (doc.upload) {
    op.requestBody = {
      required: true,
      content: { 'multipart/form-data': { schema: { type: 'object', properties: { [doc.upload.field]: { type: 'string', contentMediaType: 'application/octet-stream', description: doc.upload.description } }, required: [doc.upload.field] } } },
    };
  }
  if (doc.access !== 'public' && doc.access !== 'secret-link' && doc.access !== 'operator') op.security = [{ session: [] }, { token: [] }];
  return op;
}

export function buildOpenApiDocument(docs: readonly RouteDoc[], info: { version: string; serverUrl?: string }): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const doc of docs) {
    const { path } = openApiPath(doc.path);
    (paths[path] ??= {})[doc.method.toLowerCase()] = operation(doc);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Rightsdraft API',
      version: info.version,
      description:
        'The API of a Rightsdraft instance: the same one its web app uses. Sign in with the session cookie, or send an API token (made under Account settings) as `Authorization: Bearer <token>`. Errors are `{ "error": { "code", "message", "field"?, "params"? } }` (`params`: the values in `message`, for clients that word it in another language). The text of reports is edited over the Yjs sync protocol at `/sync` (and `/esync` for end-to-end encrypted reports, docs/ENCRYPTION.md), not through this API.',
    },
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    tags: [...new Set(docs.map((d) => d.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'rd_session' },
        token: { type: 'http', scheme: 'bearer' },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' }, params: { type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] } } } } },
        },
      },
    },
  };
}
