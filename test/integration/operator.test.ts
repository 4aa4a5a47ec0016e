/**
 * What an operator needs: `/metrics` (Prometheus text, METRICS=1, only for METRICS_ALLOW, no personal data) and
 * `/readyz` (200 while the database, and Redis in a cluster, answer; 503 otherwise), on SQLite and PostgreSQL.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { api, connectClient, createReport, getContent, signUp, waitFor, type TestClient } from '../helpers/clients.ts';
import { PG_ADMIN_URL } from '../helpers/postgres.ts';
import { startTestRedis, type TestRedis } from '../helpers/redisServer.ts';
import { createTestStorage, startTestServer, STORAGE_KINDS, type TestServer, type TestStorage } from '../helpers/server.ts';
import { typeParagraph } from '../helpers/typing.ts';
import { addSection } from '../../shared/report/layout.ts';

const opened: { servers: TestServer[]; storages: TestStorage[]; clients: TestClient[]; redis: TestRedis[] } = { servers: [], storages: [], clients: [], redis: [] };

afterEach(async () => {
  for (const c of opened.clients.splice(0)) c.destroy();
  for (const s of opened.servers.splice(0)) await s.close().catch(() => {});
  for (const s of opened.storages.splice(0)) await s.destroy().catch(() => {});
  for (const r of opened.redis.splice(0)) await r.stop().catch(() => {});
});

async function serve(kind: 'sqlite' | 'postgres', overrides: Parameters<typeof startTestServer>[1] = {}) {
  const storage = await createTestStorage(kind);
  opened.storages.push(storage);
  const server = await startTestServer(storage, overrides);
  opened.servers.push(server);
  return { storage, server };
}

async function metricsText(url: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string; type: string | null }> {
  const res = await fetch(`${url}/metrics`, { headers });
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') };
}

/** The value of one sample line (`name{labels} value`), or null. */
function sample(text: string, line: string): number | null {
  const found = text.split('\n').find((l) => l.startsWith(`${line} `));
  return found ? Number(found.slice(line.length + 1)) : null;
}

describe.each(STORAGE_KINDS)('Metrics on %s', (kind) => {
  it('is not served without METRICS', async () => {
    const { server } = await serve(kind);
    expect((await metricsText(server.url)).status).toBe(404);
  });

  it('counts what happens, in the Prometheus text format, with no report id, user id or e-mail address in it', async () => {
    const { server } = await serve(kind, { metrics: true });
    const alice = await signUp(server.url, { email: `alice-${kind}@example.org` });
    const report = await createReport(server.url, alice);
    const failed = await api(server.url, '/api/auth/login', { body: { email: alice.email, password: 'not the password at all' } });
    expect(failed.status).toBe(401);

    const client = connectClient(server.wsUrl, report.id, alice);
    opened.clients.push(client);
    await client.synced;
    const sectionId = addSection(client.doc, { title: 'Counted' });
    typeParagraph(client.doc, sectionId, 'Counted, not named.');
    await waitFor(async () => (await getContent(server.url, alice, report.id)).sections.some((s) => s.text.includes('Counted, not named.')));

    const { status, text, type } = await metricsText(server.url);
    expect(status).toBe(200);
    expect(type).toContain('text/plain');
    expect(sample(text, 'rightsdraft_sync_connections')).toBe(1);
    expect(sample(text, 'rightsdraft_reports_loaded')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'rightsdraft_export_queue_length')).toBe(0);
    expect(sample(text, 'rightsdraft_sync_messages_received_total{type="sync_step1"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'rightsdraft_sync_messages_received_total{type="update"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'rightsdraft_store_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'rightsdraft_relay_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'rightsdraft_failed_sign_ins_total{reason="invalid_credentials"}')).toBeGreaterThanOrEqual(1);
    expect(text).toContain('process_cpu_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    for (const personal of [report.id, alice.id, alice.email, 'example.org']) expect(text).not.toContain(personal);
  });

  it('counts an export by format', async () => {
    const { server } = await serve(kind, { metrics: true });
    const alice = await signUp(server.url, { email: `exporter-${kind}@example.org` });
    const report = await createReport(server.url, alice);
    const res = await fetch(`${server.url}/api/reports/${report.id}/export?format=docx`, { headers: { cookie: alice.cookie } });
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    const { text } = await metricsText(server.url);
    expect(sample(text, 'rightsdraft_export_seconds_count{format="docx"}')).toBeGreaterThanOrEqual(1);
  });

  it('refuses addresses outside METRICS_ALLOW with a JSON 403', async () => {
    const { server } = await serve(kind, { metrics: true, metricsAllow: ['10.0.0.0/8', '2001:db8::/32'] });
    const res = await fetch(`${server.url}/metrics`);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'metrics_forbidden' } });
  });

  it('behind a trusted proxy, judges the forwarded caller, not the proxy on loopback', async () => {
    const { server } = await serve(kind, { metrics: true, trustProxy: true, metricsAllow: ['127.0.0.0/8', '192.0.2.0/24'] });
    expect((await metricsText(server.url, { 'x-forwarded-for': '203.0.113.9' })).status).toBe(403);
    expect((await metricsText(server.url, { 'x-forwarded-for': '192.0.2.44' })).status).toBe(200);
  });
});

describe('Readiness', () => {
  it('on SQLite: ready, then 503 once the database file is no longer the one the server holds', async () => {
    const { storage, server } = await serve('sqlite');
    expect((await api(server.url, '/readyz')).status).toBe(200);
    expect((await api(server.url, '/healthz')).status).toBe(200);
    const file = path.join(storage.env.DATA_DIR!, 'rightsdraft.sqlite');
    fs.renameSync(file, `${file}.moved`);
    const res = await api<{ error: { code: string }; failing: string[] }>(server.url, '/readyz');
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ error: { code: 'not_ready' }, failing: ['database'] });
    expect((await api(server.url, '/healthz')).status).toBe(200);
    fs.renameSync(`${file}.moved`, file);
    expect((await api(server.url, '/readyz')).status).toBe(200);
  });

  it('on PostgreSQL: 503 once the database is gone', async () => {
    const { storage, server } = await serve('postgres');
    expect((await api(server.url, '/readyz')).status).toBe(200);
    const name = new URL(storage.env.DATABASE_URL!).pathname.slice(1);
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
    const res = await api<{ failing: string[] }>(server.url, '/readyz');
    expect(res.status).toBe(503);
    expect(res.body.failing).toContain('database');
    expect((await api(server.url, '/healthz')).status).toBe(200);
  });

  it('in a cluster: 503 while its Redis is down', async () => {
    const redis = await startTestRedis({ password: 'operator-test-password' });
    opened.redis.push(redis);
    const { server } = await serve('postgres', { redisUrl: redis.url('operator-test-password') });
    expect((await api(server.url, '/readyz')).status).toBe(200);
    await redis.stop();
    await waitFor(async () => (await api(server.url, '/readyz')).status === 503, 10_000, 'readyz to answer 503');
    const res = await api<{ failing: string[] }>(server.url, '/readyz');
    expect(res.body.failing).toEqual(['redis']);
  });
});
