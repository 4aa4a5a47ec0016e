/**
 * Accepting suggestions: applied through the editor as one ordinary transaction of the editor (so the
 * collaboration binding writes it, co-authors receive it, and the editor's undo takes it back), then marked
 * accepted in the discussion document. A suggestion beyond the text (a paragraph, list item, row, footnote or
 * formatting: shared/discussion/structure.ts) is applied to the content document as the editor's own change
 * would be (same origin, so the editor's undo takes it back too), after the text ones.
 */
import type { Editor } from '@tiptap/core';
import { ySyncPluginKey, yUndoPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { decideSuggestion, type Author, type SuggestionInfo } from '../../../../shared/discussion/layout.ts';
import { applySuggestion, suggestionState } from '../../../../shared/discussion/suggestions.ts';
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
  const structural = suggestions.filter((s) => s.change.kind !== 'text');
  for (const s of suggestions) {
    if (s.change.kind !== 'text') continue;
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
  // Its own undo step: not merged with what the editor typed just before.
  const undoManager = (yUndoPluginKey.getState(state) as { undoManager?: Y.UndoManager } | undefined)?.undoManager;
  undoManager?.stopCapturing();
  if (result.accepted.length > 0) view.dispatch(tr.setMeta(REVIEW_ACCEPT_META, true).scrollIntoView());
  // Then the others, each against the text as the ones before left it, in one change with them for undo.
  target.content.transact(() => {
    for (const s of structural) {
      const st = suggestionState(target.content, s);
      if (!st || st.detached) result.skipped.push({ id: s.id, reason: 'detached' });
      else if (st.stale && !force) result.skipped.push({ id: s.id, reason: 'stale' });
      else if (applySuggestion(target.content, s, ySyncPluginKey, force)) result.accepted.push(s.id);
      else result.skipped.push({ id: s.id, reason: 'detached' });
    }
  }, ySyncPluginKey);
  undoManager?.stopCapturing();
  if (result.accepted.length === 0) return result;
  target.discussion.transact(() => {
    for (const id of result.accepted) decideSuggestion(target.discussion, id, 'accepted', target.me);
  });
  return result;
}
