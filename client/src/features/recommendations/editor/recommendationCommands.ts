/** Reading and changing the recommendation block around the selection, without moving focus. */
import type { Editor } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { RECOMMENDATION_NODE, type RecommendationAttrs } from '../../../../../shared/schema/recommendation.ts';

export interface RecommendationAtSelection {
  pos: number;
  node: PmNode;
  addressee: string | null;
  tags: string[];
}

/** The innermost recommendation block that holds the selection's start, or null. */
export function recommendationAt(editor: Editor): RecommendationAtSelection | null {
  const { $from } = editor.state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (node.type.name === RECOMMENDATION_NODE) {
      const tags = Array.isArray(node.attrs.tags) ? node.attrs.tags.filter((t: unknown): t is string => typeof t === 'string') : [];
      const addressee = typeof node.attrs.addressee === 'string' ? node.attrs.addressee : null;
      return { pos: $from.before(depth), node, addressee, tags };
    }
  }
  return null;
}

/** Change the attributes of the block at `pos` (as found by recommendationAt); false if it is no longer there. */
export function updateRecommendation(editor: Editor, pos: number, patch: Partial<RecommendationAttrs>): boolean {
  const node = editor.state.doc.nodeAt(pos);
  if (!node || node.type.name !== RECOMMENDATION_NODE) return false;
  editor.view.dispatch(editor.state.tr.setNodeMarkup(pos, undefined, { ...node.attrs, ...patch }));
  return true;
}
