/**
 * What the review UI may ask of the open section's editor, without importing TipTap itself (the editor is a
 * lazily loaded chunk): where highlights are on screen, the selection, new comment drafts, accepting.
 */
import type { Editor } from '@tiptap/core';
import type { SuggestionInfo } from '../../../../shared/discussion/layout.ts';
import type { CommentDraft } from '../../features/review/reviewStore.ts';
import { acceptSuggestions, type AcceptResult } from './acceptSuggestion.ts';
import { draftFromSelection } from './commentDraft.ts';
import { refreshReview, reviewPluginKey } from './reviewPlugin.ts';
import { suggestAtSelection, type ReviewBridge } from './ReviewExtension.ts';
import { structureContext, type StructureAction, type StructureContext } from './suggestStructure.ts';

export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface EditorHandle {
  sectionId: string;
  /** Calls `listener` after every transaction (typing, remote edits, selection) and on focus changes. */
  subscribe(listener: () => void): () => void;
  /** Viewport top of each highlight: `thread:<id>`, `suggestion:<id>`, `draft`. */
  anchorTops(): Map<string, number>;
  /** The box of a non-empty selection holding text, or null. */
  selectionBox(): Box | null;
  draftFromSelection(): CommentDraft | null;
  accept(suggestions: SuggestionInfo[], force?: boolean): AcceptResult | null;
  /** Redraw highlights (the discussion or the active item changed). */
  refresh(): void;
  /** Scroll a thread's or suggestion's text into view. */
  reveal(key: string): void;
  focus(): void;
  /** Suggesting mode: suggest a new block, a deletion of one, a footnote or formatting at the selection. */
  suggest(action: StructureAction): void;
  /** What the selection is in, for the suggesting toolbar. */
  structureContext(): StructureContext;
}

export function createEditorHandle(editor: Editor, bridge: ReviewBridge): EditorHandle {
  const decorationFrom = (key: string): number | null => {
    const set = reviewPluginKey.getState(editor.state)?.decorations;
    const [kind, id] = key.split(':');
    const found = set?.find(undefined, undefined, (spec) => (kind === 'thread' ? spec.threadId === id : kind === 'suggestion' ? spec.suggestionId === id : !!spec.draft));
    if (!found || found.length === 0) return null;
    return Math.min(...found.map((d) => d.from));
  };

  return {
    sectionId: bridge.sectionId,
    subscribe(listener) {
      editor.on('transaction', listener);
      editor.on('focus', listener);
      editor.on('blur', listener);
      return () => {
        editor.off('transaction', listener);
        editor.off('focus', listener);
        editor.off('blur', listener);
      };
    },
    anchorTops() {
      const tops = new Map<string, number>();
      if (editor.isDestroyed) return tops;
      const set = reviewPluginKey.getState(editor.state)?.decorations;
      for (const d of set?.find() ?? []) {
        const spec = d.spec as { threadId?: string; suggestionId?: string; draft?: boolean };
        const key = spec.threadId ? `thread:${spec.threadId}` : spec.suggestionId ? `suggestion:${spec.suggestionId}` : spec.draft ? 'draft' : null;
        if (!key) continue;
        try {
          const top = editor.view.coordsAtPos(d.from, 1).top;
          const prev = tops.get(key);
          if (prev === undefined || top < prev) tops.set(key, top);
        } catch {
          // A position the view cannot measure yet (being redrawn): placed at the end this time.
        }
      }
      return tops;
    },
    selectionBox() {
      // Not while focus is elsewhere (the comment composer): the selection there is the one just commented on.
      if (editor.isDestroyed || !editor.view.hasFocus()) return null;
      const { from, to, empty } = editor.state.selection;
      if (empty || !editor.state.doc.textBetween(from, to, ' ').trim()) return null;
      try {
        const a = editor.view.coordsAtPos(from, 1);
        const b = editor.view.coordsAtPos(to, -1);
        return { top: Math.min(a.top, b.top), bottom: Math.max(a.bottom, b.bottom), left: Math.min(a.left, b.left), right: Math.max(a.right, b.right) };
      } catch {
        return null;
      }
    },
    draftFromSelection: () => draftFromSelection(editor.state, bridge.fragment, bridge.sectionId),
    accept(suggestions, force = false) {
      if (!bridge.discussion || !bridge.me || !bridge.canAccept || editor.isDestroyed) return null;
      return acceptSuggestions(editor, { content: bridge.content, fragment: bridge.fragment, discussion: bridge.discussion, me: bridge.me }, suggestions, force);
    },
    refresh() {
      if (!editor.isDestroyed) refreshReview(editor.view);
    },
    reveal(key) {
      const from = decorationFrom(key);
      if (from === null || editor.isDestroyed) return;
      const dom = editor.view.domAtPos(from).node;
      const el = dom instanceof Element ? dom : dom.parentElement;
      // No gliding for people who asked their system for less motion (the CSS rule cannot reach a script's scroll).
      const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      el?.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
    },
    focus() {
      if (!editor.isDestroyed) editor.commands.focus();
    },
    suggest(action) {
      if (!editor.isDestroyed) suggestAtSelection(editor.view, bridge, action);
    },
    structureContext() {
      return editor.isDestroyed ? { inList: false, inTable: false, tableColumns: [], hasSelection: false } : structureContext(editor.view);
    },
  };
}
