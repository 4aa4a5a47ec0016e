/**
 * The rich-text editor of one section, bound to its Y.XmlFragment. Loaded on demand (TipTap and
 * ProseMirror are most of the app's code). Its parent mounts one editor at a time and gives it a new key
 * when the section, or the fragment object behind it, changes.
 */
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { editorExtensions } from '../../../shared/schema/extensions.ts';
import { countWords } from '../../../shared/report/wordCount.ts';
import type { LocalUser } from '../user/user.ts';
import { Toolbar } from './Toolbar.tsx';
import { ReviewExtension, type ReviewBridge } from './review/ReviewExtension.ts';
import { createEditorHandle, type EditorHandle } from './review/editorHandle.ts';
import { withRecommendationView } from '../features/recommendations/editor/recommendationView.ts';
import './editor.css';
import './review/review-editor.css';
// Footnotes (issue 6): node view, numbering and the list of notes under the text.
import { withFootnoteEditing } from './footnotes/FootnoteEditing.ts';
import { FootnoteList } from './footnotes/FootnoteList.tsx';
import './footnotes/footnotes.css';
// Find and replace (issue 10): highlights and the current match in the open section.
import { useFindInEditor } from '../features/find/useFindInEditor.ts';
// Passage tags (issue 10): their tags named on hover.
import { PassageTagHover, refreshPassageTagHover } from '../features/tagging/passage/passageTagHover.ts';
import { loadedTaxonomy, loadTaxonomy } from '../features/tagging/taxonomy.ts';
// Images (issue 12): the node's view, paste and drop, and the insert/edit dialog.
import { withImageView } from '../features/evidence/imageView.ts';
import { ImageDialogHost } from '../features/evidence/ImageDialog.tsx';
// Testimony (issue 12): sensitive names highlighted, passages on lapsed consent flagged.
import { useTestimonyInEditor } from '../features/testimony/useTestimonyInEditor.ts';
// The library (issue 14): inserting entries, and the offer of a newer version of one already here.
import { LibraryInEditor } from '../features/library/editor/LibraryInEditor.tsx';
// Languages (issue 13): each paragraph's own direction; the report's language for spell-checking.
import { AutoDirection } from './autoDirection.ts';
import { useReportLanguage } from '../i18n/useReportLanguage.ts';
import { t as translate } from '../i18n/i18n.ts';

export interface SectionEditorProps {
  fragment: Y.XmlFragment;
  provider: WebsocketProvider;
  user: LocalUser;
  editable: boolean;
  /** Accessible name of the text area, e.g. "Text of Introduction". */
  label: string;
  /** Review (comments, suggestions): decorations and suggesting mode; read when used, so keep one object per fragment. */
  review?: ReviewBridge;
  /** Hide the formatting toolbar (suggesting mode) even when editable. */
  showToolbar?: boolean;
  /** Receives the editor's review handle once it exists, and null when it goes. */
  onHandle?: (handle: EditorHandle | null) => void;
  /** Drawn over the text (the comment button on a selection). */
  children?: ReactNode;
  /** Shown under the text instead of the plain word count (the section's counts against its limits). */
  footer?: ReactNode;
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
  label.textContent = typeof user.name === 'string' ? user.name : translate('editor.someone');
  caret.append(label);
  return caret;
}

/** The text area's attributes; `language` (the report's, BCP 47) sets `lang`, which spell-checking follows. */
function textAttributes(label: string, language: string): Record<string, string> {
  return { class: 'prose', role: 'textbox', 'aria-multiline': 'true', 'aria-label': label, spellcheck: 'true', ...(language ? { lang: language } : {}) };
}

export default function SectionEditor({ fragment, provider, user, editable, label, review, showToolbar = editable, onHandle, children, footer }: SectionEditorProps) {
  const { t } = useTranslation();
  const language = useReportLanguage(fragment.doc);
  const editor = useEditor(
    {
      extensions: [
        ...withFootnoteEditing(withImageView(withRecommendationView(editorExtensions())), fragment),
        AutoDirection,
        Collaboration.configure({ fragment }),
        CollaborationCaret.configure({ provider, user, render: renderCaret }),
        ...(review ? [ReviewExtension(review)] : []),
        PassageTagHover((id) => {
          const taxonomy = loadedTaxonomy();
          return taxonomy && fragment.doc ? taxonomy.describeReportTag(fragment.doc, id).label : id;
        }),
      ],
      editable,
      editorProps: { attributes: textAttributes(label, language) },
    },
    // The review bridge is one object per fragment; listed so an editor never outlives the one it was made with.
    [fragment, provider, review],
  );

  useFindInEditor(editor, fragment);
  useTestimonyInEditor(editor, fragment);

  useEffect(() => {
    if (loadedTaxonomy()) return;
    let live = true;
    loadTaxonomy().then(
      () => live && !editor.isDestroyed && refreshPassageTagHover(editor.view),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [editor]);

  useEffect(() => {
    if (editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  useEffect(() => {
    // An editor re-made for a new provider may not have its view yet; it starts with the configured user anyway.
    if (editor.isInitialized && !editor.isDestroyed) editor.commands.updateUser(user);
  }, [editor, user]);

  useEffect(() => {
    // The section may be renamed while open; its text area keeps a matching name.
    editor.setOptions({ editorProps: { attributes: textAttributes(label, language) } });
  }, [editor, label, language]);

  useEffect(() => {
    if (!review || !onHandle) return;
    onHandle(createEditorHandle(editor, review));
    return () => onHandle(null);
  }, [editor, review, onHandle]);

  // A destroyed editor (replaced by a new one) has no schema left to read: count nothing rather than throw.
  const words = useEditorState({ editor, selector: ({ editor: e }) => (e.isDestroyed ? 0 : countWords(e.getText({ blockSeparator: '\n' }))) });

  return (
    <div className={`editor${editable ? '' : ' editor--readonly'}`}>
      {editable && showToolbar && <Toolbar editor={editor} doc={fragment.doc ?? undefined} />}
      {editable && <ImageDialogHost editor={editor} reportId={provider.roomname} />}
      {editable && showToolbar && <LibraryInEditor editor={editor} />}
      {!editable && words === 0 && <p className="editor__empty muted">{t('editor.empty')}</p>}
      <EditorContent editor={editor} className="editor__content" data-testid="section-editor" />
      {children}
      {footer ?? (
        <div className="editor__footer muted" aria-live="off">
          {t('editor.words', { count: words })}
        </div>
      )}
      <FootnoteList editor={editor} />
    </div>
  );
}
