/**
 * Says when comments and suggestions stopped reaching the server, which the report's sync status (the text's)
 * does not show: a change the server refused (4422, e.g. a suggestion accepted offline by someone who is now a
 * reviewer), or another refusal; with the way out of each.
 */
import { useState } from 'react';
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
  const { status, closeCode } = useDiscussionSnapshot(discussion);
  const [discarding, setDiscarding] = useState(false);
  if (status !== 'stopped') return null;
  const refused = closeCode === CloseCodes.ChangeRefused.code;
  if (closeCode === CloseCodes.ReportFull.code) {
    return (
      <div className="banners">
        <div className="banner banner--error" role="alert" data-testid="banner-discussion-full">
          <span>
            Comments and suggestions are not being saved: this report has reached its size limit on the server. Your comments stay on this
            device. Remove large pasted content from the report, or ask its owner to delete old versions, then try again.
          </span>
          <button type="button" className="button button--small" onClick={() => discussion.retry()}>
            Try again
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="banners">
      <div className={`banner banner--${refused ? 'error' : 'warning'}`} role="alert" data-testid="banner-discussion-stopped">
        <span>
          {refused
            ? 'Comments and suggestions from this device are not being saved: the server refused a change made here (for example a suggestion decided under a role you no longer have). Other people’s comments are not shown as they arrive either.'
            : 'Comments and suggestions are not reaching the server at the moment.'}
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
            {discarding ? 'Discarding…' : 'Discard this device’s unsaved comment changes'}
          </button>
        ) : (
          <button type="button" className="button button--small" onClick={() => discussion.retry()}>
            Try again
          </button>
        )}
      </div>
    </div>
  );
}
