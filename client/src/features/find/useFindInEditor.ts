/** Connects the open section's editor to the find bar: highlights, and the current match selected and shown. */
import { useEffect } from 'react';
import type { Editor } from '@tiptap/core';
import type * as Y from 'yjs';
import { getSectionBody } from '../../../../shared/report/layout.ts';
import { findPattern } from './findText.ts';
import { findPlugin, findPluginKey, revealCurrent, type FindMeta } from './editorMatches.ts';
import { useFindStore, type FindState } from './findStore.ts';

function metaFor(state: FindState, fragment: Y.XmlFragment): FindMeta {
  const pattern = state.open ? findPattern(state.query, state) : null;
  const match = state.current;
  const here = match !== null && match.field === 'body' && fragment.doc !== null && getSectionBody(fragment.doc, match.sectionId) === fragment;
  return { pattern, current: here ? match.ordinal : null };
}

export function useFindInEditor(editor: Editor, fragment: Y.XmlFragment): void {
  useEffect(() => {
    const plugin = findPlugin();
    editor.registerPlugin(plugin);
    let lastReveal = -1;
    let pendingReveal = false;
    let last: FindMeta | null = null;
    const sync = (state: FindState) => {
      const meta = metaFor(state, fragment);
      if (!last || meta.current !== last.current || meta.pattern?.source !== last.pattern?.source || meta.pattern?.flags !== last.pattern?.flags) {
        last = meta;
        editor.view.dispatch(editor.state.tr.setMeta(findPluginKey, meta));
      }
      if (state.reveal !== lastReveal) {
        lastReveal = state.reveal;
        pendingReveal = meta.current !== null;
      }
      tryReveal();
    };
    // Cleared before revealing: the reveal's own transaction must not reveal again.
    const tryReveal = () => {
      if (!pendingReveal) return;
      pendingReveal = false;
      if (!revealCurrent(editor)) pendingReveal = true;
    };
    sync(useFindStore.getState());
    const unsubscribe = useFindStore.subscribe(sync);
    // A section just opened gets its text from Yjs a moment later: show the match once it is there.
    const onTransaction = () => tryReveal();
    editor.on('transaction', onTransaction);
    return () => {
      unsubscribe();
      editor.off('transaction', onTransaction);
      if (!editor.isDestroyed) editor.unregisterPlugin(findPluginKey);
    };
  }, [editor, fragment]);
}
