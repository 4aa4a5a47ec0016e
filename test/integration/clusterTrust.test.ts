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
import { anchorAt } from '../../shared/discussion/anchors.ts';
import { createThread, listThreads } from '../../shared/discussion/layout.ts';
import { addSection, listSections } from '../../shared/report/layout.ts';
import { Channels } from '../../server/src/cluster/ClusterBus.ts';
import { encodeDocumentMessage, type RelayedActor } from '../../server/src/cluster/documentMessage.ts';
import { ClusterEnvelope } from '../../server/src/cluster/envelope.ts';
import { bodyWith } from '../helpers/yjsContent.ts';
import { api, waitFor, type TestClient } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { REDIS_URL, useTwoNodes } from '../helpers/twoNodes.ts';
import { typeParagraph } from '../helpers/typing.ts';

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

/** A discussion change as a node relays it: who made it (as that node established), then the change. */
function relayedChange(update: Uint8Array, actor: RelayedActor): Uint8Array {
  return encodeDocumentMessage({ update, actor });
}

/** Lines a node logged that say it refused a discussion change relayed by another node. */
function discussionRefusals(server: TestServer, doc: string): { userId?: string; reason?: string }[] {
  return server.lines
    .map((l) => JSON.parse(l) as { message: string; doc?: string; userId?: string; reason?: string })
    .filter((e) => e.message === 'relayed discussion change refused' && e.doc === doc);
}

const textOf = (c: TestClient) => {
  listSections(c.doc);
  return JSON.stringify(c.doc.toJSON());
};

describe('Cluster messages from someone who reaches Redis without the secret', () => {
  const nodes = useTwoNodes({ clusterSecret: SECRET });
  const { connect, sharedReport } = nodes;
  let outsider: Redis;

  beforeAll(() => {
    outsider = new Redis(REDIS_URL);
  });
  afterAll(() => {
    outsider?.disconnect();
  });

  it('does not apply a document change published into a report channel by someone without the secret', async () => {
    const id = await sharedReport();
    const onB = connect(nodes.b, id, nodes.editor);
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
    await waitFor(() => textOf(onB).includes('nobody in the coalition') || refusals(nodes.b, channel, forgerId).length > 0, 10_000, 'node B to apply or refuse the forged change');
    expect(textOf(onB)).not.toContain('nobody in the coalition');
    expect(refusals(nodes.b, channel).map((r) => r.reason)).toEqual(['malformed', 'bad signature']);
    // The report still works across nodes.
    const onA = connect(nodes.a, id, nodes.owner);
    await onA.synced;
    const real = addSection(onA.doc, { title: 'Real' });
    typeParagraph(onA.doc, real, 'Written by Olga.');
    await waitFor(() => textOf(onB).includes('Written by Olga.'), 10_000, 'the genuine change on B');
    expect(listSections(onB.doc).map((s) => s.title)).toEqual(['Real']);
  });

  it('ignores a forged "report deleted" event: connections on the node stay open', async () => {
    const id = await sharedReport();
    const onB = connect(nodes.b, id, nodes.editor);
    await onB.synced;
    let closedWith: number | null = null;
    void onB.nextClose().then((code) => (closedWith = code));
    const event = { type: 'report', reportId: id, code: 4410, reason: 'Report deleted' };
    const forgerId = crypto.randomBytes(16);
    for (const message of forgeries(Buffer.from(JSON.stringify(event)), forgerId)) await outsider.publish(Channels.access, message);
    // (Other test runs may share this Redis and its access channel: only refusals of this forger's message count.)
    await waitFor(() => closedWith !== null || refusals(nodes.b, Channels.access, forgerId).length > 0, 10_000, 'node B to act on or refuse the forged event');
    expect(closedWith).toBeNull();
    // Still connected and writing: a change made on B reaches A.
    const onA = connect(nodes.a, id, nodes.owner);
    await onA.synced;
    const section = addSection(onB.doc, { title: 'Still here' });
    typeParagraph(onB.doc, section, 'Edwin keeps writing.');
    await waitFor(() => textOf(onA).includes('Edwin keeps writing.'), 10_000, 'the change from B on A');
    expect(closedWith).toBeNull();
  });

  it('relays a comment written on one node to the other', async () => {
    const id = await sharedReport();
    const onA = connect(nodes.a, roomName(id, 'discussion'), nodes.editor);
    const onB = connect(nodes.b, roomName(id, 'discussion'), nodes.owner);
    await Promise.all([onA.synced, onB.synced]);
    createThread(onA.doc, { id: nodes.editor.id, name: nodes.editor.name }, { sectionId: 's1', anchor: anchorAt(bodyWith('text'), 0, 4), quote: 'text', body: 'A comment by Edwin.' });
    await waitFor(() => listThreads(onB.doc).some((t) => t.comments[0]?.body === 'A comment by Edwin.'), 10_000, 'the comment on B');
    expect(listThreads(onB.doc)[0]!.authorId).toBe(nodes.editor.id);
  });

  it('refuses a relayed discussion change that breaks the rules, even when it is signed with the secret', async () => {
    const id = await sharedReport();
    const room = roomName(id, 'discussion');
    const onB = connect(nodes.b, room, nodes.owner);
    await onB.synced;
    // A compromised node holds the secret: it seals a change that puts words under Olga's name.
    const compromised = new ClusterEnvelope(SECRET);
    const forger = new Y.Doc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(onB.doc));
    const updates: Uint8Array[] = [];
    forger.on('update', (u: Uint8Array) => updates.push(u));
    createThread(forger, { id: nodes.owner.id, name: nodes.owner.name }, { sectionId: 's1', anchor: anchorAt(bodyWith('text'), 0, 4), quote: 'text', body: 'Olga never wrote this.' });
    const channel = Channels.document(room);
    await outsider.publish(channel, compromised.seal(channel, relayedChange(Y.mergeUpdates(updates), { userId: nodes.editor.id, userName: nodes.editor.name, role: 'editor' })));
    await waitFor(() => listThreads(onB.doc).length > 0 || discussionRefusals(nodes.b, room).length > 0, 10_000, 'node B to apply or refuse the change');
    expect(listThreads(onB.doc)).toEqual([]);
    expect(discussionRefusals(nodes.b, room)[0]).toMatchObject({ userId: nodes.editor.id, reason: expect.stringMatching(/under your own account/) });
  });

  it('refuses a genuine message published again by someone who recorded it', async () => {
    const id = await sharedReport();
    const channel = Channels.document(roomName(id));
    const recorder = new Redis(REDIS_URL);
    const recorded: Buffer[] = [];
    recorder.on('messageBuffer', (_channel: Buffer, message: Buffer) => recorded.push(message));
    try {
      await recorder.subscribe(channel);
      const onA = connect(nodes.a, id, nodes.owner);
      const onB = connect(nodes.b, id, nodes.editor);
      await Promise.all([onA.synced, onB.synced]);
      const section = addSection(onA.doc, { title: 'Detention' });
      typeParagraph(onA.doc, section, 'Recorded on its way.');
      await waitFor(() => textOf(onB).includes('Recorded on its way.') && recorded.length > 0, 10_000, 'the change on B and on the recorder');
      // Redis saw only sealed bytes.
      expect(recorded.some((m) => m.includes(Buffer.from('Recorded on its way.')))).toBe(false);
      const genuine = recorded[recorded.length - 1]!;
      const sender = genuine.subarray(1, 17);
      await outsider.publish(channel, genuine);
      await waitFor(() => refusals(nodes.b, channel, sender).length > 0, 10_000, 'node B to refuse the replay');
      expect(refusals(nodes.b, channel, sender).map((r) => r.reason)).toEqual(['replayed']);
    } finally {
      recorder.disconnect();
    }
  });

  it('cuts off a node started with another secret: it neither hears nor is heard, and both sides log why', async () => {
    const other = await startTestServer(nodes.storage, { redisUrl: REDIS_URL, clusterSecret: crypto.randomBytes(32).toString('hex') });
    try {
      const id = await sharedReport();
      const channel = Channels.document(roomName(id));
      const following = (server: TestServer) => server.lines.some((l) => l.includes('following a document across nodes') && l.includes(`"doc":"${id}"`));
      const onA = connect(nodes.a, id, nodes.owner);
      const onOther = connect(other, id, nodes.editor);
      await Promise.all([onA.synced, onOther.synced]);
      // Each node has subscribed and caught up from the database: from here on, what it learns comes from the bus.
      await waitFor(() => following(nodes.a) && following(other), 10_000, 'both nodes to follow the report');
      const section = addSection(onOther.doc, { title: 'From the odd node' });
      typeParagraph(onOther.doc, section, 'Written on the node with the wrong secret.');
      await waitFor(() => refusals(nodes.a, channel).length > 0, 10_000, 'node A to refuse the other node');
      expect(textOf(onA)).not.toContain('wrong secret');
      expect(refusals(nodes.a, channel)[0]!.reason).toBe('bad signature');

      const mine = addSection(onA.doc, { title: 'From A' });
      typeParagraph(onA.doc, mine, 'Written on node A.');
      await waitFor(() => refusals(other, channel).length > 0, 10_000, 'the other node to refuse node A');
      expect(textOf(onOther)).not.toContain('Written on node A.');
    } finally {
      await other.close();
    }
  });
});
