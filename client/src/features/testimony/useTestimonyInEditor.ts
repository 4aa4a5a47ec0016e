/**
 * Connects the open section's editor to the report's testimony records and sensitive names: the highlight of names,
 * the flag on passages whose consent lapsed (at once, when anyone records a withdrawal), and the editor the
 * Testimony panel links selected words in.
 */
import { useEffect } from 'react';
import type { Editor } from '@tiptap/core';
import type * as Y from 'yjs';
import { listSensitiveNames, observeTestimony } from '../../../../shared/report/testimony.ts';
import { lapsedTestimony } from './lapsedTestimony.ts';
import { testimonyPlugin, testimonyPluginKey, type TestimonyMeta } from './testimonyDecorations.ts';
import { activeEditor, setActiveEditor } from './activeEditor.ts';
import './testimony.css';

/** An expiry passes at midnight: look again every so often while the section stays open. */
const RECHECK_MS = 60_000;

function metaOf(doc: Y.Doc): TestimonyMeta {
  return { names: listSensitiveNames(doc), lapsed: lapsedTestimony(doc) };
}

export function useTestimonyInEditor(editor: Editor, fragment: Y.XmlFragment): void {
  useEffect(() => {
    const doc = fragment.doc;
    if (!doc) return;
    editor.registerPlugin(testimonyPlugin(metaOf(doc)));
    setActiveEditor(editor);
    const refresh = () => {
      if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(testimonyPluginKey, metaOf(doc)));
    };
    const stop = observeTestimony(doc, refresh);
    const timer = setInterval(refresh, RECHECK_MS);
    return () => {
      stop();
      clearInterval(timer);
      if (activeEditor() === editor) setActiveEditor(null);
      if (!editor.isDestroyed) editor.unregisterPlugin(testimonyPluginKey);
    };
  }, [editor, fragment]);
}
