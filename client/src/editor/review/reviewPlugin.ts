/** The review plugin's key and state, shared by the extension, suggesting mode and accepting suggestions. */
import { PluginKey } from '@tiptap/pm/state';
import type { DecorationSet, EditorView } from '@tiptap/pm/view';

/** The suggestion being typed and the caret that continues it; any other caret starts a new one. */
export type TypingState = { id: string; caretPm: number } | null;

export interface ReviewPluginState {
  decorations: DecorationSet;
  typing: TypingState;
}

export type ReviewMeta = { refresh?: boolean; typing?: TypingState };

export const reviewPluginKey = new PluginKey<ReviewPluginState>('rdReview');

/** Meta on the transaction that applies an accepted suggestion: allowed through the guard. */
export const REVIEW_ACCEPT_META = 'rdReviewAccept';

/** Recompute highlights and tracked changes (after the discussion changed); optionally set the typing state. */
export function refreshReview(view: EditorView, typing?: TypingState): void {
  const meta: ReviewMeta = { refresh: true };
  if (typing !== undefined) meta.typing = typing;
  view.dispatch(view.state.tr.setMeta(reviewPluginKey, meta));
}
