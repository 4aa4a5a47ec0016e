/**
 * Issue 11 on several nodes: two nodes on one PostgreSQL database joined by Redis serve one encrypted report.
 * A sealed update stored through node A reaches a connection on node B as the same ciphertext (and back); a new
 * key generation made through one node is accepted on the other; presence sent to node B reaches node A (not stored); removing a member through node A closes their
 * encrypted connection on node B.
 */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { generateAccountKeys } from '../../shared/e2ee/accountKeys.ts';
import { toBase64 } from '../../shared/e2ee/bytes.ts';
import { sealEnvelope } from '../../shared/e2ee/envelope.ts';
import { newReportKey } from '../../shared/e2ee/keyWrap.ts';
import { api, type TestUser } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { useTwoNodes } from '../helpers/twoNodes.ts';

interface Socket {
  ws: WebSocket;
  messages: Record<string, unknown>[];
  closed: Promise<number>;
}

function open(server: TestServer, reportId: string, as: TestUser): Promise<Socket> {
  const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/esync/${reportId}`, { headers: { cookie: as.cookie, origin: server.url } });
  const messages: Record<string, unknown>[] = [];
  ws.on('message', (data) => messages.push(JSON.parse(String(data)) as Record<string, unknown>));
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    ws.on('open', () => resolve({ ws, messages, closed }));
    ws.on('error', reject);
  });
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  expect(check()).toBe(true);
}

const has = (s: Socket, match: Record<string, unknown>) => s.messages.some((m) => Object.entries(match).every(([k, v]) => m[k] === v));

describe('Encrypted sync on two nodes', () => {
  const nodes = useTwoNodes();

  it('relays sealed updates and key changes between nodes, and closes a removed member’s connection on the other node', async () => {
    const { a, b, owner, editor } = nodes;
    const reportId = crypto.randomUUID();
    expect((await api(a.url, '/api/reports', { as: owner, body: { id: reportId, title: 'Secret title', mechanism: 'CERD', encrypted: true } })).status).toBe(201);
    expect((await api(b.url, `/api/reports/${reportId}/members`, { as: owner, body: { email: editor.email, role: 'editor' } })).status).toBe(201);
    const ownerKeys = generateAccountKeys();
    const editorKeys = generateAccountKeys();
    const direct = nodes.storage.open();
    const now = new Date().toISOString();
    for (const [user, keys] of [[owner, ownerKeys], [editor, editorKeys]] as const) {
      await direct.e2ee.createAccountKeys({ userId: user.id, boxPublic: toBase64(keys.boxPublic), signPublic: toBase64(keys.signPublic), passwordWrap: '{}', recoveryWrap: '{}', createdAt: now, updatedAt: now });
    }
    await direct.close();
    const wrapsFor = (...users: TestUser[]) => users.map((u) => ({ userId: u.id, wrappedKey: toBase64(crypto.randomBytes(80)) }));

    const onB = await open(b, reportId, editor);
    const onA = await open(a, reportId, owner);
    for (const s of [onA, onB]) s.ws.send(JSON.stringify({ v: 1, t: 'hello', after: 0 }));
    await until(() => has(onA, { t: 'ready' }) && has(onB, { t: 'ready' }));

    // The first key, posted through node A: the connection on node B is told to fetch keys.
    expect((await api(a.url, `/api/reports/${reportId}/e2ee/keys`, { as: owner, body: { generation: 1, wraps: wrapsFor(owner, editor) } })).status).toBe(200);
    await until(() => has(onB, { t: 'keys' }));

    const key1 = newReportKey();
    const seal = (signer: TestUser, secret: Uint8Array, generation: number, key: Uint8Array) =>
      toBase64(sealEnvelope({ type: 'update', generation, kind: 'content', reportId, signer: signer.id }, crypto.randomBytes(24), key, secret));

    // Stored through A, relayed to B as the very same ciphertext, with its sequence number.
    const fromOwner = seal(owner, ownerKeys.signSecret, 1, key1);
    onA.ws.send(JSON.stringify({ v: 1, t: 'update', ref: 'r1', data: fromOwner }));
    await until(() => has(onA, { t: 'ack', ref: 'r1' }));
    const seq1 = onA.messages.find((m) => m.t === 'ack' && m.ref === 'r1')!.seq;
    await until(() => has(onB, { t: 'update', data: fromOwner }));
    expect(onB.messages.find((m) => m.t === 'update' && m.data === fromOwner)!.seq).toBe(seq1);

    // And back, B to A.
    const fromEditor = seal(editor, editorKeys.signSecret, 1, key1);
    onB.ws.send(JSON.stringify({ v: 1, t: 'update', ref: 'e1', data: fromEditor }));
    await until(() => has(onA, { t: 'update', data: fromEditor }));

    // Presence through B reaches A as sent, with no sequence number, and is stored nowhere.
    const presence = toBase64(sealEnvelope({ type: 'presence', generation: 1, kind: 'content', reportId, signer: editor.id }, crypto.randomBytes(80), key1, editorKeys.signSecret));
    const direct2 = nodes.storage.open();
    const before = (await direct2.e2ee.load(reportId, 0)).head;
    onB.ws.send(JSON.stringify({ v: 1, t: 'presence', client: 7, data: presence }));
    await until(() => has(onA, { t: 'presence', data: presence }));
    expect(onA.messages.find((m) => m.t === 'presence')).toEqual({ v: 1, t: 'presence', client: 7, data: presence });
    expect(onB.messages.some((m) => m.t === 'presence')).toBe(false);
    expect((await direct2.e2ee.load(reportId, 0)).head).toBe(before);
    await direct2.close();

    // The editor rotates the key through node B; node A, which had generation 1 cached, accepts generation 2 at once.
    expect((await api(b.url, `/api/reports/${reportId}/e2ee/keys`, { as: editor, body: { generation: 2, wraps: wrapsFor(owner, editor) } })).status).toBe(200);
    await until(() => onA.messages.filter((m) => m.t === 'keys').length >= 2);
    const fromOwner2 = seal(owner, ownerKeys.signSecret, 2, newReportKey());
    onA.ws.send(JSON.stringify({ v: 1, t: 'update', ref: 'r2', data: fromOwner2 }));
    await until(() => has(onA, { t: 'ack', ref: 'r2' }));
    await until(() => has(onB, { t: 'update', data: fromOwner2 }));

    // Removed through node A: the editor's encrypted connection on node B closes.
    expect((await api(a.url, `/api/reports/${reportId}/members/${editor.id}`, { as: owner, method: 'DELETE' })).status).toBe(204);
    expect(await onB.closed).toBe(4404);
    // Its presence ends on node A too.
    await until(() => has(onA, { t: 'gone' }));
    expect(onA.messages.find((m) => m.t === 'gone')).toEqual({ v: 1, t: 'gone', clients: [7] });
    onA.ws.close();
  }, 60_000);
});
