/**
 * One comment thread: the quoted text (or a note that it was deleted), the comments, and for people who may
 * comment: reply, edit or delete their own, resolve and reopen. Collapsed until active.
 */
import { useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteComment, editComment, reply, setThreadStatus, type CommentInfo, type ThreadInfo } from '../../../../shared/discussion/layout.ts';
import { Avatar } from '../../ui/Avatar.tsx';
import { CommentComposer } from './CommentComposer.tsx';
import { DISCUSSION_ORIGIN } from './DiscussionSession.ts';
import { splitMentions } from './mentions.ts';
import { useReview } from './ReviewContext.tsx';
import { useReviewStore } from './reviewStore.ts';
import { colorFor } from './colors.ts';
import { fullTime, relativeTime } from './timeText.ts';

export interface AnchoredState {
  detached: boolean;
  text: string;
}

function CommentBody({ body, names }: { body: string; names: string[] }) {
  return (
    <p className="comment__body">
      {splitMentions(body, names).map((part, i) =>
        part.mention ? (
          <span key={i} className="mention">
            {part.text}
          </span>
        ) : (
          part.text
        ),
      )}
    </p>
  );
}

function Comment({ thread, comment, canEdit }: { thread: ThreadInfo; comment: CommentInfo; canEdit: boolean }) {
  const { t } = useTranslation();
  const review = useReview();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  if (!review) return null;
  const { discussion, me, members } = review;
  const names = members.map((m) => m.name);
  return (
    <li className={`comment${comment.deleted ? ' comment--deleted' : ''}`} data-testid="comment">
      <div className="comment__head">
        <Avatar name={comment.authorName} color={colorFor(comment.authorId)} size="sm" label="" />
        <span className="comment__author">{comment.authorName}</span>
        <time className="comment__time" dateTime={comment.createdAt} title={fullTime(comment.createdAt)}>
          {relativeTime(comment.createdAt)}
        </time>
        {comment.editedAt && !comment.deleted && <span className="comment__edited">{t('reviewUi.thread.edited')}</span>}
      </div>
      {comment.deleted ? (
        <p className="comment__body muted">{t('reviewUi.thread.commentDeleted')}</p>
      ) : editing && me ? (
        <CommentComposer
          members={members}
          label={t('reviewUi.thread.editLabel')}
          submitLabel={t('reviewUi.thread.save')}
          initial={comment.body}
          autoFocus
          onCancel={() => setEditing(false)}
          onSubmit={(body, mentions) => {
            editComment(discussion.doc, thread.id, comment.id, me, body, mentions, DISCUSSION_ORIGIN);
            setEditing(false);
          }}
        />
      ) : (
        <CommentBody body={comment.body} names={names} />
      )}
      {canEdit && me && comment.authorId === me.id && !comment.deleted && !editing && (
        <div className="comment__actions">
          {confirming ? (
            <>
              <span className="comment__confirm">{t('reviewUi.thread.deleteConfirm')}</span>
              <button type="button" className="link-button link-button--danger" onClick={() => deleteComment(discussion.doc, thread.id, comment.id, me, DISCUSSION_ORIGIN)}>
                {t('reviewUi.thread.delete')}
              </button>
              <button type="button" className="link-button" onClick={() => setConfirming(false)}>
                {t('reviewUi.thread.keep')}
              </button>
            </>
          ) : (
            <>
              <button type="button" className="link-button" onClick={() => setEditing(true)}>
                {t('reviewUi.thread.edit')}
              </button>
              <button type="button" className="link-button" onClick={() => setConfirming(true)}>
                {t('reviewUi.thread.delete')}
              </button>
            </>
          )}
        </div>
      )}
    </li>
  );
}

export function ThreadCard({
  thread,
  anchored,
  active,
  sectionTitle,
  onShowInText,
}: {
  thread: ThreadInfo;
  anchored: AnchoredState;
  active: boolean;
  /** Shown in lists that span sections. */
  sectionTitle?: string;
  onShowInText?: () => void;
}) {
  const { t } = useTranslation();
  const review = useReview();
  const activateThread = useReviewStore((s) => s.activateThread);
  const announce = useReviewStore((s) => s.announce);
  if (!review) return null;
  const { discussion, me, canComment, members } = review;
  const resolved = thread.status === 'resolved';
  const [first, ...replies] = thread.comments;
  const quote = thread.quote.length > 140 ? thread.quote.slice(0, 137) + '…' : thread.quote;

  const activate = (e: MouseEvent | KeyboardEvent) => {
    if ((e.target as HTMLElement).closest('button, a, textarea, input, select, [role="option"]')) return;
    if (!active) activateThread(thread.id);
  };

  return (
    <article
      className={`thread${active ? ' thread--active' : ''}${resolved ? ' thread--resolved' : ''}${anchored.detached ? ' thread--detached' : ''}`}
      data-testid="thread"
      data-thread-id={thread.id}
      aria-label={t('reviewUi.thread.label', { name: thread.authorName, quote })}
      tabIndex={active ? -1 : 0}
      onClick={activate}
      onKeyDown={(e) => {
        if ((e.key === 'Enter' || e.key === ' ') && e.target === e.currentTarget) {
          e.preventDefault();
          activate(e);
        }
      }}
    >
      {(sectionTitle || resolved) && (
        <div className="thread__meta">
          {sectionTitle && <span className="thread__section">{sectionTitle}</span>}
          {resolved && <span className="badge badge--resolved">{t('reviewUi.thread.resolved')}</span>}
        </div>
      )}
      {anchored.detached ? (
        <div className="thread__quote thread__quote--detached" data-testid="thread-detached">
          <span className="thread__detached-note">{t('reviewUi.thread.detached')}</span>
          <q>{quote}</q>
        </div>
      ) : (
        <q className="thread__quote">{quote}</q>
      )}
      <ol className="thread__comments">
        {first && <Comment thread={thread} comment={first} canEdit={canComment} />}
        {active ? (
          replies.map((c) => <Comment key={c.id} thread={thread} comment={c} canEdit={canComment} />)
        ) : replies.length > 0 ? (
          <li className="thread__more muted">
            {t('reviewUi.thread.replyCount', { count: replies.length })}
          </li>
        ) : null}
      </ol>
      {active && (
        <div className="thread__footer">
          {canComment && me && !resolved && (
            <CommentComposer
              members={members}
              label={t('reviewUi.thread.reply')}
              submitLabel={t('reviewUi.thread.reply')}
              onSubmit={(body, mentions) => {
                reply(discussion.doc, thread.id, me, body, mentions, DISCUSSION_ORIGIN);
                announce(t('reviewUi.thread.replyAdded'));
              }}
            />
          )}
          <div className="thread__actions">
            {onShowInText && !anchored.detached && (
              <button type="button" className="button button--small button--ghost" onClick={onShowInText}>
                {t('reviewUi.thread.showInText')}
              </button>
            )}
            {canComment && me && (
              <button
                type="button"
                className="button button--small"
                onClick={() => {
                  setThreadStatus(discussion.doc, thread.id, resolved ? 'open' : 'resolved', me, DISCUSSION_ORIGIN);
                  announce(resolved ? t('reviewUi.thread.reopened') : t('reviewUi.thread.resolvedAnnounce'));
                  if (!resolved) activateThread(null);
                }}
              >
                {resolved ? t('reviewUi.thread.reopen') : t('reviewUi.thread.resolve')}
              </button>
            )}
          </div>
        </div>
      )}
    </article>
  );
}
