/**
 * The review panel (a drawer on the right): every thread of the report, filterable by status, section and
 * author, with "Needs my attention" (here and across reports); the suggestions; and the versions.
 */
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import { threadsNeedingAttention } from '../../../../shared/discussion/layout.ts';
import { handleLinkClick } from '../../app/router.ts';
import { reportPath } from '../../app/routes.ts';
import { useReportUiStore } from '../../stores/reportUiStore.ts';
import { useToastStore } from '../../stores/toastStore.ts';
import { Icon } from '../../ui/Icon.tsx';
import { useOutline } from '../outline/useOutline.ts';
import { acceptAll, decideAllMessage, rejectAll } from './decideAll.ts';
import { DISCUSSION_ORIGIN } from './DiscussionSession.ts';
import { useReview } from './ReviewContext.tsx';
import { fetchAttention, type AttentionThread } from './reviewApi.ts';
import { useReviewStore, type ReviewPanelTab } from './reviewStore.ts';
import { SuggestionCard } from './SuggestionCard.tsx';
import { ThreadCard } from './ThreadCard.tsx';
import { useReviewItems } from './useSectionReview.ts';
import { useWideLayout } from './useWideLayout.ts';

const VersionsPanel = lazy(() => import('./VersionsPanel.tsx'));

const TABS: { id: ReviewPanelTab; label: string }[] = [
  { id: 'comments', label: 'Comments' },
  { id: 'suggestions', label: 'Suggestions' },
  { id: 'versions', label: 'Versions' },
];

export function ReviewPanel() {
  const review = useReview();
  const tab = useReviewStore((s) => s.panel);
  const openPanel = useReviewStore((s) => s.openPanel);
  const ref = useRef<HTMLElement>(null);
  const titleId = useId();

  const isOpen = tab !== null;
  useEffect(() => {
    if (!isOpen) return;
    const panel = ref.current;
    panel?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
    return () => {
      // Closing with focus inside: back to the button that opens it, not lost on the page.
      if (panel && (panel.contains(document.activeElement) || document.activeElement === document.body)) {
        document.querySelector<HTMLElement>('[data-testid="review-toggle"]')?.focus();
      }
    };
  }, [isOpen]);

  useEffect(() => {
    if (!tab) return;
    const handleKey = (e: KeyboardEvent) => {
      // A dialog opened from the panel (a version, a comparison) closes first, on its own.
      if (e.key !== 'Escape' || e.defaultPrevented || document.querySelector('dialog[open]')) return;
      if (ref.current?.contains(document.activeElement)) openPanel(null);
    };
    document.addEventListener('keydown', handleKey);
    return () => document.removeEventListener('keydown', handleKey);
  }, [tab, openPanel]);

  if (!review || !tab) return null;
  return (
    <aside className="review-panel" ref={ref} aria-labelledby={titleId} data-testid="review-panel">
      <div className="review-panel__head">
        <h2 id={titleId} className="review-panel__title">
          Review
        </h2>
        <button type="button" className="icon-button" aria-label="Close review panel" onClick={() => openPanel(null)}>
          <Icon name="close" />
        </button>
      </div>
      <div className="tabs" role="tablist" aria-label="Review">
        {TABS.map((t, i) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`review-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`review-tabpanel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            className="tabs__tab"
            onClick={() => openPanel(t.id)}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
              const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
              openPanel(next.id);
              requestAnimationFrame(() => document.getElementById(`review-tab-${next.id}`)?.focus());
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="review-panel__body" role="tabpanel" id={`review-tabpanel-${tab}`} aria-labelledby={`review-tab-${tab}`}>
        {tab === 'comments' && <CommentsTab />}
        {tab === 'suggestions' && <SuggestionsTab />}
        {tab === 'versions' && (
          <Suspense fallback={<p className="muted">Loading versions…</p>}>
            <VersionsPanel />
          </Suspense>
        )}
      </div>
    </aside>
  );
}

function useGoTo() {
  const selectSection = useReportUiStore((s) => s.selectSection);
  const openPanel = useReviewStore((s) => s.openPanel);
  const requestReveal = useReviewStore((s) => s.requestReveal);
  const wide = useWideLayout();
  return (sectionId: string, key: string) => {
    selectSection(sectionId);
    requestReveal(key);
    if (!wide) openPanel(null);
  };
}

function CommentsTab() {
  const review = useReview()!;
  const sections = useOutline(review.session.doc);
  const { threads } = useReviewItems(review, null);
  const filters = useReviewStore((s) => s.filters);
  const setFilters = useReviewStore((s) => s.setFilters);
  const activeThreadId = useReviewStore((s) => s.activeThreadId);
  const activateThread = useReviewStore((s) => s.activateThread);
  const goTo = useGoTo();
  const ids = { status: useId(), section: useId(), author: useId() };
  const titles = useMemo(() => new Map(sections.map((s) => [s.id, s.title.trim() || 'Untitled section'])), [sections]);
  const authors = useMemo(() => [...new Map(threads.map((t) => [t.thread.authorId, t.thread.authorName])).entries()].sort((a, b) => a[1].localeCompare(b[1])), [threads]);
  const me = review.me;
  const attentionIds = useMemo(
    () => new Set(me ? threadsNeedingAttention(review.discussion.doc, me.id).map((t) => t.id) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [threads, me?.id],
  );

  const shown = threads.filter(({ thread: t }) => {
    if (filters.attention) return attentionIds.has(t.id);
    if (filters.status !== 'all' && t.status !== filters.status) return false;
    if (filters.sectionId !== 'all' && t.sectionId !== filters.sectionId) return false;
    if (filters.authorId !== 'all' && t.authorId !== filters.authorId && !t.comments.some((c) => c.authorId === filters.authorId)) return false;
    return true;
  });

  return (
    <div className="review-tab">
      {me && (
        <label className={`attention-toggle${attentionIds.size > 0 ? ' attention-toggle--some' : ''}`}>
          <input type="checkbox" checked={filters.attention} onChange={(e) => setFilters({ attention: e.target.checked })} />
          <span>
            Needs my attention <span className="attention-toggle__count">{attentionIds.size}</span>
          </span>
        </label>
      )}
      {!filters.attention && (
        <div className="filters">
          <div className="filters__field">
            <label htmlFor={ids.status}>Status</label>
            <select id={ids.status} className="input select filters__select" value={filters.status} onChange={(e) => setFilters({ status: e.target.value as 'open' | 'resolved' | 'all' })}>
              <option value="open">Open</option>
              <option value="resolved">Resolved</option>
              <option value="all">All</option>
            </select>
          </div>
          <div className="filters__field">
            <label htmlFor={ids.section}>Section</label>
            <select id={ids.section} className="input select filters__select" value={filters.sectionId} onChange={(e) => setFilters({ sectionId: e.target.value })}>
              <option value="all">All sections</option>
              {sections.map((s) => (
                <option key={s.id} value={s.id}>
                  {titles.get(s.id)}
                </option>
              ))}
            </select>
          </div>
          <div className="filters__field">
            <label htmlFor={ids.author}>Person</label>
            <select id={ids.author} className="input select filters__select" value={filters.authorId} onChange={(e) => setFilters({ authorId: e.target.value })}>
              <option value="all">Everyone</option>
              {authors.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      <p className="review-tab__count muted" aria-live="polite">
        {shown.length} {shown.length === 1 ? 'thread' : 'threads'}
      </p>
      <div className="review-list" data-testid="thread-list">
        {shown.map(({ thread, anchored }) => (
          <ThreadCard
            key={thread.id}
            thread={thread}
            anchored={anchored}
            active={thread.id === activeThreadId}
            sectionTitle={titles.get(thread.sectionId) ?? 'Deleted section'}
            onShowInText={() => {
              activateThread(thread.id);
              goTo(thread.sectionId, `thread:${thread.id}`);
            }}
          />
        ))}
        {shown.length === 0 && <p className="review-list__empty muted">{filters.attention ? 'Nothing needs your attention in this report.' : 'No threads match these filters.'}</p>}
      </div>
      {filters.attention && <OtherReportsAttention reportId={review.reportId} />}
    </div>
  );
}

/** Threads that mention me, unanswered, in my other reports (from the server). */
function OtherReportsAttention({ reportId }: { reportId: string }) {
  const [threads, setThreads] = useState<AttentionThread[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    fetchAttention().then(
      (t) => live && setThreads(t.filter((x) => x.reportId !== reportId)),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [reportId]);
  return (
    <section className="other-attention" aria-label="In your other reports">
      <h3 className="other-attention__title">In your other reports</h3>
      {failed && <p className="muted">Available when you are online.</p>}
      {!failed && threads === null && <p className="muted">Loading…</p>}
      {threads?.length === 0 && <p className="muted">Nothing waiting for you elsewhere.</p>}
      <ul className="other-attention__list">
        {threads?.map((t) => {
          const last = [...t.comments].reverse().find((c) => !c.deleted);
          return (
            <li key={t.id}>
              <a href={reportPath(t.reportId)} onClick={handleLinkClick} className="other-attention__link">
                <span className="other-attention__report">{t.reportTitle}</span>
                <span className="other-attention__where">{t.sectionTitle ?? 'Deleted section'}</span>
                <span className="other-attention__quote">“{t.quote}”</span>
                {last && (
                  <span className="other-attention__comment">
                    {last.authorName}: {last.body}
                  </span>
                )}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function SuggestionsTab() {
  const review = useReview()!;
  const sections = useOutline(review.session.doc);
  const { suggestions } = useReviewItems(review, null);
  const [status, setStatus] = useState<'open' | 'decided'>('open');
  const activeSuggestionId = useReviewStore((s) => s.activeSuggestionId);
  const activateSuggestion = useReviewStore((s) => s.activateSuggestion);
  const goTo = useGoTo();
  const statusId = useId();
  const titles = new Map(sections.map((s) => [s.id, s.title.trim() || 'Untitled section']));
  const order = new Map(sections.map((s, i) => [s.id, i]));
  const announce = useReviewStore((s) => s.announce);
  const showToast = useToastStore((s) => s.show);
  const openOnes = suggestions.filter((s) => s.suggestion.status === 'open').map((s) => s.suggestion);
  const canDecideAll = review.canDecide && review.canWriteContent && !!review.me && openOnes.length > 0;
  const decideAll = (verb: 'accepted' | 'rejected') => {
    if (!review.me) return;
    const result =
      verb === 'accepted'
        ? acceptAll(review.session.doc, review.discussion.doc, review.me, openOnes, DISCUSSION_ORIGIN)
        : rejectAll(review.discussion.doc, review.me, openOnes, DISCUSSION_ORIGIN);
    const message = decideAllMessage(verb, result.decided.length, result.needsDecision.length);
    announce(message);
    const toastMs = 12_000;
    showToast({ message, action: result.decided.length > 0 ? { label: 'Undo', run: () => result.undo() } : undefined }, toastMs);
    setTimeout(() => result.dispose(), toastMs + 1000);
  };
  const shown = suggestions
    .filter((s) => (status === 'open' ? s.suggestion.status === 'open' : s.suggestion.status !== 'open'))
    .sort((a, b) => (order.get(a.suggestion.sectionId) ?? 1e9) - (order.get(b.suggestion.sectionId) ?? 1e9) || (a.state?.start ?? 0) - (b.state?.start ?? 0));
  return (
    <div className="review-tab">
      <div className="filters">
        <div className="filters__field">
          <label htmlFor={statusId}>Show</label>
          <select id={statusId} className="input select filters__select" value={status} onChange={(e) => setStatus(e.target.value as 'open' | 'decided')}>
            <option value="open">Open</option>
            <option value="decided">Accepted and rejected</option>
          </select>
        </div>
      </div>
      <p className="review-tab__count muted" aria-live="polite">
        {shown.length} {shown.length === 1 ? 'suggestion' : 'suggestions'}
      </p>
      {canDecideAll && status === 'open' && (
        <div className="review-tab__actions" role="group" aria-label="Every open suggestion in the report">
          <button type="button" className="button button--small" onClick={() => decideAll('accepted')}>
            Accept all in the report
          </button>
          <button type="button" className="button button--small button--ghost" onClick={() => decideAll('rejected')}>
            Reject all in the report
          </button>
        </div>
      )}
      <div className="review-list">
        {shown.map(({ suggestion, state }) => (
          <SuggestionCard
            key={suggestion.id}
            suggestion={suggestion}
            state={state}
            active={suggestion.id === activeSuggestionId}
            sectionTitle={titles.get(suggestion.sectionId) ?? 'Deleted section'}
            onGoToSection={() => {
              activateSuggestion(suggestion.id);
              goTo(suggestion.sectionId, `suggestion:${suggestion.id}`);
            }}
          />
        ))}
        {shown.length === 0 && <p className="review-list__empty muted">{status === 'open' ? 'No suggestions waiting.' : 'No decided suggestions yet.'}</p>}
      </div>
    </div>
  );
}
