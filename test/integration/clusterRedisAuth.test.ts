/**
 * Nodes joined through a Redis that asks for a password, and through Redis over TLS with the operator's own CA:
 * they join with the right settings, a node without them fails at start with a message that says what is
 * missing, and the password never reaches the logs. A private redis-server per suite (the machine's is shared).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSection, listSections } from '../../shared/report/layout.ts';
import { loadConfig } from '../../server/src/config.ts';
import { connectClient, createReport, api, signUp, waitFor, type TestClient, type TestUser } from '../helpers/clients.ts';
import { makeTestCertificates, startTestRedis, type TestRedis } from '../helpers/redisServer.ts';
import { createTestStorage, startTestServer, type TestServer, type TestStorage } from '../helpers/server.ts';
import { typeParagraph } from '../helpers/typing.ts';

const PASSWORD = `pw-${crypto.randomBytes(12).toString('hex')}`;

/** Two nodes write together through this Redis: what Olga writes on one reaches Edwin on the other. */
async function expectJoined(a: TestServer, b: TestServer): Promise<void> {
  const owner: TestUser = await signUp(a.url, { name: 'Olga' });
  const editor: TestUser = await signUp(b.url, { name: 'Edwin' });
  const report = await createReport(a.url, owner);
  await api(b.url, `/api/reports/${report.id}/members`, { as: owner, body: { email: editor.email, role: 'editor' } });
  const clients: TestClient[] = [connectClient(a.wsUrl, report.id, owner), connectClient(b.wsUrl, report.id, editor)];
  try {
    await Promise.all(clients.map((c) => c.synced));
    const section = addSection(clients[0]!.doc, { title: 'Housing' });
    typeParagraph(clients[0]!.doc, section, 'Through a guarded Redis.');
    await waitFor(() => listSections(clients[1]!.doc).length > 0 && JSON.stringify(clients[1]!.doc.toJSON()).includes('Through a guarded Redis.'), 10_000, 'the change on the other node');
  } finally {
    for (const c of clients) c.destroy();
  }
}

function expectPasswordNotLogged(...servers: TestServer[]): void {
  for (const server of servers) {
    expect(server.lines.length).toBeGreaterThan(0);
    expect(server.lines.filter((l) => l.includes(PASSWORD))).toEqual([]);
  }
}

describe('Nodes joined through a Redis that asks for a password', () => {
  let storage: TestStorage;
  let redis: TestRedis;

  beforeAll(async () => {
    storage = await createTestStorage('postgres');
    redis = await startTestRedis({ password: PASSWORD });
  });
  afterAll(async () => {
    await redis?.stop();
    await storage?.destroy();
  });

  it('join with the password in REDIS_URL, and never log it', async () => {
    const a = await startTestServer(storage, { redisUrl: redis.url(PASSWORD) });
    const b = await startTestServer(storage, { redisUrl: redis.url(PASSWORD) });
    try {
      await expectJoined(a, b);
      expectPasswordNotLogged(a, b);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('a node without the password, or with a wrong one, does not start and says why', async () => {
    await expect(startTestServer(storage, { redisUrl: redis.url() })).rejects.toThrow(/NOAUTH.*Redis wants a password: put it in REDIS_URL/);
    const wrong = 'not-the-password-at-all';
    const refused = await startTestServer(storage, { redisUrl: redis.url(wrong) }).then(
      () => null,
      (err: Error) => err,
    );
    expect(refused?.message).toMatch(/WRONGPASS.*refused the user name or password in REDIS_URL/);
    expect(refused?.message).not.toContain(wrong);
  });
});

describe('Nodes joined through Redis over TLS (rediss://) with their own CA', () => {
  let storage: TestStorage;
  let redis: TestRedis;
  let certs: ReturnType<typeof makeTestCertificates>;

  beforeAll(async () => {
    storage = await createTestStorage('postgres');
    certs = makeTestCertificates();
    redis = await startTestRedis({ password: PASSWORD, tls: certs });
  });
  afterAll(async () => {
    await redis?.stop();
    await storage?.destroy();
    if (certs) fs.rmSync(certs.dir, { recursive: true, force: true });
  });

  it('join with REDIS_TLS_CA naming the CA that signed the certificate of Redis', async () => {
    const config = loadConfig({ ...storage.env, REDIS_URL: redis.url(PASSWORD), CLUSTER_SECRET: crypto.randomBytes(32).toString('hex'), REDIS_TLS_CA: certs.ca });
    const settings = { redisUrl: config.redisUrl, clusterSecret: config.clusterSecret, redisTlsCa: config.redisTlsCa };
    const a = await startTestServer(storage, settings);
    const b = await startTestServer(storage, settings);
    try {
      await expectJoined(a, b);
      expectPasswordNotLogged(a, b);
      expect(a.lines.some((l) => l.includes('cluster bus connected') && l.includes('"tls":true'))).toBe(true);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('a node that does not trust the certificate, or speaks plain redis:// to the TLS port, does not start', async () => {
    await expect(startTestServer(storage, { redisUrl: redis.url(PASSWORD) })).rejects.toThrow(/could not connect to Redis at 127\.0\.0\.1:\d+: .*certificate/);
    await expect(startTestServer(storage, { redisUrl: redis.url(PASSWORD).replace('rediss://', 'redis://') })).rejects.toThrow(/could not connect to Redis/);
  });
});
