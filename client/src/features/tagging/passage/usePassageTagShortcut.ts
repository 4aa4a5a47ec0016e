/** Ctrl+Alt+T (⌘⌥T on a Mac) in the text opens the passage tag row, so tagging needs no pointer. */
import { useEffect, useRef } from 'react';
import type { Editor } from '@tiptap/core';

export function usePassageTagShortcut(editor: Editor, open: () => void): void {
  const openRef = useRef(open);
  openRef.current = open;
  useEffect(() => {
    const dom = editor.view.dom;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && (e.ctrlKey || e.metaKey) && !e.shiftKey && e.code === 'KeyT') {
        e.preventDefault();
        openRef.current();
      }
    };
    dom.addEventListener('keydown', onKey);
    return () => dom.removeEventListener('keydown', onKey);
  }, [editor]);
}
