/**
 * Undo for find's replacements. The editor's own undo covers one section's text while it is shown; a Replace all
 * spans every section and the titles, so find keeps its own Yjs UndoManager over all sections, tracking only
 * FIND_ORIGIN: it takes back this person's replacements (in one step for a Replace all) and never a co-author's
 * edits or this person's typing.
 */
import * as Y from 'yjs';
import { outlineScope } from '../../../../shared/report/layout.ts';
import { FIND_ORIGIN } from './findInReport.ts';

export interface FindUndo {
  canUndo(): boolean;
  undo(): void;
  /** Calls `listener` when what can be undone changes. */
  subscribe(listener: () => void): () => void;
  destroy(): void;
}

export function createFindUndo(doc: Y.Doc): FindUndo {
  // captureTimeout 0: two replacements are two steps, however quickly they follow each other.
  const manager = new Y.UndoManager(outlineScope(doc), { trackedOrigins: new Set([FIND_ORIGIN]), captureTimeout: 0 });
  return {
    canUndo: () => manager.canUndo(),
    undo: () => void manager.undo(),
    subscribe: (listener) => {
      const events = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const;
      for (const e of events) manager.on(e, listener);
      return () => {
        for (const e of events) manager.off(e, listener);
      };
    },
    destroy: () => manager.destroy(),
  };
}
