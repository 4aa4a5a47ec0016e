/**
 * The review panel (a drawer on the right): every thread of the report, filterable by status, section and
 * author, with "Needs my attention" (here and across reports); the suggestions; and the versions.
 */
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
// An end-to-end encrypted report's versions are sealed and opened in the browser.
const EncryptedVersionsPanel = lazy(() => import('../encryptedVersions/EncryptedVersionsPanel.tsx'));

/** `label` is a message key. */
const TABS: { id: ReviewPanelTab; label: string }[] = [
  { id: 'comments', label: 'reviewUi.panel.tabComments' },
  { id: 'suggestions', label: 'reviewUi.panel.tabSuggestions' },
  { id: 'versions', label: 'reviewUi.panel.tabVersions' },
];

export function ReviewPanel() {
  const { t } = useTranslation();
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
          {t('review.label')}
        </h2>
        <button type="button" className="icon-button" aria-label={t('reviewUi.panel.close')} onClick={() => openPanel(null)}>
          <Icon name="close" />
        </button>
      </div>
      <div className="tabs" role="tablist" aria-label={t('review.label')}>
        {TABS.map((tab_, i) => (
          <button
            key={tab_.id}
            type="button"
            role="tab"
            id={`review-tab-${tab_.id}`}
            aria-selected={tab === tab_.id}
            aria-controls={`review-tabpanel-${tab_.id}`}
            tabIndex={tab === tab_.id ? 0 : -1}
            className="tabs__tab"
            onClick={() => openPanel(tab_.id)}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
              const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
              openPanel(next.id);
              requestAnimationFrame(() => document.getElementById(`review-tab-${next.id}`)?.focus());
            }}
          >
            {t(tab_.label)}
          </button>
        ))}
      </div>
      <div className="review-panel__body" role="tabpanel" id={`review-tabpanel-${tab}`} aria-labelledby={`review-tab-${tab}`}>
        {tab === 'comments' && <CommentsTab />}
        {tab === 'suggestions' && <SuggestionsTab />}
        {tab === 'versions' && (
          <Suspense fallback={<p className="muted">{t('reviewUi.versions.loading')}</p>}>
            {review.session.transport.encrypted ? <EncryptedVersionsPanel /> : <VersionsPanel />}
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
  const { t } = useTranslation();
  const review = useReview()!;
  const sections = useOutline(review.session.doc);
  const { threads } = useReviewItems(review, null);
  const filters = useReviewStore((s) => s.filters);
  const setFilters = useReviewStore((s) => s.setFilters);
  const activeThreadId = useReviewStore((s) => s.activeThreadId);
  const activateThread = useReviewStore((s) => s.activateThread);
  const goTo = useGoTo();
  const ids = { status: useId(), section: useId(), author: useId() };
  const titles = useMemo(() => new Map(sections.map((s) => [s.id, s.title.trim() || t('outline.untitled')])), [sections, t]);
  const authors = useMemo(() => [...new Map(threads.map((x) => [x.thread.authorId, x.thread.authorName])).entries()].sort((a, b) => a[1].localeCompare(b[1])), [threads]);
  const me = review.me;
  const attentionIds = useMemo(
    () => new Set(me ? threadsNeedingAttention(review.discussion.doc, me.id).map((x) => x.id) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [threads, me?.id],
  );

  const shown = threads.filter(({ thread: th }) => {
    if (filters.attention) return attentionIds.has(th.id);
    if (filters.status !== 'all' && th.status !== filters.status) return false;
    if (filters.sectionId !== 'all' && th.sectionId !== filters.sectionId) return false;
    if (filters.authorId !== 'all' && th.authorId !== filters.authorId && !th.comments.some((c) => c.authorId === filters.authorId)) return false;
    return true;
  });

  return (
    <div className="review-tab">
      {me && (
        <label className={`attention-toggle${attentionIds.size > 0 ? ' attention-toggle--some' : ''}`}>
          <input type="checkbox" checked={filters.attention} onChange={(e) => setFilters({ attention: e.target.checked })} />
          <span>
            {t('reviewUi.panel.needsMyAttention')} <span className="attention-toggle__count">{attentionIds.size}</span>
          </span>
        </label>
      )}
      {!filters.attention && (
        <div className="filters">
          <div className="filters__field">
            <label htmlFor={ids.status}>{t('reviewUi.panel.status')}</label>
            <select id={ids.status} className="input select filters__select" value={filters.status} onChange={(e) => setFilters({ status: e.target.value as 'open' | 'resolved' | 'all' })}>
              <option value="open">{t('reviewUi.panel.statusOpen')}</option>
              <option value="resolved">{t('reviewUi.panel.statusResolved')}</option>
              <option value="all">{t('reviewUi.panel.statusAll')}</option>
            </select>
          </div>
          <div className="filters__field">
            <label htmlFor={ids.section}>{t('reviewUi.panel.section')}</label>
            <select id={ids.section} className="input select filters__select" value={filters.sectionId} onChange={(e) => setFilters({ sectionId: e.target.value })}>
              <option value="all">{t('reviewUi.panel.allSections')}</option>
              {sections.map((s) => (
                <option key={s.id} value={s.id}>
                  {titles.get(s.id)}
                </option>
              ))}
            </select>
          </div>
          <div className="filters__field">
            <label htmlFor={ids.author}>{t('reviewUi.panel.person')}</label>
            <select id={ids.author} className="input select filters__select" value={filters.authorId} onChange={(e) => setFilters({ authorId: e.target.value })}>
              <option value="all">{t('reviewUi.panel.everyone')}</option>
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
        {t('reviewUi.panel.threadCount', { count: shown.length })}
      </p>
      <div className="review-list" data-testid="thread-list">
        {shown.map(({ thread, anchored }) => (
          <ThreadCard
            key={thread.id}
            thread={thread}
            anchored={anchored}
            active={thread.id === activeThreadId}
            sectionTitle={titles.get(thread.sectionId) ?? t('reviewUi.panel.deletedSection')}
            onShowInText={() => {
              activateThread(thread.id);
              goTo(thread.sectionId, `thread:${thread.id}`);
            }}
          />
        ))}
        {shown.length === 0 && <p className="review-list__empty muted">{filters.attention ? t('reviewUi.panel.nothingNeedsAttention') : t('reviewUi.panel.noThreadsMatch')}</p>}
      </div>
      {filters.attention && <OtherReportsAttention reportId={review.reportId} />}
    </div>
  );
}

/** Threads that mention me, unanswered, in my other reports (from the server). */
function OtherReportsAttention({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const [threads, setThreads] = useState<AttentionThread[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    fetchAttention().then(
      (all) => live && setThreads(all.filter((x) => x.reportId !== reportId)),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [reportId]);
  return (
    <section className="other-attention" aria-label={t('reviewUi.panel.otherReports')}>
      <h3 className="other-attention__title">{t('reviewUi.panel.otherReports')}</h3>
      {failed && <p className="muted">{t('reviewUi.panel.availableOnline')}</p>}
      {!failed && threads === null && <p className="muted">{t('common.loading')}</p>}
      {threads?.length === 0 && <p className="muted">{t('reviewUi.panel.nothingElsewhere')}</p>}
      <ul className="other-attention__list">
        {threads?.map((th) => {
          const last = [...th.comments].reverse().find((c) => !c.deleted);
          return (
            <li key={th.id}>
              <a href={reportPath(th.reportId)} onClick={handleLinkClick} className="other-attention__link">
                <span className="other-attention__report">{th.reportTitle}</span>
                <span className="other-attention__where">{th.sectionTitle ?? t('reviewUi.panel.deletedSection')}</span>
                <span className="other-attention__quote">{t('reviewUi.panel.quote', { quote: th.quote })}</span>
                {last && (
                  <span className="other-attention__comment">
                    {t('reviewUi.panel.lastComment', { name: last.authorName, body: last.body })}
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
  const { t } = useTranslation();
  const review = useReview()!;
  const sections = useOutline(review.session.doc);
  const { suggestions } = useReviewItems(review, null);
  const [status, setStatus] = useState<'open' | 'decided'>('open');
  const activeSuggestionId = useReviewStore((s) => s.activeSuggestionId);
  const activateSuggestion = useReviewStore((s) => s.activateSuggestion);
  const goTo = useGoTo();
  const statusId = useId();
  const titles = new Map(sections.map((s) => [s.id, s.title.trim() || t('outline.untitled')]));
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
    showToast({ message, action: result.decided.length > 0 ? { label: t('toolbar.undo'), run: () => result.undo() } : undefined }, toastMs);
    setTimeout(() => result.dispose(), toastMs + 1000);
  };
  const shown = suggestions
    .filter((s) => (status === 'open' ? s.suggestion.status === 'open' : s.suggestion.status !== 'open'))
    .sort((a, b) => (order.get(a.suggestion.sectionId) ?? 1e9) - (order.get(b.suggestion.sectionId) ?? 1e9) || (a.state?.start ?? 0) - (b.state?.start ?? 0));
  return (
    <div className="review-tab">
      <div className="filters">
        <div className="filters__field">
          <label htmlFor={statusId}>{t('reviewUi.panel.show')}</label>
          <select id={statusId} className="input select filters__select" value={status} onChange={(e) => setStatus(e.target.value as 'open' | 'decided')}>
            <option value="open">{t('reviewUi.panel.statusOpen')}</option>
            <option value="decided">{t('reviewUi.panel.decided')}</option>
          </select>
        </div>
      </div>
      <p className="review-tab__count muted" aria-live="polite">
        {t('reviewUi.panel.suggestionCount', { count: shown.length })}
      </p>
      {canDecideAll && status === 'open' && (
        <div className="review-tab__actions" role="group" aria-label={t('reviewUi.panel.everyOpenSuggestion')}>
          <button type="button" className="button button--small" onClick={() => decideAll('accepted')}>
            {t('reviewUi.panel.acceptAllInReport')}
          </button>
          <button type="button" className="button button--small button--ghost" onClick={() => decideAll('rejected')}>
            {t('reviewUi.panel.rejectAllInReport')}
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
            sectionTitle={titles.get(suggestion.sectionId) ?? t('reviewUi.panel.deletedSection')}
            onGoToSection={() => {
              activateSuggestion(suggestion.id);
              goTo(suggestion.sectionId, `suggestion:${suggestion.id}`);
            }}
          />
        ))}
        {shown.length === 0 && <p className="review-list__empty muted">{status === 'open' ? t('reviewUi.panel.noSuggestionsWaiting') : t('reviewUi.panel.noDecidedSuggestions')}</p>}
      </div>
    </div>
  );
}
