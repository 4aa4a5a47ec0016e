/** A "Comment" button beside a text selection (or Ctrl+Alt+M): starts a comment anchored to it. */
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReviewStore } from './reviewStore.ts';
import { useHandleTick } from './useHandleTick.ts';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const COMMENT_SHORTCUT = isMac ? '⌘⌥M' : 'Ctrl+Alt+M';

export function CommentButton({ sectionId }: { sectionId: string }) {
  const { t } = useTranslation();
  const handle = useReviewStore((s) => s.editor);
  const setDraft = useReviewStore((s) => s.setDraft);
  const draft = useReviewStore((s) => s.draft);
  const tick = useHandleTick(handle);
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ top: number; left: number } | null>(null);
  const mine = handle && handle.sectionId === sectionId ? handle : null;

  useLayoutEffect(() => {
    const box = mine?.selectionBox();
    const host = ref.current?.getBoundingClientRect();
    if (!box || !host || draft) {
      setPos(null);
      return;
    }
    const narrow = host.width < 560;
    const top = narrow ? box.bottom - host.top + 8 : box.top - host.top - 44;
    const left = Math.min(Math.max(8, (narrow ? box.left : box.right) - host.left - (narrow ? 0 : 60)), host.width - 130);
    setPos((p) => (p && p.top === top && p.left === left ? p : { top: Math.max(4, top), left }));
  }, [mine, tick, draft]);

  return (
    <div ref={ref} className="rd-overlay" aria-hidden={pos ? undefined : true}>
      {pos && mine && (
        <button
          type="button"
          className="button button--small comment-bubble"
          style={{ top: pos.top, left: pos.left }}
          title={t('reviewUi.commentButton.title', { shortcut: COMMENT_SHORTCUT })}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            const d = mine.draftFromSelection();
            if (d) setDraft(d);
          }}
        >
          <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
            <path d="M5 5h14v10H10l-4 4v-4H5z" />
          </svg>
          {t('review.comment')}
        </button>
      )}
    </div>
  );
}
