/**
 * Above the section's text: comment on the selection, the Suggesting switch (editors) or the note that a
 * reviewer's edits are suggestions, the section's open comments and suggestions, and accepting or
 * rejecting all of them.
 */
import { useTranslation } from 'react-i18next';
import { t as translate } from '../../i18n/i18n.ts';
import { decideSuggestion } from '../../../../shared/discussion/layout.ts';
import { COMMENT_SHORTCUT } from './CommentButton.tsx';
import { decideAllMessage } from './decideAll.ts';
import { DISCUSSION_ORIGIN } from './DiscussionSession.ts';
import { useReview } from './ReviewContext.tsx';
import { useReviewStore } from './reviewStore.ts';
import { useReviewItems } from './useSectionReview.ts';
import { useToastStore } from '../../stores/toastStore.ts';

export function ReviewBar({ sectionId, suggesting }: { sectionId: string; suggesting: boolean }) {
  useTranslation();
  const review = useReview()!;
  const { threads, suggestions } = useReviewItems(review, sectionId);
  const handle = useReviewStore((s) => s.editor);
  const setSuggesting = useReviewStore((s) => s.setSuggesting);
  const setDraft = useReviewStore((s) => s.setDraft);
  const openPanel = useReviewStore((s) => s.openPanel);
  const setFilters = useReviewStore((s) => s.setFilters);
  const announce = useReviewStore((s) => s.announce);
  const showToast = useToastStore((s) => s.show);
  const openThreads = threads.filter((t) => t.thread.status === 'open').length;
  const open = suggestions.filter((s) => s.suggestion.status === 'open');
  const editorHere = handle?.sectionId === sectionId ? handle : null;

  const acceptAll = () => {
    const result = editorHere?.accept(open.map((s) => s.suggestion));
    if (!result) return;
    const message = decideAllMessage('accepted', result.accepted.length, result.skipped.length);
    announce(message);
    showToast({ message }, 6000);
  };

  const rejectAll = () => {
    if (!review.me) return;
    const me = review.me;
    review.discussion.doc.transact(() => {
      for (const s of open) decideSuggestion(review.discussion.doc, s.suggestion.id, 'rejected', me, DISCUSSION_ORIGIN);
    }, DISCUSSION_ORIGIN);
    announce(decideAllMessage('rejected', open.length, 0));
  };

  return (
    <div className="review-bar" role="toolbar" aria-label={translate('review.label')}>
      {review.canComment && (
        <button
          type="button"
          className="button button--small"
          title={translate('review.commentTitle', { shortcut: COMMENT_SHORTCUT })}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            const d = editorHere?.draftFromSelection();
            if (d) setDraft(d);
            else showToast({ message: translate('review.selectFirst', { shortcut: COMMENT_SHORTCUT }) }, 5000);
          }}
        >
          {translate('review.comment')}
        </button>
      )}
      {review.canComment && review.suggestOnly && (
        <span className="review-bar__mode" data-testid="suggesting-note">
          <span className="review-bar__dot" aria-hidden="true" /> {translate('review.suggesting')}
          <span className="review-bar__long">{translate('review.suggestingLong')}</span>
        </span>
      )}
      {review.canComment && !review.suggestOnly && review.canWriteContent && (
        <button
          type="button"
          role="switch"
          aria-checked={suggesting}
          className={`switch${suggesting ? ' switch--on' : ''}`}
          onClick={() => setSuggesting(!suggesting)}
          title={translate('review.suggestingTitle')}
        >
          <span className="switch__track" aria-hidden="true">
            <span className="switch__thumb" />
          </span>
          {translate('review.suggesting')}
        </button>
      )}
      <span className="review-bar__spacer" />
      {review.canDecide && open.length > 1 && editorHere && (
        <>
          <button type="button" className="button button--small button--ghost" onClick={acceptAll}>
            {translate('review.acceptAll')}
          </button>
          <button type="button" className="button button--small button--ghost" onClick={rejectAll}>
            {translate('review.rejectAll')}
          </button>
        </>
      )}
      <button
        type="button"
        className="button button--small review-bar__counts"
        onClick={() => {
          setFilters({ sectionId, status: 'open', attention: false, authorId: 'all' });
          openPanel(open.length > 0 && openThreads === 0 ? 'suggestions' : 'comments');
        }}
      >
        {/* Named by its sentence, not an aria-label over the bare numbers shown (WCAG 2.5.3). */}
        <span className="visually-hidden">{translate('review.counts', { comments: openThreads, suggestions: open.length })}</span>
        <span className="count-chip count-chip--comments" aria-hidden="true">
          <svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
            <path d="M5 5h14v10H10l-4 4v-4H5z" />
          </svg>
          {openThreads}
        </span>
        <span className="count-chip count-chip--suggestions" aria-hidden="true">
          <svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
            <path d="M4 20h4L19 9l-4-4L4 16z" />
          </svg>
          {open.length}
        </span>
      </button>
    </div>
  );
}
