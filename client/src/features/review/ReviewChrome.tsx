/**
 * Review pieces mounted once per report page: the review panel, the comment being written on a narrow
 * screen (a sheet at the bottom), and the polite live region that announces new comments and decisions.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/i18n.ts';
import { DraftComment } from './DraftComment.tsx';
import { ReviewPanel } from './ReviewPanel.tsx';
import { useReview } from './ReviewContext.tsx';
import { useReviewStore } from './reviewStore.ts';
import { useThreads } from './useDiscussion.ts';
import { useWideLayout } from './useWideLayout.ts';

export function ReviewChrome() {
  const { t } = useTranslation();
  const review = useReview();
  const wide = useWideLayout();
  const draft = useReviewStore((s) => s.draft);
  if (!review) return null;
  return (
    <>
      <ReviewPanel />
      {!wide && draft && (
        <div className="draft-sheet" role="region" aria-label={t('reviewUi.chrome.newComment')}>
          <DraftComment draft={draft} />
        </div>
      )}
      <Announcer />
    </>
  );
}

/** Says what others wrote (new comments and replies) and what this user's actions did. */
function Announcer() {
  const review = useReview()!;
  const threads = useThreads(review.discussion);
  const announcement = useReviewStore((s) => s.announcement);
  const announce = useReviewStore((s) => s.announce);
  const seen = useRef<Set<string> | null>(null);
  const [text, setText] = useState('');

  useEffect(() => {
    const ids = new Set(threads.flatMap((t) => t.comments.map((c) => c.id)));
    if (seen.current === null) {
      // What was there when the report opened is not news.
      if (review.discussion.getSnapshot().status === 'synced' || threads.length > 0) seen.current = ids;
      return;
    }
    const fresh = threads.flatMap((t) => t.comments.filter((c) => !seen.current!.has(c.id) && c.authorId !== review.me?.id && !c.deleted));
    seen.current = ids;
    if (fresh.length === 1) announce(i18n.t('reviewUi.chrome.newCommentFrom', { name: fresh[0]!.authorName, body: fresh[0]!.body }));
    else if (fresh.length > 1) announce(i18n.t('reviewUi.chrome.newComments', { count: fresh.length }));
  }, [threads, review, announce]);

  useEffect(() => {
    if (announcement) setText(announcement.text);
  }, [announcement]);

  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="review-announcer">
      {text}
    </div>
  );
}
