/**
 * The check of a change to a discussion document before it is applied: the change goes onto a copy, and what it
 * changed is held against the rules of shared/discussion/changeRules.ts for the connection's user and role.
 * Costs a copy of the discussion per change; discussions are small next to the text and change seldom.
 */
import * as Y from 'yjs';
import { refuseDiscussionChange } from '../../../shared/discussion/changeRules.ts';
import { discussionData } from '../../../shared/discussion/layout.ts';
import type { ConnectionInfo } from './Connection.ts';

export function refuseDiscussionUpdate(doc: Y.Doc, update: Uint8Array, info: Pick<ConnectionInfo, 'userId' | 'userName' | 'role'>): string | null {
  if (!info.role) return 'no role on this report';
  // Nothing new (a client's answer to sync step 1 holding only what the server has): nothing to check.
  if (Y.snapshotContainsUpdate(Y.snapshot(doc), update)) return null;
  const copy = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const before = discussionData(copy);
    Y.applyUpdate(copy, update);
    return refuseDiscussionChange(before, discussionData(copy), { id: info.userId, name: info.userName, role: info.role });
  } finally {
    copy.destroy();
  }
}
