/**
 * The margin beside a section's text on wide screens: each open thread and suggestion next to the words it
 * is about, the one being read aligned exactly, and the comment being written at its selection.
 */
import { useTranslation } from 'react-i18next';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { DraftComment } from './DraftComment.tsx';
import { layoutMargin } from './marginLayout.ts';
import { useReview } from './ReviewContext.tsx';
import { useReviewStore } from './reviewStore.ts';
import { SuggestionCard } from './SuggestionCard.tsx';
import { ThreadCard } from './ThreadCard.tsx';
import { useHandleTick } from './useHandleTick.ts';
import { useReviewItems } from './useSectionReview.ts';

function sameTops(a: Map<string, number>, b: Map<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (Math.abs((b.get(k) ?? -1e9) - v) > 0.5) return false;
  return true;
}

export function ReviewMargin({ sectionId, headingId }: { sectionId: string; headingId?: string }) {
  const { t } = useTranslation();
  const review = useReview()!;
  const { threads, suggestions } = useReviewItems(review, sectionId);
  const handle = useReviewStore((s) => s.editor);
  const activeThreadId = useReviewStore((s) => s.activeThreadId);
  const activeSuggestionId = useReviewStore((s) => s.activeSuggestionId);
  const draft = useReviewStore((s) => s.draft);
  const own = useReviewStore((s) => s.sectionEditors[sectionId]);
  const mine = handle?.sectionId === sectionId ? handle : (own ?? null);
  const tick = useHandleTick(mine);
  const containerRef = useRef<HTMLDivElement>(null);
  const cards = useRef(new Map<string, HTMLElement>());
  const [tops, setTops] = useState(new Map<string, number>());
  const [resized, setResized] = useState(0);

  const shownThreads = threads.filter((t) => t.thread.status === 'open' || t.thread.id === activeThreadId);
  const shownSuggestions = suggestions.filter((s) => s.suggestion.status === 'open');
  const showDraft = draft && draft.sectionId === sectionId ? draft : null;
  const keys = [
    ...(showDraft ? ['draft'] : []),
    ...shownThreads.map((t) => `thread:${t.thread.id}`),
    ...shownSuggestions.map((s) => `suggestion:${s.suggestion.id}`),
  ];
  const activeKey = showDraft ? 'draft' : activeThreadId ? `thread:${activeThreadId}` : activeSuggestionId ? `suggestion:${activeSuggestionId}` : null;

  useLayoutEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const origin = container.getBoundingClientRect().top;
    const anchors = mine?.anchorTops() ?? new Map<string, number>();
    const items = keys.map((key) => {
      const top = anchors.get(key);
      return { key, anchor: top === undefined ? null : top - origin, height: cards.current.get(key)?.offsetHeight ?? 80 };
    });
    const next = layoutMargin(items, activeKey);
    setTops((prev) => (sameTops(prev, next) ? prev : next));
  });

  // Cards grow and shrink (a reply being typed, a thread opened): lay out again.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const observer = new ResizeObserver(() => setResized((n) => n + 1));
    for (const el of container.querySelectorAll('.margin-card')) observer.observe(el);
    const handleResize = () => setResized((n) => n + 1);
    window.addEventListener('resize', handleResize);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', handleResize);
    };
  }, [keys.join('|')]); // eslint-disable-line react-hooks/exhaustive-deps

  void tick;
  void resized;
  let height = 0;
  for (const key of keys) height = Math.max(height, (tops.get(key) ?? 0) + (cards.current.get(key)?.offsetHeight ?? 0));

  const place = (key: string) => ({ top: tops.get(key) ?? 0, visibility: tops.has(key) ? ('visible' as const) : ('hidden' as const) });
  const ref = (key: string) => (el: HTMLElement | null) => {
    if (el) cards.current.set(key, el);
    else cards.current.delete(key);
  };

  return (
    // Several sections (the whole-report view): each margin's name ends with its section's title, so the
    // complementary landmarks differ.
    <aside
      className="review-margin"
      aria-label={headingId ? undefined : t('review.margin')}
      aria-labelledby={headingId ? `review-margin-${sectionId} ${headingId}` : undefined}
      ref={containerRef}
      style={{ minHeight: height }}
    >
      {headingId && (
        <span hidden id={`review-margin-${sectionId}`}>
          {t('review.margin')}
        </span>
      )}
      {keys.length === 0 && (
        <p className="review-margin__empty muted">
          {review.canComment ? t('review.selectToComment') : t('review.noComments')}
        </p>
      )}
      {showDraft && (
        <div className="margin-card" ref={ref('draft')} style={place('draft')}>
          <DraftComment draft={showDraft} />
        </div>
      )}
      {shownThreads.map((t) => (
        <div key={t.thread.id} className="margin-card" ref={ref(`thread:${t.thread.id}`)} style={place(`thread:${t.thread.id}`)}>
          <ThreadCard thread={t.thread} anchored={t.anchored} active={t.thread.id === activeThreadId} />
        </div>
      ))}
      {shownSuggestions.map((s) => (
        <div key={s.suggestion.id} className="margin-card" ref={ref(`suggestion:${s.suggestion.id}`)} style={place(`suggestion:${s.suggestion.id}`)}>
          <SuggestionCard suggestion={s.suggestion} state={s.state} active={s.suggestion.id === activeSuggestionId} />
        </div>
      ))}
    </aside>
  );
}
