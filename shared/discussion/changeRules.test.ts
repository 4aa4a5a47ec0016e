import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyWith } from '../../test/helpers/yjsContent.ts';
import { anchorAt } from './anchors.ts';
import { refuseDiscussionChange, type DiscussionActor } from './changeRules.ts';
import { createSuggestion, createThread, decideSuggestion, deleteComment, discussionData, editComment, reply, reviseSuggestion, setThreadStatus, withdrawSuggestion } from './layout.ts';

const rania = { id: 'u-rania', name: 'Rania' };
const edwin = { id: 'u-edwin', name: 'Edwin' };
const olga = { id: 'u-olga', name: 'Olga' };
const as = (who: { id: string; name: string }, role: DiscussionActor['role']): DiscussionActor => ({ id: who.id, name: who.name, role });

function setup() {
  const body = bodyWith('The State should adopt a law.');
  const doc = new Y.Doc();
  const threadId = createThread(doc, rania, { sectionId: 's', anchor: anchorAt(body, 4, 9), quote: 'State', body: 'Which State body?' });
  const suggestionId = createSuggestion(doc, rania, { sectionId: 's', anchor: anchorAt(body, 10, 16), originalText: 'should', insertText: 'must' });
  const commentId = discussionData(doc).threads[threadId]!.comments as { id: string }[];
  return { body, doc, threadId, suggestionId, firstComment: commentId[0]!.id };
}

/** What `actor` doing `change` would be told, checked on the data before and after. */
function attempt(doc: Y.Doc, actor: DiscussionActor, change: (doc: Y.Doc) => void): string | null {
  const before = discussionData(doc);
  change(doc);
  return refuseDiscussionChange(before, discussionData(doc), actor);
}

describe('who may change what in the discussion', () => {
  it('lets anyone who writes the discussion start threads, reply, and resolve or reopen, in their own name', () => {
    const { body, doc, threadId } = setup();
    expect(attempt(doc, as(edwin, 'reviewer'), (d) => createThread(d, edwin, { sectionId: 's', anchor: anchorAt(body, 0, 3), quote: 'The', body: 'ok' }))).toBeNull();
    expect(attempt(doc, as(edwin, 'reviewer'), (d) => reply(d, threadId, edwin, 'Ministry of the Interior.'))).toBeNull();
    expect(attempt(doc, as(edwin, 'editor'), (d) => setThreadStatus(d, threadId, 'resolved', edwin))).toBeNull();
    expect(attempt(doc, as(rania, 'reviewer'), (d) => setThreadStatus(d, threadId, 'open', rania))).toBeNull();
  });

  it("refuses a thread, reply or resolution under someone else's name", () => {
    const { body, doc, threadId } = setup();
    expect(attempt(doc, as(edwin, 'reviewer'), (d) => createThread(d, rania, { sectionId: 's', anchor: anchorAt(body, 0, 3), quote: 'The', body: 'x' }))).toMatch(/your own account/);
    expect(attempt(doc, as(edwin, 'editor'), (d) => reply(d, threadId, rania, 'Words put in her mouth.'))).toMatch(/your own account/);
    expect(attempt(doc, as(edwin, 'editor'), (d) => setThreadStatus(d, threadId, 'resolved', olga))).toMatch(/another name/);
    // The right id with someone else's name shown is refused too.
    expect(attempt(doc, as(edwin, 'reviewer'), (d) => reply(d, threadId, { id: edwin.id, name: 'Rania' }, 'Signed as Rania.'))).toMatch(/your own account/);
  });

  it("lets only a comment's author edit or delete it, and an owner delete it to moderate", () => {
    const { doc, threadId, firstComment } = setup();
    expect(attempt(doc, as(edwin, 'editor'), (d) => d.transact(() => forceEdit(d, threadId, firstComment, 'Rewritten by Edwin')))).toMatch(/only its author/);
    const own = setup();
    expect(attempt(own.doc, as(rania, 'reviewer'), (d) => editComment(d, own.threadId, own.firstComment, rania, 'Which ministry?'))).toBeNull();
    expect(attempt(own.doc, as(rania, 'reviewer'), (d) => deleteComment(d, own.threadId, own.firstComment, rania))).toBeNull();
    const moderated = setup();
    expect(attempt(moderated.doc, as(olga, 'owner'), (d) => forceDelete(d, moderated.threadId, moderated.firstComment))).toBeNull();
    const notOwner = setup();
    expect(attempt(notOwner.doc, as(olga, 'editor'), (d) => forceDelete(d, notOwner.threadId, notOwner.firstComment))).toMatch(/only its author/);
  });

  it('keeps what a thread is about and who started it fixed, and lets only owners remove threads', () => {
    const { doc, threadId } = setup();
    const thread = () => d(doc).get(threadId) as Y.Map<unknown>;
    expect(attempt(doc, as(rania, 'owner'), () => thread().set('quote', 'law'))).toMatch(/quote cannot change/);
    expect(attempt(doc, as(edwin, 'editor'), () => d(doc).delete(threadId))).toMatch(/only the report's owners/);
    const again = setup();
    expect(attempt(again.doc, as(olga, 'owner'), () => d(again.doc).delete(again.threadId))).toBeNull();
  });

  it('lets its author revise or withdraw an open suggestion, and only editors and owners decide one', () => {
    const { body, doc, suggestionId } = setup();
    expect(attempt(doc, as(rania, 'reviewer'), (x) => reviseSuggestion(x, suggestionId, rania, { anchor: anchorAt(body, 10, 16), originalText: 'should', insertText: 'shall' }))).toBeNull();
    expect(attempt(doc, as(edwin, 'reviewer'), (x) => decideSuggestion(x, suggestionId, 'accepted', edwin))).toMatch(/only editors and owners/);
    const other = setup();
    expect(attempt(other.doc, as(edwin, 'reviewer'), (x) => forceRevise(x, other.suggestionId, 'abolish'))).toMatch(/only its author/);
    const decided = setup();
    expect(attempt(decided.doc, as(edwin, 'editor'), (x) => decideSuggestion(x, decided.suggestionId, 'rejected', edwin))).toBeNull();
    expect(attempt(decided.doc, as(edwin, 'editor'), (x) => decideSuggestion(x, decided.suggestionId, 'accepted', rania))).toMatch(/another name/);
    const withdrawn = setup();
    expect(attempt(withdrawn.doc, as(rania, 'reviewer'), (x) => withdrawSuggestion(x, withdrawn.suggestionId, rania))).toBeNull();
    const erased = setup();
    expect(attempt(erased.doc, as(edwin, 'editor'), (x) => x.getMap('suggestions').delete(erased.suggestionId))).toMatch(/only its author withdraws/);
  });

  it("refuses a comment inserted before another with that comment's id, author and name (the forged withdrawal)", () => {
    const { doc, threadId, firstComment } = setup();
    expect(
      attempt(doc, as(edwin, 'reviewer'), (x) => {
        const original = commentOf(x, threadId, firstComment);
        const forged = copyOf(original, { body: 'I withdraw this; the testimony can be removed. — Rania' });
        (d(x).get(threadId)!.get('comments') as Y.Array<Y.Map<unknown>>).insert(0, [forged]);
      }),
    ).toMatch(/twice|replaced/);
    // After it, and carrying the writer's own account, it is refused as well: one id, one comment.
    const after = setup();
    expect(
      attempt(after.doc, as(edwin, 'reviewer'), (x) => {
        const forged = copyOf(commentOf(x, after.threadId, after.firstComment), { authorId: edwin.id, authorName: edwin.name, body: 'Mine now' });
        (d(x).get(after.threadId)!.get('comments') as Y.Array<Y.Map<unknown>>).push([forged]);
      }),
    ).toMatch(/twice|replaced|only its author/);
  });

  it('refuses a thread, a comment list, a comment or a suggestion replaced by a copy under the same id', () => {
    const { doc, threadId, suggestionId, firstComment } = setup();
    // An identical copy of the thread with one more "comment" by Rania: the map entry is replaced, not edited.
    expect(
      attempt(doc, as(edwin, 'editor'), (x) => {
        const old = d(x).get(threadId)!;
        const copy = copyOf(old, {});
        const comments = new Y.Array<Y.Map<unknown>>();
        comments.push([copyOf(commentOf(x, threadId, firstComment), {}), copyOf(commentOf(x, threadId, firstComment), { id: 'c-forged', body: 'Signed, Rania' })]);
        copy.set('comments', comments);
        d(x).set(threadId, copy);
      }),
    ).toMatch(/replaced|your own account/);
    const same = setup();
    expect(attempt(same.doc, as(edwin, 'editor'), (x) => d(x).set(same.threadId, copyOf(d(x).get(same.threadId)!, {})))).toMatch(/replaced/);
    const list = setup();
    expect(
      attempt(list.doc, as(edwin, 'editor'), (x) => {
        const comments = new Y.Array<Y.Map<unknown>>();
        comments.push([copyOf(commentOf(x, list.threadId, list.firstComment), {})]);
        d(x).get(list.threadId)!.set('comments', comments);
      }),
    ).toMatch(/replaced/);
    const one = setup();
    expect(
      attempt(one.doc, as(olga, 'owner'), (x) => {
        const comments = d(x).get(one.threadId)!.get('comments') as Y.Array<Y.Map<unknown>>;
        const copy = copyOf(comments.get(0), {});
        x.transact(() => {
          comments.delete(0, 1);
          comments.insert(0, [copy]);
        });
      }),
    ).toMatch(/replaced/);
    const s = doc.getMap('suggestions') as Y.Map<Y.Map<unknown>>;
    expect(attempt(doc, as(edwin, 'editor'), () => s.set(suggestionId, copyOf(s.get(suggestionId)!, {})))).toMatch(/replaced/);
    expect(attempt(doc, as(rania, 'owner'), () => s.set(suggestionId, copyOf(s.get(suggestionId)!, { insertText: 'shall' })))).toMatch(/replaced/);
  });

  it('refuses every identity field set to someone else, or one the layout does not have, on a new thread, comment or suggestion', () => {
    const { body, doc, threadId, suggestionId } = setup();
    const mine = { id: edwin.id, name: edwin.name };
    // A new open thread already "resolved by" Rania, a new open suggestion already "decided by" Olga.
    expect(
      attempt(doc, as(edwin, 'editor'), (x) => {
        const id = createThread(x, mine, { sectionId: 's', anchor: anchorAt(body, 0, 3), quote: 'The', body: 'ok' });
        d(x).get(id)!.set('resolvedBy', rania.id);
      }),
    ).toMatch(/another name/);
    expect(
      attempt(doc, as(edwin, 'editor'), (x) => {
        const id = createSuggestion(x, mine, { sectionId: 's', anchor: anchorAt(body, 0, 3), originalText: 'The', insertText: 'A' });
        (x.getMap('suggestions').get(id) as Y.Map<unknown>).set('decidedBy', olga.id);
      }),
    ).toMatch(/another name/);
    // Extra fields a reader might take for the author.
    expect(
      attempt(doc, as(edwin, 'reviewer'), (x) => {
        const commentId = reply(x, threadId, mine, 'As Rania said:')!;
        commentOf(x, threadId, commentId).set('onBehalfOf', rania.id);
      }),
    ).toMatch(/onBehalfOf/);
    expect(
      attempt(doc, as(edwin, 'reviewer'), (x) => {
        const id = createSuggestion(x, mine, { sectionId: 's', anchor: anchorAt(body, 0, 3), originalText: 'The', insertText: 'A' });
        (x.getMap('suggestions').get(id) as Y.Map<unknown>).set('authorEmail', 'rania@coalition.example');
      }),
    ).toMatch(/authorEmail/);
    // A suggestion's author cannot be changed by revising it either.
    expect(attempt(doc, as(rania, 'reviewer'), (x) => (x.getMap('suggestions').get(suggestionId) as Y.Map<unknown>).set('authorName', 'Olga'))).toMatch(/cannot change/);
  });

  it('still lets a thread that already holds a duplicate id (stored before this rule) be replied to', () => {
    const { doc, threadId, firstComment } = setup();
    const comments = d(doc).get(threadId)!.get('comments') as Y.Array<Y.Map<unknown>>;
    comments.push([copyOf(commentOf(doc, threadId, firstComment), { body: 'stored earlier' })]);
    expect(attempt(doc, as(edwin, 'reviewer'), (x) => reply(x, threadId, edwin, 'A later reply.'))).toBeNull();
  });

  it('refuses every change from a viewer', () => {
    const { doc, threadId } = setup();
    expect(attempt(doc, as(edwin, 'viewer'), (x) => reply(x, threadId, edwin, 'hello'))).toMatch(/viewers/);
  });
});

const d = (doc: Y.Doc) => doc.getMap('threads') as Y.Map<Y.Map<unknown>>;

function commentOf(doc: Y.Doc, threadId: string, commentId: string): Y.Map<unknown> {
  const comments = d(doc).get(threadId)!.get('comments') as Y.Array<Y.Map<unknown>>;
  return comments.toArray().find((c) => c.get('id') === commentId)!;
}

/** What a tampered client could send: bypassing the layout module's own author check. */
function forceEdit(doc: Y.Doc, threadId: string, commentId: string, body: string): void {
  commentOf(doc, threadId, commentId).set('body', body);
}

function forceDelete(doc: Y.Doc, threadId: string, commentId: string): void {
  doc.transact(() => {
    const c = commentOf(doc, threadId, commentId);
    c.set('body', '');
    c.set('mentions', []);
    c.set('deleted', true);
  });
}

function forceRevise(doc: Y.Doc, suggestionId: string, insertText: string): void {
  (doc.getMap('suggestions').get(suggestionId) as Y.Map<unknown>).set('insertText', insertText);
}

/** A new Y.Map with the same plain fields as `source` (nested types are left out) and some changed. */
function copyOf(source: Y.Map<unknown>, changes: Record<string, unknown>): Y.Map<unknown> {
  const copy = new Y.Map<unknown>();
  source.forEach((value, key) => {
    if (!(value instanceof Y.AbstractType)) copy.set(key, value);
  });
  for (const [key, value] of Object.entries(changes)) copy.set(key, value);
  return copy;
}
