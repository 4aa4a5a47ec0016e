/**
 * Two server nodes on one PostgreSQL database joined by Redis: whatever ends a session or an account on one node
 * (a new password, ending a session, an administrator turning the account off, deleting it) closes that person's
 * stock y-websocket connections on the other node at once, with 4401.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { api, createReport, signUp, type TestClient, type TestUser } from '../helpers/clients.ts';
import { expectError, openReport, openReportWithToken, signInAgain } from '../helpers/accounts.ts';
import { useTwoNodes } from '../helpers/twoNodes.ts';


describe('Account changes across two nodes (PostgreSQL + Redis)', () => {
  const nodes = useTwoNodes({ loginSlowAfter: 100, loginRefuseAfter: 200 }, { people: false });
  let admin: TestUser;
  const opened: TestClient[] = [];

  beforeAll(async () => {
    admin = await signUp(nodes.a.url, { name: 'Node Admin' });
  });
  afterEach(() => {
    for (const c of opened.splice(0)) c.destroy();
  });

  it('closes the other browser’s connection on node B when the password is changed on node A', async () => {
    const user = await signUp(nodes.a.url, { password: 'password on node a' });
    const other = await signInAgain(nodes.b.url, user);
    const report = await createReport(nodes.a.url, user);
    const onB = await openReport(nodes.b.wsUrl, report.id, other, opened);
    const closed = onB.nextClose();
    const res = await api(nodes.a.url, '/api/auth/password', { as: user, body: { currentPassword: 'password on node a', newPassword: 'new password on a' } });
    expect(res.status).toBe(204);
    expect(await closed).toBe(4401);
    expect((await api(nodes.b.url, '/api/auth/me', { as: other })).status).toBe(401);
  });

  it('closes a session’s connection on node B when it is ended on node A', async () => {
    const user = await signUp(nodes.a.url);
    const other = await signInAgain(nodes.b.url, user);
    const report = await createReport(nodes.a.url, user);
    const onB = await openReport(nodes.b.wsUrl, report.id, other, opened);
    const closed = onB.nextClose();
    const list = await api<{ sessions: { id: string; current: boolean }[] }>(nodes.b.url, '/api/auth/sessions', { as: other });
    const theirs = list.body.sessions.find((s) => s.current)!;
    expect((await api(nodes.a.url, `/api/auth/sessions/${theirs.id}`, { as: user, method: 'DELETE' })).status).toBe(204);
    expect(await closed).toBe(4401);
  });

  it('closes every connection of an account turned off on node A, including one opened with a token on node B, and refuses sign-in on both', async () => {
    const target = await signUp(nodes.b.url, { name: 'Turned Off' });
    const report = await createReport(nodes.b.url, target);
    const token = await api<{ token: string }>(nodes.b.url, '/api/auth/tokens', { as: target, body: { name: 'tool' } });
    const bySession = await openReport(nodes.b.wsUrl, report.id, target, opened);
    const byToken = await openReportWithToken(nodes.b.wsUrl, report.id, token.body.token, opened);
    const sessionClosed = bySession.nextClose();
    const tokenClosed = byToken.nextClose();
    const off = await api(nodes.a.url, `/api/admin/users/${target.id}`, { as: admin, method: 'PATCH', body: { disabled: true } });
    expect(off.status).toBe(200);
    expect(await sessionClosed).toBe(4401);
    expect(await tokenClosed).toBe(4401);
    for (const node of [nodes.a, nodes.b]) {
      expectError(await api(node.url, '/api/auth/login', { body: { email: target.email, password: target.password } }), 403, 'account_disabled');
      expect((await api(node.url, '/api/auth/me', { headers: { authorization: `Bearer ${token.body.token}` } })).status).toBe(401);
    }
  });

  it('closes the connections on node B of an account deleted on node A', async () => {
    const user = await signUp(nodes.a.url, { password: 'deleting on node a' });
    const owner = await signUp(nodes.a.url);
    const report = await createReport(nodes.a.url, owner);
    await api(nodes.a.url, `/api/reports/${report.id}/members`, { as: owner, body: { email: user.email, role: 'editor' } });
    const other = await signInAgain(nodes.b.url, user);
    const onB = await openReport(nodes.b.wsUrl, report.id, other, opened);
    const closed = onB.nextClose();
    expect((await api(nodes.a.url, '/api/auth/me', { as: user, method: 'DELETE', body: { password: 'deleting on node a' } })).status).toBe(204);
    expect(await closed).toBe(4401);
  });
});
