/** The threads and suggestions of one section (or all), with where their text is now. */
import { useMemo } from 'react';
import { resolveAnchor } from '../../../../shared/discussion/anchors.ts';
import type { SuggestionInfo, ThreadInfo } from '../../../../shared/discussion/layout.ts';
import { suggestionState, type SuggestionState } from '../../../../shared/discussion/suggestions.ts';
import { getSectionBody } from '../../../../shared/report/layout.ts';
import type { AnchoredState } from './ThreadCard.tsx';
import { useDocRevision, useSuggestions, useThreads } from './useDiscussion.ts';
import type { ReviewContextValue } from './ReviewContext.tsx';

export interface ThreadItem {
  thread: ThreadInfo;
  anchored: AnchoredState;
}

export interface SuggestionItem {
  suggestion: SuggestionInfo;
  state: SuggestionState | null;
}

export function useReviewItems(review: ReviewContextValue, sectionId: string | null): { threads: ThreadItem[]; suggestions: SuggestionItem[] } {
  const threads = useThreads(review.discussion);
  const suggestions = useSuggestions(review.discussion);
  const revision = useDocRevision(review.session.doc);
  return useMemo(() => {
    const content = review.session.doc;
    const threadItems = threads
      .filter((t) => sectionId === null || t.sectionId === sectionId)
      .map((thread) => {
        const body = getSectionBody(content, thread.sectionId);
        const r = body ? resolveAnchor(content, body, thread.anchor) : null;
        return { thread, anchored: { detached: !r || r.detached, text: r?.text ?? '' } };
      });
    const suggestionItems = suggestions
      .filter((s) => sectionId === null || s.sectionId === sectionId)
      .map((suggestion) => ({ suggestion, state: suggestionState(content, suggestion) }));
    return { threads: threadItems, suggestions: suggestionItems };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [threads, suggestions, revision, sectionId, review.session]);
}
