/**
 * Accepting suggestions: applied through the editor as one ordinary transaction of the editor (so the
 * collaboration binding writes it, co-authors receive it, and the editor's undo takes it back), then marked
 * accepted in the discussion document.
 */
import type { Editor } from '@tiptap/core';
import { yUndoPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { decideSuggestion, type Author, type SuggestionInfo } from '../../../../shared/discussion/layout.ts';
import { suggestionState } from '../../../../shared/discussion/suggestions.ts';
import { buildPositionMap, linearRangeToPm } from './positions.ts';
import { REVIEW_ACCEPT_META } from './reviewPlugin.ts';

export interface AcceptTarget {
  content: Y.Doc;
  fragment: Y.XmlFragment;
  discussion: Y.Doc;
  me: Author;
}

export type SkipReason = 'stale' | 'detached' | 'overlap';

export interface AcceptResult {
  accepted: string[];
  skipped: { id: string; reason: SkipReason }[];
}

/**
 * Apply `suggestions` (one, or all of a section) in one editor transaction. A stale one (its text changed
 * since) is skipped unless `force` says a person looked at it.
 */
export function acceptSuggestions(editor: Editor, target: AcceptTarget, suggestions: SuggestionInfo[], force = false): AcceptResult {
  const { state, view } = editor;
  const map = buildPositionMap(target.fragment, (name) => state.schema.nodes[name]?.isLeaf ?? false);
  const size = state.doc.content.size;
  const result: AcceptResult = { accepted: [], skipped: [] };
  const planned: { s: SuggestionInfo; from: number; to: number }[] = [];
  for (const s of suggestions) {
    const st = suggestionState(target.content, s);
    if (!st || st.detached) {
      result.skipped.push({ id: s.id, reason: 'detached' });
      continue;
    }
    if (st.stale && !force) {
      result.skipped.push({ id: s.id, reason: 'stale' });
      continue;
    }
    const range = linearRangeToPm(map, st.start, st.end);
    if (!range || range.to > size) {
      result.skipped.push({ id: s.id, reason: 'detached' });
      continue;
    }
    planned.push({ s, ...range });
  }
  // Right to left, so each change leaves the positions of those before it valid.
  planned.sort((a, b) => b.from - a.from || b.to - a.to);
  const tr = state.tr;
  let limit = Infinity;
  for (const p of planned) {
    if (p.to > limit) {
      result.skipped.push({ id: p.s.id, reason: 'overlap' });
      continue;
    }
    if (p.s.insertText) tr.insertText(p.s.insertText, p.from, p.to);
    else tr.delete(p.from, p.to);
    limit = p.from;
    result.accepted.push(p.s.id);
  }
  if (result.accepted.length === 0) return result;
  // Its own undo step: not merged with what the editor typed just before.
  const undoManager = (yUndoPluginKey.getState(state) as { undoManager?: Y.UndoManager } | undefined)?.undoManager;
  undoManager?.stopCapturing();
  view.dispatch(tr.setMeta(REVIEW_ACCEPT_META, true).scrollIntoView());
  undoManager?.stopCapturing();
  target.discussion.transact(() => {
    for (const id of result.accepted) decideSuggestion(target.discussion, id, 'accepted', target.me);
  });
  return result;
}
