/**
 * Every recommendation block of the report, in document order, with its SMART check: UPR Info's action
 * category, vague wording marked in the text, and which of actor, action, measurable result and deadline it
 * lacks. Hints only: nothing here blocks a submission.
 */
import { Trans, useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { listRecommendations, type RecommendationBlock } from '../../../../shared/report/recommendations.ts';
import type { SmartPart } from '../../../../shared/recommendations/smart.ts';
import { useReportUiStore } from '../../stores/reportUiStore.ts';
import { TagChip } from '../tagging/TagChip.tsx';
import { useTagDescriber, type TagDescriber } from '../tagging/useTagDescriber.ts';
import { derivedFrom, useDerived } from '../treaty/docDerived.ts';
import { TreatyIcon } from '../treaty/TreatyIcon.tsx';
import { useTreatyUiStore } from '../treaty/treatyUiStore.ts';
import { markVague } from './markVague.ts';
import './recommendations.css';

const recommendationsOf = derivedFrom(listRecommendations, 400);

/** Each SMART part with the message keys of its label and of the hint shown when it is missing. */
const PARTS: { part: SmartPart; label: string; hint: string }[] = [
  { part: 'actor', label: 'editing.recommendationsView.actor', hint: 'editing.recommendationsView.actorHint' },
  { part: 'action', label: 'editing.recommendationsView.action', hint: 'editing.recommendationsView.actionHint' },
  { part: 'measurable result', label: 'editing.recommendationsView.result', hint: 'editing.recommendationsView.resultHint' },
  { part: 'deadline', label: 'editing.recommendationsView.deadline', hint: 'editing.recommendationsView.deadlineHint' },
];

export function RecommendationsView({ doc }: { doc: Y.Doc }) {
  const { t } = useTranslation();
  const list = useDerived(recommendationsOf(doc));
  const describe = useTagDescriber(doc);
  const specific = list.filter((r) => r.smart.specific).length;
  return (
    <section className="treaty-view recommendations" aria-labelledby="recommendations-title" data-testid="recommendations-view">
      <header className="treaty-view__head">
        <h2 id="recommendations-title" className="treaty-view__title">
          {t('editing.recommendationsView.title')}
        </h2>
        <p className="muted" role="status">
          {list.length === 0
            ? t('editing.recommendationsView.none')
            : t('editing.recommendationsView.count', { count: list.length, specific })}
        </p>
      </header>
      {list.length === 0 ? (
        <div className="empty-hint">
          <TreatyIcon name="flag" size={22} />
          <p>
            <Trans i18nKey="editing.recommendationsView.emptyHint" components={{ strong: <strong /> }} />
          </p>
        </div>
      ) : (
        <ol className="rec-list">
          {list.map((r) => (
            <RecommendationCard key={`${r.sectionId}:${r.indexInSection}`} rec={r} describe={describe} />
          ))}
        </ol>
      )}
    </section>
  );
}

function RecommendationCard({ rec, describe }: { rec: RecommendationBlock; describe: TagDescriber }) {
  const { t } = useTranslation();
  const selectSection = useReportUiStore((s) => s.selectSection);
  const setView = useTreatyUiStore((s) => s.setView);
  const setTagFilter = useTreatyUiStore((s) => s.setTagFilter);
  const { smart } = rec;
  return (
    <li className={`rec-card rec-card--${smart.specific ? 'specific' : 'vague'}`} data-testid="recommendation-card">
      <div className="rec-card__head">
        <span className="rec-card__number">{rec.number}</span>
        <span className={`rec-category rec-category--${smart.category}`}>
          {t('editing.recommendationsView.category', { category: smart.category })}
        </span>
        <button
          type="button"
          className="section-link"
          onClick={() => {
            selectSection(rec.sectionId);
            setView('sections');
          }}
        >
          {rec.sectionTitle || t('outline.untitled')}
        </button>
      </div>
      <p className="rec-card__addressee">
        <span className="muted">{t('editing.recommendationsView.to')}</span> {rec.addressee ?? <span className="muted">{t('editing.recommendationsView.noAddressee')}</span>}
      </p>
      <p className="rec-card__text">
        {markVague(rec.text, smart.vagueTerms).map((part, i) =>
          part.vague ? (
            <mark key={i} className="vague" title={t('editing.recommendationsView.vagueWording')}>
              {part.text}
            </mark>
          ) : (
            <span key={i}>{part.text}</span>
          ),
        )}
      </p>
      {rec.tags.length > 0 && (
        <ul className="tag-chips">
          {rec.tags.map((id) => (
            <li key={id}>
              <TagChip id={id} description={describe(id)} onActivate={() => setTagFilter(id)} activateHint={t('editing.recommendationsView.tagHint')} />
            </li>
          ))}
        </ul>
      )}
      <ul className="smart" aria-label={t('editing.recommendationsView.smartCheck')}>
        {PARTS.map(({ part, label, hint }) => {
          const missing = smart.missing.includes(part);
          return (
            <li key={part} className={`smart__part smart__part--${missing ? 'missing' : 'ok'}`}>
              <TreatyIcon name={missing ? 'cross' : 'check'} size={14} />
              <span>
                {t(label)}
                <span className="visually-hidden">{missing ? t('editing.recommendationsView.partMissing') : t('editing.recommendationsView.partPresent')}</span>
              </span>
            </li>
          );
        })}
      </ul>
      {(smart.missing.length > 0 || smart.vagueTerms.length > 0) && (
        <ul className="rec-card__hints">
          {smart.vagueTerms.length > 0 && <li>{t('editing.recommendationsView.vague', { terms: smart.vagueTerms.map((term) => t('editing.recommendationsView.quoted', { term })).join(', ') })}</li>}
          {PARTS.filter((p) => smart.missing.includes(p.part)).map((p) => (
            <li key={p.part}>{t(p.hint)}</li>
          ))}
        </ul>
      )}
    </li>
  );
}
