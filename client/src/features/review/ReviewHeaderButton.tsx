/** In the report header: opens the review panel, with the number of open threads and suggestions. */
import { useTranslation } from 'react-i18next';
import { useReview } from './ReviewContext.tsx';
import { useReviewStore } from './reviewStore.ts';
import { useSuggestions, useThreads } from './useDiscussion.ts';

export function ReviewHeaderButton() {
  const review = useReview();
  if (!review) return null;
  return <Button />;
}

function Button() {
  const { t } = useTranslation();
  const review = useReview()!;
  const threads = useThreads(review.discussion);
  const suggestions = useSuggestions(review.discussion);
  const panel = useReviewStore((s) => s.panel);
  const openPanel = useReviewStore((s) => s.openPanel);
  const setFilters = useReviewStore((s) => s.setFilters);
  const open = threads.filter((th) => th.status === 'open').length + suggestions.filter((s) => s.status === 'open').length;
  return (
    <button
      type="button"
      className="button button--small review-toggle"
      aria-expanded={panel !== null}
      aria-label={t('review.toggle', { open })}
      onClick={() => {
        if (panel) return openPanel(null);
        setFilters({ sectionId: 'all' });
        openPanel('comments');
      }}
      data-testid="review-toggle"
    >
      <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
        <path d="M5 5h14v10H10l-4 4v-4H5z" />
      </svg>
      <span className="review-toggle__label">{t('review.button')}</span>
      {open > 0 && <span className="review-toggle__count">{open}</span>}
    </button>
  );
}
