/**
 * Undo for the outline: only outline changes made by this user (transactions with OUTLINE_ORIGIN), one step
 * per change. Text typed in a section and co-authors' changes are never undone from here.
 */
import * as Y from 'yjs';
import { outlineScope } from '../../../../shared/report/layout.ts';

/** Transaction origin of outline edits (add, rename, move, status, delete). */
export const OUTLINE_ORIGIN = { name: 'rightsdraft-outline' } as const;

export function createOutlineUndo(doc: Y.Doc): Y.UndoManager {
  return new Y.UndoManager(outlineScope(doc), { trackedOrigins: new Set([OUTLINE_ORIGIN]), captureTimeout: 0 });
}
