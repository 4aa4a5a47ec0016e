/** Ctrl+Alt+T (⌘⌥T on a Mac) in the text opens the passage tag row, so tagging needs no pointer. */
import { useEffect, useRef } from 'react';
import type { Editor } from '@tiptap/core';

export function usePassageTagShortcut(editor: Editor, open: () => void): void {
  const openRef = useRef(open);
  openRef.current = open;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && (e.ctrlKey || e.metaKey) && !e.shiftKey && e.code === 'KeyT') {
        e.preventDefault();
        openRef.current();
      }
    };
    let dom: HTMLElement | null = null;
    // An editor made again (its provider or fragment changed) has no view until it is mounted: reading
    // `editor.view` before then throws and takes the page down, so listen once it is there.
    const attach = () => {
      if (dom || editor.isDestroyed || !editor.isInitialized) return;
      dom = editor.view.dom;
      dom.addEventListener('keydown', onKey);
    };
    attach();
    editor.on('mount', attach);
    editor.on('create', attach);
    return () => {
      editor.off('mount', attach);
      editor.off('create', attach);
      dom?.removeEventListener('keydown', onKey);
    };
  }, [editor]);
}
