/**
 * The sign-in throttle under bursts: every attempt is counted (reserved) in the database before its password is
 * checked, so a burst of any size, sent to one node or split across two on one database, gets at most
 * LOGIN_REFUSE_AFTER password checks; and the owner's device that signed in before keeps its own allowance
 * while the guesser is refused. Addresses are set through X-Forwarded-For with TRUST_PROXY on (as behind a
 * reverse proxy): the connections themselves all come from 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signUp, type TestUser } from '../helpers/clients.ts';
import { createTestStorage, startTestServer, STORAGE_KINDS, type TestServer, type TestStorage } from '../helpers/server.ts';
import { spawnServer, type ServerProcess } from '../helpers/serverProcess.ts';

const LIMIT = 10;
let addressCounter = 0;
/** A documentation address (TEST-NET-2) of its own for each caller. */
const newAddress = () => `198.51.100.${++addressCounter}`;

function login(server: { url: string }, email: string, password: string, from: string, device?: string) {
  return api<{ error?: { code: string } }>(server.url, '/api/auth/login', {
    body: { email, password },
    headers: { 'x-forwarded-for': from, ...(device ? { cookie: device } : {}) },
  });
}

/** The device cookie (`rd_device=...`) a successful sign-in set. */
function deviceCookie(headers: Headers): string {
  const found = headers.getSetCookie().find((c) => c.startsWith('rd_device='));
  if (!found) throw new Error('no device cookie was set');
  return found.split(';')[0]!;
}

const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

describe.each(STORAGE_KINDS)('Sign-in throttle on %s (two server nodes on one database)', (kind) => {
  let storage: TestStorage;
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    storage = await createTestStorage(kind);
    // No slow-down here, so the burst is only about counting; the limit is the default's.
    const config = { trustProxy: true, loginSlowAfter: 1000, loginRefuseAfter: LIMIT };
    a = await startTestServer(storage, config);
    b = await startTestServer(storage, config);
    await signUp(a.url, { name: 'Administrator' });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await storage?.destroy();
  });

  /** 25 wrong passwords at once from one address, spread over `servers`, then the right one from the same address. */
  async function burst(victim: TestUser, servers: TestServer[]) {
    const guesser = newAddress();
    const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => login(servers[i % servers.length]!, victim.email, `wrong guess ${i}`, guesser)));
    const right = await login(servers[0]!, victim.email, victim.password, guesser);
    return { statuses: answers.map((r) => r.status), right };
  }

  it('checks at most LOGIN_REFUSE_AFTER passwords of a 26-request burst on one node; the right one after them is refused', async () => {
    const victim = await signUp(a.url, { password: 'the right password, at last' });
    const { statuses, right } = await burst(victim, [a]);
    expect({ checked: count(statuses, 401), refused: count(statuses, 429) }).toEqual({ checked: LIMIT, refused: 25 - LIMIT });
    expect(right.status).toBe(429);
    expect(right.body.error?.code).toBe('too_many_attempts');
  });

  it('checks at most LOGIN_REFUSE_AFTER passwords of a burst split across two nodes', async () => {
    const victim = await signUp(a.url, { password: 'the right password, at last' });
    const { statuses, right } = await burst(victim, [a, b]);
    expect({ checked: count(statuses, 401), refused: count(statuses, 429) }).toEqual({ checked: LIMIT, refused: 25 - LIMIT });
    expect(right.status).toBe(429);
  });

  it('lets the owner sign in from a device that signed in before while the guesser stays refused', async () => {
    const owner = await signUp(a.url, { password: 'only the owner knows this' });
    const home = newAddress();
    const first = await login(a, owner.email, owner.password, home);
    expect(first.status).toBe(200);
    const device = deviceCookie(first.headers);
    expect(first.headers.getSetCookie().find((c) => c.startsWith('rd_device='))).toMatch(/HttpOnly/);

    // A guesser elsewhere uses up the account's allowance on both nodes.
    const { statuses, right } = await burst(owner, [a, b]);
    expect(count(statuses, 401)).toBe(LIMIT);
    expect(right.status).toBe(429);

    // The owner's known device still signs in, on either node, even from a new address.
    expect((await login(b, owner.email, owner.password, newAddress(), device)).status).toBe(200);
    expect((await login(a, owner.email, owner.password, home, device)).status).toBe(200);
    // The guesser, and any device never seen before, waits for the window to pass.
    expect((await login(a, owner.email, owner.password, newAddress())).status).toBe(429);
    // A made-up device cookie is no known device.
    expect((await login(a, owner.email, owner.password, newAddress(), 'rd_device=made-up-value')).status).toBe(429);
  });

  it('limits wrong passwords from a known device too, so a stolen device cookie gives no more guesses', async () => {
    const owner = await signUp(a.url, { password: 'only the owner knows this' });
    const signedIn = await login(a, owner.email, owner.password, newAddress());
    const device = deviceCookie(signedIn.headers);
    const from = newAddress();
    const answers = await Promise.all(Array.from({ length: LIMIT + 5 }, (_, i) => login(i % 2 ? a : b, owner.email, `wrong ${i}`, from, device)));
    expect(count(answers.map((r) => r.status), 401)).toBe(LIMIT);
    expect((await login(a, owner.email, owner.password, from, device)).status).toBe(429);
  });

  it('refuses the guesser address on other accounts it has not tried once it used its allowance', async () => {
    const guesser = newAddress();
    const victims = await Promise.all([signUp(a.url), signUp(a.url), signUp(a.url)]);
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) => login(i % 2 ? a : b, victims[i % 3]!.email, `wrong ${i}`, guesser)),
    );
    expect(count(answers.map((r) => r.status), 401)).toBe(LIMIT);
    const fresh = await signUp(a.url, { password: 'a different account entirely' });
    expect((await login(a, fresh.email, fresh.password, guesser)).status).toBe(429);
    expect((await login(a, fresh.email, fresh.password, newAddress())).status).toBe(200);
  });
});

// Two server processes on one SQLite file: their reservations are serialised by SQLite's own write lock
// (BEGIN IMMEDIATE), not by anything inside one process.
describe('Sign-in throttle across two server processes on one SQLite file', () => {
  let storage: TestStorage;
  const running: ServerProcess[] = [];

  beforeAll(async () => {
    storage = await createTestStorage('sqlite');
    const env = { ...storage.env, TRUST_PROXY: '1', LOGIN_SLOW_AFTER: '1000', LOGIN_REFUSE_AFTER: String(LIMIT), LOG_LEVEL: 'warn' };
    // One after the other, so the second finds the schema made.
    running.push(await spawnServer(env));
    running.push(await spawnServer(env));
  });
  afterAll(async () => {
    for (const s of running) {
      if (s.proc.exitCode === null) s.proc.kill('SIGTERM');
      await s.exited;
    }
    await storage?.destroy();
  });

  it('checks at most LOGIN_REFUSE_AFTER passwords of a burst split across the processes', async () => {
    const [a, b] = running as [ServerProcess, ServerProcess];
    await signUp(a.url, { name: 'Administrator' });
    const victim = await signUp(b.url, { password: 'the right password, at last' });
    const guesser = newAddress();
    const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => login(i % 2 ? a : b, victim.email, `wrong guess ${i}`, guesser)));
    const statuses = answers.map((r) => r.status);
    expect({ checked: count(statuses, 401), refused: count(statuses, 429) }).toEqual({ checked: LIMIT, refused: 25 - LIMIT });
    expect((await login(a, victim.email, victim.password, guesser)).status).toBe(429);
  });
});
