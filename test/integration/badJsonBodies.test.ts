/**
 * Every route of the server that changes something gets bodies that are JSON but not what it expects (`null`,
 * `[]`, `"x"`, `42`, deep nesting) and broken JSON: each answers 4xx with the JSON error body, never 500, and a
 * route that reads a JSON body answers 400. The routes come from the server's router, so a route added later is
 * covered without editing this file. On both storages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../shared/api/types.ts';
import { api, createReport, signUp, type TestUser } from '../helpers/clients.ts';
import { createTestStorage, startTestServer, STORAGE_KINDS, type TestServer, type TestStorage } from '../helpers/server.ts';

const DEPTH = 50_000;
const FIELDS = ['name', 'title', 'email', 'password', 'role', 'manager', 'organisations', 'mechanism', 'stateUnderReview', 'expiresInHours', 'coalitionId'];
const deepArray = '['.repeat(DEPTH) + ']'.repeat(DEPTH);
// Every field nested this deep stays under the 1 MB body limit.
const FIELD_DEPTH = 10_000;
const deepObject = '{"a":'.repeat(FIELD_DEPTH) + '1' + '}'.repeat(FIELD_DEPTH);

/** JSON a client may send that no route accepts: every one must be a 400 where a JSON body is read. */
const BAD_BODIES: [string, string][] = [
  ['null', 'null'],
  ['an empty list', '[]'],
  ['a string', '"x"'],
  ['a number', '42'],
  ['true', 'true'],
  ['a list nested 50,000 deep', deepArray],
  ['an object whose every field is nested 10,000 deep', `{${FIELDS.map((f) => `"${f}":${deepObject}`).join(',')}}`],
  ['an object whose every field is a list', `{${FIELDS.map((f) => `"${f}":[]`).join(',')}}`],
  ['an object whose every field is null', `{${FIELDS.map((f) => `"${f}":null`).join(',')}}`],
];

/** Routes that read a JSON body today; the probe below must find at least these. */
const KNOWN_JSON_ROUTES = [
  'POST /api/auth/signup',
  'POST /api/auth/login',
  'POST /api/auth/tokens',
  'POST /api/reports',
  'POST /api/reports/:id/members',
  'POST /api/reports/:id/versions',
  'POST /api/reports/:id/duplicate',
  'POST /api/coalitions',
  'PATCH /api/coalitions/:id',
  'POST /api/coalitions/:id/invitations',
  'PATCH /api/coalitions/:id/members/:userId',
];

describe.each(STORAGE_KINDS)('Bad JSON bodies on %s', (kind) => {
  let storage: TestStorage;
  let server: TestServer;
  let owner: TestUser;
  const params: Record<string, string> = {};

  beforeAll(async () => {
    storage = await createTestStorage(kind);
    server = await startTestServer(storage);
    owner = await signUp(server.url);
    const member = await signUp(server.url);
    const report = await createReport(server.url, owner);
    const coalition = await api<{ id: string }>(server.url, '/api/coalitions', { as: owner, body: { name: 'Equal Schools Coalition' } });
    const invite = async () => (await api<{ token: string }>(server.url, `/api/coalitions/${coalition.body.id}/invitations`, { as: owner, body: { role: 'editor' } })).body.token;
    expect((await api(server.url, `/api/invitations/${await invite()}/accept`, { as: member, method: 'POST' })).status).toBe(200);
    const version = await api<{ id: string }>(server.url, `/api/reports/${report.id}/versions`, { as: owner, body: { name: 'Before review' } });
    Object.assign(params, {
      report: report.id,
      coalition: coalition.body.id,
      userId: member.id,
      token: await invite(),
      versionId: version.body.id,
    });
  });
  afterAll(async () => {
    await server?.close();
    await storage?.destroy();
  });

  /** A concrete path for a route pattern, with ids that exist and that the owner may act on. */
  function pathFor(pattern: string): string {
    return pattern
      .split('/')
      .map((part, i, parts) => {
        if (!part.startsWith(':')) return part;
        const name = part.slice(1);
        if (name === 'id') return parts[i - 1] === 'coalitions' ? params.coalition : parts[i - 1] === 'reports' ? params.report : crypto.randomUUID();
        return params[name] ?? crypto.randomUUID();
      })
      .join('/');
  }

  /** A session of its own for each route, so a route that signs out does not end the others'. */
  async function freshSession(): Promise<string> {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: owner.email, password: owner.password }),
    });
    expect(res.status).toBe(200);
    return res.headers.get('set-cookie')!.split(';')[0]!;
  }

  async function send(method: string, path: string, body: string, cookie: string) {
    const res = await fetch(server.url + path, { method, headers: { 'content-type': 'application/json', cookie }, body });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // Checked below: every error answer is JSON.
    }
    return { status: res.status, json: json as ApiErrorBody | null, text };
  }

  it('answers every bad body with 4xx and the JSON error body, and 400 where a JSON body is read', async () => {
    const routes = server.routes.filter((r) => r.method !== 'GET' && r.method !== 'DELETE');
    expect(routes.length).toBeGreaterThan(10);
    const readsJson: string[] = [];
    const failures: string[] = [];
    for (const route of routes) {
      const name = `${route.method} ${route.pattern}`;
      const path = pathFor(route.pattern);
      const cookie = await freshSession();
      const probe = await send(route.method, path, '{"name": ', cookie);
      const jsonRoute = probe.status === 400 && probe.json?.error?.code === 'invalid_json';
      if (jsonRoute) readsJson.push(name);
      for (const [label, body] of BAD_BODIES) {
        const res = await send(route.method, path, body, cookie);
        const error = res.json?.error;
        const wellFormed = res.status >= 400 && res.status < 500 && typeof error?.code === 'string' && typeof error.message === 'string';
        if (jsonRoute ? res.status !== 400 || !wellFormed : res.status >= 500 || (res.status >= 400 && !wellFormed)) {
          failures.push(`${name} with ${label}: ${res.status} ${res.text.slice(0, 120)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(readsJson).toEqual(expect.arrayContaining(KNOWN_JSON_ROUTES));
    expect(server.lines.filter((l) => JSON.parse(l).level === 'error')).toEqual([]);
    // The server still answers.
    expect((await api(server.url, '/healthz')).status).toBe(200);
  }, 120_000);
});
