/** A new comment's anchor and quote from the editor's selection. */
import type { EditorState } from '@tiptap/pm/state';
import type * as Y from 'yjs';
import { anchorAt } from '../../../../shared/discussion/anchors.ts';
import type { CommentDraft } from '../../features/review/reviewStore.ts';
import { buildPositionMap, pmToLinear } from './positions.ts';

/** Null when the selection holds no text. */
export function draftFromSelection(state: EditorState, fragment: Y.XmlFragment, sectionId: string): CommentDraft | null {
  const { from, to, empty } = state.selection;
  if (empty) return null;
  const map = buildPositionMap(fragment, (name) => state.schema.nodes[name]?.isLeaf ?? false);
  const start = pmToLinear(map, from, 'start');
  const end = pmToLinear(map, to, 'end');
  if (start === null || end === null || end <= start) return null;
  const quote = map.lin.text.slice(start, end);
  if (!quote.trim()) return null;
  return { sectionId, anchor: anchorAt(fragment, start, end), quote, start, end };
}
