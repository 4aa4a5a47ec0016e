/** The comment being started on a selection: its quote and the composer. */
import { useTranslation } from 'react-i18next';
import { createThread } from '../../../../shared/discussion/layout.ts';
import { CommentComposer } from './CommentComposer.tsx';
import { DISCUSSION_ORIGIN } from './DiscussionSession.ts';
import { useReview } from './ReviewContext.tsx';
import { useReviewStore, type CommentDraft } from './reviewStore.ts';

export function DraftComment({ draft }: { draft: CommentDraft }) {
  const { t } = useTranslation();
  const review = useReview();
  const setDraft = useReviewStore((s) => s.setDraft);
  const activateThread = useReviewStore((s) => s.activateThread);
  const announce = useReviewStore((s) => s.announce);
  const handle = useReviewStore((s) => s.editor);
  if (!review?.me) return null;
  const me = review.me;
  const quote = draft.quote.length > 140 ? draft.quote.slice(0, 137) + '…' : draft.quote;
  return (
    <div className="thread thread--active thread--draft" data-testid="comment-draft">
      <q className="thread__quote">{quote}</q>
      <CommentComposer
        members={review.members}
        label={t('review.comment')}
        submitLabel={t('review.comment')}
        autoFocus
        onCancel={() => {
          setDraft(null);
          handle?.focus();
        }}
        onSubmit={(body, mentions) => {
          const id = createThread(review.discussion.doc, me, { sectionId: draft.sectionId, anchor: draft.anchor, quote: draft.quote, body, mentions }, DISCUSSION_ORIGIN);
          setDraft(null);
          activateThread(id);
          announce(t('reviewUi.draft.added'));
        }}
      />
    </div>
  );
}
