/**
 * Someone who can reach Redis but does not hold CLUSTER_SECRET: what they publish on the cluster's channels is
 * refused and logged, a genuine message published again is refused, and a node with another secret is cut off.
 * Two real nodes on one PostgreSQL database and the machine's Redis; the stock y-websocket client.
 */
import crypto from 'node:crypto';
import { Redis } from 'ioredis';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roomName } from '../../shared/protocol/rooms.ts';
import { addSection, listSections } from '../../shared/report/layout.ts';
import { Channels } from '../../server/src/cluster/ClusterBus.ts';
import { connectClient, createReport, api, signUp, waitFor, type TestClient, type TestUser } from '../helpers/clients.ts';
import { createTestStorage, startTestServer, type TestServer, type TestStorage } from '../helpers/server.ts';
import { typeParagraph } from '../helpers/typing.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SECRET = crypto.randomBytes(32).toString('hex');

interface Refusal {
  message: string;
  channel?: string;
  reason: string;
  claimedNode?: string;
}

/** Lines a node logged that say it refused a cluster message on this channel (claiming to come from this node id). */
function refusals(server: TestServer, channel: string, from?: Buffer): Refusal[] {
  return server.lines
    .map((l) => JSON.parse(l) as Refusal)
    .filter((e) => e.message === 'cluster message refused' && e.channel === channel && (!from || e.claimedNode === from.toString('hex')));
}

/** Everything a client's copy of the report holds, as text (listing the sections first defines the layout's types). */
/**
 * What an attacker can publish: the message as nodes sent it before they sealed messages (their id, then the
 * payload), and one shaped like a sealed message (version, id, time, sequence, payload, a made-up tag).
 */
function forgeries(payload: Uint8Array, forgerId: Buffer): Buffer[] {
  const header = Buffer.alloc(33);
  header[0] = 1;
  forgerId.copy(header, 1);
  header.writeBigUInt64BE(BigInt(Date.now()), 17);
  header.writeBigUInt64BE(1n, 25);
  return [Buffer.concat([forgerId, payload]), Buffer.concat([header, payload, crypto.randomBytes(16)])];
}

const textOf = (c: TestClient) => {
  listSections(c.doc);
  return JSON.stringify(c.doc.toJSON());
};

describe('Cluster messages from someone who reaches Redis without the secret', () => {
  let storage: TestStorage;
  let a: TestServer;
  let b: TestServer;
  let owner: TestUser;
  let editor: TestUser;
  let outsider: Redis;
  const clients: TestClient[] = [];
  const connect = (server: TestServer, room: string, as: TestUser) => {
    const c = connectClient(server.wsUrl, room, as);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    storage = await createTestStorage('postgres');
    const shared = { redisUrl: REDIS_URL, clusterSecret: SECRET };
    a = await startTestServer(storage, shared);
    b = await startTestServer(storage, shared);
    owner = await signUp(a.url, { name: 'Olga' });
    editor = await signUp(b.url, { name: 'Edwin' });
    outsider = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    outsider?.disconnect();
    await a?.close();
    await b?.close();
    await storage?.destroy();
  });

  async function sharedReport(): Promise<string> {
    const report = await createReport(a.url, owner);
    await api(b.url, `/api/reports/${report.id}/members`, { as: owner, body: { email: editor.email, role: 'editor' } });
    return report.id;
  }

  it('does not apply a document change published into a report channel by someone without the secret', async () => {
    const id = await sharedReport();
    const onB = connect(b, id, editor);
    await onB.synced;
    // The attacker builds a real Yjs change on top of the report (as if read off the bus) and publishes it as a node would.
    const forger = new Y.Doc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(onB.doc));
    const updates: Uint8Array[] = [];
    forger.on('update', (u: Uint8Array) => updates.push(u));
    const section = addSection(forger, { title: 'Injected' });
    typeParagraph(forger, section, 'Text nobody in the coalition wrote.');
    const channel = Channels.document(roomName(id));
    const forgerId = crypto.randomBytes(16);
    for (const message of forgeries(Y.mergeUpdates(updates), forgerId)) await outsider.publish(channel, message);
    // Redis hands one publisher's messages over in order: once the second is refused, the first was handled.
    await waitFor(() => textOf(onB).includes('nobody in the coalition') || refusals(b, channel, forgerId).length > 0, 10_000, 'node B to apply or refuse the forged change');
    expect(textOf(onB)).not.toContain('nobody in the coalition');
    expect(refusals(b, channel).map((r) => r.reason)).toEqual(['malformed', 'bad signature']);
    // The report still works across nodes.
    const onA = connect(a, id, owner);
    await onA.synced;
    const real = addSection(onA.doc, { title: 'Real' });
    typeParagraph(onA.doc, real, 'Written by Olga.');
    await waitFor(() => textOf(onB).includes('Written by Olga.'), 10_000, 'the genuine change on B');
    expect(listSections(onB.doc).map((s) => s.title)).toEqual(['Real']);
  });

  it('ignores a forged "report deleted" event: connections on the node stay open', async () => {
    const id = await sharedReport();
    const onB = connect(b, id, editor);
    await onB.synced;
    let closedWith: number | null = null;
    void onB.nextClose().then((code) => (closedWith = code));
    const event = { type: 'report', reportId: id, code: 4410, reason: 'Report deleted' };
    const forgerId = crypto.randomBytes(16);
    for (const message of forgeries(Buffer.from(JSON.stringify(event)), forgerId)) await outsider.publish(Channels.access, message);
    // (Other test runs may share this Redis and its access channel: only refusals of this forger's message count.)
    await waitFor(() => closedWith !== null || refusals(b, Channels.access, forgerId).length > 0, 10_000, 'node B to act on or refuse the forged event');
    expect(closedWith).toBeNull();
    // Still connected and writing: a change made on B reaches A.
    const onA = connect(a, id, owner);
    await onA.synced;
    const section = addSection(onB.doc, { title: 'Still here' });
    typeParagraph(onB.doc, section, 'Edwin keeps writing.');
    await waitFor(() => textOf(onA).includes('Edwin keeps writing.'), 10_000, 'the change from B on A');
    expect(closedWith).toBeNull();
  });
});
