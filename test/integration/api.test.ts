/** The JSON API: validation, errors as { error: { code, message } }, idempotent creation. On both storages. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, ReportSummary } from '../../shared/api/types.ts';
import { api, signUp, type TestUser } from '../helpers/clients.ts';
import { createTestStorage, startTestServer, STORAGE_KINDS, type TestServer, type TestStorage } from '../helpers/server.ts';

describe.each(STORAGE_KINDS)('Reports API on %s', (kind) => {
  let storage: TestStorage;
  let server: TestServer;
  let owner: TestUser;
  beforeAll(async () => {
    storage = await createTestStorage(kind);
    server = await startTestServer(storage, { maxBodyBytes: 4096 });
    owner = await signUp(server.url);
  });
  afterAll(async () => {
    await server.close();
    await storage.destroy();
  });

  it('answers /healthz', async () => {
    const res = await api<{ status: string; storage: string }>(server.url, '/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', storage: kind });
  });

  it('creates a report with 201 and reads it back, in lists and by id', async () => {
    const res = await api<ReportSummary>(server.url, '/api/reports', { as: owner,
      body: { title: '  Joint UPR submission  ', mechanism: 'UPR', stateUnderReview: 'Freedonia' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ title: 'Joint UPR submission', mechanism: 'UPR', stateUnderReview: 'Freedonia' });
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    const one = await api<ReportSummary>(server.url, `/api/reports/${res.body.id}`, { as: owner });
    expect(one.body).toEqual(res.body);
    const list = await api<{ reports: ReportSummary[] }>(server.url, '/api/reports', { as: owner });
    expect(list.body.reports.map((r) => r.id)).toContain(res.body.id);
    const content = await api<{ title: string; mechanism: string; sections: unknown[]; wordCount: number; schemaVersion: number }>(
      server.url,
      `/api/reports/${res.body.id}/content`,
      { as: owner },
    );
    expect(content.body).toMatchObject({ title: 'Joint UPR submission', mechanism: 'UPR', sections: [], wordCount: 0, schemaVersion: 1 });
  });

  it('treats a repeated POST with the same client-chosen id as the same report', async () => {
    const id = crypto.randomUUID();
    const body = { id, title: 'Made offline', mechanism: 'CEDAW', stateUnderReview: 'Ruritania' };
    const first = await api<ReportSummary>(server.url, '/api/reports', { as: owner, body });
    const second = await api<ReportSummary>(server.url, '/api/reports', { as: owner, body });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    const list = await api<{ reports: ReportSummary[] }>(server.url, '/api/reports', { as: owner });
    expect(list.body.reports.filter((r) => r.id === id)).toHaveLength(1);
  });

  const invalid: [string, unknown, string][] = [
    ['a missing title', { mechanism: 'CERD' }, 'missing_field'],
    ['an empty title', { title: '   ', mechanism: 'CERD' }, 'missing_field'],
    ['a title that is not a string', { title: 42, mechanism: 'CERD' }, 'invalid_field'],
    ['a missing mechanism', { title: 'T' }, 'missing_field'],
    ['an unknown mechanism', { title: 'T', mechanism: 'ICJ' }, 'unknown_mechanism'],
    ['an id that is not a UUID', { id: '../etc', title: 'T', mechanism: 'CAT' }, 'invalid_id'],
    ['an array body', [{ title: 'T', mechanism: 'CAT' }], 'invalid_body'],
    ['a title over 300 characters', { title: 'x'.repeat(301), mechanism: 'CRC' }, 'too_long'],
  ];
  it.each(invalid)('refuses %s with 400 and a clear error', async (_what, body, code) => {
    const res = await api<ApiErrorBody>(server.url, '/api/reports', { as: owner, body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message.length).toBeGreaterThan(5);
  });

  it('refuses invalid JSON, a non-JSON content type and an oversized body', async () => {
    const bad = await api<ApiErrorBody>(server.url, '/api/reports', { as: owner, body: '{"title": ' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_json');
    const form = await api<ApiErrorBody>(server.url, '/api/reports', { as: owner,
      body: 'title=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    const huge = await api<ApiErrorBody>(server.url, '/api/reports', { as: owner, body: { title: 'x'.repeat(5000), mechanism: 'CERD' } });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
  });

  it('answers 404 for unknown reports and paths, and 405 for a wrong method', async () => {
    for (const path of [`/api/reports/${crypto.randomUUID()}`, `/api/reports/${crypto.randomUUID()}/content`, '/api/reports/not-an-id', '/api/nothing']) {
      const res = await api<ApiErrorBody>(server.url, path, { as: owner });
      expect(res.status, path).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    const res = await api<ApiErrorBody>(server.url, '/api/reports', { as: owner, method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.body.error.code).toBe('method_not_allowed');
  });

  it('sends a content security policy that allows this origin only', async () => {
    const res = await fetch(`${server.url}/healthz`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/https?:\/\//);
  });
});
