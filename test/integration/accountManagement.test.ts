/**
 * Accounts people manage, as they meet it, on SQLite and PostgreSQL: changing the password signs out their other
 * browsers; the list of sessions and ending one; a copy of everything held about them (their own comments, nobody
 * else's); deleting the account (refused while they alone own a report or manage a coalition); an administrator
 * turning an account off.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { api, createReport, signUp, type TestClient, type TestUser } from '../helpers/clients.ts';
import { expectError, openReport, replyInThread, signInAgain, writeDiscussion } from '../helpers/accounts.ts';
import { createTestStorage, startTestServer, STORAGE_KINDS, type TestServer, type TestStorage } from '../helpers/server.ts';

const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0';

interface SessionView {
  id: string;
  current: boolean;
  createdAt: string;
  lastUsedAt: string;
  device: string;
}

describe.each(STORAGE_KINDS)('Managing an account on %s', (kind) => {
  let storage: TestStorage;
  let server: TestServer;
  let admin: TestUser;
  const opened: TestClient[] = [];

  const me = (as: TestUser) => api<{ user: { id: string } }>(server.url, '/api/auth/me', { as });
  const sessions = async (as: TestUser) => (await api<{ sessions: SessionView[] }>(server.url, '/api/auth/sessions', { as })).body.sessions;

  beforeAll(async () => {
    storage = await createTestStorage(kind);
    server = await startTestServer(storage, { loginSlowAfter: 100, loginRefuseAfter: 200 });
    admin = await signUp(server.url, { name: 'Ada Admin' });
  });
  afterEach(() => {
    for (const c of opened.splice(0)) c.destroy();
  });
  afterAll(async () => {
    await server.close();
    await storage.destroy();
  });

  it('changes the password, signing out every other browser of the person and closing their open connections', async () => {
    const laptop = await signUp(server.url, { name: 'Pat', password: 'first long password' });
    const phone = await signInAgain(server.url, laptop);
    const report = await createReport(server.url, laptop);
    const onPhone = await openReport(server.wsUrl, report.id, phone, opened);
    const onLaptop = await openReport(server.wsUrl, report.id, laptop, opened);
    const phoneClosed = onPhone.nextClose();

    const wrong = await api(server.url, '/api/auth/password', { as: laptop, body: { currentPassword: 'not my password', newPassword: 'second long password' } });
    expectError(wrong, 403, 'wrong_password');
    const weak = await api<{ error: { field: string } }>(server.url, '/api/auth/password', {
      as: laptop,
      body: { currentPassword: 'first long password', newPassword: 'short' },
    });
    expectError(weak, 400, 'weak_password');
    expect(weak.body.error.field).toBe('newPassword');
    expect((await me(phone)).status).toBe(200);

    const changed = await api(server.url, '/api/auth/password', { as: laptop, body: { currentPassword: 'first long password', newPassword: 'second long password' } });
    expect(changed.status).toBe(204);
    expect(await phoneClosed).toBe(4401);
    expect((await me(phone)).status).toBe(401);
    // The browser that changed it stays signed in, its connection open.
    expect((await me(laptop)).status).toBe(200);
    expect(onLaptop.provider.wsconnected).toBe(true);
    expect((await api(server.url, '/api/auth/login', { body: { email: laptop.email, password: 'first long password' } })).status).toBe(401);
    expect((await api(server.url, '/api/auth/login', { body: { email: laptop.email, password: 'second long password' } })).status).toBe(200);
  });

  it('answers malformed bodies on every new endpoint with a JSON 400', async () => {
    const user = await signUp(server.url);
    const cases: [string, string][] = [
      ['POST', '/api/auth/password'],
      ['DELETE', '/api/auth/me'],
      ['PATCH', `/api/admin/users/${user.id}`],
    ];
    for (const [method, path] of cases) {
      for (const body of ['{oops', 'null', '[]', '"text"', JSON.stringify({ currentPassword: 1, newPassword: true, password: 5, disabled: 'yes' })]) {
        const res = await api<{ error: { code: string; message: string } }>(server.url, path, { method, as: admin, body });
        expect(res.status, `${method} ${path} ${body}`).toBe(400);
        expect(res.body.error.message.length).toBeGreaterThan(0);
      }
    }
  });

  it('lists the sessions with the current one marked and a readable device, and ends one or all the others', async () => {
    const user = await signUp(server.url, { name: 'Sam' });
    const firefox = await signInAgain(server.url, user, FIREFOX_WINDOWS);
    const third = await signInAgain(server.url, user, 'curl/8.5.0');
    const list = await sessions(user);
    expect(list).toHaveLength(3);
    expect(list.filter((s) => s.current)).toHaveLength(1);
    expect(list.map((s) => s.device)).toContain('Firefox on Windows');
    for (const s of list) {
      expect(Object.keys(s).sort()).toEqual(['createdAt', 'current', 'device', 'id', 'lastUsedAt']);
      expect(Date.parse(s.lastUsedAt)).toBeGreaterThanOrEqual(Date.parse(s.createdAt));
    }
    const fromFirefox = (await sessions(firefox)).find((s) => s.current)!;
    expect(fromFirefox.device).toBe('Firefox on Windows');

    // Ending the Firefox session from the first browser closes its live connection.
    const report = await createReport(server.url, user);
    const live = await openReport(server.wsUrl, report.id, firefox, opened);
    const closed = live.nextClose();
    expect((await api(server.url, `/api/auth/sessions/${fromFirefox.id}`, { as: user, method: 'DELETE' })).status).toBe(204);
    expect(await closed).toBe(4401);
    expect((await me(firefox)).status).toBe(401);
    expect((await sessions(user)).map((s) => s.id)).not.toContain(fromFirefox.id);

    // Someone else's session id is as unknown as a made-up one.
    const other = await signUp(server.url);
    const othersSession = (await sessions(other))[0]!;
    expectError(await api(server.url, `/api/auth/sessions/${othersSession.id}`, { as: user, method: 'DELETE' }), 404, 'not_found');
    expectError(await api(server.url, `/api/auth/sessions/not-an-id`, { as: user, method: 'DELETE' }), 404, 'not_found');
    expect((await me(other)).status).toBe(200);

    expect((await api(server.url, '/api/auth/sessions', { as: user, method: 'DELETE' })).status).toBe(204);
    expect((await me(third)).status).toBe(401);
    expect((await me(user)).status).toBe(200);
    expect(await sessions(user)).toEqual([expect.objectContaining({ current: true })]);
    expect((await api(server.url, '/api/auth/sessions')).status).toBe(401);

    // Ending the session one is using signs out of it.
    const own = (await sessions(user))[0]!;
    const self = await api(server.url, `/api/auth/sessions/${own.id}`, { as: user, method: 'DELETE' });
    expect(self.status).toBe(204);
    expect(self.headers.get('set-cookie')).toMatch(/^rd_session=;.*Max-Age=0/);
    expect((await me(user)).status).toBe(401);
  });

  it('keeps account management to browser sessions: an access token cannot change the password, list sessions or export', async () => {
    const user = await signUp(server.url, { password: 'a long enough password' });
    const token = await api<{ token: string }>(server.url, '/api/auth/tokens', { as: user, body: { name: 'tool' } });
    const headers = { authorization: `Bearer ${token.body.token}` };
    expectError(await api(server.url, '/api/auth/sessions', { headers }), 403, 'session_required');
    expectError(await api(server.url, '/api/auth/me/export', { headers }), 403, 'session_required');
    expectError(
      await api(server.url, '/api/auth/password', { headers, body: { currentPassword: 'a long enough password', newPassword: 'taken over by a token' } }),
      403,
      'session_required',
    );
    expectError(await api(server.url, '/api/auth/me', { headers, method: 'DELETE', body: { password: 'a long enough password' } }), 403, 'session_required');
  });

  it("exports everything about the caller as a download, with their comments and suggestions but nobody else's private data", async () => {
    const alice = await signUp(server.url, { name: 'Alice Owner' });
    const bob = await signUp(server.url, { name: 'Bob Writer' });
    const carol = await signUp(server.url, { name: 'Carol Elsewhere' });
    const shared = await createReport(server.url, alice, { title: 'Housing in Freedonia' });
    expect((await api(server.url, `/api/reports/${shared.id}/members`, { as: alice, body: { email: bob.email, role: 'reviewer' } })).status).toBe(201);
    const secret = await createReport(server.url, carol, { title: 'Carol private report title' });
    await writeDiscussion(server.wsUrl, server.url, secret.id, carol, { comment: 'Carol private comment' }, opened);
    const alicesThread = await writeDiscussion(server.wsUrl, server.url, shared.id, alice, { comment: 'Alice private note to self' }, opened);
    await writeDiscussion(
      server.wsUrl,
      server.url,
      shared.id,
      bob,
      { comment: 'Bob asks for the 2023 figures', reply: 'Bob adds a source', suggestion: 'Bob suggested wording' },
      opened,
    );
    await replyInThread(server.wsUrl, server.url, shared.id, bob, alicesThread, 'Bob answers Alice', opened);
    const token = await api<{ token: string }>(server.url, '/api/auth/tokens', { as: bob, body: { name: 'Bob script' } });
    const coalition = await api<{ id: string }>(server.url, '/api/coalitions', { as: bob, body: { name: 'Bob coalition' } });
    await api(server.url, `/api/coalitions/${coalition.body.id}/invitations`, { as: bob, body: { role: 'editor' } });

    const res = await fetch(`${server.url}/api/auth/me/export`, { headers: { cookie: bob.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]+\.json"$/);
    const text = await res.text();
    const data = JSON.parse(text) as {
      account: { email: string; name: string };
      sessions: { current: boolean }[];
      accessTokens: { name: string; expiresAt: string }[];
      coalitions: { name: string; manager: boolean }[];
      reports: { title: string; role: string }[];
      invitationsCreated: { reportRole: string }[];
      comments: { body: string; reportTitle: string }[];
      suggestions: { insertText: string }[];
    };
    expect(data.account).toMatchObject({ email: bob.email, name: 'Bob Writer' });
    expect(data.sessions.some((s) => s.current)).toBe(true);
    expect(data.accessTokens).toEqual([expect.objectContaining({ name: 'Bob script', expiresAt: expect.any(String) })]);
    expect(data.coalitions).toEqual([expect.objectContaining({ name: 'Bob coalition', manager: true })]);
    expect(data.reports).toEqual([expect.objectContaining({ title: 'Housing in Freedonia', role: 'reviewer' })]);
    expect(data.invitationsCreated).toEqual([expect.objectContaining({ reportRole: 'editor' })]);
    expect(data.comments.map((c) => c.body).sort()).toEqual(['Bob adds a source', 'Bob answers Alice', 'Bob asks for the 2023 figures']);
    expect(data.comments.every((c) => c.reportTitle === 'Housing in Freedonia')).toBe(true);
    expect(data.suggestions.map((s) => s.insertText)).toEqual(['Bob suggested wording']);
    // Nothing of anyone else's, and no secret.
    for (const absent of ['Alice private note to self', alice.email, 'Carol private comment', 'Carol private report title', carol.email, 'scrypt$', token.body.token]) {
      expect(text).not.toContain(absent);
    }
    expect(text).not.toContain(bob.cookie.split('=')[1]);
    expect(text).not.toMatch(/[0-9a-f]{64}/);
  });

  it('refuses to delete the only owner of a report or manager of a coalition, then deletes once ownership is passed on', async () => {
    const leaver = await signUp(server.url, { name: 'Lee Leaving', password: 'leaving this site now' });
    const heir = await signUp(server.url, { name: 'Hana Heir' });
    const colleague = await signUp(server.url, { name: 'Col League' });
    const a = await createReport(server.url, leaver, { title: 'First' });
    const b = await createReport(server.url, leaver, { title: 'Second' });
    const coalition = await api<{ id: string }>(server.url, '/api/coalitions', { as: leaver, body: { name: 'Leaving coalition' } });
    const invite = await api<{ token: string }>(server.url, `/api/coalitions/${coalition.body.id}/invitations`, { as: leaver, body: { role: 'viewer' } });
    expect((await api(server.url, `/api/invitations/${invite.body.token}/accept`, { as: colleague, method: 'POST' })).status).toBe(200);
    // A direct role of someone else on the leaver's report stays after the report changes hands.
    expect((await api(server.url, `/api/reports/${a.id}/members`, { as: leaver, body: { email: colleague.email, role: 'editor' } })).status).toBe(201);
    const threadId = await writeDiscussion(server.wsUrl, server.url, a.id, leaver, { comment: 'Lee wrote this before leaving' }, opened);
    const live = await openReport(server.wsUrl, a.id, leaver, opened);

    const del = (password: string) => api<{ error: { code: string; message: string } }>(server.url, '/api/auth/me', { as: leaver, method: 'DELETE', body: { password } });
    expectError(await del('not the password'), 403, 'wrong_password');
    const soleOwner = await del('leaving this site now');
    expectError(soleOwner, 409, 'sole_owner');
    expect(soleOwner.body.error.message).toContain('2 reports');
    expect(soleOwner.body.error.message).toMatch(/transfer/i);

    await api(server.url, `/api/reports/${a.id}/members`, { as: leaver, body: { email: heir.email, role: 'owner' } });
    const stillOne = await del('leaving this site now');
    expectError(stillOne, 409, 'sole_owner');
    expect(stillOne.body.error.message).toContain('1 report');
    expect((await api(server.url, `/api/reports/${b.id}`, { as: leaver, method: 'DELETE' })).status).toBe(200);

    expectError(await del('leaving this site now'), 409, 'sole_manager');
    const promoted = await api(server.url, `/api/coalitions/${coalition.body.id}/members/${colleague.id}`, { as: leaver, method: 'PATCH', body: { manager: true } });
    expect(promoted.status).toBe(200);

    const closed = live.nextClose();
    const deleted = await del('leaving this site now');
    expect(deleted.status).toBe(204);
    expect(deleted.headers.get('set-cookie')).toMatch(/^rd_session=;.*Max-Age=0/);
    expect(await closed).toBe(4401);
    expect((await me(leaver)).status).toBe(401);
    expect((await api(server.url, '/api/auth/login', { body: { email: leaver.email, password: leaver.password } })).status).toBe(401);

    // The report passed to the other owner; the leaver is gone from its members and the coalition.
    const members = await api<{ members: { userId: string; role: string; via: string }[] }>(server.url, `/api/reports/${a.id}/members`, { as: heir });
    expect(members.body.members.find((m) => m.userId === heir.id)).toMatchObject({ role: 'owner', via: 'owner' });
    expect(members.body.members.map((m) => m.userId)).not.toContain(leaver.id);
    expect(members.body.members.find((m) => m.userId === colleague.id)).toMatchObject({ role: 'editor', via: 'direct' });
    const coalitionNow = await api<{ members: { userId: string }[] }>(server.url, `/api/coalitions/${coalition.body.id}`, { as: colleague });
    expect(coalitionNow.body.members.map((m) => m.userId)).toEqual([colleague.id]);
    // Their comment stays, under the name they had.
    const threads = await api<{ threads: { id: string; comments: { body: string; authorName: string }[] }[] }>(server.url, `/api/reports/${a.id}/threads`, { as: heir });
    expect(threads.body.threads.find((t) => t.id === threadId)?.comments[0]).toMatchObject({ body: 'Lee wrote this before leaving', authorName: 'Lee Leaving' });
    // The administrator no longer sees the account; its e-mail address is free for a new account.
    const users = await api<{ users: { id: string }[] }>(server.url, '/api/admin/users', { as: admin });
    expect(users.body.users.map((u) => u.id)).not.toContain(leaver.id);
    expect((await api(server.url, '/api/auth/signup', { body: { name: 'New Lee', email: leaver.email, password: 'a brand new account' } })).status).toBe(201);
  });

  it("lets only administrators list accounts and turn one off: its connections close with 4401, its token stops, and it cannot sign in", async () => {
    const target = await signUp(server.url, { name: 'Tara Target', password: 'target password here' });
    const bystander = await signUp(server.url, { name: 'Bea Bystander' });
    expectError(await api(server.url, '/api/admin/users', { as: bystander }), 403, 'not_admin');
    expectError(await api(server.url, `/api/admin/users/${target.id}`, { as: bystander, method: 'PATCH', body: { disabled: true } }), 403, 'not_admin');
    expect((await api(server.url, '/api/admin/users')).status).toBe(401);

    const list = await api<{ users: Record<string, unknown>[] }>(server.url, '/api/admin/users', { as: admin });
    expect(list.status).toBe(200);
    const row = list.body.users.find((u) => u.id === target.id)!;
    expect(Object.keys(row).sort()).toEqual(['createdAt', 'disabled', 'email', 'id', 'isAdmin', 'lastSeenAt', 'name']);
    expect(row).toMatchObject({ email: target.email, name: 'Tara Target', isAdmin: false, disabled: false, lastSeenAt: expect.any(String) });
    expect(list.body.users.find((u) => u.id === admin.id)).toMatchObject({ isAdmin: true });

    expectError(await api(server.url, `/api/admin/users/${admin.id}`, { as: admin, method: 'PATCH', body: { disabled: true } }), 409, 'cannot_disable_self');
    expectError(await api(server.url, `/api/admin/users/${crypto.randomUUID()}`, { as: admin, method: 'PATCH', body: { disabled: true } }), 404, 'not_found');

    const token = await api<{ token: string }>(server.url, '/api/auth/tokens', { as: target, body: { name: 'sync tool' } });
    const bearer = { authorization: `Bearer ${token.body.token}` };
    const report = await createReport(server.url, target);
    const live = await openReport(server.wsUrl, report.id, target, opened);
    const closed = live.nextClose();
    const off = await api<{ user: { disabled: boolean } }>(server.url, `/api/admin/users/${target.id}`, { as: admin, method: 'PATCH', body: { disabled: true } });
    expect(off.status).toBe(200);
    expect(off.body.user.disabled).toBe(true);
    expect(await closed).toBe(4401);
    expect((await me(target)).status).toBe(401);
    expect((await api(server.url, '/api/auth/me', { headers: bearer })).status).toBe(401);
    const signIn = await api<{ error: { code: string; message: string } }>(server.url, '/api/auth/login', { body: { email: target.email, password: target.password } });
    expectError(signIn, 403, 'account_disabled');
    // A wrong password learns nothing about the account being turned off.
    expectError(await api(server.url, '/api/auth/login', { body: { email: target.email, password: 'guessing wrongly' } }), 401, 'invalid_credentials');

    const on = await api(server.url, `/api/admin/users/${target.id}`, { as: admin, method: 'PATCH', body: { disabled: false } });
    expect(on.status).toBe(200);
    expect((await api(server.url, '/api/auth/login', { body: { email: target.email, password: target.password } })).status).toBe(200);
    expect((await api(server.url, '/api/auth/me', { headers: bearer })).status).toBe(200);
  });

  it('keeps current, new and wrong passwords out of the logs', async () => {
    const user = await signUp(server.url, { password: 'current secret passphrase' });
    await api(server.url, '/api/auth/password', { as: user, body: { currentPassword: 'wrongly guessed passphrase', newPassword: 'never used passphrase' } });
    await api(server.url, '/api/auth/password', { as: user, body: { currentPassword: 'current secret passphrase', newPassword: 'brand new passphrase' } });
    await api(server.url, '/api/auth/me', { as: user, method: 'DELETE', body: { password: 'brand new passphrase' } });
    const logs = server.lines.join('\n');
    expect(logs).toContain('password changed');
    for (const secret of ['current secret passphrase', 'wrongly guessed passphrase', 'never used passphrase', 'brand new passphrase', user.cookie.split('=')[1]!]) {
      expect(logs).not.toContain(secret);
    }
  });

  it('refuses to delete the only administrator', async () => {
    const res = await api(server.url, '/api/auth/me', { as: admin, method: 'DELETE', body: { password: admin.password } });
    expectError(res, 409, 'sole_admin');
    expect((await me(admin)).status).toBe(200);
  });
});
