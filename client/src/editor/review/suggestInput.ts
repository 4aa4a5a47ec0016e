/**
 * Suggesting mode, the editor side: read the selection as linear offsets, plan with planSuggestion, write the
 * suggestion to the discussion document, and move the caret where further typing continues it. The content
 * document is never written.
 */
import { TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import type * as Y from 'yjs';
import { anchorAt } from '../../../../shared/discussion/anchors.ts';
import { createSuggestion, getSuggestion, reviseSuggestion, withdrawSuggestion, type Author } from '../../../../shared/discussion/layout.ts';
import { suggestionState } from '../../../../shared/discussion/suggestions.ts';
import { DISCUSSION_ORIGIN } from '../../features/review/DiscussionSession.ts';
import { planSuggestion, type ActiveSuggestion, type EditIntent } from './inputToSuggestion.ts';
import { buildPositionMap, linearToPm, pmToLinear } from './positions.ts';
import { reviewPluginKey, type ReviewMeta, type TypingState } from './reviewPlugin.ts';

export type SuggestInput = { kind: 'text'; text: string } | { kind: 'delete'; direction: 'backward' | 'forward' };

export interface SuggestTarget {
  content: Y.Doc;
  fragment: Y.XmlFragment;
  discussion: Y.Doc;
  me: Author;
  sectionId: string;
}

export function suggestFromInput(view: EditorView, target: SuggestTarget, input: SuggestInput, typing: TypingState): { refused?: 'line-break' | 'no-text' } {
  const { state } = view;
  const map = buildPositionMap(target.fragment, (name) => state.schema.nodes[name]?.isLeaf ?? false);
  const sel = state.selection;
  let from = pmToLinear(map, sel.from, 'start');
  let to = sel.empty ? from : pmToLinear(map, sel.to, 'end');
  if (from === null || to === null) return { refused: 'no-text' };
  if (to < from) to = from = Math.min(from, to);

  let active: ActiveSuggestion | null = null;
  if (typing && sel.empty && sel.head === typing.caretPm) {
    const s = getSuggestion(target.discussion, typing.id);
    const st = s && s.status === 'open' && s.authorId === target.me.id ? suggestionState(target.content, s) : null;
    // Typing continues a text suggestion or a suggested new paragraph; other kinds (a new row too) are never typed into.
    const typedInto = s && (s.change.kind === 'text' || (s.change.kind === 'insertBlock' && s.change.block !== 'tableRow'));
    if (s && st && !st.detached && typedInto) active = { id: s.id, start: st.start, end: st.end, originalText: s.originalText, insertText: s.insertText };
    // Backspace in a suggested new paragraph that is still empty takes the paragraph back.
    if (active && s?.change.kind === 'insertBlock' && !active.insertText && input.kind === 'delete' && input.direction === 'backward') {
      withdrawSuggestion(target.discussion, active.id, target.me, DISCUSSION_ORIGIN);
      view.dispatch(state.tr.setMeta(reviewPluginKey, { refresh: true, typing: null } satisfies ReviewMeta));
      return {};
    }
  }

  const intent: EditIntent = input.kind === 'text' ? { kind: 'text', from, to, text: input.text } : { kind: 'delete', from, to, direction: input.direction };
  const plan = planSuggestion(map.lin.text, intent, active);
  if (plan.op === 'none') return plan.reason === 'line-break' ? { refused: 'line-break' } : {};

  let id: string | null;
  if (plan.op === 'withdraw') {
    withdrawSuggestion(target.discussion, plan.id, target.me, DISCUSSION_ORIGIN);
    id = null;
  } else {
    const fields = { anchor: anchorAt(target.fragment, plan.start, plan.end), originalText: plan.originalText, insertText: plan.insertText };
    if (plan.op === 'create') {
      id = createSuggestion(target.discussion, target.me, { sectionId: target.sectionId, ...fields }, DISCUSSION_ORIGIN);
    } else {
      reviseSuggestion(target.discussion, plan.id, target.me, fields, DISCUSSION_ORIGIN);
      id = plan.id;
    }
  }

  // The caret goes after a struck range (where the suggested text shows) or stays at the insertion point.
  const afterRange = plan.op !== 'withdraw' && plan.caret === plan.end && plan.end > plan.start;
  const caretPm = linearToPm(map, plan.caret, afterRange) ?? sel.head;
  const meta: ReviewMeta = { refresh: true, typing: id ? { id, caretPm } : null };
  view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, caretPm)).setMeta(reviewPluginKey, meta).scrollIntoView());
  return {};
}
