/**
 * Accounts, sessions, coalitions and invitations as users meet them: sign-in limits, invitation links that
 * expire and work once, a removed or lowered role taking effect on an open connection, signing out closing
 * sockets, cross-site refusal, access tokens, and no secret in logs or in the database file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { addSection } from '../../shared/report/layout.ts';
import { api, connectClient, createReport, getContent, signUp, waitFor, type TestUser } from '../helpers/clients.ts';
import { createTestStorage, startTestServer, STORAGE_KINDS, type TestServer, type TestStorage } from '../helpers/server.ts';

describe.each(STORAGE_KINDS)('Accounts and coalitions on %s', (kind) => {
  let storage: TestStorage;
  let server: TestServer;
  let admin: TestUser;

  let firstRunBefore: unknown;

  beforeAll(async () => {
    storage = await createTestStorage(kind);
    server = await startTestServer(storage, { loginSlowAfter: 2, loginRefuseAfter: 5, loginDelayStepMs: 150 });
    firstRunBefore = (await api(server.url, '/api/auth/first-run')).body;
    admin = await signUp(server.url, { name: 'First Person', password: 'the first account on this instance' });
  });
  afterAll(async () => {
    await server.close();
    await storage.destroy();
  });

  it('tells the first visitor of a new instance to create the administrator, and nobody after that', async () => {
    // The test servers open sign-up (the product's default, invite, is tested in registration.test.ts).
    expect(firstRunBefore).toEqual({ firstRun: true, registration: 'open', setupLinkNeeded: false, mail: false });
    expect((await api(server.url, '/api/auth/first-run')).body).toEqual({ firstRun: false, registration: 'open', setupLinkNeeded: false, mail: false });
  });

  it('makes the first account the administrator, and no later one', async () => {
    const me = await api<{ user: { isAdmin: boolean; name: string } }>(server.url, '/api/auth/me', { as: admin });
    expect(me.body.user).toMatchObject({ isAdmin: true, name: 'First Person' });
    const second = await signUp(server.url);
    const other = await api<{ user: { isAdmin: boolean } }>(server.url, '/api/auth/me', { as: second });
    expect(other.body.user.isAdmin).toBe(false);
  });

  it('sets an HttpOnly, SameSite session cookie and refuses a second account with the same e-mail', async () => {
    const res = await api(server.url, '/api/auth/signup', { body: { name: 'Cookie', email: 'Cookie@Example.org', password: 'long enough password' } });
    expect(res.status).toBe(201);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^rd_session=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    const again = await api<{ error: { code: string } }>(server.url, '/api/auth/signup', {
      body: { name: 'Copy', email: 'cookie@example.org', password: 'another long password' },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('email_taken');
    const weak = await api<{ error: { code: string } }>(server.url, '/api/auth/signup', { body: { name: 'W', email: 'w@example.org', password: 'short' } });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('weak_password');
  });

  it('signs in with the right password only, slows repeated failures and then refuses them with 429', async () => {
    const user = await signUp(server.url, { password: 'a password that is right' });
    const login = (password: string) => api<{ error?: { code: string } }>(server.url, '/api/auth/login', { body: { email: user.email, password } });
    expect((await login('a password that is right')).status).toBe(200);
    expect((await login('wrong')).status).toBe(401);
    expect((await login('wrong')).status).toBe(401);
    // Past the slow-down threshold each answer waits longer (150 ms per failure here).
    const started = Date.now();
    expect((await login('wrong')).status).toBe(401);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect((await login('wrong')).status).toBe(401);
    expect((await login('wrong')).status).toBe(401);
    const refused = await login('a password that is right');
    expect(refused.status).toBe(429);
    expect(refused.body.error?.code).toBe('too_many_attempts');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('ends a session everywhere on sign-out: its open sync connections close with 4401', async () => {
    const user = await signUp(server.url);
    const report = await createReport(server.url, user);
    const client = connectClient(server.wsUrl, report.id, user);
    await client.synced;
    const closed = client.nextClose();
    await api(server.url, '/api/auth/logout', { as: user, method: 'POST' });
    expect(await closed).toBe(4401);
    client.destroy();
  });

  it('invites by a link that carries a role, works once, and expires', async () => {
    const coalition = await api<{ id: string; organisations: string[] }>(server.url, '/api/coalitions', {
      as: admin,
      body: { name: 'Freedonia Coalition for Racial Justice', organisations: ['Roma Rights Centre', 'Migrants Legal Aid'] },
    });
    expect(coalition.status).toBe(201);
    expect(coalition.body.organisations).toEqual(['Roma Rights Centre', 'Migrants Legal Aid']);
    const invite = await api<{ token: string; url: string; role: string }>(server.url, `/api/coalitions/${coalition.body.id}/invitations`, {
      as: admin,
      body: { role: 'reviewer' },
    });
    expect(invite.status).toBe(201);
    expect(invite.body.url).toContain(`/invite/${invite.body.token}`);
    const preview = await api<{ coalition: { name: string }; role: string }>(server.url, `/api/invitations/${invite.body.token}`);
    expect(preview.body).toMatchObject({ coalition: { name: 'Freedonia Coalition for Racial Justice' }, role: 'reviewer' });

    const first = await signUp(server.url);
    const second = await signUp(server.url);
    expect((await api(server.url, `/api/invitations/${invite.body.token}/accept`, { as: first, method: 'POST' })).status).toBe(200);
    const used = await api<{ error: { code: string } }>(server.url, `/api/invitations/${invite.body.token}/accept`, { as: second, method: 'POST' });
    expect(used.status).toBe(410);
    expect(used.body.error.code).toBe('invitation_used');

    // The member now reads the coalition's reports with the invited role.
    const report = await createReport(server.url, admin, { coalitionId: coalition.body.id });
    const seen = await api<{ role: string }>(server.url, `/api/reports/${report.id}`, { as: first });
    expect(seen.body.role).toBe('reviewer');
    expect((await api(server.url, `/api/reports/${report.id}`, { as: second })).status).toBe(404);
    // Each lists the coalition with their own standing in it: the manager, and the reviewer who cannot start reports.
    type Listed = { coalitions: { id: string; me: { manager: boolean; role: string } }[] };
    const mine = async (u: TestUser) => (await api<Listed>(server.url, '/api/coalitions', { as: u })).body.coalitions.find((c) => c.id === coalition.body.id);
    expect((await mine(admin))?.me).toEqual({ manager: true, role: 'owner' });
    expect((await mine(first))?.me).toEqual({ manager: false, role: 'reviewer' });
    expect(await mine(second)).toBeUndefined();

    const short = await api<{ token: string }>(server.url, `/api/coalitions/${coalition.body.id}/invitations`, {
      as: admin,
      body: { role: 'editor', expiresInHours: 0.0002 },
    });
    await new Promise((r) => setTimeout(r, 900));
    const expired = await api<{ error: { code: string } }>(server.url, `/api/invitations/${short.body.token}/accept`, { as: second, method: 'POST' });
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe('invitation_expired');
    expect((await api(server.url, `/api/invitations/not-a-token`)).status).toBe(404);
  });

  it('takes a removed or lowered role away from an open connection at once', async () => {
    const owner = await signUp(server.url);
    const editor = await signUp(server.url);
    const report = await createReport(server.url, owner);
    await api(server.url, `/api/reports/${report.id}/members`, { as: owner, body: { email: editor.email, role: 'editor' } });

    const client = connectClient(server.wsUrl, report.id, editor);
    await client.synced;
    addSection(client.doc, { title: 'Written while an editor' });
    await waitFor(async () => (await getContent(server.url, owner, report.id)).sections.length === 1);

    // Lowered to viewer: the connection closes as read-only, and reconnects read-only.
    const lowered = client.nextClose();
    await api(server.url, `/api/reports/${report.id}/members`, { as: owner, body: { email: editor.email, role: 'viewer' } });
    expect(await lowered).toBe(4403);
    client.destroy();
    const reader = connectClient(server.wsUrl, report.id, editor);
    await reader.synced;
    const refused = reader.nextClose();
    addSection(reader.doc, { title: 'Written as a viewer' });
    expect(await refused).toBe(4403);
    reader.destroy();
    expect((await getContent(server.url, owner, report.id)).sections.map((s) => s.title)).toEqual(['Written while an editor']);

    // Removed: the open connection closes and the report is gone for them.
    const again = connectClient(server.wsUrl, report.id, editor);
    await again.synced;
    const removed = again.nextClose();
    expect((await api(server.url, `/api/reports/${report.id}/members/${editor.id}`, { as: owner, method: 'DELETE' })).status).toBe(204);
    expect(await removed).toBe(4404);
    again.destroy();
    expect((await api(server.url, `/api/reports/${report.id}`, { as: editor })).status).toBe(404);
  });

  it('removes a coalition member from every coalition report on their open connections, and lets members leave', async () => {
    const manager = await signUp(server.url);
    const member = await signUp(server.url);
    const coalition = await api<{ id: string }>(server.url, '/api/coalitions', { as: manager, body: { name: 'UPR coalition' } });
    const invite = await api<{ token: string }>(server.url, `/api/coalitions/${coalition.body.id}/invitations`, { as: manager, body: { role: 'editor' } });
    await api(server.url, `/api/invitations/${invite.body.token}/accept`, { as: member, method: 'POST' });
    const report = await createReport(server.url, manager, { coalitionId: coalition.body.id, mechanism: 'UPR' });
    const client = connectClient(server.wsUrl, report.id, member);
    await client.synced;
    const closed = client.nextClose();
    expect((await api(server.url, `/api/coalitions/${coalition.body.id}/members/${member.id}`, { as: manager, method: 'DELETE' })).status).toBe(204);
    expect(await closed).toBe(4404);
    client.destroy();
    const lastManager = await api<{ error: { code: string } }>(server.url, `/api/coalitions/${coalition.body.id}/members/${manager.id}`, {
      as: manager,
      method: 'DELETE',
    });
    expect(lastManager.status).toBe(409);
  });

  it('refuses state-changing requests and sync connections from another site', async () => {
    const res = await api<{ error: { code: string } }>(server.url, '/api/reports', {
      as: admin,
      body: { title: 'Forged', mechanism: 'CERD' },
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('cross_site');
    const report = await createReport(server.url, admin);
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${server.wsUrl}/${report.id}`, { headers: { cookie: admin.cookie, origin: 'https://evil.example' } });
      ws.on('unexpected-response', (_req, response) => resolve(response.statusCode ?? 0));
      ws.on('open', () => resolve(101));
      ws.on('error', () => {});
    });
    expect(status).toBe(403);
    // The same origin is fine.
    const same = await api(server.url, '/api/reports', { as: admin, body: { title: 'Fine', mechanism: 'CERD' }, headers: { origin: server.url } });
    expect(same.status).toBe(201);
  });

  it('authenticates tools with a personal access token, which can be revoked', async () => {
    const created = await api<{ id: string; token: string }>(server.url, '/api/auth/tokens', { as: admin, body: { name: 'export script' } });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^rdpat_/);
    const bearer = { authorization: `Bearer ${created.body.token}` };
    expect((await api(server.url, '/api/reports', { headers: bearer })).status).toBe(200);
    const report = await createReport(server.url, admin);
    const client = connectClient(server.wsUrl, report.id, { ...admin, cookie: '' });
    expect(await client.nextClose()).toBe(4401);
    client.destroy();
    expect((await api(server.url, `/api/auth/tokens/${created.body.id}`, { as: admin, method: 'DELETE' })).status).toBe(204);
    expect((await api(server.url, '/api/reports', { headers: bearer })).status).toBe(401);
  });

  it('keeps passwords, cookies and tokens out of the logs and stores no password or session in clear', async () => {
    const password = 'a very secret passphrase 42';
    const user = await signUp(server.url, { password });
    await api(server.url, '/api/auth/login', { body: { email: user.email, password: 'wrong password here' } });
    const token = await api<{ token: string }>(server.url, '/api/auth/tokens', { as: user, body: { name: 'ci' } });
    const sessionToken = user.cookie.split('=')[1]!;
    const logs = server.lines.join('\n');
    for (const secret of [password, 'wrong password here', sessionToken, token.body.token]) expect(logs).not.toContain(secret);
    if (kind === 'sqlite') {
      const dir = storage.env.DATA_DIR!;
      const bytes = Buffer.concat(fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f))));
      expect(bytes.includes(Buffer.from(password))).toBe(false);
      expect(bytes.includes(Buffer.from(sessionToken))).toBe(false);
      expect(bytes.includes(Buffer.from(token.body.token))).toBe(false);
      expect(bytes.includes(Buffer.from('scrypt$32768$8$1$'))).toBe(true);
    }
  });
});
