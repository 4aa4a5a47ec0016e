/**
 * The sync guard on two nodes (PostgreSQL and Redis): what one node refuses or rewrites never reaches the other.
 * Presence is screened and rewritten by the node that received it, before it is published, so people on the
 * other node see the session's name; a comment forged on one node is refused there and never relayed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import type WebSocket from 'ws';
import { createThread, listThreads, reply } from '../../shared/discussion/layout.ts';
import { CloseCodes } from '../../shared/protocol/closeCodes.ts';
import { roomName } from '../../shared/protocol/rooms.ts';
import { api, connectClient, createReport, signUp, waitFor, type TestClient, type TestUser } from '../helpers/clients.ts';
import { useTwoNodes } from '../helpers/twoNodes.ts';


describe('Sync guard on two nodes', () => {
  const nodes = useTwoNodes({}, { people: false });
  const { connect } = nodes;
  let alice: TestUser;
  let rania: TestUser;
  let vik: TestUser;
  const stateOf = (c: TestClient, clientId: number) => c.provider.awareness.getStates().get(clientId) as Record<string, unknown> | undefined;

  beforeAll(async () => {
    alice = await signUp(nodes.a.url, { name: 'Alice' });
    rania = await signUp(nodes.a.url, { name: 'Rania' });
    vik = await signUp(nodes.b.url, { name: 'Vik' });
  });

  async function newReport(): Promise<string> {
    const report = await createReport(nodes.a.url, alice);
    await api(nodes.a.url, `/api/reports/${report.id}/members`, { as: alice, body: { email: rania.email, role: 'reviewer' } });
    await api(nodes.a.url, `/api/reports/${report.id}/members`, { as: alice, body: { email: vik.email, role: 'viewer' } });
    return report.id;
  }

  it("shows on node A, and to a late joiner there, the account name of a viewer on node B who claims to be 'Alice (owner)'", async () => {
    const id = await newReport();
    const onA = connect(nodes.a, id, alice);
    const onB = connect(nodes.b, id, vik);
    await Promise.all([onA.synced, onB.synced]);
    onB.provider.awareness.setLocalState({ user: { name: 'Alice (owner)', color: '#1f5fa8', role: 'owner' }, section: 'b' });
    await waitFor(() => stateOf(onA, onB.doc.clientID)?.section === 'b', 10_000, "the viewer's presence on node A");
    expect(stateOf(onA, onB.doc.clientID)).toMatchObject({ user: { name: 'Vik', userId: vik.id, role: 'viewer' } });
    const late = connect(nodes.a, id, rania);
    await late.synced;
    await waitFor(() => stateOf(late, onB.doc.clientID) !== undefined, 10_000, 'presence for the late joiner on node A');
    expect(stateOf(late, onB.doc.clientID)).toMatchObject({ user: { name: 'Vik' }, section: 'b' });
  });

  it("drops presence sent on node B for a client id held on node A", async () => {
    const id = await newReport();
    const onA = connect(nodes.a, id, alice);
    const onB = connect(nodes.b, id, vik);
    await Promise.all([onA.synced, onB.synced]);
    onA.provider.awareness.setLocalState({ user: { name: 'Alice', color: '#0f7a55' }, section: 'mine' });
    await waitFor(() => stateOf(onB, onA.doc.clientID)?.section === 'mine', 10_000, "Alice's presence on node B");
    const clock = onB.provider.awareness.meta.get(onA.doc.clientID)!.clock;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, 1);
    encoding.writeVarUint(update, onA.doc.clientID);
    encoding.writeVarUint(update, clock + 5);
    encoding.writeVarString(update, JSON.stringify({ user: { name: 'Alice' }, section: 'moved from node B' }));
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
    (onB.provider.ws as unknown as WebSocket).send(encoding.toUint8Array(encoder));
    onB.provider.awareness.setLocalState({ user: { name: 'Vik', color: '#b4441b' }, section: 'after' });
    await waitFor(() => stateOf(onA, onB.doc.clientID)?.section === 'after', 10_000, "the viewer's own presence on node A");
    expect(stateOf(onA, onA.doc.clientID)?.section).toBe('mine');
    const late = connect(nodes.a, id, rania);
    await late.synced;
    await waitFor(() => stateOf(late, onB.doc.clientID)?.section === 'after');
    expect(stateOf(late, onA.doc.clientID)?.section).toBe('mine');
  });

  it("refuses on node B a reviewer's comment in Alice's name and relays nothing of it to node A", async () => {
    const id = await newReport();
    const aliceOnA = connect(nodes.a, roomName(id, 'discussion'), alice);
    await aliceOnA.synced;
    const threadId = createThread(aliceOnA.doc, { id: alice.id, name: alice.name }, {
      sectionId: 's',
      anchor: { start: new Uint8Array([1]), end: new Uint8Array([2]) },
      quote: 'testimony',
      body: 'Keep this testimony.',
    });
    const raniaOnB = connectClient(nodes.b.wsUrl, roomName(id, 'discussion'), rania);
    await raniaOnB.synced;
    await waitFor(() => listThreads(raniaOnB.doc).length === 1, 10_000, 'the thread on node B');
    const closed = raniaOnB.nextClose();
    const comments = (raniaOnB.doc.getMap('threads').get(threadId) as Y.Map<unknown>).get('comments') as Y.Array<Y.Map<unknown>>;
    const original = comments.get(0).toJSON() as Record<string, unknown>;
    const forged = new Y.Map<unknown>();
    for (const [key, value] of Object.entries({ ...original, body: 'I withdraw this; the testimony can be removed. — Alice' })) forged.set(key, value);
    comments.insert(0, [forged]);
    expect(await closed).toBe(CloseCodes.ChangeRefused.code);
    raniaOnB.destroy();
    // Alice's next reply reaches node B, and nothing else does.
    reply(aliceOnA.doc, threadId, { id: alice.id, name: alice.name }, 'Source attached.');
    const check = connect(nodes.b, roomName(id, 'discussion'), alice);
    await check.synced;
    await waitFor(() => listThreads(check.doc)[0]?.comments.length === 2, 10_000, "Alice's reply on node B");
    expect(listThreads(check.doc)[0]!.comments.map((c) => c.body)).toEqual(['Keep this testimony.', 'Source attached.']);
    expect(listThreads(aliceOnA.doc)[0]!.comments.map((c) => c.body)).toEqual(['Keep this testimony.', 'Source attached.']);
  });
});
