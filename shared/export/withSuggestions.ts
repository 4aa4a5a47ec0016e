/**
 * Open suggestions in an export. Suggestions live in the discussion document and change the text only when a
 * person accepts them; export "as if accepted" applies every open one to a copy of the content document, the way
 * accepting does (shared/discussion/suggestions.ts), and never touches the live document. "As if rejected" is the
 * text as written. A suggestion whose text changed since it was made (stale) or was deleted is left out: a person
 * must look at it first, as in the review panel.
 */
import * as Y from 'yjs';
import { listSuggestions } from '../discussion/layout.ts';
import { applySuggestion } from '../discussion/suggestions.ts';

export interface SuggestionSource {
  discussion: Y.Doc;
  mode: 'accepted' | 'rejected';
}

/**
 * The content to export: `content` itself when nothing is to be applied, else a copy with the open suggestions
 * applied (`copied` says which, so the caller destroys the copy).
 */
export function contentWithSuggestions(content: Y.Doc, source: SuggestionSource | undefined): { doc: Y.Doc; copied: boolean } {
  if (!source || source.mode === 'rejected') return { doc: content, copied: false };
  const open = listSuggestions(source.discussion).filter((s) => s.status === 'open');
  if (open.length === 0) return { doc: content, copied: false };
  // Same client ids and clocks, so the suggestions' relative positions resolve in the copy as in the original.
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(content));
  for (const s of open) applySuggestion(copy, s, 'export');
  return { doc: copy, copied: true };
}
