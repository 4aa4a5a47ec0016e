/**
 * `GET /api/openapi.json` describes the API as it is: a valid OpenAPI 3.1 document listing every route the
 * server has (and none it lacks), who may call each, and request bodies whose documented examples the server
 * accepts and whose documented required fields it really requires.
 */
import fs from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ROUTE_DOCS } from '../../server/src/api/openapi/allRoutes.ts';
import { api, createReport, signUp, type TestUser } from '../helpers/clients.ts';
import { createTestStorage, startTestServer, type TestServer, type TestStorage } from '../helpers/server.ts';

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Record<string, unknown> }> }; 'x-access': string }>>;
}

const toPattern = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/** The documented examples of a body schema. */
function examplesOf(schema: z.ZodType | undefined): Record<string, unknown>[] {
  const meta = schema ? (z.globalRegistry.get(schema) as { examples?: Record<string, unknown>[] } | undefined) : undefined;
  return meta?.examples ?? [];
}

describe('the OpenAPI document', () => {
  let storage: TestStorage;
  let server: TestServer;
  let owner: TestUser;
  let document: OpenApiDocument;

  beforeAll(async () => {
    storage = await createTestStorage('sqlite');
    server = await startTestServer(storage);
    owner = await signUp(server.url);
    const res = await api<OpenApiDocument>(server.url, '/api/openapi.json');
    expect(res.status).toBe(200);
    document = res.body;
  });
  afterAll(async () => {
    await server?.close();
    await storage?.destroy();
  });

  it('is a valid OpenAPI 3.1 document, readable without signing in', async () => {
    expect(document.openapi).toBe('3.1.0');
    const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect((document as unknown as { info: { version: string } }).info.version).toBe(pkg.version);
    const result = await new Validator().validate(document as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('lists every route the server has, and only those', () => {
    const documented = Object.entries(document.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${toPattern(path)}`));
    const served = server.routes.map((r) => `${r.method} ${r.pattern}`);
    expect(served.filter((r) => !documented.includes(r)), 'routes the document lacks').toEqual([]);
    // /metrics exists only with METRICS=1 (operator.test.ts covers it); the document lists what this server has.
    expect(ROUTE_DOCS.map((d) => `${d.method} ${d.path}`).filter((r) => !served.includes(r)), 'documented routes no server has').toEqual(['GET /metrics']);
    expect(documented.filter((r) => !served.includes(r)), 'listed routes this server lacks').toEqual([]);
  });

  it('says which routes need no sign-in, and every other route refuses a caller who is not signed in', async () => {
    const wrong: string[] = [];
    for (const doc of ROUTE_DOCS) {
      if (doc.access === 'public' || doc.access === 'secret-link' || doc.access === 'operator') continue;
      const path = doc.path.replace(/:\w+/g, () => crypto.randomUUID());
      const res = await fetch(server.url + path, { method: doc.method, headers: { 'content-type': 'application/json' }, body: doc.method === 'GET' ? undefined : '{}' });
      if (res.status !== 401) wrong.push(`${doc.method} ${doc.path}: ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('gives each body with examples examples that match its schema', () => {
    const withBodies = ROUTE_DOCS.filter((d) => d.body);
    expect(withBodies.length).toBeGreaterThan(30);
    const wrong = withBodies.flatMap((d) => examplesOf(d.body).filter((e) => !d.body!.safeParse(e).success).map((e) => `${d.method} ${d.path}: ${JSON.stringify(e)}`));
    expect(wrong).toEqual([]);
  });

  /** Examples that need more than a report and a signed-in person to succeed; other tests cover them. */
  const NEEDS_CONTEXT = new Set([
    'POST /api/reports/:id/members', // the address must belong to an account
    'PATCH /api/reports/:id/sign-on', // the organisation must be on the report's cover
    'POST /api/library/subscriptions', // fetches the feed from the other instance
  ]);

  it('documents bodies the server accepts: each example on a report or an account succeeds', async () => {
    const report = await createReport(server.url, owner);
    const accepted: string[] = [];
    for (const doc of ROUTE_DOCS) {
      if (!doc.body || !['POST', 'PATCH', 'PUT'].includes(doc.method)) continue;
      if (NEEDS_CONTEXT.has(`${doc.method} ${doc.path}`)) continue;
      if (doc.path.includes(':') && !/^\/api\/reports\/:id(\/[a-z-]+)?$/.test(doc.path)) continue;
      if (doc.path.startsWith('/api/auth/') || doc.path.startsWith('/api/admin/')) continue;
      for (const example of examplesOf(doc.body)) {
        const path = doc.path.replace(':id', report.id);
        const res = await api(server.url, path, { as: owner, method: doc.method, body: example });
        expect(res.status, `${doc.method} ${doc.path} with ${JSON.stringify(example)}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
        accepted.push(`${doc.method} ${doc.path}`);
      }
    }
    for (const route of ['POST /api/reports', 'PATCH /api/reports/:id', 'POST /api/reports/:id/versions', 'POST /api/coalitions', 'POST /api/library/entries', 'POST /api/follow-up/import']) {
      expect(accepted).toContain(route);
    }
    const token = await api(server.url, '/api/auth/tokens', { as: owner, body: examplesOf(ROUTE_DOCS.find((d) => d.path === '/api/auth/tokens' && d.method === 'POST')!.body)[0] });
    expect(token.status).toBe(201);
  });

  it('marks as required only fields the server requires: an empty body is refused with 400 naming a field', async () => {
    const report = await createReport(server.url, owner);
    const wrong: string[] = [];
    for (const [path, ops] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const schema = op.requestBody?.content['application/json']?.schema as { required?: string[] } | undefined;
        if (!schema?.required?.length || op['x-access'] === 'public' || op['x-access'] === 'secret-link') continue;
        if (path.includes('{') && !/^\/api\/reports\/\{id\}(\/[a-z-]+)?$/.test(path)) continue;
        const res = await api<{ error?: { code: string } }>(server.url, toPattern(path).replace(':id', report.id), { as: owner, method: method.toUpperCase(), body: {} });
        if (res.status !== 400 || !res.body.error?.code) wrong.push(`${method.toUpperCase()} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
