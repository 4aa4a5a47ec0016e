/**
 * What an operator sets and what the server then does: invitation links built from PUBLIC_URL (and a warning,
 * in the answer and once in the log, when it is not set); Strict-Transport-Security over HTTPS behind a trusted
 * proxy; people's IP addresses in the logs truncated unless LOG_IP asks for them. And a coalition keeps a
 * manager: its only manager cannot drop their own flag. On both storages.
 */
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../server/src/config.ts';
import { api, signUp, type TestUser } from '../helpers/clients.ts';
import { createTestStorage, startTestServer, STORAGE_KINDS, type TestServer, type TestStorage } from '../helpers/server.ts';

interface InvitationAnswer {
  token: string;
  url: string;
  warning?: string;
}

describe.each(STORAGE_KINDS)('Operator settings on %s', (kind) => {
  let storage: TestStorage | null = null;
  let server: TestServer | null = null;

  async function start(overrides: Partial<Config> = {}): Promise<TestServer> {
    storage = await createTestStorage(kind);
    server = await startTestServer(storage, overrides);
    return server;
  }
  afterEach(async () => {
    await server?.close();
    await storage?.destroy();
    server = null;
    storage = null;
  });

  async function coalitionOf(s: TestServer, manager: TestUser): Promise<string> {
    const res = await api<{ id: string }>(s.url, '/api/coalitions', { as: manager, body: { name: 'Equal Schools Coalition' } });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  async function invite(s: TestServer, as: TestUser, coalitionId: string) {
    return api<InvitationAnswer>(s.url, `/api/coalitions/${coalitionId}/invitations`, { as, body: { role: 'editor' } });
  }

  /** The same call with a Host header of the caller's choosing (fetch always sends the real one). */
  function inviteWithHost(s: TestServer, as: TestUser, coalitionId: string, host: string): Promise<{ status: number; body: InvitationAnswer }> {
    const payload = JSON.stringify({ role: 'editor' });
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: s.port, path: `/api/coalitions/${coalitionId}/invitations`, method: 'POST', headers: { host, cookie: as.cookie, 'content-type': 'application/json' } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as InvitationAnswer }));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  it('builds invitation links from PUBLIC_URL, whatever Host the request names', async () => {
    const s = await start({ publicUrl: 'https://rightsdraft.example.org' });
    const manager = await signUp(s.url);
    const res = await inviteWithHost(s, manager, await coalitionOf(s, manager), 'attacker.example');
    expect(res.status).toBe(201);
    expect(res.body.url).toBe(`https://rightsdraft.example.org/invite/${res.body.token}`);
    expect(res.body.warning).toBeUndefined();
  });

  it('without PUBLIC_URL, says in the answer that the link comes from the request, and warns once at start when not on loopback', async () => {
    const s = await start({ publicUrl: null });
    const manager = await signUp(s.url);
    const coalitionId = await coalitionOf(s, manager);
    const res = await invite(s, manager, coalitionId);
    expect(res.status).toBe(201);
    expect(res.body.url).toBe(`${s.url}/invite/${res.body.token}`);
    expect(res.body.warning).toMatch(/PUBLIC_URL/);
    // The Host header is the caller's to choose, and the answer says the link depends on it.
    const chosen = await inviteWithHost(s, manager, coalitionId, 'rightsdraft.lan:8080');
    expect(chosen.body.url).toBe(`http://rightsdraft.lan:8080/invite/${chosen.body.token}`);
    expect(chosen.body.warning).toMatch(/PUBLIC_URL/);
    // On loopback only this machine can open the links: nothing to warn about.
    expect(s.lines.filter((l) => l.includes('PUBLIC_URL'))).toEqual([]);
    await s.close();
    await storage!.destroy();

    const open = await start({ publicUrl: null, host: '0.0.0.0' });
    const warnings = open.lines.map((l) => JSON.parse(l) as { level: string; message: string }).filter((l) => l.message.includes('PUBLIC_URL'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.level).toBe('warn');
  });

  it('sends Strict-Transport-Security over HTTPS behind a trusted proxy, and not over plain HTTP', async () => {
    const s = await start({ trustProxy: true });
    const https = await fetch(`${s.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(https.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
    const apiAnswer = await fetch(`${s.url}/api/auth/me`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(apiAnswer.headers.get('strict-transport-security')).toMatch(/^max-age=/);
    expect((await fetch(`${s.url}/healthz`)).headers.get('strict-transport-security')).toBeNull();
    await s.close();
    await storage!.destroy();

    // Without TRUST_PROXY the header is anyone's to send: no HSTS on its word.
    const untrusting = await start({ trustProxy: false });
    expect((await fetch(`${untrusting.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } })).headers.get('strict-transport-security')).toBeNull();
  });

  async function failSignIn(s: TestServer, user: TestUser) {
    const res = await api(s.url, '/api/auth/login', { body: { email: user.email, password: 'not the password' } });
    expect(res.status).toBe(401);
  }

  it('logs the address of a failed sign-in truncated to its /24', async () => {
    const s = await start();
    await failSignIn(s, await signUp(s.url));
    const logged = s.lines.filter((l) => l.includes('failed sign-in'));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('"address":"127.0.0.0/24"');
    expect(s.lines.join('\n')).not.toContain('127.0.0.1"');
  });

  it('logs the whole address when LOG_IP asks for it', async () => {
    const s = await start({ logIp: true });
    await failSignIn(s, await signUp(s.url));
    expect(s.lines.find((l) => l.includes('failed sign-in'))).toContain('"address":"127.0.0.1"');
  });

  it('refuses to let the only manager of a coalition drop their own manager flag', async () => {
    const s = await start();
    const manager = await signUp(s.url);
    const other = await signUp(s.url);
    const coalitionId = await coalitionOf(s, manager);
    const drop = () => api<{ error: { code: string } }>(s.url, `/api/coalitions/${coalitionId}/members/${manager.id}`, { as: manager, method: 'PATCH', body: { manager: false } });
    const refused = await drop();
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('last_manager');
    const detail = await api<{ me: { manager: boolean } }>(s.url, `/api/coalitions/${coalitionId}`, { as: manager });
    expect(detail.body.me.manager).toBe(true);
    // With a second manager, the first may step down.
    const { token } = (await invite(s, manager, coalitionId)).body;
    expect((await api(s.url, `/api/invitations/${token}/accept`, { as: other, method: 'POST' })).status).toBe(200);
    expect((await api(s.url, `/api/coalitions/${coalitionId}/members/${other.id}`, { as: manager, method: 'PATCH', body: { manager: true } })).status).toBe(200);
    expect((await drop()).status).toBe(200);
    const after = await api<{ me: { manager: boolean } }>(s.url, `/api/coalitions/${coalitionId}`, { as: manager });
    expect(after.body.me.manager).toBe(false);
  });
});
