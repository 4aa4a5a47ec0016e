/**
 * The discussion guard as a member's browser runs it on an end-to-end encrypted report (issue 11): the update's
 * signer, proved by its envelope's signature, stands in for the server's connection account.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorAt } from '../../../../shared/discussion/anchors.ts';
import { createSuggestion, createThread, decideSuggestion, listSuggestions, listThreads, reply } from '../../../../shared/discussion/layout.ts';
import { generateAccountKeys } from '../../../../shared/e2ee/accountKeys.ts';
import { openEnvelope, sealEnvelope } from '../../../../shared/e2ee/envelope.ts';
import { newReportKey } from '../../../../shared/e2ee/keyWrap.ts';
import { bodyWith } from '../../../../test/helpers/yjsContent.ts';
import type { MemberView } from '../../e2ee/reportKeyring.ts';
import { checkDiscussionMessage } from './discussionCheck.ts';

const REPORT = '0b7e3f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
const amina = { id: 'u-amina', name: 'Amina' };
const rania = { id: 'u-rania', name: 'Rania' };
const keys = { [amina.id]: generateAccountKeys(), [rania.id]: generateAccountKeys() };
const reportKey = newReportKey();
const members: MemberView[] = [
  { userId: amina.id, name: amina.name, role: 'editor', safetyCode: null, keyChanged: false },
  { userId: rania.id, name: rania.name, role: 'reviewer', safetyCode: null, keyChanged: false },
];
const body = bodyWith('The State should adopt a law.');

/** A change made on a copy of `doc`, sealed and signed by `signer` as the browser sends it. */
function sealed(doc: Y.Doc, signer: string, make: (copy: Y.Doc) => void, type: 'update' | 'snapshot' = 'update'): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(copy);
  make(copy);
  const plaintext = type === 'update' ? Y.encodeStateAsUpdate(copy, before) : Y.encodeStateAsUpdate(copy);
  return sealEnvelope({ type, generation: 1, kind: 'discussion', reportId: REPORT, signer }, plaintext, reportKey, keys[signer]!.signSecret);
}

/** What the receiving browser does: open the envelope (signature first), then the guard, then apply. */
function receive(doc: Y.Doc, message: Uint8Array) {
  const opened = openEnvelope(message, {
    reportId: REPORT,
    kind: 'discussion',
    writerKey: (id) => keys[id]?.signPublic ?? null,
    reportKey: () => reportKey,
  });
  if (!opened.ok) throw new Error(opened.reason);
  const refusal = checkDiscussionMessage(doc, opened.header, opened.plaintext, members);
  if (!refusal) Y.applyUpdate(doc, opened.plaintext);
  return refusal;
}

describe('the discussion guard in the browser of an encrypted report', () => {
  it('applies comments under their signer’s name and refuses one signed by one member under another’s name', () => {
    const doc = new Y.Doc();
    expect(receive(doc, sealed(doc, rania.id, (c) => createThread(c, rania, { sectionId: 's', anchor: anchorAt(body, 4, 9), quote: 'State', body: 'Which body?' })))).toBeNull();
    const [thread] = listThreads(doc);
    expect(receive(doc, sealed(doc, amina.id, (c) => reply(c, thread!.id, amina, 'The ministry.')))).toBeNull();

    // Amina's browser signs a reply that says it is Rania's: her signature is valid, her authorship is not.
    const forged = sealed(doc, amina.id, (c) => reply(c, thread!.id, rania, 'I withdraw my question.'));
    expect(receive(doc, forged)).toEqual({ reason: 'discussion-rule', detail: expect.stringMatching(/your own account/) });
    // A thread started under someone else's name, too.
    const forgedThread = sealed(doc, rania.id, (c) => createThread(c, amina, { sectionId: 's', anchor: anchorAt(body, 0, 3), quote: 'The', body: 'Agreed.' }));
    expect(receive(doc, forgedThread)?.detail).toMatch(/your own account/);
    expect(listThreads(doc)).toHaveLength(1);
    expect(listThreads(doc)[0]!.comments.map((c) => c.body)).toEqual(['Which body?', 'The ministry.']);
  });

  it('refuses a decision a reviewer may not take, and a discussion snapshot from a reviewer', () => {
    const doc = new Y.Doc();
    expect(receive(doc, sealed(doc, rania.id, (c) => createSuggestion(c, rania, { sectionId: 's', anchor: anchorAt(body, 4, 9), originalText: 'State', insertText: 'Government' })))).toBeNull();
    const [suggestion] = listSuggestions(doc);
    const accepted = sealed(doc, rania.id, (c) => decideSuggestion(c, suggestion!.id, 'accepted', rania));
    expect(receive(doc, accepted)?.reason).toBe('discussion-rule');
    expect(listSuggestions(doc)[0]!.status).toBe('open');

    // A snapshot carries everyone's comments at once: only an owner's or an editor's is taken.
    expect(receive(doc, sealed(doc, rania.id, () => undefined, 'snapshot'))).toEqual({ reason: 'discussion-snapshot' });
    expect(receive(new Y.Doc(), sealed(doc, amina.id, () => undefined, 'snapshot'))).toBeNull();
  });

  it('refuses a signer who is no longer a member', () => {
    const doc = new Y.Doc();
    const message = sealed(doc, rania.id, (c) => createThread(c, rania, { sectionId: 's', anchor: anchorAt(body, 4, 9), quote: 'State', body: 'Still here?' }));
    const opened = openEnvelope(message, { reportId: REPORT, kind: 'discussion', writerKey: (id) => keys[id]!.signPublic, reportKey: () => reportKey });
    expect(opened.ok && checkDiscussionMessage(doc, opened.header, opened.plaintext, members.slice(0, 1))?.reason).toBe('discussion-rule');
  });
});
