/**
 * The discussion guard of an end-to-end encrypted report, run in each member's browser (issue 11): the server
 * holds only ciphertext and cannot run it. A decrypted discussion update from the server is checked with the rules
 * the server applies to a plain report's (shared/discussion/guard.ts), the update's signer standing in for the
 * connection's account: authorship fields name the signer, reviewers take no decisions, no duplicate ids, the
 * limits of suggestions beyond the text. A discussion snapshot replaces the updates it covers and carries
 * everyone's comments at once, so it cannot be checked against one author: it is taken only from an owner or an
 * editor (the server refuses one from anyone else too).
 */
import type * as Y from 'yjs';
import { canWriteDocument } from '../../../../shared/api/roles.ts';
import type { EnvelopeHeader } from '../../../../shared/e2ee/envelope.ts';
import { refuseDiscussionUpdate } from '../../../../shared/discussion/guard.ts';
import type { MemberView } from '../../e2ee/reportKeyring.ts';

/** Why a decrypted message may not be applied: a reason code for the panel, and the rule it broke. */
export interface Refusal {
  reason: 'discussion-rule' | 'discussion-snapshot';
  detail?: string;
}

/** Checks a decrypted message before it is applied to the document; null when it may be. */
export type UpdateCheck = (doc: Y.Doc, header: EnvelopeHeader, plaintext: Uint8Array, members: readonly MemberView[]) => Refusal | null;

export const checkDiscussionMessage: UpdateCheck = (doc, header, plaintext, members) => {
  const signer = members.find((m) => m.userId === header.signer);
  // The envelope was already checked against the members allowed to write; a signer gone since is refused here too.
  if (!signer) return { reason: 'discussion-rule', detail: 'no role on this report' };
  if (header.type === 'snapshot') return canWriteDocument(signer.role, 'content') ? null : { reason: 'discussion-snapshot' };
  const refusal = refuseDiscussionUpdate(doc, plaintext, { userId: signer.userId, userName: signer.name, role: signer.role });
  return refusal ? { reason: 'discussion-rule', detail: refusal } : null;
};
