/**
 * Changes that build on something the server does not have (Yjs would keep them "pending" in the document and
 * take them in with someone else's later change), sent by a crafted client through the real server, on SQLite and
 * PostgreSQL. Such a change is held for the connection that sent it, never applied, stored or relayed, until that
 * same connection sends what it builds on; it is then checked as that person's change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { anchorAt, linearize } from '../../shared/discussion/anchors.ts';
import { createThread, reply } from '../../shared/discussion/layout.ts';
import { CloseCodes } from '../../shared/protocol/closeCodes.ts';
import { roomName } from '../../shared/protocol/rooms.ts';
import { addSection, getSectionBody } from '../../shared/report/layout.ts';
import { api, connectClient, createReport, signUp, waitFor, type TestUser } from '../helpers/clients.ts';
import { createTestStorage, startTestServer, STORAGE_KINDS, type TestServer, type TestStorage } from '../helpers/server.ts';
import { typeParagraph } from '../helpers/typing.ts';

type ThreadView = { id: string; comments: { body: string; authorName: string }[] };

/** A copy of `doc` that will write as `clientID` (to predict what that client writes next). */
function copyAs(doc: Y.Doc, clientID?: number): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  if (clientID !== undefined) copy.clientID = clientID;
  return copy;
}

describe.each(STORAGE_KINDS)('Changes built on what the server lacks, on %s', (kind) => {
  let storage: TestStorage;
  let server: TestServer;
  let alice: TestUser;
  let edwin: TestUser;
  let rania: TestUser;

  beforeAll(async () => {
    storage = await createTestStorage(kind);
    server = await startTestServer(storage);
    alice = await signUp(server.url, { name: 'Alice' });
    edwin = await signUp(server.url, { name: 'Edwin' });
    rania = await signUp(server.url, { name: 'Rania' });
  });
  afterAll(async () => {
    await server.close();
    await storage.destroy();
  });

  async function newReport(): Promise<string> {
    const report = await createReport(server.url, alice);
    for (const [u, role] of [[edwin, 'editor'], [rania, 'reviewer']] as const) {
      await api(server.url, `/api/reports/${report.id}/members`, { as: alice, body: { email: u.email, role } });
    }
    return report.id;
  }

  it("never lets a reviewer's comment in Alice's name ride in on Alice's next reply", async () => {
    const id = await newReport();
    const aliceDiscussion = connectClient(server.wsUrl, roomName(id, 'discussion'), alice);
    await aliceDiscussion.synced;
    const author = { id: alice.id, name: alice.name };
    const threadId = createThread(aliceDiscussion.doc, author, {
      sectionId: 'intro',
      anchor: { start: new Uint8Array([1]), end: new Uint8Array([2]) },
      quote: 'intro',
      body: 'Keep the names of the organisations.',
    })!;
    const threadsOf = async () => (await api<{ threads: ThreadView[] }>(server.url, `/api/reports/${id}/threads`, { as: alice })).body.threads;
    await waitFor(async () => (await threadsOf()).length === 1, 10_000, 'the thread on the server');

    // Rania predicts Alice's next reply (her client id and clock are in the document) and sends only a comment
    // in Alice's name placed right after it.
    const future = copyAs(aliceDiscussion.doc, aliceDiscussion.doc.clientID);
    reply(future, threadId, author, 'Source: the monitoring visit.');
    const raniaDoc = copyAs(future);
    const before = Y.encodeStateVector(raniaDoc);
    reply(raniaDoc, threadId, author, 'I withdraw this: remove the names. — Alice');
    const raw = await openRaw(server, roomName(id, 'discussion'), rania);
    raw.send(updateMessage(Y.encodeStateAsUpdate(raniaDoc, before)));
    await raw.roundTrip();

    // Alice replies, as she would have anyway.
    reply(aliceDiscussion.doc, threadId, author, 'Source: the monitoring visit.');
    await waitFor(async () => (await threadsOf())[0]!.comments.length >= 2, 10_000, "Alice's reply");
    await raw.roundTrip().catch(() => undefined);
    expect((await threadsOf())[0]!.comments.map((c) => c.body)).toEqual(['Keep the names of the organisations.', 'Source: the monitoring visit.']);

    // Rania's next message completes what she sent: now it is checked as hers, and refused.
    raw.send(updateMessage(Y.encodeStateAsUpdate(new Y.Doc())));
    expect(await raw.closed).toBe(CloseCodes.ChangeRefused.code);
    const late = connectClient(server.wsUrl, roomName(id, 'discussion'), edwin);
    await late.synced;
    expect((await threadsOf())[0]!.comments.map((c) => c.body)).toEqual(['Keep the names of the organisations.', 'Source: the monitoring visit.']);
    late.destroy();
    aliceDiscussion.destroy();
  });

  it('never takes text in from an editor who left, when someone else later writes what it builds on', async () => {
    const id = await newReport();
    const content = connectClient(server.wsUrl, id, alice);
    await content.synced;
    const s = addSection(content.doc, { title: 'Detention' });
    typeParagraph(content.doc, s, 'Three witnesses described beatings in custody.');
    const textOf = (doc: Y.Doc) => linearize(getSectionBody(doc, s)!).text;
    const late = connectClient(server.wsUrl, id, rania);
    await late.synced;
    await waitFor(() => textOf(late.doc).includes('Three witnesses'), 10_000, 'the paragraph on the server');

    // Edwin predicts Alice's next paragraph and sends only text placed inside it, then leaves.
    const future = copyAs(content.doc, content.doc.clientID);
    typeParagraph(future, s, 'The ministry denied access.');
    const edwinDoc = copyAs(future);
    const before = Y.encodeStateVector(edwinDoc);
    const body = getSectionBody(edwinDoc, s)!;
    const last = body.get(body.length - 1) as Y.XmlElement;
    (last.get(0) as Y.XmlText).insert(12, ' never');
    const raw = await openRaw(server, id, edwin);
    raw.send(updateMessage(Y.encodeStateAsUpdate(edwinDoc, before)));
    await raw.roundTrip();
    raw.socket.close();
    await raw.closed;

    typeParagraph(content.doc, s, 'The ministry denied access.');
    await waitFor(() => textOf(late.doc).includes('The ministry'), 10_000, "Alice's paragraph");
    const marker = connectClient(server.wsUrl, id, alice);
    await marker.synced;
    expect(textOf(marker.doc)).not.toContain('never');
    expect(textOf(late.doc)).not.toContain('never');
    for (const c of [marker, late, content]) c.destroy();
  });

  it('closes (4400) a connection that piles up more than 4 MiB of changes built on what the server lacks', async () => {
    const id = await newReport();
    const content = connectClient(server.wsUrl, id, alice);
    await content.synced;
    const s = addSection(content.doc, { title: 'Detention' });
    const edwinDoc = copyAs(content.doc);
    typeParagraph(edwinDoc, s, 'Never sent.');
    const beforePaste = Y.encodeStateVector(edwinDoc);
    typeParagraph(edwinDoc, s, 'x'.repeat(5 * 1024 * 1024));
    const raw = await openRaw(server, id, edwin);
    raw.send(updateMessage(Y.encodeStateAsUpdate(edwinDoc, beforePaste)));
    expect(await raw.closed).toBe(CloseCodes.MalformedMessage.code);
    // Nothing of it reached the report; Alice carries on.
    typeParagraph(content.doc, s, 'Still here.');
    const late = connectClient(server.wsUrl, id, rania);
    await late.synced;
    await waitFor(() => getSectionBody(late.doc, s) !== null && linearize(getSectionBody(late.doc, s)!).text.includes('Still here.'), 10_000, "Alice's paragraph");
    expect(linearize(getSectionBody(late.doc, s)!).text).not.toContain('Never sent.');
    for (const c of [late, content]) c.destroy();
  });

  it('takes a change sent before the sync answer it builds on, once that answer arrives (offline edits, typing at reconnect)', async () => {
    const id = await newReport();
    const content = connectClient(server.wsUrl, id, alice);
    await content.synced;
    const s = addSection(content.doc, { title: 'Detention' });
    const textOf = (doc: Y.Doc) => linearize(getSectionBody(doc, s)!).text;
    await waitFor(async () => {
      const probe = connectClient(server.wsUrl, id, edwin);
      await probe.synced;
      const has = getSectionBody(probe.doc, s) !== null;
      probe.destroy();
      return has;
    }, 10_000, 'the section on the server');
    // Edwin wrote offline; on reconnecting he types before his sync answer goes out.
    const edwinDoc = copyAs(content.doc);
    const offline = Y.encodeStateVector(edwinDoc);
    typeParagraph(edwinDoc, s, 'Written offline.');
    const beforeTyping = Y.encodeStateVector(edwinDoc);
    typeParagraph(edwinDoc, s, 'Typed at reconnect.');
    const raw = await openRaw(server, id, edwin);
    raw.send(updateMessage(Y.encodeStateAsUpdate(edwinDoc, beforeTyping)));
    await raw.roundTrip();
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeSyncStep2(encoder, edwinDoc, offline);
    raw.send(encoding.toUint8Array(encoder));
    await waitFor(() => textOf(content.doc).includes('Typed at reconnect.'), 10_000, 'both paragraphs');
    expect(textOf(content.doc)).toContain('Written offline.');
    raw.socket.close();
    content.destroy();
  });
});

function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/**
 * A raw `ws` socket on a sync path with an account's cookie. `roundTrip` sends sync step 1 and waits for the
 * server's answer: the server handles a connection's messages in order, so everything sent before is handled.
 */
async function openRaw(server: TestServer, room: string, as: TestUser) {
  const socket = new WebSocket(`${server.wsUrl}/${room}`, { headers: { cookie: as.cookie } });
  const answers: (() => void)[] = [];
  socket.on('message', (data: Buffer) => {
    const bytes = new Uint8Array(data);
    // messageSync (0), syncStep2 (1): the answer to our step 1.
    if (bytes[0] === 0 && bytes[1] === 1) answers.shift()?.();
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    socket,
    closed,
    send: (message: Uint8Array) => socket.send(message),
    roundTrip: () =>
      new Promise<void>((resolve, reject) => {
        answers.push(resolve);
        closed.then((code) => reject(new Error(`closed with ${code}`)), () => undefined);
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, 0);
        syncProtocol.writeSyncStep1(encoder, new Y.Doc());
        socket.send(encoding.toUint8Array(encoder));
      }),
  };
}
