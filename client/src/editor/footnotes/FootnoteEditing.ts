/**
 * The shared `footnote` node with what the editor adds: a command and shortcut to insert a note, the node view
 * (number and panel), live numbers continuing from the sections before this one, and keys for a selected note.
 * The schema is untouched, so documents stay the same for the server and export.
 */
import type { AnyExtension, Editor } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import type * as Y from 'yjs';
import { Footnote, FOOTNOTE_NODE } from '../../../../shared/schema/footnote.ts';
import { autolinkGuardPlugin } from './autolinkGuard.ts';
import { footnoteNumbersKey, footnoteNumbersPlugin } from './footnoteNumbers.ts';
import { focusNoteWhenOpened, footnotePanelsPlugin, FootnoteView, footnoteViewAt } from './FootnoteView.ts';
import { NoteOffsetTracker } from './noteOffsets.ts';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    footnote: {
      /** Insert an empty note after the selection, select it and put the caret in its text. */
      insertFootnote: () => ReturnType;
      /** Select the note at `pos`, which opens its panel; `focus` (the default) puts the caret in its text. */
      openFootnote: (pos: number, options?: { focus?: boolean }) => ReturnType;
    };
  }
}

export interface FootnoteEditingOptions {
  /** The section body the editor is bound to; its place in the report decides where numbering starts. */
  fragment: Y.XmlFragment | null;
}

interface FootnoteEditingStorage {
  tracker: NoteOffsetTracker | null;
}

/** Shortcut to insert a note, as in Word and Google Docs. */
export const INSERT_FOOTNOTE_SHORTCUT = 'Mod-Alt-f';

function selectedFootnote(editor: Editor): number | null {
  const { selection } = editor.state;
  return selection instanceof NodeSelection && selection.node.type.name === FOOTNOTE_NODE ? selection.from : null;
}

export const FootnoteEditing = Footnote.extend<FootnoteEditingOptions, FootnoteEditingStorage>({
  // Before StarterKit's keys, so Enter on a selected note opens it rather than replacing it.
  priority: 1000,

  addOptions() {
    return { fragment: null };
  },

  addStorage() {
    return { tracker: null };
  },

  addNodeView() {
    return (props) => new FootnoteView(props);
  },

  addCommands() {
    return {
      insertFootnote:
        () =>
        ({ tr, state, dispatch, editor }) => {
          const type = state.schema.nodes[FOOTNOTE_NODE];
          // Read-only editors (viewers, reviewers) never write; the server would refuse the change anyway.
          if (!type || !editor.isEditable) return false;
          const pos = tr.selection.to;
          const $pos = tr.doc.resolve(pos);
          if (!$pos.parent.canReplaceWith($pos.index(), $pos.index(), type)) return false;
          if (dispatch) {
            tr.insert(pos, type.create());
            tr.setSelection(NodeSelection.create(tr.doc, pos)).scrollIntoView();
            focusNoteWhenOpened(editor.view, pos);
          }
          return true;
        },
      // A command (not a separate dispatch), so it also works inside chains: a transaction dispatched from within
      // a command would be undone by the command's own transaction, made from the older state.
      openFootnote:
        (pos, options = {}) =>
        ({ tr, dispatch, editor }) => {
          if (tr.doc.nodeAt(pos)?.type.name !== FOOTNOTE_NODE) return false;
          if (dispatch) {
            const focus = options.focus ?? true;
            const view = footnoteViewAt(editor, pos);
            if (view?.isOpen()) {
              if (focus) view.focusPanel();
              return true;
            }
            if (focus) focusNoteWhenOpened(editor.view, pos);
            tr.setSelection(NodeSelection.create(tr.doc, pos)).scrollIntoView();
          }
          return true;
        },
    };
  },

  addKeyboardShortcuts() {
    return {
      [INSERT_FOOTNOTE_SHORTCUT]: () => this.editor.commands.insertFootnote(),
      Enter: () => {
        const pos = selectedFootnote(this.editor);
        return pos !== null && this.editor.commands.openFootnote(pos, { focus: true });
      },
      Escape: () => {
        const pos = selectedFootnote(this.editor);
        if (pos === null) return false;
        const node = this.editor.state.doc.nodeAt(pos);
        return this.editor.commands.setTextSelection(pos + (node?.nodeSize ?? 1));
      },
    };
  },

  addProseMirrorPlugins() {
    return [footnoteNumbersPlugin(), footnotePanelsPlugin(), autolinkGuardPlugin()];
  },

  onCreate() {
    const fragment = this.options.fragment;
    if (!fragment?.doc) return;
    const editor = this.editor;
    this.storage.tracker = new NoteOffsetTracker(fragment, (offset) => {
      if (editor.isDestroyed) return;
      editor.view.dispatch(editor.state.tr.setMeta(footnoteNumbersKey, offset).setMeta('addToHistory', false));
    });
  },

  onDestroy() {
    this.storage.tracker?.destroy();
    this.storage.tracker = null;
  },
});

/** The shared extension list with the editing footnote in place of the plain one. */
export function withFootnoteEditing(extensions: AnyExtension[], fragment: Y.XmlFragment): AnyExtension[] {
  return extensions.map((e) => (e.name === FOOTNOTE_NODE ? FootnoteEditing.configure({ fragment }) : e));
}
