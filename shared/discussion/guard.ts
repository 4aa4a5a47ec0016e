/**
 * The check of a change to a discussion document before it is applied, against the rules of changeRules.ts for
 * the writer's account and role. One implementation for both places that check: the sync server, for a plain
 * report (the connection's user), and a member's browser, for an end-to-end encrypted one (the update's signer,
 * client/src/sync/encrypted/EncryptedProvider.ts), where the server holds only ciphertext. Each discussion document has a shadow copy
 * kept in step with it: a change is applied to the shadow first, which tells which threads and suggestions it
 * touches, and only those are compared, as they are in the document and as they would be. A refused change
 * leaves the shadow ahead, so it is rebuilt from the document (rare). Cost per change: that change, not the
 * size of the discussion (a reviewer typing a suggestion sends one per keystroke).
 */
import * as Y from 'yjs';
import type { Role } from '../api/roles.ts';
import { refuseDiscussionChange } from './changeRules.ts';
import { discussionDataOf, openDiscussion, touchedBy, type DiscussionKeys } from './layout.ts';
import { buildsOnMissing } from './missingDependencies.ts';

/** Who wrote a change: the sync connection's account, or an encrypted update's signer. */
export interface DiscussionWriter {
  userId: string;
  /** The account's name (what the discussion shows as the author). */
  userName: string;
  role: Role | null;
}

/** Why a change that builds on something the document lacks is refused (it would wait inside the document). */
export const MISSING_DEPENDENCIES = 'the change builds on changes the document does not have';

class DiscussionGuard {
  private shadow: Y.Doc;

  constructor(private readonly doc: Y.Doc) {
    this.shadow = this.copy();
    // Changes that reach the document another way (a restored version) reach the shadow too.
    doc.on('update', this.follow);
    doc.once('destroy', () => {
      doc.off('update', this.follow);
      this.shadow.destroy();
    });
  }

  private follow = (update: Uint8Array) => Y.applyUpdate(this.shadow, update);

  private copy(): Y.Doc {
    const shadow = new Y.Doc({ gc: false });
    // Its maps must be Y.Maps before any change arrives, or the first change's new and removed threads go unseen.
    openDiscussion(shadow);
    Y.applyUpdate(shadow, Y.encodeStateAsUpdate(this.doc));
    return shadow;
  }

  refuse(update: Uint8Array, actor: { id: string; name: string; role: Role }): string | null {
    const touched: DiscussionKeys = { threads: new Set(), suggestions: new Set() };
    let elsewhere = false;
    const collect = (transaction: Y.Transaction) => {
      const keys = touchedBy(this.shadow, transaction);
      for (const id of keys.threads) touched.threads.add(id);
      for (const id of keys.suggestions) touched.suggestions.add(id);
      elsewhere ||= keys.elsewhere;
    };
    // Yjs would keep such a change pending and take it in with someone else's later change, unchecked or checked
    // as theirs: refused before it reaches the shadow.
    if (buildsOnMissing(this.doc, Y.decodeUpdate(update))) return MISSING_DEPENDENCIES;
    this.shadow.on('afterTransaction', collect);
    try {
      Y.applyUpdate(this.shadow, update);
    } finally {
      this.shadow.off('afterTransaction', collect);
    }
    if (this.shadow.store.pendingStructs || this.shadow.store.pendingDs) {
      // Not expected after the check above (the shadow holds what the document holds); start over to be sure.
      this.shadow.destroy();
      this.shadow = this.copy();
      return MISSING_DEPENDENCIES;
    }
    if (!elsewhere && touched.threads.size === 0 && touched.suggestions.size === 0) return null;
    const refusal = elsewhere
      ? 'the discussion holds only threads and suggestions'
      : refuseDiscussionChange(discussionDataOf(this.doc, touched), discussionDataOf(this.shadow, touched), actor);
    if (refusal) {
      this.shadow.destroy();
      this.shadow = this.copy();
    }
    return refusal;
  }
}

const guards = new WeakMap<Y.Doc, DiscussionGuard>();

export function refuseDiscussionUpdate(doc: Y.Doc, update: Uint8Array, info: DiscussionWriter): string | null {
  if (!info.role) return 'no role on this report';
  // Nothing new (a client's answer to sync step 1 holding only what the server has): nothing to check.
  if (Y.snapshotContainsUpdate(Y.snapshot(doc), update)) return null;
  let guard = guards.get(doc);
  if (!guard) {
    guard = new DiscussionGuard(doc);
    guards.set(doc, guard);
  }
  return guard.refuse(update, { id: info.userId, name: info.userName, role: info.role });
}
