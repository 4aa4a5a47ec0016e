/**
 * Personal access tokens as a holder of one meets them: they expire, an expired one opens neither the API nor a
 * sync connection, and a token cannot mint more tokens (only a signed-in browser session can).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { SqlDriver } from '../../server/src/storage/sql/SqlDriver.ts';
import { api, createReport, signUp, type TestUser } from '../helpers/clients.ts';
import { createTestStorage, startTestServer, STORAGE_KINDS, type TestServer, type TestStorage } from '../helpers/server.ts';

/** Move a token's expiry into the past, as the passing of its lifetime would (the test cannot wait days). */
async function letExpire(server: TestServer, tokenId: string): Promise<void> {
  const db = (server.storage as unknown as { db: SqlDriver }).db;
  expect(await db.run('UPDATE access_tokens SET expires_at = ? WHERE id = ?', [new Date(Date.now() - 1000).toISOString(), tokenId])).toBe(1);
}

/** Opens a sync socket with these headers; resolves with its close code, or 'open' once it is accepted and synced. */
function syncCloseCode(server: TestServer, room: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${server.wsUrl}/${room}`, { headers });
    ws.on('close', (code) => resolve(code));
    ws.on('error', () => undefined);
  });
}

describe.each(STORAGE_KINDS)('Access tokens on %s', (kind) => {
  let storage: TestStorage;
  let server: TestServer;
  let user: TestUser;

  beforeAll(async () => {
    storage = await createTestStorage(kind);
    server = await startTestServer(storage);
    user = await signUp(server.url, { name: 'Tokina' });
  });
  afterAll(async () => {
    await server.close();
    await storage.destroy();
  });

  it('refuses to let a token create another token: only a signed-in session can', async () => {
    const first = await api<{ token: string }>(server.url, '/api/auth/tokens', { as: user, body: { name: 'script' } });
    expect(first.status).toBe(201);
    const bearer = { authorization: `Bearer ${first.body.token}` };
    const minted = await api<{ error: { code: string }; token?: string }>(server.url, '/api/auth/tokens', { headers: bearer, body: { name: 'escalated' } });
    expect(minted.status).toBe(403);
    expect(minted.body.error.code).toBe('token_cannot_create_tokens');
    const listed = await api<{ tokens: { name: string }[] }>(server.url, '/api/auth/tokens', { as: user });
    expect(listed.body.tokens.map((t) => t.name)).not.toContain('escalated');
  });

  it('gives a token an expiry (90 days unless asked), validates it, and refuses an expired token on the API and on sync', async () => {
    const before = Date.now();
    const plain = await api<{ id: string; token: string; expiresAt: string }>(server.url, '/api/auth/tokens', { as: user, body: { name: 'default' } });
    expect(plain.status).toBe(201);
    const days = (Date.parse(plain.body.expiresAt) - before) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThan(90.1);

    const week = await api<{ id: string; token: string; expiresAt: string }>(server.url, '/api/auth/tokens', { as: user, body: { name: 'week', expiresInDays: 7 } });
    expect(week.status).toBe(201);
    expect(Math.round((Date.parse(week.body.expiresAt) - before) / 86_400_000)).toBe(7);
    const listed = await api<{ tokens: { id: string; expiresAt: string }[] }>(server.url, '/api/auth/tokens', { as: user });
    expect(listed.body.tokens.find((t) => t.id === week.body.id)?.expiresAt).toBe(week.body.expiresAt);

    for (const bad of [0, -1, 366, 1.5, '30', null]) {
      const res = await api<{ error: { code: string; field?: string } }>(server.url, '/api/auth/tokens', { as: user, body: { name: 'bad', expiresInDays: bad } });
      expect(res.status, `expiresInDays ${JSON.stringify(bad)}`).toBe(400);
      expect(res.body.error.field).toBe('expiresInDays');
    }

    const report = await createReport(server.url, user);
    const bearer = { authorization: `Bearer ${week.body.token}` };
    expect((await api(server.url, '/api/auth/me', { headers: bearer })).status).toBe(200);
    await letExpire(server, week.body.id);
    const refused = await api<{ error: { code: string } }>(server.url, '/api/auth/me', { headers: bearer });
    expect(refused.status).toBe(401);
    expect((await api(server.url, `/api/reports/${report.id}`, { headers: bearer })).status).toBe(401);
    expect(await syncCloseCode(server, report.id, bearer)).toBe(4401);
    // The unexpired one still works, on both.
    expect((await api(server.url, '/api/auth/me', { headers: { authorization: `Bearer ${plain.body.token}` } })).status).toBe(200);
  });

  it('answers a malformed token request with a JSON 400', async () => {
    for (const body of ['{not json', 'null', '[]', JSON.stringify({ name: 42 })]) {
      const res = await api<{ error: { code: string } }>(server.url, '/api/auth/tokens', { as: user, body });
      expect(res.status).toBe(400);
      expect(typeof res.body.error.code).toBe('string');
    }
  });
});
