/**
 * Two server nodes on one PostgreSQL database joined by Redis: whatever ends a session or an account on one node
 * (a new password, ending a session, an administrator turning the account off, deleting it) closes that person's
 * stock y-websocket connections on the other node at once, with 4401.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { api, createReport, signUp, type TestClient, type TestUser } from '../helpers/clients.ts';
import { expectError, openReport, openReportWithToken, signInAgain } from '../helpers/accounts.ts';
import { createTestStorage, startTestServer, type TestServer, type TestStorage } from '../helpers/server.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('Account changes across two nodes (PostgreSQL + Redis)', () => {
  let storage: TestStorage;
  let a: TestServer;
  let b: TestServer;
  let admin: TestUser;
  const opened: TestClient[] = [];

  beforeAll(async () => {
    storage = await createTestStorage('postgres');
    const shared = { redisUrl: REDIS_URL, loginSlowAfter: 100, loginRefuseAfter: 200 };
    a = await startTestServer(storage, shared);
    b = await startTestServer(storage, shared);
    admin = await signUp(a.url, { name: 'Node Admin' });
  });
  afterEach(() => {
    for (const c of opened.splice(0)) c.destroy();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await storage?.destroy();
  });

  it('closes the other browser’s connection on node B when the password is changed on node A', async () => {
    const user = await signUp(a.url, { password: 'password on node a' });
    const other = await signInAgain(b.url, user);
    const report = await createReport(a.url, user);
    const onB = await openReport(b.wsUrl, report.id, other, opened);
    const closed = onB.nextClose();
    const res = await api(a.url, '/api/auth/password', { as: user, body: { currentPassword: 'password on node a', newPassword: 'new password on a' } });
    expect(res.status).toBe(204);
    expect(await closed).toBe(4401);
    expect((await api(b.url, '/api/auth/me', { as: other })).status).toBe(401);
  });

  it('closes a session’s connection on node B when it is ended on node A', async () => {
    const user = await signUp(a.url);
    const other = await signInAgain(b.url, user);
    const report = await createReport(a.url, user);
    const onB = await openReport(b.wsUrl, report.id, other, opened);
    const closed = onB.nextClose();
    const list = await api<{ sessions: { id: string; current: boolean }[] }>(b.url, '/api/auth/sessions', { as: other });
    const theirs = list.body.sessions.find((s) => s.current)!;
    expect((await api(a.url, `/api/auth/sessions/${theirs.id}`, { as: user, method: 'DELETE' })).status).toBe(204);
    expect(await closed).toBe(4401);
  });

  it('closes every connection of an account turned off on node A, including one opened with a token on node B, and refuses sign-in on both', async () => {
    const target = await signUp(b.url, { name: 'Turned Off' });
    const report = await createReport(b.url, target);
    const token = await api<{ token: string }>(b.url, '/api/auth/tokens', { as: target, body: { name: 'tool' } });
    const bySession = await openReport(b.wsUrl, report.id, target, opened);
    const byToken = await openReportWithToken(b.wsUrl, report.id, token.body.token, opened);
    const sessionClosed = bySession.nextClose();
    const tokenClosed = byToken.nextClose();
    const off = await api(a.url, `/api/admin/users/${target.id}`, { as: admin, method: 'PATCH', body: { disabled: true } });
    expect(off.status).toBe(200);
    expect(await sessionClosed).toBe(4401);
    expect(await tokenClosed).toBe(4401);
    for (const node of [a, b]) {
      expectError(await api(node.url, '/api/auth/login', { body: { email: target.email, password: target.password } }), 403, 'account_disabled');
      expect((await api(node.url, '/api/auth/me', { headers: { authorization: `Bearer ${token.body.token}` } })).status).toBe(401);
    }
  });

  it('closes the connections on node B of an account deleted on node A', async () => {
    const user = await signUp(a.url, { password: 'deleting on node a' });
    const owner = await signUp(a.url);
    const report = await createReport(a.url, owner);
    await api(a.url, `/api/reports/${report.id}/members`, { as: owner, body: { email: user.email, role: 'editor' } });
    const other = await signInAgain(b.url, user);
    const onB = await openReport(b.wsUrl, report.id, other, opened);
    const closed = onB.nextClose();
    expect((await api(a.url, '/api/auth/me', { as: user, method: 'DELETE', body: { password: 'deleting on node a' } })).status).toBe(204);
    expect(await closed).toBe(4401);
  });
});
