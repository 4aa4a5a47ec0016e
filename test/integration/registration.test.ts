/**
 * Who may create an account. The first account (the administrator) only from the server itself (loopback) or
 * with the one-time setup link the server logs at start; after it, REGISTRATION=invite (the default) lets people
 * join only by invitation (a coalition's or an administrator's), `open` lets anyone, `closed` only an
 * administrator's invitation; the administrator changes the mode through /api/admin/settings, stored in the
 * database so every node follows it. Sign-ups per address are limited.
 *
 * The connections all come from 127.0.0.1: a caller elsewhere is told by X-Forwarded-For with TRUST_PROXY on,
 * as behind a reverse proxy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.ts';
import { api, signUp, type TestUser } from '../helpers/clients.ts';
import { createTestStorage, startTestServer, STORAGE_KINDS, type TestServer, type TestStorage } from '../helpers/server.ts';

type ErrorBody = { error: { code: string; message: string } };
type FirstRun = { firstRun: boolean; registration: string; setupLinkNeeded: boolean };

let counter = 0;
const person = () => {
  const n = ++counter;
  return { name: `Person ${n}`, email: `person${n}-${Math.random().toString(36).slice(2, 8)}@example.org`, password: `a long enough password ${n}` };
};

function signupFrom(server: TestServer, from: string | null, extra: Record<string, unknown> = {}) {
  return api<ErrorBody & { user: { id: string; isAdmin: boolean } }>(server.url, '/api/auth/signup', {
    body: { ...person(), ...extra },
    headers: from ? { 'x-forwarded-for': from } : {},
  });
}

const asUser = (res: { headers: Headers; body: { user: { id: string } } }, p: { email: string; name: string; password: string }): TestUser => ({
  id: res.body.user.id,
  ...p,
  cookie: res.headers.getSetCookie().find((c) => c.startsWith('rd_session='))!.split(';')[0]!,
});

describe('REGISTRATION in the configuration', () => {
  it('is invite unless set, and accepts only open, invite or closed', () => {
    expect(loadConfig({}).registration).toBe('invite');
    expect(loadConfig({ REGISTRATION: 'open' }).registration).toBe('open');
    expect(loadConfig({ REGISTRATION: 'closed' }).registration).toBe('closed');
    expect(() => loadConfig({ REGISTRATION: 'anyone' })).toThrow(/REGISTRATION/);
  });
});

describe.each(STORAGE_KINDS)('Registration on %s', (kind) => {
  let storage: TestStorage;
  let server: TestServer;
  /** A second node on the same database, without TRUST_PROXY. */
  let other: TestServer;
  let admin: TestUser;

  beforeAll(async () => {
    storage = await createTestStorage(kind);
    // The product's defaults here (the test helper opens sign-up for the other suites).
    server = await startTestServer(storage, { trustProxy: true, registration: 'invite', signupLimitPerAddress: 3 });
    other = await startTestServer(storage, { registration: 'invite', signupLimitPerAddress: 1000 });
  });
  afterAll(async () => {
    await server?.close();
    await other?.close();
    await storage?.destroy();
  });

  it('creates the first account only from the server itself or with the one-time setup link from the log', async () => {
    const elsewhere = '203.0.113.9';
    const before = await api<FirstRun>(server.url, '/api/auth/first-run', { headers: { 'x-forwarded-for': elsewhere } });
    expect(before.body).toEqual({ firstRun: true, registration: 'invite', setupLinkNeeded: true, mail: false });
    expect((await api<FirstRun>(server.url, '/api/auth/first-run')).body.setupLinkNeeded).toBe(false);

    const refused = await signupFrom(server, elsewhere);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('setup_link_required');
    expect(refused.body.error.message).toMatch(/setup link/);
    // A loopback connection that carries a forwarded address (a proxy in front, TRUST_PROXY off) is not "the server itself".
    const proxied = await signupFrom(other, elsewhere);
    expect(proxied.status).toBe(403);
    expect(proxied.body.error.code).toBe('setup_link_required');
    expect((await signupFrom(server, elsewhere, { invitation: 'made-up-link' })).status).toBe(403);

    // The link each node printed at start, on a line of its own in the log.
    const line = server.lines.find((l) => l.includes('setup link'));
    expect(line).toBeDefined();
    const setupUrl = (JSON.parse(line!) as { setupUrl: string }).setupUrl;
    expect(setupUrl).toMatch(/\/signup\?invitation=[A-Za-z0-9_-]{40,}$/);
    const token = new URL(setupUrl).searchParams.get('invitation')!;
    const p = person();
    const created = await api<{ user: { id: string; isAdmin: boolean } }>(server.url, '/api/auth/signup', {
      body: { ...p, invitation: token },
      headers: { 'x-forwarded-for': elsewhere },
    });
    expect(created.status).toBe(201);
    expect(created.body.user.isAdmin).toBe(true);
    admin = asUser(created, p);
    expect((await api<FirstRun>(server.url, '/api/auth/first-run')).body).toEqual({ firstRun: false, registration: 'invite', setupLinkNeeded: false, mail: false });
    // Used once: the link makes no second account.
    const again = await signupFrom(server, elsewhere, { invitation: token });
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect(again.status).toBeLessThan(500);
  });

  it('refuses sign-up without an invitation by default, with a clear JSON error, even from the server itself', async () => {
    const res = await signupFrom(server, '203.0.113.10');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('registration_invite_only');
    expect(res.body.error.message).toMatch(/invitation/);
    expect((await signupFrom(other, null)).body.error.code).toBe('registration_invite_only');
    const malformed = await signupFrom(other, null, { invitation: 42 });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('invalid_field');
  });

  it('lets an administrator change the mode for every node; others may not', async () => {
    const member = await (async () => {
      await api(server.url, '/api/admin/settings', { as: admin, method: 'PATCH', body: { registration: 'open' } });
      const u = await signUp(other.url);
      return u;
    })();
    expect((await api(server.url, '/api/admin/settings', { as: member })).status).toBe(403);
    const patchByMember = await api<ErrorBody>(server.url, '/api/admin/settings', { as: member, method: 'PATCH', body: { registration: 'open' } });
    expect(patchByMember.status).toBe(403);
    expect((await api(server.url, '/api/admin/settings')).status).toBe(401);
    const bad = await api<ErrorBody>(server.url, '/api/admin/settings', { as: admin, method: 'PATCH', body: { registration: 'anyone' } });
    expect(bad.status).toBe(400);

    // Open: anyone signs up, on either node.
    expect((await api(other.url, '/api/admin/settings', { as: admin })).body).toEqual({ registration: 'open' });
    expect((await signupFrom(server, '203.0.113.11')).status).toBe(201);
    expect((await api<FirstRun>(other.url, '/api/auth/first-run')).body.registration).toBe('open');

    // Closed, set on the other node: nobody without an administrator's invitation.
    const closed = await api(other.url, '/api/admin/settings', { as: admin, method: 'PATCH', body: { registration: 'closed' } });
    expect(closed.body).toEqual({ registration: 'closed' });
    const refused = await signupFrom(server, '203.0.113.12');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('registration_closed');

    await api(server.url, '/api/admin/settings', { as: admin, method: 'PATCH', body: { registration: 'invite' } });
    expect((await api(server.url, '/api/admin/settings', { as: admin })).body).toEqual({ registration: 'invite' });
  });

  it('lets one person in by an administrator’s invitation link, in invite and in closed mode', async () => {
    expect((await api(server.url, '/api/admin/invitations', { as: null, method: 'POST', body: {} })).status).toBe(401);
    const link = await api<{ url: string; expiresAt: string }>(server.url, '/api/admin/invitations', { as: admin, method: 'POST', body: {} });
    expect(link.status).toBe(201);
    expect(Date.parse(link.body.expiresAt)).toBeGreaterThan(Date.now());
    const token = new URL(link.body.url).searchParams.get('invitation')!;
    const joined = await signupFrom(server, '203.0.113.13', { invitation: token });
    expect(joined.status).toBe(201);
    expect(joined.body.user.isAdmin).toBe(false);
    expect((await signupFrom(server, '203.0.113.13', { invitation: token })).status).toBe(410);

    await api(server.url, '/api/admin/settings', { as: admin, method: 'PATCH', body: { registration: 'closed' } });
    const closedLink = await api<{ url: string }>(server.url, '/api/admin/invitations', { as: admin, method: 'POST', body: {} });
    const closedToken = new URL(closedLink.body.url).searchParams.get('invitation')!;
    expect((await signupFrom(server, '203.0.113.14', { invitation: closedToken })).status).toBe(201);
    await api(server.url, '/api/admin/settings', { as: admin, method: 'PATCH', body: { registration: 'invite' } });

    const member = asUser(joined, { email: '', name: '', password: '' });
    expect((await api(server.url, '/api/admin/invitations', { as: member, method: 'POST', body: {} })).status).toBe(403);
  });

  it('lets a new person sign up with a coalition invitation and joins them, but not once registration is closed', async () => {
    const coalition = await api<{ id: string }>(server.url, '/api/coalitions', { as: admin, body: { name: 'Freedonia Coalition' } });
    const invite = async () =>
      (await api<{ token: string }>(server.url, `/api/coalitions/${coalition.body.id}/invitations`, { as: admin, body: { role: 'editor' } })).body.token;

    const token = await invite();
    const p = person();
    const joined = await api<{ user: { id: string } }>(server.url, '/api/auth/signup', {
      body: { ...p, invitation: token },
      headers: { 'x-forwarded-for': '203.0.113.20' },
    });
    expect(joined.status).toBe(201);
    const newcomer = asUser(joined, p);
    // Signing up with the link joined the coalition; the invitation page's "join" step that follows still succeeds.
    const listed = await api<{ coalitions: { id: string; me: { role: string } }[] }>(server.url, '/api/coalitions', { as: newcomer });
    expect(listed.body.coalitions.find((c) => c.id === coalition.body.id)?.me.role).toBe('editor');
    expect((await api(server.url, `/api/invitations/${token}/accept`, { as: newcomer, method: 'POST' })).status).toBe(200);
    // The link worked once: nobody else signs up with it.
    const reused = await signupFrom(server, '203.0.113.21', { invitation: token });
    expect(reused.status).toBe(410);
    expect(reused.body.error.code).toBe('invitation_used');

    await api(server.url, '/api/admin/settings', { as: admin, method: 'PATCH', body: { registration: 'closed' } });
    const closedToken = await invite();
    const refused = await signupFrom(server, '203.0.113.22', { invitation: closedToken });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('registration_closed');
    // The refused sign-up did not spend the link: an existing account can still accept it.
    const existing = await signUp(other.url).catch(() => null);
    expect(existing).toBeNull();
    await api(server.url, '/api/admin/settings', { as: admin, method: 'PATCH', body: { registration: 'invite' } });
    expect((await api(server.url, `/api/invitations/${closedToken}`)).status).toBe(200);
  });

  it('limits sign-ups from one address, not from others', async () => {
    await api(server.url, '/api/admin/settings', { as: admin, method: 'PATCH', body: { registration: 'open' } });
    const from = '203.0.113.30';
    for (let i = 0; i < 3; i++) expect((await signupFrom(server, from)).status).toBe(201);
    const refused = await signupFrom(server, from);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('too_many_attempts');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // A burst from one address gets no more than the limit either.
    const burstFrom = '203.0.113.31';
    const burst = await Promise.all(Array.from({ length: 8 }, () => signupFrom(server, burstFrom)));
    expect(burst.filter((r) => r.status === 201)).toHaveLength(3);
    expect((await signupFrom(server, '203.0.113.32')).status).toBe(201);
    await api(server.url, '/api/admin/settings', { as: admin, method: 'PATCH', body: { registration: 'invite' } });
  });
});
