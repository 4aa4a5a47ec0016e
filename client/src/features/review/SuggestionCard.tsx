/**
 * One suggested change: what it replaces, inserts or deletes, by whom and when, and for editors Accept and
 * Reject. A suggestion whose text changed since is flagged and needs an explicit "Apply anyway".
 */
import { useTranslation } from 'react-i18next';
import { decideSuggestion, withdrawSuggestion, type SuggestionInfo } from '../../../../shared/discussion/layout.ts';
import type { SuggestionState } from '../../../../shared/discussion/suggestions.ts';
import { Avatar } from '../../ui/Avatar.tsx';
import { colorFor } from './colors.ts';
import { DISCUSSION_ORIGIN } from './DiscussionSession.ts';
import { useReview } from './ReviewContext.tsx';
import { useReviewStore } from './reviewStore.ts';
import { fullTime, relativeTime } from './timeText.ts';
import { StructureChange } from './StructureChange.tsx';
import { structureLabel } from '../../editor/review/structureLabel.ts';
import { fillSlots, slot } from './slots.tsx';

const clip = (text: string, max = 160) => (text.length > max ? text.slice(0, max - 1) + '…' : text);

export function suggestionKind(s: SuggestionInfo): string {
  if (s.change.kind !== 'text') return structureLabel(s.change).toLowerCase();
  return !s.originalText ? 'insertion' : !s.insertText ? 'deletion' : 'replacement';
}

export function SuggestionChange({ s }: { s: SuggestionInfo }) {
  const { t } = useTranslation();
  if (s.change.kind !== 'text') return <StructureChange s={s} />;
  const kind = suggestionKind(s);
  const nodes = {
    ins: <ins className="rd-sugg-ins">{clip(s.insertText)}</ins>,
    del: <del className="rd-sugg-del">{clip(s.originalText)}</del>,
  };
  return (
    <p className="suggestion__change">
      {kind === 'insertion' && fillSlots(t('reviewUi.suggestion.insert', { ins: slot('ins') }), nodes)}
      {kind === 'deletion' && fillSlots(t('reviewUi.suggestion.delete', { del: slot('del') }), nodes)}
      {kind === 'replacement' && fillSlots(t('reviewUi.suggestion.replace', { del: slot('del'), ins: slot('ins') }), nodes)}
    </p>
  );
}

export function SuggestionCard({
  suggestion: s,
  state,
  active,
  sectionTitle,
  onGoToSection,
}: {
  suggestion: SuggestionInfo;
  state: SuggestionState | null;
  active: boolean;
  sectionTitle?: string;
  /** Set when the suggestion's section is not the one open: accepting happens in its editor. */
  onGoToSection?: () => void;
}) {
  const { t } = useTranslation();
  const review = useReview();
  const handle = useReviewStore((st) => st.editor);
  const activateSuggestion = useReviewStore((st) => st.activateSuggestion);
  const announce = useReviewStore((st) => st.announce);
  if (!review) return null;
  const { discussion, me, canDecide } = review;
  const open = s.status === 'open';
  const detached = !state || state.detached;
  const stale = !!state?.stale && !detached;
  const editorHere = handle && handle.sectionId === s.sectionId ? handle : null;

  const accept = (force: boolean) => {
    const result = editorHere?.accept([s], force);
    if (result?.accepted.length) announce(t('reviewUi.suggestion.accepted'));
    else if (result?.skipped[0]?.reason === 'stale') announce(t('reviewUi.suggestion.staleAnnounce'));
  };

  return (
    <article
      className={`suggestion${active ? ' suggestion--active' : ''}${stale ? ' suggestion--stale' : ''}${open ? '' : ' suggestion--decided'}`}
      data-testid="suggestion"
      data-suggestion-id={s.id}
      aria-label={t('reviewUi.suggestion.label', { kind: suggestionKind(s), name: s.authorName })}
      tabIndex={active ? -1 : 0}
      onClick={(e) => {
        if (!(e.target as HTMLElement).closest('button') && !active) activateSuggestion(s.id);
      }}
      onKeyDown={(e) => {
        if ((e.key === 'Enter' || e.key === ' ') && e.target === e.currentTarget) {
          e.preventDefault();
          activateSuggestion(s.id);
        }
      }}
    >
      {sectionTitle && (
        <div className="thread__meta">
          <span className="thread__section">{sectionTitle}</span>
        </div>
      )}
      <div className="comment__head">
        <Avatar name={s.authorName} color={colorFor(s.authorId)} size="sm" label="" />
        <span className="comment__author">{s.authorName}</span>
        <time className="comment__time" dateTime={s.createdAt} title={fullTime(s.createdAt)}>
          {relativeTime(s.createdAt)}
        </time>
      </div>
      <SuggestionChange s={s} />
      {open && detached && (
        <p className="suggestion__warning" role="note">
          {t('reviewUi.suggestion.detached')}
        </p>
      )}
      {open && stale && (
        <p className="suggestion__warning" role="note" data-testid="suggestion-stale">
          {state?.currentText ? t('reviewUi.suggestion.staleNow', { text: clip(state.currentText, 80) }) : t('reviewUi.suggestion.stale')}
        </p>
      )}
      {!open && (
        <p className="suggestion__decision muted">
          {t('reviewUi.suggestion.decision', { status: s.status === 'accepted' ? 'accepted' : 'rejected', hasTime: s.decidedAt ? 'yes' : 'no', time: s.decidedAt ? relativeTime(s.decidedAt) : '' })}
        </p>
      )}
      {open && me && (
        <div className="suggestion__actions">
          {canDecide && !detached && editorHere && (
            <button type="button" className="button button--small button--primary" onClick={() => accept(stale)}>
              {stale ? t('reviewUi.suggestion.applyAnyway') : t('reviewUi.suggestion.accept')}
            </button>
          )}
          {canDecide && !detached && !editorHere && onGoToSection && (
            <button type="button" className="button button--small" onClick={onGoToSection}>
              {t('reviewUi.suggestion.goToSection')}
            </button>
          )}
          {canDecide && (
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                decideSuggestion(discussion.doc, s.id, 'rejected', me, DISCUSSION_ORIGIN);
                announce(t('reviewUi.suggestion.rejected'));
              }}
            >
              {t('reviewUi.suggestion.reject')}
            </button>
          )}
          {!canDecide && s.authorId === me.id && (
            <button type="button" className="button button--small" onClick={() => withdrawSuggestion(discussion.doc, s.id, me, DISCUSSION_ORIGIN)}>
              {t('reviewUi.suggestion.withdraw')}
            </button>
          )}
        </div>
      )}
    </article>
  );
}
