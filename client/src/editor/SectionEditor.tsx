/**
 * The rich-text editor of one section, bound to its Y.XmlFragment. Loaded on demand (TipTap and
 * ProseMirror are most of the app's code). Its parent mounts one editor at a time and gives it a new key
 * when the section, or the fragment object behind it, changes.
 */
import { useEffect } from 'react';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { editorExtensions } from '../../../shared/schema/extensions.ts';
import { countWords } from '../../../shared/report/wordCount.ts';
import type { LocalUser } from '../user/user.ts';
import { Toolbar } from './Toolbar.tsx';
import './editor.css';
// Footnotes (issue 6): node view, numbering and the list of notes under the text.
import { withFootnoteEditing } from './footnotes/FootnoteEditing.ts';
import { FootnoteList } from './footnotes/FootnoteList.tsx';
import './footnotes/footnotes.css';

export interface SectionEditorProps {
  fragment: Y.XmlFragment;
  provider: WebsocketProvider;
  user: LocalUser;
  editable: boolean;
  /** Accessible name of the text area, e.g. "Text of Introduction". */
  label: string;
}

/** A co-author's caret: a coloured bar with their name above it. */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  const color = typeof user.color === 'string' ? user.color : '#5b6472';
  caret.style.borderColor = color;
  const label = document.createElement('span');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = color;
  label.textContent = typeof user.name === 'string' ? user.name : 'Someone';
  caret.append(label);
  return caret;
}

function textAttributes(label: string): Record<string, string> {
  return { class: 'prose', role: 'textbox', 'aria-multiline': 'true', 'aria-label': label, spellcheck: 'true' };
}

export default function SectionEditor({ fragment, provider, user, editable, label }: SectionEditorProps) {
  const editor = useEditor(
    {
      extensions: [
        ...withFootnoteEditing(editorExtensions(), fragment),
        Collaboration.configure({ fragment }),
        CollaborationCaret.configure({ provider, user, render: renderCaret }),
      ],
      editable,
      editorProps: { attributes: textAttributes(label) },
    },
    [fragment, provider],
  );

  useEffect(() => {
    if (editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  useEffect(() => {
    editor.commands.updateUser(user);
  }, [editor, user]);

  useEffect(() => {
    // The section may be renamed while open; its text area keeps a matching name.
    editor.setOptions({ editorProps: { attributes: textAttributes(label) } });
  }, [editor, label]);

  const words = useEditorState({ editor, selector: ({ editor: e }) => countWords(e.getText({ blockSeparator: '\n' })) });

  return (
    <div className={`editor${editable ? '' : ' editor--readonly'}`}>
      {editable && <Toolbar editor={editor} />}
      {!editable && words === 0 && <p className="editor__empty muted">This section has no text yet.</p>}
      <EditorContent editor={editor} className="editor__content" data-testid="section-editor" />
      <div className="editor__footer muted" aria-live="off">
        {words} {words === 1 ? 'word' : 'words'}
      </div>
      <FootnoteList editor={editor} />
    </div>
  );
}
