import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorAt } from '../../../shared/discussion/anchors.ts';
import { createThread, editComment, listThreads, reply, setThreadStatus } from '../../../shared/discussion/layout.ts';
import { bodyWith } from '../../../test/helpers/yjsContent.ts';
import { refuseDiscussionUpdate } from './discussionGuard.ts';

const rania = { id: 'u-rania', name: 'Rania' };
const edwin = { id: 'u-edwin', name: 'Edwin' };
const body = bodyWith('The State should adopt a law.');

/** A client's change to its copy of the server's discussion, as the update it would send. */
function change(server: Y.Doc, make: (client: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(client);
  make(client);
  return Y.encodeStateAsUpdate(client, before);
}

describe('the discussion guard of a document', () => {
  it('judges each change against the document as it is, through accepted, refused and server-side changes', () => {
    const server = new Y.Doc();
    const check = (update: Uint8Array, who: typeof rania, role: 'reviewer' | 'editor' = 'reviewer') =>
      refuseDiscussionUpdate(server, update, { userId: who.id, userName: who.name, role });
    const apply = (update: Uint8Array) => Y.applyUpdate(server, update);

    // Rania starts a thread: accepted and applied.
    const start = change(server, (c) => createThread(c, rania, { sectionId: 's', anchor: anchorAt(body, 4, 9), quote: 'State', body: 'Which body?' }));
    expect(check(start, rania)).toBeNull();
    apply(start);
    const [thread] = listThreads(server);

    // Edwin rewrites her comment: refused, and not applied.
    const rewrite = change(server, (c) => {
      const comments = (c.getMap('threads').get(thread!.id) as Y.Map<unknown>).get('comments') as Y.Array<Y.Map<unknown>>;
      comments.get(0).set('body', 'Nothing to see.');
    });
    expect(check(rewrite, edwin, 'editor')).toMatch(/only its author/);

    // Her own edit of the same comment is still judged against the text she wrote, not Edwin's.
    const edit = change(server, (c) => editComment(c, thread!.id, thread!.comments[0]!.id, rania, 'Which ministry?'));
    expect(check(edit, rania)).toBeNull();
    apply(edit);

    // A change made on the server itself (a restored version) is known to the guard for the next check.
    setThreadStatus(server, thread!.id, 'resolved', edwin);
    const reopen = change(server, (c) => setThreadStatus(c, thread!.id, 'open', rania));
    expect(check(reopen, rania)).toBeNull();
    apply(reopen);

    const forged = change(server, (c) => reply(c, thread!.id, edwin, 'Signed as Edwin.'));
    expect(check(forged, rania)).toMatch(/your own account/);
    expect(listThreads(server)[0]).toMatchObject({ status: 'open', comments: [{ body: 'Which ministry?' }] });
  });

  it('checks the first change it sees, and the first after a refusal, as closely as any other', () => {
    // The first change of a fresh discussion (and the first after a refused one, when the guard starts over)
    // used to go unchecked: a thread under someone else's name went through.
    const forged = (server: Y.Doc) =>
      change(server, (c) => createThread(c, rania, { sectionId: 's', anchor: anchorAt(body, 4, 9), quote: 'State', body: 'Written by Edwin.' }));
    const asEdwin = { userId: edwin.id, userName: edwin.name, role: 'editor' as const };
    const fresh = new Y.Doc();
    expect(refuseDiscussionUpdate(fresh, forged(fresh), asEdwin)).toMatch(/under your own account/);

    const server = new Y.Doc();
    const own = change(server, (c) => createThread(c, edwin, { sectionId: 's', anchor: anchorAt(body, 4, 9), quote: 'State', body: 'Mine.' }));
    expect(refuseDiscussionUpdate(server, own, asEdwin)).toBeNull();
    Y.applyUpdate(server, own);
    expect(refuseDiscussionUpdate(server, forged(server), asEdwin)).toMatch(/under your own account/);
    // Refused again right after a refusal.
    expect(refuseDiscussionUpdate(server, forged(server), asEdwin)).toMatch(/under your own account/);
  });

  it('refuses a change that writes anywhere but the threads and suggestions (data no one reads, stored for ever)', () => {
    const server = new Y.Doc();
    const check = (update: Uint8Array) => refuseDiscussionUpdate(server, update, { userId: rania.id, userName: rania.name, role: 'reviewer' });
    expect(check(change(server, (c) => c.getMap('notes').set('x', 'y'.repeat(1000))))).toMatch(/only threads and suggestions/);
    expect(check(change(server, (c) => c.getArray('threads-copy').push(['hidden'])))).toMatch(/only threads and suggestions/);
    // Alongside an accepted thread, too: the whole change is refused.
    const mixed = change(server, (c) => {
      createThread(c, rania, { sectionId: 's', anchor: anchorAt(body, 4, 9), quote: 'State', body: 'Which body?' });
      c.getMap('notes').set('x', 1);
    });
    expect(check(mixed)).toMatch(/only threads and suggestions/);
    expect(check(change(server, (c) => createThread(c, rania, { sectionId: 's', anchor: anchorAt(body, 4, 9), quote: 'State', body: 'ok' })))).toBeNull();
  });

  it('checks the first change after the guard starts or rebuilds its copy (a document loaded from storage, a refusal)', () => {
    // The server's document as loaded from storage: its maps have not been read yet.
    const original = new Y.Doc();
    const threadId = createThread(original, rania, { sectionId: 's', anchor: anchorAt(body, 4, 9), quote: 'State', body: 'Which body?' });
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(original));
    const check = (update: Uint8Array) => refuseDiscussionUpdate(server, update, { userId: edwin.id, userName: edwin.name, role: 'reviewer' });
    // A reviewer removes Rania's thread, or replaces it by a copy in his name: refused, first change or not.
    const remove = change(server, (c) => c.getMap('threads').delete(threadId));
    expect(check(remove)).toMatch(/only the report's owners/);
    const replace = change(server, (c) => {
      const copy = new Y.Map<unknown>();
      copy.set('authorId', edwin.id);
      c.getMap('threads').set(threadId, copy);
    });
    expect(check(replace)).toMatch(/replaced|cannot change/);
    expect(check(remove)).toMatch(/only the report's owners/);
  });
});

describe('a change that builds on changes the server does not have (Yjs would keep it pending)', () => {
  it("refuses a comment in Alice's name placed after her next, not yet written, reply", () => {
    const alice = { id: 'u-alice', name: 'Alice' };
    const server = new Y.Doc();
    const aliceDoc = new Y.Doc();
    const threadId = createThread(aliceDoc, alice, { sectionId: 's', anchor: anchorAt(body, 4, 9), quote: 'State', body: 'Keep the names.' });
    Y.applyUpdate(server, Y.encodeStateAsUpdate(aliceDoc));
    // Rania predicts Alice's next reply (her client id and clock are in the document) and puts a comment in
    // Alice's name right after it; she sends only her comment.
    const future = new Y.Doc();
    Y.applyUpdate(future, Y.encodeStateAsUpdate(aliceDoc));
    future.clientID = aliceDoc.clientID;
    reply(future, threadId, alice, 'x');
    const raniaDoc = new Y.Doc();
    Y.applyUpdate(raniaDoc, Y.encodeStateAsUpdate(future));
    const before = Y.encodeStateVector(raniaDoc);
    reply(raniaDoc, threadId, alice, 'I withdraw this. — Alice');
    const forged = Y.encodeStateAsUpdate(raniaDoc, before);

    const asRania = { userId: rania.id, userName: rania.name, role: 'reviewer' as const };
    const refusal = refuseDiscussionUpdate(server, forged, asRania);
    // Taken in (as it was), Alice's real reply would bring it in as hers.
    if (refusal === null) Y.applyUpdate(server, forged);
    const aliceReply = change(server, (c) => {
      c.clientID = aliceDoc.clientID;
      reply(c, threadId, alice, 'Source: the visit.');
    });
    expect(refuseDiscussionUpdate(server, aliceReply, { userId: alice.id, userName: alice.name, role: 'editor' })).toBeNull();
    Y.applyUpdate(server, aliceReply);
    expect(listThreads(server)[0]!.comments.map((c) => c.body)).toEqual(['Keep the names.', 'Source: the visit.']);
    expect(server.store.pendingStructs).toBeNull();
    expect(refusal).toMatch(/does not have/);
  });
});
