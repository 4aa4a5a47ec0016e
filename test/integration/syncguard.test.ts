/**
 * Issue 9 ("Trust"), the sync parts, on the real server with stock y-websocket clients, on SQLite and PostgreSQL:
 * a comment written in someone else's name, presence (awareness) that is too large, speaks for too many clients
 * or claims another person's name, a malformed sync path, and too many connections from one account. Each bad
 * message closes only the connection that sent it: the document and everyone else carry on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { anchorAt, linearize } from '../../shared/discussion/anchors.ts';
import { createThread, listThreads, reply } from '../../shared/discussion/layout.ts';
import { CloseCodes } from '../../shared/protocol/closeCodes.ts';
import { roomName } from '../../shared/protocol/rooms.ts';
import { addSection, getSectionBody } from '../../shared/report/layout.ts';
import { api, connectClient, createReport, signUp, waitFor, type TestClient, type TestUser } from '../helpers/clients.ts';
import { createTestStorage, startTestServer, STORAGE_KINDS, type TestServer, type TestStorage } from '../helpers/server.ts';
import { typeParagraph } from '../helpers/typing.ts';

type ThreadView = { id: string; comments: { id: string; body: string; authorName: string; authorId: string }[] };

describe.each(STORAGE_KINDS)('Sync guard on %s', (kind) => {
  let storage: TestStorage;
  let server: TestServer;
  let alice: TestUser;
  let edwin: TestUser;
  let rania: TestUser;
  let vik: TestUser;

  async function newReport(): Promise<string> {
    const report = await createReport(server.url, alice);
    for (const [u, role] of [[edwin, 'editor'], [rania, 'reviewer'], [vik, 'viewer']] as const) {
      await api(server.url, `/api/reports/${report.id}/members`, { as: alice, body: { email: u.email, role } });
    }
    return report.id;
  }

  const threadsOf = async (id: string) => (await api<{ threads: ThreadView[] }>(server.url, `/api/reports/${id}/threads`, { as: vik })).body.threads;

  beforeAll(async () => {
    storage = await createTestStorage(kind);
    server = await startTestServer(storage);
    alice = await signUp(server.url, { name: 'Alice' });
    edwin = await signUp(server.url, { name: 'Edwin' });
    rania = await signUp(server.url, { name: 'Rania' });
    vik = await signUp(server.url, { name: 'Vik' });
  });
  afterAll(async () => {
    await server.close();
    await storage.destroy();
  });

  describe('comments in someone else\'s name', () => {
    it("refuses a reviewer's comment carrying Alice's comment id, account and name, and keeps nothing of it", async () => {
      const id = await newReport();
      const content = connectClient(server.wsUrl, id, alice);
      const aliceDiscussion = connectClient(server.wsUrl, roomName(id, 'discussion'), alice);
      await Promise.all([content.synced, aliceDiscussion.synced]);
      const s = addSection(content.doc, { title: 'Detention' });
      typeParagraph(content.doc, s, 'Three witnesses described beatings in custody.');
      await waitFor(() => linearize(getSectionBody(content.doc, s)!).text.length > 0);
      const threadId = createThread(aliceDiscussion.doc, { id: alice.id, name: alice.name }, {
        sectionId: s,
        anchor: anchorAt(getSectionBody(content.doc, s)!, 0, 16),
        quote: 'Three witnesses',
        body: 'Keep this testimony: it is the core of section 4.',
      });
      await waitFor(async () => (await threadsOf(id)).length === 1, 10_000, 'the thread on the server');
      const original = (await threadsOf(id))[0]!.comments[0]!;

      // The reviewer, with the stock client, inserts before Alice's comment one with her id, account and name.
      const attacker = connectClient(server.wsUrl, roomName(id, 'discussion'), rania);
      await attacker.synced;
      await waitFor(() => listThreads(attacker.doc).length === 1);
      const closed = attacker.nextClose();
      const comments = (attacker.doc.getMap('threads').get(threadId) as Y.Map<unknown>).get('comments') as Y.Array<Y.Map<unknown>>;
      const forged = new Y.Map<unknown>();
      for (const [key, value] of Object.entries({ ...original, body: 'I withdraw this; the testimony can be removed. — Alice', mentions: [], createdAt: new Date().toISOString(), editedAt: null, deleted: false })) forged.set(key, value);
      comments.insert(0, [forged]);
      const shownAsAlice = waitFor(
        async () => (await threadsOf(id))[0]!.comments.some((c) => c.body.startsWith('I withdraw') && c.authorName === 'Alice'),
        30_000,
        'the forged comment',
      ).then(
        () => 'stored and shown as Alice\'s',
        () => 'never shown',
      );
      expect(await Promise.race([closed.then((code) => `closed with ${code}`), shownAsAlice])).toBe(`closed with ${CloseCodes.ChangeRefused.code}`);
      attacker.destroy();

      // Nothing of it was stored or shown; Alice's connection still works and a newcomer sees only her words.
      reply(aliceDiscussion.doc, threadId, { id: alice.id, name: alice.name }, 'Source: the detention monitoring visit.');
      await waitFor(async () => (await threadsOf(id))[0]!.comments.length === 2, 10_000, "Alice's reply");
      const shown = (await threadsOf(id))[0]!.comments;
      expect(shown.map((c) => c.body)).toEqual(['Keep this testimony: it is the core of section 4.', 'Source: the detention monitoring visit.']);
      const late = connectClient(server.wsUrl, roomName(id, 'discussion'), edwin);
      await late.synced;
      await waitFor(() => listThreads(late.doc)[0]?.comments.length === 2);
      expect(listThreads(late.doc)[0]!.comments.map((c) => c.body)).not.toContain('I withdraw this; the testimony can be removed. — Alice');
      for (const c of [content, aliceDiscussion, late]) c.destroy();
    });

    it("refuses a thread replaced by a copy that puts words in Alice's mouth", async () => {
      const id = await newReport();
      const aliceDiscussion = connectClient(server.wsUrl, roomName(id, 'discussion'), alice);
      await aliceDiscussion.synced;
      const threadId = createThread(aliceDiscussion.doc, { id: alice.id, name: alice.name }, {
        sectionId: 'intro',
        anchor: { start: new Uint8Array([1]), end: new Uint8Array([2]) },
        quote: 'intro',
        body: 'Please keep the names of the organisations.',
      });
      await waitFor(async () => (await threadsOf(id)).length === 1);
      const attacker = connectClient(server.wsUrl, roomName(id, 'discussion'), edwin);
      await attacker.synced;
      await waitFor(() => listThreads(attacker.doc).length === 1);
      const closed = attacker.nextClose();
      const threads = attacker.doc.getMap('threads') as Y.Map<Y.Map<unknown>>;
      const old = threads.get(threadId)!;
      const copy = new Y.Map<unknown>();
      old.forEach((value, key) => {
        if (!(value instanceof Y.AbstractType)) copy.set(key, value);
      });
      const list = new Y.Array<Y.Map<unknown>>();
      const comment = new Y.Map<unknown>();
      (old.get('comments') as Y.Array<Y.Map<unknown>>).get(0).forEach((value, key) => comment.set(key, key === 'body' ? 'Remove the names of the organisations.' : value));
      list.push([comment]);
      copy.set('comments', list);
      threads.set(threadId, copy);
      expect(await closed).toBe(CloseCodes.ChangeRefused.code);
      attacker.destroy();
      expect((await threadsOf(id))[0]!.comments.map((c) => c.body)).toEqual(['Please keep the names of the organisations.']);
      aliceDiscussion.destroy();
    });

    it("refuses a reviewer removing Alice's thread right after a refused change (the guard's fresh copy)", async () => {
      const id = await newReport();
      const aliceDiscussion = connectClient(server.wsUrl, roomName(id, 'discussion'), alice);
      await aliceDiscussion.synced;
      const threadId = createThread(aliceDiscussion.doc, { id: alice.id, name: alice.name }, {
        sectionId: 'intro',
        anchor: { start: new Uint8Array([1]), end: new Uint8Array([2]) },
        quote: 'intro',
        body: 'The ministry denied access to two prisons.',
      });
      await waitFor(async () => (await threadsOf(id)).length === 1);
      // A first, refused attempt: the guard rebuilds its copy of the discussion.
      const first = connectClient(server.wsUrl, roomName(id, 'discussion'), rania);
      await first.synced;
      await waitFor(() => listThreads(first.doc).length === 1);
      const closedFirst = first.nextClose();
      reply(first.doc, threadId, { id: alice.id, name: alice.name }, 'Not true.');
      expect(await closedFirst).toBe(CloseCodes.ChangeRefused.code);
      first.destroy();
      // The next attempt removes the thread outright.
      const second = connectClient(server.wsUrl, roomName(id, 'discussion'), rania);
      await second.synced;
      await waitFor(() => listThreads(second.doc).length === 1);
      const closedSecond = second.nextClose();
      second.doc.getMap('threads').delete(threadId);
      const gone = waitFor(async () => (await threadsOf(id)).length === 0, 30_000, 'the thread to be removed').then(
        () => 'thread removed',
        () => 'thread kept',
      );
      expect(await Promise.race([closedSecond.then((code) => `closed with ${code}`), gone])).toBe(`closed with ${CloseCodes.ChangeRefused.code}`);
      second.destroy();
      expect((await threadsOf(id)).map((t) => t.id)).toEqual([threadId]);
      aliceDiscussion.destroy();
    });
  });

  describe('presence', () => {
    /** The presence others see of one client id, as a stock client receives it. */
    const stateOf = (c: TestClient, clientId: number) => c.provider.awareness.getStates().get(clientId) as Record<string, unknown> | undefined;
    const namesSeenBy = (c: TestClient) =>
      [...c.provider.awareness.getStates().entries()].filter(([cid]) => cid !== c.doc.clientID).map(([, st]) => (st as { user?: { name?: string } }).user?.name);

    it("shows a viewer claiming to be 'Alice (owner)' under their own account's name and role, to everyone and to late joiners", async () => {
      const id = await newReport();
      const aliceClient = connectClient(server.wsUrl, id, alice);
      const viewerClient = connectClient(server.wsUrl, id, vik);
      await Promise.all([aliceClient.synced, viewerClient.synced]);
      viewerClient.provider.awareness.setLocalState({ user: { name: 'Alice (owner)', color: '#1f5fa8', userId: alice.id, role: 'owner' }, section: 'intro' });
      await waitFor(() => stateOf(aliceClient, viewerClient.doc.clientID)?.section === 'intro', 10_000, "the viewer's presence");
      expect(stateOf(aliceClient, viewerClient.doc.clientID)).toEqual({ user: { name: 'Vik', color: '#1f5fa8', userId: vik.id, role: 'viewer' }, section: 'intro' });
      const late = connectClient(server.wsUrl, id, edwin);
      await late.synced;
      await waitFor(() => stateOf(late, viewerClient.doc.clientID) !== undefined, 10_000, 'presence for the late joiner');
      expect(stateOf(late, viewerClient.doc.clientID)).toEqual({ user: { name: 'Vik', color: '#1f5fa8', userId: vik.id, role: 'viewer' }, section: 'intro' });
      expect(namesSeenBy(late)).not.toContain('Alice (owner)');
      for (const c of [aliceClient, viewerClient, late]) c.destroy();
    });

    it('closes a connection that sends 1 MiB of presence (4413); nobody, not even a late joiner, receives any of it', async () => {
      const id = await newReport();
      const aliceClient = connectClient(server.wsUrl, id, alice);
      const viewerClient = connectClient(server.wsUrl, id, vik);
      await Promise.all([aliceClient.synced, viewerClient.synced]);
      aliceClient.provider.awareness.setLocalState({ user: { name: 'Alice', color: '#0f7a55' }, section: 'one' });
      await waitFor(() => stateOf(viewerClient, aliceClient.doc.clientID)?.section === 'one');
      const closed = viewerClient.nextClose();
      viewerClient.provider.awareness.setLocalState({ user: { name: 'Alice (owner)', color: '#1f5fa8' }, padding: 'x'.repeat(1024 * 1024) });
      expect(await closed).toBe(CloseCodes.PresenceTooLarge.code);
      const bigId = viewerClient.doc.clientID;
      viewerClient.destroy();
      // Alice is still connected and working: her next presence change reaches a late joiner, who sees no trace of the 1 MiB.
      aliceClient.provider.awareness.setLocalStateField('section', 'two');
      const late = connectClient(server.wsUrl, id, edwin);
      await late.synced;
      await waitFor(() => stateOf(late, aliceClient.doc.clientID)?.section === 'two', 10_000, "Alice's presence for the late joiner");
      expect(stateOf(late, bigId)).toBeUndefined();
      expect(stateOf(aliceClient, bigId)).toBeUndefined();
      expect(aliceClient.provider.wsconnected).toBe(true);
      for (const c of [aliceClient, late]) c.destroy();
    });

    it('closes a connection that speaks for 500 client ids (4413), and lets none of them through', async () => {
      const id = await newReport();
      const aliceClient = connectClient(server.wsUrl, id, alice);
      await aliceClient.synced;
      const raw = await openRaw(server, id, vik);
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 1); // awareness
      const update = encoding.createEncoder();
      encoding.writeVarUint(update, 500);
      for (let i = 0; i < 500; i++) {
        encoding.writeVarUint(update, 1_000_000 + i);
        encoding.writeVarUint(update, 1);
        encoding.writeVarString(update, JSON.stringify({ user: { name: `Alice (owner) ${i}`, color: '#1f5fa8' } }));
      }
      encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
      raw.socket.send(encoding.toUint8Array(encoder));
      expect(await raw.closed).toBe(CloseCodes.PresenceTooLarge.code);
      // Alice's connection is untouched and a late joiner sees nobody but Alice.
      aliceClient.provider.awareness.setLocalState({ user: { name: 'Alice', color: '#0f7a55' }, section: 'after' });
      const late = connectClient(server.wsUrl, id, edwin);
      await late.synced;
      await waitFor(() => stateOf(late, aliceClient.doc.clientID)?.section === 'after', 10_000, "Alice's presence");
      expect(namesSeenBy(late)).toEqual(['Alice']);
      for (const c of [aliceClient, late]) c.destroy();
    });

    it("ignores a connection's presence for another person's client id, but keeps the connection", async () => {
      const id = await newReport();
      const aliceClient = connectClient(server.wsUrl, id, alice);
      const rogue = connectClient(server.wsUrl, id, vik);
      await Promise.all([aliceClient.synced, rogue.synced]);
      aliceClient.provider.awareness.setLocalState({ user: { name: 'Alice', color: '#0f7a55' }, section: 'mine' });
      await waitFor(() => stateOf(rogue, aliceClient.doc.clientID)?.section === 'mine');
      const aliceId = aliceClient.doc.clientID;
      const clock = rogue.provider.awareness.meta.get(aliceId)!.clock;
      const frame = (state: unknown) => {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, 1);
        const update = encoding.createEncoder();
        encoding.writeVarUint(update, 1);
        encoding.writeVarUint(update, aliceId);
        encoding.writeVarUint(update, clock + 5);
        encoding.writeVarString(update, JSON.stringify(state));
        encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
        return encoding.toUint8Array(encoder);
      };
      (rogue.provider.ws as unknown as WebSocket).send(frame({ user: { name: 'Alice' }, section: 'moved by Vik' }));
      // The rogue's own presence, sent afterwards, arrives: the frames before it were read and ignored.
      rogue.provider.awareness.setLocalState({ user: { name: 'Vik', color: '#b4441b' }, section: 'after' });
      await waitFor(() => stateOf(aliceClient, rogue.doc.clientID)?.section === 'after', 10_000, "the rogue's own presence");
      const late = connectClient(server.wsUrl, id, edwin);
      await late.synced;
      await waitFor(() => stateOf(late, rogue.doc.clientID)?.section === 'after');
      expect(stateOf(late, aliceId)?.section).toBe('mine');
      expect(rogue.provider.wsconnected).toBe(true);
      for (const c of [aliceClient, rogue, late]) c.destroy();
    });
  });

  describe('connections', () => {
    it('closes a connection to a malformed sync path (/sync/%ZZ) at once with 4400, and the server carries on', async () => {
      const id = await newReport();
      const raw = await openRaw(server, id, alice, '/%ZZ');
      expect(await raw.closed).toBe(CloseCodes.MalformedMessage.code);
      expect(raw.messages).toEqual([]);
      const fine = connectClient(server.wsUrl, id, alice);
      await fine.synced;
      fine.destroy();
    });

    it('closes the 21st connection of one account with 4429 and keeps the first 20 working; another account is not affected', async () => {
      const id = await newReport();
      const mine: TestClient[] = [];
      for (let i = 0; i < 20; i++) mine.push(connectClient(server.wsUrl, i % 2 === 0 ? id : roomName(id, 'discussion'), vik));
      await Promise.all(mine.map((c) => c.synced));
      const extra = connectClient(server.wsUrl, id, vik);
      expect(await extra.nextClose()).toBe(CloseCodes.TooManyConnections.code);
      extra.destroy();
      // Someone else connects as usual, and an edit reaches the viewer's first twenty connections.
      const editorClient = connectClient(server.wsUrl, id, edwin);
      await editorClient.synced;
      const s = addSection(editorClient.doc, { title: 'Still working' });
      await waitFor(() => mine.filter((_, i) => i % 2 === 0).every((c) => c.doc.getMap('sections').has(s)), 10_000, 'the edit on every open connection');
      // One closed: a new one is accepted again.
      mine.pop()!.destroy();
      await waitFor(async () => {
        const again = connectClient(server.wsUrl, id, vik);
        const outcome = await Promise.race([again.synced.then(() => 'synced'), again.nextClose().then((code) => `closed ${code}`)]);
        again.destroy();
        return outcome === 'synced';
      }, 10_000, 'a connection once one was closed');
      for (const c of [...mine, editorClient]) c.destroy();
    });
  });
});

/** A raw `ws` socket on a report's sync path with an account's cookie, and the close code it ends with. */
async function openRaw(server: TestServer, room: string, as: TestUser, path = `/${room}`): Promise<{ socket: WebSocket; closed: Promise<number>; messages: Uint8Array[] }> {
  const socket = new WebSocket(server.wsUrl + path, { headers: { cookie: as.cookie } });
  const messages: Uint8Array[] = [];
  socket.on('message', (data: Buffer) => messages.push(new Uint8Array(data)));
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return { socket, closed, messages };
}
