/**
 * The encrypted sync path (/esync, issue 11) against the real server: it stores and relays sealed messages with
 * sequence numbers, serves "after N", and closes on what it must refuse: a malformed frame (4440), a reader's
 * write (4403), an envelope signed in another account's name (4443), an old key generation (4442), a plain
 * report (4441); the plain path refuses an encrypted report (4441). The discussion (`<id>/discussion`) takes a
 * reviewer's sealed updates but not a reviewer's snapshot (4445), which would drop the updates it covers.
 * Presence frames are relayed to the room's other connections and stored nowhere; an oversized (4413), malformed
 * (4440) or misattributed (4443) one closes its own connection only.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { generateAccountKeys } from '../../shared/e2ee/accountKeys.ts';
import { toBase64 } from '../../shared/e2ee/bytes.ts';
import { sealEnvelope } from '../../shared/e2ee/envelope.ts';
import { newReportKey } from '../../shared/e2ee/keyWrap.ts';
import { api, createReport, signUp, type TestUser } from '../helpers/clients.ts';
import { createTestStorage, startTestServer, type TestServer, type TestStorage } from '../helpers/server.ts';

interface Socket {
  ws: WebSocket;
  messages: Record<string, unknown>[];
  closed: Promise<number>;
}

function open(server: TestServer, path: string, as: TestUser): Promise<Socket> {
  const ws = new WebSocket(server.url.replace(/^http/, 'ws') + path, { headers: { cookie: as.cookie, origin: server.url } });
  const messages: Record<string, unknown>[] = [];
  ws.on('message', (data) => messages.push(JSON.parse(String(data)) as Record<string, unknown>));
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    ws.on('open', () => resolve({ ws, messages, closed }));
    ws.on('error', reject);
  });
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  expect(check()).toBe(true);
}

describe('Encrypted sync', () => {
  let storage: TestStorage;
  let server: TestServer;
  let owner: TestUser;
  let viewer: TestUser;
  let reviewer: TestUser;
  let reportId: string;
  const key = newReportKey();
  const ownerKeys = generateAccountKeys();
  const seal = (signer: string, generation = 1) =>
    toBase64(sealEnvelope({ type: 'update', generation, kind: 'content', reportId, signer }, new Uint8Array([1, 2, 3]), key, ownerKeys.signSecret));

  beforeAll(async () => {
    storage = await createTestStorage('sqlite');
    server = await startTestServer(storage);
    owner = await signUp(server.url);
    viewer = await signUp(server.url);
    reviewer = await signUp(server.url);
    reportId = crypto.randomUUID();
    const made = await api(server.url, '/api/reports', { as: owner, body: { id: reportId, title: 'Secret title', mechanism: 'CERD', encrypted: true } });
    expect(made.status).toBe(201);
    await api(server.url, `/api/reports/${reportId}/members`, { as: owner, body: { email: viewer.email, role: 'viewer' } });
    await api(server.url, `/api/reports/${reportId}/members`, { as: owner, body: { email: reviewer.email, role: 'reviewer' } });
    // The generation the server accepts is the one whose keys were posted; the wraps are opaque to it.
    const direct = storage.open();
    await direct.e2ee.addReportKeys(reportId, 1, [{ userId: owner.id, wrappedKey: 'x', wrappedBy: owner.id }], new Date().toISOString());
    await direct.close();
  });
  afterAll(async () => {
    await server.close();
    await storage.destroy();
  });

  it('stores and relays sealed updates with sequence numbers, and serves what follows N', async () => {
    const a = await open(server, `/esync/${reportId}`, owner);
    const b = await open(server, `/esync/${reportId}`, owner);
    for (const s of [a, b]) s.ws.send(JSON.stringify({ v: 1, t: 'hello', after: 0 }));
    await until(() => a.messages.some((m) => m.t === 'ready') && b.messages.some((m) => m.t === 'ready'));
    a.ws.send(JSON.stringify({ v: 1, t: 'update', ref: 'r1', data: seal(owner.id) }));
    await until(() => a.messages.some((m) => m.t === 'ack') && b.messages.some((m) => m.t === 'update'));
    const seq = a.messages.find((m) => m.t === 'ack')!.seq as number;
    expect(b.messages.find((m) => m.t === 'update')).toMatchObject({ seq });
    const late = await open(server, `/esync/${reportId}`, owner);
    late.ws.send(JSON.stringify({ v: 1, t: 'hello', after: seq }));
    await until(() => late.messages.some((m) => m.t === 'ready'));
    expect(late.messages.filter((m) => m.t === 'update')).toEqual([]);
    expect(late.messages.find((m) => m.t === 'ready')).toMatchObject({ head: seq });
    for (const s of [a, b, late]) s.ws.close();
  });

  it('closes on a malformed frame, a reader’s write, another account’s signature and an old key generation', async () => {
    const bad = await open(server, `/esync/${reportId}`, owner);
    bad.ws.send('{"v":1,"t":"update","ref":"r1","data":"%%%"}');
    expect(await bad.closed).toBe(4440);
    const reader = await open(server, `/esync/${reportId}`, viewer);
    reader.ws.send(JSON.stringify({ v: 1, t: 'update', ref: 'r1', data: seal(viewer.id) }));
    expect(await reader.closed).toBe(4403);
    const forger = await open(server, `/esync/${reportId}`, owner);
    forger.ws.send(JSON.stringify({ v: 1, t: 'update', ref: 'r1', data: seal(viewer.id) }));
    expect(await forger.closed).toBe(4443);
    const stale = await open(server, `/esync/${reportId}`, owner);
    stale.ws.send(JSON.stringify({ v: 1, t: 'update', ref: 'r1', data: seal(owner.id, 7) }));
    expect(await stale.closed).toBe(4442);
  });

  it('takes a reviewer’s updates of the discussion, relays them, and refuses a reviewer’s snapshot and a reader’s write', async () => {
    const reviewerKeys = generateAccountKeys();
    const sealDiscussion = (type: 'update' | 'snapshot', signer: string, signKey: Uint8Array) =>
      toBase64(sealEnvelope({ type, generation: 1, kind: 'discussion', reportId, signer }, new Uint8Array([4, 5, 6]), key, signKey));
    const path = `/esync/${reportId}/discussion`;
    const editor = await open(server, path, owner);
    const review = await open(server, path, reviewer);
    for (const s of [editor, review]) s.ws.send(JSON.stringify({ v: 1, t: 'hello', after: 0 }));
    await until(() => editor.messages.some((m) => m.t === 'ready') && review.messages.some((m) => m.t === 'ready'));
    review.ws.send(JSON.stringify({ v: 1, t: 'update', ref: 'c1', data: sealDiscussion('update', reviewer.id, reviewerKeys.signSecret) }));
    await until(() => review.messages.some((m) => m.t === 'ack') && editor.messages.some((m) => m.t === 'update'));
    // A content envelope on the discussion's room does not match it.
    const mixed = await open(server, path, owner);
    mixed.ws.send(JSON.stringify({ v: 1, t: 'update', ref: 'c2', data: seal(owner.id) }));
    expect(await mixed.closed).toBe(4443);
    review.ws.send(JSON.stringify({ v: 1, t: 'snapshot', ref: 'c3', covers: 1, data: sealDiscussion('snapshot', reviewer.id, reviewerKeys.signSecret) }));
    expect(await review.closed).toBe(4445);
    const reader = await open(server, path, viewer);
    reader.ws.send(JSON.stringify({ v: 1, t: 'update', ref: 'c4', data: sealDiscussion('update', viewer.id, reviewerKeys.signSecret) }));
    expect(await reader.closed).toBe(4403);
    editor.ws.close();
  });

  it('relays presence (a reader’s too) to the room’s other connections and stores nothing of it', async () => {
    const viewerKeys = generateAccountKeys();
    const sealPresence = (signer: string, bytes: Uint8Array = crypto.randomBytes(120)) =>
      toBase64(sealEnvelope({ type: 'presence', generation: 1, kind: 'content', reportId, signer }, bytes, key, viewerKeys.signSecret));
    const direct = storage.open();
    const stored = async () => {
      const loaded = await direct.e2ee.load(reportId, 0);
      return { head: loaded.head, updates: loaded.updates.length, snapshot: loaded.snapshot?.covers ?? null, pending: loaded.pendingBytes };
    };
    const before = await stored();
    const watcher = await open(server, `/esync/${reportId}`, owner);
    const reader = await open(server, `/esync/${reportId}`, viewer);
    for (const s of [watcher, reader]) s.ws.send(JSON.stringify({ v: 1, t: 'hello', after: 0 }));
    await until(() => watcher.messages.some((m) => m.t === 'ready') && reader.messages.some((m) => m.t === 'ready'));
    const presence = sealPresence(viewer.id);
    reader.ws.send(JSON.stringify({ v: 1, t: 'presence', client: 42, data: presence }));
    await until(() => watcher.messages.some((m) => m.t === 'presence'));
    // Relayed as sent, with no sequence number; not echoed to its sender; nothing acknowledged or stored.
    expect(watcher.messages.find((m) => m.t === 'presence')).toEqual({ v: 1, t: 'presence', client: 42, data: presence });
    expect(reader.messages.filter((m) => m.t === 'presence' || m.t === 'ack')).toEqual([]);
    expect(await stored()).toEqual(before);
    const late = await open(server, `/esync/${reportId}`, owner);
    late.ws.send(JSON.stringify({ v: 1, t: 'hello', after: 0 }));
    await until(() => late.messages.some((m) => m.t === 'ready'));
    expect(late.messages.filter((m) => m.t === 'presence')).toEqual([]);
    await direct.close();

    // An oversized presence frame, a malformed one, one of the wrong envelope type, one signed as someone else and
    // one on the discussion room each close their own connection, and only it.
    const huge = await open(server, `/esync/${reportId}`, viewer);
    huge.ws.send(JSON.stringify({ v: 1, t: 'presence', client: 42, data: sealPresence(viewer.id, crypto.randomBytes(9000)) }));
    expect(await huge.closed).toBe(4413);
    const garbled = await open(server, `/esync/${reportId}`, viewer);
    garbled.ws.send(JSON.stringify({ v: 1, t: 'presence', client: 42, data: toBase64(crypto.randomBytes(200)) }));
    expect(await garbled.closed).toBe(4440);
    const disguised = await open(server, `/esync/${reportId}`, owner);
    disguised.ws.send(JSON.stringify({ v: 1, t: 'presence', client: 42, data: seal(owner.id) }));
    expect(await disguised.closed).toBe(4440);
    const asUpdate = await open(server, `/esync/${reportId}`, owner);
    asUpdate.ws.send(JSON.stringify({ v: 1, t: 'update', ref: 'p1', data: sealPresence(owner.id) }));
    expect(await asUpdate.closed).toBe(4440);
    const noClient = await open(server, `/esync/${reportId}`, viewer);
    noClient.ws.send(JSON.stringify({ v: 1, t: 'presence', data: sealPresence(viewer.id) }));
    expect(await noClient.closed).toBe(4440);
    const many = await open(server, `/esync/${reportId}`, viewer);
    many.ws.send(JSON.stringify({ v: 1, t: 'hello', after: 0 }));
    for (const client of [1, 2, 3, 4, 5]) many.ws.send(JSON.stringify({ v: 1, t: 'presence', client, data: sealPresence(viewer.id) }));
    expect(await many.closed).toBe(4413);
    const impostor = await open(server, `/esync/${reportId}`, viewer);
    impostor.ws.send(JSON.stringify({ v: 1, t: 'presence', client: 42, data: sealPresence(owner.id) }));
    expect(await impostor.closed).toBe(4443);
    const discussion = await open(server, `/esync/${reportId}/discussion`, owner);
    discussion.ws.send(JSON.stringify({ v: 1, t: 'presence', client: 42, data: sealPresence(owner.id) }));
    expect(await discussion.closed).toBe(4440);
    expect([watcher.ws.readyState, reader.ws.readyState, late.ws.readyState]).toEqual([WebSocket.OPEN, WebSocket.OPEN, WebSocket.OPEN]);
    // The room still relays.
    const again = sealPresence(viewer.id);
    reader.ws.send(JSON.stringify({ v: 1, t: 'presence', client: 42, data: again }));
    await until(() => watcher.messages.some((m) => m.data === again) && late.messages.some((m) => m.data === again));
    // The reader's connection closes: the others are told its client is gone (its caret goes at once).
    reader.ws.close();
    await until(() => watcher.messages.some((m) => m.t === 'gone' && JSON.stringify(m.clients) === '[42]'));
    // (The connection closed for too many client ids had said [1, 2, 3, 4] before it was closed.)
    expect(watcher.messages.filter((m) => m.t === 'gone').map((m) => m.clients)).toEqual([[1, 2, 3, 4], [42]]);
    for (const s of [watcher, late]) s.ws.close();
  });

  it('keeps plain and encrypted reports on their own paths', async () => {
    const plain = await createReport(server.url, owner);
    const wrongE = await open(server, `/esync/${plain.id}`, owner);
    expect(await wrongE.closed).toBe(4441);
    const wrongP = await open(server, `/sync/${reportId}`, owner);
    expect(await wrongP.closed).toBe(4441);
    const meta = await api<{ title: string; encrypted: boolean }>(server.url, `/api/reports/${reportId}`, { as: owner });
    expect(meta.body).toMatchObject({ title: 'Encrypted report', encrypted: true });
    for (const path of ['content', 'export', 'versions', 'threads', 'sign-on']) {
      const res = await api(server.url, `/api/reports/${reportId}/${path}`, { as: owner });
      expect([path, res.status, (res.body as { error?: { code?: string } }).error?.code]).toEqual([path, 409, 'encrypted_report']);
    }
    // What would put the report's own words or files on the server in the clear is refused too: testimony contacts
    // (real names), attachments, and the deadline, which the server would write into a plain copy of the document.
    for (const path of ['testimony-contacts', 'attachments']) {
      const res = await api(server.url, `/api/reports/${reportId}/${path}`, { as: owner });
      expect([path, res.status, (res.body as { error?: { code?: string } }).error?.code]).toEqual([path, 409, 'encrypted_report']);
    }
    const patch = await api(server.url, `/api/reports/${reportId}`, { as: owner, method: 'PATCH', body: { deadline: '2027-03-15' } });
    expect([patch.status, (patch.body as { error?: { code?: string } }).error?.code]).toEqual([409, 'encrypted_report']);
    const stranger = await signUp(server.url);
    expect((await api(server.url, `/api/reports/${reportId}/content`, { as: stranger })).status).toBe(404);
  });
});
