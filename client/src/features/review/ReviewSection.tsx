/**
 * Review around one section's editor: the review bar (comment, suggesting mode, counts), the bridge the
 * editor's review extension reads, the comment button on a selection, and the margin of threads beside the
 * text (on wide screens; narrow ones list them in the review panel).
 */
import { useCallback, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/i18n.ts';
import type { ReviewBridge } from '../../editor/review/ReviewExtension.ts';
import type { EditorHandle } from '../../editor/review/editorHandle.ts';
import { useToastStore } from '../../stores/toastStore.ts';
import { CommentButton } from './CommentButton.tsx';
import { ReviewBar } from './ReviewBar.tsx';
import { STRUCTURE_REFUSALS } from './structureRefusals.ts';
import { SuggestTools } from './SuggestTools.tsx';
import { structureLabel } from '../../editor/review/structureLabel.ts';
import { getSuggestion, listThreads } from '../../../../shared/discussion/layout.ts';
import { useReview, type ReviewContextValue } from './ReviewContext.tsx';
import { relativeTime } from './timeText.ts';
import { ReviewMargin } from './ReviewMargin.tsx';
import { useReviewStore } from './reviewStore.ts';
import { useWideLayout } from './useWideLayout.ts';
import { useDiscussionSnapshot } from './useDiscussion.ts';

export interface EditorReviewProps {
  editable: boolean;
  showToolbar: boolean;
  review?: ReviewBridge;
  onHandle?: (handle: EditorHandle | null) => void;
  overlay?: ReactNode;
}

/** Message keys of why an edit could not become a suggestion. */
const REFUSALS = {
  'line-break': 'reviewUi.refusal.lineBreak',
  ...STRUCTURE_REFUSALS,
  'no-text': 'reviewUi.refusal.noText',
  'no-account': 'reviewUi.refusal.noAccount',
} as const;

export function ReviewSection({
  sectionId,
  fragment,
  canEdit,
  children,
  headingId,
}: {
  sectionId: string;
  fragment: Y.XmlFragment;
  /** The section title's element, naming its margin where several sections show at once. */
  headingId?: string;
  /** Whether the text may be changed, as the page decides it (role, sync state). */
  canEdit: boolean;
  children: (props: EditorReviewProps) => ReactNode;
}) {
  const { t } = useTranslation();
  const review = useReview();
  const wide = useWideLayout();
  const suggestingSwitch = useReviewStore((s) => s.suggesting);
  const activeThreadId = useReviewStore((s) => s.activeThreadId);
  const activeSuggestionId = useReviewStore((s) => s.activeSuggestionId);
  const draft = useReviewStore((s) => s.draft);
  const setEditor = useReviewStore((s) => s.setEditor);
  const handle = useReviewStore((s) => s.editor);
  const session = review?.session;
  const subscribeSession = useCallback((l: () => void) => (session ? session.subscribe(l) : () => undefined), [session]);
  // The session's own verdict (loaded, schema checked, not closed read-only), before roles.
  const sessionCanEdit = useSyncExternalStore(subscribeSession, () => session?.getSnapshot().textReady ?? false);

  const bridge = useMemo<ReviewBridge | null>(
    () =>
      review
        ? {
            sectionId,
            content: review.session.doc,
            fragment,
            discussion: review.discussion.doc,
            me: null,
            writable: false,
            suggesting: false,
            canAccept: false,
            activeThreadId: null,
            activeSuggestionId: null,
            draft: null,
            onActivate: () => undefined,
            onCommentShortcut: () => undefined,
            onRefused: () => undefined,
          }
        : null,
    // One bridge per editor: the extension holds on to it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [sectionId, fragment, review?.discussion],
  );

  const suggesting = !!review && review.canComment && sessionCanEdit && (review.suggestOnly || (suggestingSwitch && review.canWriteContent));
  const editable = suggesting || canEdit;

  if (bridge && review) {
    // Read by the editor when it needs them; written on every render so they are never stale.
    bridge.me = review.me;
    bridge.writable = canEdit && !suggesting;
    bridge.suggesting = suggesting;
    bridge.canAccept = canEdit && review.canDecide;
    bridge.activeThreadId = activeThreadId;
    bridge.activeSuggestionId = activeSuggestionId;
    bridge.draft = draft && draft.sectionId === sectionId ? { start: draft.start, end: draft.end } : null;
    bridge.onActivate = (target, byPointer) => {
      const store = useReviewStore.getState();
      if ('threadId' in target) store.activateThread(target.threadId);
      else store.activateSuggestion(target.suggestionId);
      // The caret moved into a highlight: say what is there (the card beside it may be off screen).
      if (!byPointer) {
        const label = describeTarget(review, target);
        if (label) store.announce(label);
      }
      if (byPointer && !window.matchMedia('(min-width: 1100px)').matches) store.openPanel('suggestionId' in target ? 'suggestions' : 'comments');
    };
    bridge.onCommentShortcut = () => {
      const h = useReviewStore.getState().editor;
      if (!review.canComment || !h) return;
      const d = h.draftFromSelection();
      if (d) {
        // Out of the text at once: what is typed next belongs to the comment box (focused when it shows).
        (document.activeElement as HTMLElement | null)?.blur();
        useReviewStore.getState().setDraft(d);
      } else useReviewStore.getState().announce(i18n.t('reviewUi.section.selectToComment'));
    };
    bridge.onRefused = (reason) => useToastStore.getState().show({ message: i18n.t(REFUSALS[reason]) }, 5000);
  }

  // Redraw highlights when what they show changes (the discussion itself: see RefreshOnDiscussion).
  useEffect(() => {
    if (handle && handle.sectionId === sectionId) handle.refresh();
  }, [handle, sectionId, activeThreadId, activeSuggestionId, draft, suggesting]);

  const reveal = useReviewStore((s) => s.reveal);
  useEffect(() => {
    if (!reveal || !handle || handle.sectionId !== sectionId) return;
    // After the decorations of a just-opened section exist.
    const timer = setTimeout(() => {
      handle.reveal(reveal);
      useReviewStore.getState().requestReveal(null);
    }, 50);
    return () => clearTimeout(timer);
  }, [reveal, handle, sectionId]);

  // A comment started here and not sent is dropped when the section closes (its anchor is in this text).
  useEffect(
    () => () => {
      const store = useReviewStore.getState();
      if (store.draft?.sectionId === sectionId) store.setDraft(null);
    },
    [sectionId],
  );

  const onHandle = useCallback((h: EditorHandle | null) => {
    const store = useReviewStore.getState();
    if (h) store.setEditor(h);
    else if (store.editor?.sectionId === sectionId) setEditor(null);
  }, [sectionId, setEditor]);

  // The review context exists from the report page's first effect on. Until then the editor waits: made
  // without the review extension it would never get it (it is not re-created for new props), and for a
  // reviewer that extension is what keeps the text from being written.
  if (!review || !bridge) {
    return (
      <div className="editor editor--loading" aria-busy="true">
        {t('reviewUi.section.loadingEditor')}
      </div>
    );
  }

  const editor = children({
    editable,
    showToolbar: canEdit && !suggesting,
    review: bridge,
    onHandle,
    overlay: review.canComment ? <CommentButton sectionId={sectionId} /> : null,
  });

  return (
    <div className={`review-section${wide ? ' review-section--wide' : ''}`}>
      <RefreshOnDiscussion sectionId={sectionId} />
      <ReviewBar sectionId={sectionId} suggesting={suggesting} />
      {suggesting && <SuggestTools sectionId={sectionId} />}
      <div className="review-section__body">
        <div className="review-section__text">{editor}</div>
        {wide && <ReviewMargin sectionId={sectionId} headingId={headingId} />}
      </div>
    </div>
  );
}

/** Redraws the editor's highlights when the discussion changes, without re-rendering the editor's parent. */
function RefreshOnDiscussion({ sectionId }: { sectionId: string }) {
  const review = useReview()!;
  const { revision } = useDiscussionSnapshot(review.discussion);
  const handle = useReviewStore((s) => s.editor);
  useEffect(() => {
    if (handle && handle.sectionId === sectionId) handle.refresh();
  }, [handle, sectionId, revision]);
  return null;
}

function describeTarget(review: ReviewContextValue, target: { threadId: string } | { suggestionId: string }): string | null {
  if ('suggestionId' in target) {
    const s = getSuggestion(review.discussion.doc, target.suggestionId);
    if (!s || s.authorId === review.me?.id) return null;
    const kind = s.change.kind !== 'text' ? 'structure' : !s.originalText ? 'insert' : !s.insertText ? 'delete' : 'replace';
    return i18n.t('reviewUi.section.suggests', {
      name: s.authorName,
      kind,
      label: s.change.kind !== 'text' ? structureLabel(s.change).toLowerCase() : '',
      original: s.originalText,
      inserted: s.insertText,
      time: relativeTime(s.createdAt),
    });
  }
  const thread = listThreads(review.discussion.doc).find((x) => x.id === target.threadId);
  const first = thread?.comments.find((c) => !c.deleted);
  return thread && first ? i18n.t('reviewUi.section.commentBy', { name: first.authorName, body: first.body }) : null;
}
