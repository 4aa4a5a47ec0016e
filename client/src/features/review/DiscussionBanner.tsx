/**
 * Says when comments and suggestions stopped reaching the server, which the report's sync status (the text's)
 * does not show: a change the server refused (4422, e.g. a suggestion accepted offline by someone who is now a
 * reviewer), or another refusal; with the way out of each.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CloseCodes } from '../../../../shared/protocol/closeCodes.ts';
import { useReview } from './ReviewContext.tsx';
import { useDiscussionSnapshot } from './useDiscussion.ts';
import type { DiscussionSession } from './DiscussionSession.ts';

export function DiscussionBanner() {
  const review = useReview();
  if (!review) return null;
  return <DiscussionStopped discussion={review.discussion} />;
}

function DiscussionStopped({ discussion }: { discussion: DiscussionSession }) {
  const { t } = useTranslation();
  const { status, closeCode } = useDiscussionSnapshot(discussion);
  const [discarding, setDiscarding] = useState(false);
  if (status !== 'stopped') return null;
  const refused = closeCode === CloseCodes.ChangeRefused.code;
  if (closeCode === CloseCodes.ReportFull.code) {
    return (
      <div className="banners">
        <div className="banner banner--error" role="alert" data-testid="banner-discussion-full">
          <span>{t('reviewUi.discussion.full')}</span>
          <button type="button" className="button button--small" onClick={() => discussion.retry()}>
            {t('reviewUi.discussion.tryAgain')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="banners">
      <div className={`banner banner--${refused ? 'error' : 'warning'}`} role="alert" data-testid="banner-discussion-stopped">
        <span>
          {refused ? t('reviewUi.discussion.refused') : t('reviewUi.discussion.notReaching')}
        </span>
        {refused ? (
          <button
            type="button"
            className="button button--small"
            disabled={discarding}
            onClick={() => {
              setDiscarding(true);
              void discussion.discardLocalChanges().then(() => location.reload());
            }}
          >
            {discarding ? t('reviewUi.discussion.discarding') : t('reviewUi.discussion.discard')}
          </button>
        ) : (
          <button type="button" className="button button--small" onClick={() => discussion.retry()}>
            {t('reviewUi.discussion.tryAgain')}
          </button>
        )}
      </div>
    </div>
  );
}
